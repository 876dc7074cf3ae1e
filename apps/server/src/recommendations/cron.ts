// The cron role's loops: trending every TRENDING_REFRESH_MS, a model build every RECS_REBUILD_MS (0 turns
// a loop off). With several cron pods each would work; a transaction-level advisory lock makes the
// others skip that round rather than build the same model twice.
import type { Platform } from '../platform.js';
import { refreshTrending } from './trending.js';
import { rebuild } from './build.js';
import { buildParams } from './recs.tasks.js';

const LOCK = { trending: 0x7472_656e, rebuild: 0x7265_6373 } as const;

async function withLock(platform: Platform, key: number, fn: () => Promise<unknown>) {
  if (platform.db.kind === 'pglite') return fn(); // one process per data directory: nobody to race
  // The lock's transaction holds one pooled connection until fn is done; fn uses others.
  await platform.db.transaction(async (tx) => {
    const [row] = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [key]);
    if (row?.ok) await fn();
  });
}

function every(ms: number, run: () => Promise<unknown>, onError: (error: unknown) => void): () => Promise<void> {
  if (ms <= 0) return async () => {};
  let running: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined = setTimeout(function tick() {
    running = run().catch(onError).finally(() => {
      running = undefined;
      if (timer) timer = setTimeout(tick, ms).unref();
    });
  }, ms).unref();
  return async () => {
    clearTimeout(timer);
    timer = undefined;
    await running;
  };
}

export function startRecommendationLoops(platform: Platform, log: { error(obj: unknown, msg: string): void }): () => Promise<void> {
  const { config } = platform;
  const stops = [
    every(config.trendingRefreshMs, () => withLock(platform, LOCK.trending, () => refreshTrending(platform.db, { halfLifeHours: config.trendingHalfLifeHours })),
      (error) => log.error({ err: error }, 'trending refresh failed')),
    every(config.recsRebuildMs, () => withLock(platform, LOCK.rebuild, () => rebuild(platform.db, buildParams(config))),
      (error) => log.error({ err: error }, 'recommendation model build failed')),
  ];
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
