// The platform: configuration and the adapters every role shares (database, identity, metrics, storage).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, identityProblem, type Config } from './config.js';
import type { Db } from './platform/db/db.js';
import { migrate } from './platform/db/migrate.js';
import { openDatabase, openReadReplica } from './platform/db/open.js';
import { devIssuerUrl, openDevIssuer, type DevIssuer } from './platform/auth/dev-issuer.js';
import { UserDirectory } from './platform/auth/users.js';
import { InvalidToken, cachedVerifier, devVerifier, oidcVerifier, type TokenVerifier } from './platform/auth/verifier.js';
import { createMetrics, registerPoolMetrics, type Metrics } from './platform/telemetry/metrics.js';
import type { Cache } from './platform/cache/cache.js';
import { memoryCache } from './platform/cache/memory.js';
import { redisCache } from './platform/cache/redis.js';
import type { Redis } from 'ioredis';
import { openStorage } from './platform/storage/open.js';
import type { Storage } from './platform/storage/storage.js';
import { serverRoot } from './paths.js';

export interface Platform {
  config: Config;
  db: Db;
  /**
   * Where the public reads of the read model go (Discovery routes, search, the site's pages): a
   * streaming replica when DATABASE_READ_URL is set, else `db`. Safe to lag because every cached answer
   * is keyed by the generation read from this same database (discovery/response-cache.ts).
   */
  readDb: Db;
  metrics: Metrics;
  /** Shared response cache: in-process LRU, or Redis when REDIS_URL (or REDIS_SENTINELS) is set. */
  cache: Cache;
  /** The Redis connection behind `cache`, for the parts that keep their own keys there (rate limits, hot counters). */
  redis: Redis | undefined;
  /** Media objects: DATA_DIR/media, or S3/MinIO when S3_ENDPOINT is set. */
  storage: Storage;
  users: UserDirectory;
  verify: TokenVerifier;
  /** Present when the development issuer is active (config.devIssuer). */
  devIssuer: DevIssuer | undefined;
  version: string;
  close(): Promise<void>;
}

export const VERSION: string = JSON.parse(readFileSync(join(serverRoot, 'package.json'), 'utf8')).version;

export interface PlatformOptions {
  /** An already open database (tests share one); otherwise opened from config. */
  db?: Db;
  /** An already open storage (tests); otherwise opened from config. */
  storage?: Storage;
  /** Skip migrations (the database is known to be current). */
  migrate?: boolean;
  defaultMetrics?: boolean;
  /** Where adapters report background errors (a Redis outage, say). */
  onError?: (error: unknown, what: string) => void;
  /**
   * false: no token issuer is needed (a CLI task in this process, which serves no HTTP), so a missing
   * OIDC_ISSUER is no error and every token is refused. Default: refuse to start without an issuer.
   */
  identity?: boolean;
}

export async function createPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const missingIssuer = identityProblem(config);
  if (missingIssuer && options.identity !== false) throw new ConfigError([missingIssuer]);
  const db = options.db ?? (await openDatabase(config));
  let storage: Storage | undefined;
  let replica: Db | undefined;
  try {
    if (options.migrate ?? true) await migrate(db);
    const devIssuer = config.devIssuer ? await openDevIssuer(config.dataDir, devIssuerUrl(config.publicUrl)) : undefined;
    storage = options.storage ?? (await openStorage(config));
    replica = openReadReplica(config);
    const ownStorage = options.storage ? undefined : storage;
    const verify = devIssuer
      ? cachedVerifier(devVerifier(devIssuer))
      : config.oidcIssuer
        ? cachedVerifier(await oidcVerifier(config.oidcIssuer, config.oidcAudience))
        : async () => {
            throw new InvalidToken('no token issuer is configured');
          };
    // Last: nothing after it can fail and leave a Redis connection open.
    let cache: Cache = memoryCache();
    let redisClient: Redis | undefined;
    const redisTarget = config.redisSentinels.length > 0 ? { sentinels: config.redisSentinels, name: config.redisMasterName!, password: config.redisPassword } : config.redisUrl;
    if (redisTarget) {
      const redis = redisCache(redisTarget, { onError: (error) => options.onError?.(error, 'redis') });
      // Start with a connected cache when Redis is there; without it, start anyway (misses) and
      // let /readyz say so.
      await redis.ready();
      cache = redis;
      redisClient = redis.client;
    }
    const metrics = createMetrics({ defaultMetrics: options.defaultMetrics ?? true });
    registerPoolMetrics(metrics.registry, db);
    return {
      config,
      db,
      readDb: replica ?? db,
      metrics,
      cache,
      redis: redisClient,
      storage,
      users: new UserDirectory(db),
      verify,
      devIssuer,
      version: VERSION,
      async close() {
        await cache.close();
        await ownStorage?.close();
        await replica?.close();
        if (!options.db) await db.close();
      },
    };
  } catch (error) {
    if (!options.storage) await storage?.close().catch(() => {});
    await replica?.close().catch(() => {});
    if (!options.db) await db.close().catch(() => {});
    throw error;
  }
}
