// Shared pieces of the benchmarks: child-process servers, a load generator (autocannon), and tables.
// Everything runs on loopback; every result is printed beside a baseline measured in the same run,
// because these machines are noisy and only ratios travel.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';

/** The `thmnayah` command; BENCH_THMNAYAH_BIN points at another checkout's (a before/after comparison). */
export const BIN = process.env.BENCH_THMNAYAH_BIN ?? join(import.meta.dirname, '../apps/server/bin/thmnayah.mjs');

export interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function load(options: autocannon.Options): Promise<Load> {
  const result = await autocannon({ connections: 10, duration: 5, ...options });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export interface ChildServer {
  url: string;
  dataDir: string;
  /** The server's process id (for its CPU time, /proc/<pid>/stat). */
  pid: number;
  /** Bytes it wrote to stdout (its log lines), when started with `logs: 'file'`. */
  stdoutBytes(): number;
  stop(): Promise<void>;
}

/**
 * Starts `thmnayah start` in a child process and waits until it is ready. Its log lines go to /dev/null,
 * or with `logs: 'file'` to a file (removed on stop), as a container runtime keeps them.
 */
export async function startThmnayah(env: Record<string, string>, args: string[] = [], options: { logs?: 'ignore' | 'file'; nodeArgs?: string[]; bin?: string; /** Another Node binary (a version the image runs). */ node?: string } = {}): Promise<ChildServer> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'thmnayah-bench-'));
  const port = await freePort();
  // A log file, as a container runtime keeps one (a pipe would fill while the bench waits for wrk).
  const logFile = options.logs === 'file' ? join(mkdtempSync(join(tmpdir(), 'thmnayah-bench-log-')), 'stdout.log') : undefined;
  const logFd = logFile ? openSync(logFile, 'w') : undefined;
  const child = spawn(options.node ?? process.execPath, [...(options.nodeArgs ?? []), options.bin ?? BIN, 'start', '--no-seed', ...args], {
    // DEV_ISSUER: benchmarks on PostgreSQL are not embedded defaults, and still sign in with `thmnayah token`.
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DEV_ISSUER: 'true', ...env },
    stdio: ['ignore', logFd ?? 'ignore', 'inherit'],
  });
  if (logFd !== undefined) closeSync(logFd);
  const stdoutBytes = () => (logFile ? statSync(logFile).size : 0);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('thmnayah did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
  }
  // A data directory the caller gave is the caller's to remove.
  const owned = env.DATA_DIR === undefined;
  return {
    url, dataDir, pid: child.pid!, stdoutBytes,
    stop: () => stopChild(child, () => {
      if (owned) rmSync(dataDir, { recursive: true, force: true });
      if (logFile) rmSync(dirname(logFile), { recursive: true, force: true });
    }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function stopChild(child: ChildProcess, after: () => void): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      after();
      return resolve();
    }
    child.once('exit', () => {
      after();
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A bare node:http server answering a small JSON body: the ceiling any framework can reach here. */
export async function startBareServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['-e', `
    const http = require('node:http');
    const body = JSON.stringify({ items: [{ id: 1, title: 'bare' }], nextCursor: null });
    const server = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); });
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));
  `], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d).trim())));
  return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child, () => {}) };
}

export function table(rows: Record<string, string | number>[]) {
  const columns = Object.keys(rows[0] ?? {});
  const width = (c: string) => Math.max(c.length, ...rows.map((r) => String(r[c]).length));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(width(columns[i]!))).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${columns.map((c) => '-'.repeat(width(c) + 2)).join('|')}|`);
  for (const row of rows) console.log(line(columns.map((c) => String(row[c]))));
}

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh PostgreSQL database for one benchmark, dropped afterwards whatever happens. */
export async function withScratchDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `thmnayah_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * CPU seconds so far of this process and of its waited-for children (FFmpeg), Linux: after the command
 * name in /proc/self/stat, cutime and cstime are fields 16 and 17 (1-based), in clock ticks.
 */
export async function cpuSeconds(): Promise<number> {
  const stat = await readFile('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]);
  const self = process.cpuUsage();
  return ticks / 100 + (self.user + self.system) / 1e6;
}

/** CPU seconds (user + system) another process has used so far, Linux: fields 14 and 15 of /proc/<pid>/stat. */
export async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export interface WrkResult {
  rps: number;
  requests: number;
  p50: number;
  p99: number;
  /** Non-2xx/3xx answers and socket errors. */
  errors: number;
}

function ms(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!match) return NaN;
  const n = Number(match[1]);
  return match[2] === 'us' ? n / 1000 : match[2] === 's' ? n * 1000 : n;
}

export function wrkAvailable(): boolean {
  return !spawnSync('wrk', ['--version']).error;
}

/** One wrk run (C, one thread: the server, not the client, is what saturates the machine). */
export function wrk(url: string, options: { connections?: number; duration?: number; headers?: Record<string, string>; script?: string } = {}): WrkResult {
  const args = ['-t1', `-c${options.connections ?? 32}`, `-d${options.duration ?? 10}s`, '--latency'];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}: ${value}`);
  if (options.script) args.push('-s', options.script);
  const out = execFileSync('wrk', [...args, url], { encoding: 'utf8' });
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    requests: Number(/(\d+) requests in/.exec(out)?.[1]),
    p50: ms(/\s50%\s+(\S+)/.exec(out)?.[1] ?? ''),
    p99: ms(/\s99%\s+(\S+)/.exec(out)?.[1] ?? ''),
    errors: non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
  };
}

/**
 * A data directory holding the demo catalogue, built into the read model (PGlite): seeded once by a
 * server with the roles that build it, so Discovery-only servers can then serve it. Returns a program slug.
 */
export async function seededDemoCatalogue(dataDir: string): Promise<string> {
  const builder = await startThmnayah({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'error' }, ['--roles', 'cms,discovery,relay,worker']);
  try {
    const seed = spawnSync(process.execPath, [BIN, 'seed'], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error' }, stdio: 'ignore' });
    if (seed.status !== 0) throw new Error('seeding failed');
    for (let i = 0; i < 300; i++) {
      const home = (await (await fetch(`${builder.url}/api/discovery/home`)).json()) as { categories: { programs: { slug: string }[] }[] };
      const slug = home.categories[0]?.programs[0]?.slug;
      if (slug) return slug;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the seeded catalogue never reached Discovery');
  } finally {
    await builder.stop();
  }
}
