// Dead letters: events a consumer gave up on after its last attempt. Operators list them and ask
// for a replay; the replay itself is done by the running consumer (it has the handlers; the CLI
// that asks may be another process), which picks up rows in status 'replay' within a second.
import type { Db, Queryable } from '../platform/db/db.js';

export interface DeadLetter {
  id: number;
  consumer: string;
  eventId: string;
  eventType: string;
  attempts: number;
  lastError: string;
  status: 'dead' | 'replay' | 'replayed';
  replays: number;
  deadAt: string;
  replayRequestedAt: string | null;
  replayedAt: string | null;
  event: unknown;
}

interface DeadLetterRow extends Record<string, unknown> {
  id: number;
  consumer: string;
  event_id: string;
  event_type: string;
  event: unknown;
  attempts: number;
  last_error: string;
  status: DeadLetter['status'];
  replays: number;
  dead_at: Date;
  replay_requested_at: Date | null;
  replayed_at: Date | null;
}

export interface DeadLetterFilter {
  consumer?: string | undefined;
  /** Default: the ones still needing attention (dead or waiting for replay). */
  status?: DeadLetter['status'] | 'open' | 'all' | undefined;
  limit?: number | undefined;
}

export async function listDeadLetters(q: Queryable, filter: DeadLetterFilter = {}): Promise<DeadLetter[]> {
  const status = filter.status ?? 'open';
  const rows = await q.query<DeadLetterRow>(
    `select * from event_dead_letters
      where ($1::text is null or consumer = $1)
        and ($2 = 'all' or ($2 = 'open' and status <> 'replayed') or status = $2)
      order by id limit $3`,
    [filter.consumer ?? null, status, filter.limit ?? 100],
  );
  return rows.map((r) => ({
    id: r.id,
    consumer: r.consumer,
    eventId: r.event_id,
    eventType: r.event_type,
    attempts: r.attempts,
    lastError: r.last_error,
    status: r.status,
    replays: r.replays,
    deadAt: r.dead_at.toISOString(),
    replayRequestedAt: r.replay_requested_at?.toISOString() ?? null,
    replayedAt: r.replayed_at?.toISOString() ?? null,
    event: r.event,
  }));
}

export interface ReplayRequest {
  /** Dead letter ids; or every dead letter of `consumer`; or, with `all`, every dead letter. */
  ids?: number[] | undefined;
  consumer?: string | undefined;
  all?: boolean | undefined;
}

/** Marks dead letters for replay and clears their processed mark; returns the ids marked. */
export async function requestReplay(db: Db, request: ReplayRequest): Promise<number[]> {
  const ids = request.ids && request.ids.length > 0 ? request.ids : null;
  if (!ids && !request.consumer && !request.all) {
    throw new Error('Say which dead letters to replay: ids, a consumer, or all.');
  }
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number; consumer: string; event_id: string }>(
      `update event_dead_letters set status = 'replay', replay_requested_at = now()
        where status = 'dead' and ($1::bigint[] is null or id = any($1)) and ($2::text is null or consumer = $2)
        returning id, consumer, event_id`,
      [ids, request.consumer ?? null],
    );
    for (const row of rows) {
      await tx.query('delete from processed_events where consumer = $1 and event_id = $2', [row.consumer, row.event_id]);
    }
    return rows.map((r) => r.id).sort((a, b) => a - b);
  });
}

/** Dead letters not replayed yet, per consumer (the dead-letter gauge). */
export async function countOpenDeadLetters(q: Queryable): Promise<Map<string, number>> {
  const rows = await q.query<{ consumer: string; count: number }>(
    `select consumer, count(*)::int as count from event_dead_letters where status <> 'replayed' group by consumer`,
  );
  return new Map(rows.map((r) => [r.consumer, r.count]));
}
