// Where FFmpeg comes from: FFMPEG_PATH/FFPROBE_PATH, the system's PATH, else the static builds in npm
// packages — which must really work offline, for the whole pipeline, since `npm start` relies on them
// when no FFmpeg is installed.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processAudio } from '../../src/media/steps/audio.js';
import { locateTool, locateTools, toolVersion } from '../../src/media/steps/binaries.js';
import { measureEbur128 } from '../../src/media/steps/loudness.js';
import type { VideoRendition } from '../../src/media/steps/manifest.js';
import { processVideo } from '../../src/media/steps/video.js';
import { clip, scratchDir, tone } from './media-fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir());
});
afterAll(() => cleanup());

describe('locating FFmpeg', () => {
  it('takes FFMPEG_PATH first and says clearly when it is wrong', () => {
    expect(locateTool('ffmpeg', { FFMPEG_PATH: '/bin/true', PATH: '' })).toEqual({ path: '/bin/true', source: 'env' });
    expect(() => locateTool('ffmpeg', { FFMPEG_PATH: '/nonexistent/ffmpeg' })).toThrow('FFMPEG_PATH=/nonexistent/ffmpeg is not an executable file');
  });

  it('falls back to the npm-shipped static builds when nothing is on PATH', async () => {
    const tools = locateTools({ PATH: '' });
    expect(tools.ffmpeg.source).toBe('npm');
    expect(tools.ffprobe.source).toBe('npm');
    expect(tools.ffmpeg.path).toMatch(/@ffmpeg-installer/);
    expect(await toolVersion(tools.ffmpeg)).toMatch(/^ffmpeg version /);
    expect(await toolVersion(tools.ffprobe)).toMatch(/^ffprobe version /);
  });
});

describe('the pipeline on the npm-shipped FFmpeg (2018 snapshot) and ffprobe (2023)', () => {
  const npmTools = () => locateTools({ PATH: '' });

  it('normalises audio and writes HLS, MP3 and waveform', async () => {
    const input = join(dir, 'tone.wav');
    await tone(input, 12, { amplitude: 0.05 }, npmTools());
    const manifest = await processAudio(input, join(dir, 'audio-out'), { tools: npmTools() });
    expect(manifest.tools.ffmpeg).toBe(await toolVersion(npmTools().ffmpeg));
    expect(manifest.outputs.map((o) => o.role)).toEqual(expect.arrayContaining(['hls-master', 'hls-segment', 'mp3', 'waveform']));
    const measured = await measureEbur128(join(dir, 'audio-out', 'audio.mp3'), { tools: npmTools() });
    expect(Math.abs(measured.integrated + 16)).toBeLessThanOrEqual(1);
  }, 60_000);

  it('makes a video ladder and poster', async () => {
    const input = join(dir, 'clip.mp4');
    await clip(input, { width: 640, height: 360, seconds: 2 }, npmTools());
    const manifest = await processVideo(input, join(dir, 'video-out'), { tools: npmTools() });
    expect((manifest.renditions as VideoRendition[]).map((r) => `${r.name} ${r.width}x${r.height} ${r.codecs}`)).toEqual(['360p 640x360 avc1.64001e,mp4a.40.2']);
    expect(manifest.entry.poster).toBe('poster.jpg');
  }, 60_000);
});
