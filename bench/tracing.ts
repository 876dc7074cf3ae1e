// The cost of tracing on cached Discovery: tracing off, on with 100 % sampling, on with 1 % sampling (wrk).
//   node apps/server/bin/run-ts.mjs bench/tracing.ts [--duration 10] [--connections 32] [--rounds 2] [--data-dir DIR]
//     [--node PATH] [--async-context-frame]
//
// --node: the servers run on another Node binary (the image's Node 22, e.g. from the npm package `node@22`).
// --async-context-frame: every configuration runs twice, without and with Node's
// --experimental-async-context-frame (Node 22; the default from Node 24), which makes AsyncLocalStorage
// (OpenTelemetry's context manager) a V8 continuation-preserved value instead of promise hooks. Without
// it, the first span's context switch turns on promise hooks for the whole process, and from then on
// every promise of every request, sampled or not, pays for them. Ratios are against plain `tracing off`.
//
// One data directory, seeded once (the demo catalogue, PGlite). Then `thmnayah start --roles discovery`
// serves it once per configuration and round, interleaved (off, 100 %, 1 %, off, …) so that a change in
// the machine's load hits every configuration alike. "On" exports OTLP/HTTP (protobuf, the default) to a
// sink this process runs on loopback, which reads and drops what it gets; sampling is the standard
// OTEL_TRACES_SAMPLER=parentbased_traceidratio with OTEL_TRACES_SAMPLER_ARG (wrk sends no traceparent,
// so every request is a root and the ratio decides). The URL is the same each time: after the first
// request every answer comes from the response cache, the path where tracing's overhead shows most.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { processCpuSeconds, seededDemoCatalogue, startThmnayah, table, wrk, wrkAvailable, type WrkResult } from './support.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '2' },
    'data-dir': { type: 'string' },
    node: { type: 'string' },
    'async-context-frame': { type: 'boolean', default: false },
  },
});

if (!wrkAvailable()) {
  console.error('wrk is needed (apt-get install wrk)');
  process.exit(2);
}

/** A loopback OTLP/HTTP sink: counts export requests and bytes, answers 200 with an empty body. */
async function startSink() {
  const tally = { requests: 0, bytes: 0 };
  const server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => (tally.bytes += chunk.length));
    request.on('end', () => {
      tally.requests++;
      response.writeHead(200, { 'content-type': request.headers['content-type'] ?? 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tally, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const SAMPLINGS: { name: string; env: Record<string, string> }[] = [
  { name: 'tracing off', env: {} },
  { name: 'on, 100 % sampled', env: { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '1' } },
  { name: 'on, 1 % sampled', env: { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.01' } },
];
const FRAME = '--experimental-async-context-frame';
const CONFIGS: { name: string; env: Record<string, string>; traced: boolean; nodeArgs: string[] }[] = SAMPLINGS.flatMap((s) => [
  { ...s, traced: s.name !== 'tracing off', nodeArgs: [] },
  ...(values['async-context-frame'] ? [{ ...s, name: `${s.name}, ${FRAME.slice(2)}`, traced: s.name !== 'tracing off', nodeArgs: [FRAME] }] : []),
]);
const nodeVersion = values.node ? execFileSync(values.node, ['--version'], { encoding: 'utf8' }).trim() : process.version;

// --data-dir: a directory the demo catalogue was seeded into by an earlier run (kept), to skip seeding.
const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'thmnayah-bench-tracing-'));
const sink = await startSink();
const quiet = { RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'error', DATA_DIR: dataDir };
try {
  const slug = values['data-dir'] ? await anySlug() : await seededDemoCatalogue(dataDir);
  const path = `/api/discovery/programs/${encodeURIComponent(slug)}`;

  const runs = new Map<string, (WrkResult & { exports: number; kb: number; cpuUs: number })[]>(CONFIGS.map((c) => [c.name, []]));
  const load: number[] = [];
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const config of CONFIGS) {
      const traced = config.traced;
      const tracing: Record<string, string> = !traced ? {} : { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_SERVICE_NAME: 'thmnayah-bench', ...config.env };
      const server = await startThmnayah({ ...quiet, ...tracing }, ['--roles', 'discovery'], { nodeArgs: config.nodeArgs, ...(values.node ? { node: values.node } : {}) });
      try {
        // Warm: fill the response cache and let the JIT settle before measuring.
        for (let i = 0; i < 200; i++) await (await fetch(`${server.url}${path}`)).arrayBuffer();
        const before = { ...sink.tally };
        load.push(loadavg()[0]!);
        const cpuBefore = await processCpuSeconds(server.pid);
        const result = wrk(`${server.url}${path}`, { connections: Number(values.connections), duration: Number(values.duration) });
        const cpuUs = ((await processCpuSeconds(server.pid)) - cpuBefore) * 1e6 / Math.max(1, result.requests);
        // The batch processor exports every 5 s by default: wait for the last batch of this run.
        await new Promise((r) => setTimeout(r, traced ? 6000 : 0));
        runs.get(config.name)!.push({ ...result, cpuUs, exports: sink.tally.requests - before.requests, kb: Math.round((sink.tally.bytes - before.bytes) / 1024) });
        console.error(`round ${round + 1}: ${config.name}: ${Math.round(result.rps)} req/s`);
      } finally {
        await server.stop();
      }
    }
  }

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const baseline = mean(runs.get('tracing off')!.map((r) => r.rps));
  const baselineCpu = mean(runs.get('tracing off')!.map((r) => r.cpuUs));
  console.log(`\nCached Discovery (GET ${path.replace(slug, '<slug>')}), wrk -c${values.connections} -d${values.duration}s × ${values.rounds} rounds, interleaved; Node ${nodeVersion}; ${cpus().length} CPUs, 1-min load average during runs ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}\n`);
  table(CONFIGS.map((c) => {
    const r = runs.get(c.name)!;
    const rps = mean(r.map((x) => x.rps));
    return {
      configuration: c.name,
      'req/s (each round)': r.map((x) => Math.round(x.rps)).join(' / '),
      'req/s (mean)': Math.round(rps),
      'vs off (each round)': `${(rps / baseline).toFixed(3)} (${r.map((x, i) => (x.rps / runs.get('tracing off')![i]!.rps).toFixed(2)).join(' / ')})`,
      'p50 ms': mean(r.map((x) => x.p50)).toFixed(2),
      'p99 ms': mean(r.map((x) => x.p99)).toFixed(2),
      'CPU µs/req': mean(r.map((x) => x.cpuUs)).toFixed(1),
      // The server's CPU per request moves less with the machine's load than req/s does.
      'CPU vs off (each round)': `${(mean(r.map((x) => x.cpuUs)) / baselineCpu).toFixed(3)} (${r.map((x, i) => (x.cpuUs / runs.get('tracing off')![i]!.cpuUs).toFixed(2)).join(' / ')})`,
      errors: r.reduce((s, x) => s + x.errors, 0),
      'OTLP exports (KiB)': `${r.reduce((s, x) => s + x.exports, 0)} (${r.reduce((s, x) => s + x.kb, 0)})`,
    };
  }));
} finally {
  await sink.close();
  if (!values['data-dir']) rmSync(dataDir, { recursive: true, force: true });
}

/** A program of a catalogue seeded earlier, read from a short-lived Discovery server. */
async function anySlug(): Promise<string> {
  const server = await startThmnayah(quiet, ['--roles', 'discovery'], values.node ? { node: values.node } : {});
  try {
    const home = (await (await fetch(`${server.url}/api/discovery/home`)).json()) as { categories: { programs: { slug: string }[] }[] };
    const slug = home.categories[0]?.programs[0]?.slug;
    if (!slug) throw new Error(`${dataDir} holds no seeded catalogue`);
    return slug;
  } finally {
    await server.stop();
  }
}
