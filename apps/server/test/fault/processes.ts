// Real processes for the fault-injection tests, each on a free loopback port in its own temporary
// directory: the server (`thmnayah start`), and our OWN nats-server, PostgreSQL cluster and redis-server,
// which the tests stop, kill and restart. The system services on 4222, 5432 and 6379 are never touched.
// A binary that is missing skips its tests, unless THMNAYAH_REQUIRE_SERVICES=1 (CI) makes that a failure.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, chownSync, constants, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Socket, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { serverRoot } from '../../src/paths.js';
import { bundleEnv } from '../support/server-bundle.js';
import { requireServices } from '../support/services.js';

const cli = join(serverRoot, 'bin', 'thmnayah.mjs');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** The first executable of `candidates`, or undefined (and a thrown error when CI requires it). */
export function findBinary(name: string, candidates: string[]): string | undefined {
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // next
    }
  }
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  if (requireServices) throw new Error(`${name} is required for the fault tests (THMNAYAH_REQUIRE_SERVICES=1) but was not found`);
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitUntil<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Prints a test's tally on one line, so CI logs show what each fault cost. */
export function report(test: string, figures: Record<string, number | string>): void {
  console.log(`[fault] ${test}: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' ')}`);
}

// ---- the server ----

export interface ServerOptions {
  roles?: string;
  env?: Record<string, string>;
  /** Reused across restarts (the development issuer's keys, PGlite, local media). */
  dataDir?: string;
  port?: number;
}

/** `thmnayah start` as a child process. restart() starts it again on the same port and data directory. */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private output = '';
  private readonly tokens = new Map<string, string>();
  readonly url: string;

  private constructor(readonly port: number, readonly dataDir: string, private readonly options: ServerOptions, private readonly ownDataDir: boolean) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(options: ServerOptions = {}): Promise<ServerProcess> {
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'thmnayah-fault-'));
    const server = new ServerProcess(options.port ?? (await freePort()), dataDir, options, !options.dataDir);
    await server.launch();
    return server;
  }

  get env(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...bundleEnv(),
      PORT: String(this.port), HOST: '127.0.0.1', PUBLIC_URL: this.url, DATA_DIR: this.dataDir, LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000', EVENT_POLL_MS: '50', MEDIA_POLL_MS: '100', SCHEDULER_INTERVAL_MS: '500',
      ...(this.options.env?.DATABASE_URL ? { DEV_ISSUER: 'true' } : {}),
      ...this.options.env,
    };
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  private async launch(): Promise<void> {
    const args = [cli, 'start', '--no-seed', ...(this.options.roles ? ['--roles', this.options.roles] : [])];
    const child = spawn(process.execPath, args, { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    await waitUntil(`the server on ${this.url} to answer /healthz`, async () => {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${this.output.slice(-4000)}`);
      return fetch(`${this.url}/healthz`).then((r) => r.ok, () => false);
    }, 240_000, 100);
  }

  /** kill -9: no cleanup, no graceful anything. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGKILL');
    await exited(child);
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.launch();
  }

  logs(): string {
    return this.output;
  }

  token(role: 'admin' | 'editor' | 'viewer'): string {
    let value = this.tokens.get(role);
    if (!value) {
      const result = spawnSync(process.execPath, [cli, 'token', '--role', role, '--sub', `fault-${role}`], { env: this.env, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`thmnayah token failed: ${result.stderr}`);
      this.tokens.set(role, (value = result.stdout.trim().split('\n').pop()!));
    }
    return value;
  }

  async api(method: string, path: string, options: { role?: 'admin' | 'editor' | 'viewer'; body?: unknown; headers?: Record<string, string>; raw?: string | Buffer | FormData } = {}): Promise<{ status: number; body: Json; headers: Headers }> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.role) headers.authorization = `Bearer ${this.token(options.role)}`;
    let body: string | Buffer | FormData | undefined = options.raw;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${this.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let parsed: Json = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited(child), sleep(15_000)]);
      if (child.exitCode === null && child.signalCode === null) await this.kill();
    }
    if (this.ownDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

// ---- our own services ----

interface Service {
  url: string;
  stop(): Promise<void>;
}

/** A daemon we run in the foreground as a child: started, stopped (SIGTERM), started again on the same port. */
class Foreground {
  child: ChildProcess | undefined;
  output = '';
  constructor(private readonly command: string, private readonly args: string[], private readonly ready: () => Promise<boolean>) {}

  async start(): Promise<void> {
    const child = spawn(this.command, this.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout!.on('data', (c: Buffer) => (this.output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (this.output += c.toString()));
    await waitUntil(`${this.command} to start`, async () => {
      if (child.exitCode !== null) throw new Error(`${this.command} exited (${child.exitCode}):\n${this.output.slice(-2000)}`);
      return this.ready();
    }, 20_000, 50);
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await Promise.race([exited(child), sleep(10_000)]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
  }
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(500, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
  });
}

export const natsBinary = () => findBinary('nats-server', ['/usr/sbin/nats-server', '/usr/local/bin/nats-server', '/usr/bin/nats-server']);
export const redisBinary = () => findBinary('redis-server', ['/usr/bin/redis-server', '/usr/local/bin/redis-server']);
export function postgresBinDir(): string | undefined {
  for (const version of ['17', '16', '15', '14']) {
    const dir = `/usr/lib/postgresql/${version}/bin`;
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  if (requireServices) throw new Error('initdb and pg_ctl are required for the fault tests (THMNAYAH_REQUIRE_SERVICES=1) but were not found');
  return undefined;
}

export interface OwnNats extends Service {
  /** SIGTERM, then start again on the same port and storage directory (the stream survives on disk). */
  restart(downMs?: number): Promise<void>;
}

/** nats-server -js on a free port, its JetStream store in a temporary directory. */
export async function startNats(binary: string): Promise<OwnNats> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'thmnayah-nats-'));
  const daemon = new Foreground(binary, ['-js', '-sd', dir, '-a', '127.0.0.1', '-p', String(port)], () => tcpOpen(port));
  await daemon.start();
  return {
    url: `nats://127.0.0.1:${port}`,
    async restart(downMs = 1000) {
      await daemon.stop();
      await sleep(downMs);
      await daemon.start();
    },
    async stop() {
      await daemon.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface OwnRedis extends Service {
  pause(): Promise<void>;
  resume(): Promise<void>;
}

/** redis-server on a free port, no persistence. pause() stops the process; resume() starts a new one there. */
export async function startRedis(binary: string): Promise<OwnRedis> {
  const port = await freePort();
  const daemon = new Foreground(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], () => tcpOpen(port));
  await daemon.start();
  return {
    url: `redis://127.0.0.1:${port}`,
    pause: () => daemon.stop(),
    resume: () => daemon.start(),
    stop: () => daemon.stop(),
  };
}

export interface OwnPostgres extends Service {
  /** pg_ctl restart -m fast|immediate (immediate is a crash: recovery replays the WAL). */
  restart(mode: 'fast' | 'immediate'): Promise<void>;
}

/**
 * A PostgreSQL cluster of our own: initdb into a temporary directory (as the postgres user when we are
 * root, which initdb refuses), trust authentication, listening on a free loopback port.
 */
export async function startPostgres(binDir: string): Promise<OwnPostgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'thmnayah-pg-'));
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(ids.stdout.trim()), Number(gid.stdout.trim()));
    chmodSync(dir, 0o700);
  }
  // Asynchronous: a restart must not block this process, whose requests are the load.
  const run = (tool: string, args: string[]) => new Promise<void>((resolve, reject) => {
    const command = asRoot ? 'runuser' : join(binDir, tool);
    const full = asRoot ? ['-u', 'postgres', '--', join(binDir, tool), ...args] : args;
    execFile(command, full, { cwd: dir, encoding: 'utf8' }, (error, stdout, stderr) =>
      error ? reject(new Error(`${tool} ${args.join(' ')} failed: ${stderr}${stdout}`)) : resolve());
  });
  await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const ctl = (action: string, extra: string[] = []) => run('pg_ctl', [action, '-D', data, '-w', '-t', '30', '-l', join(dir, 'log'), '-o', options, ...extra]);
  await ctl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart(mode) {
      await ctl('restart', ['-m', mode]);
    },
    async stop() {
      try {
        await ctl('stop', ['-m', 'immediate']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
