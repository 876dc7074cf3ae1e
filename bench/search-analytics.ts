// The cost of search analytics on cached search: SEARCH_ANALYTICS off vs on, in one run (wrk).
//   npm run bench -- search-analytics [--duration 10] [--connections 32] [--rounds 2]
//
// One data directory, seeded once (the demo catalogue, PGlite). Then `thmnayah start --roles discovery`
// serves it once per configuration and round, interleaved (off, on, off, on…) so that a change in the
// machine's load hits both alike. Two paths: one search repeated (every answer from the response cache,
// where the counting's share of the work is largest) and, with a wrk Lua script, 64 different searches
// in turn (all cached after the warm-up; the in-memory table then holds 64 rows). "On" counts every
// request into the in-memory hourly rows and flushes them to the database every 5 s (the default).
// Last, the counting alone in this process (SearchLog.search, no HTTP), which a loaded machine disturbs
// far less than wrk's end-to-end rates: its cost per call beside the cached request's mean service time.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BIN, startThmnayah, table } from './support.js';
import { SearchLog } from '../apps/server/src/search-analytics/recorder.js';
import type { Queryable } from '../apps/server/src/platform/db/db.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '2' },
  },
});

if (spawnSync('wrk', ['--version']).error) {
  console.error('wrk is needed (apt-get install wrk)');
  process.exit(2);
}

interface WrkResult { rps: number; p50: number; p99: number; non2xx: number; socket: number }

function ms(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!match) return NaN;
  const n = Number(match[1]);
  return match[2] === 'us' ? n / 1000 : match[2] === 's' ? n * 1000 : n;
}

function wrk(url: string, script?: string): WrkResult {
  const out = execFileSync('wrk', ['-t1', `-c${values.connections}`, `-d${values.duration}s`, '--latency', ...(script ? ['-s', script] : []), url], { encoding: 'utf8' });
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    p50: ms(/\s50%\s+(\S+)/.exec(out)?.[1] ?? ''),
    p99: ms(/\s99%\s+(\S+)/.exec(out)?.[1] ?? ''),
    non2xx,
    socket: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

const CONFIGS = [
  { name: 'analytics off', env: { SEARCH_ANALYTICS: 'false' } },
  { name: 'analytics on', env: { SEARCH_ANALYTICS: 'true' } },
];

const dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-bench-search-analytics-'));
const quiet = { RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'error', DATA_DIR: dataDir };
try {
  // Seed once with the roles that build the read model, then serve it from a discovery-only process.
  const builder = await startThmnayah(quiet, ['--roles', 'cms,discovery,relay,worker']);
  let words: string[] = [];
  try {
    const seed = spawnSync(process.execPath, [BIN, 'seed'], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error' }, stdio: 'ignore' });
    if (seed.status !== 0) throw new Error('seeding failed');
    for (let i = 0; i < 300 && words.length < 64; i++) {
      const episodes = (await (await fetch(`${builder.url}/api/discovery/episodes?limit=100`)).json()) as { items: { title: string }[] };
      words = [...new Set(episodes.items.flatMap((e) => e.title.split(/\s+/)).filter((w) => w.length >= 4))].slice(0, 64);
      if (words.length < 64) await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await builder.stop();
  }
  if (words.length === 0) throw new Error('the seeded catalogue never reached Discovery');
  const one = `/api/discovery/search?q=${encodeURIComponent(words[0]!)}`;
  const paths = words.map((w) => `/api/discovery/search?q=${encodeURIComponent(w)}`);
  const script = join(dataDir, 'rotate.lua');
  writeFileSync(script, `local paths = {${paths.map((p) => `"${p}"`).join(',')}}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n`);

  const CASES = [{ name: 'one search, repeated', script: undefined }, { name: `${paths.length} searches in turn`, script }];
  const runs = new Map<string, WrkResult[]>();
  const load: number[] = [];
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const config of CONFIGS) {
      const server = await startThmnayah({ ...quiet, ...config.env }, ['--roles', 'discovery']);
      try {
        // Warm: fill the response cache for every path and let the JIT settle before measuring.
        for (let i = 0; i < 4; i++) for (const path of paths) await (await fetch(`${server.url}${path}`)).arrayBuffer();
        for (let i = 0; i < 200; i++) await (await fetch(`${server.url}${one}`)).arrayBuffer();
        for (const c of CASES) {
          load.push(loadavg()[0]!);
          const result = wrk(`${server.url}${one}`, c.script);
          const key = `${c.name}\t${config.name}`;
          runs.set(key, [...(runs.get(key) ?? []), result]);
          console.error(`round ${round + 1}: ${c.name}, ${config.name}: ${Math.round(result.rps)} req/s`);
        }
      } finally {
        await server.stop();
      }
    }
  }

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`\nCached search (GET /api/discovery/search?q=…), wrk -c${values.connections} -d${values.duration}s × ${values.rounds} rounds, interleaved; ${cpus().length} CPUs, 1-min load average during runs ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}\n`);
  table(CASES.flatMap((c) => {
    const baseline = mean(runs.get(`${c.name}\toff`.replace('\toff', '\tanalytics off'))!.map((r) => r.rps));
    return CONFIGS.map((config) => {
      const r = runs.get(`${c.name}\t${config.name}`)!;
      const rps = mean(r.map((x) => x.rps));
      return {
        path: c.name,
        configuration: config.name,
        'req/s (each round)': r.map((x) => Math.round(x.rps)).join(' / '),
        'req/s (mean)': Math.round(rps),
        'vs off': (rps / baseline).toFixed(3),
        'p50 ms': mean(r.map((x) => x.p50)).toFixed(2),
        'p99 ms': mean(r.map((x) => x.p99)).toFixed(2),
        'non-2xx': r.reduce((s, x) => s + x.non2xx, 0),
        'socket errors (timeouts)': r.reduce((s, x) => s + x.socket, 0),
      };
    });
  }));
  // The counting alone: a memo hit, the hour, a map lookup and a few additions per call.
  const noDb: Queryable = { query: async () => [], exec: async () => {} };
  const log = new SearchLog(noDb, { flushMs: 3_600_000 });
  const texts = [...words, ...words.map((w) => `${w} ${w}`)];
  for (let i = 0; i < 200_000; i++) log.search(texts[i % texts.length], i % 7, 0.2);
  const calls = 2_000_000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) log.search(texts[i % texts.length], i % 7, 0.2);
  const nsPerCall = Number(process.hrtime.bigint() - started) / calls;
  const cachedOff = mean(runs.get(`${CASES[0]!.name}\tanalytics off`)!.map((r) => r.rps));
  console.log(`\nCounting alone (SearchLog.search, ${texts.length} distinct queries, ${calls.toLocaleString('en')} calls): ${nsPerCall.toFixed(0)} ns a call; ` +
    `a cached search served at ${Math.round(cachedOff)} req/s on ${cpus().length} CPUs takes about ${((1e9 * cpus().length) / cachedOff / 1000).toFixed(0)} µs of CPU, so counting is ${((100 * nsPerCall * cachedOff) / (1e9 * cpus().length)).toFixed(2)} % of it.`);
  await log.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
