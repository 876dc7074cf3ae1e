// Hot play counters in Redis (when configured): the editors see this hour's plays of an episode before
// the worker's aggregation (aggregation.ts) has reached them. One hash per UTC hour,
// `thmnayah:listening:hot:<yyyymmddhh>`, fields = the episode's id and `p:` + its program's id, value =
// plays (play beacons and counted downloads) stored in that hour. An event counts in the hour it happened in, the bucket the aggregation
// will put it in, so the live figure and the hour's row in listening_hourly count the same plays.
//
// The event log bumps them after each group commit, only for the rows that commit newly stored (its
// INSERT ... RETURNING), so a replayed beacon is not counted twice. Best effort: writes are not awaited by
// ingest and an error is a (rate-limited) warning, so a Redis outage never fails or slows ingest; the
// counters then undercount, and listening_hourly stays the record.
import type { Redis } from 'ioredis';
import type { Platform } from '../platform.js';
import type { ListeningEvent } from './event-log.js';

const HOUR_MS = 3_600_000;
/** How long an hour's hash lives after the hour starts: only the current hour is read; the rest is slack for late events. */
export const HOT_HOURS = 3;
export const HOT_PREFIX = 'thmnayah:listening:hot:';
/** The hash field of a program's plays (an episode's field is its bare id). */
export const programField = (programId: string) => `p:${programId}`;

/** yyyymmddhh (UTC) of the hour holding `ms`. */
export function hourKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 13).replace(/[-T]/g, '');
}

export class HotCounters {
  private readonly prefix: string;
  private readonly onError: (error: unknown) => void;
  private readonly now: () => number;
  private readonly pending = new Set<Promise<void>>();
  private lastReport = 0;

  constructor(private readonly client: Redis, options: { prefix?: string; onError?: (error: unknown) => void; now?: () => number } = {}) {
    this.prefix = options.prefix ?? HOT_PREFIX;
    this.onError = options.onError ?? (() => {});
    this.now = options.now ?? Date.now;
  }

  /** Counts the plays among newly stored events. Never rejects; the caller need not await it. */
  record(events: readonly ListeningEvent[]): Promise<void> {
    const oldest = this.now() - (HOT_HOURS - 1) * HOUR_MS;
    const byHour = new Map<number, Map<string, number>>();
    for (const e of events) {
      if (e.kind !== 'play' && e.kind !== 'download') continue;
      const hour = Math.floor(e.occurredAt.getTime() / HOUR_MS) * HOUR_MS;
      // A backlog older than the kept hours would only make a hash nobody reads.
      if (hour < Math.floor(oldest / HOUR_MS) * HOUR_MS) continue;
      const fields = byHour.get(hour) ?? new Map<string, number>();
      for (const field of [e.episodeId, programField(e.programId)]) fields.set(field, (fields.get(field) ?? 0) + 1);
      byHour.set(hour, fields);
    }
    if (byHour.size === 0) return Promise.resolve();
    const pipeline = this.client.pipeline();
    for (const [hour, fields] of byHour) {
      const key = this.prefix + hourKey(hour);
      for (const [field, n] of fields) pipeline.hincrby(key, field, n);
      pipeline.expireat(key, Math.floor((hour + HOT_HOURS * HOUR_MS) / 1000));
    }
    const write = pipeline.exec().then(
      (results) => {
        const failed = results?.find(([error]) => error);
        if (failed) this.report(failed[0]);
      },
      (error: unknown) => this.report(error),
    );
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
    return write;
  }

  /** This hour's plays of an episode (or, with `{ program }`, of a program) so far, or undefined when Redis does not answer. */
  async live(id: string, of: 'episode' | 'program' = 'episode'): Promise<{ hour: Date; plays: number } | undefined> {
    const hour = Math.floor(this.now() / HOUR_MS) * HOUR_MS;
    try {
      const value = await this.client.hget(this.prefix + hourKey(hour), of === 'program' ? programField(id) : id);
      return { hour: new Date(hour), plays: Number(value ?? 0) };
    } catch (error) {
      this.report(error);
      return undefined;
    }
  }

  /** Resolves when the writes already started are done (shutdown, tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private report(error: unknown) {
    // An outage fails every flush: one warning per burst is enough.
    if (this.now() - this.lastReport < 10_000) return;
    this.lastReport = this.now();
    this.onError(error);
  }
}

const byPlatform = new WeakMap<Platform, HotCounters | undefined>();

/** The hot counters on the platform's shared Redis connection, or undefined without Redis. One per platform. */
export function hotCountersFor(platform: Platform, warn: (error: unknown, message: string) => void): HotCounters | undefined {
  if (byPlatform.has(platform)) return byPlatform.get(platform);
  const hot = platform.redis
    ? new HotCounters(platform.redis, { onError: (error) => warn(error, 'listening hot counters: Redis did not answer; live plays undercount until it does') })
    : undefined;
  byPlatform.set(platform, hot);
  return hot;
}
