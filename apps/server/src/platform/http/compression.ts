// Compression for responses that many clients fetch again and again (cached Discovery pages, podcast
// feeds). Bodies are compressed once, off the event loop (zlib's async API runs on libuv's thread pool),
// and the encoded bytes are kept with the cache entry, so a cache hit writes a few kilobytes of stored
// bytes instead of encoding and writing the full JSON for every request.
//
// Why not @fastify/compress: it compresses on every send, which is the cost we want to pay once per
// cache entry, not once per request. Negotiation uses @fastify/accept-negotiator (Fastify's own, with
// q-values and wildcards done right) instead of a hand-rolled Accept-Encoding parser.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import negotiate from '@fastify/accept-negotiator';
import { LRUCache } from 'lru-cache';

export type ContentEncoding = 'br' | 'gzip';

/** Below this size the headers outweigh the saving and the CPU is wasted. */
export const MIN_COMPRESSIBLE_BYTES = 1024;

// Accept-Encoding values repeat (every browser sends the same few), so parsed answers are kept; the
// cache is bounded because the header is client-controlled.
const chosenFor = new LRUCache<string, ContentEncoding | 'identity'>({ max: 200 });
const SUPPORTED: (ContentEncoding | 'identity')[] = ['br', 'gzip', 'identity'];

/** The encoding to send a body of `size` bytes in, or undefined for the body as it is. */
export function chooseEncoding(acceptEncoding: string | string[] | undefined, size: number): ContentEncoding | undefined {
  if (!acceptEncoding || size < MIN_COMPRESSIBLE_BYTES) return undefined;
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding;
  let chosen = chosenFor.get(header);
  if (!chosen) {
    chosen = negotiate(header, SUPPORTED) ?? 'identity';
    chosenFor.set(header, chosen);
  }
  return chosen === 'identity' ? undefined : chosen;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Brotli at quality 5: about gzip's speed and still 10–20% smaller than gzip -6 on our JSON; quality 11
 * (the default) costs tens of milliseconds per response, too much even when paid once per entry.
 */
export function compress(body: Buffer, encoding: ContentEncoding): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(body, { level: 6 });
  return brotli(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/**
 * Compressed copies of bodies that are cached elsewhere as text (podcast feeds), keyed by something
 * that changes whenever the bytes do (a content hash), and bounded by bytes. Concurrent requests for
 * a copy not made yet share one compression.
 */
export class CompressedCopies {
  private readonly copies: LRUCache<string, Buffer>;
  private readonly inflight = new Map<string, Promise<Buffer>>();

  constructor(maxBytes = 32 * 1024 * 1024) {
    this.copies = new LRUCache<string, Buffer>({ maxSize: maxBytes, sizeCalculation: (value, key) => value.length + key.length });
  }

  get(contentKey: string, body: string | Buffer, encoding: ContentEncoding): Promise<Buffer> {
    const key = `${encoding}:${contentKey}`;
    const ready = this.copies.get(key);
    if (ready) return Promise.resolve(ready);
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = compress(typeof body === 'string' ? Buffer.from(body, 'utf8') : body, encoding)
        .then((bytes) => {
          this.copies.set(key, bytes);
          return bytes;
        })
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }
}
