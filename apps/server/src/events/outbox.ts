// The transactional outbox: an event row is written in the same transaction as the change it
// describes, so an event exists exactly when its change committed. The relay publishes the rows.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { EventPayloads, EventType, ThmnayahEvent } from '@thmnayah/contracts';
import type { Queryable } from '../platform/db/db.js';
import { currentCarrier, inSpan, type TraceCarrier } from '../platform/telemetry/tracing.js';

/**
 * Raised (in this process) each time an event row is written. On PGlite a reader queues behind the
 * writer's open transaction, so a relay woken by this sees the row once it commits; on PostgreSQL
 * the relay also LISTENs to the NOTIFY the outbox trigger sends on commit (see wakeups.ts).
 */
export const outboxAppended = new EventEmitter();
outboxAppended.setMaxListeners(0);

export async function appendEvent<K extends EventType>(
  tx: Queryable,
  event: { type: K; actor: string; data: EventPayloads[K]; entityType?: string; entityId?: string },
): Promise<string> {
  const id = randomUUID();
  // Traced: the row keeps this span's context, which the relay and the consumers continue.
  await inSpan(`outbox append ${event.type}`, { requireParent: true, attributes: { 'thmnayah.event.id': id, 'thmnayah.event.type': event.type } }, async (span) => {
    const traceContext = span ? currentCarrier() : undefined;
    await tx.query(
      `insert into outbox (id, type, entity_type, entity_id, payload, actor, trace_context) values ($1, $2, $3, $4, $5, $6, $7)`,
      [id, event.type, event.entityType ?? null, event.entityId ?? null, JSON.stringify(event.data), event.actor, traceContext ? JSON.stringify(traceContext) : null],
    );
  });
  outboxAppended.emit('appended');
  return id;
}

/** An event as the bus carries it: the contract's event plus where it sits in the outbox. */
export type OutboxEvent = ThmnayahEvent & {
  /** Insertion order in the outbox (not commit order). */
  seq: number;
  entityType: string | null;
  entityId: string | null;
  /**
   * W3C trace context the event travels with (tracing on only): the writer's, then the relay's
   * publish span. Carried in the outbox row and in NATS headers, never in the message body.
   */
  traceContext?: TraceCarrier;
};

export interface OutboxRow extends Record<string, unknown> {
  seq: number;
  id: string;
  type: string;
  entity_type: string | null;
  entity_id: string | null;
  payload: unknown;
  actor: string;
  occurred_at: Date;
  trace_context?: TraceCarrier | null;
}

export const OUTBOX_COLUMNS = 'seq, id, type, entity_type, entity_id, payload, actor, occurred_at, trace_context';

export function rowToEvent(row: OutboxRow): OutboxEvent {
  const event = {
    seq: row.seq,
    id: row.id,
    type: row.type,
    occurredAt: row.occurred_at.toISOString(),
    actor: row.actor,
    data: row.payload,
    entityType: row.entity_type ?? null,
    entityId: row.entity_id ?? null,
  } as OutboxEvent;
  if (row.trace_context) event.traceContext = row.trace_context;
  return event;
}

/** Events in commit-independent insertion order, for inspection and tests. */
export async function listEvents(q: Queryable, options: { afterSeq?: number; limit?: number; entityId?: string } = {}) {
  const rows = await q.query<OutboxRow>(
    `select ${OUTBOX_COLUMNS} from outbox
      where seq > $1 and ($2::uuid is null or entity_id = $2)
      order by seq limit $3`,
    [options.afterSeq ?? 0, options.entityId ?? null, options.limit ?? 1000],
  );
  return rows.map(rowToEvent);
}
