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

interface Entry {
  status: number;
  etag: string;
  body: string;
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

export class ResponseCache {
  private readonly inflight = new Map<string, Promise<Entry>>();
  hits = 0;
  misses = 0;

  constructor(private readonly cache: Cache, private readonly generation: GenerationClock) {}

  async respond(request: FastifyRequest, reply: FastifyReply, policy: CachePolicy, produce: () => Promise<unknown>) {
    const key = `discovery:${this.generation.value}:${request.url}`;
    let entry = decode(await this.cache.get(key));
    if (entry) this.hits++;
    else {
      this.misses++;
      let pending = this.inflight.get(key);
      if (!pending) {
        pending = this.fill(key, policy, produce).finally(() => this.inflight.delete(key));
        this.inflight.set(key, pending);
      }
      entry = await pending;
    }
    reply.header('etag', entry.etag).header('cache-control', policy.cacheControl).header('vary', 'accept-encoding');
    if (entry.status === 200 && etagMatches(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
    if (entry.status !== 200) return reply.code(entry.status).type('application/problem+json; charset=utf-8').send(entry.body);
    return reply.code(200).type('application/json; charset=utf-8').send(entry.body);
  }

  private async fill(key: string, policy: CachePolicy, produce: () => Promise<unknown>): Promise<Entry> {
    let entry: Entry;
    try {
      const body = JSON.stringify(await produce());
      entry = { status: 200, etag: `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`, body };
    } catch (error) {
      // "Not found" is cached too (briefly, and only until the next generation), so requests for
      // missing slugs cannot bypass the cache and hammer the database.
      if (!(error instanceof HttpProblem) || error.status !== 404) throw error;
      const body = JSON.stringify(error.toBody());
      entry = { status: 404, etag: `W/"404-${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`, body };
    }
    await this.cache.set(key, encode(entry), entry.status === 200 ? policy.ttlMs : Math.min(policy.ttlMs, 10_000));
    return entry;
  }
}

function encode(entry: Entry): string {
  return `${entry.status}\n${entry.etag}\n${entry.body}`;
}

function decode(value: string | undefined): Entry | undefined {
  if (!value) return undefined;
  const first = value.indexOf('\n');
  const second = value.indexOf('\n', first + 1);
  if (first < 0 || second < 0) return undefined;
  return { status: Number(value.slice(0, first)), etag: value.slice(first + 1, second), body: value.slice(second + 1) };
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
