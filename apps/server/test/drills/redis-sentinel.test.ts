// Drill: Redis behind Sentinel (deploy/k8s/components/redis-sentinel): the server reaches Redis through
// three sentinels (REDIS_SENTINELS, REDIS_MASTER_NAME, REDIS_PASSWORD). Under a steady request load
// the master is killed; the sentinels promote the replica, the server follows, and the shared cache
// and the rate limits carry on in the new master. No request fails with a 5xx at any time (a Redis
// outage costs cache misses, and the limiter skips on error); the failover window is printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createPlatform, type Platform } from '../../src/platform.js';
import { createServer } from '../../src/app.js';
import type { App } from '../../src/platform/http/server.js';
import { openTestDb } from '../support/databases.js';
import { drillAvailable, until } from './support/processes.js';
import { MASTER_NAME, PASSWORD, redisBinary, startSentinelCluster, type SentinelCluster } from './support/redis-sentinel.js';

const available = drillAvailable('redis-server (with --sentinel)', [redisBinary()]);
const LIMIT = 40;

describe.skipIf(!available)('drill: Redis master killed under load, Sentinel fails over', () => {
  let cluster: SentinelCluster;
  let platform: Platform;
  let app: App;
  let database: Awaited<ReturnType<typeof openTestDb>>;
  const dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-redis-drill-data-'));

  beforeAll(async () => {
    [cluster] = await Promise.all([startSentinelCluster()]);
    const config = loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      REDIS_SENTINELS: cluster.sentinels.map((s) => `127.0.0.1:${s.port}`).join(','),
      REDIS_MASTER_NAME: MASTER_NAME,
      REDIS_PASSWORD: PASSWORD,
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
    });
    // The migrated template database (as the other server tests use): this drill is about Redis.
    database = await openTestDb('pglite');
    platform = await createPlatform(config, { db: database.db, migrate: false, defaultMetrics: false });
    ({ app } = await createServer(platform, ['discovery'], { logger: false }));
    await app.ready();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await platform?.close();
    await database?.close();
    await cluster?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps answering through the failover, then caches and limits in the new master', async () => {
    expect(platform.cache.kind).toBe('redis');
    expect((await app.inject('/readyz')).json().checks.redis).toBe('ok');
    const oldMaster = cluster.master.port;
    expect(await cluster.masterPort()).toBe(oldMaster);

    // A steady load: one request every 20 ms, each from its own address (under the limit) and for
    // its own URL (a cache fill each time), with its status and when it was answered.
    const results: { at: number; status: number }[] = [];
    let loading = true;
    let n = 0;
    const load = (async () => {
      while (loading) {
        const i = n++;
        const url = `/api/discovery/programs?limit=${(i % 100) + 1}&sort=${['latest', 'title', 'published'][Math.floor(i / 100) % 3]}&language=${['ar', 'en'][Math.floor(i / 300) % 2]}`;
        const response = await app.inject({ url, remoteAddress: `10.1.${Math.floor(i / 250) % 250}.${i % 250}` });
        results.push({ at: performance.now(), status: response.statusCode });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const stopLoad = async () => {
      loading = false;
      await load;
    };
    onTestFinished(stopLoad);
    const killedAt = performance.now();
    await cluster.master.child.stop('SIGKILL');
    // The window: from the kill until what the server writes to its cache lands in the promoted master.
    let probe = 0;
    await until('the server writing to the promoted master', async () => {
      const port = await cluster.masterPort();
      if (port === oldMaster) throw new Error('the sentinels still name the old master');
      const key = `drill-probe-${probe++}`;
      await platform.cache.set(key, 'x', 60_000);
      const direct = cluster.client(port);
      try {
        if ((await direct.get(`thmnayah:${key}`)) !== 'x') throw new Error(`the server's client (${(platform.cache as unknown as { client: { status: string } }).client.status}) did not write to ${port}`);
        return true;
      } finally {
        direct.disconnect();
      }
    }, 30_000, 50);
    const window = performance.now() - killedAt;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await stopLoad();

    const newMaster = await cluster.masterPort();
    expect(newMaster).toBe(cluster.replica.port);
    const during = results.filter((r) => r.at >= killedAt && r.at <= killedAt + window);
    const fiveXX = results.filter((r) => r.status >= 500);
    console.log(
      `[drill redis] failover window ${(window / 1000).toFixed(2)} s (kill → the server's cache writes land in the promoted replica); ` +
        `${results.length} requests, ${during.length} during the window, 5xx: ${fiveXX.length} (${fiveXX.filter((r) => r.at > killedAt + window).length} after the window)`,
    );
    expect(fiveXX).toEqual([]);
    expect(results.filter((r) => r.status !== 200)).toEqual([]);

    // The shared cache carries on: a new answer is stored in the new master.
    const direct = cluster.client(newMaster);
    const before = await direct.keys('thmnayah:discovery:*');
    expect((await app.inject({ url: '/api/discovery/programs?kind=series&limit=7', remoteAddress: '10.9.9.1' })).statusCode).toBe(200);
    const after = await direct.keys('thmnayah:discovery:*');
    expect(after.filter((k) => !before.includes(k)).some((k) => k.endsWith('/api/discovery/programs?kind=series&limit=7'))).toBe(true);

    // The rate limit carries on, counted in the new master: LIMIT requests pass, the next is refused.
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await app.inject({ url: '/api/discovery/home', remoteAddress: '10.9.9.2' })).statusCode);
    expect(statuses.slice(0, LIMIT).every((s) => s === 200)).toBe(true);
    expect(statuses[LIMIT]).toBe(429);
    expect((await direct.keys('thmnayah:ratelimit:*')).some((k) => k.includes('10.9.9.2'))).toBe(true);
  }, 60_000);
});
