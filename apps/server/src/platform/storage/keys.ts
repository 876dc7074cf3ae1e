// Object keys. Code builds them from typed parts (an asset UUID, a rendition from a fixed set, a file
// name the media pipeline chose) and never from what a user typed; validateKey() is the last line of
// defence and both adapters call it on every operation. The alphabet is deliberately small — lowercase
// ASCII letters, digits, `.`, `_`, `-`, with `/` between segments — so a key means the same thing on
// S3, on a case-insensitive file system and in a URL path, and needs no escaping anywhere.

import { StorageError } from './storage.js';

const MAX_KEY_LENGTH = 512;
const MAX_SEGMENT_LENGTH = 128;

const SEGMENT = /^[a-z0-9][a-z0-9._-]*$/;
const CONTROL = /[\x00-\x1f\x7f]/;

/** Why `key` is not a valid object key, or undefined when it is. */
export function keyProblem(key: unknown): string | undefined {
  if (typeof key !== 'string') return 'it is not a string';
  if (key.length === 0) return 'it is empty';
  if (key.includes('\0')) return 'it contains a NUL character';
  if (CONTROL.test(key)) return 'it contains a control character';
  if (key.includes('\\')) return 'it contains a backslash';
  if (key.length > MAX_KEY_LENGTH) return `it is longer than ${MAX_KEY_LENGTH} characters`;
  if (key.startsWith('/')) return 'it is an absolute path (starts with "/")';
  if (key.endsWith('/')) return 'it ends with "/" (that is a folder, not an object)';
  for (const segment of key.split('/')) {
    if (segment === '') return 'it has an empty segment ("//")';
    if (segment === '..' || segment === '.') return `it has a "${segment}" segment`;
    if (segment.length > MAX_SEGMENT_LENGTH) return `a segment is longer than ${MAX_SEGMENT_LENGTH} characters`;
    if (!SEGMENT.test(segment)) {
      return `segment "${segment}" must start with a-z or 0-9 and use only lowercase a-z, 0-9, ".", "_" and "-"`;
    }
  }
  return undefined;
}

export function validateKey(key: string): string {
  const problem = keyProblem(key);
  if (problem) throw new StorageError('invalid-key', `Invalid object key ${describe(key)}: ${problem}.`);
  return key;
}

/**
 * A prefix for list(): empty (everything), or the beginning of a valid key — a whole folder
 * (`assets/<id>/`) or part of a segment (`assets/<id>/hls/seg-`).
 */
export function validatePrefix(prefix: string): string {
  if (prefix === '') return prefix;
  // A prefix is valid when some valid key starts with it; appending a letter makes it a complete key.
  const problem = typeof prefix === 'string' && prefix.length < MAX_KEY_LENGTH ? keyProblem(`${prefix}a`) : keyProblem(prefix);
  if (problem) throw new StorageError('invalid-key', `Invalid key prefix ${describe(prefix)}: ${problem}.`);
  return prefix;
}

/** deletePrefix() only removes whole folders, so a partial id like `assets/12` cannot remove other assets. */
export function validateFolderPrefix(prefix: string): string {
  if (prefix === '' || !prefix.endsWith('/')) {
    throw new StorageError('invalid-key', `deletePrefix needs a folder prefix ending with "/", got ${describe(prefix)}.`);
  }
  return validatePrefix(prefix);
}

function describe(value: unknown): string {
  const text = JSON.stringify(typeof value === 'string' ? value : String(value)) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}..."` : text;
}

// ---- Builders: the only way application code should make keys ----

/** The files an asset has. Adding one is a code change, on purpose. */
const RENDITIONS = ['original', 'audio-hls', 'audio-mp3', 'video-hls', 'waveform', 'poster', 'image', 'subtitles', 'manifest'] as const;
export type Rendition = (typeof RENDITIONS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FILE_SEGMENT = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const MAX_FILE_DEPTH = 3;

function assetIdPart(assetId: string): string {
  const id = typeof assetId === 'string' ? assetId.toLowerCase() : '';
  if (!UUID.test(id)) throw new StorageError('invalid-key', `Asset id must be a UUID, got ${describe(assetId)}.`);
  return id;
}

/** The folder of every file of one asset: `assets/<uuid>/`. deletePrefix() on it removes the asset. */
export function assetPrefix(assetId: string): string {
  return `assets/${assetIdPart(assetId)}/`;
}

/**
 * `assets/<uuid>/<rendition>/<file>`, e.g. `assets/…/audio-hls/index.m3u8` or `assets/…/video-hls/720p/seg-00001.ts`.
 * `file` is chosen by the media pipeline: up to three lowercase segments.
 */
export function assetKey(assetId: string, rendition: Rendition, file: string): string {
  if (!(RENDITIONS as readonly string[]).includes(rendition)) {
    throw new StorageError('invalid-key', `Unknown rendition ${describe(rendition)}; known: ${RENDITIONS.join(', ')}.`);
  }
  const segments = typeof file === 'string' ? file.split('/') : [];
  if (segments.length === 0 || segments.length > MAX_FILE_DEPTH || !segments.every((s) => FILE_SEGMENT.test(s))) {
    throw new StorageError(
      'invalid-key',
      `File name ${describe(file)} must be 1 to ${MAX_FILE_DEPTH} segments of lowercase a-z, 0-9, ".", "_", "-" (starting with a letter or digit).`,
    );
  }
  return validateKey(`${assetPrefix(assetId)}${rendition}/${file}`);
}

/**
 * A folder inside one rendition of an asset, `assets/<uuid>/<rendition>/<folder>/` (for list() and
 * deletePrefix()); `folder` is one segment chosen by the code, e.g. a processing job's UUID.
 */
export function assetFolder(assetId: string, rendition: Rendition, folder: string): string {
  const key = assetKey(assetId, rendition, `${folder}/x`);
  return key.slice(0, -1);
}

/**
 * Keys whose bytes never change once written, so responses may be cached for a year. Contract with the
 * media pipeline: a file under `assets/<uuid>/` is written once; new content gets a new asset id (or a
 * new file name), never new bytes under an old key.
 */
export function isImmutableKey(key: string): boolean {
  const parts = key.split('/');
  return parts.length >= 4 && parts[0] === 'assets' && UUID.test(parts[1] ?? '') && (RENDITIONS as readonly string[]).includes(parts[2] ?? '');
}
