// As-you-type completion over titles and hosts' names, in Arabic and English, normalised prefixes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { expectProblem, type Json } from '../support/cms.js';
import { daysAgo, searchHarness, type SearchHarness } from './support.js';

describe.each(availableBackends())('suggest on %s', (backend) => {
  let h: SearchHarness;
  const suggest = async (q: string, extra = '') => {
    const response = await h.get(`/api/discovery/suggest?q=${encodeURIComponent(q)}${extra}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.items as Json[];
  };
  const marked = (item: Json) => item.highlights.map(([s, e]: number[]) => item.title.slice(s, e));

  beforeAll(async () => {
    h = await searchHarness(backend);
    const host = await h.person('Sarah Connor');
    const ahmad = await h.program({ title: 'حوار مع أحمد', slug: 'hiwar' });
    const books = await h.program({ title: 'Library Hours', slug: 'library-hours', language: 'en', people: [{ personId: host.id, role: 'host' }] });
    await h.episode(ahmad.id, { title: 'الكِتابُ الأوّل' }, daysAgo(3));
    await h.episode(ahmad.id, { title: 'مكتبة البيت' }, daysAgo(4));
    await h.episode(books.id, { title: 'Librarians at work' }, daysAgo(5));
    await h.episode(books.id, { title: 'Reading rooms' }, daysAgo(6));
  });
  afterAll(() => h?.close());

  it('completes normalised Arabic prefixes: احم finds أحمد, كتا finds الكتاب', async () => {
    const ahmad = await suggest('احم');
    expect(ahmad.map((i) => i.title)).toEqual(['حوار مع أحمد']);
    expect(ahmad[0]).toMatchObject({ type: 'program', slug: 'hiwar', program: null });
    expect(marked(ahmad[0])).toEqual(['أحمد']);
    const book = await suggest('كتا');
    expect(book.map((i) => i.title)).toEqual(['الكِتابُ الأوّل']);
    expect(book[0]).toMatchObject({ type: 'episode', program: { slug: 'hiwar', title: 'حوار مع أحمد' } });
    expect(marked(book[0])).toEqual(['الكِتابُ']);
    expect((await suggest('الكت')).map((i) => i.title)).toEqual(['الكِتابُ الأوّل']);
    expect((await suggest('أحْمَ')).map((i) => i.title)).toEqual(['حوار مع أحمد']);
  });

  it('completes English prefixes case-insensitively, programs before their episodes, and hosts by name', async () => {
    const libr = await suggest('LIBR');
    expect(libr.map((i) => i.title)).toEqual(['Library Hours', 'Librarians at work']);
    const sar = await suggest('sar');
    expect(sar).toEqual([expect.objectContaining({ type: 'person', title: 'Sarah Connor', slug: expect.any(String), program: null })]);
  });

  it('requires the finished words, and treats a word followed by a space as finished', async () => {
    expect((await suggest('library ho')).map((i) => i.title)).toEqual(['Library Hours']);
    expect((await suggest('reading li'))).toEqual([]);
    expect((await suggest('library ')).map((i) => i.title)).toEqual(['Library Hours']);
    expect((await suggest('reading ro')).map((i) => i.title)).toEqual(['Reading rooms']);
  });

  it('answers nothing for one letter, punctuation or operators, and 400 for bad parameters', async () => {
    expect(await suggest('l')).toEqual([]);
    expect(await suggest('ال')).toEqual([]); // the article alone is not a prefix of anything in particular
    expect(await suggest('الك')).toEqual([]);
    expect(await suggest('')).toEqual([]);
    for (const q of ["'", '&|!:*()', '%', '_', '\\', '"lib', 'lib%']) expect(Array.isArray(await suggest(q))).toBe(true);
    // Not LIKE patterns: % ends the word "lib", which no title has as a whole word.
    expect(await suggest('lib%')).toEqual([]);
    expect((await suggest('li', '&limit=1'))).toHaveLength(1);
    expectProblem(await h.get('/api/discovery/suggest'), 400);
    expectProblem(await h.get(`/api/discovery/suggest?q=${'x'.repeat(201)}`), 400);
    expectProblem(await h.get('/api/discovery/suggest?q=li&limit=500'), 400);
    expectProblem(await h.get('/api/discovery/suggest?q=li&type=person'), 400);
  });
});
