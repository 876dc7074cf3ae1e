// The listening log on embedded defaults and PostgreSQL: listening_events itself. Appends are cheap: one
// multi-row INSERT (unnest of arrays) per flush, and requests that arrive while a flush runs are grouped
// into the next one (group commit), so under load many HTTP batches share one statement and one commit.
// Before a flush takes the queue it lets the event loop turn while requests keep arriving (up to
// GATHER_MS, never idle): a statement's fixed cost on PGlite is several times a row's, and the player
// sends one or two events a request, so a flush of one request would pay it for a single row.
// A beacon id already stored is skipped (`on conflict do nothing`), so a replayed beacon counts once.
//
// Exactly-once aggregation needs to know which ids are settled: on PostgreSQL an identity value is taken
// when a row is inserted but seen only at commit, so a reader could pass over a smaller id that commits
// later. Appends therefore hold a shared transaction-level advisory lock; the aggregation takes it
// exclusively for an instant to read max(id), when no append is in flight (aggregation.ts).
import { Counter, type Registry } from 'prom-client';
import type { Db, Queryable } from '../platform/db/db.js';
import type { HotCounters } from './hot-counters.js';

/** Advisory lock key shared by appends (shared) and the aggregation's settle point (exclusive). */
export const APPEND_LOCK = 0x6c697374; // 'list'

export interface ListeningEvent {
  beaconId: string;
  listenerId: string;
  episodeId: string;
  programId: string;
  kind: 'play' | 'progress' | 'complete' | 'seek' | 'download';
  positionSeconds: number | null;
  listenedSeconds: number;
  platform: string;
  occurredAt: Date;
}

/**
 * Inserts the events whose beacon id is new; returns the beacon ids stored. Events drained from the listening
 * stream carry `receivedAt` (when ingest took them; stream-drain.ts), so the aggregation lag counts from the
 * request, not the drain; without it the column's default (now) is the time. A call passes it for all its
 * events or for none.
 */
export async function insertEvents(db: Db, events: readonly (ListeningEvent & { receivedAt?: Date })[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const received = events[0]!.receivedAt !== undefined;
  const write = async (q: Queryable) => {
    if (db.kind === 'postgres') await q.query('select pg_advisory_xact_lock_shared($1)', [APPEND_LOCK]);
    return q.query<{ beacon_id: string }>(
      `insert into listening_events (beacon_id, listener_id, episode_id, program_id, kind, position_seconds, listened_seconds, platform, occurred_at${received ? ', received_at' : ''})
       select * from unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::real[], $7::real[], $8::text[], $9::timestamptz[]${received ? ', $10::timestamptz[]' : ''})
       on conflict (beacon_id) do nothing
       returning beacon_id`,
      [
        events.map((e) => e.beaconId), events.map((e) => e.listenerId), events.map((e) => e.episodeId), events.map((e) => e.programId),
        events.map((e) => e.kind), events.map((e) => e.positionSeconds), events.map((e) => e.listenedSeconds),
        events.map((e) => e.platform), events.map((e) => e.occurredAt.toISOString()),
        ...(received ? [events.map((e) => e.receivedAt!.toISOString())] : []),
      ],
    );
  };
  // PGlite: one statement commits on its own (one connection, nothing to settle against), and BEGIN and
  // COMMIT would be two more trips through its protocol: at the player's batch sizes they cost more
  // than the insert itself.
  const rows = db.kind === 'postgres' ? await db.transaction(write) : await write(db);
  return new Set(rows.map((r) => r.beacon_id));
}

/** How long a flush may keep gathering requests that are still arriving (only while they do). */
export const GATHER_MS = 4;

const countersByRegistry = new WeakMap<Registry, { statements: Counter; rows: Counter }>();

/** Statements and rows appended: their ratio is how well group commit groups (the bench reads it). */
function appendCounters(registry: Registry) {
  let c = countersByRegistry.get(registry);
  if (!c) {
    c = {
      statements: new Counter({ name: 'thmnayah_listening_append_statements_total', help: 'INSERT statements (group commits) appending listening events', registers: [registry] }),
      rows: new Counter({ name: 'thmnayah_listening_append_rows_total', help: 'Listening events offered to those statements (replays included)', registers: [registry] }),
    };
    countersByRegistry.set(registry, c);
  }
  return c;
}

/** Groups concurrent appends into one INSERT; each caller learns which of its own beacons were new. */
export class EventLog {
  private queue: { events: readonly ListeningEvent[]; resolve(stored: Set<string>): void; reject(error: unknown): void }[] = [];
  private flushing: Promise<void> | undefined;

  private queuedRows = 0;

  private readonly maxRows: number;
  private readonly gatherMs: number;
  private readonly counters: ReturnType<typeof appendCounters> | undefined;
  private readonly hot: HotCounters | undefined;

  /** `hot`: live play counters in Redis, bumped after each commit for its new rows (hot-counters.ts). */
  constructor(private readonly db: Db, options: { maxRows?: number; gatherMs?: number; registry?: Registry; hot?: HotCounters | undefined } = {}) {
    this.maxRows = options.maxRows ?? 5000;
    this.gatherMs = options.gatherMs ?? GATHER_MS;
    this.counters = options.registry ? appendCounters(options.registry) : undefined;
    this.hot = options.hot;
  }

  append(events: readonly ListeningEvent[]): Promise<Set<string>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      this.queuedRows += events.length;
      this.flushing ??= this.flush();
    });
  }

  /**
   * Turns of the event loop while the queue grows: each turn reads the sockets that are ready, so requests
   * already received join this flush. When a turn adds nothing, nobody else is coming: no timer, no idling.
   */
  private async gather(): Promise<void> {
    const until = performance.now() + this.gatherMs;
    let seen = -1;
    while (this.queue.length !== seen && this.queuedRows < this.maxRows && performance.now() < until) {
      seen = this.queue.length;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        await this.gather();
        const take: typeof this.queue = [];
        let rows = 0;
        while (this.queue.length > 0 && (take.length === 0 || rows + this.queue[0]!.events.length <= this.maxRows)) {
          const next = this.queue.shift()!;
          take.push(next);
          rows += next.events.length;
          this.queuedRows -= next.events.length;
        }
        // One beacon id twice in one flush (two requests replaying each other): the first keeps it.
        const seen = new Set<string>();
        const unique: ListeningEvent[] = [];
        for (const item of take) for (const e of item.events) if (!seen.has(e.beaconId)) (seen.add(e.beaconId), unique.push(e));
        try {
          const stored = await insertEvents(this.db, unique);
          this.counters?.statements.inc();
          this.counters?.rows.inc(unique.length);
          // Not awaited: the answer must not wait for Redis (record never rejects).
          if (this.hot && stored.size > 0) void this.hot.record(unique.filter((e) => stored.has(e.beaconId)));
          for (const item of take) {
            const mine = new Set<string>();
            for (const e of item.events) if (stored.delete(e.beaconId)) mine.add(e.beaconId);
            item.resolve(mine);
          }
        } catch (error) {
          for (const item of take) item.reject(error);
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }
}
