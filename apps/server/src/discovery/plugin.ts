// Mounts the public API in its own scope: CORS for web clients and per-client rate limiting apply to
// /api/discovery only, never to the CMS.
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { failOpenRedisStore } from './rate-limit-store.js';
import type { Platform } from '../platform.js';
import type { App } from '../platform/http/server.js';
import { HttpProblem } from '../platform/http/problem.js';
import { markPublicReads } from '../platform/http/request-log.js';
import { GenerationClock, ResponseCache } from './response-cache.js';
import { registerDiscoveryRoutes } from './routes.js';
import { registerRecommendationRoutes } from '../recommendations/routes.js';
import { registerPreviewRoutes } from './preview.routes.js';
import { previewTokens } from '../content/preview-tokens.js';
import { playbackLinks } from '../media/api/playback.js';
import { registerResponseCacheMetrics } from '../platform/telemetry/metrics.js';
import { SearchLog } from '../search-analytics/recorder.js';
import { registerClickBeaconRoute } from '../search-analytics/routes.js';
import { registerListeningRoutes } from '../listening/ingest.routes.js';

export interface Discovery {
  generation: GenerationClock;
  responses: ResponseCache;
  /** Search analytics' in-memory counts (absent when SEARCH_ANALYTICS=false). */
  searchLog: SearchLog | undefined;
}

/** Paths browsers of other sites may read: the public API and the podcast feeds (which send their own `*`). */
function isPublicPath(url: string): boolean {
  return url.startsWith('/api/discovery/') || url === '/api/discovery' || url.startsWith('/feeds/');
}

export async function mountDiscovery(app: App, platform: Platform): Promise<Discovery> {
  // The generation is read where the queries run (the replica, when there is one): an answer cached
  // under generation G then holds at least what G names. LISTEN stays on the primary (a standby
  // cannot LISTEN); a wake-up the replica has not replayed yet is caught by the next poll.
  const generation = new GenerationClock(platform.readDb, 200, platform.config.databaseUrl);
  await generation.start((error) => app.log.warn({ err: error }, 'reading the read-model generation failed'));
  app.addHook('onClose', async () => generation.stop());
  const responses = new ResponseCache(platform.cache, generation);
  registerResponseCacheMetrics(platform.metrics.registry, responses);
  const { config } = platform;
  // Counts are written to the primary; a flush at close (before the database closes) keeps the last seconds.
  const searchLog = config.searchAnalytics
    ? new SearchLog(platform.db, { flushMs: config.searchAnalyticsFlushMs, onError: (error) => app.log.warn({ err: error }, 'writing search analytics failed; the counts are kept for the next flush') })
    : undefined;
  if (searchLog) {
    searchLog.start();
    app.addHook('onClose', async () => searchLog.close().catch((error: unknown) => app.log.error({ err: error }, 'writing the last search analytics failed')));
  }
  await app.register(async (scope) => {
    // Successful answers here are not logged one by one by default (platform/http/request-log.ts).
    scope.addHook('onRoute', markPublicReads);
    const publicCors = {
      origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
      // POST and DELETE: listening beacons and a listener's deletion (listening/ingest.routes.ts).
      methods: ['GET', 'HEAD', 'OPTIONS', 'POST', 'DELETE'],
      exposedHeaders: ['etag', 'x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
      maxAge: 86_400,
    };
    // @fastify/cors answers preflights from an `OPTIONS *` route, which matches every path of the server, so
    // without this a preflight on /api/cms/* was granted `*` while real CMS answers carry no CORS header
    // (issue 15). Outside the public paths the preflight gets a 404 with no CORS grant, answered here,
    // before the CORS hook (`Vary: Origin` as the plugin sets it when the origin depends on the request).
    //
    // Why not the plugin's per-request `delegator` (which this replaced): it normalises the options anew
    // on every request, the largest single cost of a cached Discovery answer in our profiles. Every other
    // route of this scope is a public path, so the options are fixed; the origin is a function so that the
    // answers keep `Vary: Origin` exactly as the delegator gave them.
    scope.addHook('onRequest', (request, reply, done) => {
      if (request.method !== 'OPTIONS' || isPublicPath(request.url)) return done();
      reply.header('vary', 'Origin');
      reply.callNotFound();
    });
    const allowed = publicCors.origin;
    await scope.register(cors, { ...publicCors, origin: (_origin, callback) => callback(null, allowed) });
    await scope.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      // Shared across pods through Redis when configured; in-process otherwise.
      ...(platform.redis
        ? { store: failOpenRedisStore(platform.redis, 'thmnayah:ratelimit:', (err, msg) => app.log.warn({ err }, msg)) }
        : {}),
      keyGenerator: (request) => request.ip,
      // A limiter outage must not take the public site down with it.
      skipOnError: true,
      errorResponseBuilder: (_request, context) =>
        new HttpProblem('too-many-requests', `More than ${context.max} requests a minute from this address; retry in ${context.after}.`),
    });
    registerDiscoveryRoutes(scope as App, platform.readDb, responses, searchLog);
    if (searchLog) registerClickBeaconRoute(scope as App, searchLog);
    registerListeningRoutes(scope as App, platform);
    registerRecommendationRoutes(scope as App, platform.readDb, responses);
    registerPreviewRoutes(scope as App, platform.db, { tokens: previewTokens(config), links: playbackLinks(config) });
  });
  return { generation, responses, searchLog };
}
