// Assembles the HTTP server for a set of roles on a platform, and the background loops they run.
import type { Role } from './config.js';
import type { Platform } from './platform.js';
import { createHttpServer, type App } from './platform/http/server.js';
import { installAuth } from './platform/auth/plugin.js';
import { devIssuerUrl } from './platform/auth/dev-issuer.js';
import { registerDevOidcRoutes } from './platform/auth/dev-oidc.js';
import { registerStudioConfigRoute } from './platform/auth/studio.routes.js';
import { registerHealthRoutes, type Readiness } from './platform/http/health.js';
import { registerCmsRoutes } from './content/cms.routes.js';
import { registerAdminRoutes, registerUserRoutes } from './admin/admin.routes.js';
import { startRecommendationLoops } from './recommendations/cron.js';
import { TASKS } from './admin/task-list.js';
import { startScheduler } from './content/scheduler.js';
import { mountDiscovery, type Discovery } from './discovery/plugin.js';
import { discoveryIndexer } from './discovery/indexer.js';
import { searchIndexListener } from './discovery/search-index/listener.js';
import { LocalStorage } from './platform/storage/local.js';
import { registerMediaRoutes } from './platform/storage/media.routes.js';
import { startEventRoles } from './events/start.js';
import type { ConsumerDefinition } from './events/consumer.js';
import { MEDIA_CONSUMER, mediaConsumer, startMediaWorker } from './media/jobs/media.consumer.js';
import { registerAssetRoutes } from './media/api/assets.routes.js';
import { registerPlaybackRoutes } from './media/api/playback.routes.js';
import { playbackLinks } from './media/api/playback.js';
import { locateTools } from './media/steps/binaries.js';
import { registerPreviewLinkRoutes } from './content/preview.routes.js';
import { previewTokens } from './content/preview-tokens.js';

/** Event consumers the worker role runs: each domain exports its own (docs/events.md). */
export const CONSUMERS: ConsumerDefinition[] = [discoveryIndexer(searchIndexListener), mediaConsumer()];
import { registerImportRoutes } from './ingest/imports.routes.js';
import { ingestDeps } from './ingest/import-service.js';
import { startFeedSync } from './ingest/sync.js';
import { startMediaImport } from './ingest/media-import.js';
import { fetcherFromConfig } from './ingest/settings.js';
import { newProcessId } from './platform/process-id.js';
import { registerFeedRoutes } from './feeds/routes.js';
import { mountWeb, type Web } from './web/plugin.js';
import { registerFeedSyncMetrics } from './platform/telemetry/metrics.js';
import { registerSearchAnalyticsCmsRoutes } from './search-analytics/routes.js';
import { startSearchAnalyticsTrim } from './search-analytics/store.js';
import { startAggregation } from './listening/aggregation.js';
import { acquireListeningStream } from './listening/listening-stream.js';
import { startListeningDrain } from './listening/stream-drain.js';
import { startListeningTrim } from './listening/privacy.js';
import { registerAnalyticsRoutes } from './listening/analytics.routes.js';
import { hotCountersFor } from './listening/hot-counters.js';

export interface ServerOptions {
  logger?: Parameters<typeof createHttpServer>[0]['logger'];
  pretty?: boolean;
}

export interface Server {
  app: App;
  readiness: Readiness;
  discovery: Discovery | undefined;
  web: Web | undefined;
}

export async function createServer(platform: Platform, roles: readonly Role[], options: ServerOptions = {}): Promise<Server> {
  const app = await createHttpServer({
    logLevel: platform.config.logLevel,
    bodyLimitBytes: platform.config.bodyLimitBytes,
    metrics: platform.metrics,
    publicUrl: platform.config.publicUrl,
    version: platform.version,
    trustProxy: platform.config.trustProxy,
    timeouts: platform.config.http,
    requestLog: platform.config.requestLog,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
    ...(options.pretty ? { pretty: true } : {}),
  });
  installAuth(app, platform.verify, platform.users);
  const checks: Record<string, () => Promise<void>> = { database: () => platform.db.ping() };
  // The replica serves the public reads of these roles: without it they cannot answer.
  if (platform.readDb !== platform.db && (roles.includes('discovery') || roles.includes('web'))) checks.replica = () => platform.readDb.ping();
  if (platform.cache.kind === 'redis') checks.redis = () => platform.cache.ping();
  checks.storage = () => platform.storage.ping();
  // A worker that transcodes here needs FFmpeg (a missing binary is a clear tool-missing error).
  if (roles.includes('worker') && platform.config.mediaRunner === 'local') checks.ffmpeg = async () => void locateTools();
  const readiness = registerHealthRoutes(app, { version: platform.version, roles, checks, optional: ['redis'] });
  if (platform.devIssuer) {
    // The development issuer's OpenID Connect provider (and its JWKS): only when it is active.
    registerDevOidcRoutes(app, {
      issuer: platform.devIssuer,
      issuerUrl: devIssuerUrl(platform.config.publicUrl),
      publicUrl: platform.config.publicUrl,
      users: platform.users,
      verify: platform.verify,
      accessTtlSeconds: Math.min(900, platform.config.devTokenTtlSeconds),
      sessionTtlSeconds: platform.config.devTokenTtlSeconds,
    });
  }
  if (roles.includes('cms') || roles.includes('web')) registerStudioConfigRoute(app, platform.config);
  // Local storage serves media through signed URLs on this server; S3 serves its own.
  if (platform.storage instanceof LocalStorage && (roles.includes('cms') || roles.includes('discovery'))) {
    registerMediaRoutes(app, platform.storage);
  }
  const links = playbackLinks(platform.config);
  if (roles.includes('cms') || roles.includes('discovery')) registerPlaybackRoutes(app, platform, links);
  if (roles.includes('cms')) {
    registerCmsRoutes(app, platform.db);
    registerAssetRoutes(app, platform, { links });
    registerPreviewLinkRoutes(app, platform, { tokens: previewTokens(platform.config), links });
    registerUserRoutes(app, platform);
    registerAdminRoutes(app, platform, TASKS);
    registerImportRoutes(app, platform);
    registerSearchAnalyticsCmsRoutes(app, platform.db);
    registerAnalyticsRoutes(app, platform.db, hotCountersFor(platform, (err, message) => app.log.warn({ err }, message)));
  }
  const discovery = roles.includes('discovery') ? await mountDiscovery(app, platform) : undefined;
  if (discovery) registerFeedRoutes(app, platform, discovery.generation);
  const web = roles.includes('web') ? await mountWeb(app, platform, discovery) : undefined;
  return { app, readiness, discovery, web };
}

/** Starts the loops of the relay, worker and cron roles; the result stops them all. */
export function startBackground(
  platform: Platform,
  roles: readonly Role[],
  log: { error(obj: unknown, msg: string): void; warn(obj: unknown, msg: string): void },
  consumers: readonly ConsumerDefinition[] = CONSUMERS,
): () => Promise<void> {
  const stops: (() => Promise<void>)[] = [];
  if (roles.includes('worker')) {
    stops.push(startScheduler(platform.db, platform.config.schedulerIntervalMs, (error) => log.error({ err: error }, 'scheduler tick failed')));
  }
  if (roles.includes('worker')) {
    stops.push(startAggregation(platform.db, { pollMs: 1000, registry: platform.metrics.registry }, (error) => log.error({ err: error }, 'listening aggregation failed; retrying')));
    // With NATS_URL ingest appends to the listening stream: the worker drains it into listening_events.
    const held = acquireListeningStream(platform, (err, message) => log.warn({ err }, message));
    if (held) {
      const stopDrain = startListeningDrain(platform.db, held.stream, {
        registry: platform.metrics.registry,
        hot: hotCountersFor(platform, (err, message) => log.warn({ err }, message)),
        onError: (err, message) => log.error({ err }, message),
      });
      stops.push(async () => {
        await stopDrain();
        await held.release();
      });
    }
  }
  // The relay's hourly housekeeping (beside the outbox trim): listening retention.
  if (roles.includes('relay')) {
    stops.push(startListeningTrim(platform.db, platform.config.listeningRetentionDays, 3_600_000, (error) => log.warn({ err: error }, 'trimming listening data failed; trying again in an hour')));
  }
  if (roles.includes('relay') || roles.includes('worker')) {
    stops.push(startEventRoles(platform, { relay: roles.includes('relay'), consumers: roles.includes('worker') ? consumers : [] }, log));
  }
  // Hourly housekeeping beside the outbox trim (the relay's): search analytics past their retention.
  if (roles.includes('relay')) {
    stops.push(startSearchAnalyticsTrim(platform.db, platform.config.searchAnalyticsRetentionDays * 86_400_000, 3_600_000,
      (error) => log.warn({ err: error }, 'trimming search analytics failed; trying again in an hour')));
  }
  if (roles.includes('cron')) {
    registerFeedSyncMetrics(platform.metrics.registry, platform.db);
    stops.push(startFeedSync(ingestDeps(platform), platform.config.ingestSyncCheckMs, (error) => log.error({ err: error }, 'feed sync failed')));
    stops.push(startRecommendationLoops(platform, log));
  }
  // The media consumer queues jobs; the worker that runs it also runs them.
  if (roles.includes('worker') && consumers.some((c) => c.name === MEDIA_CONSUMER)) {
    stops.push(startMediaWorker(platform, log));
    // Imports with media: their files are fetched where they are processed.
    stops.push(startMediaImport({
      db: platform.db, storage: platform.storage, fetcher: fetcherFromConfig(platform.config), maxBytes: platform.config.mediaMaxBytes,
      timeoutMs: platform.config.ingestMediaTimeoutMs, runner: newProcessId(),
    }, platform.config.ingestMediaCheckMs, (error) => log.error({ err: error }, 'media import pass failed')));
  }
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
