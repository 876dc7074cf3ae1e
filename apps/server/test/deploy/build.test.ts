// The production build, run the way the container image runs it: a release directory with the bundle,
// migrations and seed data but no sources, node_modules from `npm ci --omit=dev` (so a runtime import
// of a dev dependency fails here, not in production), started through bin/thmnayah.mjs on a fresh
// DATA_DIR. It proves the bundle serves /readyz and /metrics, seeds the demo catalogue from the shipped
// fixtures, and stops cleanly on SIGTERM. (Docker itself cannot run here; Dockerfile.test.ts checks
// the Dockerfile statically.)
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNTIME_SOURCES, SERVER_ROOT, buildRelease, packageName } from '../../scripts/build.js';

const run = promisify(execFile);
const REPO_ROOT = join(SERVER_ROOT, '../..');

describe('production build', () => {
  const work = mkdtempSync(join(tmpdir(), 'thmnayah-release-'));
  const app = join(work, 'app'); // the image's WORKDIR
  const release = join(app, 'apps/server');
  const dataDir = join(work, 'data');
  let externals: string[] = [];

  beforeAll(async () => {
    ({ externals } = await buildRelease(release));
    // What the Dockerfile's prod-deps stage does: the workspace manifests and the lockfile, then a
    // production install of the server's dependencies only.
    cpSync(join(REPO_ROOT, 'package.json'), join(app, 'package.json'));
    cpSync(join(REPO_ROOT, 'package-lock.json'), join(app, 'package-lock.json'));
    mkdirSync(join(app, 'packages/contracts'), { recursive: true });
    cpSync(join(REPO_ROOT, 'packages/contracts/package.json'), join(app, 'packages/contracts/package.json'));
    // The web app: its manifest for the install, and its build (made by the test setup) beside the server.
    mkdirSync(join(app, 'apps/web'), { recursive: true });
    cpSync(join(REPO_ROOT, 'apps/web/package.json'), join(app, 'apps/web/package.json'));
    cpSync(join(REPO_ROOT, 'apps/web/build'), join(app, 'apps/web/build'), { recursive: true });
    await run('npm', ['ci', '--omit=dev', '--workspace', '@thmnayah/server', '--workspace', '@thmnayah/web', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: app,
      timeout: 120_000,
    });
  }, 150_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('bundles the sources into dist/main.js with a source map, and ships no sources', () => {
    expect(existsSync(join(release, 'src'))).toBe(false);
    for (const file of RUNTIME_SOURCES) expect(existsSync(join(release, file))).toBe(true);
    const map = JSON.parse(readFileSync(join(release, 'dist/main.js.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.some((s) => s.endsWith('src/main.ts'))).toBe(true);
    expect(readFileSync(join(release, 'dist/main.js'), 'utf8')).toContain('//# sourceMappingURL=main.js.map');
    // npm packages stay external, and each is a runtime dependency of the server.
    const dependencies = Object.keys(JSON.parse(readFileSync(join(SERVER_ROOT, 'package.json'), 'utf8')).dependencies);
    expect(externals).toContain('fastify');
    for (const name of externals) expect(dependencies).toContain(name);
    // The workspace package exports TypeScript, so it must be inside the bundle, not imported.
    expect(externals.filter((name) => name.startsWith('@thmnayah/'))).toEqual([]);
    // No dev tool was installed beside it.
    expect(existsSync(join(app, 'node_modules/vitest'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/typescript'))).toBe(false);
  });

  it('refuses to build when the sources import a package that is not a runtime dependency', async () => {
    const copy = join(work, 'bad-root');
    mkdirSync(join(copy, 'src'), { recursive: true });
    cpSync(join(SERVER_ROOT, 'package.json'), join(copy, 'package.json'));
    // vitest is a root dev dependency: installed in a checkout, absent from the image.
    await import('node:fs/promises').then((fs) => fs.writeFile(join(copy, 'src/main.ts'), "import { describe } from 'vitest';\nconsole.log(describe);\n"));
    const { buildServer } = await import('../../scripts/build.js');
    await expect(buildServer({ outDir: join(copy, 'dist'), root: copy })).rejects.toThrow(/"vitest" is imported by src\/main\.ts but is not in the dependencies/);
    // The output directory is cleared first, so it may never be the package itself.
    await expect(buildRelease(SERVER_ROOT)).rejects.toThrow(/refusing to clear/);
    expect(packageName('@aws-sdk/client-s3/dist-es/index.js')).toBe('@aws-sdk/client-s3');
    expect(packageName('pino/file')).toBe('pino');
  });

  it('answers --help from dist/main.js and through bin/thmnayah.mjs (which runs dist/ when src/ is absent)', async () => {
    const direct = await run(process.execPath, [join(release, 'dist/main.js'), '--help'], { cwd: work });
    expect(direct.stdout).toContain('thmnayah start [--roles');
    const bin = await run(process.execPath, [join(release, 'bin/thmnayah.mjs'), '--help'], { cwd: work });
    expect(bin.stdout).toBe(direct.stdout);
  });

  describe('started like the image starts it', () => {
    let server: ChildProcess;
    let exit: Promise<number | null>;
    let url = '';
    const lines: { msg?: string; level?: number }[] = [];
    const waitFor = async (what: string, test: () => boolean, ms: number) => {
      const deadline = Date.now() + ms;
      while (!test()) {
        if (Date.now() > deadline || server.exitCode !== null) throw new Error(`${what} did not happen: ${JSON.stringify(lines.slice(-5))}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };

    beforeAll(async () => {
      // The image's environment (HOST, DATA_DIR, NODE_OPTIONS) with a port of 0 and loopback only; without
      // --experimental-async-context-frame, which the host's Node 20 does not know.
      const env = { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'production', NODE_OPTIONS: '--enable-source-maps', SHUTDOWN_GRACE_MS: '20000' };
      server = spawn(process.execPath, [join(release, 'bin/thmnayah.mjs'), 'start', '--roles', 'cms,discovery,relay,worker,cron,web'], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
      exit = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
      let buffered = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const parts = buffered.split('\n');
        buffered = parts.pop()!;
        for (const line of parts) {
          try {
            lines.push(JSON.parse(line) as { msg?: string; level?: number });
          } catch {
            lines.push({ msg: line });
          }
        }
      });
      server.stderr!.on('data', (chunk: Buffer) => lines.push({ msg: `stderr: ${chunk.toString('utf8')}`, level: 50 }));
      await waitFor('listening', () => lines.some((l) => l.msg?.startsWith('Thmnayah ')), 40_000);
      url = JSON.parse(readFileSync(join(dataDir, 'server.json'), 'utf8')).url as string;
    }, 60_000);
    afterAll(() => {
      if (server.exitCode === null) server.kill('SIGKILL');
    });

    it('is live and ready, and serves Prometheus metrics with route labels', async () => {
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', roles: ['cms', 'discovery', 'relay', 'worker', 'cron', 'web'], checks: { database: 'ok' } });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/http_requests_total\{[^}]*route="\/readyz"[^}]*\} 1/);
      expect(metrics).toContain('http_request_duration_seconds_bucket');
    });

    it('seeds the demo catalogue from the shipped fixtures (migrations and Tatoeba sentences found from dist/)', async () => {
      await waitFor('the demo seed', () => lines.some((l) => l.msg === 'demo catalogue seeded' || l.msg === 'seeding failed'), 120_000);
      expect(lines.find((l) => l.msg === 'seeding failed')).toBeUndefined();
      expect(lines.filter((l) => (l.level ?? 0) >= 50)).toEqual([]);
    }, 125_000);

    it('serves the listeners\' site from the web build with production dependencies only', async () => {
      const page = await fetch(`${url}/ar`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toMatch(/<html lang="ar" dir="rtl">/);
      const script = /<link rel="modulepreload" href="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
      const asset = await fetch(`${url}${script}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      // Read to the end: an unread body keeps the response in flight, and SIGTERM would wait for it.
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    });

    it('stops cleanly on SIGTERM', async () => {
      server.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(lines.some((l) => l.msg === 'stopped cleanly')).toBe(true);
    });
  });
});
