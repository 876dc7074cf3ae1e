// The listeners' site: server-rendered program and episode pages against the JSON Discovery answer for the same content (wrk), and Lighthouse on a phone profile.
//   node apps/server/bin/run-ts.mjs bench/web.ts [--duration 10] [--connections 32] [--no-lighthouse]
//
// One `thmnayah start` (every role, embedded defaults, the demo catalogue) serves both. wrk is a C load
// generator, so the server, not the client, is what saturates the machine. "cached" rows are what a
// listener gets (the page cache is keyed by generation and URL); "rendered" rows make every request a new
// URL (?r=<n>), so each one is a full React render with its API reads — the cost of a cache miss.
// Lighthouse (the npm package) drives the same Debian Chromium and reports performance and accessibility
// scores and the JavaScript a first visit transfers.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BIN, startThmnayah, table } from './support.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    'no-lighthouse': { type: 'boolean', default: false },
  },
});

interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const work = mkdtempSync(join(tmpdir(), 'thmnayah-bench-web-'));
// A fresh URL per request (?r=1, ?r=2, …) for the uncached workloads.
const uniqueScript = join(work, 'unique.lua');
writeFileSync(uniqueScript, 'local n = 0\nrequest = function()\n  n = n + 1\n  return wrk.format("GET", wrk.path .. "?r=" .. n)\nend\n');

function ms(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!match) return NaN;
  const n = Number(match[1]);
  return match[2] === 'us' ? n / 1000 : match[2] === 's' ? n * 1000 : n;
}

function wrk(url: string, options: { unique?: boolean; headers?: Record<string, string> } = {}): WrkResult {
  const args = ['-t1', `-c${values.connections}`, `-d${values.duration}s`, '--latency'];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}: ${value}`);
  if (options.unique) args.push('-s', uniqueScript);
  const out = execFileSync('wrk', [...args, url], { encoding: 'utf8' });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p50 = ms(/\s50%\s+(\S+)/.exec(out)?.[1] ?? '');
  const p99 = ms(/\s99%\s+(\S+)/.exec(out)?.[1] ?? '');
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  return { rps, p50, p99, errors };
}

if (spawnSync('wrk', ['--version']).error) {
  console.error('wrk is needed (apt-get install wrk)');
  process.exit(2);
}

const server = await startThmnayah({ RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'error' });
try {
  const seed = spawnSync(process.execPath, [BIN, 'seed'], { env: { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: 'error' }, stdio: 'ignore' });
  if (seed.status !== 0) throw new Error('seeding failed');
  let home: { categories: { programs: { slug: string }[] }[] } | undefined;
  for (let i = 0; i < 300 && !home?.categories.length; i++) {
    home = (await (await fetch(`${server.url}/api/discovery/home`)).json()) as typeof home;
    if (!home?.categories.length) await new Promise((r) => setTimeout(r, 200));
  }
  const slug = home!.categories[0]!.programs[0]!.slug;
  const program = (await (await fetch(`${server.url}/api/discovery/programs/${encodeURIComponent(slug)}`)).json()) as { episodes: { items: { id: string }[] } };
  const episodeId = program.episodes.items[0]!.id;
  const br = { 'accept-encoding': 'br' };
  const workloads: [string, string, { unique?: boolean; headers?: Record<string, string> }][] = [
    ['program JSON, cached (br)', `/api/discovery/programs/${encodeURIComponent(slug)}`, { headers: br }],
    ['program page, cached (br)', `/ar/programs/${encodeURIComponent(slug)}`, { headers: br }],
    ['episode JSON, cached (br)', `/api/discovery/episodes/${episodeId}`, { headers: br }],
    ['episode page, cached (br)', `/ar/episodes/${episodeId}`, { headers: br }],
    ['program JSON, uncached', `/api/discovery/programs/${encodeURIComponent(slug)}`, { unique: true }],
    ['program page, rendered', `/ar/programs/${encodeURIComponent(slug)}`, { unique: true }],
    ['episode JSON, uncached', `/api/discovery/episodes/${episodeId}`, { unique: true }],
    ['episode page, rendered', `/ar/episodes/${episodeId}`, { unique: true }],
  ];
  // Warm both caches (and the JIT) first.
  for (const [, path, options] of workloads) for (let i = 0; i < 50; i++) await fetch(`${server.url}${path}`, { headers: options.headers ?? {} }).then((r) => r.arrayBuffer());
  const results = new Map<string, WrkResult>();
  for (const [name, path, options] of workloads) results.set(name, wrk(`${server.url}${path}`, options));
  const pair = (page: string, json: string) => (results.get(page)!.rps / results.get(json)!.rps).toFixed(2);
  console.log(`\nwrk, 1 thread, ${values.connections} connections, ${values.duration} s each, loopback; one server process (all roles)`);
  table([...results].map(([name, r]) => ({ workload: name, 'req/s': Math.round(r.rps), 'p50 ms': r.p50.toFixed(2), 'p99 ms': r.p99.toFixed(2), errors: r.errors })));
  console.log('\npage req/s ÷ JSON req/s (same content, same run):');
  table([
    { pair: 'program, cached', ratio: pair('program page, cached (br)', 'program JSON, cached (br)') },
    { pair: 'episode, cached', ratio: pair('episode page, cached (br)', 'episode JSON, cached (br)') },
    { pair: 'program, uncached', ratio: pair('program page, rendered', 'program JSON, uncached') },
    { pair: 'episode, uncached', ratio: pair('episode page, rendered', 'episode JSON, uncached') },
  ]);

  if (!values['no-lighthouse']) {
    const { default: lighthouse } = await import('lighthouse');
    const chromeLauncher = await import('chrome-launcher');
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const rows: Record<string, string | number>[] = [];
      for (const [name, path] of [['home', '/ar'], ['program', `/ar/programs/${encodeURIComponent(slug)}`], ['episode', `/ar/episodes/${episodeId}`]] as const) {
        // Lighthouse's default: a mobile phone profile with simulated slow 4G and a 4× slower CPU.
        const result = await lighthouse(`${server.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
        const lhr = result!.lhr;
        const items = (lhr.audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
        const scriptBytes = items.filter((i) => i.resourceType === 'Script').reduce((sum, i) => sum + (i.transferSize ?? 0), 0);
        rows.push({
          page: name,
          performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
          'LCP ms': Math.round(Number(lhr.audits['largest-contentful-paint']?.numericValue ?? 0)),
          'TBT ms': Math.round(Number(lhr.audits['total-blocking-time']?.numericValue ?? 0)),
          CLS: Number(lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3),
          'JS kB (transferred)': (scriptBytes / 1024).toFixed(1),
        });
      }
      console.log('\nLighthouse 12, mobile profile (simulated throttling), Debian Chromium:');
      table(rows);
    } finally {
      await chrome.kill();
    }
  }
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
