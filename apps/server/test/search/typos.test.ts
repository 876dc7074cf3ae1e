// Typo tolerance on every word, through the public search API (issue 16): Damerau–Levenshtein corrections
// from the index's dictionary (one edit from 5 letters, two from 9, a transposition is one), ranked after
// the words as typed; the dictionary follows the index in the projection's transaction; and the
// precision lever (long queries need most of their words).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { api, type Json } from '../support/cms.js';
import { daysAgo, searchHarness, titles, type SearchHarness } from './support.js';
import { bareWord, deletes, dictionaryDepth, dictionaryWord } from '../../src/search/typos/edit-distance.js';

const ids = (result: Json): string[] => result.items.map((i: Json) => i.id);

describe.each(availableBackends())('typo tolerance on %s', (backend) => {
  let h: SearchHarness;
  const at: Record<string, string> = {};
  const docs = async (word: string) =>
    (await h.t.platform.db.query<{ docs: number }>('select docs from search_words where word = $1', [word]))[0]?.docs ?? 0;

  beforeAll(async () => {
    h = await searchHarness(backend);
    const ar = await h.program({ title: 'ساعة تقنية', slug: 'tech-hour', description: 'حوارات عن البرمجيات' });
    const en = await h.program({ title: 'Morning Show', slug: 'morning-show', language: 'en', description: 'A podcast of talk and news.' });
    const ep = async (key: string, program: string, body: Json, publishAt = daysAgo(20)) => {
      at[key] = (await h.episode(program, body, publishAt)).id;
    };
    await ep('podcastAr', ar.id, { title: 'عالم البودكاست' });
    await ep('podcastEn', en.id, { title: 'How a podcast is made' });
    // A word only in a description: corrections are not limited to titles.
    await ep('algorithms', ar.id, { title: 'الحلقة العاشرة', description: 'نتحدث اليوم عن الخوارزميات والذكاء' });
    await ep('photography', en.id, { title: 'Photography for beginners' });
    await ep('misspelt', en.id, { title: 'Notes on podcsat culture' }, daysAgo(400)); // the typo itself, as a word
    await ep('fine', ar.id, { title: 'أنت بخير اليوم' });
    await ep('fineOnly', ar.id, { title: 'كل شيء بخير' });
    await ep('short', en.id, { title: 'Blue skies' });
  });
  afterAll(() => h?.close());

  it('finds بودكاست for «بودكسات» and podcast for «podcsat»: a transposition is one edit', async () => {
    const arabic = await h.search({ q: 'بودكسات' });
    expect(arabic.query.similar).toBe(true);
    expect(arabic.items[0]).toMatchObject({ id: at.podcastAr, match: 'similar' });
    // The correction is highlighted in the title as written (with its article).
    const [start, end] = arabic.items[0].highlights.title[0];
    expect(arabic.items[0].title.slice(start, end)).toBe('البودكاست');
    const english = await h.search({ q: 'podcsat', type: 'episode' });
    expect(ids(english)).toContain(at.podcastEn);
  });

  it('ranks the words as typed above their corrections', async () => {
    // "podcsat" is itself a word of one title: that exact hit comes first, the corrected one after it
    // (podcast is in more documents, so it is a correction even of a word the index has).
    const result = await h.search({ q: 'podcsat' });
    expect(result.items[0]).toMatchObject({ id: at.misspelt, match: 'words' });
    const corrected = result.items.find((i: Json) => i.id === at.podcastEn);
    expect(corrected.match).toBe('similar');
    expect(corrected.score).toBeLessThan(result.items[0].score);
  });

  it('corrects words of descriptions too, and other inflections of the corrected word', async () => {
    // الخوارزميات with ز and ر swapped, and without the article and the plural.
    expect(ids(await h.search({ q: 'الخورازميات' }))).toEqual([at.algorithms]);
    expect(ids(await h.search({ q: 'خوارزمبات' }))).toEqual([at.algorithms]);
  });

  it('allows two edits from 9 letters, one from 5, none below 5', async () => {
    expect(ids(await h.search({ q: 'phatogrphy' }))).toContain(at.photography); // 10 letters, two edits
    expect(ids(await h.search({ q: 'phatgraphy' }))).toContain(at.photography);
    expect((await h.search({ q: 'potcsta' })).items).toEqual([]); // 7 letters, two edits from podcsat: too many
    expect((await h.search({ q: 'bleu' })).items).toEqual([]); // 4 letters: no correction
    expect(titles(await h.search({ q: 'skeis' }))).toEqual(['Blue skies']); // 5 letters, one transposition
  });

  it('keeps the dictionary current with the index, in the same transaction', async () => {
    expect(await docs('skies')).toBe(1);
    const current = (await api(h.t, 'GET', `/api/cms/episodes/${at.short}`, { headers: h.editor })).body;
    await api(h.t, 'PATCH', `/api/cms/episodes/${at.short}`, { headers: { ...h.editor, 'if-match': `"${current.version}"` }, body: { title: 'Grey clouds' }, expect: 200 });
    await h.sync();
    expect(await docs('skies')).toBe(0);
    expect(await docs('clouds')).toBe(1);
    expect((await h.search({ q: 'skeis' })).items).toEqual([]);
    expect(titles(await h.search({ q: 'cluods' }))).toEqual(['Grey clouds']);
    await api(h.t, 'POST', `/api/cms/episodes/${at.short}/unpublish`, { headers: h.editor, expect: 200 });
    await h.sync();
    expect(await docs('clouds')).toBe(0);
    expect((await h.search({ q: 'cluods' })).items).toEqual([]);
  });

  it('computes bare words and deletes in SQL exactly as the query side does in TypeScript', async () => {
    const words = ['البودكاست', 'والبودكاست', 'للبيت', 'الي', 'بودكاست', 'photography', 'mp3s', 'كتاب', 'الخوارزميات', 'abc'];
    for (const word of words) {
      const [row] = await h.t.platform.db.query<{ bare: string; ok: boolean; deletes: string[] }>(
        'select search_word_bare($1) as bare, search_word_indexable(search_word_bare($1)) as ok, search_word_deletes(search_word_bare($1)) as deletes', [word]);
      const bare = bareWord(word);
      expect(row!.bare, word).toBe(bare);
      expect(row!.ok, word).toBe(dictionaryWord(bare));
      expect([...row!.deletes].sort(), word).toEqual(deletes(bare, dictionaryDepth(bare)).sort());
    }
  });

  it('needs most of the words of a long query (the precision lever), not of a short one', async () => {
    // Two words: the stop word only ranks.
    expect(ids(await h.search({ q: 'أنت بخير' })).sort()).toEqual([at.fine, at.fineOnly].sort());
    // Three words: 75% of them, so one of the stop words هل / أنت is needed too.
    expect(ids(await h.search({ q: 'هل أنت بخير' }))).toEqual([at.fine]);
    expect((await h.search({ q: 'هل أنت بخير' })).query).toMatchObject({ terms: ['بخير'], optional: ['هل', 'انت'] });
  });
});
