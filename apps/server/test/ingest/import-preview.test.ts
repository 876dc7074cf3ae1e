// The import preview (POST /api/cms/imports/preview and /api/cms/imports/document/preview): what an import
// would do, with nothing written. Checked against the import itself: for several shared test feeds, the
// preview's counts are the counts the import then reports; after an import and a change to the feed, the
// preview names the updated and missing items; an editor's own change to a field the feed kept is no
// update. Bad feeds are problem+json with the import's error code. Feeds come from a loopback server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { api, expectProblem, type Json } from '../support/cms.js';
import { feed } from './support.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

describe.each(availableBackends())('the import preview on %s', (backend) => {
  let t: TestApp;
  let server: FeedServer;
  let editor: Record<string, string>;
  let viewer: Record<string, string>;

  async function follow(location: string): Promise<Json> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { body } = await api(t, 'GET', location, { headers: viewer, expect: 200 });
      if (body.status !== 'running' || Date.now() > deadline) return body;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Row counts of every table an import writes. */
  async function writes() {
    const counts: Record<string, number> = {};
    for (const table of ['programs', 'episodes', 'people', 'ingest_runs', 'ingest_items', 'ingest_programs', 'ingest_subscriptions', 'revisions', 'outbox', 'audit_log', 'media_assets']) {
      const [row] = await t.platform.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
      counts[table] = row!.n;
    }
    return counts;
  }

  const previewDocument = async (name: string, body: Buffer | string, query = '') => {
    const response = await t.app.inject({
      method: 'POST', url: `/api/cms/imports/document/preview?fileName=${encodeURIComponent(name)}${query}`,
      headers: { ...editor, 'content-type': 'application/rss+xml' }, payload: body,
    });
    return { status: response.statusCode, headers: response.headers, body: JSON.parse(response.body) as Json };
  };

  beforeAll(async () => {
    t = await createTestApp(backend, { env: { INGEST_ALLOWED_NETWORKS: '127.0.0.1/32' } });
    editor = await t.auth('editor');
    viewer = await t.auth('viewer');
    server = await startFeedServer();
    server.route('/chemical.xml', { body: feed('en_bc-sample.xml').toString('utf8'), etag: true });
    server.route('/page.html', { body: '<!DOCTYPE html><html><head><title>Document Moved</title></head><body>moved</body></html>', contentType: 'text/html' });
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  it('previews a URL with nothing written: a new program and its episodes, then the import reports the same counts', async () => {
    const before = await writes();
    const preview = await api(t, 'POST', '/api/cms/imports/preview', { headers: editor, body: { url: `${server.url}/chemical.xml` }, expect: 200 });
    expect(preview.headers['cache-control']).toBe('no-store');
    expect(preview.body).toMatchObject({
      source: `${server.url}/chemical.xml`,
      program: { id: null, slug: null, title: 'All Things Chemical', kind: 'podcast', language: 'en', outcome: 'new' },
      episodes: { total: 4, new: 4, updated: 0, unchanged: 0, failed: 0, missing: 0, returned: 0 },
      failures: [],
      feed: { url: `${server.url}/chemical.xml`, subscribedProgramId: null },
    });
    expect(preview.body.items.map((i: Json) => [i.title.trim(), i.outcome])).toEqual([
      ['Confidential Business Information under TSCA', 'new'], ['Chemical Regulation in the Middle East', 'new'],
      ['Animal Testing and New TSCA', 'new'], ['Introducing All Things Chemical', 'new'],
    ]);
    expect(await writes()).toEqual(before);

    const started = await api(t, 'POST', '/api/cms/imports', { headers: editor, body: { url: `${server.url}/chemical.xml` }, expect: 202 });
    const run = await follow(started.body.location);
    expect(run.summary.episodes).toMatchObject({ new: 4, updated: 0, unchanged: 0, failed: 0 });
    expect(run.summary.program.outcome).toBe('new');

    // Previewed again: the subscribed program, all unchanged.
    const again = await api(t, 'POST', '/api/cms/imports/preview', { headers: editor, body: { url: `${server.url}/chemical.xml` }, expect: 200 });
    expect(again.body).toMatchObject({
      program: { id: run.summary.program.id, slug: run.summary.program.slug, outcome: 'unchanged' },
      episodes: { total: 4, new: 0, updated: 0, unchanged: 4, missing: 0 },
      feed: { subscribedProgramId: run.summary.program.id },
    });
  });

  it('names what changed after the feed moves on: a retitled item is updated, a dropped one missing, an editor’s own edit no update', async () => {
    const original = feed('en_bc-sample.xml').toString('utf8');
    const items = original.split('<item>');
    // Drop the last item; retitle the first.
    const changed = items.slice(0, -1).join('<item>').replace(/<\/item>\s*$/, '</item>') + original.slice(original.lastIndexOf('</item>') + '</item>'.length);
    const retitled = changed.replace('<title>Confidential Business Information under TSCA</title>', '<title>CBI under TSCA, explained</title>');
    server.route('/chemical.xml', { body: retitled, etag: true });
    // An editor changes the description of the second episode in the CMS (the feed keeps its own).
    const { body: list } = await api(t, 'GET', '/api/cms/episodes?q=Middle%20East&limit=5', { headers: viewer, expect: 200 });
    const second = list.items.find((e: Json) => e.title === 'Chemical Regulation in the Middle East');
    const { body: current, headers } = await api(t, 'GET', `/api/cms/episodes/${second.id}`, { headers: viewer, expect: 200 });
    await api(t, 'PATCH', `/api/cms/episodes/${second.id}`, { headers: { ...editor, 'if-match': headers.etag as string }, body: { description: `${current.description} (edited)` }, expect: 200 });

    const before = await writes();
    const preview = await api(t, 'POST', '/api/cms/imports/preview', { headers: editor, body: { url: `${server.url}/chemical.xml` }, expect: 200 });
    expect(preview.body.episodes).toEqual({ total: 3, new: 0, updated: 1, unchanged: 2, failed: 0, missing: 1, returned: 0 });
    expect(preview.body.items.map((i: Json) => [i.title.trim(), i.outcome])).toEqual([
      ['CBI under TSCA, explained', 'updated'], ['Chemical Regulation in the Middle East', 'unchanged'], ['Animal Testing and New TSCA', 'unchanged'],
    ]);
    expect(await writes()).toEqual(before);

    const started = await api(t, 'POST', '/api/cms/imports', { headers: editor, body: { url: `${server.url}/chemical.xml` }, expect: 202 });
    const run = await follow(started.body.location);
    expect(run.summary.episodes).toMatchObject({ total: 3, new: 0, updated: 1, unchanged: 2, failed: 0, missing: 1 });

    // The item comes back: returned.
    server.route('/chemical.xml', { body: original, etag: true });
    const back = await api(t, 'POST', '/api/cms/imports/preview', { headers: editor, body: { url: `${server.url}/chemical.xml` }, expect: 200 });
    expect(back.body.episodes).toMatchObject({ total: 4, new: 0, updated: 1, returned: 1, missing: 0 });
  });

  it('agrees with the import on shared test feeds sent as documents (people to create counted, not created)', async () => {
    for (const name of ['derived_ar_windows-1256.xml', 'p20_podcastindex-example.xml', 'derived_ar_replyall-structure.xml']) {
      const body = feed(name);
      const people = (await t.platform.db.query<{ n: number }>('select count(*)::int as n from people'))[0]!.n;
      const preview = await previewDocument(name, body);
      expect(preview.status, JSON.stringify(preview.body)).toBe(200);
      expect((await t.platform.db.query<{ n: number }>('select count(*)::int as n from people'))[0]!.n).toBe(people);
      const started = await t.app.inject({
        method: 'POST', url: `/api/cms/imports/document?fileName=${name}`, headers: { ...editor, 'content-type': 'application/rss+xml' }, payload: body,
      });
      expect(started.statusCode).toBe(202);
      const run = await follow(JSON.parse(started.body).location);
      expect(run.status, name).toBe('succeeded');
      expect(preview.body.episodes, name).toEqual(run.summary.episodes);
      expect(preview.body.program.outcome, name).toBe(run.summary.program.outcome);
      expect(preview.body.peopleToCreate, name).toBe(run.summary.peopleCreated);
      expect(preview.body.feed).toBeNull();
      expect(preview.body.source).toBe(name);
    }
    const arabic = await previewDocument('arabic.xml', feed('derived_ar_windows-1256.xml'));
    expect(arabic.body.program).toMatchObject({ title: 'التاريخ يعيد نفسه.', language: 'ar', outcome: 'unchanged' });
  });

  it('answers a feed it cannot read with problem+json naming the problem, and writes nothing', async () => {
    const before = await writes();
    const page = await api(t, 'POST', '/api/cms/imports/preview', { headers: editor, body: { url: `${server.url}/page.html` } });
    expectProblem(page, 422);
    expect(page.body).toMatchObject({ code: 'html-page', detail: 'an HTML page, not a feed (its title: "Document Moved")' });
    const missing = await api(t, 'POST', '/api/cms/imports/preview', { headers: editor, body: { url: `${server.url}/nothing-here.xml` } });
    expectProblem(missing, 502);
    expect(missing.body).toMatchObject({ code: 'http-status', detail: expect.stringContaining('answered 404') });
    // Refused by the fetch policy before any connection is made.
    const refused = await api(t, 'POST', '/api/cms/imports/preview', { headers: editor, body: { url: 'http://10.0.0.1/feed.xml' } });
    expectProblem(refused, 400);
    expect(refused.body.code).toBe('address-refused');
    const malformed = await previewDocument('bad.xml', feed('malformed_bc-sample-bad.xml'));
    expectProblem(malformed, 422);
    expect(malformed.body.code).toBe('not-well-formed');
    expect(malformed.body.detail).toMatch(/line \d+/);
    expect(await writes()).toEqual(before);
  });

  it('checks roles and requests as the import does, and is in OpenAPI', async () => {
    expectProblem(await api(t, 'POST', '/api/cms/imports/preview', { headers: viewer, body: { url: `${server.url}/chemical.xml` } }), 403);
    expectProblem(await api(t, 'POST', '/api/cms/imports/preview', { body: { url: `${server.url}/chemical.xml` } }), 401);
    expectProblem(await api(t, 'POST', '/api/cms/imports/preview', { headers: editor, body: { url: 'ftp://example.org/feed.xml' } }), 400);
    expectProblem(await api(t, 'POST', '/api/cms/imports/preview', { headers: editor, body: { url: `${server.url}/chemical.xml`, publish: true } }), 400);
    const unknown = await api(t, 'POST', '/api/cms/imports/preview', { headers: editor, body: { url: `${server.url}/chemical.xml`, programSlug: 'no-such-program' } });
    expectProblem(unknown, 400);
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/cms/imports/document/preview', headers: { ...editor, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(wrongType.statusCode).toBe(415);
    const { body } = await api(t, 'GET', '/api/openapi.json');
    expect(body.paths['/api/cms/imports/preview'].post.responses['200']).toBeDefined();
    expect(body.paths['/api/cms/imports/document/preview'].post.responses['200']).toBeDefined();
  });
});
