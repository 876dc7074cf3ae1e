// The public Discovery API under /api/discovery: home, categories, programs, episodes, people.
// Reads only the read model; every response goes through the generation-keyed response cache.
import { Type } from 'typebox';
import type { App } from '../platform/http/server.js';
import type { Db } from '../platform/db/db.js';
import { Language, Nullable, Page, StringEnum, Timestamp, Uuid, problems } from '../platform/http/schemas.js';
import { PublicCategorySchema, PublicEpisodeSchema, PublicPersonSchema, PublicProgramSchema } from './documents.js';
import { POLICIES, type ResponseCache } from './response-cache.js';
import * as read from './queries.js';
import { registerSearchRoutes } from './search/routes.js';
import type { SearchLog } from '../search-analytics/recorder.js';

const SlugParam = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
const Cursor = Type.Optional(Type.String({ maxLength: 1024, description: 'nextCursor of the previous page' }));
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 24 }));
const ProgramKind = StringEnum(['podcast', 'series', 'documentary']);

export const ProgramCardSchema = Type.Intersect([PublicProgramSchema, Type.Object({
  episodeCount: Type.Integer(),
  latestEpisodeAt: Nullable(Timestamp),
  feedUrl: Type.String({ format: 'uri-reference', description: 'The podcast feed (RSS), relative to this API\'s base URL: GET /feeds/{id}.xml', examples: ['/feeds/0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61.xml'] }),
})]);
const CategoryWithCount = Type.Intersect([PublicCategorySchema, Type.Object({ programCount: Type.Integer() })]);

export function registerDiscoveryRoutes(app: App, db: Db, cache: ResponseCache, searchLog?: SearchLog) {
  const tags = ['Discovery'];

  app.get('/api/discovery/home', {
    schema: {
      tags, summary: 'The front page: newest episodes, featured programs, a shelf per category',
      querystring: Type.Object({ language: Type.Optional(Language) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          latest: Type.Array(PublicEpisodeSchema),
          featured: Type.Array(ProgramCardSchema),
          categories: Type.Array(Type.Object({ category: PublicCategorySchema, programs: Type.Array(ProgramCardSchema) })),
        }),
        ...problems(400, 429),
      },
    },
  }, (request, reply) => cache.respond(request, reply, POLICIES.browse, () => read.home(db, request.query.language)));

  app.get('/api/discovery/categories', {
    schema: { tags, summary: 'All categories with their number of public programs', response: { 200: Type.Object({ items: Type.Array(CategoryWithCount) }), ...problems(429) } },
  }, (request, reply) => cache.respond(request, reply, POLICIES.browse, async () => ({ items: await read.categories(db) })));

  app.get('/api/discovery/categories/:slug', {
    schema: {
      tags, summary: 'A category and its programs (subcategories included)', params: SlugParam,
      querystring: Type.Object({ cursor: Cursor, limit: Limit }, { additionalProperties: false }),
      response: { 200: Type.Object({ category: PublicCategorySchema, programs: Page(ProgramCardSchema) }), ...problems(400, 404, 429) },
    },
  }, (request, reply) => cache.respond(request, reply, POLICIES.browse, async () => ({
    category: await read.categoryBySlug(db, request.params.slug),
    programs: await read.listPrograms(db, { category: request.params.slug, cursor: request.query.cursor, limit: request.query.limit }),
  })));

  app.get('/api/discovery/programs', {
    schema: {
      tags, summary: 'Public programs',
      querystring: Type.Object({
        category: Type.Optional(Type.String({ maxLength: 200, description: 'Category slug (includes subcategories)' })),
        language: Type.Optional(Language),
        kind: Type.Optional(ProgramKind),
        sort: Type.Optional(StringEnum(['latest', 'title', 'published'], { default: 'latest', description: 'latest: newest episode first' })),
        cursor: Cursor, limit: Limit,
      }, { additionalProperties: false }),
      response: { 200: Page(ProgramCardSchema), ...problems(400, 404, 429) },
    },
  }, (request, reply) => cache.respond(request, reply, POLICIES.browse, () => read.listPrograms(db, request.query)));

  app.get('/api/discovery/programs/:slug', {
    schema: {
      tags, summary: 'A program with its newest episodes', params: SlugParam,
      response: { 200: Type.Object({ program: ProgramCardSchema, episodes: Page(PublicEpisodeSchema) }), ...problems(400, 404, 429) },
    },
  }, (request, reply) => cache.respond(request, reply, POLICIES.browse, async () => {
    const program = await read.programBySlug(db, request.params.slug);
    return { program, episodes: await read.listEpisodes(db, { programId: program.id }) };
  }));

  app.get('/api/discovery/programs/:slug/episodes', {
    schema: {
      tags, summary: "A program's episodes, newest or oldest first", params: SlugParam,
      querystring: Type.Object({ sort: Type.Optional(StringEnum(['newest', 'oldest'], { default: 'newest' })), cursor: Cursor, limit: Limit }, { additionalProperties: false }),
      response: { 200: Page(PublicEpisodeSchema), ...problems(400, 404, 429) },
    },
  }, (request, reply) => cache.respond(request, reply, POLICIES.browse, async () => {
    const program = await read.programBySlug(db, request.params.slug);
    return read.listEpisodes(db, { programId: program.id, ...request.query });
  }));

  app.get('/api/discovery/episodes', {
    schema: {
      tags, summary: 'The newest public episodes',
      querystring: Type.Object({ category: Type.Optional(Type.String({ maxLength: 200 })), language: Type.Optional(Language), cursor: Cursor, limit: Limit }, { additionalProperties: false }),
      response: { 200: Page(PublicEpisodeSchema), ...problems(400, 404, 429) },
    },
  }, (request, reply) => cache.respond(request, reply, POLICIES.browse, () => read.listEpisodes(db, request.query)));

  app.get('/api/discovery/episodes/:id', {
    schema: {
      tags, summary: 'One public episode', params: Type.Object({ id: Uuid }, { additionalProperties: false }),
      response: { 200: PublicEpisodeSchema, ...problems(400, 404, 429) },
    },
  }, (request, reply) => cache.respond(request, reply, POLICIES.browse, () => read.episodeById(db, request.params.id)));

  app.get('/api/discovery/people', {
    schema: {
      tags, summary: 'People who appear in public programs',
      querystring: Type.Object({ cursor: Cursor, limit: Limit }, { additionalProperties: false }),
      response: { 200: Page(PublicPersonSchema), ...problems(400, 429) },
    },
  }, (request, reply) => cache.respond(request, reply, POLICIES.browse, () => read.listPeople(db, request.query)));

  app.get('/api/discovery/people/:slug', {
    schema: {
      tags, summary: 'A person, with the programs and episodes they appear in', params: SlugParam,
      response: {
        200: Type.Intersect([PublicPersonSchema, Type.Object({
          programs: Type.Array(Type.Intersect([ProgramCardSchema, Type.Object({ roles: Type.Array(Type.String()) })])),
          episodes: Type.Array(PublicEpisodeSchema),
        })]),
        ...problems(400, 404, 429),
      },
    },
  }, (request, reply) => cache.respond(request, reply, POLICIES.browse, () => read.personBySlug(db, request.params.slug)));

  registerSearchRoutes(app, db, cache, searchLog);
}
