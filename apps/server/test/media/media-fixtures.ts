// Test media, generated with FFmpeg's lavfi sources (sine, anoisesrc, anullsrc, testsrc2, smptebars) by
// the same FFmpeg the pipeline uses, so no binary fixture lives in the repository. Short where the
// assertion allows: 720p encodes at about real time on two cores.
import { mkdtemp, rm, writeFile, readFile, truncate, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateTools, type Tools } from '../../src/media/steps/binaries.js';
import { runTool } from '../../src/media/steps/run-tool.js';

export async function scratchDir(prefix = 'thmnayah-media-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs ffmpeg -y with these arguments (inputs and output included). */
export async function ffmpeg(args: string[], tools: Tools = locateTools()): Promise<void> {
  await runTool(tools.ffmpeg, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], { label: 'test fixture', timeoutMs: 120_000 });
}

export const lavfi = (graph: string) => ['-f', 'lavfi', '-i', graph];

/** A mono sine tone, quiet (about −26 LUFS), as WAV. */
export async function tone(path: string, seconds: number, options: { frequency?: number; amplitude?: number; sampleRate?: number } = {}, tools?: Tools) {
  const amplitude = options.amplitude ?? 0.05;
  await ffmpeg([...lavfi(`sine=frequency=${options.frequency ?? 1000}:sample_rate=${options.sampleRate ?? 48000}:duration=${seconds}`), '-af', `volume=${amplitude * 8}`, '-ac', '1', path], tools);
}

/** A quiet stereo tone (about −35 LUFS) with a 3 ms full-scale burst every 3 s: one gain for the whole file
 *  would push the bursts far over −1 dBTP, so loudnorm has to limit them. */
export async function quietWithPeaks(path: string, seconds: number) {
  await ffmpeg([...lavfi(`aevalsrc=0.03*sin(2*PI*300*t)+0.95*sin(2*PI*1000*t)*lt(mod(t\\,3)\\,0.003):s=44100:d=${seconds}`), '-af', 'pan=stereo|c0=c0|c1=c0', path]);
}

/** A test-pattern clip with a tone, H.264/AAC in MP4 (moov at the end, as a camera writes it). */
export async function clip(path: string, options: { width: number; height: number; seconds: number; rate?: number; audio?: boolean; pattern?: 'testsrc2' | 'smptebars'; faststart?: boolean }, tools?: Tools) {
  const { width, height, seconds } = options;
  const rate = options.rate ?? 25;
  await ffmpeg([
    ...lavfi(`${options.pattern ?? 'testsrc2'}=size=${width}x${height}:rate=${rate}:duration=${seconds}`),
    ...(options.audio === false ? [] : lavfi(`sine=frequency=440:sample_rate=48000:duration=${seconds}`)),
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
    ...(options.audio === false ? [] : ['-c:a', 'aac', '-ac', '2']),
    ...(options.faststart ? ['-movflags', '+faststart'] : []),
    path,
  ], tools);
}

/** Ten hours of silence in 2.7 MB: FLAC of a 1 kHz-sampled silence, made in about two seconds. */
export async function tenHoursOfSilence(path: string) {
  await ffmpeg([...lavfi('anullsrc=r=1000:cl=mono'), '-t', '36000', '-c:a', 'flac', path]);
}

/** A small but real PDF document. */
export async function pdf(path: string) {
  const body = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  await writeFile(path, body);
}

/** Keeps only the first `fraction` of a file's bytes (an upload cut off). */
export async function cutOff(source: string, target: string, fraction: number) {
  const bytes = await readFile(source);
  await writeFile(target, bytes.subarray(0, Math.floor(bytes.length * fraction)));
  const { size } = await stat(target);
  if (size === 0) await truncate(target, 0);
}
