// Redis stopped under a running server (our own redis-server on a free port): the public API keeps
// answering from the database and the in-process cache, rate limits fail open with a logged warning,
// /readyz stays ready (Redis is reported degraded), and when Redis returns the server uses it again.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerProcess, redisBinary, report, startRedis, waitUntil, type OwnRedis } from './processes.js';

const binary = redisBinary();

describe.runIf(binary)('Redis stopped under load', () => {
  let redis: OwnRedis;
  let server: ServerProcess;
  beforeAll(async () => {
    redis = await startRedis(binary!);
    server = await ServerProcess.start({ roles: 'cms,discovery,relay,worker', env: { REDIS_URL: redis.url } });
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await redis?.stop();
  });

  const keysInRedis = async () => {
    const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await client.connect();
      return await client.dbsize();
    } finally {
      client.disconnect();
    }
  };

  async function publishEpisode(programId: string, title: string): Promise<string> {
    const created = await server.api('POST', '/api/cms/episodes', { role: 'editor', body: { programId, title } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await server.api('POST', `/api/cms/episodes/${created.body.id}/publish`, { role: 'editor' })).status).toBe(200);
    return created.body.id;
  }

  it('serves Discovery from the database and its own cache, fails rate limits open with a warning, and recovers', async () => {
    const program = await server.api('POST', '/api/cms/programs', { role: 'editor', body: { kind: 'podcast', title: 'Redis Outage', language: 'en' } });
    expect(program.status).toBe(201);
    expect((await server.api('POST', `/api/cms/programs/${program.body.id}/publish`, { role: 'editor' })).status).toBe(200);
    for (let i = 0; i < 3; i++) await publishEpisode(program.body.id, `Before ${i}`);
    const slug = program.body.slug as string;
    const urls = [`/api/discovery/programs/${slug}`, `/api/discovery/programs/${slug}/episodes`, '/api/discovery/episodes?limit=5', '/api/discovery/programs', '/api/discovery/home'];
    await waitUntil('the episodes to be public', async () => (await server.api('GET', `/api/discovery/programs/${slug}/episodes`)).body.items?.length === 3);
    for (const url of urls) expect((await server.api('GET', url)).status).toBe(200);
    expect(await keysInRedis()).toBeGreaterThan(0); // the shared cache and the rate-limit counters are in Redis

    await redis.pause();
    let requests = 0;
    let failed = 0;
    const outageStarted = Date.now();
    for (let round = 0; round < 20; round++) {
      for (const url of [...urls, `/api/discovery/programs/${slug}/episodes?limit=${1 + (round % 5)}`]) {
        requests += 1;
        if ((await server.api('GET', url)).status !== 200) failed += 1;
      }
    }
    const outageMs = Date.now() - outageStarted;
    // Writes go on, and what is published during the outage becomes public (the read model is in the database).
    const during = await publishEpisode(program.body.id, 'During the outage');
    await waitUntil('the episode published during the outage to be public', async () => (await server.api('GET', `/api/discovery/episodes/${during}`)).status === 200);
    const ready = await server.api('GET', '/readyz');
    expect(ready.status, JSON.stringify(ready.body)).toBe(200);
    expect(ready.body.checks.redis).toMatch(/^degraded/);
    await waitUntil('the warnings in the log', () => /rate limits are not enforced/.test(server.logs()) && /redis is failing/.test(server.logs()), 10_000);

    await redis.resume(); // a new, empty Redis on the same port
    await waitUntil('Redis to be ok again in /readyz', async () => (await server.api('GET', '/readyz')).body.checks?.redis === 'ok', 20_000, 200);
    for (const url of urls) expect((await server.api('GET', url)).status).toBe(200);
    const refilled = await keysInRedis();
    expect(refilled).toBeGreaterThan(0);
    report('redis stopped', { requests, lost: failed, outageMs, keysAfterReturn: refilled });
    expect(failed).toBe(0);
  }, 300_000);
});
