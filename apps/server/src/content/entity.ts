// The operations every content entity shares, written once: create, load, a locked and versioned
// mutation (optimistic concurrency through ETag / If-Match), soft delete and restore, revisions.
// Each entity (programs, episodes, categories, people) supplies an EntityKind with its own SQL.
import type { EntityType } from '@thmnayah/contracts';
import type { Db, Queryable } from '../platform/db/db.js';
import { HttpProblem, conflict, notFound } from '../platform/http/problem.js';
import { recordChange, type ChangeAction } from './changes.js';
import type { ChangeContext } from '../platform/http/change-context.js';

export interface BaseEntity {
  id: string;
  version: number;
  deletedAt: Date | string | null;
}

export interface EntityKind<E extends BaseEntity, Patch> {
  type: EntityType;
  table: string;
  /** For messages: "Program", "Episode" ... */
  label: string;
  loadMany(q: Queryable, ids: readonly string[]): Promise<E[]>;
  /** Writes the fields present in a validated patch; version and bookkeeping are handled here. */
  applyPatch(tx: Queryable, id: string, patch: Patch, current: E): Promise<void>;
  /** The editable fields of a stored revision, as a patch that restores them. */
  editable(snapshot: E): Patch;
  eventData(entity: E): unknown;
}

export function etagOf(entity: { version: number }): string {
  return `"${entity.version}"`;
}

/** RFC 9110 If-Match: strong comparison; `*` matches any current version; weak tags never match. */
function ifMatchSatisfied(header: string | undefined, version: number): boolean {
  if (header === undefined) return true;
  const wanted = `"${version}"`;
  return header.split(',').map((tag) => tag.trim()).some((tag) => tag === '*' || tag === wanted);
}

export async function loadOne<E extends BaseEntity>(
  q: Queryable,
  kind: EntityKind<E, unknown>,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Promise<E> {
  const [entity] = await kind.loadMany(q, [id]);
  if (!entity || (entity.deletedAt && !options.includeDeleted)) throw notFound(kind.label, id);
  return entity;
}

export async function createEntity<E extends BaseEntity>(
  db: Db,
  kind: EntityKind<E, unknown>,
  context: ChangeContext,
  insert: (tx: Queryable) => Promise<string>,
): Promise<E> {
  return db.transaction(async (tx) => {
    const id = await insert(tx);
    const after = await loadOne(tx, kind, id);
    await recordChange(tx, { entityType: kind.type, action: 'created', before: null, after, context, eventData: kind.eventData(after) });
    return after;
  });
}

export interface MutationOptions {
  action: ChangeAction;
  ifMatch?: string | undefined;
  /** Deleted rows are not found unless the mutation is meant for them (restore). */
  target?: 'live' | 'deleted';
}

/** The result of a change function: `unchanged` skips the version bump and all records. */
export type ChangeOutcome = void | 'unchanged';

/**
 * Locks the row, checks existence and If-Match, applies `change`, bumps the version and records the
 * revision, audit entry and event, all in one transaction. A stale If-Match changes nothing (412).
 */
export async function mutateEntity<E extends BaseEntity, P>(
  db: Db,
  kind: EntityKind<E, P>,
  id: string,
  context: ChangeContext,
  options: MutationOptions,
  change: (tx: Queryable, current: E) => Promise<ChangeOutcome>,
): Promise<E> {
  return db.transaction((tx) => mutateEntityIn(tx, kind, id, context, options, change));
}

/**
 * A system change (media processing) inside the caller's transaction, as an update with its revision:
 * a missing or deleted entity is left alone (undefined) rather than refused.
 */
export async function updateUndeletedEntityIn<E extends BaseEntity, P>(
  tx: Queryable,
  kind: EntityKind<E, P>,
  id: string,
  context: ChangeContext,
  change: (tx: Queryable, current: E) => Promise<ChangeOutcome>,
): Promise<E | undefined> {
  const [row] = await tx.query<{ deleted: boolean }>(`select deleted_at is not null as deleted from ${kind.table} where id = $1`, [id]);
  if (!row || row.deleted) return undefined;
  return mutateEntityIn(tx, kind, id, context, { action: 'updated' }, change);
}

/** mutateEntity inside a transaction the caller holds (a change that commits with other records). */
async function mutateEntityIn<E extends BaseEntity, P>(
  tx: Queryable,
  kind: EntityKind<E, P>,
  id: string,
  context: ChangeContext,
  options: MutationOptions,
  change: (tx: Queryable, current: E) => Promise<ChangeOutcome>,
): Promise<E> {
  const [row] = await tx.query<{ version: number; deleted: boolean }>(
    `select version, deleted_at is not null as deleted from ${kind.table} where id = $1 for update`,
    [id],
  );
  const target = options.target ?? 'live';
  if (!row) throw notFound(kind.label, id);
  if (row.deleted && target === 'live') throw notFound(kind.label, id);
  if (!row.deleted && target === 'deleted') throw conflict(`${kind.label} ${id} is not deleted.`);
  if (!ifMatchSatisfied(options.ifMatch, row.version)) {
    throw new HttpProblem('precondition-failed', `${kind.label} ${id} is now at version ${row.version}; your change was based on ${options.ifMatch}. Nothing was saved.`, {
      currentEtag: `"${row.version}"`,
    });
  }
  const before = await loadOne(tx, kind, id, { includeDeleted: true });
  if ((await change(tx, before)) === 'unchanged') return before;
  await tx.query(`update ${kind.table} set version = version + 1, updated_at = now(), updated_by = $2 where id = $1`, [id, context.actor]);
  const after = await loadOne(tx, kind, id, { includeDeleted: true });
  await recordChange(tx, { entityType: kind.type, action: options.action, before, after, context, eventData: kind.eventData(after) });
  return after;
}

export function updateEntity<E extends BaseEntity, P>(db: Db, kind: EntityKind<E, P>, id: string, patch: P, context: ChangeContext, ifMatch: string | undefined) {
  return mutateEntity(db, kind, id, context, { action: 'updated', ifMatch }, (tx, current) => kind.applyPatch(tx, id, patch, current));
}

export function softDeleteEntity<E extends BaseEntity>(
  db: Db,
  kind: EntityKind<E, unknown>,
  id: string,
  context: ChangeContext,
  ifMatch: string | undefined,
  guard?: (tx: Queryable) => Promise<void>,
) {
  return mutateEntity(db, kind, id, context, { action: 'deleted', ifMatch }, async (tx) => {
    await guard?.(tx);
    await tx.query(`update ${kind.table} set deleted_at = now() where id = $1`, [id]);
  });
}

export function restoreEntity<E extends BaseEntity>(db: Db, kind: EntityKind<E, unknown>, id: string, context: ChangeContext, ifMatch: string | undefined) {
  return mutateEntity(db, kind, id, context, { action: 'restored', ifMatch, target: 'deleted' }, async (tx) => {
    await tx.query(`update ${kind.table} set deleted_at = null where id = $1`, [id]);
  });
}

export interface Revision {
  version: number;
  action: string;
  actor: string;
  createdAt: string;
  snapshot: unknown;
}

export async function listRevisions(q: Queryable, kind: EntityKind<BaseEntity, unknown>, id: string): Promise<Revision[]> {
  await loadOne(q, kind, id, { includeDeleted: true });
  const rows = await q.query<{ version: number; action: string; actor: string; created_at: Date; snapshot: unknown }>(
    `select version, action, actor, created_at, snapshot from revisions
      where entity_type = $1 and entity_id = $2 order by version desc`,
    [kind.type, id],
  );
  return rows.map((r) => ({ version: r.version, action: r.action, actor: r.actor, createdAt: r.created_at.toISOString(), snapshot: r.snapshot }));
}

/** Restores the editable content of an earlier revision as a new version (history is never rewritten). */
export async function revertToRevision<E extends BaseEntity, P>(
  db: Db,
  kind: EntityKind<E, P>,
  id: string,
  version: number,
  context: ChangeContext,
  ifMatch: string | undefined,
): Promise<E> {
  return mutateEntity(db, kind, id, context, { action: 'reverted', ifMatch }, async (tx, current) => {
    const [revision] = await tx.query<{ snapshot: E }>(
      'select snapshot from revisions where entity_type = $1 and entity_id = $2 and version = $3',
      [kind.type, id, version],
    );
    if (!revision) throw notFound(`Revision ${version} of ${kind.label.toLowerCase()}`, id);
    await kind.applyPatch(tx, id, kind.editable(revision.snapshot), current);
  });
}
