// Search analytics through the public API and the CMS: searches counted whether the answer came from the
// response cache or the database, grouped by the analyzer's normal form, zero-result searches, clicks
// from the site's beacon and click-through, bad beacons refused, nothing identifying stored, and the
// last counts written at shutdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { api, expectProblem, type Json } from '../support/cms.js';
import { createTestApp } from '../support/app.js';
import { searchHarness, type SearchHarness } from '../search/support.js';

const SECRET_AGENT = 'SecretAgent/7.1 (listener-fingerprint)';

describe.each(availableBackends())('search analytics on %s', (backend) => {
  let h: SearchHarness;
  let viewer: Record<string, string>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await searchHarness(backend);
    viewer = await h.t.auth('viewer');
    const program = await h.program({ title: 'بين الكتب', slug: 'bayn' });
    ids.program = program.id;
    ids.library = (await h.episode(program.id, { title: 'رحلة إلى المكتبة' })).id;
    ids.libraries = (await h.episode(program.id, { title: 'المكتبات العامة' })).id;
    ids.coffee = (await h.episode(program.id, { title: 'قهوة الصباح coffee time' })).id;
  });
  afterAll(() => h?.close());

  const log = () => h.t.discovery!.searchLog!;
  const report = async (params: Record<string, string | number> = {}) => {
    await log().flush();
    const query = new URLSearchParams(Object.entries({ from: new Date(Date.now() - 30 * 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString(), ...params }).map(([k, v]): [string, string] => [k, String(v)]));
    return (await api(h.t, 'GET', `/api/cms/analytics/search/queries?${query}`, { headers: viewer, expect: 200 })).body;
  };
  const row = (body: Json, query: string) => body.items.find((item: Json) => item.query === query);
  const click = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    h.t.app.inject({ method: 'POST', url: '/api/discovery/search/clicks', headers, payload: typeof body === 'string' ? body : JSON.stringify(body) });

  it('counts every search, from the database or the response cache, under the analyzer\'s normal form', async () => {
    const hitsBefore = h.t.discovery!.responses.hits;
    const first = await h.search({ q: 'مكتبة' });
    expect(first.total).toBe(2);
    await h.search({ q: 'مكتبة' });
    await h.search({ q: 'مكتبة' });
    expect(h.t.discovery!.responses.hits - hitsBefore).toBe(2); // two of the three came from the cache
    await h.search({ q: '«المكتبة»' });
    await h.search({ q: 'مكتبه' });
    await h.search({ q: '  المكتبات ' });
    const body = await report();
    const library = row(body, 'مكتب');
    expect(library).toMatchObject({ searches: 6, zeroResults: 0, clicks: 0, ctr: 0 });
    expect(library.meanResults).toBeGreaterThanOrEqual(1); // each form finds one or both episodes
    expect(['مكتبة', '«المكتبة»', 'مكتبه', 'المكتبات']).toContain(library.sample);
    expect(library.meanLatencyMs).toBeGreaterThanOrEqual(0);
    expect(library.maxLatencyMs).toBeGreaterThanOrEqual(library.meanLatencyMs);
    expect(body.items.filter((item: Json) => item.query.includes('مكتب'))).toHaveLength(1);
  });

  it('counts searches that found nothing, and lists them with sort=zero', async () => {
    await h.search({ q: 'zanzibar xylophone' });
    await h.search({ q: 'Zanzibar  XYLOPHONES' });
    const body = await report({ sort: 'zero' });
    expect(body.items[0]).toMatchObject({ query: 'zanzibar xylophon', searches: 2, zeroResults: 2, meanResults: 0 });
    expect(body.items.every((item: Json) => item.zeroResults > 0)).toBe(true);
    expect(body.totals.zeroResults).toBeGreaterThanOrEqual(2);
  });

  it('does not count suggestions, next pages, filters without words or queries without words', async () => {
    const before = await report();
    await h.get('/api/discovery/suggest?q=' + encodeURIComponent('مكتب'));
    await h.search({ q: '' });
    await h.search({ q: '?!…' });
    await h.search({ type: 'episode' });
    const page = await h.search({ q: 'مكتبة', limit: 1 });
    expect(page.nextCursor).toBeTruthy();
    await h.search({ q: 'مكتبة', limit: 1, cursor: page.nextCursor });
    const after = await report();
    expect(after.totals.searches).toBe(before.totals.searches + 1); // the first page only
    expect(after.totals.queries).toBe(before.totals.queries);
  });

  it('counts clicks from the beacon (JSON or text/plain) and gives click-through by query', async () => {
    for (let i = 0; i < 4; i++) await h.search({ q: 'coffee' });
    expect((await click({ q: 'coffee', rank: 1, id: ids.coffee, type: 'episode' })).statusCode).toBe(204);
    // navigator.sendBeacon with a string body posts text/plain.
    const plain = await click(JSON.stringify({ q: 'Coffee', rank: 3, id: ids.coffee, type: 'episode' }), { 'content-type': 'text/plain;charset=UTF-8' });
    expect(plain.statusCode).toBe(204);
    const body = await report({ sort: 'ctr', minSearches: 1 });
    const coffee = row(body, 'coffe');
    expect(coffee).toMatchObject({ searches: 4, clicks: 2, clicksFirst: 1, meanClickRank: 2, ctr: 0.5 });
    // Lowest click-through first: the library searches (no clicks) come before coffee.
    expect(body.items.findIndex((item: Json) => item.query === 'مكتب')).toBeLessThan(body.items.indexOf(body.items.find((item: Json) => item.query === 'coffe')));
    // Zero-result queries are not in the click-through list (nothing to click).
    expect(row(body, 'zanzibar xylophon')).toBeUndefined();
  });

  it('refuses bad click beacons with problem+json and counts nothing from them', async () => {
    const before = (await report()).totals.clicks;
    const bad: [unknown, Record<string, string>?][] = [
      [{ q: 'coffee', rank: 0, id: ids.coffee, type: 'episode' }],
      [{ q: 'coffee', rank: 1.5, id: ids.coffee, type: 'episode' }],
      [{ q: 'coffee', rank: 1, id: 'not-a-uuid', type: 'episode' }],
      [{ q: '', rank: 1, id: ids.coffee, type: 'episode' }],
      [{ q: 'coffee', rank: 1, id: ids.coffee, type: 'person' }],
      [{ q: 'coffee', rank: 1, id: ids.coffee, type: 'episode', listener: 'abc' }],
      [{ rank: 1, id: ids.coffee, type: 'episode' }],
      ['{"q": "coffee", "rank": ', { 'content-type': 'text/plain' }],
      ['{"q": "coffee", "rank": ', { 'content-type': 'application/json' }],
      [{ q: 'x'.repeat(600), rank: 1, id: ids.coffee, type: 'episode' }],
      [JSON.stringify({ q: 'coffee', rank: 1, id: ids.coffee, type: 'episode' }), { 'content-type': 'application/x-www-form-urlencoded' }],
      [JSON.stringify({ q: 'coffee '.repeat(1000), rank: 1, id: ids.coffee, type: 'episode' }), { 'content-type': 'text/plain' }],
    ];
    for (const [body, headers] of bad) {
      const response = await click(body, headers);
      expect(response.statusCode, `${JSON.stringify(body).slice(0, 80)} → ${response.body}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expectProblem({ status: response.statusCode, headers: response.headers, body: JSON.parse(response.body) }, response.statusCode);
    }
    expect((await report()).totals.clicks).toBe(before);
  });

  it('stores only query text and counts: no address, user agent or listener id', async () => {
    await h.t.app.inject({ method: 'GET', url: `/api/discovery/search?q=${encodeURIComponent('قهوة')}`, headers: { 'user-agent': SECRET_AGENT, 'x-forwarded-for': '203.0.113.77' } });
    await click({ q: 'قهوة', rank: 1, id: ids.coffee, type: 'episode' }, { 'content-type': 'application/json', 'user-agent': SECRET_AGENT });
    await log().flush();
    const columns = await h.t.platform.db.query<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name = 'search_queries_hourly' order by ordinal_position");
    expect(columns.map((c) => c.column_name)).toEqual([
      'hour', 'query', 'sample', 'searches', 'zero_results', 'results_sum', 'latency_ms_sum', 'latency_ms_max', 'clicks', 'clicks_first', 'click_rank_sum',
    ]);
    const dump = JSON.stringify(await h.t.platform.db.query('select * from search_queries_hourly'));
    expect(dump).toContain('قهوة');
    for (const secret of ['SecretAgent', '203.0.113.77', '127.0.0.1', ids.coffee]) expect(dump).not.toContain(secret);
  });

  it('gives the report to viewers and up only, and checks its period', async () => {
    expect((await api(h.t, 'GET', '/api/cms/analytics/search/queries')).status).toBe(401);
    expect((await api(h.t, 'GET', '/api/cms/analytics/search/queries', { headers: await h.t.auth([]) })).status).toBe(403);
    const recent = (await api(h.t, 'GET', '/api/cms/analytics/search/queries', { headers: viewer, expect: 200 })).body;
    expect(recent.totals.searches).toBeGreaterThan(0); // default period: the last 7 days
    expect(Date.parse(recent.to) - Date.parse(recent.from)).toBe(7 * 86_400_000);
    const past = await report({ from: '2001-01-01', to: '2001-02-01' });
    expect(past).toMatchObject({ items: [], totals: { searches: 0, clicks: 0, queries: 0 } });
    for (const params of ['from=2026-02-01&to=2026-01-01', 'from=2020-01-01&to=2026-01-01', 'from=2026-02-30', 'sort=clicks', 'limit=0', 'limit=501', 'from=yesterday']) {
      expectProblem(await api(h.t, 'GET', `/api/cms/analytics/search/queries?${params}`, { headers: viewer }), 400);
    }
    const limited = await report({ limit: 1 });
    expect(limited.items).toHaveLength(1);
    expect(limited.items[0].query).toBe('مكتب'); // the most searched
  });
});

// Each test starts its own server (on a loaded machine that takes a while).
describe.each(availableBackends())('search analytics at shutdown on %s', { timeout: 120_000 }, (backend) => {
  it('writes the counts still in memory when the server closes', async () => {
    // A flush interval far beyond the test: only the close can write these counts.
    const t = await createTestApp(backend, { env: { SEARCH_ANALYTICS_FLUSH_MS: '3600000' } });
    try {
      for (let i = 0; i < 25; i++) await t.app.inject({ method: 'GET', url: `/api/discovery/search?q=${encodeURIComponent('podcast')}` });
      await t.app.inject({ method: 'POST', url: '/api/discovery/search/clicks', headers: { 'content-type': 'application/json' }, payload: { q: 'podcasts', rank: 2, id: '0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61', type: 'program' } });
      expect(await t.platform.db.query('select 1 from search_queries_hourly')).toHaveLength(0);
      await t.app.close();
      const rows = await t.platform.db.query<{ query: string; searches: number; zero_results: number; clicks: number; click_rank_sum: number }>(
        'select query, searches::int, zero_results::int, clicks::int, click_rank_sum::int from search_queries_hourly');
      expect(rows).toEqual([{ query: 'podcast', searches: 25, zero_results: 25, clicks: 1, click_rank_sum: 2 }]);
    } finally {
      await t.close();
    }
  });

  it('rate limits click beacons like the rest of the public API', async () => {
    const t = await createTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const send = () => t.app.inject({ method: 'POST', url: '/api/discovery/search/clicks', headers: { 'content-type': 'application/json' }, payload: { q: 'podcast', rank: 1, id: '0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61', type: 'program' } });
      for (let i = 0; i < 3; i++) expect((await send()).statusCode).toBe(204);
      const limited = await send();
      expectProblem({ status: limited.statusCode, headers: limited.headers, body: JSON.parse(limited.body) }, 429);
      await t.app.close();
      expect(await t.platform.db.query('select clicks::int from search_queries_hourly')).toEqual([{ clicks: 3 }]);
    } finally {
      await t.close();
    }
  });

  it('counts nothing when SEARCH_ANALYTICS=false', async () => {
    const t = await createTestApp(backend, { env: { SEARCH_ANALYTICS: 'false' } });
    try {
      expect(t.discovery!.searchLog).toBeUndefined();
      expect((await t.app.inject({ method: 'GET', url: '/api/discovery/search?q=podcast' })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'POST', url: '/api/discovery/search/clicks', headers: { 'content-type': 'application/json' }, payload: { q: 'x', rank: 1, id: '0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61', type: 'program' } })).statusCode).toBe(404);
      await t.app.close();
      expect(await t.platform.db.query('select 1 from search_queries_hourly')).toHaveLength(0);
    } finally {
      await t.close();
    }
  });
});
