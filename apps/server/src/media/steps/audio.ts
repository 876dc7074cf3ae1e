// The audio step: a podcast episode's file → loudness-normalised AAC HLS (for the web player), an MP3
// (for podcast apps, which want one progressive file), and waveform peaks (for the player's scrubber).
//
// Two FFmpeg passes over the source. Pass 1 measures loudness. Pass 2 decodes once, applies the gain,
// and splits the result three ways: AAC → HLS segments, MP3 → file, PCM → pipe:3 → waveform peaks.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MediaError } from './errors.js';
import { AAC_LC, masterPlaylist, readMediaPlaylist } from './hls.js';
import { loudnessFacts, planNormalization } from './loudness.js';
import { describeOutput, sourceFacts, writeManifest, type AudioRendition, type MediaManifest, type OutputFile } from './manifest.js';
import { probe } from './probe.js';
import { ProgressReporter } from './progress.js';
import { runTool } from './run-tool.js';
import { checkComplete, openMedia, type StepOptions } from './step.js';
import { writeAtomically } from './atomic-dir.js';
import { DEFAULT_WAVEFORM, PeakCollector, samplesPerPeak, type WaveformOptions } from './waveform.js';

export interface AudioOptions extends StepOptions {
  /** MP3 bit rate, bits/s: 128 kb/s CBR whatever the channel count (the podcast norm). */
  mp3BitRate?: number;
  /** AAC bit rates, bits/s: AAC-LC is transparent for speech at 64 kb/s mono. */
  aacBitRate?: { mono: number; stereo: number };
  sampleRate?: number;
  segmentSeconds?: number;
  waveform?: Partial<WaveformOptions>;
  /** ID3 tags for the MP3 (title, artist, album ...); the source's own metadata is never copied. */
  tags?: Record<string, string>;
}

const AUDIO_FILES = { master: 'hls/master.m3u8', mp3: 'audio.mp3', waveform: 'waveform.json' } as const;

export async function processAudio(input: string, outDir: string, options: AudioOptions = {}): Promise<MediaManifest> {
  const opened = await openMedia(input, outDir, options, 'audio');
  const { info, tools, contentType } = opened;
  const name = options.claimedName ? `"${options.claimedName}"` : 'the file';
  const audio = info.audio;
  if (!audio) throw new MediaError('unreadable', `${name} has no audio stream`, { streams: info.streams });

  const channels = audio.channels >= 2 ? 2 : 1;
  const layout = channels === 2 ? 'stereo' : 'mono';
  const sampleRate = options.sampleRate ?? 44_100;
  const segmentSeconds = options.segmentSeconds ?? 6;
  const mp3BitRate = options.mp3BitRate ?? 128_000;
  const aacBitRate = channels === 2 ? (options.aacBitRate?.stereo ?? 128_000) : (options.aacBitRate?.mono ?? 64_000);
  const rendition = `aac-${Math.round(aacBitRate / 1000)}k`;
  const waveformOptions = { ...DEFAULT_WAVEFORM, ...options.waveform };
  const reporter = new ProgressReporter([{ name: 'measure-loudness', weight: 1 }, { name: 'measure-limited', weight: 1 }, { name: 'encode', weight: 3 }], options.onProgress);
  // Downmix (5.1 → stereo) before measuring, so the gain is computed on what listeners hear.
  const downmix = `aformat=channel_layouts=${layout}`;

  const manifest = await writeAtomically(outDir, async (temp) => {
    const plan = await planNormalization(input, {
      tools,
      signal: options.signal,
      timeoutMs: (label) => opened.remainingMs(label),
      progress: (phase) => reporter.ffmpeg(phase, info.durationSeconds),
      streamIndex: audio.index,
      preFilter: downmix,
    });

    const hlsDir = join(temp, 'hls', rendition);
    await mkdir(hlsDir, { recursive: true });
    const peaks = new PeakCollector(sampleRate, samplesPerPeak(info.durationSeconds, sampleRate, waveformOptions));
    const graph = [
      // loudnorm works at 192 kHz internally and outputs that rate: resample to the delivery rate after it.
      // The trailing aformat pins the layout: without it, the waveform branch's mono format propagates
      // back through asplit and FFmpeg downmixes every output to mono.
      `[0:${audio.index}]${plan.chain},aresample=${sampleRate},aformat=channel_layouts=${layout}[norm]`,
      '[norm]asplit=3[hls][mp3][wave]',
      '[wave]aformat=sample_fmts=s16:channel_layouts=mono[pcm]',
    ].join(';');
    const encodeProgress = reporter.ffmpeg('encode', info.durationSeconds);
    const tags = Object.entries(options.tags ?? {}).flatMap(([key, value]) => ['-metadata', `${key}=${value}`]);
    const { stderr } = await runTool(tools.ffmpeg, [
      '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info', '-progress', 'pipe:1', '-y',
      '-protocol_whitelist', 'file', '-i', `file:${input}`,
      '-filter_complex', graph,
      // HLS: AAC-LC in MPEG-TS segments (every HLS player reads TS); each segment starts decodable.
      '-map', '[hls]', '-map_metadata', '-1', '-c:a', 'aac', '-b:a', String(aacBitRate),
      '-f', 'hls', '-hls_time', String(segmentSeconds), '-hls_playlist_type', 'vod', '-hls_segment_type', 'mpegts',
      '-hls_flags', 'independent_segments', '-hls_segment_filename', join(hlsDir, 'seg_%05d.ts'), join(hlsDir, 'index.m3u8'),
      // MP3: constant bit rate, because podcast apps seek by byte offset; ID3v2.3 is what they all read.
      '-map', '[mp3]', '-map_metadata', '-1', ...tags, '-c:a', 'libmp3lame', '-b:a', String(mp3BitRate), '-id3v2_version', '3',
      join(temp, AUDIO_FILES.mp3),
      // Decoded PCM for the waveform, streamed to us instead of written to disk.
      '-map', '[pcm]', '-c:a', 'pcm_s16le', '-f', 's16le', 'pipe:3',
    ], {
      label: 'audio encoding',
      timeoutMs: opened.remainingMs('audio encoding'),
      signal: options.signal,
      onStdout: (text) => encodeProgress.feed(text),
      fd3: peaks,
    });

    const decoded = peaks.sampleCount / sampleRate;
    if (!info.durationEstimated) checkComplete(name, info.durationSeconds, decoded);
    const durationSeconds = info.durationEstimated ? decoded : info.durationSeconds;
    const loudness = loudnessFacts(plan, stderr);
    const warnings = [
      ...(plan.normalizes ? [] : [`${name} is silent (${plan.source.integrated} LUFS): it was not normalised`]),
      ...(info.durationEstimated ? [`${name} has no duration header (VBR MP3 without Xing/VBRI?): its duration, ${decoded.toFixed(1)} s, was measured by decoding (the header suggested ${info.durationSeconds.toFixed(1)} s)`] : []),
    ];

    await writeFile(join(temp, AUDIO_FILES.waveform), JSON.stringify(peaks.result()));
    const playlist = await readMediaPlaylist(join(hlsDir, 'index.m3u8'));
    const renditions: AudioRendition[] = [{
      type: 'audio',
      name: rendition,
      playlist: `hls/${rendition}/index.m3u8`,
      codecs: AAC_LC,
      bandwidth: playlist.peakBitRate,
      averageBandwidth: playlist.averageBitRate,
      channels,
      sampleRate,
    }];
    await writeFile(join(temp, AUDIO_FILES.master), masterPlaylist([{ uri: `${rendition}/index.m3u8`, bandwidth: playlist.peakBitRate, averageBandwidth: playlist.averageBitRate, codecs: AAC_LC }]));

    const mp3 = await probe(join(temp, AUDIO_FILES.mp3), { tools, signal: options.signal });
    const outputs: OutputFile[] = [
      await describeOutput(temp, join(temp, AUDIO_FILES.master), 'hls-master'),
      await describeOutput(temp, join(hlsDir, 'index.m3u8'), 'hls-playlist', { rendition, durationSeconds: playlist.durationSeconds }),
      ...(await Promise.all(playlist.segments.map((s) => describeOutput(temp, join(hlsDir, s.uri), 'hls-segment', { rendition, durationSeconds: s.durationSeconds })))),
      await describeOutput(temp, join(temp, AUDIO_FILES.mp3), 'mp3', { durationSeconds: mp3.durationSeconds }),
      await describeOutput(temp, join(temp, AUDIO_FILES.waveform), 'waveform'),
    ];
    const result: MediaManifest = {
      version: 1,
      step: 'audio',
      source: { ...(await sourceFacts(input, contentType)), probe: info },
      durationSeconds,
      loudness,
      renditions,
      entry: { hls: AUDIO_FILES.master, mp3: AUDIO_FILES.mp3, waveform: AUDIO_FILES.waveform },
      outputs,
      warnings,
      tools: opened.toolVersions,
    };
    await writeManifest(temp, result);
    return result;
  });
  reporter.done();
  return manifest;
}
