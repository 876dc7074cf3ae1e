// The routes every CMS resource has, declared once: list, create, read, update (If-Match), soft
// delete, restore, and revisions (list, read, restore). Entity-specific routes are added beside.
import { Type, type Static, type TSchema } from 'typebox';
import type { FastifyReply } from 'fastify';
import { changeContext } from '../platform/http/change-context.js';
import type { App } from '../platform/http/server.js';
import { HttpProblem } from '../platform/http/problem.js';
import type { Db, Queryable } from '../platform/db/db.js';
import {
  createEntity, etagOf, listRevisions, loadOne, restoreEntity, revertToRevision, softDeleteEntity, updateEntity,
  type BaseEntity, type EntityKind,
} from './entity.js';
import { IdParams, IfMatchHeaders, Page, Timestamp, Uuid, problems } from '../platform/http/schemas.js';

export interface ResourceDefinition<E extends BaseEntity, C, P, L> {
  /** e.g. /api/cms/programs */
  path: string;
  tag: string;
  kind: EntityKind<E, P>;
  schemas: { entity: TSchema; create: TSchema; patch: TSchema; listQuery: TSchema };
  insert(tx: Queryable, input: C, actor: string): Promise<string>;
  list(q: Queryable, query: L): Promise<{ items: E[]; nextCursor: string | null }>;
  /** Checked inside the delete transaction; throw to refuse. */
  beforeDelete?(tx: Queryable, id: string): Promise<void>;
}

export function sendEntity(reply: FastifyReply, entity: { version: number }, status = 200) {
  return reply.code(status).header('etag', etagOf(entity)).header('cache-control', 'no-store').send(entity);
}

const RevisionSchema = Type.Object({
  version: Type.Integer(),
  action: Type.String({ examples: ['updated'] }),
  actor: Type.String(),
  createdAt: Timestamp,
  snapshot: Type.Unknown({ description: 'The resource as it was at this version' }),
});
const RevisionParams = Type.Object({ id: Uuid, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export function registerResourceRoutes<E extends BaseEntity, C, P, L>(app: App, db: Db, def: ResourceDefinition<E, C, P, L>) {
  const { path, tag, kind, schemas } = def;
  const noun = kind.label.toLowerCase();
  const entityResponse = { 200: schemas.entity, ...problems(400, 401, 403, 404, 409, 412, 428) };

  app.get(path, {
    config: { role: 'viewer' },
    schema: {
      tags: [tag], summary: `List ${tag.toLowerCase()}`, querystring: schemas.listQuery,
      response: { 200: Page(schemas.entity), ...problems(400, 401, 403) },
    },
  }, async (request) => def.list(db, request.query as L));

  app.post(path, {
    config: { role: 'editor' },
    schema: {
      tags: [tag], summary: `Create a ${noun} (as a draft)`, body: schemas.create,
      response: { 201: schemas.entity, ...problems(400, 401, 403, 409, 413, 415) },
    },
  }, async (request, reply) => {
    const context = changeContext(request);
    const entity = await createEntity(db, kind, context, (tx) => def.insert(tx, request.body as C, context.actor));
    reply.header('location', `${path}/${entity.id}`);
    return sendEntity(reply, entity, 201);
  });

  app.get(`${path}/:id`, {
    config: { role: 'viewer' },
    schema: {
      tags: [tag], summary: `Read a ${noun}`, params: IdParams,
      querystring: Type.Object({ includeDeleted: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: schemas.entity, 304: Type.Null(), ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const entity = await loadOne(db, kind, request.params.id, { includeDeleted: request.query.includeDeleted ?? false });
    if (request.headers['if-none-match'] === etagOf(entity)) return reply.code(304).header('etag', etagOf(entity)).send();
    return sendEntity(reply, entity);
  });

  app.patch(`${path}/:id`, {
    config: { role: 'editor' },
    schema: {
      tags: [tag], summary: `Change a ${noun}`,
      description: 'Send the ETag you read as If-Match. If someone saved in between you get 412 and nothing is saved.',
      params: IdParams, headers: IfMatchHeaders, body: schemas.patch, response: entityResponse,
    },
  }, async (request, reply) => {
    const ifMatch = request.headers['if-match'];
    if (!ifMatch) throw new HttpProblem('precondition-required', `Send If-Match with the ETag of the ${noun} you are changing.`);
    const entity = await updateEntity(db, kind, request.params.id, request.body as P, changeContext(request), ifMatch);
    return sendEntity(reply, entity);
  });

  app.delete(`${path}/:id`, {
    config: { role: 'editor' },
    schema: {
      tags: [tag], summary: `Delete a ${noun} (soft: restorable)`, params: IdParams, headers: IfMatchHeaders, response: entityResponse,
    },
  }, async (request, reply) => {
    const entity = await softDeleteEntity(db, kind, request.params.id, changeContext(request), request.headers['if-match'], def.beforeDelete && ((tx) => def.beforeDelete!(tx, request.params.id)));
    return sendEntity(reply, entity);
  });

  app.post(`${path}/:id/restore`, {
    config: { role: 'editor' },
    schema: { tags: [tag], summary: `Restore a deleted ${noun}`, params: IdParams, headers: IfMatchHeaders, response: entityResponse },
  }, async (request, reply) => {
    const entity = await restoreEntity(db, kind, request.params.id, changeContext(request), request.headers['if-match']);
    return sendEntity(reply, entity);
  });

  app.get(`${path}/:id/revisions`, {
    config: { role: 'viewer' },
    schema: {
      tags: [tag], summary: `List the revisions of a ${noun}, newest first`, params: IdParams,
      response: { 200: Type.Object({ items: Type.Array(RevisionSchema) }), ...problems(400, 401, 403, 404) },
    },
  }, async (request) => ({ items: await listRevisions(db, kind as EntityKind<BaseEntity, unknown>, request.params.id) }));

  app.get(`${path}/:id/revisions/:version`, {
    config: { role: 'viewer' },
    schema: {
      tags: [tag], summary: `Read one revision of a ${noun}`, params: RevisionParams,
      response: { 200: RevisionSchema, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const revisions = await listRevisions(db, kind as EntityKind<BaseEntity, unknown>, request.params.id);
    const revision = revisions.find((r) => r.version === request.params.version);
    if (!revision) throw new HttpProblem('not-found', `${kind.label} ${request.params.id} has no revision ${request.params.version}.`);
    return revision;
  });

  app.post(`${path}/:id/revisions/:version/restore`, {
    config: { role: 'editor' },
    schema: {
      tags: [tag], summary: `Restore the content of an earlier revision (as a new version)`, params: RevisionParams, headers: IfMatchHeaders,
      response: entityResponse,
    },
  }, async (request, reply) => {
    const { id, version } = request.params;
    const entity = await revertToRevision(db, kind, id, version, changeContext(request), request.headers['if-match']);
    return sendEntity(reply, entity);
  });
}

export const BulkIds = Type.Object(
  { ids: Type.Array(Uuid, { minItems: 1, maxItems: 500, uniqueItems: true }) },
  { additionalProperties: false, examples: [{ ids: ['0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61'] }] },
);
export type BulkIds = Static<typeof BulkIds>;

export const BulkResult = Type.Object({
  results: Type.Array(Type.Object({
    id: Uuid,
    status: Type.Integer({ description: 'HTTP status this item would have had on its own' }),
    version: Type.Optional(Type.Integer()),
    detail: Type.Optional(Type.String()),
  })),
});

/** Runs an action for each id in its own transaction; one failure does not stop the others. */
export async function runBulk(ids: string[], action: (id: string) => Promise<{ version: number }>) {
  const results = [];
  for (const id of ids) {
    try {
      const entity = await action(id);
      results.push({ id, status: 200, version: entity.version });
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      results.push({ id, status: error.status, detail: error.detail });
    }
  }
  return { results };
}
