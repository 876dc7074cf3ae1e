// Subscriptions and the cron role's re-sync, against feeds served by a loopback HTTP server: a program
// imported from a URL is subscribed; a re-sync sends the validators and a 304 changes nothing; a changed
// feed is imported; a feed that moved (itunes:new-feed-url, 301/308) moves its subscription; failures are
// recorded and retried with exponential backoff.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { availableBackends, openTestDb } from '../support/databases.js';
import type { Db } from '../../src/platform/db/db.js';
import { runImport, type IngestDeps } from '../../src/ingest/import-service.js';
import { getSubscription, RETRY_BASE_SECONDS, RETRY_MAX_SECONDS, backoffSeconds } from '../../src/ingest/subscriptions.js';
import { syncDueFeeds } from '../../src/ingest/sync.js';
import { syncFeedsTask } from '../../src/ingest/import.task.js';
import { softDeleteEntity } from '../../src/content/entity.js';
import { programKind } from '../../src/content/programs.js';
import { loadConfig } from '../../src/config.js';
import { createPlatform } from '../../src/platform.js';
import { startBackground } from '../../src/app.js';
import { rssFeed, type TestFeed } from './feed-builder.js';
import { loopbackIngestDeps, startFeedServer, type FeedServer } from './feed-server.js';

const HOUR = 3600_000;
const show = (guid: string, count: number, extra: Partial<TestFeed> = {}): TestFeed => ({
  title: `Synced ${guid}`, podcastGuid: guid,
  items: Array.from({ length: count }, (_, i) => ({ guid: `${guid}/${i + 1}`, title: `Item ${i + 1}`, date: new Date(Date.UTC(2024, 2, 1 + i)).toUTCString() })),
  ...extra,
});

describe.each(availableBackends())('feed subscriptions on %s', (backend) => {
  let db: Db;
  let close: () => Promise<void>;
  let server: FeedServer;
  let clock: Date;
  let deps: IngestDeps;
  const totals = async () => (await db.query<{ revisions: number; events: number }>(
    'select (select count(*) from revisions)::int as revisions, (select count(*) from outbox)::int as events'))[0]!;

  beforeAll(async () => {
    ({ db, close } = await openTestDb(backend));
    server = await startFeedServer();
    // Loopback allowed explicitly, for these tests only.
    deps = loopbackIngestDeps(db, () => clock);
  });
  afterAll(async () => {
    await server?.close();
    await close?.();
  });
  beforeEach(async () => {
    clock = new Date('2030-01-01T00:00:00Z');
    // Each test looks at its own subscriptions only.
    await db.query('update ingest_subscriptions set active = false');
  });

  it('subscribes a program imported from a URL, and re-syncs with a conditional GET (304 changes nothing)', async () => {
    server.route('/etag.xml', { body: rssFeed(show('5e1f0000-0000-4000-8000-000000000001', 2)), etag: true });
    const first = await runImport(deps, { url: `${server.url}/etag.xml`, publish: true }, { actor: 'editor', trigger: 'api' });
    expect(first.feed).toEqual({ url: `${server.url}/etag.xml`, movedFrom: null, subscribed: true });
    const subscription = await getSubscription(db, first.program.id);
    expect(subscription).toMatchObject({ feedUrl: `${server.url}/etag.xml`, publish: true, active: true, etag: expect.stringMatching(/^"/), failures: 0, nextAttemptAt: new Date(clock.getTime() + HOUR).toISOString() });

    // Not due yet: nothing is fetched.
    const requestsBefore = server.requests.length;
    expect(await syncDueFeeds(deps)).toEqual([]);
    expect(server.requests.length).toBe(requestsBefore);

    clock = new Date(clock.getTime() + HOUR);
    const before = await totals();
    const [outcome] = await syncDueFeeds(deps);
    expect(outcome).toEqual({ programId: first.program.id, outcome: 'not-modified', movedTo: null });
    expect(server.requests.at(-1)).toMatchObject({ path: '/etag.xml', status: 304, headers: { 'if-none-match': subscription!.etag } });
    expect(await totals()).toEqual(before);
    expect(await getSubscription(db, first.program.id)).toMatchObject({ lastOutcome: 'not-modified', nextAttemptAt: new Date(clock.getTime() + HOUR).toISOString() });

    // The feed changes: the next sync imports the new item (published, as chosen at the first import).
    server.route('/etag.xml', { body: rssFeed(show('5e1f0000-0000-4000-8000-000000000001', 3)), etag: true });
    clock = new Date(clock.getTime() + HOUR);
    const [changed] = await syncDueFeeds(deps);
    expect(changed).toMatchObject({ outcome: 'imported', movedTo: null });
    const run = (await db.query<{ trigger: string; status: string; summary: { episodes: { new: number; unchanged: number } } }>(
      'select trigger, status, summary from ingest_runs where id = $1', [(changed as { runId: string }).runId]))[0]!;
    expect(run).toMatchObject({ trigger: 'cron', status: 'succeeded', summary: { episodes: { new: 1, unchanged: 2 } } });
    const [item] = await db.query<{ status: string; created_by: string }>('select status, created_by from episodes where external_id = $1', ['5e1f0000-0000-4000-8000-000000000001/3']);
    expect(item).toEqual({ status: 'published', created_by: 'system:feed-sync' });
  });

  it('sends If-Modified-Since when the feed gives only Last-Modified', async () => {
    const modified = new Date('2029-12-31T12:00:00Z');
    server.route('/dated.xml', { body: rssFeed(show('5e1f0000-0000-4000-8000-000000000002', 1)), lastModified: modified });
    const first = await runImport(deps, { url: `${server.url}/dated.xml` }, { actor: 'editor', trigger: 'api' });
    expect(await getSubscription(db, first.program.id)).toMatchObject({ etag: null, lastModified: modified.toUTCString(), publish: false });
    clock = new Date(clock.getTime() + HOUR);
    expect(await syncDueFeeds(deps)).toEqual([{ programId: first.program.id, outcome: 'not-modified', movedTo: null }]);
    expect(server.requests.at(-1)).toMatchObject({ status: 304, headers: { 'if-modified-since': modified.toUTCString() } });
  });

  it('backs off exponentially while a feed fails, keeps the error, and recovers', async () => {
    server.route('/flaky.xml', { body: rssFeed(show('5e1f0000-0000-4000-8000-000000000003', 1)), etag: true });
    const { program } = await runImport(deps, { url: `${server.url}/flaky.xml` }, { actor: 'editor', trigger: 'api' });
    server.route('/flaky.xml', { status: 503 });
    clock = new Date(clock.getTime() + HOUR);
    const waits: number[] = [];
    for (let failure = 1; failure <= 4; failure += 1) {
      const [outcome] = await syncDueFeeds(deps);
      expect(outcome).toMatchObject({ outcome: 'failed', error: { code: 'http-status', message: expect.stringContaining('answered 503') } });
      const subscription = (await getSubscription(db, program.id))!;
      expect(subscription).toMatchObject({ failures: failure, lastOutcome: 'failed', lastError: expect.stringContaining('http-status'), active: true });
      const wait = Date.parse(subscription.nextAttemptAt) - clock.getTime();
      waits.push(wait / 1000);
      // Not retried before its time...
      clock = new Date(clock.getTime() + wait - 1000);
      expect(await syncDueFeeds(deps)).toEqual([]);
      // ... and retried when it comes.
      clock = new Date(clock.getTime() + 1000);
    }
    expect(waits).toEqual([RETRY_BASE_SECONDS, 2 * RETRY_BASE_SECONDS, 4 * RETRY_BASE_SECONDS, 8 * RETRY_BASE_SECONDS]);
    expect(backoffSeconds(30)).toBe(RETRY_MAX_SECONDS);
    server.route('/flaky.xml', { body: rssFeed(show('5e1f0000-0000-4000-8000-000000000003', 1)), etag: true });
    expect(await syncDueFeeds(deps)).toMatchObject([{ outcome: 'not-modified' }]);
    expect(await getSubscription(db, program.id)).toMatchObject({ failures: 0, lastError: null, lastOutcome: 'not-modified' });
  });

  it('follows a feed that moved: itunes:new-feed-url and permanent redirects move the subscription, temporary ones do not', async () => {
    const guid = '5e1f0000-0000-4000-8000-000000000004';
    server.route('/old.xml', { body: rssFeed(show(guid, 2, { newFeedUrl: `${server.url}/new.xml` })), etag: true });
    server.route('/new.xml', { body: rssFeed(show(guid, 2)), etag: true });
    const first = await runImport(deps, { url: `${server.url}/old.xml` }, { actor: 'editor', trigger: 'api' });
    expect(first.feed).toEqual({ url: `${server.url}/new.xml`, movedFrom: `${server.url}/old.xml`, subscribed: true });
    expect(await getSubscription(db, first.program.id)).toMatchObject({ feedUrl: `${server.url}/new.xml`, previousUrls: [`${server.url}/old.xml`], etag: null });

    clock = new Date(clock.getTime() + HOUR);
    expect(await syncDueFeeds(deps)).toMatchObject([{ outcome: 'imported', movedTo: null }]);
    expect(server.requests.at(-1)).toMatchObject({ path: '/new.xml', status: 200 });

    // A temporary redirect: read through it, but the feed still lives where it was.
    server.route('/new.xml', { status: 307, location: '/elsewhere.xml' });
    server.route('/elsewhere.xml', { body: rssFeed(show(guid, 3)), etag: true });
    clock = new Date(clock.getTime() + HOUR);
    expect(await syncDueFeeds(deps)).toMatchObject([{ outcome: 'imported', movedTo: null }]);
    expect((await getSubscription(db, first.program.id))!.feedUrl).toBe(`${server.url}/new.xml`);

    // A permanent one moves the subscription, even when the answer at the end is a 304 (same content)...
    server.route('/new.xml', { status: 308, location: '/final.xml' });
    server.route('/final.xml', { body: rssFeed(show(guid, 3)), etag: true });
    clock = new Date(clock.getTime() + HOUR);
    expect(await syncDueFeeds(deps)).toMatchObject([{ outcome: 'not-modified', movedTo: `${server.url}/final.xml` }]);
    expect(await getSubscription(db, first.program.id)).toMatchObject({ feedUrl: `${server.url}/final.xml`, previousUrls: [`${server.url}/old.xml`, `${server.url}/new.xml`] });
    // ... and with new content, imported into the same program (no twin program).
    server.route('/final.xml', { status: 301, location: '/final2.xml' });
    server.route('/final2.xml', { body: rssFeed(show(guid, 4)), etag: true });
    clock = new Date(clock.getTime() + HOUR);
    expect(await syncDueFeeds(deps)).toMatchObject([{ outcome: 'imported', movedTo: `${server.url}/final2.xml` }]);
    expect(await getSubscription(db, first.program.id)).toMatchObject({
      feedUrl: `${server.url}/final2.xml`, previousUrls: [`${server.url}/old.xml`, `${server.url}/new.xml`, `${server.url}/final.xml`],
    });
    const [count] = await db.query<{ programs: number; episodes: number }>(
      `select (select count(*) from programs where external_id = $1)::int as programs,
              (select count(*) from episodes where program_id = $2)::int as episodes`, [guid, first.program.id]);
    expect(count).toEqual({ programs: 1, episodes: 4 });
    // Importing a former URL by hand finds the same program through the subscription.
    const again = await runImport(deps, { url: `${server.url}/final2.xml` }, { actor: 'editor', trigger: 'api' });
    expect(again.program.id).toBe(first.program.id);
  });

  it('stops syncing the feed of a program deleted in the CMS', async () => {
    server.route('/orphan.xml', { body: rssFeed(show('5e1f0000-0000-4000-8000-000000000005', 1)), etag: 'W/"changes-every-time"' });
    const { program } = await runImport(deps, { url: `${server.url}/orphan.xml` }, { actor: 'editor', trigger: 'api' });
    await softDeleteEntity(db, programKind, program.id, { actor: 'editor' }, undefined);
    server.route('/orphan.xml', { body: rssFeed(show('5e1f0000-0000-4000-8000-000000000005', 2)), etag: true });
    clock = new Date(clock.getTime() + HOUR);
    expect(await syncDueFeeds(deps)).toMatchObject([{ outcome: 'failed', error: { code: 'conflict', message: expect.stringContaining('was deleted in the CMS') } }]);
    expect(await getSubscription(db, program.id)).toMatchObject({ active: false, failures: 1 });
  });

  it('keeps the subscription of a live program whose feed answers 404 or 409, and stops one whose program is gone whatever the error', async () => {
    server.route('/gone.xml', { body: rssFeed(show('5e1f0000-0000-4000-8000-000000000008', 1)), etag: true });
    const { program } = await runImport(deps, { url: `${server.url}/gone.xml` }, { actor: 'editor', trigger: 'api' });
    for (const status of [404, 409]) {
      server.route('/gone.xml', { status });
      clock = new Date(Date.parse((await getSubscription(db, program.id))!.nextAttemptAt) + 1000);
      expect(await syncDueFeeds(deps)).toMatchObject([{ outcome: 'failed', error: { code: 'http-status' } }]);
      expect(await getSubscription(db, program.id)).toMatchObject({ active: true, lastError: expect.stringContaining(`answered ${status}`) });
    }
    // Deleted in the CMS while its feed fails for its own reasons: nothing more to sync into.
    await softDeleteEntity(db, programKind, program.id, { actor: 'editor' }, undefined);
    server.route('/gone.xml', { status: 503 });
    clock = new Date(Date.parse((await getSubscription(db, program.id))!.nextAttemptAt) + 1000);
    expect(await syncDueFeeds(deps)).toMatchObject([{ outcome: 'failed', error: { code: 'http-status' } }]);
    expect(await getSubscription(db, program.id)).toMatchObject({ active: false });
  });

  it('syncs due feeds as an administrative task too (feeds.sync), for a one-shot CronJob', async () => {
    server.route('/task.xml', { body: rssFeed(show('5e1f0000-0000-4000-8000-000000000007', 1)), etag: true });
    const { program } = await runImport(deps, { url: `${server.url}/task.xml` }, { actor: 'editor', trigger: 'api' });
    await db.query('update ingest_subscriptions set next_attempt_at = now() - interval \'1 minute\' where program_id = $1', [program.id]);
    const dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-cron-'));
    const platform = await createPlatform(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', INGEST_ALLOWED_NETWORKS: '127.0.0.1/32' }), { db, migrate: false, defaultMetrics: false });
    try {
      const result = await syncFeedsTask.run({ platform, actor: 'admin', progress: () => {} }, {});
      expect(result).toEqual({ synced: 1, outcomes: [{ programId: program.id, outcome: 'not-modified', movedTo: null }] });
    } finally {
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('runs in the cron role: startBackground syncs due feeds on its schedule', async () => {
    server.route('/cron.xml', { body: rssFeed(show('5e1f0000-0000-4000-8000-000000000006', 1)), etag: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-cron-'));
    const platform = await createPlatform(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', INGEST_SYNC_CHECK_MS: '50', INGEST_ALLOWED_NETWORKS: '127.0.0.1/32' }), { db, migrate: false, defaultMetrics: false });
    const { program } = await runImport({ ...deps, now: () => new Date() }, { url: `${server.url}/cron.xml` }, { actor: 'editor', trigger: 'api' });
    await db.query('update ingest_subscriptions set next_attempt_at = now() - interval \'1 minute\' where program_id = $1', [program.id]);
    const errors: unknown[] = [];
    const stop = startBackground(platform, ['cron'], { error: (obj) => errors.push(obj), warn: () => {} });
    try {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (await getSubscription(db, program.id))!.lastOutcome !== 'not-modified') await new Promise((r) => setTimeout(r, 50));
    } finally {
      await stop();
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(errors).toEqual([]);
    expect(await getSubscription(db, program.id)).toMatchObject({ lastOutcome: 'not-modified', failures: 0 });
    expect(server.requests.at(-1)).toMatchObject({ path: '/cron.xml', status: 304 });
  });
});
