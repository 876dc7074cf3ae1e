// Shared pieces of the benchmarks: child-process servers, a load generator (autocannon), and tables.
// Everything runs on loopback; every result is printed beside a baseline measured in the same run,
// because these machines are noisy and only ratios travel.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';

export const BIN = join(import.meta.dirname, '../apps/server/bin/thmnayah.mjs');

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
  stop(): Promise<void>;
}

/** Starts `thmnayah start` in a child process and waits until it is ready. */
export async function startThmnayah(env: Record<string, string>, args: string[] = []): Promise<ChildServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'start', '--no-seed', ...args], {
    // DEV_ISSUER: benchmarks on PostgreSQL are not embedded defaults, and still sign in with `thmnayah token`.
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DEV_ISSUER: 'true', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('thmnayah did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
  }
  return { url, dataDir, stop: () => stopChild(child, () => rmSync(dataDir, { recursive: true, force: true })) };
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
