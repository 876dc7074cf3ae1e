// The video step with real FFmpeg: a 720p clip gives a 720p + 360p ladder (nothing above the source),
// segments ffprobe reads, keyframes aligned at segment starts, a master playlist with measured
// attributes, and a poster; cancellation and timeouts stop FFmpeg and leave nothing behind.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'hls-parser';
import { locateTools } from '../../src/media/steps/binaries.js';
import { isMediaError, type MediaError } from '../../src/media/steps/errors.js';
import { probe } from '../../src/media/steps/probe.js';
import { runTool } from '../../src/media/steps/run-tool.js';
import { planLadder, posterTime, processVideo } from '../../src/media/steps/video.js';
import { clip, ffmpeg, lavfi, scratchDir } from './media-fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
let clip720: string;
let longer720: string;
beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir());
  clip720 = join(dir, 'clip720.mp4');
  longer720 = join(dir, 'longer720.mp4');
  await Promise.all([
    clip(clip720, { width: 1280, height: 720, seconds: 4 }),
    clip(longer720, { width: 1280, height: 720, seconds: 30, pattern: 'smptebars' }),
  ]);
}, 60_000);
afterAll(() => cleanup());

/** First-frame keyframe flags of a segment's video, as ffprobe reports them. */
async function firstFrameIsKey(segment: string): Promise<boolean> {
  const { stdout } = await runTool(locateTools().ffprobe, ['-v', 'error', '-select_streams', 'v:0', '-read_intervals', '%+#1', '-show_entries', 'frame=key_frame', '-of', 'csv=p=0', segment], { label: 'keyframe check', timeoutMs: 30_000 });
  return stdout.trim().split('\n')[0]?.startsWith('1') ?? false;
}

/** Processes whose command line mentions `text` (FFmpeg children writing into a given directory). */
async function processesMentioning(text: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(text) && !cmdline.includes('vitest')) pids.push(Number(entry));
  }
  return pids;
}

describe('planLadder', () => {
  it('never upscales, keeps the aspect ratio, and sizes portrait video by its short side', () => {
    expect(planLadder(1920, 1080).map((r) => `${r.name} ${r.width}x${r.height}`)).toEqual(['1080p 1920x1080', '720p 1280x720', '360p 640x360']);
    expect(planLadder(1280, 720).map((r) => r.name)).toEqual(['720p', '360p']);
    expect(planLadder(3840, 2160).map((r) => r.height)).toEqual([1080, 720, 360]);
    expect(planLadder(1080, 1920).map((r) => `${r.width}x${r.height}`)).toEqual(['1080x1920', '720x1280', '360x640']);
    // 4:3, odd sizes rounded to even, and a near-1080 source keeps its own lines
    expect(planLadder(1440, 1080)[1]).toMatchObject({ width: 960, height: 720 });
    expect(planLadder(1916, 1078)[0]).toMatchObject({ name: '1080p', width: 1916, height: 1078 });
    // smaller than every rung: one rung at the source's size
    expect(planLadder(320, 240)).toEqual([expect.objectContaining({ name: '240p', width: 320, height: 240 })]);
  });

  it('takes the poster past the opening but not deep into a long film', () => {
    expect(posterTime(2)).toBe(0);
    expect(posterTime(30)).toBe(3);
    expect(posterTime(7200)).toBe(60);
  });
});

describe('processVideo', () => {
  it('turns a 720p clip into a playable 720p + 360p HLS ladder with a poster', async () => {
    const out = join(dir, 'clip-out');
    const percents: number[] = [];
    const manifest = await processVideo(clip720, out, { onProgress: (p) => percents.push(p.percent) });

    expect(Math.abs(manifest.durationSeconds! - 4)).toBeLessThanOrEqual(1 / 25);
    expect(manifest.source.probe).toMatchObject({ kind: 'video', video: { width: 1280, height: 720 } });
    expect(manifest.renditions!.map((r) => r.name)).toEqual(['720p', '360p']);

    const master = parse(await readFile(join(out, 'hls/master.m3u8'), 'utf8'));
    if (!master.isMasterPlaylist) throw new Error('expected a master playlist');
    expect(master.variants.map((v) => v.resolution)).toEqual([{ width: 1280, height: 720 }, { width: 640, height: 360 }]);
    const segmentCounts: number[] = [];
    for (const variant of master.variants) {
      // no rendition above the source's 720 lines
      expect(variant.resolution!.height).toBeLessThanOrEqual(720);
      expect(variant.codecs).toMatch(/^avc1\.64[0-9a-f]{4},mp4a\.40\.2$/);
      expect(variant.bandwidth).toBeGreaterThanOrEqual(variant.averageBandwidth!);
      expect(variant.frameRate).toBe(25);
      const playlistPath = join(out, 'hls', variant.uri);
      const media = parse(await readFile(playlistPath, 'utf8'));
      if (media.isMasterPlaylist) throw new Error('expected a media playlist');
      expect(media.endlist).toBe(true);
      segmentCounts.push(media.segments.length);
      for (const segment of media.segments) {
        const path = join(playlistPath, '..', segment.uri);
        const info = await probe(path);
        expect(info.video).toMatchObject({ codec: 'h264', width: variant.resolution!.width, height: variant.resolution!.height, pixelFormat: 'yuv420p' });
        expect(info.audio).toMatchObject({ codec: 'aac', channels: 2, sampleRate: 48000 });
        expect(await firstFrameIsKey(path)).toBe(true);
      }
      expect(Math.abs(media.segments.reduce((sum, s) => sum + s.duration, 0) - 4)).toBeLessThanOrEqual(0.1);
    }
    // aligned: every rung cut at the same places
    expect(new Set(segmentCounts).size).toBe(1);

    // the poster: a JPEG at the top rung's size
    const { stdout } = await runTool(locateTools().ffprobe, ['-v', 'error', '-show_entries', 'stream=codec_name,width,height', '-of', 'csv=p=0', join(out, 'poster.jpg')], { label: 'poster', timeoutMs: 10_000 });
    expect(stdout.trim()).toBe('mjpeg,1280,720');
    expect(manifest.entry).toEqual({ hls: 'hls/master.m3u8', poster: 'poster.jpg' });
    expect(manifest.loudness?.output?.integrated).toBeCloseTo(-16, 0);

    for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThan(percents[i - 1]!);
    expect(percents.at(-1)).toBe(100);
  }, 90_000);

  it('handles portrait video without sound: one rung at the source size, video-only codecs', async () => {
    const input = join(dir, 'portrait.mp4');
    await clip(input, { width: 180, height: 320, seconds: 2, audio: false, pattern: 'smptebars' });
    const manifest = await processVideo(input, join(dir, 'portrait-out'));
    expect(manifest.renditions).toEqual([expect.objectContaining({ name: '180p', width: 180, height: 320, codecs: expect.stringMatching(/^avc1\.[0-9a-f]{6}$/) })]);
    expect(manifest.loudness).toBeUndefined();
    expect(manifest.warnings.join(' ')).toMatch(/no audio/);
  }, 60_000);

  it('deinterlaces an interlaced broadcast source', async () => {
    const input = join(dir, 'pal.mp4');
    await ffmpeg([...lavfi('testsrc2=size=720x576:rate=50,interlace=scan=tff'), '-t', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-flags', '+ilme+ildct', '-pix_fmt', 'yuv420p', input]);
    const manifest = await processVideo(input, join(dir, 'pal-out'));
    expect(manifest.source.probe?.video?.interlaced).toBe(true);
    const { stdout } = await runTool(locateTools().ffprobe, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=field_order,width,height', '-of', 'csv=p=0', join(dir, 'pal-out', 'hls', '360p', 'seg_00000.ts')], { label: 'field order', timeoutMs: 10_000 });
    expect(stdout.trim().split(/\s+/)[0]).toBe('450,360,progressive');
  }, 60_000);

  it('refuses an output path FFmpeg would read as a pattern', async () => {
    await expect(processVideo(clip720, join(dir, '100%-out'))).rejects.toThrow(/contains "%"/);
  });

  it('stops FFmpeg when cancelled and leaves no output', async () => {
    const out = join(dir, 'cancelled-out');
    const controller = new AbortController();
    let sawFfmpeg = false;
    const result = processVideo(longer720, out, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'renditions' && !controller.signal.aborted) {
          void processesMentioning('.cancelled-out.tmp-').then((pids) => {
            sawFfmpeg = pids.length > 0;
            controller.abort();
          });
        }
      },
    });
    const error = await result.catch((e: unknown) => e);
    expect(isMediaError(error, 'cancelled')).toBe(true);
    expect(sawFfmpeg).toBe(true);
    expect(await processesMentioning('.cancelled-out.tmp-')).toEqual([]);
    expect(await readdir(dir)).not.toContain('cancelled-out');
    expect((await readdir(dir)).filter((name) => name.startsWith('.cancelled-out'))).toEqual([]);
  }, 60_000);

  it('kills FFmpeg at the time budget with a timeout error', async () => {
    const error = await processVideo(longer720, join(dir, 'slow-out'), { timeoutMs: 1500 }).catch((e: unknown) => e);
    expect(isMediaError(error, 'timeout')).toBe(true);
    expect((error as MediaError).message).toMatch(/longer than \d+ s|budget/);
    expect(await processesMentioning('.slow-out.tmp-')).toEqual([]);
    expect((await readdir(dir)).filter((name) => name.includes('slow-out'))).toEqual([]);
  }, 60_000);
});
