// The small parts every step relies on: FFmpeg progress parsing, monotonic progress, atomic output
// directories, the child-process runner's errors, probe interpretation and waveform folding.
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAtomically } from '../../src/media/steps/atomic-dir.js';
import { MediaError } from '../../src/media/steps/errors.js';
import { avcCodecString } from '../../src/media/steps/hls.js';
import { limiterCeilingDb, normalizeFilter, parseLoudnorm, peaksNeedLimiting, targetRange } from '../../src/media/steps/loudness.js';
import { interpretProbe } from '../../src/media/steps/probe.js';
import { FfmpegProgressParser, ProgressReporter, type MediaProgress } from '../../src/media/steps/progress.js';
import { runTool } from '../../src/media/steps/run-tool.js';
import { PeakCollector, samplesPerPeak } from '../../src/media/steps/waveform.js';
import { scratchDir } from './media-fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir());
});
afterAll(() => cleanup());

describe('FFmpeg progress', () => {
  it('reads out_time_us, the older out_time_ms (also microseconds) and out_time, across split chunks', () => {
    const seen: Array<[number, boolean]> = [];
    const parser = new FfmpegProgressParser((seconds, ended) => seen.push([seconds, ended]));
    parser.feed('frame=10\nout_time_us=1500000\nout_time_ms=1500000\nout_ti');
    parser.feed('me=00:00:01.500000\nprogress=continue\nout_time_ms=3000000\nprogress=continue\n');
    parser.feed('out_time_us=N/A\nout_time=01:00:02.250000\nprogress=continue\nprogress=end\n');
    expect(seen).toEqual([[1.5, false], [3, false], [3602.25, false], [0, true]]);
  });

  it('combines weighted phases into one percentage that never goes back and ends at 100', () => {
    const events: MediaProgress[] = [];
    const reporter = new ProgressReporter([{ name: 'a', weight: 1 }, { name: 'b', weight: 3 }], (p) => events.push(p));
    reporter.update('a', 0.5);
    reporter.update('a', 0.4); // backwards: ignored
    reporter.update('a', 1);
    reporter.update('b', 0.5);
    reporter.update('unknown', 1);
    reporter.update('b', 1); // the last pass ending is not the step ending
    reporter.done();
    reporter.done();
    expect(events).toEqual([
      { percent: 12.5, phase: 'a' }, { percent: 25, phase: 'a' }, { percent: 62.5, phase: 'b' }, { percent: 99.9, phase: 'b' }, { percent: 100, phase: 'done' },
    ]);
  });
});

describe('writeAtomically', () => {
  it('shows the new directory only when the work succeeded, and keeps the old one when it failed', async () => {
    const target = join(dir, 'atomic', 'episode');
    await writeAtomically(target, async (temp) => writeFile(join(temp, 'a.txt'), 'first'));
    expect(await readFile(join(target, 'a.txt'), 'utf8')).toBe('first');

    const failed = writeAtomically(target, async (temp) => {
      await writeFile(join(temp, 'a.txt'), 'half-written');
      throw new Error('encoder crashed');
    });
    await expect(failed).rejects.toThrow('encoder crashed');
    expect(await readFile(join(target, 'a.txt'), 'utf8')).toBe('first');

    await writeAtomically(target, async (temp) => writeFile(join(temp, 'b.txt'), 'second'));
    expect(await readdir(target)).toEqual(['b.txt']);
    expect(await readdir(join(dir, 'atomic'))).toEqual(['episode']);
  });

  it('sweeps temporary directories a crashed run left behind, once they are stale', async () => {
    const parent = join(dir, 'sweep');
    await mkdir(join(parent, '.episode.tmp-dead0001'), { recursive: true });
    await mkdir(join(parent, '.episode.tmp-young001'), { recursive: true });
    const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await utimes(join(parent, '.episode.tmp-dead0001'), old, old);
    await writeAtomically(join(parent, 'episode'), async () => {});
    expect((await readdir(parent)).sort()).toEqual(['.episode.tmp-young001', 'episode']);
  });
});

describe('runTool', () => {
  it('names a missing binary as tool-missing', async () => {
    const error = await runTool({ path: join(dir, 'no-such-ffmpeg'), source: 'env' }, ['-version'], { label: 'probe', timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ code: 'tool-missing' });
  });

  it('reports a failing command with its exit code and last output lines', async () => {
    const error = await runTool({ path: '/bin/sh', source: 'env' }, ['-c', 'echo "first line" >&2; echo "Invalid data found" >&2; exit 3'], { label: 'encode', timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'transcode-failed', message: 'encode failed: sh exited with code 3: first line | Invalid data found', detail: { exitCode: 3 } });
  });

  it('kills the whole process group on timeout, children included', async () => {
    const marker = join(dir, 'child-pid');
    const started = Date.now();
    const error = await runTool({ path: '/bin/sh', source: 'env' }, ['-c', `/bin/sleep 30 & echo $! > ${marker}; wait`], { label: 'stuck', timeoutMs: 500 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(10_000);
    const childPid = Number(await readFile(marker, 'utf8'));
    // the grandchild (sleep) died with its group: gone, or a zombie waiting for init to reap it
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stat = await readFile(`/proc/${childPid}/stat`, 'utf8').catch(() => 'gone');
    expect(stat === 'gone' || / Z /.test(stat)).toBe(true);
  });

  it('refuses to start when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runTool({ path: '/bin/true', source: 'env' }, [], { label: 'x', timeoutMs: 1000, signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('loudness arithmetic', () => {
  const measured = { integrated: -27.9, truePeak: -0.2, range: 4, threshold: -37.9, targetOffset: 0.5 };
  it('plans a limiter only when the gain would push peaks past −1 dBTP', () => {
    expect(peaksNeedLimiting(measured)).toBe(true);
    expect(limiterCeilingDb(measured)).toBeCloseTo(-13.9, 5);
    expect(peaksNeedLimiting({ ...measured, truePeak: -15 })).toBe(false);
    expect(peaksNeedLimiting({ ...measured, integrated: -Infinity })).toBe(false);
  });
  it('keeps a wide loudness range instead of compressing it, up to loudnorm\'s 20 LU', () => {
    expect(targetRange({ ...measured, range: 4 })).toBe(11);
    expect(targetRange({ ...measured, range: 14.2 })).toBe(15);
    expect(targetRange({ ...measured, range: 31 })).toBe(20);
  });
  it('writes the second-pass filter from the first pass, and none for silence', () => {
    expect(normalizeFilter({ ...measured, range: 0 })).toBe('loudnorm=I=-16:TP=-1:LRA=11:measured_I=-27.90:measured_TP=-0.20:measured_LRA=0.01:measured_thresh=-37.90:offset=0.50:linear=true:print_format=json');
    expect(normalizeFilter({ ...measured, integrated: -Infinity })).toBeUndefined();
  });
  it('parses loudnorm\'s JSON report, -inf included', () => {
    const log = `junk\n[Parsed_loudnorm_0 @ 0x1] \n{\n\t"input_i" : "-inf",\n\t"input_tp" : "-inf",\n\t"input_lra" : "0.00",\n\t"input_thresh" : "-70.00",\n\t"output_i" : "-inf",\n\t"output_tp" : "-inf",\n\t"output_lra" : "0.00",\n\t"output_thresh" : "-70.00",\n\t"normalization_type" : "dynamic",\n\t"target_offset" : "inf"\n}\n`;
    expect(parseLoudnorm(log).input).toEqual({ integrated: -Infinity, truePeak: -Infinity, range: 0, threshold: -70, targetOffset: Infinity });
    expect(() => parseLoudnorm('nothing here')).toThrow(MediaError);
  });
});

describe('interpretProbe', () => {
  it('calls an MP3 with cover art audio, and sees rotation and non-square pixels in video', () => {
    const mp3 = interpretProbe({
      format: { format_name: 'mp3', duration: '61.5' },
      streams: [
        { index: 0, codec_type: 'audio', codec_name: 'mp3', sample_rate: '44100', channels: 2 },
        { index: 1, codec_type: 'video', codec_name: 'mjpeg', width: 600, height: 600, disposition: { attached_pic: 1 } },
      ],
    });
    expect(mp3).toMatchObject({ kind: 'audio', durationSeconds: 61.5, audio: { channels: 2 }, video: undefined });
    expect(mp3.streams[1]).toMatchObject({ attachedPicture: true });

    const phone = interpretProbe({
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '10' },
      streams: [{ index: 0, codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, side_data_list: [{ rotation: -90 }] }],
    });
    expect(phone.video).toMatchObject({ rotation: 90, displayWidth: 1080, displayHeight: 1920 });

    const anamorphic = interpretProbe({ format: { format_name: 'mpegts', duration: '5' }, streams: [{ index: 0, codec_type: 'video', codec_name: 'mpeg2video', width: 720, height: 576, sample_aspect_ratio: '64:45' }] });
    expect(anamorphic.video).toMatchObject({ displayWidth: 1024, displayHeight: 576 });
  });

  it('refuses playlists and streamless or durationless files with reasons', () => {
    expect(() => interpretProbe({ format: { format_name: 'hls', duration: '10' }, streams: [] })).toThrow(/is a hls file, not audio or video/);
    expect(() => interpretProbe({ format: { format_name: 'mp3', duration: '10' }, streams: [] })).toThrow(/no audio or video stream/);
    expect(() => interpretProbe({ format: { format_name: 'mp3' }, streams: [{ index: 0, codec_type: 'audio', channels: 2 }] })).toThrow(/has no duration/);
  });
});

describe('waveform', () => {
  it('folds PCM into min/max pairs whatever the chunking, and caps the pair count for long files', async () => {
    expect(samplesPerPeak(60, 44100)).toBe(4410);
    expect(samplesPerPeak(10 * 3600, 44100)).toBe(Math.ceil((36000 * 44100) / 20000));
    const collector = new PeakCollector(8, 4);
    const samples = Int16Array.from([100, -200, 300, -400, 32767, 0, 0, -32768, 256]);
    const bytes = Buffer.from(samples.buffer);
    // odd-sized chunks split samples in half
    collector.write(bytes.subarray(0, 3));
    collector.write(bytes.subarray(3, 11));
    collector.end(bytes.subarray(11));
    await new Promise((resolve) => collector.on('finish', resolve));
    expect(collector.result()).toEqual({ version: 2, channels: 1, sample_rate: 8, samples_per_pixel: 4, bits: 8, length: 3, data: [-2, 1, -128, 127, 0, 1] });
    expect(collector.sampleCount).toBe(9);
  });

  it('writes RFC 6381 codec strings for the H.264 profiles x264 makes', () => {
    expect(avcCodecString('High', 31)).toBe('avc1.64001f');
    expect(avcCodecString('Main', 30)).toBe('avc1.4d401e');
    expect(avcCodecString('Constrained Baseline', 21)).toBe('avc1.42c015');
  });
});
