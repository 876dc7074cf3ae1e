// Every content change leaves three records in its own transaction: a revision (the full new
// state, restorable), an audit entry (who, when, which fields changed from what to what) and an
// outbox event (for search, caches and feeds).
import type { EntityType, EventPayloads, EventType } from '@thmnayah/contracts';
import type { Queryable } from '../platform/db/db.js';
import { appendEvent } from '../events/outbox.js';
import type { ChangeContext } from '../platform/http/change-context.js';


export type ChangeAction =
  | 'created' | 'updated' | 'deleted' | 'restored'
  | 'published' | 'unpublished' | 'archived' | 'scheduled' | 'reverted';

/** Fields whose change is bookkeeping, not content: left out of audit diffs. */
const BOOKKEEPING = new Set(['version', 'updatedAt', 'updatedBy']);

export function diff(before: Record<string, unknown> | null, after: Record<string, unknown>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(after)])) {
    if (BOOKKEEPING.has(key)) continue;
    const from = before?.[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

export async function recordChange<E extends { id: string; version: number }>(
  tx: Queryable,
  change: {
    entityType: EntityType;
    action: ChangeAction;
    before: E | null;
    after: E;
    context: ChangeContext;
    eventData: unknown;
  },
): Promise<void> {
  const { entityType, action, before, after, context } = change;
  // JSON round trip: snapshots hold ISO strings, exactly what the API returned.
  const snapshot = JSON.parse(JSON.stringify(after)) as Record<string, unknown>;
  const previous = before ? (JSON.parse(JSON.stringify(before)) as Record<string, unknown>) : null;
  await tx.query(
    `insert into revisions (entity_type, entity_id, version, action, snapshot, actor) values ($1, $2, $3, $4, $5, $6)`,
    [entityType, after.id, after.version, action, JSON.stringify(snapshot), context.actor],
  );
  await tx.query(
    `insert into audit_log (actor, action, entity_type, entity_id, version, changes, request_id)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [context.actor, `${entityType}.${action}`, entityType, after.id, after.version, JSON.stringify(diff(previous, snapshot)), context.requestId ?? null],
  );
  // A revert is an update as far as consumers care.
  const eventAction = action === 'reverted' ? 'updated' : action;
  const type = `${entityType}.${eventAction}` as EventType;
  await appendEvent(tx, {
    type,
    actor: context.actor,
    data: change.eventData as EventPayloads[typeof type],
    entityType,
    entityId: after.id,
  });
}
