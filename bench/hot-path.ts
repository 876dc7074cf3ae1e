// Cached Discovery answers (search, home, suggest) against a bare node:http server sending the same bytes (wrk): req/s, p99, server CPU µs per request.
//   npm run bench -- hot-path [--duration 10] [--connections 32] [--rounds 2] [--logs] [--only search,home,suggest]
//                             [--data-dir DIR] [--before OTHER/apps/server/bin/thmnayah.mjs] [--prof DIR]
//
// The demo catalogue is seeded once (PGlite); then `thmnayah start --roles discovery` serves it, and a bare
// node:http server answers each workload's URL with the very status, headers and body the project sent for
// it (fetched once, before the runs). Both run as child processes, and each workload is measured bare,
// project, bare, project, … so a change in the machine's load hits both alike: only the ratio carries over.
// CPU µs per request is the server process's user + system CPU time (/proc/<pid>/stat) during the wrk run,
// divided by the requests wrk completed: the cost of one answer on this machine, whatever else runs on it.
//
// Log lines go to a file, as a container runtime keeps them. The project runs as `npm start` does
// (LOG_LEVEL=info, REQUEST_LOG=private: no line for a successful public read). --logs adds rows for
// REQUEST_LOG=all (one line per request) and LOG_LEVEL=warn (none), and with --before, the earlier
// checkout at LOG_LEVEL=warn too (its default wrote Fastify's two lines per request).
// --data-dir reuses (and keeps) a directory an earlier run seeded; --before adds rows for another checkout's
// server (e.g. main, to show a change before and after in one run).
// --prof DIR runs the project server with `node --cpu-prof --cpu-prof-dir=DIR` (one profile per server).
import { mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { processCpuSeconds, seededDemoCatalogue, startThmnayah, table, wrk, wrkAvailable, type WrkResult } from './support.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '2' },
    logs: { type: 'boolean', default: false },
    prof: { type: 'string' },
    only: { type: 'string' },
    'data-dir': { type: 'string' },
    before: { type: 'string' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

if (!wrkAvailable()) {
  console.error('wrk is needed (apt-get install wrk)');
  process.exit(2);
}

interface Answer { status: number; headers: Record<string, string>; body: string }

/** One node:http process answering each path with a recorded answer; anything else 404. */
async function startSameBytesServer(answers: Record<string, Answer>) {
  const child = spawn(process.execPath, ['-e', `
    const http = require('node:http');
    const answers = new Map(Object.entries(JSON.parse(process.env.ANSWERS)).map(([path, a]) => [path, { ...a, body: Buffer.from(a.body, 'base64') }]));
    const server = http.createServer((req, res) => {
      const a = answers.get(req.url);
      if (!a) { res.writeHead(404).end(); return; }
      res.writeHead(a.status, a.headers);
      res.end(a.body);
    });
    server.keepAliveTimeout = 72000;
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));
  `], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ANSWERS: JSON.stringify(answers) } });
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d).trim())));
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** The answer as the project sends it, with the headers Node adds on its own (date, connection) left to the bare server. */
async function record(url: string): Promise<Answer> {
  // What wrk gets: it sends no Accept-Encoding, so the body goes as it is.
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  if (response.headers.has('content-encoding')) throw new Error(`${url} came encoded`);
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)) headers[name] = value;
  return { status: response.status, headers, body: body.toString('base64') };
}

async function measured(pid: number, url: string): Promise<WrkResult & { cpuUs: number }> {
  const before = await processCpuSeconds(pid);
  const result = wrk(url, { connections, duration });
  const cpu = (await processCpuSeconds(pid)) - before;
  return { ...result, cpuUs: (cpu * 1e6) / Math.max(1, result.requests) };
}

const WORKLOADS = [
  { name: 'cached search', path: '/api/discovery/search?q=the' },
  { name: 'cached home', path: '/api/discovery/home' },
  { name: 'cached suggest', path: `/api/discovery/suggest?q=${encodeURIComponent('أكل')}` },
].filter((w) => !values.only || values.only.split(',').includes(w.name.replace('cached ', '')));

// The project as `npm start` runs it (only LOG_LEVEL and the rate limit are the bench's: the default limit,
// 1200 a minute, would answer 429 within a second).
// --before BIN: the same rows for another checkout's `thmnayah` (bin/thmnayah.mjs), e.g. main before a change.
const PROJECTS: { name: string; env: Record<string, string>; bin?: string }[] = [
  ...(values.before ? [{ name: 'before: project', env: { LOG_LEVEL: 'info' }, bin: values.before }] : []),
  ...(values.logs && values.before ? [{ name: 'before: LOG_LEVEL=warn', env: { LOG_LEVEL: 'warn' }, bin: values.before }] : []),
  { name: 'project', env: { LOG_LEVEL: 'info' } },
  ...(values.logs
    ? [
        { name: 'project, REQUEST_LOG=all', env: { LOG_LEVEL: 'info', REQUEST_LOG: 'all' } },
        { name: 'project, LOG_LEVEL=warn', env: { LOG_LEVEL: 'warn' } },
      ]
    : []),
];

// --data-dir: a directory seeded by an earlier run (kept), to skip the seeding on a busy machine.
const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'thmnayah-bench-hot-path-'));
try {
  if (!values['data-dir']) await seededDemoCatalogue(dataDir);
  const rows: Record<string, string | number>[] = [];
  const load: number[] = [];
  for (const workload of WORKLOADS) {
    const runs = new Map<string, (WrkResult & { cpuUs: number; logBytes: number })[]>([['bare', []], ...PROJECTS.map((p) => [p.name, []] as [string, []])]);
    let size = 0;
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const project of PROJECTS) {
        const server = await startThmnayah({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '10000000', ...project.env }, ['--roles', 'discovery'], {
          logs: 'file',
          ...(project.bin ? { bin: project.bin } : {}),
          ...(values.prof ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${values.prof}`] } : {}),
        });
        try {
          const url = `${server.url}${workload.path}`;
          // Fill the response cache and let the JIT settle.
          for (let i = 0; i < 300; i++) await (await fetch(url)).arrayBuffer();
          const answer = await record(url);
          if (answer.status !== 200) throw new Error(`${workload.path} answered ${answer.status}`);
          size = Buffer.from(answer.body, 'base64').length;
          if (project === PROJECTS[0]) {
            const bare = await startSameBytesServer({ [workload.path]: answer });
            try {
              for (let i = 0; i < 300; i++) await (await fetch(`${bare.url}${workload.path}`)).arrayBuffer();
              load.push(loadavg()[0]!);
              runs.get('bare')!.push({ ...(await measured(bare.pid, `${bare.url}${workload.path}`)), logBytes: 0 });
            } finally {
              await bare.stop();
            }
          }
          const logsBefore = server.stdoutBytes();
          load.push(loadavg()[0]!);
          const result = await measured(server.pid, url);
          runs.get(project.name)!.push({ ...result, logBytes: (server.stdoutBytes() - logsBefore) / Math.max(1, result.requests) });
          console.error(`${workload.name}, round ${round + 1}: bare ${Math.round(runs.get('bare')!.at(-1)!.rps)}, ${project.name} ${Math.round(result.rps)} req/s`);
        } finally {
          await server.stop();
        }
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const bareRps = mean(runs.get('bare')!.map((r) => r.rps));
    for (const [name, r] of runs) {
      const rps = mean(r.map((x) => x.rps));
      // Each round's ratio against the bare run of the same round: their spread is the noise.
      const ratios = r.map((x, i) => x.rps / runs.get('bare')![i % runs.get('bare')!.length]!.rps);
      rows.push({
        workload: `${workload.name} (${(size / 1024).toFixed(1)} kB)`,
        server: name,
        'req/s (each round)': r.map((x) => Math.round(x.rps)).join(' / '),
        'req/s (mean)': Math.round(rps),
        'vs bare (each round)': name === 'bare' ? '1' : `${(rps / bareRps).toFixed(2)} (${ratios.map((x) => x.toFixed(2)).join(' / ')})`,
        'p99 ms': mean(r.map((x) => x.p99)).toFixed(2),
        'CPU µs/req': mean(r.map((x) => x.cpuUs)).toFixed(1),
        'log B/req': name === 'bare' ? '-' : mean(r.map((x) => x.logBytes)).toFixed(0),
        errors: r.reduce((s, x) => s + x.errors, 0),
      });
    }
  }
  console.log(`\nwrk -t1 -c${connections} -d${duration}s, ${values.rounds} rounds interleaved (bare, project, …); ${cpus().length} CPUs, 1-min load average during runs ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}\n`);
  table(rows);
} finally {
  if (!values['data-dir']) rmSync(dataDir, { recursive: true, force: true });
}
