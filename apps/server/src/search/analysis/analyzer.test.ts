import { describe, expect, it } from 'vitest';
import { loadTatoeba } from '../../../../../bench/relevance/tatoeba.js';
import { analyze, indexTerms, MAX_TOKEN_LENGTH, queryTerms, stem, toTsvector } from './analyzer.js';

const rows = loadTatoeba();
const terms = (text: string, mode: 'index' | 'query' = 'index') => analyze(text, { mode }).map((t) => t.term);

/** Does the query find the document (every query term among the document's terms)? */
function finds(query: string, doc: string): boolean {
  const docTerms = new Set(indexTerms(doc).terms);
  const wanted = queryTerms(query).terms;
  return wanted.length > 0 && wanted.every((t) => docTerms.has(t));
}

describe('analyze: tokens', () => {
  it('reports term, exact form, language, offsets and position for each word', () => {
    const text = 'استمعتُ إلى المكتبات podcast';
    expect(analyze(text)).toEqual([
      { term: 'استمعت', exact: 'استمعت', lang: 'ar', start: 0, end: 7, position: 0, stop: false },
      { term: 'الي', exact: 'الي', lang: 'ar', start: 8, end: 11, position: 1, stop: true },
      { term: 'مكتب', exact: 'المكتبات', lang: 'ar', start: 12, end: 20, position: 2, stop: false },
      { term: 'podcast', exact: 'podcast', lang: 'en', start: 21, end: 28, position: 3, stop: false },
    ]);
  });

  it('highlights the word as written: a match on كتب covers كُتُب with its harakat', () => {
    const text = 'قرأتُ الكُتُبَ كلّها';
    const hit = analyze(text).find((t) => t.term === stem('كتب'));
    expect(hit && text.slice(hit.start, hit.end)).toBe('الكُتُبَ');
  });

  it('finds the original span of every token of every Tatoeba sentence', () => {
    const problems: string[] = [];
    for (const row of rows) {
      for (const text of [row.ar, row.en]) {
        for (const t of analyze(text)) {
          // The token's text as written analyses to the same exact form.
          const again = analyze(text.slice(t.start, t.end));
          if (!again.some((a) => a.exact === t.exact)) problems.push(`${text}: ${t.exact} at ${t.start}-${t.end}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('handles numbers in any digits', () => {
    expect(terms('الحلقة ٣٢ و 32 و ۳۲')).toEqual([terms('الحلقة')[0], '32', 'و', '32', 'و', '32']);
    expect(terms('٣٫٥ ساعات و 1,000 مستمع')).toEqual(['3.5', 'ساع', 'و', '1000', 'مستمع']);
  });

  it('refuses bad input with clear errors', () => {
    expect(() => analyze(null as unknown as string)).toThrow(/expects a string, got null/);
    expect(() => analyze('x', { mode: 'search' as 'index' })).toThrow(/mode must be 'index' or 'query'/);
  });

  it('skips runs too long to be words, and survives odd input', () => {
    const blob = 'a'.repeat(MAX_TOKEN_LENGTH + 1);
    expect(terms(`hello ${blob} world`)).toEqual(['hello', 'world']);
    expect(analyze('')).toEqual([]);
    expect(analyze(' ،.؟!—')).toEqual([]);
    expect(terms('a\ud800b 😀')).toEqual(['a', 'b']);
  });

  it('expands a compatibility character that stands for several words', () => {
    expect(analyze('محمد ﷺ').map((t) => t.exact)).toEqual(['محمد', 'صلي', 'الله', 'عليه', 'وسلم']);
  });
});

describe('analyze: English', () => {
  it('stems inflections to one term', () => {
    expect(new Set(terms('running runs run'))).toEqual(new Set(['run']));
    expect(stem('libraries')).toBe(stem('library'));
    expect(stem('podcasts')).toBe(stem('podcasting'));
    expect(stem("children's")).toBe(stem('children'));
    expect(stem('Universities')).toBe(stem('university'));
  });

  it('folds case, accents and apostrophes', () => {
    expect(stem('Café')).toBe(stem('cafe'));
    expect(stem("don't")).toBe(stem('dont'));
    expect(stem('O’Brien')).toBe(stem("o'brien"));
  });

  it('indexes hyphenated words as parts and as one word; a query uses the compound', () => {
    expect(terms('e-mail')).toEqual(['e', 'mail', 'email']);
    expect(terms('e-mail', 'query')).toEqual(['email']);
    expect(finds('email', 'send an e-mail')).toBe(true);
    expect(finds('e-mail', 'send an email')).toBe(true);
    expect(finds('mail', 'send an e-mail')).toBe(true);
    const [e, mail, compound] = analyze('e-mail');
    expect([e?.position, mail?.position, compound?.position]).toEqual([0, 1, 0]);
    expect(compound).toMatchObject({ start: 0, end: 6 });
  });

  it('finds Tatoeba English sentences by other inflections of their words', () => {
    const doc = rows.find((r) => /\blibrary\b/.test(r.en))?.en as string;
    expect(finds('libraries', doc)).toBe(true);
    const running = rows.find((r) => /\brunning\b/.test(r.en))?.en as string;
    expect(finds('runs', running)).toBe(true);
  });
});

describe('analyze: query mode and stop words', () => {
  it('drops stop words from a query that has other words', () => {
    expect(terms('هل أنت بخير؟', 'query')).toEqual(['بخير']);
    expect(terms('the history of the podcast', 'query')).toEqual(['histori', 'podcast']);
  });

  it('keeps them when the query has nothing else (a search for «انت» must work)', () => {
    expect(terms('أنت', 'query')).toEqual(['انت']);
    expect(terms('The Who', 'query')).toEqual(['the', 'who']);
    expect(finds('انت', 'وأنتَ كذلك')).toBe(true);
  });

  it('keeps stop words flagged when asked (for phrase matching)', () => {
    expect(analyze('هل أنت بخير', { mode: 'query', keepStopWords: true }).map((t) => [t.term, t.stop])).toEqual([
      ['هل', true],
      ['انت', true],
      ['بخير', false],
    ]);
  });

  it('indexes stop words with their true positions', () => {
    expect(analyze('أنا في البيت').map((t) => [t.term, t.position, t.stop])).toEqual([
      ['انا', 0, true],
      ['في', 1, true],
      ['بيت', 2, false],
    ]);
  });
});

describe('analyze: search behaviour on Tatoeba sentences', () => {
  const sentenceWith = (word: RegExp) => rows.find((r) => word.test(r.ar))?.ar as string;

  it('finds a definite, conjoined or inflected form from a plain query', () => {
    expect(finds('كتاب', sentenceWith(/الكتاب/))).toBe(true);
    expect(finds('مكتبة', sentenceWith(/المكتبة/))).toBe(true);
    expect(finds('سيارة', sentenceWith(/سيارتي/))).toBe(true);
    expect(finds('شكرا', sentenceWith(/شكراً/))).toBe(true);
  });

  it('finds hamza and diacritised spellings from a plain query', () => {
    expect(finds('انت', sentenceWith(/أنتَ/))).toBe(true);
    expect(finds('اين', sentenceWith(/أين/))).toBe(true);
    expect(finds('مرحبا', sentenceWith(/مرحبًا/))).toBe(true);
  });

  it('analyses mixed Arabic and English text', () => {
    const doc = 'حلقة جديدة من بودكاست فنجان: Interview with the founders of Thmanyah';
    expect(finds('فنجان', doc)).toBe(true);
    expect(finds('interviews', doc)).toBe(true);
    expect(finds('الحلقات', doc)).toBe(true);
    expect(finds('founder فنجان', doc)).toBe(true);
    expect(finds('مقابلة', doc)).toBe(false);
  });
});

describe('helpers', () => {
  it('indexTerms and queryTerms give distinct terms in order', () => {
    expect(indexTerms('الكتاب كتابي والكتب')).toEqual({ terms: ['كتاب', 'كتب'], exact: ['الكتاب', 'كتابي', 'والكتب'] });
    expect(queryTerms('في الكتاب')).toEqual({ terms: ['كتاب'], exact: ['الكتاب'] });
  });

  it('stem() gives the indexed term of one word and refuses several', () => {
    expect(stem('والمكتبات')).toBe('مكتب');
    expect(stem('well-known')).toBe(stem('wellknown'));
    expect(stem('')).toBe('');
    expect(() => stem('two words')).toThrow(/single word/);
  });

  it('toTsvector writes a PostgreSQL tsvector literal with 1-based positions', () => {
    expect(toTsvector(analyze('الكتاب كتابي في البيت'))).toBe("'كتاب':1,2 'في':3 'بيت':4");
    expect(toTsvector(analyze('الكتاب كتابي'), 'exact')).toBe("'الكتاب':1 'كتابي':2");
    const far = analyze(`${'x '.repeat(20_000)}end`);
    expect(toTsvector(far.slice(-1))).toBe("'end':16383");
  });
});
