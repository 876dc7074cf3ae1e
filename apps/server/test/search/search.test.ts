// Search through the public API over a catalogue written in the CMS: ranking, phrases, exclusions, mixed
// languages, filters and facets, highlighting over diacritised text, cursors, typo tolerance, caching.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { expectProblem, type Json } from '../support/cms.js';
import { daysAgo, searchHarness, titles, type SearchHarness } from './support.js';
import { setPopularity } from '../../src/discovery/search-index/store.js';
import { bumpGeneration } from '../../src/discovery/projection.js';
import { encodeSearchCursor, searchDigest } from '../../src/discovery/search/cursor.js';

describe.each(availableBackends())('search on %s', (backend) => {
  let h: SearchHarness;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await searchHarness(backend);
    const culture = await h.category({ slug: 'culture', nameAr: 'ثقافة', nameEn: 'Culture' });
    const books = await h.category({ slug: 'books', nameAr: 'كتب', nameEn: 'Books', parentId: culture.id });
    const science = await h.category({ slug: 'science', nameAr: 'علوم', nameEn: 'Science' });
    const ahmad = await h.person('أحمد سالم');
    const sarah = await h.person('Sarah Connor');

    const arabic = await h.program({ title: 'بين الكتب', slug: 'bayn', categoryId: books.id, tags: ['أدب'], description: 'برنامج عن القراءة', people: [{ personId: ahmad.id, role: 'host' }] });
    const english = await h.program({ title: 'Library Hours', slug: 'library-hours', kind: 'series', language: 'en', categoryId: culture.id, description: 'Stories told in libraries.', people: [{ personId: sarah.id, role: 'host' }] });
    const science1 = await h.program({ title: 'Science Weekly', slug: 'science-weekly', kind: 'documentary', language: 'en', categoryId: science.id });
    ids.arabic = arabic.id;
    ids.english = english.id;

    const ep = async (key: string, program: string, body: Json, publishAt?: string) => {
      ids[key] = (await h.episode(program, body, publishAt)).id;
    };
    // Ranking: title above description (same day); exact form above another form of the word.
    await ep('titleHit', arabic.id, { title: 'رحلة إلى المكتبة', description: 'حلقة عن السفر', durationSeconds: 600 }, daysAgo(30));
    await ep('descriptionHit', arabic.id, { title: 'زيارة الصباح', description: 'ذهبنا إلى المكتبة في الصباح الباكر', durationSeconds: 1800 }, daysAgo(30));
    await ep('plural', arabic.id, { title: 'المكتبات', durationSeconds: 2400 }, daysAgo(60));
    await ep('singular', arabic.id, { title: 'مكتبة', durationSeconds: 3600 }, daysAgo(60));
    // Diacritised text for highlighting; phrases.
    await ep('diacritics', arabic.id, { title: 'قرأتُ الكُتُبَ', description: `${'كلام '.repeat(80)}وفي النهاية قرأنا الكُتُبَ القديمةَ معاً. ${'حديث '.repeat(60)}` }, daysAgo(90));
    await ep('phrase', arabic.id, { title: 'الحَلْقَةُ الأُولَى من الموسم' }, daysAgo(100));
    await ep('apart', arabic.id, { title: 'الأولى في ترتيب الحلقة' }, daysAgo(100));
    await ep('mixed', arabic.id, { title: 'قهوة الصباح coffee time', language: 'ar' }, daysAgo(110));
    await ep('festival', arabic.id, { title: 'مهرجان الموسيقى العربية' }, daysAgo(120));

    await ep('war', english.id, { title: 'The history of war', description: 'Battles and generals.' }, daysAgo(40));
    await ep('peace', english.id, { title: 'History of peace', description: 'Treaties.' }, daysAgo(40));
    await ep('wars', english.id, { title: 'Wars and history' }, daysAgo(40));
    await ep('photo', english.id, { title: 'Photography basics', durationSeconds: 900 }, daysAgo(50));
    await ep('newer', english.id, { title: 'Weekly roundup', description: 'News of the week.' }, daysAgo(5));
    await ep('older', english.id, { title: 'Weekly roundup', description: 'News of the week.' }, daysAgo(200));
    await ep('quiet', english.id, { title: 'Monthly digest' }, daysAgo(70));
    await ep('popular', english.id, { title: 'Monthly digest' }, daysAgo(70));
    for (let i = 1; i <= 13; i++) await ep(`physics${i}`, science1.id, { title: `Lecture ${i} on physics`, durationSeconds: 1200 + i }, daysAgo(20 + (i % 4)));
    // Never public: a draft and a scheduled episode with a matching title.
    await h.episode(english.id, { title: 'History draft' }, null);
  });
  afterAll(() => h?.close());

  it('ranks a title hit above a description hit, and the exact form above other forms', async () => {
    const library = titles(await h.search({ q: 'مكتبة' }));
    expect(library).toEqual(expect.arrayContaining(['رحلة إلى المكتبة', 'زيارة الصباح', 'المكتبات', 'مكتبة']));
    expect(library.indexOf('رحلة إلى المكتبة')).toBeLessThan(library.indexOf('زيارة الصباح'));
    expect(library.indexOf('مكتبة')).toBeLessThan(library.indexOf('المكتبات'));
    const plural = titles(await h.search({ q: 'المكتبات' }));
    expect(plural.indexOf('المكتبات')).toBeLessThan(plural.indexOf('مكتبة'));
  });

  it('boosts recent and popular documents', async () => {
    const roundup = (await h.search({ q: 'weekly roundup', type: 'episode' })).items.map((i: Json) => i.id);
    expect(roundup).toEqual([ids.newer, ids.older]);
    const before = (await h.search({ q: 'monthly digest' })).items.map((i: Json) => i.id);
    expect(before).toHaveLength(2);
    await h.t.platform.db.transaction(async (tx) => {
      await setPopularity(tx, 'episode', before[1], 500);
      await bumpGeneration(tx);
    });
    const after = (await h.search({ q: 'monthly digest' })).items.map((i: Json) => i.id);
    expect(after).toEqual([before[1], before[0]]);
  });

  it('requires every word, matches any form of it, and drops stop words from matching but not from ranking', async () => {
    expect(titles(await h.search({ q: 'history peace' }))).toEqual(['History of peace']);
    // "of" is a stop word: not required (it would match the same), but it ranks texts that have it.
    const history = await h.search({ q: 'history of' });
    expect(history.query).toMatchObject({ terms: ['histori'], optional: ['of'] });
    expect(titles(history).slice(0, 2).sort()).toEqual(['History of peace', 'The history of war']);
    expect(titles(history)).toContain('Wars and history');
  });

  it('matches "exact phrases" on word positions, diacritics and alef forms aside', async () => {
    const result = await h.search({ q: '"الحلقة الأولى"' });
    expect(titles(result)).toEqual(['الحَلْقَةُ الأُولَى من الموسم']);
    expect(result.query.phrases).toEqual(['الحلقه الاولي']);
    // Both words, not as a phrase: both documents.
    expect(titles(await h.search({ q: 'الحلقة الأولى' })).sort()).toEqual(['الأولى في ترتيب الحلقة', 'الحَلْقَةُ الأُولَى من الموسم'].sort());
    expect(titles(await h.search({ q: '"history of war"' }))).toEqual(['The history of war']);
    expect(titles(await h.search({ q: '"war of history"' }))).toEqual([]);
  });

  it('excludes -words (every form) and -"phrases"', async () => {
    expect(titles(await h.search({ q: 'history -war' }))).toEqual(['History of peace']);
    expect(titles(await h.search({ q: 'history -"of war"' })).sort()).toEqual(['History of peace', 'Wars and history']);
    const onlyExcluded = titles(await h.search({ q: '-history', type: 'episode', program: 'library-hours' }));
    expect(onlyExcluded).not.toContain('History of peace');
    expect(onlyExcluded).toContain('Photography basics');
  });

  it('searches Arabic and English in one query', async () => {
    expect(titles(await h.search({ q: 'قهوة coffee' }))).toEqual(['قهوة الصباح coffee time']);
    expect(titles(await h.search({ q: 'COFFEE الصباح' }))).toEqual(['قهوة الصباح coffee time']);
  });

  it('filters by type, program, category with subcategories, language, kind, duration and date, and counts facets over all hits', async () => {
    const all = await h.search({ q: '', limit: 100 });
    expect(all.total).toBe(3 + 9 + 8 + 13);
    expect(all.facets.type).toEqual([{ value: 'episode', count: 30 }, { value: 'program', count: 3 }]);
    expect(all.facets.language).toEqual([{ value: 'en', count: 23 }, { value: 'ar', count: 10 }]);
    expect(all.facets.kind).toEqual([{ value: 'documentary', count: 14 }, { value: 'podcast', count: 10 }, { value: 'series', count: 9 }]);
    const culture = all.facets.category.find((c: Json) => c.slug === 'culture');
    expect(culture).toMatchObject({ nameAr: 'ثقافة', count: 19, parentSlug: null });
    expect(all.facets.category.find((c: Json) => c.slug === 'books')).toMatchObject({ count: 10, parentSlug: 'culture' });

    // Facets count the whole match set, not the page.
    const physics = await h.search({ q: 'physics', limit: 2 });
    expect(physics.items).toHaveLength(2);
    expect(physics.total).toBe(13);
    expect(physics.facets.type).toEqual([{ value: 'episode', count: 13 }]);

    expect((await h.search({ q: '', category: 'culture', limit: 100 })).total).toBe(19); // books is inside culture
    expect((await h.search({ q: '', category: 'books', type: 'program' })).items.map((i: Json) => i.program.slug)).toEqual(['bayn']);
    expect((await h.search({ q: 'history', program: 'library-hours', type: 'episode' })).total).toBe(3);
    expect((await h.search({ q: 'history', language: 'ar' })).total).toBe(0);
    expect((await h.search({ q: '', kind: 'series', limit: 100 })).total).toBe(9);
    const long = await h.search({ q: '', durationMin: 1800, durationMax: 3600 });
    expect(titles(long).sort()).toEqual(['المكتبات', 'زيارة الصباح', 'مكتبة'].sort());
    expect(long.items.every((i: Json) => i.type === 'episode')).toBe(true);
    const window = await h.search({ q: '', from: daysAgo(61).slice(0, 10), to: daysAgo(59), type: 'episode' });
    expect(titles(window).sort()).toEqual(['المكتبات', 'مكتبة'].sort());
    const day = await h.search({ q: '', from: daysAgo(40).slice(0, 10), to: daysAgo(40).slice(0, 10), type: 'episode' });
    expect(day.total).toBe(3);
  });

  it('highlights matched words as written, diacritics included, in the title and a description snippet', async () => {
    const result = await h.search({ q: 'كتب' });
    const hit = result.items.find((i: Json) => i.id === ids.diacritics);
    expect(hit.title).toBe('قرأتُ الكُتُبَ');
    expect(hit.highlights.title.map(([s, e]: number[]) => hit.title.slice(s, e))).toEqual(['الكُتُبَ']);
    const snippet = hit.highlights.description;
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(203);
    expect(snippet.highlights.map(([s, e]: number[]) => snippet.text.slice(s, e))).toEqual(['الكُتُبَ']);
    // A phrase is highlighted as one range, across the space between its words.
    const phrase = (await h.search({ q: '"الحلقة الأولى"' })).items[0];
    expect(phrase.highlights.title.map(([s, e]: number[]) => phrase.title.slice(s, e))).toEqual(['الحَلْقَةُ الأُولَى']);
    // English: every form of the word.
    const war = (await h.search({ q: 'war' })).items.find((i: Json) => i.id === ids.wars);
    expect(war.highlights.title.map(([s, e]: number[]) => war.title.slice(s, e))).toEqual(['Wars']);
  });

  it('pages with opaque cursors, visiting each hit once in the order of one big page', async () => {
    for (const sort of ['relevance', 'newest']) {
      const whole = (await h.search({ q: 'physics lecture', sort, limit: 100 })).items.map((i: Json) => i.id);
      expect(whole).toHaveLength(13);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Json = await h.search({ q: 'physics lecture', sort, limit: 4, ...(cursor ? { cursor } : {}) });
        expect(page.total).toBe(13);
        seen.push(...page.items.map((i: Json) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(whole);
    }
    // The same search with its parameters in another order takes the same cursor.
    const firstPage = await h.search({ q: 'physics', type: 'episode', limit: 3 });
    const reordered = await h.get(`/api/discovery/search?limit=3&type=episode&cursor=${firstPage.nextCursor}&q=physics`);
    expect(reordered.status).toBe(200);
    expect(reordered.body.items[0].id).not.toBe(firstPage.items[0].id);
    const newest = await h.search({ q: '', sort: 'newest', type: 'episode', limit: 100 });
    const times = newest.items.map((i: Json) => Date.parse(i.episode.publishAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(newest.items[0].score).toBeNull();
    // A cursor belongs to its search: another query, sort or a damaged cursor is a 400.
    const first = await h.search({ q: 'physics', limit: 2 });
    expectProblem(await h.get(`/api/discovery/search?q=history&cursor=${first.nextCursor}`), 400);
    expectProblem(await h.get(`/api/discovery/search?q=physics&sort=newest&cursor=${first.nextCursor}`), 400);
    expectProblem(await h.get(`/api/discovery/search?q=physics&cursor=${first.nextCursor.slice(0, -3)}`), 400);
    expectProblem(await h.get('/api/discovery/search?q=physics&cursor=not%20a%20cursor'), 400);
    // A forged cursor of the right search but an impossible date or score is refused, not passed to the database.
    const digest = searchDigest({ q: 'physics', sort: 'newest' });
    for (const v of ['2026-02-31T00:00:00.000000Z', '2026-01-01 00:00:00+00', '99999-01-01T00:00:00.000000Z']) {
      const forged = encodeSearchCursor('newest', digest, { value: v, id: ids.photo! });
      expectProblem(await h.get(`/api/discovery/search?q=physics&sort=newest&cursor=${forged}`), 400);
    }
    const good = encodeSearchCursor('newest', digest, { value: '2026-01-01T00:00:00.000000Z', id: ids.photo! });
    expect((await h.get(`/api/discovery/search?q=physics&sort=newest&cursor=${good}`)).status).toBe(200);
    const huge = Buffer.from(JSON.stringify({ s: 'relevance', v: '1e309', i: ids.photo, q: searchDigest({ q: 'physics', sort: 'relevance' }) })).toString('base64url');
    expectProblem(await h.get(`/api/discovery/search?q=physics&cursor=${huge}`), 400);
  });

  it('tolerates typos: titles similar to the words follow when the words find little', async () => {
    const english = await h.search({ q: 'photgraphy' });
    expect(english.query.similar).toBe(true);
    expect(english.items[0]).toMatchObject({ id: ids.photo, match: 'similar' });
    expect(english.items[0].highlights.title.map(([s, e]: number[]) => english.items[0].title.slice(s, e))).toEqual(['Photography']);
    // A one-letter slip in a short word (word similarity 0.5, below pg_trgm's default 0.6).
    expect((await h.search({ q: 'libary' })).items[0]).toMatchObject({ title: 'Library Hours', match: 'similar' });
    const arabic = await h.search({ q: 'مهرجن' });
    expect(arabic.items.map((i: Json) => i.id)).toContain(ids.festival);
    // Enough word hits: no similar titles mixed in.
    const physics = await h.search({ q: 'physics' });
    expect(physics.query.similar).toBe(false);
    expect(physics.items.every((i: Json) => i.match === 'words')).toBe(true);
  });

  it('returns programs and episodes with their documents, and serves repeated searches from the cache', async () => {
    const result = await h.search({ q: 'library' });
    const program = result.items.find((i: Json) => i.type === 'program');
    expect(program.program).toMatchObject({ slug: 'library-hours', episodeCount: 8, language: 'en', people: [{ name: 'Sarah Connor' }] });
    expect(program.episode).toBeUndefined();
    // The description is not repeated: the snippet stands in for it.
    expect(program.program.description).toBeUndefined();
    expect(program.highlights.description).toEqual({ text: 'Stories told in libraries.', highlights: [[16, 25]] });
    const episode = result.items.find((i: Json) => i.type === 'episode');
    expect(episode.episode).toMatchObject({ program: { slug: 'library-hours' }, publishAt: expect.any(String), media: [] });
    expect(episode.episode.description).toBeUndefined();
    const hits = h.t.discovery!.responses.hits;
    const again = await h.get('/api/discovery/search?q=library');
    expect(again.headers['cache-control']).toMatch(/max-age=10/);
    expect(h.t.discovery!.responses.hits).toBe(hits + 1);
    const notModified = await h.get('/api/discovery/search?q=library', { 'if-none-match': String(again.headers.etag) });
    expect(notModified.status).toBe(304);
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await h.get('/api/openapi.json')).body;
    expect(spec.paths['/api/discovery/search'].get.parameters.map((p: Json) => p.name)).toEqual(expect.arrayContaining(['q', 'type', 'category', 'durationMin', 'cursor']));
    expect(spec.paths['/api/discovery/suggest'].get.summary).toMatch(/typed/);
  });
});
