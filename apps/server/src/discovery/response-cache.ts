// Cached public responses. A response is stored under the read model's generation number, which the
// indexer bumps in the same transaction as any change to a public document; a new generation makes
// every older entry unreachable at once, so a publish, unpublish or delete is never served stale by
// this cache. Concurrent misses for one key share one database query (no thundering herd), and
// clients get an ETag (304 on If-None-Match) plus CDN-friendly Cache-Control.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Cache } from '../platform/cache/cache.js';
import type { Queryable } from '../platform/db/db.js';
import { HttpProblem } from '../platform/http/problem.js';
import { currentGeneration } from './projection.js';
import { openWakeups, type Wakeups } from '../events/wakeups.js';
import { LRUCache } from 'lru-cache';
import { MIN_COMPRESSIBLE_BYTES, chooseEncoding, compress, type ContentEncoding } from '../platform/http/compression.js';
import { notModified } from '../platform/http/preconditions.js';

/**
 * Follows the read model's generation: re-reads it when told it moved (wake-ups: in-process, and
 * LISTEN on PostgreSQL), and polls as a fallback (a one-row primary-key read every intervalMs).
 */
export class GenerationClock {
  value = 0;
  private timer: NodeJS.Timeout | undefined;
  private wakeups: Wakeups | undefined;
  private reading: Promise<void> | undefined;
  private again = false;

  constructor(private readonly db: Queryable, private readonly intervalMs = 200, private readonly databaseUrl?: string) {}

  async start(onError: (error: unknown) => void) {
    this.value = await currentGeneration(this.db);
    this.wakeups = openWakeups({ databaseUrl: this.databaseUrl, onError });
    this.wakeups.on('generation', () => this.wake(onError));
    const tick = async () => {
      try {
        this.value = await currentGeneration(this.db);
      } catch (error) {
        onError(error);
      }
      if (this.timer) this.timer = setTimeout(tick, this.intervalMs).unref();
    };
    this.timer = setTimeout(tick, this.intervalMs).unref();
  }

  /** Reads the generation now (tests, and callers that must see their own write). */
  async refresh() {
    this.value = await currentGeneration(this.db);
  }

  /** One read at a time; a signal during a read asks for one more, so none is missed. */
  private wake(onError: (error: unknown) => void) {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.refresh()
      .catch(onError)
      .finally(() => {
        this.reading = undefined;
        if (this.again) {
          this.again = false;
          this.wake(onError);
        }
      });
  }

  async stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.wakeups?.close();
    this.wakeups = undefined;
    await this.reading;
  }
}

export interface CachePolicy {
  /** How long this process or Redis keeps the entry (a newer generation retires it sooner). */
  ttlMs: number;
  /** Cache-Control for browsers and CDNs. */
  cacheControl: string;
}

export const POLICIES = {
  browse: { ttlMs: 60_000, cacheControl: 'public, max-age=30, s-maxage=60, stale-while-revalidate=300' },
  search: { ttlMs: 30_000, cacheControl: 'public, max-age=10, s-maxage=15, stale-while-revalidate=60' },
} satisfies Record<string, CachePolicy>;

/**
 * One cached response: the JSON as bytes, and the same bytes compressed in each encoding a client has
 * asked for so far (added on first demand, then kept).
 */
interface Entry {
  status: number;
  etag: string;
  /** What the caller's count() said of the value (search: its total), kept so a hit can report it too. */
  count?: number;
  body: Buffer;
  encoded: Partial<Record<ContentEncoding, Buffer>>;
}

const entrySize = (entry: Entry) => entry.body.length + (entry.encoded.br?.length ?? 0) + (entry.encoded.gzip?.length ?? 0) + 100;

/**
 * Two levels: entries live as ready-to-send buffers in this process (no parsing or encoding on a hit),
 * and, when Redis is configured, in Redis too so that every Discovery pod shares each fill. Both are
 * keyed by generation, so the process-local copy is exactly as fresh as the shared one.
 */
/** Optional hooks of one respond() call (search analytics uses them to count cached answers too). */
export interface RespondOptions<T> {
  /** A number to keep with the entry, from the produced value (e.g. a search's result count). */
  count?: (value: T) => number;
  /** Called once the answer is known, hit or miss, before it is sent. */
  served?: (status: number, count: number | undefined) => void;
}

export class ResponseCache {
  private readonly inflight = new Map<string, Promise<Entry>>();
  private readonly encoding = new Map<string, Promise<Buffer>>();
  private readonly local: LRUCache<string, Entry>;
  private readonly shared: Cache | undefined;
  hits = 0;
  misses = 0;

  constructor(cache: Cache, private readonly generation: GenerationClock, options: { localMaxBytes?: number } = {}) {
    this.shared = cache.kind === 'redis' ? cache : undefined;
    this.local = new LRUCache<string, Entry>({ maxSize: options.localMaxBytes ?? 64 * 1024 * 1024, sizeCalculation: entrySize });
  }

  async respond<T>(request: FastifyRequest, reply: FastifyReply, policy: CachePolicy, produce: () => Promise<T>, options?: RespondOptions<T>) {
    const key = `discovery:${this.generation.value}:${request.url}`;
    let entry = this.local.get(key) ?? (await this.fromShared(key, policy));
    if (entry) this.hits++;
    else {
      this.misses++;
      let pending = this.inflight.get(key);
      if (!pending) {
        pending = this.fill(key, policy, produce, chooseEncoding(request.headers['accept-encoding'], Infinity), options?.count).finally(() => this.inflight.delete(key));
        this.inflight.set(key, pending);
      }
      entry = await pending;
    }
    options?.served?.(entry.status, entry.count);
    reply.header('etag', entry.etag).header('cache-control', policy.cacheControl).header('vary', 'accept-encoding');
    if (entry.status === 200 && notModified(request.headers, { etag: entry.etag })) return reply.code(304).send();
    reply.code(entry.status).type(entry.status === 200 ? 'application/json; charset=utf-8' : 'application/problem+json; charset=utf-8');
    const encoding = chooseEncoding(request.headers['accept-encoding'], entry.body.length);
    if (!encoding) return reply.send(entry.body);
    return reply.header('content-encoding', encoding).send(entry.encoded[encoding] ?? (await this.encode(key, entry, encoding, policy)));
  }

  /**
   * The first client asking for this encoding: compress once (clients asking meanwhile share it) and
   * keep the bytes with the entry for the next.
   */
  private encode(key: string, entry: Entry, encoding: ContentEncoding, policy: CachePolicy): Promise<Buffer> {
    const job = `${encoding}:${key}`;
    let pending = this.encoding.get(job);
    if (!pending) {
      pending = compress(entry.body, encoding)
        .then((bytes) => {
          entry.encoded[encoding] = bytes;
          this.local.set(key, entry, { ttl: this.ttl(entry, policy) });
          if (this.shared) void this.shared.set(key, serialise(entry), this.ttl(entry, policy));
          return bytes;
        })
        .finally(() => this.encoding.delete(job));
      this.encoding.set(job, pending);
    }
    return pending;
  }

  private async fromShared(key: string, policy: CachePolicy): Promise<Entry | undefined> {
    if (!this.shared) return undefined;
    const entry = deserialise(await this.shared.getBuffer(key));
    if (entry) this.local.set(key, entry, { ttl: this.ttl(entry, policy) });
    return entry;
  }

  private ttl(entry: Entry, policy: CachePolicy) {
    return entry.status === 200 ? policy.ttlMs : Math.min(policy.ttlMs, 10_000);
  }

  private async fill<T>(key: string, policy: CachePolicy, produce: () => Promise<T>, encoding: ContentEncoding | undefined, count?: (value: T) => number): Promise<Entry> {
    let entry: Entry;
    try {
      const value = await produce();
      const body = Buffer.from(JSON.stringify(value), 'utf8');
      entry = { status: 200, etag: `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`, body, encoded: {} };
      if (count) entry.count = count(value);
    } catch (error) {
      // "Not found" is cached too (briefly, and only until the next generation), so requests for
      // missing slugs cannot bypass the cache and hammer the database.
      if (!(error instanceof HttpProblem) || error.status !== 404) throw error;
      const body = Buffer.from(JSON.stringify(error.toBody()), 'utf8');
      entry = { status: 404, etag: `W/"404-${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`, body, encoded: {} };
    }
    // The encoding the first client asked for is made before the entry is shared, so the requests
    // waiting on this fill (and the other pods) find it ready.
    if (encoding && entry.body.length >= MIN_COMPRESSIBLE_BYTES) entry.encoded[encoding] = await compress(entry.body, encoding);
    this.local.set(key, entry, { ttl: this.ttl(entry, policy) });
    if (this.shared) await this.shared.set(key, serialise(entry), this.ttl(entry, policy));
    return entry;
  }
}

// Shared-cache form: one JSON header line (status, ETag, part lengths), then the parts back to back.
function serialise(entry: Entry): Buffer {
  const parts = [entry.body, entry.encoded.br ?? EMPTY, entry.encoded.gzip ?? EMPTY];
  const header = JSON.stringify({ status: entry.status, etag: entry.etag, lengths: parts.map((part) => part.length), ...(entry.count !== undefined ? { count: entry.count } : {}) });
  return Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), ...parts]);
}

const EMPTY = Buffer.alloc(0);

function deserialise(value: Buffer | undefined): Entry | undefined {
  if (!value) return undefined;
  const newline = value.indexOf(10);
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(value.subarray(0, newline).toString('utf8')) as { status: number; etag: string; lengths: number[]; count?: number };
    let offset = newline + 1;
    const [body, br, gzip] = header.lengths.map((length) => value.subarray(offset, (offset += length)));
    if (!body || offset !== value.length) return undefined;
    return {
      status: header.status, etag: header.etag, body, encoded: { ...(br?.length ? { br } : {}), ...(gzip?.length ? { gzip } : {}) },
      ...(typeof header.count === 'number' ? { count: header.count } : {}),
    };
  } catch {
    // An entry in an older format (or garbage): a miss, refilled in the current format.
    return undefined;
  }
}

