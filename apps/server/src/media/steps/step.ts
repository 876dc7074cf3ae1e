// What every FFmpeg step does before transcoding: refuse what it must (empty, wrong type, too big, too
// long) from the bytes and ffprobe alone, and set the time budget. A 10-hour file over the limit costs
// one ffprobe, never a transcode.
import { locateTools, toolVersion, type Tools } from './binaries.js';
import { detectContentType, type ContentType } from './content-type.js';
import { MediaError } from './errors.js';
import { formatDuration, resolveLimits, type MediaLimits } from './limits.js';
import { probe, type MediaInfo } from './probe.js';
import type { ProgressListener } from './progress.js';

export interface StepOptions {
  /** Aborting kills FFmpeg and rejects with a MediaError "cancelled"; no output is left behind. */
  signal?: AbortSignal | undefined;
  onProgress?: ProgressListener | undefined;
  limits?: Partial<MediaLimits> | undefined;
  /** Overrides the budget computed from the duration. */
  timeoutMs?: number | undefined;
  tools?: Tools | undefined;
  /** The uploader's file name, only for messages. */
  claimedName?: string | undefined;
}

export interface OpenedMedia {
  contentType: ContentType;
  info: MediaInfo;
  limits: MediaLimits;
  tools: Tools;
  toolVersions: Record<string, string>;
  /** Milliseconds left of the step's budget; throws "timeout" once it is spent. */
  remainingMs(label: string): number;
}

export async function openMedia(input: string, outDir: string, options: StepOptions, kind: 'audio' | 'video', rungs = 1): Promise<OpenedMedia> {
  // FFmpeg's HLS muxer reads % in output paths as a pattern (segment numbers, %v): a caller's bug to fix,
  // not something to work around by guessing.
  if (outDir.includes('%')) throw new Error(`output directory ${outDir} contains "%", which FFmpeg's HLS muxer reads as a pattern`);
  if (options.signal?.aborted) throw new MediaError('cancelled', 'the step was cancelled before it started');
  const limits = resolveLimits(options.limits);
  const tools = options.tools ?? locateTools();
  const name = options.claimedName ? `"${options.claimedName}"` : 'the file';
  const contentType = await detectContentType(input, { accept: ['media'], ...(options.claimedName ? { claimedName: options.claimedName } : {}) });
  if (contentType.bytes > limits.maxInputBytes) {
    throw new MediaError('too-large', `${name} is ${contentType.bytes} bytes, over the limit of ${limits.maxInputBytes}`, { bytes: contentType.bytes });
  }
  const info = await probe(input, { tools, signal: options.signal, timeoutMs: limits.probeTimeoutMs, ...(options.claimedName ? { claimedName: options.claimedName } : {}) });
  if (info.durationSeconds > limits.maxDurationSeconds) {
    throw new MediaError(
      'too-large',
      `${name} lasts ${formatDuration(info.durationSeconds)}, over the limit of ${formatDuration(limits.maxDurationSeconds)}`,
      { durationSeconds: info.durationSeconds, maxDurationSeconds: limits.maxDurationSeconds },
    );
  }
  const budget = options.timeoutMs ?? limits.timeoutBaseMs + info.durationSeconds * limits.timeoutPerMediaSecondMs[kind] * rungs;
  const deadline = Date.now() + budget;
  const [ffmpeg, ffprobe] = await Promise.all([toolVersion(tools.ffmpeg), toolVersion(tools.ffprobe)]);
  return {
    contentType,
    info,
    limits,
    tools,
    toolVersions: { ffmpeg, ffprobe },
    remainingMs(label) {
      const left = deadline - Date.now();
      if (left <= 0) throw new MediaError('timeout', `${label} could not start: the step's ${Math.round(budget / 1000)} s budget is spent`, { timeoutMs: budget });
      return left;
    },
  };
}

/** A source that decodes to much less than ffprobe's duration was cut off (a truncated upload). */
export function checkComplete(name: string, expectedSeconds: number, producedSeconds: number) {
  // 2 s or 2 % of slack: encoders pad and trim a few frames, containers round.
  if (producedSeconds + Math.max(2, expectedSeconds * 0.02) < expectedSeconds) {
    throw new MediaError('unreadable', `${name} ends early: only ${producedSeconds.toFixed(1)} s of the ${expectedSeconds.toFixed(1)} s its header announces could be decoded (truncated upload?)`, {
      expectedSeconds,
      producedSeconds,
    });
  }
}
