// One media task, run where the files are: the same function serves the worker (in its own process,
// FFmpeg as child processes) and, later, a Kubernetes Job (`thmnayah media-task` in the job's pod, on
// files the job fetched from storage). Input: a local file and an output directory; output: the
// manifest of what was produced. Storage, database records and events stay with the caller.
import { processArtwork } from '../steps/artwork.js';
import { processAudio, type AudioOptions } from '../steps/audio.js';
import { detectContentType } from '../steps/content-type.js';
import { MediaError } from '../steps/errors.js';
import type { MediaManifest } from '../steps/manifest.js';
import { probe } from '../steps/probe.js';
import { resolveLimits } from '../steps/limits.js';
import type { StepOptions } from '../steps/step.js';
import { processVideo, type VideoOptions } from '../steps/video.js';

export const MEDIA_TASK_KINDS = ['auto', 'audio', 'video', 'artwork'] as const;
export type MediaTaskKind = (typeof MEDIA_TASK_KINDS)[number];

export interface MediaTask {
  /** auto: artwork for an image, else audio or video by the file's streams. */
  kind: MediaTaskKind;
  input: string;
  outDir: string;
  /** The uploader's file name, only for messages. */
  claimedName?: string | undefined;
  audio?: Omit<AudioOptions, keyof StepOptions>;
  video?: Omit<VideoOptions, keyof StepOptions>;
}

export type MediaTaskControl = Omit<StepOptions, 'claimedName'>;

/** What `auto` resolves to for this file, from its bytes and streams. */
export async function resolveKind(task: MediaTask, control: MediaTaskControl = {}): Promise<Exclude<MediaTaskKind, 'auto'>> {
  if (task.kind !== 'auto') return task.kind;
  const type = await detectContentType(task.input, task.claimedName ? { claimedName: task.claimedName } : {});
  if (type.family === 'image') return 'artwork';
  const info = await probe(task.input, {
    signal: control.signal,
    timeoutMs: resolveLimits(control.limits).probeTimeoutMs,
    ...(control.tools ? { tools: control.tools } : {}),
    ...(task.claimedName ? { claimedName: task.claimedName } : {}),
  });
  return info.kind;
}

export async function runMediaTask(task: MediaTask, control: MediaTaskControl = {}): Promise<MediaManifest> {
  const kind = await resolveKind(task, control);
  const options = { ...control, claimedName: task.claimedName };
  switch (kind) {
    case 'audio':
      return processAudio(task.input, task.outDir, { ...task.audio, ...options });
    case 'video':
      return processVideo(task.input, task.outDir, { ...task.video, ...options });
    case 'artwork':
      return processArtwork(task.input, task.outDir, options);
    default:
      throw new MediaError('unsupported-type', `unknown media task kind ${String(kind)}`);
  }
}
