// The listening log on embedded defaults and PostgreSQL: listening_events itself. Appends are cheap: one
// multi-row INSERT (unnest of arrays) per flush, and requests that arrive while a flush runs are grouped
// into the next one (group commit), so under load many HTTP batches share one statement and one commit.
// A beacon id already stored is skipped (`on conflict do nothing`), so a replayed beacon counts once.
//
// Exactly-once aggregation needs to know which ids are settled: on PostgreSQL an identity value is taken
// when a row is inserted but seen only at commit, so a reader could pass over a smaller id that commits
// later. Appends therefore hold a shared transaction-level advisory lock; the aggregation takes it
// exclusively for an instant to read max(id), when no append is in flight (aggregation.ts).
import type { Db, Queryable } from '../platform/db/db.js';

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

/** Inserts the events whose beacon id is new; returns the beacon ids stored. */
export async function insertEvents(db: Db, events: readonly ListeningEvent[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const write = async (q: Queryable) => {
    if (db.kind === 'postgres') await q.query('select pg_advisory_xact_lock_shared($1)', [APPEND_LOCK]);
    return q.query<{ beacon_id: string }>(
      `insert into listening_events (beacon_id, listener_id, episode_id, program_id, kind, position_seconds, listened_seconds, platform, occurred_at)
       select * from unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::real[], $7::real[], $8::text[], $9::timestamptz[])
       on conflict (beacon_id) do nothing
       returning beacon_id`,
      [
        events.map((e) => e.beaconId), events.map((e) => e.listenerId), events.map((e) => e.episodeId), events.map((e) => e.programId),
        events.map((e) => e.kind), events.map((e) => e.positionSeconds), events.map((e) => e.listenedSeconds),
        events.map((e) => e.platform), events.map((e) => e.occurredAt.toISOString()),
      ],
    );
  };
  // PGlite: one statement commits on its own (one connection, nothing to settle against), and BEGIN and
  // COMMIT would be two more trips through its protocol: at the player's batch sizes they cost more
  // than the insert itself.
  const rows = db.kind === 'postgres' ? await db.transaction(write) : await write(db);
  return new Set(rows.map((r) => r.beacon_id));
}

/** Groups concurrent appends into one INSERT; each caller learns which of its own beacons were new. */
export class EventLog {
  private queue: { events: readonly ListeningEvent[]; resolve(stored: Set<string>): void; reject(error: unknown): void }[] = [];
  private flushing: Promise<void> | undefined;

  constructor(private readonly db: Db, private readonly maxRows = 5000) {}

  append(events: readonly ListeningEvent[]): Promise<Set<string>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const take: typeof this.queue = [];
        let rows = 0;
        while (this.queue.length > 0 && (take.length === 0 || rows + this.queue[0]!.events.length <= this.maxRows)) {
          const next = this.queue.shift()!;
          take.push(next);
          rows += next.events.length;
        }
        // One beacon id twice in one flush (two requests replaying each other): the first keeps it.
        const seen = new Set<string>();
        const unique: ListeningEvent[] = [];
        for (const item of take) for (const e of item.events) if (!seen.has(e.beaconId)) (seen.add(e.beaconId), unique.push(e));
        try {
          const stored = await insertEvents(this.db, unique);
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
