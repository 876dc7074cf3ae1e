// The video step: a documentary's file → an HLS ladder (H.264 + AAC, up to the source's resolution,
// never above), a master playlist with measured BANDWIDTH / RESOLUTION / CODECS, and a poster frame.
//
// One FFmpeg run decodes the source once and encodes every rung (split + scale), so all rungs share the
// same frames, and keyframes forced at every segment boundary line the rungs up: a player switching
// rungs between segments always lands on a keyframe. Audio gets the same two-pass loudness treatment as
// podcasts (the measuring pass decodes only the audio, which is cheap next to video).
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MediaError } from './errors.js';
import { AAC_LC, avcCodecString, masterPlaylist, readMediaPlaylist } from './hls.js';
import { loudnessFacts, planNormalization } from './loudness.js';
import { describeOutput, sourceFacts, writeManifest, type MediaManifest, type OutputFile, type VideoRendition } from './manifest.js';
import { probe } from './probe.js';
import { ProgressReporter } from './progress.js';
import { runTool } from './run-tool.js';
import { checkComplete, openMedia, type StepOptions } from './step.js';
import { writeAtomically } from './atomic-dir.js';

export interface LadderRung {
  /** Size of the short side: height for landscape video, width for portrait. */
  size: number;
  /** Cap on the video bit rate, bits/s (quality comes from CRF; this bounds the peaks). */
  maxBitRate: number;
}

const DEFAULT_LADDER: LadderRung[] = [
  { size: 1080, maxBitRate: 5_000_000 },
  { size: 720, maxBitRate: 3_000_000 },
  { size: 360, maxBitRate: 800_000 },
];

export interface PlannedRung {
  name: string;
  width: number;
  height: number;
  maxBitRate: number;
}

/** The even number at or below n (H.264 4:2:0 needs even sizes; rounding down never upscales). */
const even = (n: number) => Math.max(2, Math.floor(n / 2) * 2);

/**
 * The rungs for a source of this displayed size: every rung whose short side fits in the source's
 * (5 % slack, so a 1078-line source still gets its "1080p", at 1078), each keeping the aspect ratio
 * with even dimensions (H.264 4:2:0 needs them). A source below the smallest rung gets one rung at its
 * own size. Never larger than the source.
 */
export function planLadder(displayWidth: number, displayHeight: number, ladder: LadderRung[] = DEFAULT_LADDER): PlannedRung[] {
  const landscape = displayWidth >= displayHeight;
  const short = Math.min(displayWidth, displayHeight);
  const long = Math.max(displayWidth, displayHeight);
  const sorted = [...ladder].sort((a, b) => b.size - a.size);
  const fitting = sorted.filter((rung) => rung.size <= short * 1.05);
  const chosen = fitting.length > 0 ? fitting : [{ size: short, maxBitRate: sorted.at(-1)?.maxBitRate ?? 800_000 }];
  return chosen.map((rung) => {
    const shortSide = even(Math.min(rung.size, short));
    const longSide = Math.min(even((shortSide * long) / short + 1), even(long));
    const [width, height] = landscape ? [longSide, shortSide] : [shortSide, longSide];
    return { name: `${rung.size}p`, width, height, maxBitRate: rung.maxBitRate };
  });
}

export interface VideoOptions extends StepOptions {
  ladder?: LadderRung[];
  segmentSeconds?: number;
  /** x264 preset: veryfast keeps a 2-core worker near real time per rung; slower presets save bits. */
  preset?: string;
  /** x264 constant rate factor (lower = better); capped per rung by maxBitRate. */
  crf?: number;
  audioBitRate?: number;
}

const VIDEO_FILES = { master: 'hls/master.m3u8', poster: 'poster.jpg' } as const;

/** Where the poster frame is taken: 10 % in (past titles and fades), at most a minute in. */
export function posterTime(durationSeconds: number): number {
  return durationSeconds < 4 ? 0 : Math.min(60, durationSeconds * 0.1);
}

export async function processVideo(input: string, outDir: string, options: VideoOptions = {}): Promise<MediaManifest> {
  const ladder = options.ladder ?? DEFAULT_LADDER;
  const probed = await openMedia(input, outDir, options, 'video', Math.max(1, ladder.length));
  const { info, tools, contentType } = probed;
  const name = options.claimedName ? `"${options.claimedName}"` : 'the file';
  const video = info.video;
  if (!video) throw new MediaError('unreadable', `${name} has no video stream (is it audio only?)`, { streams: info.streams });
  const audio = info.audio;

  const rungs = planLadder(video.displayWidth, video.displayHeight, ladder);
  const segmentSeconds = options.segmentSeconds ?? 6;
  const fps = video.frameRate && video.frameRate > 0 && video.frameRate <= 240 ? video.frameRate : 25;
  const gop = Math.ceil(fps * segmentSeconds);
  const channels = (audio?.channels ?? 0) >= 2 ? 2 : 1;
  const audioBitRate = options.audioBitRate ?? (channels === 2 ? 128_000 : 64_000);
  const reporter = new ProgressReporter(
    [...(audio ? [{ name: 'measure-loudness', weight: 0.3 }, { name: 'measure-limited', weight: 0.3 }] : []), { name: 'renditions', weight: 10 }, { name: 'poster', weight: 0.3 }],
    options.onProgress,
  );

  const manifest = await writeAtomically(outDir, async (temp) => {
    const downmix = `aformat=channel_layouts=${channels === 2 ? 'stereo' : 'mono'}`;
    const plan = audio
      ? await planNormalization(input, {
        tools,
        signal: options.signal,
        timeoutMs: (label) => probed.remainingMs(label),
        progress: (phase) => reporter.ffmpeg(phase, info.durationSeconds),
        streamIndex: audio.index,
        preFilter: downmix,
      })
      : undefined;

    const n = rungs.length;
    const graph = [
      // bwdif: interlaced broadcast sources would otherwise show combing on every progressive screen.
      `[0:${video.index}]${video.interlaced ? 'bwdif=mode=send_frame,' : ''}split=${n}${rungs.map((_, i) => `[s${i}]`).join('')}`,
      // setsar=1: square pixels, the size we computed is the size shown. yuv420p: 8-bit 4:2:0, the only
      // H.264 every browser and phone decodes (a 10-bit or 4:2:2 source would otherwise stay so).
      ...rungs.map((r, i) => `[s${i}]scale=${r.width}:${r.height},setsar=1,format=yuv420p[v${i}]`),
      ...(audio && plan ? [`[0:${audio.index}]${plan.chain},aresample=48000,${downmix},asplit=${n}${rungs.map((_, i) => `[a${i}]`).join('')}`] : []),
    ].join(';');
    const hlsRoot = join(temp, 'hls');
    for (let i = 0; i < n; i++) await mkdir(join(hlsRoot, String(i)), { recursive: true });
    const renditionProgress = reporter.ffmpeg('renditions', info.durationSeconds);
    const { stderr } = await runTool(tools.ffmpeg, [
      '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info', '-progress', 'pipe:1', '-y',
      '-protocol_whitelist', 'file', '-i', `file:${input}`,
      '-filter_complex', graph,
      ...rungs.flatMap((_, i) => ['-map', `[v${i}]`, ...(audio ? ['-map', `[a${i}]`] : [])]),
      '-map_metadata', '-1',
      '-c:v', 'libx264', '-preset', options.preset ?? 'veryfast', '-profile:v', 'high', '-crf', String(options.crf ?? 21),
      ...rungs.flatMap((r, i) => [`-maxrate:v:${i}`, String(r.maxBitRate), `-bufsize:v:${i}`, String(r.maxBitRate * 2)]),
      // Keyframes exactly at segment boundaries, in every rung alike; no extra ones at scene cuts.
      '-g', String(gop), '-sc_threshold', '0', '-force_key_frames', `expr:gte(t,n_forced*${segmentSeconds})`,
      ...(audio ? ['-c:a', 'aac', '-b:a', String(audioBitRate)] : []),
      '-f', 'hls', '-hls_time', String(segmentSeconds), '-hls_playlist_type', 'vod', '-hls_segment_type', 'mpegts',
      '-hls_flags', 'independent_segments',
      // Variants by number (the npm static FFmpeg does not know var_stream_map's name:); renamed below.
      '-var_stream_map', rungs.map((_, i) => (audio ? `v:${i},a:${i}` : `v:${i}`)).join(' '),
      '-hls_segment_filename', join(hlsRoot, '%v', 'seg_%05d.ts'), join(hlsRoot, '%v', 'index.m3u8'),
    ], {
      label: 'video renditions',
      timeoutMs: probed.remainingMs('video renditions'),
      signal: options.signal,
      onStdout: (text) => renditionProgress.feed(text),
    });
    const loudness = plan && loudnessFacts(plan, stderr);

    let decodedSeconds = info.durationSeconds;
    const renditions: VideoRendition[] = [];
    const outputs: OutputFile[] = [];
    for (const [i, rung] of rungs.entries()) {
      await rename(join(hlsRoot, String(i)), join(hlsRoot, rung.name));
      const dir = join(hlsRoot, rung.name);
      const playlist = await readMediaPlaylist(join(dir, 'index.m3u8'));
      if (i === 0) {
        if (!info.durationEstimated) checkComplete(name, info.durationSeconds, playlist.durationSeconds);
        decodedSeconds = playlist.durationSeconds;
      }
      const first = await probe(join(dir, playlist.segments[0]!.uri), { tools, signal: options.signal });
      if (!first.video) throw new MediaError('transcode-failed', `rendition ${rung.name} has no video`);
      const codecs = [avcCodecString(first.video.profile, first.video.level), ...(audio ? [AAC_LC] : [])].join(',');
      renditions.push({
        type: 'video',
        name: rung.name,
        playlist: `hls/${rung.name}/index.m3u8`,
        codecs,
        bandwidth: playlist.peakBitRate,
        averageBandwidth: playlist.averageBitRate,
        width: first.video.width,
        height: first.video.height,
        frameRate: first.video.frameRate,
      });
      outputs.push(await describeOutput(temp, join(dir, 'index.m3u8'), 'hls-playlist', { rendition: rung.name, width: rung.width, height: rung.height, durationSeconds: playlist.durationSeconds }));
      for (const segment of playlist.segments) {
        outputs.push(await describeOutput(temp, join(dir, segment.uri), 'hls-segment', { rendition: rung.name, durationSeconds: segment.durationSeconds }));
      }
    }
    await writeFile(join(temp, VIDEO_FILES.master), masterPlaylist(renditions.map((r) => ({
      uri: `${r.name}/index.m3u8`,
      bandwidth: r.bandwidth,
      averageBandwidth: r.averageBandwidth,
      codecs: r.codecs,
      resolution: { width: r.width, height: r.height },
      frameRate: r.frameRate,
    }))));

    // Poster: among ~2 s of frames from the poster time, the most representative one (FFmpeg's thumbnail
    // filter: closest to the average histogram, so not a black or flash frame), at the top rung's size.
    const top = rungs[0]!;
    const posterProgress = reporter.ffmpeg('poster', 1);
    await runTool(tools.ffmpeg, [
      '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error', '-progress', 'pipe:1', '-y',
      '-ss', posterTime(info.durationSeconds).toFixed(3), '-protocol_whitelist', 'file', '-i', `file:${input}`,
      '-map', `0:${video.index}`, '-vf', `thumbnail=${Math.max(2, Math.round(fps * 2))},scale=${top.width}:${top.height},setsar=1`,
      '-frames:v', '1', '-q:v', '3', '-map_metadata', '-1', join(temp, VIDEO_FILES.poster),
    ], { label: 'poster frame', timeoutMs: probed.remainingMs('poster frame'), signal: options.signal, onStdout: (text) => posterProgress.feed(text) });

    const result: MediaManifest = {
      version: 1,
      step: 'video',
      source: { ...(await sourceFacts(input, contentType)), probe: info },
      durationSeconds: info.durationEstimated ? decodedSeconds : info.durationSeconds,
      ...(loudness ? { loudness } : {}),
      renditions,
      entry: { hls: VIDEO_FILES.master, poster: VIDEO_FILES.poster },
      outputs: [
        await describeOutput(temp, join(temp, VIDEO_FILES.master), 'hls-master'),
        ...outputs,
        await describeOutput(temp, join(temp, VIDEO_FILES.poster), 'poster', { width: top.width, height: top.height }),
      ],
      warnings: [
        ...(audio ? [] : [`${name} has no audio track`]),
        ...(info.durationEstimated ? [`${name} has no reliable duration header: its duration, ${decodedSeconds.toFixed(1)} s, was measured by decoding`] : []),
        ...(plan && !plan.normalizes ? [`${name}'s audio is silent (${plan.source.integrated} LUFS): it was not normalised`] : []),
      ],
      tools: probed.toolVersions,
    };
    await writeManifest(temp, result);
    return result;
  });
  reporter.done();
  return manifest;
}
