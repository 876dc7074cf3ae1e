// The public API over the demo catalogue: browsing, pagination, caching with ETags, CORS, rate limits.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { api, expectProblem } from '../support/cms.js';
import { seedTask } from '../../src/seed/seed.task.js';
import { Projector } from '../../src/discovery/projection.js';
import { rebuildReadModel } from '../../src/discovery/rebuild.js';
import { readModelSync } from '../support/read-model.js';

describe.each(availableBackends())('browsing on %s', (backend) => {
  let t: TestApp;
  let editor: Record<string, string>;
  const get = async (url: string, headers: Record<string, string> = {}) => {
    await t.discovery!.generation.refresh();
    return api(t, 'GET', url, { headers });
  };

  beforeAll(async () => {
    t = await createTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    editor = await t.auth('editor');
    await seedTask.run({ platform: t.platform, actor: 'system:seed', progress: () => {} }, {});
    const progress: number[] = [];
    const result = await rebuildReadModel(t.platform.db, new Projector(), (done) => progress.push(done));
    expect(result.programs).toBe(23); // the seed leaves one program a draft
    expect(progress.length).toBeGreaterThan(0);
  });
  afterAll(() => t?.close());

  it('serves the home page: newest episodes, featured programs, shelves per category', async () => {
    const home = await get('/api/discovery/home');
    expect(home.status).toBe(200);
    expect(home.body.latest).toHaveLength(12);
    const times = home.body.latest.map((e: { publishAt: string }) => Date.parse(e.publishAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(home.body.featured.length).toBeGreaterThan(0);
    expect(home.body.categories.length).toBeGreaterThan(3);
    expect(home.body.categories[0].category.nameAr).toMatch(/[\u0600-\u06FF]/);
    const arabic = await get('/api/discovery/home?language=ar');
    expect(arabic.body.latest.every((e: { language: string }) => e.language === 'ar')).toBe(true);
  });

  it('lists categories with counts, and a category page includes its subcategories', async () => {
    const list = await get('/api/discovery/categories');
    const culture = list.body.items.find((c: { slug: string }) => c.slug === 'culture');
    const books = list.body.items.find((c: { slug: string }) => c.slug === 'books');
    expect(books).toMatchObject({ nameAr: 'كتب', parentId: culture.id, programCount: 1 });
    const page = await get('/api/discovery/categories/culture?limit=50');
    const slugs = page.body.programs.items.map((p: { slug: string }) => p.slug);
    expect(slugs).toContain('bayn-al-kutub'); // in Books, a subcategory of Culture
    expect(slugs).not.toContain('kings-and-wars'); // the seed's draft program
    expectProblem(await get('/api/discovery/categories/no-such-category'), 404);
  });

  it('pages through programs and episodes with cursors, each item once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { slug: string }[]; nextCursor: string | null } } = await get(`/api/discovery/programs?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((p) => p.slug));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    const byTitle = await get('/api/discovery/programs?sort=title&language=en&limit=3');
    expect(byTitle.body.items.map((p: { title: string }) => p.title)).toEqual(['Connected', 'Game Day', 'Green World']);
    const podcasts = await get('/api/discovery/programs?kind=documentary&limit=50');
    expect(podcasts.body.items.every((p: { kind: string }) => p.kind === 'documentary')).toBe(true);

    const program = await get('/api/discovery/programs/bayn-al-kutub');
    expect(program.body.program).toMatchObject({ slug: 'bayn-al-kutub', title: 'بين الكتب', language: 'ar', category: { slug: 'books' } });
    expect(program.body.program.episodeCount).toBeGreaterThan(10);
    const all: string[] = [];
    cursor = null;
    do {
      const page: { body: { items: { id: string; publishAt: string }[]; nextCursor: string | null } } = await get(`/api/discovery/programs/bayn-al-kutub/episodes?sort=oldest&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...page.body.items.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(program.body.program.episodeCount);
    expect(new Set(all).size).toBe(all.length);
  });

  it('serves an episode and a person page', async () => {
    const latest = await get('/api/discovery/episodes?limit=1');
    const episode = latest.body.items[0];
    const one = await get(`/api/discovery/episodes/${episode.id}`);
    expect(one.body).toMatchObject({ id: episode.id, program: { slug: expect.any(String) }, people: expect.any(Array) });
    expect(one.body.description).toMatch(/CC BY 2\.0 FR/);
    const personSlug = one.body.people[0].slug;
    const person = await get(`/api/discovery/people/${encodeURIComponent(personSlug)}`);
    expect(person.body.programs.length).toBeGreaterThan(0);
    expect(person.body.programs[0].roles).toEqual(expect.arrayContaining([expect.stringMatching(/host/)]));
    const people = await get('/api/discovery/people?limit=100');
    expect(people.body.items.length).toBeGreaterThan(5);
  });

  it('answers with ETags, 304s and CDN-friendly Cache-Control, and a publish is never served stale', async () => {
    const first = await get('/api/discovery/programs/al-usra');
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+/);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await get('/api/discovery/programs/al-usra', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    const hitsBefore = t.discovery!.responses.hits;
    await get('/api/discovery/programs/al-usra');
    expect(t.discovery!.responses.hits).toBe(hitsBefore + 1);

    // Change the program in the CMS; once indexed, the next response is the new one (new ETag).
    const sync = readModelSync(t.platform.db);
    await sync(); // catch up with the seed's events first
    const cms = await api(t, 'GET', '/api/cms/programs?q=' + encodeURIComponent('الأسرة'), { headers: editor });
    const id = cms.body.items[0].id;
    await api(t, 'PATCH', `/api/cms/programs/${id}`, { headers: { ...editor, 'if-match': `"${cms.body.items[0].version}"` }, body: { title: 'الأسرة والبيت' }, expect: 200 });
    await sync();
    const changed = await get('/api/discovery/programs/al-usra', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body.program.title).toBe('الأسرة والبيت');
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('compresses cached responses for clients that ask (br preferred, then gzip), once per entry', async () => {
    await t.discovery!.generation.refresh();
    const url = '/api/discovery/home?language=en';
    const plain = await t.app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('accept-encoding');
    const body = plain.rawPayload;
    expect(body.length).toBeGreaterThan(4096);

    const br = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(body.length / 3);
    expect(brotliDecompressSync(br.rawPayload).equals(body)).toBe(true);
    expect(br.headers.etag).toBe(plain.headers.etag);
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);

    const gz = await t.app.inject({ url, headers: { 'accept-encoding': 'br;q=0, gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(body)).toBe(true);
    // The same bytes again: kept with the entry, not compressed per request.
    const again = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(again.rawPayload.equals(gz.rawPayload)).toBe(true);

    expect((await t.app.inject({ url, headers: { 'accept-encoding': 'identity' } })).headers['content-encoding']).toBeUndefined();
    expect((await t.app.inject({ url, headers: { 'accept-encoding': 'compress, x-nonsense;q=abc' } })).headers['content-encoding']).toBeUndefined();
    // 304 still wins, and a tiny body (a 404 problem) goes out as it is.
    expect((await t.app.inject({ url, headers: { 'accept-encoding': 'br', 'if-none-match': String(plain.headers.etag) } })).statusCode).toBe(304);
    const missing = await t.app.inject({ url: '/api/discovery/programs/no-such-program', headers: { 'accept-encoding': 'br' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(missing.json().status).toBe(404);
  });

  it('sends CORS headers for web clients', async () => {
    const preflight = await t.app.inject({ method: 'OPTIONS', url: '/api/discovery/home', headers: { origin: 'https://thmnayah.example', 'access-control-request-method': 'GET' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    const simple = await t.app.inject({ url: '/api/discovery/categories', headers: { origin: 'https://thmnayah.example' } });
    expect(simple.headers['access-control-allow-origin']).toBe('*');
    expect(String(simple.headers['access-control-expose-headers'])).toContain('etag');
    const cms = await t.app.inject({ url: '/api/cms/programs', headers: { origin: 'https://thmnayah.example' } });
    expect(cms.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('rejects bad public queries with 400 problems', async () => {
    for (const url of ['/api/discovery/programs?unknown=1', '/api/discovery/programs?limit=1000', '/api/discovery/programs?cursor=garbage',
      '/api/discovery/programs?sort=random', '/api/discovery/episodes/not-a-uuid', '/api/discovery/programs?kind=radio',
      `/api/discovery/programs/${'x'.repeat(300)}`, '/api/discovery/programs/%E0%A4%A']) {
      expectProblem(await get(url), 400);
    }
    expectProblem(await get(`/api/discovery/programs/${'x'.repeat(600)}`), 414);
    expectProblem(await get('/api/discovery/programs/no-such-program'), 404);
    expectProblem(await get('/api/discovery/episodes/00000000-0000-4000-8000-000000000000'), 404);
  });
});
