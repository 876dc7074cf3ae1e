// One conformance suite for both cache adapters: in-process LRU and Redis (real server on loopback).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/platform/cache/cache.js';
import { memoryCache } from '../../src/platform/cache/memory.js';
import { redisCache } from '../../src/platform/cache/redis.js';
import { TEST_REDIS_URL, serviceAvailable } from '../support/services.js';

const redisUp = await serviceAvailable('Redis', TEST_REDIS_URL, 6379);

const adapters: [string, () => Cache][] = [
  ['memory', () => memoryCache({ maxBytes: 1024 * 1024 })],
  ...(redisUp ? [['redis', () => redisCache(TEST_REDIS_URL, { prefix: `thmnayah-test:${randomUUID()}:` })] as [string, () => Cache]] : []),
];

async function ready(cache: Cache) {
  if ('ready' in cache) expect(await (cache as { ready(): Promise<boolean> }).ready()).toBe(true);
  return cache;
}

describe.each(adapters)('cache conformance: %s', (_name, make) => {
  let cache: Cache;
  beforeAll(async () => {
    cache = await ready(make());
  });
  afterAll(() => cache.close());

  it('stores, reads and deletes strings, Arabic included', async () => {
    await cache.set('a', 'قيمة\nwith newline', 10_000);
    expect(await cache.get('a')).toBe('قيمة\nwith newline');
    await cache.delete('a');
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('never-set')).toBeUndefined();
    await cache.ping();
  });

  it('stores and reads bytes (compressed bodies) unchanged', async () => {
    const bytes = Buffer.from([0, 255, 10, 13, 0x80, 0xc3, 0x28, 1]);
    await cache.set('bytes', bytes, 10_000);
    expect((await cache.getBuffer('bytes'))?.equals(bytes)).toBe(true);
    await cache.set('text', 'نص', 10_000);
    expect((await cache.getBuffer('text'))?.toString('utf8')).toBe('نص');
    expect(await cache.getBuffer('never-set')).toBeUndefined();
  });

  it('forgets entries after their time to live', async () => {
    await cache.set('short', 'x', 50);
    expect(await cache.get('short')).toBe('x');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await cache.get('short')).toBeUndefined();
  });
});

describe('memory cache bounds', () => {
  it('evicts least recently used entries to stay under its byte budget', async () => {
    const cache = memoryCache({ maxBytes: 10_000 });
    for (let i = 0; i < 20; i++) await cache.set(`k${i}`, 'x'.repeat(1000), 60_000);
    expect(await cache.get('k0')).toBeUndefined();
    expect(await cache.get('k19')).toBe('x'.repeat(1000));
  });
});

describe.runIf(redisUp)('redis cache outage', () => {
  it('degrades to misses when Redis is unreachable, and reports the error', async () => {
    const errors: unknown[] = [];
    const cache = redisCache('redis://127.0.0.1:1', { onError: (error) => errors.push(error) });
    expect(await cache.ready(300)).toBe(false);
    await cache.set('a', 'b', 1000);
    expect(await cache.get('a')).toBeUndefined();
    await expect(cache.ping()).rejects.toThrow();
    expect(errors.length).toBeGreaterThan(0);
    await cache.close();
  });
});
