// `thmnayah import` as a user runs it: directly on the database (PGlite files, or PostgreSQL), and
// through a running embedded server that holds the data directory (the CLI posts the task to its admin
// API and shows the streamed progress). URLs are served by a loopback feed server that the CLI may reach
// because INGEST_ALLOWED_NETWORKS=127.0.0.1/32 says so.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openTestPostgres, unpackPgliteTemplate, type TestPostgres } from '../support/databases.js';
import { bundleEnv } from '../support/server-bundle.js';
import { feedsDir } from './support.js';
import { rssFeed } from './feed-builder.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

const BIN = join(import.meta.dirname, '../../bin/thmnayah.mjs');
const run = promisify(execFile);
const fixture = (name: string) => join(feedsDir, name);

describe('thmnayah import', () => {
  let server: FeedServer;
  const dirs: string[] = [];
  // Each DATA_DIR starts with the run's migrated PGlite template (what a first start would have made).
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'thmnayah-import-cli-'));
    unpackPgliteTemplate(dir);
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    server = await startFeedServer();
    server.route('/show.xml', { body: rssFeed({ title: 'CLI Show', podcastGuid: 'c11c11c1-0000-4000-8000-000000000001', items: [{ guid: 'cli-1', title: 'One', date: 'Mon, 01 Jan 2024 09:00:00 GMT' }] }), etag: true });
  });
  afterAll(async () => {
    await server?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  describe('directly on the database', () => {
    it('imports a file with a progress report and a summary, again without changes, and a URL with a subscription (PGlite)', async () => {
      const env = { ...process.env, ...bundleEnv(), DATA_DIR: dataDir(), LOG_LEVEL: 'warn', INGEST_ALLOWED_NETWORKS: '127.0.0.1/32' };
      const cli = (...args: string[]) => run(process.execPath, [BIN, ...args], { env, timeout: 120_000 });
      const first = await cli('import', fixture('en_npr-planet-money.xml'), '--publish');
      expect(first.stdout).toContain('Planet Money (planet-money, published): program new');
      expect(first.stdout).toContain('episodes: 355 in the feed — new 355, updated 0, unchanged 0, missing 0, failed 0');
      expect(first.stderr).toContain('import: 355/355 (100%)');
      const second = await cli('import', fixture('en_npr-planet-money.xml'));
      expect(second.stdout).toContain('program unchanged');
      expect(second.stdout).toContain('new 0, updated 0, unchanged 355, missing 0, failed 0');
      const url = await cli('import', `${server.url}/show.xml`);
      expect(url.stdout).toContain('CLI Show (cli-show, draft): program new');
      expect(url.stdout).toContain(`feed: ${server.url}/show.xml, subscribed`);
    }, 180_000);

    it('explains what it cannot import, and exits non-zero', async () => {
      const env = { ...process.env, ...bundleEnv(), DATA_DIR: dataDir(), LOG_LEVEL: 'warn' };
      const cli = (...args: string[]) => run(process.execPath, [BIN, ...args], { env, timeout: 60_000 });
      await expect(cli('import', fixture('malformed_bc-sample-bad.xml'))).rejects.toMatchObject({
        code: 1, stderr: expect.stringContaining('not well-formed XML at line 109, column 11: closing tag </channel> does not match the open element <rss>'),
      });
      await expect(cli('import', join(tmpdir(), 'no-such-feed.xml'))).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('no such file') });
      await expect(cli('import')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('import takes one feed') });
      await expect(cli('import', 'ftp://example.org/feed.xml')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('only http and https') });
      // Loopback is not allowed without INGEST_ALLOWED_NETWORKS: refused before any connection.
      await expect(cli('import', `${server.url}/show.xml`)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('refused to connect to 127.0.0.1: 127.0.0.1 is loopback') });
    }, 120_000);

    it('imports on PostgreSQL (DATABASE_URL)', async (context) => {
      if (!inject('postgresTemplate')) return context.skip();
      const postgres: TestPostgres = await openTestPostgres();
      try {
        const env = { ...process.env, ...bundleEnv(), DATA_DIR: dataDir(), LOG_LEVEL: 'warn', DATABASE_URL: postgres.url };
        const { stdout } = await run(process.execPath, [BIN, 'import', fixture('p20_podcastindex-example.xml'), '--publish'], { env, timeout: 60_000 });
        expect(stdout).toContain('episodes: 3 in the feed — new 3');
        const [row] = await postgres.db.query<{ count: number }>("select count(*)::int as count from episodes where status = 'published'");
        expect(row!.count).toBe(3);
      } finally {
        await postgres.close();
      }
    }, 120_000);
  });

  describe('through a running embedded server', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thmnayah-import-server-'));
    unpackPgliteTemplate(dir);
    const env = { ...process.env, ...bundleEnv(), DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'warn', INGEST_ALLOWED_NETWORKS: '127.0.0.1/32' };
    let child: ChildProcess;
    let url = '';
    const cli = (...args: string[]) => run(process.execPath, [BIN, ...args], { env, timeout: 120_000 });

    beforeAll(async () => {
      child = spawn(process.execPath, [BIN, 'start', '--no-seed', '--roles', 'cms,discovery'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (chunk) => (stderr += chunk));
      const deadline = Date.now() + 60_000;
      while (!url && Date.now() < deadline && child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        try {
          url = JSON.parse(readFileSync(join(dir, 'server.json'), 'utf8')).url;
        } catch {
          url = '';
        }
      }
      if (!url) throw new Error(`the server did not start: ${stderr}`);
    }, 90_000);
    afterAll(async () => {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    });

    it('sends a file bigger than the JSON body limit, shows progress, and the server writes it', async () => {
      const result = await cli('import', fixture('en_giantbomb-podcast.rss'));
      expect(result.stderr).toContain('running through the server');
      expect(result.stderr).toMatch(/import: \d+\/730 \(\d+%\)/);
      expect(result.stdout).toContain('episodes: 730 in the feed — new 730, updated 0, unchanged 0, missing 0, failed 0');
      const token = (await cli('token', '--role', 'viewer')).stdout.trim();
      const runs = await (await fetch(`${url}/api/cms/imports`, { headers: { authorization: `Bearer ${token}` } })).json() as { items: { trigger: string; source: string; status: string }[] };
      expect(runs.items[0]).toMatchObject({ trigger: 'cli', source: 'en_giantbomb-podcast.rss', status: 'succeeded' });
    }, 180_000);

    it('imports a URL through the server, and reports a bad file with the server\'s message', async () => {
      const result = await cli('import', `${server.url}/show.xml`, '--publish');
      expect(result.stdout).toContain('CLI Show (cli-show, published): program new');
      const bad = join(dir, 'bad.xml');
      writeFileSync(bad, '<rss><channel><title>x</title></rss>');
      await expect(cli('import', bad)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('import failed: not well-formed XML') });
    }, 120_000);
  });
});
