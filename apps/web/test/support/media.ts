// Test media made with FFmpeg: Debian's ffmpeg, else the build the server ships through npm.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

export function ffmpegBinary(): string {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return 'ffmpeg';
  } catch {
    return (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  }
}
