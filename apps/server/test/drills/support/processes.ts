// Helpers for the failure drills: the real servers the manifests run (PostgreSQL, Redis, NATS) started
// as child processes on free loopback ports in temporary directories, never the machine's own services.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, chownSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { requireServices } from '../../support/services.js';

export const run = promisify(execFile);

/** A port nothing listens on right now (the kernel's choice for port 0 on 127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The first of `candidates` that is an executable file, or undefined. */
export function findBinary(candidates: string[]): string | undefined {
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  return undefined;
}

/** Whether a drill can run: its binaries exist; CI (THMNAYAH_REQUIRE_SERVICES=1) fails instead of skipping. */
export function drillAvailable(what: string, binaries: (string | undefined)[]): boolean {
  const ok = binaries.every((b) => b !== undefined);
  if (!ok && requireServices) throw new Error(`${what} is required (THMNAYAH_REQUIRE_SERVICES=1) for the failure drill but was not found`);
  return ok;
}

/** A user to run a server as: PostgreSQL refuses to run as root, so as root the drills use `postgres`. */
export async function serviceUser(name: string): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
  return { uid: Number(uid), gid: Number(gid) };
}

/** A temporary directory the given user owns. */
export function tempDir(prefix: string, user?: { uid: number; gid: number }): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (user) chownSync(dir, user.uid, user.gid);
  return dir;
}

export interface Child {
  process: ChildProcess;
  /** Everything it printed, for the failure message. */
  output(): string;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startChild(command: string, args: string[], options: { user?: { uid: number; gid: number }; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Child {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: options.cwd, env: options.env ?? process.env, ...(options.user ?? {}) });
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Polls `check` until it is true; the error says what was awaited. */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 15_000, everyMs = 20): Promise<number> {
  const started = performance.now();
  let last = '';
  for (;;) {
    try {
      if (await check()) return performance.now() - started;
    } catch (error) {
      last = ` (last: ${(error as Error).message})`; // not yet
    }
    if (performance.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
