// Per-client rate limits on the public API, in-process and shared through Redis between two servers
// (as two Discovery pods share one Redis), and the response cache shared the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createTestApp, type TestApp } from '../support/app.js';
import { TEST_REDIS_URL, serviceAvailable } from '../support/services.js';

const redisUp = await serviceAvailable('Redis', TEST_REDIS_URL, 6379);

describe('rate limits (in-process)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { env: { RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => t?.close());

  it('answers 429 problem+json with Retry-After past the limit, per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await t.app.inject({ url: '/api/discovery/categories', remoteAddress: '127.0.0.10' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await t.app.inject({ url: '/api/discovery/categories', remoteAddress: '127.0.0.10' });
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json().detail).toMatch(/5 requests a minute/);
    // Another client is not affected, and the CMS is never rate limited by this.
    expect((await t.app.inject({ url: '/api/discovery/categories', remoteAddress: '127.0.0.11' })).statusCode).toBe(200);
    const cms = await t.app.inject({ url: '/api/cms/programs', remoteAddress: '127.0.0.10', headers: await t.auth('viewer') });
    expect(cms.statusCode).toBe(200);
  });
});

describe.runIf(redisUp)('rate limits and response cache shared through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  const client = `127.0.0.${20 + Math.floor(Math.random() * 200)}`;
  beforeAll(async () => {
    // A fresh namespace per run: flush the limiter's keys for this client address first.
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`thmnayah:ratelimit:*${client}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    const env = { RATE_LIMIT_PER_MINUTE: '6', REDIS_URL: TEST_REDIS_URL };
    a = await createTestApp('pglite', { env });
    b = await createTestApp('pglite', { env });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('counts one client across both servers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await a.app.inject({ url: '/api/discovery/people', remoteAddress: client })).statusCode);
      statuses.push((await b.app.inject({ url: '/api/discovery/people', remoteAddress: client })).statusCode);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(6);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });

  it('shares cached responses: one server fills, the other hits', async () => {
    const url = `/api/discovery/episodes?limit=${Math.floor(Math.random() * 90) + 10}`;
    const missesA = a.discovery!.responses.misses;
    const hitsB = b.discovery!.responses.hits;
    const first = await a.app.inject({ url, remoteAddress: '127.0.0.2' });
    const second = await b.app.inject({ url, remoteAddress: '127.0.0.3' });
    expect(a.discovery!.responses.misses).toBe(missesA + 1);
    expect(b.discovery!.responses.hits).toBe(hitsB + 1);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
  });

  it('reports Redis in readiness', async () => {
    const ready = await a.app.inject('/readyz');
    expect(ready.json().checks).toMatchObject({ database: 'ok', redis: 'ok' });
  });
});
