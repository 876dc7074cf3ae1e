// Import semantics on both databases: every fixture feed imports with its manifest count and a second
// import changes nothing; malformed feeds fail naming the problem and leave nothing behind; a changed item
// is a new revision, a removed one is flagged, one bad item does not sink the rest; drafts or published
// with the feed's dates; people and categories matched; editors' edits survive re-imports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, openTestDb } from '../support/databases.js';
import type { Db } from '../../src/platform/db/db.js';
import { importDocument } from '../../src/ingest/registry.js';
import { upsertDraft, type UpsertOptions } from '../../src/ingest/upsert.js';
import { runImport, type IngestDeps } from '../../src/ingest/import-service.js';
import { isIngestError } from '../../src/ingest/errors.js';
import { getRun } from '../../src/ingest/runs.js';
import { ImportRunner } from '../../src/ingest/imports.routes.js';
import { createFetcher } from '../../src/ingest/fetch/safe-fetch.js';
import type { MediaReference } from '../../src/ingest/media-hook.js';
import { createEntity, updateEntity } from '../../src/content/entity.js';
import { episodeKind } from '../../src/content/episodes.js';
import { insertPerson, personKind } from '../../src/content/people.js';
import { insertProgram, programKind } from '../../src/content/programs.js';
import { categoryKind, insertCategory } from '../../src/content/categories.js';
import { softDeleteEntity } from '../../src/content/entity.js';
import { transitionEpisode } from '../../src/content/workflow.js';
import { feed, readManifest } from './support.js';
import { rssFeed, type TestFeed, type TestItem } from './feed-builder.js';

const manifest = readManifest();
const NOT_A_FEED = 'p20_podcastindex-schema-example.xml';
const context = { actor: 'test:importer' };

async function totals(db: Db) {
  const [row] = await db.query<{ revisions: number; events: number; audit: number; programs: number; episodes: number; people: number }>(
    `select (select count(*) from revisions)::int as revisions, (select count(*) from outbox)::int as events,
            (select count(*) from audit_log)::int as audit, (select count(*) from programs)::int as programs,
            (select count(*) from episodes)::int as episodes, (select count(*) from people)::int as people`,
  );
  return row!;
}

const items = (n: number, prefix: string): TestItem[] => Array.from({ length: n }, (_, i) => ({
  guid: `${prefix}-${i + 1}`, title: `${prefix} episode ${i + 1}`, description: `Notes for ${prefix} ${i + 1}`,
  date: new Date(Date.UTC(2024, 0, 1 + i, 9)).toUTCString(), duration: 600 + i, episode: i + 1,
}));

const importFeed = (db: Db, testFeed: TestFeed, options: Partial<UpsertOptions> = {}) =>
  upsertDraft(db, importDocument(rssFeed(testFeed)), { context, publish: false, ...options });

describe.each(availableBackends())('importing feeds on %s', (backend) => {
  let db: Db;
  let close: () => Promise<void>;
  let deps: IngestDeps;

  beforeAll(async () => {
    ({ db, close } = await openTestDb(backend));
    // These tests import documents only; a fetcher that could reach anything is never used.
    deps = { db, fetcher: createFetcher(), xmlLimits: {}, syncIntervalSeconds: 3600, media: { async referencesImported() {} }, now: () => new Date() };
  });
  afterAll(() => close?.());

  it('imports every MANIFEST feed with its episode count; a second import changes nothing', async () => {
    for (const row of manifest.filter((r) => !r.file.startsWith('malformed_') && r.file !== NOT_A_FEED)) {
      const first = await runImport(deps, { document: feed(row.file), fileName: row.file }, { actor: context.actor, trigger: 'cli' });
      expect(first.episodes.total, row.file).toBe(row.episodeCount);
      expect(first.episodes.failed, `${row.file}: ${JSON.stringify(first.failures)}`).toBe(0);
      expect(first.episodes.new + first.episodes.unchanged + first.episodes.updated, row.file).toBe(row.episodeCount);
      const draft = importDocument(feed(row.file));
      const [stored] = await db.query<{ count: number }>(
        'select count(*)::int as count from episodes where program_id = $1 and external_id = any($2::text[]) and deleted_at is null',
        [first.program.id, draft.episodes.map((e) => e.externalId)],
      );
      expect(stored!.count, row.file).toBe(row.episodeCount);

      const before = await totals(db);
      const second = await runImport(deps, { document: feed(row.file), fileName: row.file }, { actor: context.actor, trigger: 'cli' });
      expect(second.program).toMatchObject({ id: first.program.id, outcome: 'unchanged' });
      expect(second.episodes, row.file).toMatchObject({ new: 0, updated: 0, failed: 0, unchanged: row.episodeCount });
      expect(second.peopleCreated).toBe(0);
      expect(await totals(db), `${row.file}: no new revisions, events or rows`).toEqual(before);
    }
  }, 300_000);

  it('imports YouTube channel and playlist feeds the same way', async () => {
    for (const file of ['handwritten_youtube-channel.xml', 'handwritten_youtube-playlist.xml']) {
      const draft = importDocument(feed(file));
      const first = await runImport(deps, { document: feed(file), fileName: file }, { actor: context.actor, trigger: 'cli' });
      expect(first.episodes).toMatchObject({ total: draft.episodes.length, new: draft.episodes.length, failed: 0 });
      const [program] = await programKind.loadMany(db, [first.program.id]);
      expect(program).toMatchObject({ kind: 'series', externalSource: 'youtube', externalId: draft.program.externalId });
      const before = await totals(db);
      expect((await runImport(deps, { document: feed(file), fileName: file }, { actor: context.actor, trigger: 'cli' })).episodes.unchanged).toBe(draft.episodes.length);
      expect(await totals(db)).toEqual(before);
    }
  });

  it('refuses what is not a feed, naming the problem, and writes nothing', async () => {
    const cases: [string, string, RegExp][] = [
      ['malformed_bc-sample-bad.xml', 'not-well-formed', /not well-formed XML at line 109, column 11: closing tag <\/channel> does not match/],
      ['malformed_lukaswhite-not-xml.rss', 'not-xml', /not XML: the document starts with "i am not xml"/],
      ['malformed_unrecognized.rss', 'html-page', /an HTML page, not a feed \(its title: "Document Moved"\)/],
      // The namespace's schema test wrapper is well-formed XML but no feed: refused as such (docs/ingest.md).
      [NOT_A_FEED, 'not-a-feed', /not a feed: the root element is <podcast:test-wrapper>/],
    ];
    for (const [file, code, message] of cases) {
      const before = await totals(db);
      let caught: unknown;
      await runImport(deps, { document: feed(file), fileName: file }, { actor: context.actor, trigger: 'cli' }).catch((error: unknown) => { caught = error; });
      expect(isIngestError(caught, code as never), file).toBe(true);
      expect((caught as Error).message).toMatch(message);
      expect(await totals(db), `${file}: no partial program`).toEqual(before);
      const [run] = await db.query<{ id: string }>('select id from ingest_runs where source = $1 order by started_at desc limit 1', [file]);
      expect(await getRun(db, run!.id)).toMatchObject({ status: 'failed', error: { code, message: expect.stringMatching(message) }, programId: null });
    }
  });

  it('makes a changed item a new revision with its audit entry and event; unchanged items get none', async () => {
    const show: TestFeed = { title: 'Changing Show', podcastGuid: 'c0ffee00-0000-4000-8000-000000000001', items: items(3, 'chg') };
    const first = await importFeed(db, show);
    expect(first.episodes).toMatchObject({ new: 3 });
    const changed = structuredClone(show);
    changed.items[1]!.title = 'A better title';
    changed.items[1]!.duration = 999;
    const before = await totals(db);
    const second = await importFeed(db, changed);
    expect(second.episodes).toMatchObject({ new: 0, updated: 1, unchanged: 2, failed: 0 });
    const after = await totals(db);
    expect(after.revisions - before.revisions).toBe(1);
    expect(after.events - before.events).toBe(1);
    expect(after.audit - before.audit).toBe(1);
    const [episode] = await db.query<{ id: string; version: number; title: string; duration_seconds: number }>(
      'select id, version, title, duration_seconds from episodes where program_id = $1 and external_id = $2', [first.program.id, 'chg-2']);
    expect(episode).toMatchObject({ version: 2, title: 'A better title', duration_seconds: 999 });
    const [audit] = await db.query<{ actor: string; action: string; changes: Record<string, { from: unknown; to: unknown }> }>(
      'select actor, action, changes from audit_log where entity_id = $1 order by id desc limit 1', [episode!.id]);
    expect(audit).toMatchObject({ actor: context.actor, action: 'episode.updated', changes: { title: { from: 'chg episode 2', to: 'A better title' }, durationSeconds: { from: 601, to: 999 } } });
    const [event] = await db.query<{ type: string }>('select type from outbox where entity_id = $1 order by seq desc limit 1', [episode!.id]);
    expect(event!.type).toBe('episode.updated');
  });

  it('keeps what an editor changed when the feed did not change it (three-way merge)', async () => {
    const show: TestFeed = { title: 'Merged Show', podcastGuid: 'c0ffee00-0000-4000-8000-000000000002', items: items(2, 'mrg') };
    const first = await importFeed(db, show);
    const [row] = await db.query<{ id: string }>('select id from episodes where program_id = $1 and external_id = $2', [first.program.id, 'mrg-1']);
    await updateEntity(db, episodeKind, row!.id, { description: 'Written by our editor' }, { actor: 'editor' }, undefined);
    expect((await importFeed(db, show)).episodes).toMatchObject({ updated: 0, unchanged: 2 });
    const changed = structuredClone(show);
    changed.items[0]!.title = 'Retitled at the source';
    expect((await importFeed(db, changed)).episodes).toMatchObject({ updated: 1 });
    const [episode] = await db.query<{ title: string; description: string }>('select title, description from episodes where id = $1', [row!.id]);
    expect(episode).toEqual({ title: 'Retitled at the source', description: 'Written by our editor' });
  });

  it('flags items gone from the feed without deleting them, and clears the flag when they come back', async () => {
    const show: TestFeed = { title: 'Shrinking Show', podcastGuid: 'c0ffee00-0000-4000-8000-000000000003', items: items(4, 'gone') };
    const first = await importFeed(db, show, { publish: true });
    const shorter = { ...show, items: show.items.filter((i) => i.guid !== 'gone-2' && i.guid !== 'gone-3') };
    const before = await totals(db);
    const second = await importFeed(db, shorter, { publish: true });
    expect(second.episodes).toMatchObject({ total: 2, unchanged: 2, missing: 2, returned: 0 });
    expect(await totals(db)).toEqual(before); // a flag is bookkeeping: no revision, no event
    const flagged = await db.query<{ external_id: string; status: string; deleted_at: Date | null }>(
      `select i.external_id, e.status, e.deleted_at from ingest_items i join episodes e on e.id = i.episode_id
        where i.program_id = $1 and i.missing_since is not null order by i.external_id`, [first.program.id]);
    expect(flagged).toEqual([{ external_id: 'gone-2', status: 'published', deleted_at: null }, { external_id: 'gone-3', status: 'published', deleted_at: null }]);
    const back = await importFeed(db, { ...show, items: show.items.filter((i) => i.guid !== 'gone-3') }, { publish: true });
    expect(back.episodes).toMatchObject({ missing: 1, returned: 1, unchanged: 3 });
    const still = await db.query<{ external_id: string }>('select external_id from ingest_items where program_id = $1 and missing_since is not null', [first.program.id]);
    expect(still).toEqual([{ external_id: 'gone-3' }]);
  });

  it('writes each item in its own transaction: a failing item is counted with its reason and the rest are imported', async () => {
    // A real database failure for one item: a trigger that rejects one title.
    await db.exec(`
      create function test_reject_episode() returns trigger language plpgsql as $$
      begin
        if new.title = 'poison episode' then raise exception 'this episode is poison'; end if;
        return new;
      end $$;
      create trigger test_reject_episode before insert or update on episodes for each row execute function test_reject_episode();`);
    try {
      const show: TestFeed = { title: 'Isolated Show', podcastGuid: 'c0ffee00-0000-4000-8000-000000000004', items: items(5, 'iso') };
      show.items[2]!.title = 'poison episode';
      const before = await totals(db);
      const result = await importFeed(db, show);
      expect(result.episodes).toMatchObject({ total: 5, new: 4, failed: 1 });
      expect(result.failures).toEqual([{ externalId: 'iso-3', title: 'poison episode', reason: expect.stringContaining('this episode is poison') }]);
      const after = await totals(db);
      // program + 4 episodes: one revision, one event, one audit entry each; nothing of the failed item.
      expect(after.episodes - before.episodes).toBe(4);
      expect(after.revisions - before.revisions).toBe(5);
      expect(after.events - before.events).toBe(5);
      const tracked = await db.query('select 1 from ingest_items where program_id = $1', [result.program.id]);
      expect(tracked).toHaveLength(4);
    } finally {
      await db.exec('drop trigger test_reject_episode on episodes; drop function test_reject_episode();');
    }
  });

  it('imports drafts by default, keeping the feed dates so a later publish keeps them', async () => {
    const show: TestFeed = { title: 'Draft Show', podcastGuid: 'c0ffee00-0000-4000-8000-000000000005', items: items(2, 'dft') };
    const result = await importFeed(db, show);
    const [program] = await programKind.loadMany(db, [result.program.id]);
    expect(program).toMatchObject({ status: 'draft', publishedAt: null });
    const episodes = await db.query<{ id: string; status: string; publish_at: Date }>(
      'select id, status, publish_at from episodes where program_id = $1 order by external_id', [result.program.id]);
    expect(episodes.map((e) => [e.status, e.publish_at.toISOString()])).toEqual([
      ['draft', '2024-01-01T09:00:00.000Z'], ['draft', '2024-01-02T09:00:00.000Z'],
    ]);
    const published = await transitionEpisode(db, episodes[0]!.id, 'publish', { actor: 'editor' });
    expect(published.publishAt).toBe('2024-01-01T09:00:00.000Z');
  });

  it('publishes when asked, with the original dates (future ones scheduled) and the program public since its first episode', async () => {
    const future = new Date(Date.now() + 7 * 86_400_000);
    const show: TestFeed = { title: 'Published Show', podcastGuid: 'c0ffee00-0000-4000-8000-000000000006', items: items(2, 'pub') };
    show.items.push({ guid: 'pub-next', title: 'Next week', date: future.toUTCString() });
    const result = await importFeed(db, show, { publish: true });
    const [program] = await programKind.loadMany(db, [result.program.id]);
    expect(program).toMatchObject({ status: 'published', publishedAt: '2024-01-01T09:00:00.000Z' });
    const episodes = await db.query<{ external_id: string; status: string; publish_at: Date }>(
      'select external_id, status, publish_at from episodes where program_id = $1 order by publish_at', [result.program.id]);
    expect(episodes.map((e) => [e.external_id, e.status, e.publish_at.toISOString()])).toEqual([
      ['pub-1', 'published', '2024-01-01T09:00:00.000Z'],
      ['pub-2', 'published', '2024-01-02T09:00:00.000Z'],
      ['pub-next', 'scheduled', new Date(Math.floor(future.getTime() / 1000) * 1000).toISOString()],
    ]);
    // Re-importing without --publish does not unpublish anything: existing items keep their workflow state.
    expect((await importFeed(db, show)).episodes).toMatchObject({ unchanged: 3 });
    expect((await programKind.loadMany(db, [result.program.id]))[0]!.status).toBe('published');
  });

  it('matches people by name or slug, creates the others once, and maps their roles', async () => {
    await createEntity(db, personKind, context, (tx) => insertPerson(tx, { name: 'huda al-harbi', slug: 'huda-al-harbi' }, 'editor'));
    const show: TestFeed = {
      title: 'People Show', podcastGuid: 'c0ffee00-0000-4000-8000-000000000007',
      persons: [{ name: 'Huda Al-Harbi' }, { name: 'Omar Saleh', role: 'Co-Host', img: 'https://img.example.org/omar.jpg' }, { name: 'Rana Art', role: 'Cover Art Designer' }],
      items: [{ ...items(1, 'ppl')[0]!, persons: [{ name: 'Huda Al-Harbi' }, { name: 'Sami Guest', role: 'guest' }, { name: 'Lina', role: 'Executive Producer' }] }],
    };
    const before = await totals(db);
    const result = await importFeed(db, show);
    expect(result.peopleCreated).toBe(3); // Omar, Sami, Lina; Huda matched; the cover art designer has no CMS role
    expect(result.warnings).toContain('people with roles the CMS has no place for were not linked: cover art designer');
    expect((await totals(db)).people - before.people).toBe(3);
    const [program] = await programKind.loadMany(db, [result.program.id]);
    const names = await db.query<{ id: string; name: string; image_url: string | null }>('select id, name, image_url from people where id = any($1::uuid[])', [program!.people.map((p) => p.personId)]);
    const byId = new Map(names.map((n) => [n.id, n]));
    expect(program!.people.map((p) => [byId.get(p.personId)!.name, p.role])).toEqual([['huda al-harbi', 'host'], ['Omar Saleh', 'co-host']]);
    expect(names.find((n) => n.name === 'Omar Saleh')!.image_url).toBe('https://img.example.org/omar.jpg');
    const again = await importFeed(db, show);
    expect(again.peopleCreated).toBe(0);
  });

  it('files the program under a matching CMS category, or leaves it uncategorised', async () => {
    const technology = await createEntity(db, categoryKind, context, (tx) => insertCategory(tx, { nameAr: 'تقنية', nameEn: 'Technology', slug: 'technology' }, 'editor'));
    const history = await createEntity(db, categoryKind, context, (tx) => insertCategory(tx, { nameAr: 'تاريخ', nameEn: 'History', slug: 'history' }, 'editor'));
    const tech = await importFeed(db, { title: 'Tech Show', podcastGuid: 'c0ffee00-0000-4000-8000-000000000008', categories: ['Technology'], items: items(1, 'tec') });
    expect(tech.program.categoryId).toBe(technology.id);
    // The subcategory is the more specific match: "Society & Culture/History" → History.
    const past = await importFeed(db, { title: 'Past Show', podcastGuid: 'c0ffee00-0000-4000-8000-000000000009', categories: ['Society & Culture/History'], items: items(1, 'his') });
    expect(past.program.categoryId).toBe(history.id);
    const other = await importFeed(db, { title: 'Golf Show', podcastGuid: 'c0ffee00-0000-4000-8000-00000000000a', categories: ['Sports/Golf'], items: items(1, 'glf') });
    expect(other.program.categoryId).toBeNull();
  });

  it('imports into an existing program with --program, linking it to the feed; refuses deleted or foreign programs', async () => {
    const own = await createEntity(db, programKind, context, (tx) => insertProgram(tx, { kind: 'podcast', title: 'برنامجنا', language: 'ar', slug: 'barnamajuna' }, 'editor'));
    const show: TestFeed = { title: 'Our Show Upstream', podcastGuid: 'c0ffee00-0000-4000-8000-00000000000b', items: items(2, 'own') };
    const into = await importFeed(db, show, { target: { programSlug: 'barnamajuna' } });
    expect(into.program.id).toBe(own.id);
    expect(into.episodes.new).toBe(2);
    const [linked] = await programKind.loadMany(db, [own.id]);
    // Linked to the feed, keeping what the editor wrote; a later change at the source is written.
    expect(linked).toMatchObject({ externalSource: 'rss', externalId: 'c0ffee00-0000-4000-8000-00000000000b', title: 'برنامجنا', language: 'ar' });
    expect((await importFeed(db, show)).program).toMatchObject({ id: own.id, outcome: 'unchanged' });
    expect((await importFeed(db, { ...show, title: 'Our Show, Renamed Upstream' })).program).toMatchObject({ id: own.id, outcome: 'updated', title: 'Our Show, Renamed Upstream' });
    expect((await programKind.loadMany(db, [own.id]))[0]!.language).toBe('ar');
    await expect(importFeed(db, { ...show, podcastGuid: 'c0ffee00-0000-4000-8000-00000000000c' }, { target: { programSlug: 'barnamajuna' } }))
      .rejects.toMatchObject({ status: 409, message: expect.stringContaining('is linked to rss c0ffee00-0000-4000-8000-00000000000b') });
    await expect(importFeed(db, show, { target: { programSlug: 'no-such-program' } })).rejects.toMatchObject({ status: 404 });
    await softDeleteEntity(db, programKind, own.id, { actor: 'editor' }, undefined);
    const before = await totals(db);
    // Refused before anything is written: not even the new person it names.
    await expect(importFeed(db, { ...show, title: 'Our Show, Renamed Upstream', persons: [{ name: 'Someone New' }] })).rejects.toMatchObject({ status: 409, message: expect.stringContaining('was deleted in the CMS; restore it') });
    expect(await totals(db)).toEqual(before);
  });

  it('drops a number another episode has (with a warning) instead of failing the item', async () => {
    const show: TestFeed = { title: 'Numbered Show', podcastGuid: 'c0ffee00-0000-4000-8000-00000000000d', items: items(2, 'num') };
    show.items[1]!.episode = 1; // both say "episode 1"
    const result = await importFeed(db, show);
    expect(result.episodes).toMatchObject({ new: 2, failed: 0 });
    expect(result.warnings.some((w) => /episode number 1 is taken/.test(w))).toBe(true);
    expect((await importFeed(db, show)).episodes).toMatchObject({ unchanged: 2, updated: 0 });
  });

  it('stops between items when the server shuts down, recording the run as cancelled with what it did', async () => {
    const runner = new ImportRunner(deps, { error: () => {}, warn: () => {} });
    const long = rssFeed({ title: 'Long Show', podcastGuid: 'c0ffee00-0000-4000-8000-00000000000f', items: items(400, 'long') });
    const id = await runner.start({ document: Buffer.from(long), fileName: 'long.xml' }, context.actor);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && ((await getRun(db, id))?.progress.done ?? 0) < 20) await new Promise((r) => setTimeout(r, 20));
    await runner.close();
    const run = (await getRun(db, id))!;
    expect(run).toMatchObject({ status: 'cancelled', summary: { cancelled: true, episodes: { total: 400, failed: 0, missing: 0 } } });
    const written = run.summary!.episodes.new;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(400);
    const [count] = await db.query<{ count: number }>('select count(*)::int as count from episodes where program_id = $1', [run.programId]);
    expect(count!.count).toBe(written);
    await expect(runner.start({ document: feed('en_narro.rss') }, context.actor)).rejects.toMatchObject({ status: 503 });
  });

  it('hands new and changed media references to the media hook, inside the item transaction', async () => {
    const seen: MediaReference[] = [];
    const media = { async referencesImported(_tx: unknown, refs: MediaReference[]) { seen.push(...refs); } };
    const show: TestFeed = { title: 'Media Show', podcastGuid: 'c0ffee00-0000-4000-8000-00000000000e', image: 'https://img.example.org/show.png', items: items(2, 'med') };
    await importFeed(db, show, { media });
    expect(seen.map((r) => [r.owner.type, r.kind, r.url])).toEqual([
      ['program', 'image', 'https://img.example.org/show.png'],
      ['episode', 'audio', 'https://media.example.org/med-1.mp3'],
      ['episode', 'audio', 'https://media.example.org/med-2.mp3'],
    ]);
    seen.length = 0;
    await importFeed(db, show, { media });
    expect(seen).toEqual([]);
    const changed = structuredClone(show);
    changed.items[0]!.enclosure = { url: 'https://media.example.org/med-1-remastered.mp3', length: 42, type: 'audio/mpeg' };
    await importFeed(db, changed, { media });
    expect(seen).toEqual([expect.objectContaining({ kind: 'audio', url: 'https://media.example.org/med-1-remastered.mp3', byteSize: 42 })]);
  });
});
