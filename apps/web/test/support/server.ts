// A real Thmnayah server for browser tests: `thmnayah start` as a child process on a free loopback
// port, embedded defaults in a temporary DATA_DIR (PGlite, the development issuer, local media, the demo
// catalogue seeded at start), every role including `web`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devIssuerKeyPath, openDevIssuer } from '../../../server/src/platform/auth/dev-issuer.js';
import { unpackPgliteTemplate } from '../../../server/test/support/databases.js';
import { bundleEnv } from '../../../server/test/support/server-bundle.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = join(repoRoot, 'apps/server/bin/thmnayah.mjs');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface RunningServer {
  url: string;
  dataDir: string;
  token(role: 'admin' | 'editor' | 'viewer'): string;
  api(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: BodyInit }): Promise<{ status: number; body: Json; headers: Headers }>;
  logs(): string;
  /** Resolves once the demo catalogue seeded at start is complete (its log line); rejects if seeding failed. */
  seeded(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
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

/**
 * A new DATA_DIR whose PGlite database is this run's migrated template (built by the server tests'
 * global setup): a server started on it skips PGlite's initdb and the migrations, about 6 s of CPU per
 * start, which on two cores shared with Chromium is much of a browser file's start-up.
 */
export function migratedDataDir(prefix = 'thmnayah-web-test-'): string {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  unpackPgliteTemplate(dataDir);
  return dataDir;
}

export async function startServer(options: { roles?: string; env?: Record<string, string>; seed?: boolean; dataDir?: string; readyTimeoutMs?: number } = {}): Promise<RunningServer> {
  const port = await freePort();
  // A data directory the test prepared (migrated, with rows it needs), or a new migrated one.
  const dataDir = options.dataDir ?? migratedDataDir();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    ...bundleEnv(), // the run's server bundle, not tsx (server-bundle.ts)
    // Info keeps the server's own milestones (listening, the demo seed done: seeded() reads it); request
    // lines only for answers of 400 and up.
    PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'info', REQUEST_LOG: 'errors',
    RATE_LIMIT_PER_MINUTE: '1000000', EVENT_POLL_MS: '50', MEDIA_POLL_MS: '100', SCHEDULER_INTERVAL_MS: '200',
    ...options.env,
  };
  const args = [cli, 'start', ...(options.roles ? ['--roles', options.roles] : []), ...(options.seed === false ? ['--no-seed'] : [])];
  const child: ChildProcess = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready in ${readyTimeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // Tokens as `thmnayah token --role <role> --sub web-test-<role>` prints them (the same issuer, key
  // file and claims; that command is tested in apps/server/test/cli), signed here: a CLI process per
  // token cost seconds of CPU and blocked this worker. Signed now because token() is synchronous; with
  // an OIDC issuer configured there is no development key, and token() fails as the command would.
  const tokens = new Map<string, string>();
  if (existsSync(devIssuerKeyPath(dataDir))) {
    const issuer = await openDevIssuer(dataDir);
    const ttlSeconds = Number(options.env?.DEV_TOKEN_TTL_SECONDS ?? process.env.DEV_TOKEN_TTL_SECONDS ?? 12 * 3600);
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      const sub = `web-test-${role}`;
      tokens.set(role, await issuer.sign({ sub, name: sub, roles: [role], ttlSeconds }));
    }
  }
  const token = (role: 'admin' | 'editor' | 'viewer') => {
    const value = tokens.get(role);
    if (!value) throw new Error(`no development issuer key in ${dataDir}: the server signs in through another issuer`);
    return value;
  };
  return {
    url,
    dataDir,
    token,
    async api(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: BodyInit | undefined = options.raw;
      if (options.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(options.body);
      }
      const response = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await response.text();
      let parsed: Json = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // HTML or empty
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
    logs: () => output,
    async seeded(timeoutMs = 180_000) {
      // Tests that edit or revalidate seeded items wait for the whole seed: it keeps writing (programs,
      // people, episodes, publication) for a while after the first categories appear.
      await waitUntil('the demo seed to finish', async () => {
        if (output.includes('seeding failed')) throw new Error(`the demo seed failed:\n${output}`);
        return output.includes('demo catalogue seeded');
      }, timeoutMs);
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until `check` returns a value (not undefined/false), polling. */
export async function waitUntil<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
