// One feed must not take over another program (issue 15, defect 2). A program's identity in a feed
// (`podcast:guid`, `itunes:new-feed-url`, links) is whatever the feed's author writes, so matching it to an
// existing program is only done silently when it is proven: the document was fetched from a URL that program
// is known by (its subscription, the URLs it moved from, or its id being that URL). Otherwise the import
// stops with a 409 conflict that names the program, and the editor confirms by importing into it explicitly
// (`programSlug`). Nothing of the program changes before that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, openTestDb } from '../support/databases.js';
import type { Db } from '../../src/platform/db/db.js';
import { HttpProblem } from '../../src/platform/http/problem.js';
import { runImport, type IngestDeps } from '../../src/ingest/import-service.js';
import { getSubscription } from '../../src/ingest/subscriptions.js';
import { syncDueFeeds } from '../../src/ingest/sync.js';
import { rssFeed, type TestFeed } from './feed-builder.js';
import { loopbackIngestDeps, startFeedServer, type FeedServer } from './feed-server.js';

const GUID = '7a4e0000-0000-4000-8000-00000000000a';
const show = (title: string, items: string[], extra: Partial<TestFeed> = {}): TestFeed => ({
  title, items: items.map((guid, i) => ({ guid, title: `${title} ${i + 1}`, date: new Date(Date.UTC(2024, 2, 1 + i)).toUTCString() })), ...extra,
});

async function refused(run: Promise<unknown>): Promise<HttpProblem> {
  try {
    await run;
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

describe.each(availableBackends())('program identity must be proven on %s', (backend) => {
  let db: Db;
  let close: () => Promise<void>;
  let server: FeedServer;
  let deps: IngestDeps;
  let clock = new Date('2030-01-01T00:00:00Z');
  const state = async (programId: string) => (await db.query<{ title: string; slug: string; missing: number; version: number }>(
    `select p.title, p.slug, p.version, (select count(*)::int from ingest_items i where i.program_id = p.id and i.missing_since is not null) as missing
       from programs p where p.id = $1`, [programId]))[0]!;
  const importUrl = (path: string, extra: { programSlug?: string } = {}) =>
    runImport(deps, { url: `${server.url}${path}`, publish: true, ...extra }, { actor: 'editor', trigger: 'api' });

  beforeAll(async () => {
    ({ db, close } = await openTestDb(backend));
    server = await startFeedServer();
    deps = loopbackIngestDeps(db, () => clock);
  });
  afterAll(async () => {
    await server?.close();
    await close?.();
  });

  let victim: { id: string; slug: string };
  it('imports the real feed, and reads it again as the same program', async () => {
    server.route('/real.xml', { body: rssFeed(show('The real show', ['r1', 'r2'], { podcastGuid: GUID })) });
    const first = await importUrl('/real.xml');
    victim = first.program;
    expect((await importUrl('/real.xml')).program).toMatchObject({ id: victim.id, outcome: 'unchanged' });
  });

  it('refuses another feed reusing its podcast:guid, and changes nothing', async () => {
    const before = await state(victim.id);
    server.route('/impostor.xml', { body: rssFeed(show('Hijacked', ['x1'], { podcastGuid: GUID })) });
    const problem = await refused(importUrl('/impostor.xml'));
    expect(problem.status).toBe(409);
    expect(problem.detail).toContain(victim.slug);
    expect(problem.detail).toMatch(/podcast:guid/);
    expect(await state(victim.id)).toEqual(before);
    // Not subscribed either: the cron role will not read the impostor into the program later.
    expect((await getSubscription(db, victim.id))!.feedUrl).toBe(`${server.url}/real.xml`);
  });

  it('refuses the same as an uploaded document', async () => {
    const before = await state(victim.id);
    const document = new TextEncoder().encode(rssFeed(show('Hijacked by upload', ['x1'], { podcastGuid: GUID })));
    const problem = await refused(runImport(deps, { document, publish: true }, { actor: 'editor', trigger: 'api' }));
    expect(problem.status).toBe(409);
    expect(await state(victim.id)).toEqual(before);
  });

  it('refuses a feed that claims, by itunes:new-feed-url, to be a program known by its URL', async () => {
    server.route('/plain.xml', { body: rssFeed(show('Plain show', ['p1'])) });
    const plain = (await importUrl('/plain.xml')).program;
    const before = await state(plain.id);
    server.route('/claims.xml', { body: rssFeed(show('Claimant', ['c1'], { newFeedUrl: `${server.url}/plain.xml` })) });
    const problem = await refused(importUrl('/claims.xml'));
    expect(problem.status).toBe(409);
    expect(problem.detail).toMatch(/itunes:new-feed-url/);
    expect(await state(plain.id)).toEqual(before);
  });

  it('follows a move the old feed announces itself', async () => {
    server.route('/real.xml', { body: rssFeed(show('The real show', ['r1', 'r2'], { podcastGuid: GUID, newFeedUrl: `${server.url}/new-home.xml` })) });
    server.route('/new-home.xml', { body: rssFeed(show('The real show, new home', ['r1', 'r2', 'r3'], { podcastGuid: GUID })) });
    clock = new Date(clock.getTime() + 2 * 3600_000);
    const outcomes = await syncDueFeeds(deps);
    expect(outcomes).toContainEqual(expect.objectContaining({ programId: victim.id, movedTo: `${server.url}/new-home.xml` }));
    const moved = await importUrl('/new-home.xml');
    expect(moved.program.id).toBe(victim.id);
    expect((await state(victim.id)).title).toBe('The real show, new home');
  });

  it('takes the editor\'s confirmation: importing into the program by its slug', async () => {
    const confirmed = await importUrl('/impostor.xml', { programSlug: victim.slug });
    expect(confirmed.program.id).toBe(victim.id);
  });
});
