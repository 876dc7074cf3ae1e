// The CMS import API on both databases: POST starts an import (202, run id), GET follows its progress to
// its summary; failures end the run with a message naming the problem; subscriptions can be read and
// paused; roles and problem+json as everywhere in the CMS. Feeds come from a loopback server, which the
// app's fetcher may reach because INGEST_ALLOWED_NETWORKS says so (127.0.0.1/32 only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { api, expectProblem, type Json } from '../support/cms.js';
import { feed } from './support.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

describe.each(availableBackends())('the import API on %s', (backend) => {
  let t: TestApp;
  let server: FeedServer;
  let editor: Record<string, string>;
  let viewer: Record<string, string>;

  /** Polls an import until it is no longer running; returns every state seen. */
  async function follow(location: string): Promise<Json[]> {
    const states: Json[] = [];
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { status, body } = await api(t, 'GET', location, { headers: viewer });
      expect(status).toBe(200);
      states.push(body);
      if (body.status !== 'running' || Date.now() > deadline) return states;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  beforeAll(async () => {
    t = await createTestApp(backend, { env: { INGEST_ALLOWED_NETWORKS: '127.0.0.1/32' } });
    editor = await t.auth('editor');
    viewer = await t.auth('viewer');
    server = await startFeedServer();
    server.route('/giantbomb.xml', { body: feed('en_giantbomb-podcast.rss').toString('utf8'), etag: true });
    server.route('/page.html', { body: '<!DOCTYPE html><html><head><title>Document Moved</title></head><body>moved</body></html>', contentType: 'text/html' });
    server.route('/arabic.xml', { body: feed('derived_ar_windows-1256.xml').toString('latin1'), contentType: 'application/xml' });
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  it('starts an import from a URL (202), reports progress, and ends with a summary; the program is subscribed', async () => {
    const started = await api(t, 'POST', '/api/cms/imports', { headers: editor, body: { url: `${server.url}/giantbomb.xml` } });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ id: expect.any(String), status: 'running', location: `/api/cms/imports/${started.body.id}` });
    expect(started.headers.location).toBe(started.body.location);
    const states = await follow(started.body.location);
    const done = states.at(-1);
    expect(done).toMatchObject({
      id: started.body.id, trigger: 'api', source: `${server.url}/giantbomb.xml`, status: 'succeeded', actor: 'test-editor',
      options: { publish: false, programSlug: null, subscribe: true }, progress: { done: 730, total: 730 },
      summary: {
        runId: started.body.id,
        program: { title: 'Giant Bombcast', status: 'draft', outcome: 'new' },
        episodes: { total: 730, new: 730, updated: 0, unchanged: 0, missing: 0, failed: 0 },
        feed: { url: `${server.url}/giantbomb.xml`, movedFrom: null, subscribed: true },
        cancelled: false,
      },
      error: null, finishedAt: expect.any(String),
    });
    // Progress moved while it ran (the giant feed takes a while).
    expect(states.some((s: Json) => s.status === 'running' && s.progress.done > 0 && s.progress.done < 730)).toBe(true);
    const programId = done.summary.program.id;
    expect(done.programId).toBe(programId);
    const subscription = await api(t, 'GET', `/api/cms/subscriptions/${programId}`, { headers: viewer, expect: 200 });
    expect(subscription.body).toMatchObject({ programId, feedUrl: `${server.url}/giantbomb.xml`, active: true, publish: false, lastOutcome: 'imported', missing: [] });
    const list = await api(t, 'GET', `/api/cms/imports?programId=${programId}`, { headers: viewer, expect: 200 });
    expect(list.body.items.map((r: Json) => r.id)).toEqual([started.body.id]);
    const episodes = await api(t, 'GET', `/api/cms/episodes?programId=${programId}&limit=5&sort=-publishAt`, { headers: viewer, expect: 200 });
    expect(episodes.body.items).toHaveLength(5);
    expect(episodes.body.items[0]).toMatchObject({ status: 'draft', createdBy: 'test-editor' });

    // Again: nothing changes.
    const again = await api(t, 'POST', '/api/cms/imports', { headers: editor, body: { url: `${server.url}/giantbomb.xml` } });
    const second = (await follow(again.body.location)).at(-1);
    expect(second.summary.episodes).toMatchObject({ new: 0, updated: 0, unchanged: 730 });
    expect(second.summary.program).toMatchObject({ id: programId, outcome: 'unchanged' });

    const paused = await api(t, 'PATCH', `/api/cms/subscriptions/${programId}`, { headers: editor, body: { active: false }, expect: 200 });
    expect(paused.body).toMatchObject({ active: false });
    expect((await api(t, 'GET', '/api/cms/subscriptions', { headers: viewer, expect: 200 })).body.items.map((s: Json) => s.programId)).toContain(programId);
  }, 120_000);

  it('imports a feed document sent as the body, published if asked, decoding its declared encoding', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/cms/imports/document?publish=true&fileName=arabic.xml',
      headers: { ...editor, 'content-type': 'application/rss+xml' }, payload: feed('derived_ar_windows-1256.xml'),
    });
    expect(response.statusCode).toBe(202);
    const done = (await follow(JSON.parse(response.body).location)).at(-1);
    expect(done).toMatchObject({ status: 'succeeded', source: 'arabic.xml', options: { publish: true, subscribe: false }, summary: { feed: null, program: { status: 'published' } } });
    const program = await api(t, 'GET', `/api/cms/programs/${done.summary.program.id}`, { headers: viewer, expect: 200 });
    expect(program.body.title).toBe('التاريخ يعيد نفسه.');
  });

  it('ends the run as failed, naming the problem, when the URL is not a feed or may not be fetched; nothing is written', async () => {
    const before = await api(t, 'GET', '/api/cms/programs?limit=200', { headers: viewer });
    const page = await api(t, 'POST', '/api/cms/imports', { headers: editor, body: { url: `${server.url}/page.html` } });
    expect((await follow(page.body.location)).at(-1)).toMatchObject({ status: 'failed', summary: null, error: { code: 'html-page', message: 'an HTML page, not a feed (its title: "Document Moved")' } });
    const missing = await api(t, 'POST', '/api/cms/imports', { headers: editor, body: { url: `${server.url}/nothing-here.xml` } });
    expect((await follow(missing.body.location)).at(-1)).toMatchObject({ status: 'failed', error: { code: 'http-status', message: expect.stringContaining('answered 404') } });
    // A private address is refused by the fetch policy before any connection is made.
    const refused = await api(t, 'POST', '/api/cms/imports', { headers: editor, body: { url: 'http://10.0.0.1/feed.xml' } });
    expect((await follow(refused.body.location)).at(-1)).toMatchObject({ status: 'failed', error: { code: 'address-refused', message: expect.stringContaining('10.0.0.1 is private network 10.0.0.0/8') } });
    const after = await api(t, 'GET', '/api/cms/programs?limit=200', { headers: viewer });
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it('answers bad requests with problem+json, and checks roles before anything else', async () => {
    expectProblem(await api(t, 'POST', '/api/cms/imports', { headers: editor, body: { url: 'ftp://example.org/feed.xml' } }), 400);
    expectProblem(await api(t, 'POST', '/api/cms/imports', { headers: editor, body: { url: `${server.url}/giantbomb.xml`, publsh: true } }), 400);
    const unknown = await api(t, 'POST', '/api/cms/imports', { headers: editor, body: { url: `${server.url}/giantbomb.xml`, programSlug: 'no-such-program' } });
    expectProblem(unknown, 400);
    expect(unknown.body.detail).toContain('No program with slug "no-such-program"');
    expectProblem(await api(t, 'POST', '/api/cms/imports', { headers: viewer, body: { url: `${server.url}/giantbomb.xml` } }), 403);
    expectProblem(await api(t, 'POST', '/api/cms/imports', { body: { url: `${server.url}/giantbomb.xml` } }), 401);
    expectProblem(await api(t, 'GET', '/api/cms/imports', {}), 401);
    expectProblem(await api(t, 'GET', '/api/cms/imports/0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61', { headers: viewer }), 404);
    expectProblem(await api(t, 'GET', '/api/cms/imports/not-a-uuid', { headers: viewer }), 400);
    expectProblem(await api(t, 'GET', '/api/cms/subscriptions/0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61', { headers: viewer }), 404);
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/cms/imports/document', headers: { ...editor, 'content-type': 'text/plain' }, payload: 'hello' });
    expectProblem({ status: wrongType.statusCode, headers: wrongType.headers, body: JSON.parse(wrongType.body) }, 415);
  });

  it('documents the routes in OpenAPI', async () => {
    const { body } = await api(t, 'GET', '/api/openapi.json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining([
      '/api/cms/imports', '/api/cms/imports/document', '/api/cms/imports/{id}', '/api/cms/subscriptions', '/api/cms/subscriptions/{programId}', '/feeds/{ref}.xml',
    ]));
    expect(body.paths['/api/cms/imports'].post.responses['202']).toBeDefined();
    expect(body.paths['/feeds/{ref}.xml'].get.responses['200'].content['application/rss+xml']).toBeDefined();
  });
});
