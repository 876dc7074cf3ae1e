// Public recommendation endpoints under /api/discovery (Discovery scope: CORS, rate limits, OpenAPI).
// Answers that do not depend on a listener go through the generation-keyed response cache like every
// Discovery read (a new model version or a trending refresh bumps the generation). Answers for a
// listener are not cached anywhere (Cache-Control: private, no-store): they change with every listen.
import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import type { App } from '../platform/http/server.js';
import type { Db } from '../platform/db/db.js';
import { Language, Nullable, StringEnum, Uuid, problems } from '../platform/http/schemas.js';
import { PublicEpisodeSchema } from '../discovery/documents.js';
import { POLICIES, type ResponseCache } from '../discovery/response-cache.js';
import { ProgramCardSchema } from '../discovery/routes.js';
import { programBySlug } from '../discovery/queries.js';
import { moreLikeEpisode, moreLikeProgram } from './content.js';
import { alsoPlayed, forYou, trending } from './recommend.js';

const ListenerId = Type.String({
  minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$',
  description: "The anonymous listener id the site's player keeps in the browser (a random UUID); never an account",
  examples: ['5b0c2a4e-7f3d-4c1b-9e8a-1d2c3b4a5f60'],
});
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 12 }));
const Slugs = Type.String({ maxLength: 500, pattern: '^[a-z0-9-]+(,[a-z0-9-]+)*$', description: 'Comma-separated category slugs (subcategories included; unknown slugs are ignored)', examples: ['culture,science'] });
const ModelVersion = Nullable(Type.Integer({ description: 'The recommendation model version that served this (null: none built yet)' }));

function sendPrivate(reply: FastifyReply, body: unknown) {
  return reply.header('cache-control', 'private, no-store').send(body);
}

export function registerRecommendationRoutes(app: App, db: Db, cache: ResponseCache) {
  const tags = ['Discovery'];

  app.get('/api/discovery/trending', {
    schema: {
      tags, summary: 'Trending now: episodes and programs by time-decayed listening (plays and listeners, halving every TRENDING_HALF_LIFE_HOURS)',
      querystring: Type.Object({ language: Type.Optional(Language), limit: Limit }, { additionalProperties: false }),
      response: { 200: Type.Object({ episodes: Type.Array(PublicEpisodeSchema), programs: Type.Array(ProgramCardSchema) }), ...problems(400, 429) },
    },
  }, (request, reply) => cache.respond(request, reply, POLICIES.browse, () => trending(db, { language: request.query.language, limit: request.query.limit ?? 12 })));

  app.get('/api/discovery/episodes/:id/more-like-this', {
    schema: {
      tags, summary: 'Episodes like this one, from content: shared words (by rarity), category, language, people',
      params: Type.Object({ id: Uuid }, { additionalProperties: false }),
      querystring: Type.Object({ limit: Limit, listener: Type.Optional(ListenerId) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(PublicEpisodeSchema) }), ...problems(400, 404, 429) },
    },
  }, async (request, reply) => {
    const { id } = request.params;
    const { limit = 12, listener } = request.query;
    if (listener) return sendPrivate(reply, { items: await moreLikeEpisode(db, id, limit, listener) });
    return cache.respond(request, reply, POLICIES.browse, async () => ({ items: await moreLikeEpisode(db, id, limit) }));
  });

  app.get('/api/discovery/programs/:slug/more-like-this', {
    schema: {
      tags, summary: 'Programs like this one, from content: shared words (by rarity), category, language, people',
      params: Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
      querystring: Type.Object({ limit: Limit }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ProgramCardSchema) }), ...problems(400, 404, 429) },
    },
  }, (request, reply) => cache.respond(request, reply, POLICIES.browse, async () => {
    const program = await programBySlug(db, request.params.slug);
    return { items: await moreLikeProgram(db, program.id, request.query.limit ?? 12) };
  }));

  app.get('/api/discovery/episodes/:id/also-played', {
    schema: {
      tags, summary: 'Listeners who played this episode also played: item-item co-occurrence, from the active model version',
      params: Type.Object({ id: Uuid }, { additionalProperties: false }),
      querystring: Type.Object({ limit: Limit, listener: Type.Optional({ ...ListenerId, description: 'Leave out what this listener played (the answer is then not cached)' }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(PublicEpisodeSchema), modelVersion: ModelVersion }), ...problems(400, 404, 429) },
    },
  }, async (request, reply) => {
    const { id } = request.params;
    const { limit = 12, listener } = request.query;
    if (listener) return sendPrivate(reply, await alsoPlayed(db, id, limit, listener));
    return cache.respond(request, reply, POLICIES.browse, () => alsoPlayed(db, id, limit));
  });

  app.get('/api/discovery/for-you', {
    schema: {
      tags,
      summary: "For one listener: episodes near their history (the active model's neighbours, the listener's listens up to now), never one they played; "
        + 'with no history (cold start), trending in the chosen language and categories. Not cached.',
      querystring: Type.Object({
        listener: ListenerId, language: Type.Optional(Language), categories: Type.Optional(Slugs), limit: Limit,
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          items: Type.Array(PublicEpisodeSchema),
          basis: StringEnum(['history', 'cold-start', 'mixed'], { description: 'history: from the listener\'s listens; cold-start: none yet; mixed: both' }),
          modelVersion: ModelVersion,
        }),
        ...problems(400, 429),
      },
    },
  }, async (request, reply) => {
    const { listener, language, categories, limit = 12 } = request.query;
    return sendPrivate(reply, await forYou(db, { listener, language, categories: categories?.split(','), limit }));
  });
}
