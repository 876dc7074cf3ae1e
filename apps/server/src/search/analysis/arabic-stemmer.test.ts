// Behaviour of Arabic analysis on real words: forms a reader takes for the same word must meet, words a
// reader tells apart must stay apart. Most words come from the Tatoeba sentences (the first test checks
// that they really occur there), a few are common words the corpus lacks.
import { describe, expect, it } from 'vitest';
import { loadTatoeba } from '../../../../../bench/relevance/tatoeba.js';
import { analyze, stem } from './analyzer.js';
import { normalize } from './normalize.js';

const rows = loadTatoeba();
const corpusWords = new Set<string>();
for (const row of rows) for (const t of analyze(row.ar)) corpusWords.add(t.exact);

/** Groups of forms that must share one term. */
const SAME_WORD: string[][] = [
  ['مكتبة', 'المكتبة', 'مكتبات', 'المكتبات', 'والمكتبات', 'مكتبتي', 'مكتبتها'],
  ['معلم', 'المعلم', 'معلمون', 'معلمين', 'معلمة', 'المعلمة', 'معلمات', 'معلما'],
  ['كتاب', 'الكتاب', 'والكتاب', 'بالكتاب', 'للكتاب', 'كتابي', 'كتابه', 'كتابها', 'كتابك', 'كتابا', 'كتاباً'],
  ['سيارة', 'السيارة', 'سيارات', 'السيارات', 'سيارتي', 'سيارته', 'سيارتك', 'بالسيارة'],
  ['مدرسة', 'المدرسة', 'للمدرسة', 'مدرستي', 'مدرسته'],
  ['صديق', 'الصديق', 'صديقي', 'صديقه', 'صديقك', 'صديقا', 'صديقتي'],
  ['بيت', 'البيت', 'بيتي', 'بيته', 'بيتك', 'للبيت', 'بالبيت'],
  ['منزل', 'المنزل', 'منزلي', 'منزله', 'للمنزل', 'منزلا'],
  ['يوم', 'اليوم', 'يوما', 'لليوم'],
  ['وقت', 'الوقت', 'وقتا', 'بالوقت'],
  ['شيء', 'شيئا', 'شيئاً', 'بالشيء'],
  ['حياة', 'الحياة', 'حياتي', 'حياته', 'والحياة'],
  ['غرفة', 'الغرفة', 'غرفتي', 'غرفته', 'غرفتها'],
  ['طالب', 'الطالب', 'طالبة', 'طالبا', 'الطالبات'],
  ['عربي', 'العربية', 'عربية', 'بالعربية', 'العربي'],
  ['ياباني', 'اليابانية', 'اليابانيون', 'اليابانيين'],
  ['لغة', 'اللغة', 'للغة', 'باللغة'],
  ['ليل', 'الليل', 'لليل', 'والليل'],
  ['عمل', 'العمل', 'للعمل', 'بالعمل', 'عملي', 'عمله', 'عملك'],
  ['والد', 'والدي', 'والده', 'والدتي', 'الوالدين'],
  ['واحد', 'واحدة', 'واحدا', 'الواحد'],
  ['ألعاب', 'الألعاب', 'بالألعاب'],
  ['مستشفى', 'المستشفى', 'مستشفيات'],
  ['أحمد', 'احمد', 'أَحْمَد'],
  ['إلى', 'الى', 'إلي'],
  ['على', 'علي'],
  ['القرآن', 'القران', 'قرآن'],
  ['مسؤول', 'المسؤول', 'مسؤولة'],
];

/** Words that must keep their own term: names and words whose ending only looks like a suffix. */
const KEEP_WHOLE = ['فنجان', 'عمان', 'عمّان', 'سليمان', 'رمضان', 'لبنان', 'مهرجان', 'امتحان', 'انسان', 'مكان', 'قانون', 'ليمون', 'زيتون', 'مسكين', 'تمرين', 'الله', 'وقت', 'وزير', 'ولد', 'وطن'];

/** Pairs a light stemmer must not merge (root extraction would). */
const DIFFERENT: [string, string][] = [
  ['كتاب', 'مكتب'],
  ['كتاب', 'كاتب'],
  ['كتب', 'مكتبة'],
  ['فنجان', 'فنج'],
  ['ثمانية', 'ثمانين'],
  ['ثلاثة', 'ثلاثين'],
  ['عشرة', 'عشرين'],
  ['وزير', 'زير'],
  ['وقت', 'قت'],
  ['واحد', 'احد'],
  ['وعدت', 'عدت'],
  ['والدي', 'دي'],
  ['الله', 'له'],
  ['بيت', 'بي'],
  ['اليد', 'الي'],
  ['سلطان', 'سلط'],
  ['استهلاك', 'استهلا'],
];

/**
 * A verb or noun with its subject and object or possessive pronouns: first, second and third person,
 * singular, feminine and plural (ني ك كم ه ها هم نا, and the feminine ي / plural و before ني). Each
 * group must share one term.
 */
const PRONOUN_FORMS: string[][] = [
  ['أخبر', 'أخبرني', 'أخبريني', 'أخبروني', 'أخبرك', 'أخبركم', 'أخبره', 'أخبرها', 'أخبرهم', 'أخبرنا', 'أخبرتني', 'أخبرتنا'],
  ['تسامح', 'تسامحني', 'تسامحيني', 'تسامحك', 'تسامحه', 'تسامحها', 'تسامحهم', 'تسامحنا'],
  ['ساعد', 'ساعدني', 'ساعديني', 'ساعدوني', 'ساعدك', 'ساعده', 'ساعدها', 'ساعدهم', 'ساعدنا', 'ساعدتني'],
  ['يحب', 'يحبني', 'يحبك', 'يحبه', 'يحبها', 'يحبهم', 'يحبنا'],
  ['بيت', 'بيتي', 'بيتك', 'بيته', 'بيتها', 'بيتهم', 'بيتنا', 'بيتكم'],
  ['سيارة', 'سيارتي', 'سيارتك', 'سيارته', 'سيارتها', 'سيارتهم', 'سيارتنا', 'سيارتكم'],
  ['ذهب', 'ذهبنا'],
];

/** Words whose ني / نا / tanween ends a word, not a pronoun: they keep what a pronoun rule would cut. */
const NOT_PRONOUNS: [string, string][] = [
  ['معاني', 'معان'], ['أغاني', 'اغان'], ['ياباني', 'يابان'], ['أحيانا', 'احيان'], ['مجانا', 'مجان'], ['وطني', 'وطن'],
  ['ممكنا', 'ممكن'], ['مؤمنا', 'مؤمن'], ['حزينا', 'حزين'], ['مواطني', 'مواطن'], ['لبناني', 'لبنان'],
];

describe('Arabic pronoun suffixes', () => {
  it.each(PRONOUN_FORMS.map((group) => [group[0], group]))('gives %s one term with every pronoun', (_, group) => {
    const terms = (group as string[]).map(stem);
    expect(new Set(terms).size, (group as string[]).map((w, i) => `${w} → ${terms[i]}`).join(', ')).toBe(1);
  });

  it('stems أخبرني like أخبريني and تسامحني like تسامحيني (the inconsistency reported in issue 16)', () => {
    expect(stem('أخبرني')).toBe(stem('أخبريني'));
    expect(stem('تسامحني')).toBe(stem('تسامحيني'));
    expect(stem('أخبرني')).toBe('اخبر');
    // ني after و is the nisba on a word ending in ن, whatever that word stems to.
    expect(stem('تلفزيوني')).toBe(stem('تلفزيون'));
  });

  it.each(NOT_PRONOUNS)('keeps the ending of %s (→ %s)', (word, term) => {
    expect(stem(word)).toBe(term);
  });
});

describe('Arabic light stemming', () => {
  it('uses vocabulary that occurs in the Tatoeba sentences', () => {
    const all = [...SAME_WORD.flat(), ...KEEP_WHOLE, ...DIFFERENT.flat()];
    const found = all.filter((w) => corpusWords.has(normalize(w)));
    expect(found.length / all.length).toBeGreaterThan(0.7);
  });

  it.each(SAME_WORD.map((group) => [group[0], group]))('finds %s in all its forms', (_, group) => {
    const terms = new Set((group as string[]).map(stem));
    expect([...terms], `${(group as string[]).join(' ')} → ${(group as string[]).map(stem).join(' ')}`).toHaveLength(1);
  });

  it('leaves names and words ending like a suffix whole', () => {
    for (const word of KEEP_WHOLE) expect(stem(word), word).toBe(normalize(word));
  });

  it('keeps a name findable with the article or a conjunction in front', () => {
    expect(stem('والفنجان')).toBe('فنجان');
    // A lone ب ل ك ف is not cut off (بيت، لعب، كتاب، فنجان begin so); فنجان is not ف + نجان.
    expect(stem('بفنجان')).not.toBe('نجان');
    expect(stem('بيت')).toBe('بيت');
    expect(stem('ثمانية')).toBe(stem('الثمانية'));
    expect(stem('ثمانية')).toBe(stem('وثمانية'));
  });

  it.each(DIFFERENT)('keeps %s and %s apart', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  it('gives diacritised and plain spellings the same terms in every Tatoeba sentence', () => {
    const mismatches: string[] = [];
    for (const row of rows) {
      const plain = row.ar.replace(/[\u064B-\u065F\u0670\u0640]/g, '');
      const a = analyze(row.ar).map((t) => t.term).join(' ');
      const b = analyze(plain).map((t) => t.term).join(' ');
      if (a !== b) mismatches.push(row.ar);
    }
    expect(mismatches).toEqual([]);
  });

  it('gives alef, ى/ي and ة/ه variants the same terms in every Tatoeba sentence', () => {
    const mismatches: string[] = [];
    for (const row of rows) {
      const typed = row.ar.replace(/[أإآ]/g, 'ا').replaceAll('ى', 'ي').replaceAll('ة', 'ه');
      if (typed === row.ar) continue;
      const a = analyze(row.ar).map((t) => t.term).join(' ');
      const b = analyze(typed).map((t) => t.term).join(' ');
      if (a !== b) mismatches.push(row.ar);
    }
    expect(mismatches).toEqual([]);
  });

  it('matches a word with and without the article for nearly every such pair in Tatoeba', () => {
    // Every word X of the corpus whose definite form الX also occurs.
    let pairs = 0;
    const split: string[] = [];
    for (const word of corpusWords) {
      if (!/^[\u0621-\u064A]{2,}$/.test(word) || word.startsWith('ال') || !corpusWords.has(`ال${word}`)) continue;
      pairs++;
      if (stem(word) !== stem(`ال${word}`)) split.push(word);
    }
    expect(pairs).toBeGreaterThan(700);
    expect(split.length / pairs).toBeLessThan(0.01);
  });

  it('matches a feminine singular with its plural in ات for nearly every such pair in Tatoeba', () => {
    let pairs = 0;
    const split: string[] = [];
    for (const word of corpusWords) {
      if (!word.endsWith('ه') || word.length < 4) continue;
      const plural = `${word.slice(0, -1)}ات`;
      if (!corpusWords.has(plural)) continue;
      pairs++;
      if (stem(word) !== stem(plural)) split.push(word);
    }
    expect(pairs).toBeGreaterThan(40);
    expect(split.length / pairs).toBeLessThan(0.1);
  });

  it('treats stop words: conjoined forms share the base, and stop words are not stemmed', () => {
    const tokens = analyze('وأنت فهو وفي هذه');
    expect(tokens.map((t) => [t.term, t.stop])).toEqual([
      ['انت', true],
      ['هو', true],
      ['في', true],
      ['هذه', true],
    ]);
    // ولي (guardian) looks like و + لي but is a word.
    expect(analyze('ولي العهد').map((t) => t.stop)).toEqual([false, false]);
  });
});
