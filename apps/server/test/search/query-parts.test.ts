// The pure parts of search: the query language, tsquery literals, index documents and highlighting.
import { describe, expect, it } from 'vitest';
import { clauses, parseQuery, QueryTooComplex } from '../../src/search/query/parse.js';
import { allOf, allPhrases, anyOf } from '../../src/search/query/tsquery.js';
import { highlighter } from '../../src/search/query/highlight.js';
import { parseSuggestQuery } from '../../src/discovery/search/suggest.js';
import { episodeEntry, programEntry } from '../../src/discovery/search-index/document.js';
import { quoteLexeme, weightedTsvector } from '../../src/search/index/tsvector.js';
import { analyze } from '../../src/search/analysis/index.js';
import type { PublicEpisode, PublicProgram } from '../../src/discovery/documents.js';

const marked = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e));

describe('query language', () => {
  it('splits words, "phrases" and -exclusions; unbalanced quotes and lone minus signs are text', () => {
    expect(clauses('a "b c" -d -"e f" «g» x-y')).toEqual([
      { text: 'a', phrase: false, negated: false }, { text: 'b c', phrase: true, negated: false }, { text: 'd', phrase: false, negated: true },
      { text: 'e f', phrase: true, negated: true }, { text: 'g', phrase: true, negated: false }, { text: 'x-y', phrase: false, negated: false },
    ]);
    expect(clauses('"open phrase')).toEqual([{ text: 'open', phrase: false, negated: false }, { text: 'phrase', phrase: false, negated: false }]);
    expect(clauses('- a')).toEqual([{ text: '-', phrase: false, negated: false }, { text: 'a', phrase: false, negated: false }]);
    expect(clauses('a\u0000b\u0007c')).toEqual(['a', 'b', 'c'].map((text) => ({ text, phrase: false, negated: false })));
  });

  it('requires every word in any form, keeps stop words for ranking only, and requires them when alone', () => {
    expect(parseQuery('هل أنت بخير')).toMatchObject({ required: ['بخير'], optional: ['هل', 'انت'], requiredStops: [], exactForms: ['هل', 'انت', 'بخير'] });
    expect(parseQuery('أنت')).toMatchObject({ required: ['انت'], optional: [], requiredStops: ['انت'] });
    expect(parseQuery('the libraries')).toMatchObject({ required: ['librari'], optional: ['the'], exactForms: ['the', 'libraries'] });
    expect(parseQuery('كُتُب Books')).toMatchObject({ required: ['كتب', 'book'], exactForms: ['كتب', 'books'] });
  });

  it('matches phrases on exact forms with their positions, and narrows by their terms', () => {
    const q = parseQuery('"الحلقة الأولى من" بودكاست');
    expect(q.phrases).toEqual([[{ exact: 'الحلقه', term: 'حلق', gap: 0 }, { exact: 'الاولي', term: 'اول', gap: 1 }, { exact: 'من', term: 'من', gap: 1 }]]);
    expect(q.required).toEqual(['بودكاست', 'حلق', 'اول', 'من']);
    expect(allPhrases(q.phrases)).toBe("('الحلقه' <-> 'الاولي' <-> 'من')");
    expect(allPhrases(parseQuery('"e-mail address"').phrases)).toBe("('email' <2> 'address')");
  });

  it('excludes -words by term and -"phrases" by exact form', () => {
    const q = parseQuery('history -wars -"of peace"');
    expect(q).toMatchObject({ required: ['histori'], excludedTerms: ['war'], excludedPhrases: [[{ exact: 'of', gap: 0 }, { exact: 'peace', gap: 1 }]] });
    expect(parseQuery('-war')).toMatchObject({ required: [], excludedTerms: ['war'], matchesNothing: false });
  });

  it('tells a blank query (browse everything) from one with nothing searchable (find nothing)', () => {
    for (const q of ['', '   ', '\t\n', '\u0000']) expect(parseQuery(q)).toMatchObject({ blank: true, matchesNothing: false });
    for (const q of ['!!!', '"', '""', '-', "'&|!:*()", 'x'.repeat(101)]) expect(parseQuery(q), q).toMatchObject({ blank: false, matchesNothing: true });
  });

  it('refuses more than 64 distinct words and forms', () => {
    expect(() => parseQuery(Array.from({ length: 70 }, (_, i) => `word${i}`).join(' '))).toThrow(QueryTooComplex);
    expect(parseQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')).required).toHaveLength(30);
  });

  it('quotes every lexeme, so query syntax in terms stays text', () => {
    expect(quoteLexeme("it's")).toBe("'it''s'");
    expect(quoteLexeme('a\\b')).toBe("'a\\\\b'");
    expect(allOf(['a', "b'c"])).toBe("'a' & 'b''c'");
    expect(anyOf(['x', 'y'])).toBe("'x' | 'y'");
  });

  it('reads the word being typed as a prefix, and a word followed by a space or punctuation as finished', () => {
    expect(parseSuggestQuery('بين أحم')).toEqual({ words: [], prefix: 'احم', last: 'احم' }); // بين is a stop word
    expect(parseSuggestQuery('Library ho')).toEqual({ words: ['librari'], prefix: 'ho', last: 'ho' });
    expect(parseSuggestQuery('library ')).toEqual({ words: ['librari'], prefix: null, last: 'librari' });
    expect(parseSuggestQuery('...')).toBeNull();
  });
});

describe('index documents', () => {
  const program: PublicProgram = {
    id: '00000000-0000-4000-8000-000000000001', slug: 'bayn', kind: 'podcast', title: 'بين الكتب', description: 'حديث عن القراءة', language: 'ar',
    category: { id: '00000000-0000-4000-8000-0000000000c1', slug: 'books', nameAr: 'كتب', nameEn: 'Books' }, artworkUrl: null, tags: ['أدب'], explicit: false,
    people: [{ id: '00000000-0000-4000-8000-0000000000a1', slug: 'ahmad', name: 'أحمد سالم', role: 'host' }],
    publishedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  };

  it('weights title A, program name B, people and tags C, description D, with gaps between fields', () => {
    const episode: PublicEpisode = {
      id: '00000000-0000-4000-8000-000000000002', program: { id: program.id, slug: 'bayn', title: 'بين الكتب', kind: 'podcast', artworkUrl: null, categoryId: program.category!.id },
      season: null, number: null, episodeType: 'full', title: 'المكتبة', description: 'كتاب جديد', language: 'ar', durationSeconds: 60, publishAt: '2026-01-02T00:00:00.000Z',
      explicit: false, tags: [], people: [], media: [], updatedAt: '2026-01-02T00:00:00.000Z', guid: 'urn:uuid:00000000-0000-4000-8000-000000000002',
    };
    const entry = episodeEntry(episode);
    // Matching: every term, no positions; ranking: the short fields, stemmed and exact (=); phrases: exact forms with positions.
    expect(entry.terms).toBe("'مكتب' 'بين' 'كتب' 'كتاب' 'جديد'");
    expect(entry.head).toBe("'مكتب':1A '=المكتبه':1A 'بين':10B '=بين':10B 'كتب':11B '=الكتب':11B");
    expect(entry.exact).toBe("'المكتبه':1A 'بين':10B 'الكتب':11B 'كتاب':20 'جديد':21");
    expect(entry).toMatchObject({ type: 'episode', programId: program.id, categoryId: program.category!.id, kind: 'podcast', durationSeconds: 60 });
    expect(entry.completions).toEqual([{ word: 'المكتبه', targetType: 'episode', targetId: episode.id }, { word: 'مكتب', targetType: 'episode', targetId: episode.id }]);
  });

  it("completes a program by its title's content words and its people by their names", () => {
    const entry = programEntry(program);
    expect(entry.completions.map((c) => `${c.targetType}:${c.word}`)).toEqual(['program:الكتب', 'program:كتب', 'person:احمد', 'person:سالم']);
    expect(entry.head).toContain("'احمد':11C");
    expect(entry.head).toContain("'=ادب':");
    expect(entry.head).not.toContain('قراء'); // the description matches but does not rank
    expect(entry.terms).toContain("'قراء'");
  });

  it('caps positions and positions per lexeme as PostgreSQL requires', () => {
    const long = weightedTsvector([{ weight: 'D', tokens: analyze('word '.repeat(20_000)) }], 'term');
    const positions = long.split(':')[1]!.split(',');
    expect(positions).toHaveLength(256);
    const far = weightedTsvector([{ weight: 'A', tokens: analyze(`${'a '.repeat(17_000)}end`) }], 'exact');
    expect(far).toContain("'end':16383A");
  });
});

describe('highlighting', () => {
  it('marks words as written, harakat included, and phrases as one range', () => {
    const h = highlighter(parseQuery('كتب "الحلقة الأولى"'));
    const text = 'قرأتُ الكُتُبَ في الحَلْقَةِ الأُولَى';
    expect(marked(text, h.ranges(text))).toEqual(['الكُتُبَ', 'الحَلْقَةِ الأُولَى']);
    expect(h.ranges('الأولى ثم الحلقة')).toEqual([]);
  });

  it('cuts a snippet around the best matches at word boundaries, collapsing whitespace, with ranges into it', () => {
    const h = highlighter(parseQuery('library'));
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(20)}The old\n\nLIBRARY   opened; libraries grew. ${'Consectetur adipiscing elit. '.repeat(20)}`;
    const s = h.snippet(text);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.text).toContain('The old LIBRARY opened; libraries grew.');
    expect(marked(s.text, s.highlights)).toEqual(['LIBRARY', 'libraries']);
    const short = h.snippet('A library.');
    expect(short).toEqual({ text: 'A library.', highlights: [[2, 9]] });
    expect(h.snippet('')).toEqual({ text: '', highlights: [] });
    const none = h.snippet('x '.repeat(500));
    expect(none.text.startsWith('x x')).toBe(true);
    expect(none.highlights).toEqual([]);
  });

  it('never splits a character: emoji and combining marks stay whole', () => {
    const h = highlighter(parseQuery('مرحبا'));
    const text = `${'😀 '.repeat(120)}مَرْحَباً ${'😀 '.repeat(120)}`;
    const s = h.snippet(text);
    expect(marked(s.text, s.highlights)).toEqual(['مَرْحَباً']);
    expect(s.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});
