// The audio step with real FFmpeg on generated media: loudness of the outputs measured independently
// (ebur128, not the loudnorm filter that did the work), playable HLS, an MP3 of the same duration,
// waveform peaks, progress, and safe re-runs.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'hls-parser';
import { processAudio } from '../../src/media/steps/audio.js';
import { measureEbur128 } from '../../src/media/steps/loudness.js';
import { probe } from '../../src/media/steps/probe.js';
import type { MediaProgress } from '../../src/media/steps/progress.js';
import type { Waveform } from '../../src/media/steps/waveform.js';
import { ffmpeg, lavfi, quietWithPeaks, scratchDir, tone } from './media-fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir());
});
afterAll(() => cleanup());

describe('processAudio', () => {
  it('turns a quiet 3-minute mono tone into −16 LUFS HLS, MP3 and waveform, with the file\'s duration', async () => {
    const input = join(dir, 'tone.wav');
    await tone(input, 180, { amplitude: 0.05 });
    const out = join(dir, 'tone-out');
    const progress: MediaProgress[] = [];
    const manifest = await processAudio(input, out, { onProgress: (p) => progress.push(p) });

    // The episode's duration comes from the file: 180 s, within one AAC frame of the source.
    expect(Math.abs(manifest.durationSeconds! - 180)).toBeLessThanOrEqual(1024 / 48000);
    expect(manifest.source.contentType).toBe('audio/wav');
    expect(manifest.source.probe?.audio).toMatchObject({ channels: 1, sampleRate: 48000 });

    // Loudness: the source was about −26 LUFS; both outputs measure −16 ± 1 with an independent meter.
    expect(manifest.loudness?.input.integrated).toBeLessThan(-24);
    expect(manifest.loudness?.normalization).toBe('linear');
    const mp3Loudness = await measureEbur128(join(out, 'audio.mp3'));
    const hlsLoudness = await measureEbur128(join(out, manifest.renditions![0]!.playlist));
    for (const measured of [mp3Loudness, hlsLoudness]) {
      expect(measured.integrated).toBeGreaterThanOrEqual(-17);
      expect(measured.integrated).toBeLessThanOrEqual(-15);
      expect(measured.truePeak).toBeLessThanOrEqual(-1);
    }

    // MP3: mono kept, 128 kb/s CBR, 44.1 kHz, same duration (LAME adds < 2 frames of delay and padding).
    const mp3 = await probe(join(out, 'audio.mp3'));
    expect(mp3.audio).toMatchObject({ codec: 'mp3', channels: 1, sampleRate: 44100, bitRate: 128000 });
    expect(Math.abs(mp3.durationSeconds - 180)).toBeLessThanOrEqual((2 * 1152) / 44100);

    // HLS: a master playlist naming one AAC-LC rendition; every segment is audio ffprobe reads.
    const master = parse(await readFile(join(out, 'hls/master.m3u8'), 'utf8'));
    expect(master.isMasterPlaylist).toBe(true);
    if (!master.isMasterPlaylist) return;
    expect(master.variants).toHaveLength(1);
    const variant = master.variants[0]!;
    expect(variant.codecs).toBe('mp4a.40.2');
    expect(variant.bandwidth).toBeGreaterThanOrEqual(variant.averageBandwidth!);
    expect(variant.averageBandwidth).toBeGreaterThan(50_000);
    const media = parse(await readFile(join(out, 'hls', variant.uri), 'utf8'));
    expect(media.isMasterPlaylist).toBe(false);
    if (media.isMasterPlaylist) return;
    expect(media.playlistType).toBe('VOD');
    expect(media.endlist).toBe(true);
    const total = media.segments.reduce((sum, s) => sum + s.duration, 0);
    expect(Math.abs(total - 180)).toBeLessThan(0.1);
    // ffprobe reads the segments (first, middle, last: 31 of them would only repeat the point).
    const sample = [media.segments[0]!, media.segments[Math.floor(media.segments.length / 2)]!, media.segments.at(-1)!];
    for (const segment of sample) {
      const info = await probe(join(out, 'hls', variant.uri, '..', segment.uri));
      expect(info.kind).toBe('audio');
      expect(info.audio).toMatchObject({ codec: 'aac', channels: 1, sampleRate: 44100 });
      expect(segment.duration).toBeLessThanOrEqual(6.1);
    }

    // Waveform: 10 peaks a second, audiowaveform's format, a steady tone gives steady peaks.
    const waveform = JSON.parse(await readFile(join(out, 'waveform.json'), 'utf8')) as Waveform;
    expect(waveform).toMatchObject({ version: 2, channels: 1, bits: 8, sample_rate: 44100, samples_per_pixel: 4410 });
    expect(Math.abs(waveform.length - 1800)).toBeLessThanOrEqual(1);
    expect(waveform.data).toHaveLength(waveform.length * 2);
    const maxima = waveform.data.filter((_, i) => i % 2 === 1).slice(1, -1);
    expect(Math.min(...maxima)).toBeGreaterThan(10);
    expect(Math.max(...maxima) - Math.min(...maxima)).toBeLessThanOrEqual(2);

    // The manifest lists every file with its type, and the same document is on disk.
    expect(manifest.outputs.map((o) => o.mimeType)).toEqual(expect.arrayContaining(['application/vnd.apple.mpegurl', 'video/mp2t', 'audio/mpeg', 'application/json']));
    expect(manifest.outputs.filter((o) => o.role === 'hls-segment')).toHaveLength(media.segments.length);
    expect(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))).toEqual(manifest);

    // Progress: only ever up, ending at exactly 100.
    const percents = progress.map((p) => p.percent);
    expect(percents.length).toBeGreaterThan(3);
    for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThan(percents[i - 1]!);
    expect(percents.at(-1)).toBe(100);
    expect(percents.slice(0, -1).every((p) => p < 100)).toBe(true);
  }, 120_000);

  it('limits peaks to −1 dBTP when one gain cannot reach −16 LUFS, and keeps stereo', async () => {
    const input = join(dir, 'peaks.wav');
    await quietWithPeaks(input, 20);
    const manifest = await processAudio(input, join(dir, 'peaks-out'));
    expect(manifest.loudness!.input.integrated).toBeLessThan(-25);
    expect(manifest.loudness!.input.truePeak).toBeGreaterThan(-1);
    // One gain would have put the bursts ~10 dB over full scale: a limiter held them first.
    expect(manifest.loudness!.limiterCeilingDb).toBeLessThan(-5);
    const measured = await measureEbur128(join(dir, 'peaks-out', 'audio.mp3'));
    expect(measured.integrated).toBeGreaterThanOrEqual(-17);
    expect(measured.integrated).toBeLessThanOrEqual(-15);
    // loudnorm holds −1 dBTP; a lossy encoder may overshoot it by a fraction of a dB.
    expect(measured.truePeak).toBeLessThanOrEqual(-0.5);
    expect(manifest.renditions![0]).toMatchObject({ name: 'aac-128k', channels: 2 });
    expect((await probe(join(dir, 'peaks-out', 'audio.mp3'))).audio?.channels).toBe(2);
  }, 60_000);

  it('leaves silence alone and says so', async () => {
    const input = join(dir, 'silence.wav');
    await ffmpeg([...lavfi('anullsrc=r=48000:cl=stereo'), '-t', '5', input]);
    const manifest = await processAudio(input, join(dir, 'silence-out'));
    expect(manifest.loudness?.normalization).toBe('none');
    expect(manifest.warnings.join(' ')).toMatch(/silent/);
    expect((await probe(join(dir, 'silence-out', 'audio.mp3'))).durationSeconds).toBeCloseTo(5, 1);
  }, 60_000);

  it('takes the decoded duration when ffprobe could only estimate it (VBR MP3 without a Xing header)', async () => {
    const input = join(dir, 'vbr.mp3');
    // quiet start, loud rest: the first frames' bit rate says nothing about the whole file
    await ffmpeg([...lavfi('anoisesrc=color=pink:amplitude=0.3:duration=30,tremolo=f=3:d=0.8'), '-af', "volume='if(lt(t,5),0.01,1)':eval=frame", '-c:a', 'libmp3lame', '-q:a', '6', '-write_xing', '0', input]);
    const probed = await probe(input);
    expect(probed.durationEstimated).toBe(true);
    expect(Math.abs(probed.durationSeconds - 30)).toBeGreaterThan(2); // ffprobe's guess is off
    const manifest = await processAudio(input, join(dir, 'vbr-out'));
    expect(Math.abs(manifest.durationSeconds! - 30)).toBeLessThanOrEqual(0.1);
    expect(manifest.warnings.join(' ')).toMatch(/measured by decoding/);
  }, 60_000);

  it('replaces earlier outputs whole on a re-run and leaves no temporary directory', async () => {
    const input = join(dir, 'short.wav');
    await tone(input, 14, { amplitude: 0.2 });
    const out = join(dir, 'rerun', 'episode-1');
    const first = await processAudio(input, out);
    await mkdir(join(out, 'junk'), { recursive: true });
    await writeFile(join(out, 'junk', 'stale.txt'), 'left from an older run');
    const second = await processAudio(input, out);

    expect(second.outputs.map((o) => o.path)).toEqual(first.outputs.map((o) => o.path));
    expect(second.source.sha256).toBe(first.source.sha256);
    expect(second.durationSeconds).toBe(first.durationSeconds);
    // MP3 and waveform are byte-identical (same FFmpeg, same input); the directory holds nothing else.
    const bytes = (m: typeof first, role: string) => m.outputs.find((o) => o.role === role)!.sha256;
    expect(bytes(second, 'mp3')).toBe(bytes(first, 'mp3'));
    expect(bytes(second, 'waveform')).toBe(bytes(first, 'waveform'));
    expect((await readdir(out)).sort()).toEqual(['audio.mp3', 'hls', 'manifest.json', 'waveform.json']);
    expect(await readdir(join(dir, 'rerun'))).toEqual(['episode-1']);
  }, 60_000);
});
