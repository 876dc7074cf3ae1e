// The response cache on its own: one fill per key however many clients miss at once, compressed
// variants made once and kept, and entries (compressed ones included) shared between pods through Redis.
import { randomUUID } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { POLICIES, ResponseCache, type GenerationClock } from '../../src/discovery/response-cache.js';
import { memoryCache } from '../../src/platform/cache/memory.js';
import { redisCache } from '../../src/platform/cache/redis.js';
import type { Cache } from '../../src/platform/cache/cache.js';
import { HttpProblem } from '../../src/platform/http/problem.js';
import { TEST_REDIS_URL, serviceAvailable } from '../support/services.js';

const redisUp = await serviceAvailable('Redis', TEST_REDIS_URL, 6379);

// The cache reads only the clock's current value; a fixed generation stands in for the database's.
const generation = { value: 1 } as GenerationClock;

/** A body big enough to be worth compressing, different per path. */
const document = (path: string) => ({ path, items: Array.from({ length: 60 }, (_, i) => ({ i, title: `حلقة رقم ${i} من ${path}`, text: 'نص عربي وEnglish text '.repeat(4) })) });

function server(cache: Cache) {
  const responses = new ResponseCache(cache, generation);
  const produced: string[] = [];
  const app: FastifyInstance = Fastify();
  app.get('/doc/:name', (request, reply) => responses.respond(request, reply, POLICIES.browse, async () => {
    const name = (request.params as { name: string }).name;
    produced.push(name);
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (name === 'missing') throw new HttpProblem('not-found', 'No such document.');
    if (name === 'broken') throw new Error('database is down');
    return document(name);
  }));
  return { app, responses, produced };
}

describe('response cache (in-process)', () => {
  const { app, responses, produced } = server(memoryCache());
  afterAll(() => app.close());

  it('runs one fill for many concurrent misses of one URL, and serves hits from memory', async () => {
    const replies = await Promise.all(Array.from({ length: 12 }, () => app.inject('/doc/a')));
    expect(produced.filter((name) => name === 'a')).toHaveLength(1);
    expect(new Set(replies.map((r) => r.body)).size).toBe(1);
    expect(replies[0]!.json()).toEqual(document('a'));
    const hits = responses.hits;
    await app.inject('/doc/a');
    expect(responses.hits).toBe(hits + 1);
    expect(produced.filter((name) => name === 'a')).toHaveLength(1);
  });

  it('answers If-None-Match with 304 also when the request says Cache-Control: no-cache (RFC 9110)', async () => {
    const first = await app.inject('/doc/conditional');
    const etag = String(first.headers.etag);
    for (const headers of [{ 'if-none-match': etag }, { 'if-none-match': etag, 'cache-control': 'no-cache', pragma: 'no-cache' }, { 'if-none-match': `"x", W/${etag.replace(/^W\//, '')}` }]) {
      expect((await app.inject({ url: '/doc/conditional', headers })).statusCode, JSON.stringify(headers)).toBe(304);
    }
    expect((await app.inject({ url: '/doc/conditional', headers: { 'if-none-match': '"other"', 'cache-control': 'no-cache' } })).statusCode).toBe(200);
  });

  it('compresses each encoding once, on first demand, for waiting clients too', async () => {
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => app.inject({ url: '/doc/b', headers: { 'accept-encoding': 'br' } })));
    expect(concurrent.every((r) => r.headers['content-encoding'] === 'br')).toBe(true);
    expect(new Set(concurrent.map((r) => r.rawPayload.toString('base64'))).size).toBe(1);
    const plain = await app.inject('/doc/b');
    expect(brotliDecompressSync(concurrent[0]!.rawPayload).equals(plain.rawPayload)).toBe(true);
    // Filled without gzip: the first clients to ask for it at once all get the gzip form, then it is kept.
    const gzip = await Promise.all([1, 2, 3].map(() => app.inject({ url: '/doc/b', headers: { 'accept-encoding': 'gzip' } })));
    expect(gunzipSync(gzip[0]!.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(gzip.every((r) => r.rawPayload.equals(gzip[0]!.rawPayload))).toBe(true);
    expect((await app.inject({ url: '/doc/b', headers: { 'accept-encoding': 'gzip' } })).rawPayload.equals(gzip[0]!.rawPayload)).toBe(true);
    expect(produced.filter((name) => name === 'b')).toHaveLength(1);
  });

  it('caches "not found" but never an unexpected failure', async () => {
    expect((await app.inject('/doc/missing')).statusCode).toBe(404);
    const again = await app.inject('/doc/missing');
    expect(again.statusCode).toBe(404);
    expect(again.headers['content-type']).toMatch(/problem\+json/);
    expect(produced.filter((name) => name === 'missing')).toHaveLength(1);
    expect((await app.inject('/doc/broken')).statusCode).toBe(500);
    expect((await app.inject('/doc/broken')).statusCode).toBe(500);
    expect(produced.filter((name) => name === 'broken')).toHaveLength(2);
  });
});

describe.runIf(redisUp)('response cache shared through Redis', () => {
  const prefix = `thmnayah-test:${randomUUID()}:`;
  const caches = [1, 2, 3].map(() => redisCache(TEST_REDIS_URL, { prefix }));
  const [a, b, c] = caches.map(server);
  afterAll(async () => {
    for (const s of [a, b, c]) await s!.app.close();
    for (const cache of caches) await cache.close();
  });

  it('fills once for all pods, compressed variants included', async () => {
    for (const cache of caches) expect(await cache.ready()).toBe(true);
    const first = await a!.app.inject({ url: '/doc/shared', headers: { 'accept-encoding': 'br' } });
    expect(first.headers['content-encoding']).toBe('br');
    // Pod b finds the entry and its br bytes in Redis: no fill, no compression.
    const second = await b!.app.inject({ url: '/doc/shared', headers: { 'accept-encoding': 'br' } });
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(b!.produced).toEqual([]);
    // b is first to want gzip: it compresses and shares; c, starting cold, gets b's gzip bytes.
    const gzipB = await b!.app.inject({ url: '/doc/shared', headers: { 'accept-encoding': 'gzip' } });
    await new Promise((resolve) => setTimeout(resolve, 50)); // the write-back is not awaited by the request
    const gzipC = await c!.app.inject({ url: '/doc/shared', headers: { 'accept-encoding': 'gzip' } });
    expect(gzipC.rawPayload.equals(gzipB.rawPayload)).toBe(true);
    expect(JSON.parse(gunzipSync(gzipC.rawPayload).toString('utf8'))).toEqual(document('shared'));
    expect(c!.responses.hits).toBe(1);
    expect([...a!.produced, ...b!.produced, ...c!.produced]).toEqual(['shared']);
  });

  it('treats an unreadable shared entry as a miss and replaces it', async () => {
    await caches[0]!.set('discovery:1:/doc/garbage', 'not an entry', 60_000);
    const reply = await c!.app.inject('/doc/garbage');
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual(document('garbage'));
    expect(c!.produced).toEqual(['garbage']);
    expect((await a!.app.inject('/doc/garbage')).body).toBe(reply.body);
    expect(a!.produced).toEqual(['shared']);
  });
});
