// Listening ingest: beacon events accepted per second through POST /api/discovery/listening/events (wrk), against a bare batched insert of the same rows, and the aggregation's lag during a 60 s burst.
//   npm run bench -- listening [--duration 60] [--connections 16] [--batch player|N] [--database-url postgres://...] [--nats [URL]] [--cpu-prof DIR]
//
// One `thmnayah start` (every role: the discovery ingest and the worker's aggregation in one process) on
// embedded defaults (PGlite) unless --database-url is given, with the demo catalogue. wrk (C) posts
// batches of beacons, each with fresh UUIDs as the player makes them, for public episodes, from a pool of
// 5,000 listeners, for `duration` seconds; meanwhile /metrics is read every 2 s for
// thmnayah_listening_aggregation_lag_seconds.
// Batches: `player` (the default) is what the site's player sends (apps/web/app/listening/beacons.ts): it
// flushes every 30 s and at the end of an episode, and a progress beacon comes every 30 s of playback, so
// a flush holds one event, two when a play, seek or complete falls in the same 30 s. The mix per ten
// requests: play+progress, progress ×7, seek+progress, progress+complete (1.3 events a request).
// `--batch N`: N events per request (a backlog: the player sends at most 100).
// Baselines, same run, after the burst with the server stopped: the same rows (same statement,
// listening/event-log.ts insertEvents) inserted straight into a fresh database of the same kind, with no
// HTTP, validation, lookup or aggregation: one statement per request's batch, and in statements of the
// size the server's group commit reached during the burst (its metrics say).
// `--nats [URL]` (default nats://127.0.0.1:4222): the server runs with NATS_URL, so ingest publishes to the
// listening stream and the worker's drain writes listening_events (listening/listening-stream.ts); the
// stream names are unique to the run and deleted afterwards. The lag sampled is then the aggregation lag,
// which includes the time in the stream, and the drain's pending messages; "events per INSERT" are the
// drain's batches.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BIN, processCpuSeconds, startThmnayah, table, withScratchDatabase } from './support.js';
import { openPglite } from '../apps/server/src/platform/db/pglite.js';
import { openPostgres } from '../apps/server/src/platform/db/postgres.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import type { Db } from '../apps/server/src/platform/db/db.js';
import { insertEvents, type ListeningEvent } from '../apps/server/src/listening/event-log.js';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';

// `--nats` takes an optional URL: a bare flag means the local server.
const args = process.argv.slice(2);
const natsAt = args.indexOf('--nats');
if (natsAt >= 0 && (args[natsAt + 1] === undefined || args[natsAt + 1]!.startsWith('--'))) args.splice(natsAt + 1, 0, 'nats://127.0.0.1:4222');
const { values } = parseArgs({
  args,
  options: {
    nats: { type: 'string' },
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '16' },
    batch: { type: 'string', default: 'player' },
    'database-url': { type: 'string' },
    // A directory for the server's V8 CPU profile (node --cpu-prof), written when it stops.
    'cpu-prof': { type: 'string' },
  },
});
const duration = Number(values.duration);
type Kind = 'play' | 'progress' | 'complete' | 'seek';
// The player's flushes, one list of kinds per request (see the header).
const PLAYER: Kind[][] = [['play', 'progress'], ...Array.from({ length: 7 }, (): Kind[] => ['progress']), ['seek', 'progress'], ['progress', 'complete']];
const CYCLE: Kind[] = ['play', 'progress', 'progress', 'progress', 'complete', 'seek'];
const player = values.batch === 'player';
const batch = Number(values.batch);
if (!player && !(Number.isInteger(batch) && batch >= 1 && batch <= 100)) {
  console.error('--batch is `player` or 1–100');
  process.exit(2);
}
/** The kinds of request number n (from 1), the same in wrk's script and in the baseline. */
const requestKinds = (n: number): Kind[] => (player ? PLAYER[(n - 1) % PLAYER.length]! : Array.from({ length: batch }, (_, i) => CYCLE[(n + i + 1) % CYCLE.length]!));
const eventsPerRequest = player ? PLAYER.flat().length / PLAYER.length : batch;
const databaseUrl = values['database-url'];

if (spawnSync('wrk', ['--version']).error) {
  console.error('wrk is needed (apt-get install wrk)');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'thmnayah-bench-listening-'));
const natsUrl = values.nats;
const streams = { events: `BENCH_EVENTS_${process.pid}`, listening: `BENCH_LISTENING_${process.pid}` };
const natsEnv: Record<string, string> = natsUrl ? { NATS_URL: natsUrl, NATS_STREAM: streams.events, NATS_LISTENING_STREAM: streams.listening } : {};
const server = await startThmnayah({ RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'error', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...natsEnv }, [],
  { nodeArgs: values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : [] });
try {
  const seed = spawnSync(process.execPath, [BIN, 'seed'], { env: { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: 'error', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...natsEnv }, stdio: 'ignore' });
  if (seed.status !== 0) throw new Error('seeding failed');
  let episodes: { id: string; programId: string }[] = [];
  for (let i = 0; i < 300 && episodes.length === 0; i++) {
    const page = (await (await fetch(`${server.url}/api/discovery/episodes?limit=50`)).json()) as { items: { id: string; program: { id: string } }[] };
    episodes = (page.items ?? []).map((e) => ({ id: e.id, programId: e.program.id }));
    if (episodes.length === 0) await new Promise((r) => setTimeout(r, 200));
  }
  if (episodes.length === 0) throw new Error('no public episode');

  // wrk's Lua: every request a batch of new beacon ids, UUIDs as the player's crypto.randomUUID() makes
  // (a random per-run prefix and a counter), "at" with milliseconds as Date.toISOString() writes it.
  const script = join(work, 'beacons.lua');
  const kindsLua = Array.from({ length: player ? PLAYER.length : CYCLE.length }, (_, j) => `{${requestKinds(j + 1).map((k) => `"${k}"`).join(',')}}`);
  writeFileSync(script, `
local episodes = {${episodes.map((e) => `"${e.id}"`).join(',')}}
local batches = {${kindsLua.join(',')}}
local n = 0
math.randomseed(os.time() + os.clock() * 1e6)
local prefix = string.format("%08x-%04x", math.random(0, 0x7fffffff), math.random(0, 0xffff))
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
request = function()
  n = n + 1
  local at = os.date("!%Y-%m-%dT%H:%M:%S") .. string.format(".%03dZ", n % 1000)
  local kinds = batches[(n - 1) % #batches + 1]
  local events = {}
  for i = 1, #kinds do
    local kind = kinds[i]
    local listened = (kind == "progress" or kind == "complete") and ',"listened":30.1' or ''
    events[i] = string.format('{"id":"%s-4%03x-8%03x-%012x","kind":"%s","episode":"%s","position":%d.5%s,"at":"%s"}',
      prefix, i, 0, n, kind, episodes[(n * 7 + i) % #episodes + 1], (n * 30) % 3600, listened, at)
  end
  local body = string.format('{"listener":"00000000-0000-4000-8000-%012d","events":[%s]}', n % 5000, table.concat(events, ","))
  return wrk.format(nil, "/api/discovery/listening/events", nil, body)
end
`);

  // The burst, with the aggregation's lag sampled every 2 s.
  const lags: number[] = [];
  const pendings: number[] = [];
  const counter = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  const appends = async () => {
    const text = await fetch(`${server.url}/metrics`).then((r) => r.text());
    // With NATS the INSERTs are the drain's batches.
    if (natsUrl) return { statements: counter(text, 'thmnayah_listening_stream_batches_total'), rows: counter(text, 'thmnayah_listening_stream_drained_total') };
    return { statements: counter(text, 'thmnayah_listening_append_statements_total'), rows: counter(text, 'thmnayah_listening_append_rows_total') };
  };
  const appendsBefore = await appends();
  // The server's CPU time over the burst (aggregation included): per event it is less sensitive to the
  // machine's load than events per second.
  const cpuBefore = await processCpuSeconds(server.pid);
  let running = true;
  const sampler = (async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, 2000));
      const text = await fetch(`${server.url}/metrics`).then((r) => r.text(), () => '');
      const lag = Number(/^thmnayah_listening_aggregation_lag_seconds (\S+)$/m.exec(text)?.[1]);
      if (Number.isFinite(lag)) lags.push(lag);
      const pending = Number(/^thmnayah_listening_stream_pending_messages (\S+)$/m.exec(text)?.[1]);
      if (Number.isFinite(pending)) pendings.push(pending);
    }
  })();
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', ['-t1', `-c${values.connections}`, `-d${duration}s`, '--latency', '-s', script, server.url]);
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}`))));
  });
  const burstEnd = performance.now();
  const cpuBurst = (await processCpuSeconds(server.pid)) - cpuBefore;
  const appendsAfter = await appends();
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

  // Baselines, after the burst (the server stopped): the same rows straight into a fresh database of the
  // same kind, with no HTTP, validation or lookup. `eventsPerStatement` 0: one statement per request's
  // batch; otherwise consecutive requests' rows joined until a statement holds that many, as the
  // server's group commit joined them during the burst (the fair measure of what the HTTP path adds).
  const baseline = async (eventsPerStatement: number) => {
    const run = async (db: Db) => {
      await migrate(db);
      const rows = (k: number): ListeningEvent[] => requestKinds(k).map((kind, i) => ({
        beaconId: randomUUID(), listenerId: `00000000-0000-4000-8000-${String(k % 5000).padStart(12, '0')}`, episodeId: episodes[(k * 7 + i + 1) % episodes.length]!.id,
        programId: episodes[(k * 7 + i + 1) % episodes.length]!.programId, kind, positionSeconds: (k * 30) % 3600 + 0.5,
        listenedSeconds: kind === 'progress' || kind === 'complete' ? 30.1 : 0, platform: 'web-chrome', occurredAt: new Date(),
      }));
      const started = performance.now();
      let k = 0;
      let stored = 0;
      while (performance.now() - started < 10_000) {
        const statement = rows(++k);
        while (statement.length < eventsPerStatement) statement.push(...rows(++k));
        stored += (await insertEvents(db, statement)).size;
      }
      return stored / ((performance.now() - started) / 1000);
    };
    if (databaseUrl) {
      return withScratchDatabase(async (url) => {
        const db = openPostgres({ connectionString: url, max: 4 });
        try {
          return await run(db);
        } finally {
          await db.close();
        }
      });
    }
    const dir = mkdtempSync(join(work, 'pglite-'));
    const db = await openPglite({ dataDir: dir });
    try {
      return await run(db);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  await server.stop();
  const statements = appendsAfter.statements - appendsBefore.statements;
  const grouped = statements > 0 ? (appendsAfter.rows - appendsBefore.rows) / statements : 0;
  const bareRate = await baseline(0);
  const bareGroupedRate = grouped > 0 ? await baseline(Math.round(grouped)) : Number.NaN;

  const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const p50 = /\s50%\s+(\S+)/.exec(out)?.[1];
  const p99 = /\s99%\s+(\S+)/.exec(out)?.[1];
  // Every request of the mix has the same number of events on average over a cycle of ten.
  const httpRate = ((requests - non2xx) * eventsPerRequest) / duration;
  const batches = player ? `the player's batches (${eventsPerRequest} events a request)` : `batches of ${batch}`;
  console.log(`\n${databaseUrl ? 'PostgreSQL' : 'PGlite (embedded defaults)'}${natsUrl ? `, ingest through the JetStream stream at ${natsUrl}` : ''}; wrk 1 thread, ${values.connections} connections, ${duration} s, ${batches}; one server process (all roles)`);
  table([
    { path: 'HTTP ingest (validate, look up, append)', 'events/s': Math.round(httpRate), 'requests/s': Math.round((requests - non2xx) / duration), 'request p50': p50 ?? '', 'request p99': p99 ?? '', 'non-2xx': non2xx },
    { path: 'bare insert, same rows, one statement a request (10 s)', 'events/s': Math.round(bareRate), 'requests/s': '', 'request p50': '', 'request p99': '', 'non-2xx': 0 },
    { path: `bare insert, same rows, ${Math.round(grouped)} a statement as grouped (10 s)`, 'events/s': Math.round(bareGroupedRate), 'requests/s': '', 'request p50': '', 'request p99': '', 'non-2xx': 0 },
  ]);
  console.log(`\nHTTP ingest ÷ bare insert, one statement a request: ${(httpRate / bareRate).toFixed(2)}`);
  console.log(`HTTP ingest ÷ bare insert, in the server's group sizes: ${(httpRate / bareGroupedRate).toFixed(2)}`);
  console.log(`server CPU during the burst: ${cpuBurst.toFixed(1)} s, ${((cpuBurst * 1e6) / (httpRate * duration)).toFixed(0)} µs an event, ${((cpuBurst * 1e6) / (requests - non2xx)).toFixed(0)} µs a request`);
  console.log(`${natsUrl ? 'stream drain' : 'group commit'}: ${statements} INSERT statements, ${grouped.toFixed(1)} events each`);
  if (natsUrl) console.log(`stream messages not drained (every 2 s): max ${Math.max(0, ...pendings)}; samples ${pendings.join(' ')}`);
  console.log(`aggregation lag during the burst (every 2 s): max ${Math.max(0, ...lags).toFixed(1)} s, last ${(lags.at(-1) ?? 0).toFixed(1)} s; samples ${lags.map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`caught up ${Number.isNaN(caughtUp) ? 'not within 150 s' : `${caughtUp.toFixed(1)} s`} after the burst ended`);
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
  if (natsUrl) {
    const nc = await connect({ servers: natsUrl });
    const jsm = await jetstreamManager(nc);
    for (const name of Object.values(streams)) await jsm.streams.delete(name).catch(() => {});
    await nc.close();
  }
}
