// Listening ingest: beacon events accepted per second through POST /api/discovery/listening/events (wrk), against a bare batched insert of the same rows, and the aggregation's lag during a 60 s burst.
//   npm run bench -- listening [--duration 60] [--connections 16] [--batch 50] [--database-url postgres://...]
//
// One `thmnayah start` (every role: the discovery ingest and the worker's aggregation in one process) on
// embedded defaults (PGlite) unless --database-url is given, with the demo catalogue. wrk (C) posts
// batches of `batch` beacons, each with fresh ids, for public episodes, from a pool of 5,000 listeners,
// for `duration` seconds; meanwhile /metrics is read every 2 s for thmnayah_listening_aggregation_lag_seconds.
// Baseline, same run: the same rows (same statement, listening/event-log.ts insertEvents) inserted
// straight into a fresh database of the same kind, batch by batch, with no HTTP, validation or lookup.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BIN, startThmnayah, table, withScratchDatabase } from './support.js';
import { openPglite } from '../apps/server/src/platform/db/pglite.js';
import { openPostgres } from '../apps/server/src/platform/db/postgres.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import type { Db } from '../apps/server/src/platform/db/db.js';
import { insertEvents, type ListeningEvent } from '../apps/server/src/listening/event-log.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '16' },
    batch: { type: 'string', default: '50' },
    'database-url': { type: 'string' },
  },
});
const duration = Number(values.duration);
const batch = Number(values.batch);
const databaseUrl = values['database-url'];

if (spawnSync('wrk', ['--version']).error) {
  console.error('wrk is needed (apt-get install wrk)');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'thmnayah-bench-listening-'));
const server = await startThmnayah({ RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'error', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
try {
  const seed = spawnSync(process.execPath, [BIN, 'seed'], { env: { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: 'error', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }, stdio: 'ignore' });
  if (seed.status !== 0) throw new Error('seeding failed');
  let episodes: { id: string; programId: string }[] = [];
  for (let i = 0; i < 300 && episodes.length === 0; i++) {
    const page = (await (await fetch(`${server.url}/api/discovery/episodes?limit=50`)).json()) as { items: { id: string; program: { id: string } }[] };
    episodes = (page.items ?? []).map((e) => ({ id: e.id, programId: e.program.id }));
    if (episodes.length === 0) await new Promise((r) => setTimeout(r, 200));
  }
  if (episodes.length === 0) throw new Error('no public episode');

  // wrk's Lua: every request a batch of new beacon ids (a per-thread prefix and a counter).
  const script = join(work, 'beacons.lua');
  writeFileSync(script, `
local episodes = {${episodes.map((e) => `"${e.id}"`).join(',')}}
local kinds = {"play", "progress", "progress", "progress", "complete", "seek"}
local n = 0
local prefix = string.format("w%x%x", os.time(), math.random(1, 1e9))
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
request = function()
  n = n + 1
  local at = os.date("!%Y-%m-%dT%H:%M:%SZ")
  local events = {}
  for i = 1, ${batch} do
    local kind = kinds[(n + i) % #kinds + 1]
    events[i] = string.format('{"id":"%s-%d-%d","kind":"%s","episode":"%s","position":%d,"listened":%d,"at":"%s"}',
      prefix, n, i, kind, episodes[(n * 7 + i) % #episodes + 1], (i * 30) % 3600, kind == "progress" and 30 or 0, at)
  end
  local body = string.format('{"listener":"listener-%06d","events":[%s]}', n % 5000, table.concat(events, ","))
  return wrk.format(nil, "/api/discovery/listening/events", nil, body)
end
`);

  // Baseline: the same rows straight into a fresh database of the same kind.
  const baseline = async (db: Db) => {
    await migrate(db);
    const rows = (k: number): ListeningEvent[] => Array.from({ length: batch }, (_, i) => ({
      beaconId: `base-${k}-${i}`, listenerId: `listener-${k % 5000}`, episodeId: episodes[(k * 7 + i) % episodes.length]!.id,
      programId: episodes[(k * 7 + i) % episodes.length]!.programId, kind: 'progress', positionSeconds: 30, listenedSeconds: 30,
      platform: 'web-chrome', occurredAt: new Date(),
    }));
    const started = performance.now();
    let k = 0;
    while (performance.now() - started < 10_000) await insertEvents(db, rows(k++));
    return (k * batch) / ((performance.now() - started) / 1000);
  };
  let bareRate: number;
  if (databaseUrl) {
    bareRate = await withScratchDatabase(async (url) => {
      const db = openPostgres({ connectionString: url, max: 4 });
      try {
        return await baseline(db);
      } finally {
        await db.close();
      }
    });
  } else {
    const db = await openPglite({ dataDir: join(work, 'pglite') });
    try {
      bareRate = await baseline(db);
    } finally {
      await db.close();
    }
  }

  // The burst, with the aggregation's lag sampled every 2 s.
  const lags: number[] = [];
  let running = true;
  const sampler = (async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, 2000));
      const text = await fetch(`${server.url}/metrics`).then((r) => r.text(), () => '');
      const lag = Number(/^thmnayah_listening_aggregation_lag_seconds (\S+)$/m.exec(text)?.[1]);
      if (Number.isFinite(lag)) lags.push(lag);
    }
  })();
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', ['-t1', `-c${values.connections}`, `-d${duration}s`, '--latency', '-s', script, server.url]);
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}`))));
  });
  const burstEnd = performance.now();
  // After the burst: how long until the aggregation has caught up.
  let caughtUp = Number.NaN;
  for (let i = 0; i < 300; i++) {
    const text = await fetch(`${server.url}/metrics`).then((r) => r.text(), () => '');
    const lag = Number(/^thmnayah_listening_aggregation_lag_seconds (\S+)$/m.exec(text)?.[1]);
    if (lag === 0) {
      caughtUp = (performance.now() - burstEnd) / 1000;
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  running = false;
  await sampler;

  const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const p50 = /\s50%\s+(\S+)/.exec(out)?.[1];
  const p99 = /\s99%\s+(\S+)/.exec(out)?.[1];
  const httpRate = ((requests - non2xx) * batch) / duration;
  console.log(`\n${databaseUrl ? 'PostgreSQL' : 'PGlite (embedded defaults)'}; wrk 1 thread, ${values.connections} connections, ${duration} s, batches of ${batch}; one server process (all roles)`);
  table([
    { path: 'HTTP ingest (validate, look up, append)', 'events/s': Math.round(httpRate), 'batch p50': p50 ?? '', 'batch p99': p99 ?? '', 'non-2xx': non2xx },
    { path: 'bare batched insert, same rows (10 s)', 'events/s': Math.round(bareRate), 'batch p50': '', 'batch p99': '', 'non-2xx': 0 },
  ]);
  console.log(`\nHTTP ingest ÷ bare insert: ${(httpRate / bareRate).toFixed(2)}`);
  console.log(`aggregation lag during the burst (every 2 s): max ${Math.max(0, ...lags).toFixed(1)} s, last ${(lags.at(-1) ?? 0).toFixed(1)} s; samples ${lags.map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`caught up ${Number.isNaN(caughtUp) ? 'not within 150 s' : `${caughtUp.toFixed(1)} s`} after the burst ended`);
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
