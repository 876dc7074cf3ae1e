// `thmnayah media-task` and the runner behind it: the kind follows the file's bytes and streams, the
// manifest goes to stdout, progress to stderr, and a refused file gives exit code 1 with a JSON error.
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { mediaTaskCommand } from '../../src/media/jobs/media-task.command.js';
import { resolveKind, runMediaTask } from '../../src/media/jobs/media-task.js';
import type { MediaManifest } from '../../src/media/steps/manifest.js';
import { clip, pdf, scratchDir, tone } from './media-fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir());
});
afterAll(() => cleanup());

async function run(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: '', err: '' };
  stdout.on('data', (c: Buffer) => (chunks.out += c.toString()));
  stderr.on('data', (c: Buffer) => (chunks.err += c.toString()));
  const code = await mediaTaskCommand(args, { stdout, stderr });
  return { code, ...chunks };
}

describe('media-task', () => {
  it('picks the step from the file: audio, video or artwork', async () => {
    const wav = join(dir, 'a.wav');
    const mp4 = join(dir, 'v.mp4');
    const png = join(dir, 'i.png');
    await Promise.all([
      tone(wav, 1),
      clip(mp4, { width: 160, height: 120, seconds: 1 }),
      sharp({ create: { width: 200, height: 200, channels: 3, background: '#336699' } }).png().toFile(png),
    ]);
    expect(await resolveKind({ kind: 'auto', input: wav, outDir: '' })).toBe('audio');
    expect(await resolveKind({ kind: 'auto', input: mp4, outDir: '' })).toBe('video');
    expect(await resolveKind({ kind: 'auto', input: png, outDir: '' })).toBe('artwork');
    const manifest = await runMediaTask({ kind: 'auto', input: png, outDir: join(dir, 'i-out') });
    expect(manifest.step).toBe('artwork');
  });

  it('prints the manifest on stdout and progress on stderr', async () => {
    const input = join(dir, 'episode.wav');
    await tone(input, 8);
    const { code, out, err } = await run(['--input', input, '--out', join(dir, 'episode-out')]);
    expect(code).toBe(0);
    const manifest = JSON.parse(out) as MediaManifest;
    expect(manifest.step).toBe('audio');
    expect(manifest.durationSeconds).toBeCloseTo(8, 1);
    expect(err).toMatch(/^progress [\d.]+% measure-loudness$/m);
    expect(err.trim().split('\n').at(-1)).toBe('progress 100.0% done');
  }, 30_000);

  it('handles Arabic file and directory names with spaces', async () => {
    const input = join(dir, 'حلقة ١ - المقدمة.wav');
    await tone(input, 2);
    const { code, out } = await run(['--input', input, '--out', join(dir, 'البرنامج', 'حلقة ١')]);
    expect(code).toBe(0);
    expect((JSON.parse(out) as MediaManifest).entry.mp3).toBe('audio.mp3');
  });

  it('exits 1 with a JSON error for a refused file, and 2 for bad usage', async () => {
    const input = join(dir, 'talk.mp3');
    await pdf(input);
    const refused = await run(['--input', input, '--out', join(dir, 'talk-out')]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toEqual({ error: { code: 'unsupported-type', message: '"talk.mp3" is not audio, video or an image: its bytes are a PDF document' } });
    expect(refused.err).toMatch(/^media-task failed \(unsupported-type\)/);

    expect((await run(['--input', input])).code).toBe(2);
    expect((await run(['--input', input, '--out', dir, '--kind', 'podcast'])).err).toMatch(/--kind must be one of auto, audio, video, artwork/);
    expect((await run(['--input', input, '--out', dir, '--timeout', 'soon'])).code).toBe(2);
  });

  it('applies --max-duration before any transcoding', async () => {
    const input = join(dir, 'long.wav');
    await tone(input, 5);
    const { code, out } = await run(['--input', input, '--out', join(dir, 'long-out'), '--max-duration', '2']);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({ error: { code: 'too-large', message: '"long.wav" lasts 5 s, over the limit of 2 s' } });
  });
});
