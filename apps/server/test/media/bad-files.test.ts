// Bad and oversized inputs end in a MediaError with a code and a readable reason — before FFmpeg spends
// time on them where possible — never in a hang, a crash, or a half-written output directory.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processAudio } from '../../src/media/steps/audio.js';
import { processVideo } from '../../src/media/steps/video.js';
import { detectContentType } from '../../src/media/steps/content-type.js';
import { MediaError, type MediaErrorCode } from '../../src/media/steps/errors.js';
import { probe } from '../../src/media/steps/probe.js';
import type { MediaProgress } from '../../src/media/steps/progress.js';
import { clip, cutOff, ffmpeg, lavfi, pdf, scratchDir, tenHoursOfSilence, tone } from './media-fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir());
});
afterAll(() => cleanup());

async function failure(promise: Promise<unknown>, code: MediaErrorCode): Promise<MediaError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(MediaError);
  expect((error as MediaError).code).toBe(code);
  return error as MediaError;
}

async function leftovers(name: string) {
  return (await readdir(dir)).filter((entry) => entry.includes(name));
}

describe('bad files', () => {
  it('refuses a zero-byte file', async () => {
    const input = join(dir, 'empty.mp3');
    await writeFile(input, '');
    const error = await failure(processAudio(input, join(dir, 'empty-out'), { claimedName: 'empty.mp3' }), 'empty-file');
    expect(error.message).toBe('"empty.mp3" is empty (0 bytes)');
    expect(await leftovers('empty-out')).toEqual([]);
  });

  it('refuses a PDF named .mp3, by its bytes', async () => {
    const input = join(dir, 'episode.mp3');
    await pdf(input);
    const error = await failure(processAudio(input, join(dir, 'pdf-out'), { claimedName: 'episode.mp3' }), 'unsupported-type');
    expect(error.message).toBe('"episode.mp3" is not audio or video: its bytes are a PDF document');
    expect(await leftovers('pdf-out')).toEqual([]);
  });

  it('refuses text and playlists that FFmpeg could be led to open other files or URLs with', async () => {
    const playlist = join(dir, 'sneaky.mp3');
    await writeFile(playlist, '#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:9/secret.ts\n#EXT-X-ENDLIST\n');
    const error = await failure(detectContentType(playlist, { claimedName: 'sneaky.mp3' }), 'unsupported-type');
    expect(error.message).toMatch(/match no known audio, video or image format/);
    // and ffprobe alone (if a caller skipped detection) is held to local files by the protocol whitelist:
    // the playlist's http:// segment is never fetched, and the file is refused
    const direct = await probe(playlist).then(() => undefined, (e: unknown) => e);
    expect(direct).toBeInstanceOf(MediaError);
    expect(['unreadable', 'unsupported-type']).toContain((direct as MediaError).code);
  });

  it('refuses a truncated MP4 whose index (moov) was lost', async () => {
    const whole = join(dir, 'whole.mp4');
    await clip(whole, { width: 320, height: 240, seconds: 3 });
    const cut = join(dir, 'cut.mp4');
    await cutOff(whole, cut, 0.5);
    const error = await failure(processVideo(cut, join(dir, 'cut-out'), { claimedName: 'cut.mp4' }), 'unreadable');
    expect(error.message).toMatch(/^"cut\.mp4" cannot be read as audio or video: .*moov atom not found/);
    expect(await leftovers('cut-out')).toEqual([]);
  }, 30_000);

  it('refuses a truncated MP4 whose index survived (faststart) once decoding runs short', async () => {
    const whole = join(dir, 'whole-faststart.mp4');
    await clip(whole, { width: 320, height: 240, seconds: 10, faststart: true });
    const cut = join(dir, 'cut-faststart.mp4');
    await cutOff(whole, cut, 0.4);
    // ffprobe believes the header: ten seconds
    expect((await probe(cut)).durationSeconds).toBeCloseTo(10, 0);
    const error = await failure(processVideo(cut, join(dir, 'cut-faststart-out'), { claimedName: 'cut-faststart.mp4' }), 'unreadable');
    expect(error.message).toMatch(/ends early: only [\d.]+ s of the 10\.0 s/);
    expect(await leftovers('cut-faststart-out')).toEqual([]);
  }, 30_000);

  it('refuses a 10-hour file over the duration limit from ffprobe alone, without transcoding', async () => {
    const input = join(dir, 'ten-hours.flac');
    await tenHoursOfSilence(input);
    const progress: MediaProgress[] = [];
    const started = Date.now();
    const error = await failure(processAudio(input, join(dir, 'ten-hours-out'), { limits: { maxDurationSeconds: 4 * 3600 }, onProgress: (p) => progress.push(p) }), 'too-large');
    expect(error.message).toBe('the file lasts 10 h 00 min, over the limit of 4 h 00 min');
    expect(error.detail).toMatchObject({ durationSeconds: 36000, maxDurationSeconds: 14400 });
    expect(progress).toEqual([]); // no FFmpeg pass started
    expect(Date.now() - started).toBeLessThan(20_000); // a transcode of 10 h would take minutes
    expect(await leftovers('ten-hours-out')).toEqual([]);
  }, 30_000);

  it('refuses a file over the size limit before probing it', async () => {
    const input = join(dir, 'big.wav');
    await tone(input, 2);
    await failure(processAudio(input, join(dir, 'big-out'), { limits: { maxInputBytes: 1000 } }), 'too-large');
  });

  it('refuses a video file for the video step when it has only sound, and vice versa', async () => {
    const audioOnly = join(dir, 'only-sound.m4a');
    await ffmpeg([...lavfi('sine=duration=2'), '-c:a', 'aac', audioOnly]);
    const error = await failure(processVideo(audioOnly, join(dir, 'only-sound-out')), 'unreadable');
    expect(error.message).toMatch(/has no video stream/);
    const silentFilm = join(dir, 'silent-film.mp4');
    await clip(silentFilm, { width: 160, height: 120, seconds: 1, audio: false });
    expect((await failure(processAudio(silentFilm, join(dir, 'silent-film-out')), 'unreadable')).message).toMatch(/has no audio stream/);
  }, 30_000);

  it('says when a file is missing', async () => {
    await failure(processAudio(join(dir, 'nowhere.mp3'), join(dir, 'nowhere-out')), 'unreadable');
  });
});
