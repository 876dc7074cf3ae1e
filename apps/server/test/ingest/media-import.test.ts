// Imports that bring their media (issue 16: moving a back catalogue off its old host). Real feeds from the
// shared set (fixtures/feeds, provenance in PROVENANCE.md) are served from loopback with their enclosure
// and artwork URLs pointed at files the same server serves (a tone made by FFmpeg, a PNG made by sharp).
// The import queues one fetch per file; the worker's pass fetches them through the safe fetcher into
// storage and records assets exactly as uploads (media.uploaded). Failures are retried or given up as they
// deserve, a file held by a dead worker is taken over, done files are never fetched twice, and a
// subscription with media queues new items' files in the import's own transaction. The last test runs the
// whole way on a server: import with media → worker fetches → FFmpeg → the episode plays from our storage.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, openTestDb } from '../support/databases.js';
import type { Db } from '../../src/platform/db/db.js';
import type { Storage } from '../../src/platform/storage/storage.js';
import { openStorage } from '../../src/platform/storage/open.js';
import { loadConfig } from '../../src/config.js';
import { runImport, type IngestDeps } from '../../src/ingest/import-service.js';
import { IMPORT_ACTOR, fetchDueMedia, mediaImportStatus, type MediaImportDeps } from '../../src/ingest/media-import.js';
import { getSubscription } from '../../src/ingest/subscriptions.js';
import { syncDueFeeds } from '../../src/ingest/sync.js';
import { softDeleteEntity } from '../../src/content/entity.js';
import { episodeKind } from '../../src/content/episodes.js';
import { newProcessId } from '../../src/platform/process-id.js';
import { ffmpeg, lavfi } from '../media/media-fixtures.js';
import { call, createMediaApp, waitForAsset, type MediaApp } from '../media/media-app.js';
import { loopbackFetcher, loopbackIngestDeps, startFeedServer, type FeedServer } from './feed-server.js';
import { rssFeed } from './feed-builder.js';

const FEEDS = join(import.meta.dirname, '../../fixtures/feeds');

/** A shared feed with every enclosure pointing at /media/<n>.mp3 and every image at /art.png on `base`. */
function servedFeed(file: string, base: string): { xml: string; enclosures: number } {
  let n = 0;
  const xml = readFileSync(join(FEEDS, file), 'utf8')
    .replace(/(<enclosure\b[^>]*\burl=")[^"]+(")/g, (_m, a: string, b: string) => `${a}${base}/media/${++n}.mp3${b}`)
    .replace(/(<itunes:image\b[^>]*\bhref=")[^"]+(")/g, (_m, a: string, b: string) => `${a}${base}/art.png${b}`);
  return { xml, enclosures: n };
}

let mp3: Buffer;
let png: Buffer;
let scratch: string;
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'thmnayah-media-import-'));
  await ffmpeg([...lavfi('sine=frequency=440:sample_rate=44100:duration=4'), '-c:a', 'libmp3lame', '-b:a', '64k', join(scratch, 'tone.mp3')]);
  mp3 = await readFile(join(scratch, 'tone.mp3'));
  png = await sharp({ create: { width: 1400, height: 1400, channels: 3, background: { r: 20, g: 90, b: 60 } } }).png().toBuffer();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(availableBackends())('imports with media on %s', (backend) => {
  let db: Db;
  let close: () => Promise<void>;
  let server: FeedServer;
  let storage: Storage;
  let deps: IngestDeps;
  let media: MediaImportDeps;
  let dataDir: string;
  const mediaRequests = () => server.requests.filter((r) => r.path.startsWith('/media/') || r.path === '/art.png').length;
  const assetsOf = (programId: string) => db.query<{ id: string; kind: string; status: string; original_key: string; original_bytes: number; created_by: string; episode_id: string | null }>(
    `select a.id, a.kind, a.status, a.original_key, a.original_bytes::int, a.created_by, a.episode_id from media_assets a
      where a.program_id = $1 or a.episode_id in (select id from episodes where program_id = $1) order by a.created_at`, [programId]);

  beforeAll(async () => {
    ({ db, close } = await openTestDb(backend));
    server = await startFeedServer();
    dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-media-import-store-'));
    storage = await openStorage(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    deps = loopbackIngestDeps(db);
    media = { db, storage, fetcher: loopbackFetcher(), maxBytes: 5 * 1024 * 1024, timeoutMs: 30_000, runner: newProcessId() };
    for (let i = 1; i <= 20; i++) server.route(`/media/${i}.mp3`, { body: mp3, contentType: 'audio/mpeg' });
    server.route('/art.png', { body: png, contentType: 'image/png' });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.close();
    await close?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("fetches a shared feed's enclosures and artwork into storage as uploads, and never fetches a done file again", async () => {
    const { xml, enclosures } = servedFeed('en_bc-sample.xml', server.url);
    server.route('/bc.xml', { body: xml, etag: true });
    const summary = await runImport(deps, { url: `${server.url}/bc.xml`, withMedia: true }, { actor: 'editor', trigger: 'api' });
    expect(enclosures).toBe(4);
    // One file per episode (its enclosure, not its image) and the program's artwork.
    expect(summary.mediaQueued).toBe(enclosures + 1);
    expect(await getSubscription(db, summary.program.id)).toMatchObject({ withMedia: true });

    const outcomes = await fetchDueMedia(media);
    expect(outcomes.map((o) => o.outcome)).toEqual(Array(enclosures + 1).fill('done'));
    const assets = await assetsOf(summary.program.id);
    expect(assets.filter((a) => a.kind === 'audio')).toHaveLength(enclosures);
    expect(assets.filter((a) => a.kind === 'image' && a.episode_id === null)).toHaveLength(1);
    for (const asset of assets) {
      // Exactly what an upload records: status uploaded, the original's bytes as served, a media.uploaded event.
      expect(asset).toMatchObject({ status: 'uploaded', created_by: IMPORT_ACTOR, original_bytes: asset.kind === 'audio' ? mp3.length : png.length });
      const stored = await storage.get(asset.original_key);
      const chunks: Buffer[] = [];
      for await (const chunk of stored.body) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(asset.kind === 'audio' ? mp3 : png)).toBe(true);
      const [event] = await db.query<{ payload: Record<string, unknown> }>("select payload from outbox where type = 'media.uploaded' and entity_id = $1", [asset.id]);
      expect(event?.payload).toMatchObject({ id: asset.id, kind: asset.kind, reason: 'upload' });
    }
    expect(await mediaImportStatus(db, summary.program.id)).toMatchObject({ queued: 0, done: enclosures + 1, failed: 0, bytes: enclosures * mp3.length + png.length });

    // Importing again, with media again: nothing is queued or fetched twice.
    const before = mediaRequests();
    const again = await runImport(deps, { url: `${server.url}/bc.xml`, withMedia: true }, { actor: 'editor', trigger: 'api' });
    expect(again.mediaQueued).toBe(0);
    expect(await fetchDueMedia(media)).toEqual([]);
    expect(mediaRequests()).toBe(before);
    expect(await assetsOf(summary.program.id)).toHaveLength(enclosures + 1);
  });

  it('retries a failing host, gives up at once on a file that is not media or too large, skips a deleted episode, takes over a dead worker\'s file', async () => {
    const base = `${server.url}/broken`;
    const feed = rssFeed({
      title: 'Broken media', podcastGuid: '5e1f0000-0000-4000-8000-0000000000b1',
      items: [
        { guid: 'b/1', title: 'Flaky host', enclosure: { url: `${base}/flaky.mp3`, type: 'audio/mpeg' } },
        { guid: 'b/2', title: 'Not audio', enclosure: { url: `${base}/page.mp3`, type: 'audio/mpeg' } },
        { guid: 'b/3', title: 'Too large', enclosure: { url: `${base}/large.mp3`, type: 'audio/mpeg' } },
        { guid: 'b/4', title: 'Deleted meanwhile', enclosure: { url: `${base}/deleted.mp3`, type: 'audio/mpeg' } },
        { guid: 'b/5', title: 'Held by a dead worker', enclosure: { url: `${base}/orphan.mp3`, type: 'audio/mpeg' } },
      ],
    });
    server.route('/broken.xml', { body: feed, etag: true });
    server.route('/broken/flaky.mp3', { status: 503 });
    server.route('/broken/page.mp3', { body: '<!doctype html><html><body>Moved to a new host</body></html>', contentType: 'text/html' });
    server.route('/broken/large.mp3', { body: Buffer.concat(Array(40).fill(mp3)), contentType: 'audio/mpeg' });
    server.route('/broken/deleted.mp3', { body: mp3, contentType: 'audio/mpeg' });
    server.route('/broken/orphan.mp3', { body: mp3, contentType: 'audio/mpeg' });
    const summary = await runImport(deps, { url: `${server.url}/broken.xml`, withMedia: true }, { actor: 'editor', trigger: 'api' });
    expect(summary.mediaQueued).toBe(5);
    const episodes = await db.query<{ id: string; title: string }>('select id, title from episodes where program_id = $1', [summary.program.id]);
    const episode = (title: string) => episodes.find((e) => e.title === title)!.id;
    await softDeleteEntity(db, episodeKind, episode('Deleted meanwhile'), { actor: 'editor' }, undefined);
    // A worker on another host took this file and died: its lease ran out.
    await db.query(`update ingest_media_fetches set status = 'fetching', runner = 'gone-host:4242:abcdef', attempts = 1, lease_until = now() - interval '1 second'
                     where owner_id = $1`, [episode('Held by a dead worker')]);

    const outcomes = await fetchDueMedia({ ...media, maxBytes: mp3.length * 10 });
    const byOwner = async (title: string) => (await db.query<{ status: string; attempts: number; error: string | null; next_attempt_at: Date; asset_id: string | null }>(
      'select status, attempts, error, next_attempt_at, asset_id from ingest_media_fetches where owner_id = $1', [episode(title)]))[0]!;
    expect(outcomes).toHaveLength(5);
    expect(await byOwner('Flaky host')).toMatchObject({ status: 'queued', attempts: 1, error: expect.stringContaining('answered 503') });
    expect((await byOwner('Flaky host')).next_attempt_at.getTime()).toBeGreaterThan(Date.now());
    expect(await byOwner('Not audio')).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringContaining('unsupported-file') });
    expect(await byOwner('Too large')).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringContaining('response-too-large') });
    expect(await byOwner('Deleted meanwhile')).toMatchObject({ status: 'skipped', asset_id: null });
    expect(await byOwner('Held by a dead worker')).toMatchObject({ status: 'done', attempts: 2, asset_id: expect.any(String) });
    // Nothing half-written stays in storage: only the one file that was done.
    const assets = await assetsOf(summary.program.id);
    expect(assets).toHaveLength(1);
    const keys: string[] = [];
    for await (const object of storage.list('assets/')) keys.push(object.key);
    expect(keys.filter((k) => !(assets.some((a) => a.original_key === k)) && !k.includes('/original'))).toEqual([]);
    expect(await mediaImportStatus(db, summary.program.id)).toMatchObject({ queued: 1, done: 1, failed: 2, skipped: 1 });

    // The host comes back: the retry (when due) succeeds.
    server.route('/broken/flaky.mp3', { body: mp3, contentType: 'audio/mpeg' });
    await db.query("update ingest_media_fetches set next_attempt_at = now() where status = 'queued'");
    expect((await fetchDueMedia(media)).map((o) => o.outcome)).toEqual(['done']);
    expect(await byOwner('Flaky host')).toMatchObject({ status: 'done', attempts: 2 });
  });

  it("a subscription with media queues a new item's enclosure in the sync's own transaction", async () => {
    const item = (n: number) => ({ guid: `s/${n}`, title: `Item ${n}`, enclosure: { url: `${server.url}/media/${10 + n}.mp3`, type: 'audio/mpeg' } });
    const show = (count: number) => rssFeed({ title: 'Synced with media', podcastGuid: '5e1f0000-0000-4000-8000-0000000000b2', items: Array.from({ length: count }, (_, i) => item(i + 1)) });
    server.route('/synced.xml', { body: show(1), etag: true });
    const { program } = await runImport(deps, { url: `${server.url}/synced.xml`, withMedia: true }, { actor: 'editor', trigger: 'api' });
    await fetchDueMedia(media);
    server.route('/synced.xml', { body: show(2), etag: true });
    await db.query("update ingest_subscriptions set next_attempt_at = now() - interval '1 second' where program_id = $1", [program.id]);
    expect(await syncDueFeeds(deps)).toMatchObject([{ programId: program.id, outcome: 'imported' }]);
    const rows = await db.query<{ url: string; status: string }>(
      "select url, status from ingest_media_fetches where owner_id in (select id from episodes where program_id = $1) order by url", [program.id]);
    expect(rows).toEqual([{ url: `${server.url}/media/11.mp3`, status: 'done' }, { url: `${server.url}/media/12.mp3`, status: 'queued' }]);
    // Without media, a subscription leaves new items' files where they are.
    await db.query('update ingest_subscriptions set with_media = false, next_attempt_at = now() - interval \'1 second\' where program_id = $1', [program.id]);
    server.route('/synced.xml', { body: show(3), etag: true });
    await syncDueFeeds(deps);
    expect(await db.query("select 1 from ingest_media_fetches where url = $1", [`${server.url}/media/13.mp3`])).toHaveLength(0);
  });
});

describe('an import with media, end to end on a server', () => {
  let t: MediaApp | undefined;
  let server: FeedServer | undefined;
  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  it('imports the Arabic fixture feed with withMedia: the worker fetches, transcodes, and the episode plays from our storage', async () => {
    server = await startFeedServer();
    const { xml } = servedFeed('derived_ar_replyall-structure.xml', server.url);
    server.route('/ar.xml', { body: xml, etag: true });
    for (let i = 1; i <= 3; i++) server.route(`/media/${i}.mp3`, { body: mp3, contentType: 'audio/mpeg' });
    server.route('/art.png', { body: png, contentType: 'image/png' });
    t = await createMediaApp('pglite', 'local', { INGEST_ALLOWED_NETWORKS: '127.0.0.1/32', INGEST_MEDIA_CHECK_MS: '100' });
    const editor = await t.auth('editor');
    const started = await call(t, 'POST', '/api/cms/imports', { headers: editor, body: { url: `${server.url}/ar.xml`, withMedia: true, publish: true }, expect: 202 });
    let run = started.body;
    for (let i = 0; i < 200 && run.status !== 'succeeded' && run.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      run = (await call(t, 'GET', `/api/cms/imports/${started.body.id}`, { headers: editor, expect: 200 })).body;
    }
    expect(run, JSON.stringify(run)).toMatchObject({ status: 'succeeded', summary: { mediaQueued: 4 } });
    const programId = run.summary.program.id as string;
    t.startWorker();
    let status = (await call(t, 'GET', `/api/cms/imports/media/${programId}`, { headers: editor, expect: 200 })).body;
    for (let i = 0; i < 300 && status.done < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await call(t, 'GET', `/api/cms/imports/media/${programId}`, { headers: editor, expect: 200 })).body;
    }
    expect(status, JSON.stringify(status)).toMatchObject({ done: 4, failed: 0, queued: 0 });
    const [asset] = await t.platform.db.query<{ id: string; episode_id: string }>(
      "select id, episode_id from media_assets where kind = 'audio' and episode_id in (select id from episodes where program_id = $1) order by created_at limit 1", [programId]);
    const ready = await waitForAsset(t, editor, asset!.id, ['ready', 'failed']);
    expect(ready).toMatchObject({ status: 'ready' });
    // The imported enclosure is replaced by our renditions: the episode's media are /play links now.
    const episode = (await call(t, 'GET', `/api/cms/episodes/${asset!.episode_id}`, { headers: editor, expect: 200 })).body;
    expect(episode.durationSeconds).toBe(4);
    const audio = (episode.media as { kind: string; url: string }[]).filter((m) => m.kind === 'audio');
    expect(audio.length).toBeGreaterThan(0);
    for (const m of audio) expect(m.url).not.toContain(server.url);
    expect(await call(t, 'GET', `/api/cms/imports/media/00000000-0000-4000-8000-000000000000`, { headers: editor })).toMatchObject({ status: 404 });
  }, 240_000);
});
