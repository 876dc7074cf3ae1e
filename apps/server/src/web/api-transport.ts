// How the web role's loaders reach the Discovery API. In one process with the database (embedded
// defaults, or a web pod that reads the read model itself): Discovery's own routes mounted on a private
// Fastify instance, called with inject — no socket, no rate limit meant for outside clients, and the same
// generation-keyed response cache as the public API. With WEB_API_URL: plain HTTP to that base URL.
import { registerRecommendationRoutes } from '../recommendations/routes.js';
import type { Platform } from '../platform.js';
import { createHttpServer, type App } from '../platform/http/server.js';
import { createMetrics } from '../platform/telemetry/metrics.js';
import { registerDiscoveryRoutes } from '../discovery/routes.js';
import type { ResponseCache } from '../discovery/response-cache.js';
import { registerPreviewRoutes } from '../discovery/preview.routes.js';
import { previewTokens } from '../content/preview-tokens.js';
import { playbackLinks } from '../media/api/playback.js';

export type ApiFetch = (request: Request) => Promise<Response>;

export async function inProcessDiscovery(platform: Platform, responses: ResponseCache): Promise<{ fetch: ApiFetch; close(): Promise<void> }> {
  const internal: App = await createHttpServer({
    logLevel: platform.config.logLevel,
    bodyLimitBytes: 1024,
    // Its own registry: these calls are not HTTP traffic of this server and must not count as such.
    metrics: createMetrics({ defaultMetrics: false }),
    publicUrl: platform.config.publicUrl,
    version: platform.version,
    timeouts: platform.config.http,
    logger: false,
  });
  registerDiscoveryRoutes(internal, platform.readDb, responses);
  registerRecommendationRoutes(internal, platform.readDb, responses);
  // Draft previews (discovery/preview.routes.ts): the token rides in the query, so both transports carry it.
  registerPreviewRoutes(internal, platform.db, { tokens: previewTokens(platform.config), links: playbackLinks(platform.config) });
  await internal.ready();
  return {
    fetch: async (request) => {
      const url = new URL(request.url);
      const response = await internal.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: { accept: 'application/json' } });
      return new Response(response.statusCode === 304 ? null : response.rawPayload, {
        status: response.statusCode,
        headers: { 'content-type': String(response.headers['content-type'] ?? 'application/json') },
      });
    },
    close: () => internal.close(),
  };
}

export function remoteDiscovery(baseUrl: string, timeoutMs = 10_000): ApiFetch {
  return async (request) => {
    const url = new URL(request.url);
    // The web role counts its search pages itself (plugin.ts): Discovery must not count them again.
    return fetch(`${baseUrl}${url.pathname}${url.search}`, { headers: { accept: 'application/json', 'x-search-analytics': 'counted' }, signal: AbortSignal.timeout(timeoutMs) });
  };
}
