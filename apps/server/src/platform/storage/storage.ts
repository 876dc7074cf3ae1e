// The object storage port: media files (uploads, renditions, posters, waveforms) by key. Two adapters
// implement it — a local directory (embedded default) and S3/MinIO — and one conformance suite
// (apps/server/test/storage/conformance.ts) holds both to the same behaviour. Bodies are streams so that a
// multi-gigabyte upload never sits in memory. Keys come from keys.ts, never from user input.
import { Readable } from 'node:stream';

export type StorageKind = 'local' | 's3';

/** What put() accepts: bytes in memory, or a stream (an upload, a transcoder's output). */
export type Body = Buffer | Uint8Array | Readable;

export interface ObjectInfo {
  key: string;
  size: number;
  contentType: string;
  /** A strong validator of the content, without quotes (HTTP adds them). */
  etag: string;
  lastModified: Date;
}

export interface ListedObject {
  key: string;
  size: number;
  lastModified: Date;
}

/**
 * Bytes to read, inclusive like HTTP: `{ start: 0, end: 99 }` is the first 100 bytes, `{ start: 100 }`
 * runs to the end, `{ suffix: 100 }` is the last 100 bytes.
 */
export type ByteRange = { start: number; end?: number } | { suffix: number };

export interface PutOptions {
  contentType: string;
  /** When given, the body must be exactly this long, or nothing is stored (a truncated upload is an error). */
  size?: number;
}

export interface PutResult {
  key: string;
  size: number;
  etag: string;
}

export interface GetOptions {
  range?: ByteRange;
  /** Read only if the object still has this ETag (unquoted); otherwise a `precondition-failed` error. */
  ifMatch?: string;
}

export interface GetResult {
  info: ObjectInfo;
  body: Readable;
  /** The bytes `body` holds when a range was asked for (inclusive), resolved against the size. */
  range?: { start: number; end: number };
}

export interface SignedUrlOptions {
  method: 'GET' | 'PUT';
  /** Seconds the URL stays valid: 1 to 604800 (7 days, the S3 limit). */
  expiresIn: number;
  /** PUT only: the upload must send exactly this Content-Type, and it becomes the object's type. */
  contentType?: string;
  /** PUT only: the upload must be exactly this many bytes (at most the storage's maxBytes). */
  size?: number;
  /**
   * PUT only: the URL cannot replace an object that exists (S3: the client must send `If-None-Match: *`, which
   * the URL signs; the local adapter refuses every PUT onto an existing object anyway).
   */
  singleUse?: boolean;
}

export interface Storage {
  readonly kind: StorageKind;
  /** Largest object put() and signed PUT URLs accept (MEDIA_MAX_BYTES). */
  readonly maxBytes: number;
  /** Stores the whole body under key, replacing any object there; readers see the old or the new object, never a mix. */
  put(key: string, body: Body, options: PutOptions): Promise<PutResult>;
  /** Throws StorageError `not-found`, `range-not-satisfiable` or `precondition-failed`. */
  get(key: string, options?: GetOptions): Promise<GetResult>;
  head(key: string): Promise<ObjectInfo | undefined>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** Removes every object under a folder (prefix ends with `/`), e.g. all files of an asset. Returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /** Objects whose key starts with prefix, in key order. */
  list(prefix: string): AsyncIterable<ListedObject>;
  /** A URL that lets a client without credentials GET (playback) or PUT (upload) one object until it expires. */
  signedUrl(key: string, options: SignedUrlOptions): Promise<string>;
  /** Resolves when the storage answers (readiness check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type StorageErrorCode =
  | 'invalid-key'
  | 'invalid-argument'
  | 'not-found'
  | 'range-not-satisfiable'
  | 'precondition-failed'
  | 'too-large'
  | 'size-mismatch'
  | 'unsafe-path'
  | 'conflict'
  | 'backend';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    readonly details: { key?: string; size?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'StorageError';
  }
}

export const isStorageError = (error: unknown, code?: StorageErrorCode): error is StorageError =>
  error instanceof StorageError && (code === undefined || error.code === code);

const MAX_SIGNED_URL_SECONDS = 7 * 24 * 3600;

/**
 * Resolves a range against the object size: the inclusive byte span to send, or undefined when no byte of
 * the object is in the range (HTTP 416). Both adapters use it, so their answers agree.
 */
export function resolveByteRange(range: ByteRange, size: number): { start: number; end: number } | undefined {
  if ('suffix' in range) {
    checkOffset('suffix', range.suffix);
    if (range.suffix === 0 || size === 0) return undefined;
    return { start: Math.max(0, size - range.suffix), end: size - 1 };
  }
  checkOffset('start', range.start);
  if (range.end !== undefined) {
    checkOffset('end', range.end);
    if (range.end < range.start) throw new StorageError('invalid-argument', `Range end ${range.end} is before its start ${range.start}.`);
  }
  if (range.start >= size) return undefined;
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}

function checkOffset(name: string, value: number) {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new StorageError('invalid-argument', `Range ${name} must be a whole number of bytes, got ${value}.`);
  }
}

// A media type such as `audio/mpeg` or `application/vnd.apple.mpegurl; charset=utf-8`. Checked because
// it is sent back as a header: no control characters, no line breaks, bounded length.
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}(\s*;\s*[a-z0-9!#$&^_.+-]+=("[\x20-\x7e]*"|[a-z0-9!#$&^_.+-]+))*$/i;

export function checkContentType(contentType: string): string {
  if (typeof contentType !== 'string' || contentType.length > 255 || !MEDIA_TYPE.test(contentType)) {
    throw new StorageError('invalid-argument', `Content type must be a media type like "audio/mpeg", got ${JSON.stringify(String(contentType).slice(0, 100))}.`);
  }
  return contentType;
}

export function checkSignedUrlOptions(options: SignedUrlOptions, maxBytes: number) {
  if (options.method !== 'GET' && options.method !== 'PUT') {
    throw new StorageError('invalid-argument', `Signed URLs are for GET or PUT, got ${JSON.stringify(options.method)}.`);
  }
  if (!Number.isInteger(options.expiresIn) || options.expiresIn < 1 || options.expiresIn > MAX_SIGNED_URL_SECONDS) {
    throw new StorageError('invalid-argument', `expiresIn must be whole seconds from 1 to ${MAX_SIGNED_URL_SECONDS}, got ${options.expiresIn}.`);
  }
  if (options.method === 'GET' && (options.contentType !== undefined || options.size !== undefined)) {
    throw new StorageError('invalid-argument', 'contentType and size only apply to signed PUT URLs.');
  }
  if (options.contentType !== undefined) checkContentType(options.contentType);
  if (options.size !== undefined) checkSize(options.size, maxBytes);
}

export function checkSize(size: number, maxBytes: number) {
  if (!Number.isSafeInteger(size) || size < 0) throw new StorageError('invalid-argument', `size must be a whole number of bytes, got ${size}.`);
  if (size > maxBytes) throw new StorageError('too-large', `The object is ${size} bytes; the limit is ${maxBytes} bytes.`, { size });
}

export function toReadable(body: Body): Readable {
  if (body instanceof Readable) return body;
  if (body instanceof Uint8Array) return Readable.from([Buffer.from(body.buffer, body.byteOffset, body.byteLength)], { objectMode: false });
  throw new StorageError('invalid-argument', 'The body must be a Buffer, a Uint8Array or a Readable stream.');
}
