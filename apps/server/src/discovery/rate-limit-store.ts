// The public API's rate-limit store when Redis is configured: @fastify/rate-limit's own Redis store,
// plus a logged warning when Redis fails. The plugin runs with skipOnError, so a request whose count
// cannot be read is let through (fail open: a limiter outage must not take the public site down), and
// without this the outage would be silent. One warning per burst (every 30 s at most), not per request.
import { createRequire } from 'node:module';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
interface Store {
  incr(key: string, callback: Callback, timeWindow: number, max: number): void;
  child(routeOptions: unknown): Store;
}

const RedisStore = createRequire(import.meta.url)('@fastify/rate-limit/store/RedisStore') as new (
  continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, nameSpace: string,
) => Store;

export function failOpenRedisStore(redis: Redis, nameSpace: string, warn: (error: unknown, message: string) => void, quietMs = 30_000): FastifyRateLimitStoreCtor {
  let lastWarning = 0;
  const watch = (inner: Store): Store => ({
    incr(key, callback, timeWindow, max) {
      inner.incr(key, (error, result) => {
        if (error && Date.now() - lastWarning > quietMs) {
          lastWarning = Date.now();
          warn(error, 'rate limits are not enforced: Redis does not answer (requests are let through until it does)');
        }
        callback(error, result);
      }, timeWindow, max);
    },
    child: (routeOptions) => watch(inner.child(routeOptions)),
  });
  return class {
    constructor(params: { continueExceeding?: boolean; exponentialBackoff?: boolean }) {
      return watch(new RedisStore(params.continueExceeding ?? false, params.exponentialBackoff ?? false, redis, nameSpace));
    }
  } as unknown as FastifyRateLimitStoreCtor;
}
