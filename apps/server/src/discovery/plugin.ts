// Mounts the public API in its own scope: CORS for web clients and per-client rate limiting apply to
// /api/discovery only, never to the CMS.
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { Platform } from '../platform.js';
import type { App } from '../platform/http/server.js';
import { HttpProblem } from '../platform/http/problem.js';
import { GenerationClock, ResponseCache } from './response-cache.js';
import { registerDiscoveryRoutes } from './routes.js';

export interface Discovery {
  generation: GenerationClock;
  responses: ResponseCache;
}

export async function mountDiscovery(app: App, platform: Platform): Promise<Discovery> {
  const generation = new GenerationClock(platform.db, 200, platform.config.databaseUrl);
  await generation.start((error) => app.log.warn({ err: error }, 'reading the read-model generation failed'));
  app.addHook('onClose', async () => generation.stop());
  const responses = new ResponseCache(platform.cache, generation);
  const { config } = platform;
  await app.register(async (scope) => {
    await scope.register(cors, {
      origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
      methods: ['GET', 'HEAD', 'OPTIONS'],
      exposedHeaders: ['etag', 'x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
      maxAge: 86_400,
    });
    await scope.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      // Shared across pods through Redis when configured; in-process otherwise.
      ...(platform.cache.kind === 'redis' ? { redis: (platform.cache as unknown as { client: unknown }).client, nameSpace: 'thmnayah:ratelimit:' } : {}),
      keyGenerator: (request) => request.ip,
      // A limiter outage must not take the public site down with it.
      skipOnError: true,
      errorResponseBuilder: (_request, context) =>
        new HttpProblem('too-many-requests', `More than ${context.max} requests a minute from this address; retry in ${context.after}.`),
    });
    registerDiscoveryRoutes(scope as App, platform.db, responses);
  });
  return { generation, responses };
}
