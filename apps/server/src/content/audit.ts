// The audit log: who (token subject and name), when, what (action, entity, version) and which fields
// changed from what to what. Written by changes.ts in the transaction of each change.
import { Type, type Static } from 'typebox';
import type { Queryable } from '../platform/db/db.js';
import { HttpProblem } from '../platform/http/problem.js';
import { Nullable, StringEnum, Timestamp, Uuid } from '../platform/http/schemas.js';

export const AuditQuerySchema = Type.Object(
  {
    entityType: Type.Optional(StringEnum(['program', 'episode', 'category', 'person'])),
    entityId: Type.Optional(Uuid),
    actor: Type.Optional(Type.String({ maxLength: 200, description: 'Token subject' })),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuerySchema>;

const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Timestamp,
  actor: Type.String(),
  actorName: Nullable(Type.String()),
  action: Type.String({ examples: ['episode.published'] }),
  entityType: Nullable(Type.String()),
  entityId: Nullable(Uuid),
  version: Nullable(Type.Integer()),
  changes: Type.Record(Type.String(), Type.Object({ from: Type.Unknown(), to: Type.Unknown() })),
  requestId: Nullable(Type.String()),
});
export const AuditPageSchema = Type.Object({ items: Type.Array(AuditEntrySchema), nextCursor: Nullable(Type.String()) });

interface AuditRow extends Record<string, unknown> {
  id: number; at: Date; actor: string; actor_name: string | null; action: string; entity_type: string | null;
  entity_id: string | null; version: number | null; changes: Record<string, { from: unknown; to: unknown }>; request_id: string | null;
}

function decodeAuditCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^audit:(\d{1,15})$/.exec(text);
  if (!match) throw new HttpProblem('bad-cursor', 'The cursor is not one this API issued. Pass back nextCursor unchanged.');
  return Number(match[1]);
}

export async function listAudit(q: Queryable, query: AuditQuery) {
  const limit = query.limit ?? 50;
  const params: unknown[] = [];
  const where: string[] = [];
  if (query.entityType) where.push(`a.entity_type = $${params.push(query.entityType)}`);
  if (query.entityId) where.push(`a.entity_id = $${params.push(query.entityId)}`);
  if (query.actor) where.push(`a.actor = $${params.push(query.actor)}`);
  if (query.cursor) where.push(`a.id < $${params.push(decodeAuditCursor(query.cursor))}`);
  params.push(limit + 1);
  const rows = await q.query<AuditRow>(
    `select a.*, u.name as actor_name from audit_log a left join users u on u.sub = a.actor
      where true ${where.map((w) => ` and ${w}`).join('')} order by a.id desc limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id, at: r.at.toISOString(), actor: r.actor, actorName: r.actor_name, action: r.action, entityType: r.entity_type,
      entityId: r.entity_id, version: r.version, changes: r.changes, requestId: r.request_id,
    })),
    nextCursor: rows.length > limit && last ? Buffer.from(`audit:${last.id}`).toString('base64url') : null,
  };
}
