// Hot play counters in Redis (real server on loopback): ingest bumps them for newly stored plays only,
// the episode analytics show them as `live`, and a Redis outage does not fail ingest.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { api } from '../support/cms.js';
import { TEST_REDIS_URL, serviceAvailable } from '../support/services.js';
import { redisCache } from '../../src/platform/cache/redis.js';
import { EventLog, type ListeningEvent } from '../../src/listening/event-log.js';
import { HOT_HOURS, HOT_PREFIX, HotCounters, hotCountersFor, hourKey, programField } from '../../src/listening/hot-counters.js';
import { aggregateAll } from '../../src/listening/aggregation.js';
import { beacon, beaconId, createListeningApp, sendBatch, type ListeningApp } from './support.js';

const redisUp = await serviceAvailable('Redis', TEST_REDIS_URL, 6379);
const HOUR = 3_600_000;
// One backend is enough: the counters sit after the INSERT, whichever database ran it.
const backend = availableBackends().includes('postgres') ? 'postgres' : 'pglite';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.runIf(redisUp)('listening hot counters', () => {
  let t: ListeningApp;
  const redis = redisCache(TEST_REDIS_URL);
  const event = (episode: { id: string; programId: string }, kind: ListeningEvent['kind'], occurredAt = new Date()): ListeningEvent => ({
    beaconId: beaconId(), listenerId: 'hot-test', episodeId: episode.id, programId: episode.programId, kind,
    positionSeconds: 0, listenedSeconds: 0, platform: 'web-chrome', occurredAt,
  });

  beforeAll(async () => {
    expect(await redis.ready()).toBe(true);
    t = await createListeningApp(backend, { REDIS_URL: TEST_REDIS_URL });
  }, 120_000);
  afterAll(async () => {
    // The app used the default prefix: remove only this database's (random) episode ids from it.
    const hour = Math.floor(Date.now() / HOUR) * HOUR;
    const fields = [...t.episodes.map((e) => e.id), ...new Set(t.episodes.map((e) => programField(e.programId)))];
    for (let h = 0; h < HOT_HOURS; h++) await redis.client.hdel(HOT_PREFIX + hourKey(hour - h * HOUR), ...fields);
    await t?.close();
    await redis.close();
  });

  it('counts newly stored plays and downloads per episode and hour, and replays not at all', async () => {
    const prefix = `thmnayah-test:${randomUUID()}:hot:`;
    const hot = new HotCounters(redis.client, { prefix });
    const log = new EventLog(t.platform.db, { hot });
    const [a, b] = [t.episodes[0]!, t.episodes[1]!];
    /** The hash after these plays per episode: each episode's field, and its program's field summing them. */
    const fields = (...plays: [typeof a, number][]) => {
      const hash: Record<string, string> = {};
      for (const [episode, n] of plays) {
        hash[episode.id] = String(n);
        const program = programField(episode.programId);
        hash[program] = String(Number(hash[program] ?? 0) + n);
      }
      return hash;
    };
    const now = Date.now();
    const current = prefix + hourKey(now);
    const previous = prefix + hourKey(now - HOUR);
    const tooOld = prefix + hourKey(now - HOT_HOURS * HOUR);
    try {
      const first = [event(a, 'play'), event(a, 'play'), event(a, 'progress'), event(a, 'download'), event(b, 'play'), event(b, 'complete'), event(a, 'play', new Date(now - HOUR))];
      expect((await log.append(first)).size).toBe(first.length);
      await hot.idle();
      expect(await redis.client.hgetall(current)).toEqual(fields([a, 3], [b, 1]));
      expect(await redis.client.hgetall(previous)).toEqual(fields([a, 1]));
      // Each hash goes a few hours after its hour.
      const ttl = await redis.client.ttl(current);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(HOT_HOURS * 3600);

      // The same beacons again, alone and mixed with a new one: only the new one counts.
      expect((await log.append(first)).size).toBe(0);
      const fresh = event(a, 'play');
      expect([...(await log.append([first[0]!, first[4]!, fresh]))]).toEqual([fresh.beaconId]);
      // Two concurrent appends of one beacon (one group commit or two): once.
      const racing = event(b, 'play');
      await Promise.all([log.append([racing]), log.append([racing])]);
      await hot.idle();
      expect(await redis.client.hgetall(current)).toEqual(fields([a, 4], [b, 2]));
      expect((await hot.live(a.id))?.plays).toBe(4);
      expect((await hot.live(a.programId, 'program'))?.plays).toBe(a.programId === b.programId ? 6 : 4);

      // A backlog older than the kept hours makes no hash.
      await log.append([event(a, 'play', new Date(now - HOT_HOURS * HOUR))]);
      await hot.idle();
      expect(await redis.client.exists(tooOld)).toBe(0);
    } finally {
      await redis.client.del(current, previous, tooOld);
    }
  });

  it("shows this hour's plays as `live` in the episode's and program's analytics before the aggregation reaches them", async () => {
    const episode = t.episodes[2]!;
    const viewer = await t.auth('viewer');
    const hot = hotCountersFor(t.platform, () => {})!;
    expect(hot).toBeDefined();
    const read = async () => (await api(t, 'GET', `/api/cms/analytics/episodes/${episode.id}`, { headers: viewer, expect: 200 })).body;
    const readProgram = async () => (await api(t, 'GET', `/api/cms/analytics/programs/${episode.programId}`, { headers: viewer, expect: 200 })).body;
    const before = await read();
    const programBefore = await readProgram();
    const events = [beacon(episode.id, 'play', new Date()), beacon(episode.id, 'play', new Date()), beacon(episode.id, 'progress', new Date(), { listened: 30 })];
    expect((await sendBatch(t, randomUUID(), events)).status).toBe(202);
    expect((await sendBatch(t, randomUUID(), events.slice(0, 1))).status).toBe(409); // a replay
    await hot.idle();
    const live = await read();
    expect(live.live).toEqual({ hour: new Date(Math.floor(Date.now() / HOUR) * HOUR).toISOString(), plays: before.live.plays + 2 });
    expect((await readProgram()).live).toEqual({ hour: live.live.hour, plays: programBefore.live.plays + 2 }); // and its program's
    // Not aggregated yet (no worker in tests): the series does not have them, `live` does.
    expect(live.series.at(-1).plays).toBe(before.series.at(-1).plays);
    await aggregateAll(t.platform.db);
    const after = await read();
    expect(after.series.at(-1).plays).toBe(after.live.plays);
  });

  it('does not fail ingest when Redis is down, and reports no live figure', async () => {
    const down = await createListeningApp(backend, { REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    try {
      const episode = down.episodes[0]!;
      const response = await sendBatch(down, randomUUID(), [beacon(episode.id, 'play', new Date())]);
      expect(response.status).toBe(202);
      expect(response.body.accepted).toBe(1);
      await hotCountersFor(down.platform, () => {})!.idle();
      const { body } = await api(down, 'GET', `/api/cms/analytics/episodes/${episode.id}`, { headers: await down.auth('viewer'), expect: 200 });
      expect(body.live).toBeNull();
      expect((await api(down, 'GET', `/api/cms/analytics/programs/${episode.programId}`, { headers: await down.auth('viewer'), expect: 200 })).body.live).toBeNull();
    } finally {
      await down.close();
    }
  }, 120_000);
});
