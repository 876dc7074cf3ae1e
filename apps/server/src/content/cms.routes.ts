// The CMS API under /api/cms: the four resources, the publishing workflow, bulk publish and the audit log.
import { Type } from 'typebox';
import type { Db } from '../platform/db/db.js';
import type { App } from '../platform/http/server.js';
import {
  CategoryCreateSchema, CategoryListQuerySchema, CategoryPatchSchema, CategorySchema, assertCategoryUnused, categoryKind, insertCategory, listCategories,
  type Category, type CategoryCreate, type CategoryListQuery, type CategoryPatch,
} from './categories.js';
import {
  EpisodeCreateSchema, EpisodeListQuerySchema, EpisodePatchSchema, EpisodeSchema, episodeKind, insertEpisode, listEpisodes,
  type Episode, type EpisodeCreate, type EpisodeListQuery, type EpisodePatch,
} from './episodes.js';
import {
  PersonCreateSchema, PersonListQuerySchema, PersonPatchSchema, PersonSchema, insertPerson, listPeople, personKind,
  type Person, type PersonCreate, type PersonListQuery, type PersonPatch,
} from './people.js';
import {
  ProgramCreateSchema, ProgramListQuerySchema, ProgramPatchSchema, ProgramSchema, insertProgram, listPrograms, programKind,
  type Program, type ProgramCreate, type ProgramListQuery, type ProgramPatch,
} from './programs.js';
import { BulkIds, BulkResult, registerResourceRoutes, runBulk, sendEntity } from './resource.routes.js';
import { changeContext } from '../platform/http/change-context.js';
import { IdParams, IfMatchHeaders, Timestamp, problems } from '../platform/http/schemas.js';
import { transitionEpisode, transitionProgram, type EpisodeAction, type ProgramAction } from './workflow.js';
import { listAudit, AuditQuerySchema, AuditPageSchema } from './audit.js';

export function registerCmsRoutes(app: App, db: Db) {
  registerResourceRoutes<Category, CategoryCreate, CategoryPatch, CategoryListQuery>(app, db, {
    path: '/api/cms/categories', tag: 'Categories', kind: categoryKind,
    schemas: { entity: CategorySchema, create: CategoryCreateSchema, patch: CategoryPatchSchema, listQuery: CategoryListQuerySchema },
    insert: insertCategory, list: listCategories, beforeDelete: assertCategoryUnused,
  });
  registerResourceRoutes<Person, PersonCreate, PersonPatch, PersonListQuery>(app, db, {
    path: '/api/cms/people', tag: 'People', kind: personKind,
    schemas: { entity: PersonSchema, create: PersonCreateSchema, patch: PersonPatchSchema, listQuery: PersonListQuerySchema },
    insert: insertPerson, list: listPeople,
  });
  registerResourceRoutes<Program, ProgramCreate, ProgramPatch, ProgramListQuery>(app, db, {
    path: '/api/cms/programs', tag: 'Programs', kind: programKind,
    schemas: { entity: ProgramSchema, create: ProgramCreateSchema, patch: ProgramPatchSchema, listQuery: ProgramListQuerySchema },
    insert: insertProgram, list: listPrograms,
  });
  registerResourceRoutes<Episode, EpisodeCreate, EpisodePatch, EpisodeListQuery>(app, db, {
    path: '/api/cms/episodes', tag: 'Episodes', kind: episodeKind,
    schemas: { entity: EpisodeSchema, create: EpisodeCreateSchema, patch: EpisodePatchSchema, listQuery: EpisodeListQuerySchema },
    insert: (tx, input, actor) => insertEpisode(tx, input, actor), list: listEpisodes,
  });

  const programActions: Record<ProgramAction, string> = {
    publish: 'Publish the program (its published episodes become public)',
    unpublish: 'Take the program back to draft (hides it and its episodes)',
    archive: 'Archive the program (hidden, kept)',
  };
  for (const [action, summary] of Object.entries(programActions) as [ProgramAction, string][]) {
    app.post(`/api/cms/programs/:id/${action}`, {
      config: { role: 'editor' },
      schema: { tags: ['Programs'], summary, params: IdParams, headers: IfMatchHeaders, response: { 200: ProgramSchema, ...problems(400, 401, 403, 404, 409, 412) } },
    }, async (request, reply) => sendEntity(reply, await transitionProgram(db, request.params.id, action, changeContext(request), request.headers['if-match'])));
  }

  const PublishBody = Type.Object(
    { publishAt: Type.Optional({ ...Timestamp, description: 'For publish: a past date to back-date to (default now). For schedule: the future time.' }) },
    { additionalProperties: false, description: 'Optional for publish; schedule needs publishAt' },
  );
  const episodeActions: Record<EpisodeAction, string> = {
    publish: 'Publish the episode now (or back-dated with publishAt in the past)',
    schedule: 'Schedule the episode: it becomes public by itself at publishAt',
    unpublish: 'Take the episode back to draft',
    archive: 'Archive the episode (hidden, kept)',
  };
  for (const [action, summary] of Object.entries(episodeActions) as [EpisodeAction, string][]) {
    app.post(`/api/cms/episodes/:id/${action}`, {
      config: { role: 'editor' },
      schema: {
        tags: ['Episodes'], summary, params: IdParams, headers: IfMatchHeaders,
        ...(action === 'publish' || action === 'schedule' ? { body: PublishBody } : {}),
        response: { 200: EpisodeSchema, ...problems(400, 401, 403, 404, 409, 412) },
      },
    }, async (request, reply) => {
      const body = request.body as { publishAt?: string } | undefined;
      const episode = await transitionEpisode(db, request.params.id, action, changeContext(request), {
        ifMatch: request.headers['if-match'],
        publishAt: body?.publishAt,
      });
      return sendEntity(reply, episode);
    });
  }

  app.post('/api/cms/episodes/bulk/publish', {
    config: { role: 'editor' },
    schema: {
      tags: ['Episodes'], summary: 'Publish many episodes; each succeeds or fails on its own', body: BulkIds,
      response: { 200: BulkResult, ...problems(400, 401, 403) },
    },
  }, async (request) => {
    const context = changeContext(request);
    return runBulk(request.body.ids, (id) => transitionEpisode(db, id, 'publish', context));
  });
  app.post('/api/cms/programs/bulk/publish', {
    config: { role: 'editor' },
    schema: {
      tags: ['Programs'], summary: 'Publish many programs; each succeeds or fails on its own', body: BulkIds,
      response: { 200: BulkResult, ...problems(400, 401, 403) },
    },
  }, async (request) => {
    const context = changeContext(request);
    return runBulk(request.body.ids, (id) => transitionProgram(db, id, 'publish', context));
  });

  app.get('/api/cms/audit', {
    config: { role: 'viewer' },
    schema: {
      tags: ['Audit'], summary: 'Who changed what, newest first', querystring: AuditQuerySchema,
      response: { 200: AuditPageSchema, ...problems(400, 401, 403) },
    },
  }, async (request) => listAudit(db, request.query));

}
