// Prometheus metrics with prom-client. Each app instance owns a registry (tests run several apps in
// one process); /metrics serves it. Domains add their own metrics to the same registry.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../db/db.js';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
}

/**
 * Counters bumped from code that has no platform at hand (import runs, the response cache): one set
 * per process, registered in every registry (tests run several apps in one process; they share them).
 */
export const importRuns = new Counter({
  name: 'thmnayah_ingest_runs_total',
  help: 'Finished imports and feed syncs, by kind (import, sync) and status (succeeded, failed, cancelled, not-modified)',
  labelNames: ['kind', 'status'],
  registers: [],
});

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  registry.registerMetric(importRuns);
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by route template and status code',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route template',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
  };
}

/** Connections of the PostgreSQL pool, read at scrape time (PGlite has no pool: nothing is reported). */
export function registerPoolMetrics(registry: Registry, db: Db): void {
  const stats = db.poolStats?.bind(db);
  if (!stats) return;
  new Gauge({
    name: 'thmnayah_db_pool_connections',
    help: 'PostgreSQL pool connections by state: total (open), idle, waiting (requests queued for one), max (the limit)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const { total, idle, waiting, max } = stats();
      this.set({ state: 'total' }, total);
      this.set({ state: 'idle' }, idle);
      this.set({ state: 'waiting' }, waiting);
      this.set({ state: 'max' }, max);
    },
  });
}

/** Feed subscriptions whose last syncs failed (the cron role reports them; shared state: take max()). */
export function registerFeedSyncMetrics(registry: Registry, db: Db): void {
  if (registry.getSingleMetric('thmnayah_feed_subscriptions_failing')) return;
  new Gauge({
    name: 'thmnayah_feed_subscriptions_failing',
    help: 'Active feed subscriptions whose latest sync attempts failed (failures > 0)',
    registers: [registry],
    async collect() {
      const [row] = await db.query<{ n: number }>('select count(*)::int as n from ingest_subscriptions where active and failures > 0').catch(() => [{ n: Number.NaN }]);
      this.set(row?.n ?? 0);
    },
  });
}

/**
 * Discovery response cache lookups (hit or miss), read at scrape time from the cache's own tallies so
 * the cached hot path does no metric work.
 */
export function registerResponseCacheMetrics(registry: Registry, tallies: { hits: number; misses: number }): void {
  const seen = { hit: 0, miss: 0 };
  new Counter({
    name: 'thmnayah_response_cache_lookups_total',
    help: 'Discovery response cache lookups by result: hit (an answer ready in this process or Redis), miss (made from the read model)',
    labelNames: ['result'],
    registers: [registry],
    collect() {
      this.inc({ result: 'hit' }, tallies.hits - seen.hit);
      this.inc({ result: 'miss' }, tallies.misses - seen.miss);
      seen.hit = tallies.hits;
      seen.miss = tallies.misses;
    },
  });
}
