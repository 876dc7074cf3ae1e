// What a step produced, as data the caller can store and publish without looking inside files: every
// file with its path (relative to the output directory), role, MIME type, size and SHA-256, plus the
// facts about the source a CMS needs (duration from the file, loudness, renditions, warnings). The same
// document is written to manifest.json in the output directory. It carries no timestamps, so the same
// input and settings give the same manifest.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { ContentType } from './content-type.js';
import type { MediaInfo } from './probe.js';

export type OutputRole =
  | 'hls-master'
  | 'hls-playlist'
  | 'hls-segment'
  | 'mp3'
  | 'waveform'
  | 'poster'
  | 'artwork'
  | 'artwork-feed';

export interface OutputFile {
  /** Relative to the output directory, with forward slashes (a storage key suffix). */
  path: string;
  role: OutputRole;
  mimeType: string;
  bytes: number;
  sha256: string;
  /** Which rendition it belongs to ("720p", "aac-128k", "1400" ...), when it belongs to one. */
  rendition?: string;
  width?: number;
  height?: number;
  durationSeconds?: number;
}

export interface SourceFacts {
  bytes: number;
  sha256: string;
  contentType: string;
}

export interface AudioRendition {
  type: 'audio';
  name: string;
  playlist: string;
  codecs: string;
  bandwidth: number;
  averageBandwidth: number;
  channels: number;
  sampleRate: number;
}

export interface VideoRendition extends Omit<AudioRendition, 'type' | 'channels' | 'sampleRate'> {
  type: 'video';
  width: number;
  height: number;
  frameRate: number | undefined;
}

export interface LoudnessFacts {
  target: { integrated: number; truePeak: number; range: number };
  /** The source as measured by the first pass. */
  input: { integrated: number; truePeak: number; range: number };
  /** The result as loudnorm measured it while writing (second pass). */
  output: { integrated: number; truePeak: number; range: number } | undefined;
  /** "linear" (one gain for the file), "dynamic" (loudnorm had to compress), or "none" (silent source). */
  normalization: string;
  /** When peaks needed it: the ceiling (dBFS) of the limiter applied before the gain. */
  limiterCeilingDb?: number;
}

export interface MediaManifest {
  version: 1;
  step: 'audio' | 'video' | 'artwork';
  source: SourceFacts & { probe?: MediaInfo; image?: { format: string; width: number; height: number; space: string | undefined; hasAlpha: boolean } };
  /** The episode's duration: from the source file, seconds. */
  durationSeconds?: number;
  loudness?: LoudnessFacts;
  renditions?: AudioRendition[] | VideoRendition[];
  /** Entry points for players and feeds, as paths in `outputs`. */
  entry: { hls?: string; mp3?: string; waveform?: string; poster?: string; artworkFeed?: string };
  outputs: OutputFile[];
  /** Problems that did not stop the step but that an editor should see (artwork directories reject ...). */
  warnings: string[];
  /** Tool versions, so outputs can be traced to what made them. */
  tools: Record<string, string>;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.mp3': 'audio/mpeg',
  '.json': 'application/json',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};

function mimeTypeOf(path: string): string {
  const mime = MIME_BY_EXTENSION[extname(path).toLowerCase()];
  if (!mime) throw new Error(`no MIME type for ${path}`);
  return mime;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function sourceFacts(path: string, contentType: ContentType): Promise<SourceFacts> {
  return { bytes: contentType.bytes, sha256: await sha256File(path), contentType: contentType.mime };
}

/** Describes one produced file; `absolute` lies inside `root`. */
export async function describeOutput(root: string, absolute: string, role: OutputRole, extra: Partial<OutputFile> = {}): Promise<OutputFile> {
  const path = relative(root, absolute).split(sep).join('/');
  const { size } = await stat(absolute);
  return { path, role, mimeType: mimeTypeOf(absolute), bytes: size, sha256: await sha256File(absolute), ...extra };
}

const MANIFEST_FILE = 'manifest.json';

export async function writeManifest(dir: string, manifest: MediaManifest) {
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
