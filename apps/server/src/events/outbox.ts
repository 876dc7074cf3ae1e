// The transactional outbox: an event row is written in the same transaction as the change it
// describes, so an event exists exactly when its change committed. The relay publishes the rows.
import { randomUUID } from 'node:crypto';
import type { EventPayloads, EventType, ThmnayahEvent } from '@thmnayah/contracts';
import type { Queryable } from '../platform/db/db.js';

export async function appendEvent<K extends EventType>(
  tx: Queryable,
  event: { type: K; actor: string; data: EventPayloads[K]; entityType?: string; entityId?: string },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `insert into outbox (id, type, entity_type, entity_id, payload, actor) values ($1, $2, $3, $4, $5, $6)`,
    [id, event.type, event.entityType ?? null, event.entityId ?? null, JSON.stringify(event.data), event.actor],
  );
  return id;
}

interface OutboxRow extends Record<string, unknown> {
  seq: number;
  id: string;
  type: string;
  payload: unknown;
  actor: string;
  occurred_at: Date;
}

export function rowToEvent(row: OutboxRow): ThmnayahEvent & { seq: number } {
  return {
    seq: row.seq,
    id: row.id,
    type: row.type,
    occurredAt: row.occurred_at.toISOString(),
    actor: row.actor,
    data: row.payload,
  } as ThmnayahEvent & { seq: number };
}

/** Events in commit-independent insertion order, for inspection and tests. */
export async function listEvents(q: Queryable, options: { afterSeq?: number; limit?: number; entityId?: string } = {}) {
  const rows = await q.query<OutboxRow>(
    `select seq, id, type, payload, actor, occurred_at from outbox
      where seq > $1 and ($2::uuid is null or entity_id = $2)
      order by seq limit $3`,
    [options.afterSeq ?? 0, options.entityId ?? null, options.limit ?? 1000],
  );
  return rows.map(rowToEvent);
}
