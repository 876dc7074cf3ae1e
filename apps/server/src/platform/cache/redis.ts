// Redis adapter (ioredis): a shared cache for all Discovery pods. A cache is an optimisation, so a
// Redis outage degrades to misses (logged once per burst) instead of failing requests.
import { Redis } from 'ioredis';
import type { Cache } from './cache.js';

/** Where Redis is: a URL, or the sentinels that name the current master of `name`. */
export type RedisTarget = string | { sentinels: { host: string; port: number }[]; name: string; password?: string | undefined };

/**
 * Commands are not queued while disconnected (a request must not wait for Redis), so callers that
 * want the cache warm from the first request await `ready()` once at start.
 *
 * Through Sentinel, ioredis asks the sentinels for the master at each (re)connection and watches
 * their +switch-master announcements (failoverDetector), so after a failover it reconnects to the
 * promoted replica; meanwhile commands fail fast and the cache misses, as in any Redis outage.
 */
export function redisCache(target: RedisTarget, options: { prefix?: string; onError?: (error: unknown) => void } = {}): Cache & { client: Redis; ready(timeoutMs?: number): Promise<boolean> } {
  const prefix = options.prefix ?? 'thmnayah:';
  const common = {
    lazyConnect: false,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    commandTimeout: 500,
  };
  const client =
    typeof target === 'string'
      ? new Redis(target, common)
      : new Redis({
          ...common,
          sentinels: target.sentinels,
          name: target.name,
          role: 'master',
          password: target.password,
          sentinelPassword: target.password,
          failoverDetector: true,
          // Reconnect soon after the master goes: a failover takes seconds, not minutes.
          retryStrategy: (times: number) => Math.min(times * 100, 1000),
          sentinelRetryStrategy: (times: number) => Math.min(times * 100, 1000),
        });
  let lastReport = 0;
  const report = (error: unknown) => {
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      options.onError?.(error);
    }
  };
  client.on('error', report);
  return {
    kind: 'redis',
    client,
    ready(timeoutMs = 3000) {
      if (client.status === 'ready') return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => done(false), timeoutMs);
        const done = (ok: boolean) => {
          clearTimeout(timer);
          client.off('ready', onReady);
          resolve(ok);
        };
        const onReady = () => done(true);
        client.on('ready', onReady);
      });
    },
    async get(key) {
      try {
        return (await client.get(prefix + key)) ?? undefined;
      } catch (error) {
        report(error);
        return undefined;
      }
    },
    async getBuffer(key) {
      try {
        return (await client.getBuffer(prefix + key)) ?? undefined;
      } catch (error) {
        report(error);
        return undefined;
      }
    },
    async set(key, value, ttlMs) {
      try {
        await client.set(prefix + key, value, 'PX', Math.max(1, Math.round(ttlMs)));
      } catch (error) {
        report(error);
      }
    },
    async delete(key) {
      try {
        await client.del(prefix + key);
      } catch (error) {
        report(error);
      }
    },
    async ping() {
      await client.ping();
    },
    async close() {
      client.disconnect();
    },
  };
}
