// Queries and relevance judgments built from the Tatoeba pairs, so that the evaluation needs no hand
// labelling and can be re-run on any corpus of the same shape.
//
// The documents are the Arabic sentences (one per row). Judgments use only the normaliser and whole
// words (tokenize + normalize), never the stemmer or the stop words being evaluated; where they allow
// prefixes and suffixes, they GENERATE surface forms from the query word outwards (كتاب → والكتاب،
// كتابي) instead of cutting document words down, so a stemmer that cuts wrongly is caught.
import { arabicStopWords } from '../../apps/server/src/search/analysis/arabic-stopwords.js';
import { normalize } from '../../apps/server/src/search/analysis/normalize.js';
import { tokenize } from '../../apps/server/src/search/analysis/tokenize.js';
import type { TatoebaPair } from './tatoeba.js';

// Function words are not content-word queries. The list is the analyzer's stop list: it only decides
// which words are asked for, not what counts as relevant, and the baselines are asked the same words.
const functionWords = new Set(arabicStopWords().keys());

export interface QuerySet {
  name: string;
  description: string;
  queries: string[];
  /** relevant[i]: the document ids (row indexes) relevant to queries[i]. Never empty. */
  relevant: Set<number>[];
}

const DIACRITICS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const HAMZA_ALEF = /[أإآٱ]/g;
const EDGE_PUNCTUATION = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;

/** A sentence as someone types it in a search box: no harakat, no end punctuation. */
export function stripDiacritics(text: string): string {
  return text.replace(DIACRITICS, '').replace(EDGE_PUNCTUATION, '');
}

/** A sentence typed plainly: also bare alef for أ إ آ, ي for ى and ه for ة. */
export function typePlainly(text: string): string {
  return stripDiacritics(text).replace(HAMZA_ALEF, 'ا').replaceAll('ى', 'ي').replaceAll('ة', 'ه');
}

/** The whole words of a text, normalised (the judge's view of "contains"). */
export function judgeWords(text: string): string[] {
  return tokenize(text).map((t) => normalize(text.slice(t.start, t.end)));
}

/** Clitics written joined to the next word: conjunctions و ف, prepositions ب ل ك, the article ال. */
const CLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'وب', 'فب', 'ول', 'فل', 'وك', 'فك', 'وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل'];
const CLITIC_SET = new Set(CLITICS);

/**
 * Are two normalised words the same word up to clitic prefixes (الكتاب، والكتاب، للكتاب، كتاب)? The
 * shared part must have at least 3 letters, so وصل and فصل are not variants of each other.
 */
export function samePrefixedWord(a: string, b: string): boolean {
  if (a === b) return true;
  for (const p1 of ['', ...CLITICS]) {
    if (!a.startsWith(p1)) continue;
    const core = a.slice(p1.length);
    if (core.length < 3 || !b.endsWith(core)) continue;
    const p2 = b.slice(0, b.length - core.length);
    if ((p2 === '' && p1 !== '') || CLITIC_SET.has(p2)) return true;
  }
  return false;
}

/** Are two sentences the same words in the same order, up to diacritics, alef forms, ة/ه, ى/ي and prefixes? */
export function sameSentence(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => samePrefixedWord(word, b[i] as string));
}

const PRONOUNS = ['ي', 'ك', 'ه', 'ها', 'نا', 'كم', 'كن', 'هم', 'هن', 'هما', 'كما', 'ني'];
/** The article with what may stand before it: الكتاب، والكتاب، فالكتاب، بالكتاب، كالكتاب، للكتاب. */
const ARTICLES = ['ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل'];

export type FormLevel = 'spelling' | 'prefixes' | 'inflections';

/**
 * The surface forms of a normalised word, generated outwards:
 *  - spelling: the word itself (all spellings that normalise to it);
 *  - prefixes: also with the article (and و ف ب ك ل before it), and with the conjunction و or ف when
 *    the word has 4 letters or more (shorter ones give other words: واحد is not و + احد, فكرة not ف + كرة);
 *  - inflections: also with attached pronouns, feminine ة (ت before a pronoun), the plural and dual
 *    endings and tanween alif, each with the same prefixes.
 * Single-letter prepositions (ب ل ك) directly on the word are left out: they too often make another
 * word (كامل is not ك + امل, لماذا not ل + ماذا).
 */
export function surfaceForms(word: string, level: FormLevel): Set<string> {
  const forms = new Set<string>();
  for (const stem of inflectedStems(word, level)) {
    forms.add(stem);
    if (level === 'spelling') continue;
    for (const article of ARTICLES) forms.add(article + stem);
    if (stem.length >= 4) forms.add(`و${stem}`).add(`ف${stem}`);
  }
  return forms;
}

/** The word and, at the `inflections` level, its suffixed forms (no prefixes). */
function inflectedStems(word: string, level: FormLevel): string[] {
  const stems = [word];
  if (level === 'inflections' && word.length >= 3) {
    if (word.endsWith('ه')) {
      // Feminine in ة (normalised ه): مكتبه → مكتبتي، مكتبات، مكتبتان
      const base = word.slice(0, -1);
      for (const p of PRONOUNS) stems.push(`${base}ت${p}`, `${base}ات${p}`);
      stems.push(`${base}ات`, `${base}تان`, `${base}تين`);
    } else {
      for (const p of PRONOUNS) stems.push(word + p, `${word}ات${p}`, `${word}ت${p}`);
      stems.push(`${word}ا`, `${word}ه`, `${word}ات`, `${word}ون`, `${word}ين`, `${word}ان`);
      if (word.endsWith('ء')) stems.push(`${word.slice(0, -1)}ئا`); // شيء → شيئا
    }
  }
  return stems;
}

/** The prefix-free readings of a word: itself, and without each article or conjunction it may carry. */
function withoutPrefixes(word: string): string[] {
  const readings = [word];
  for (const article of ARTICLES) if (word.startsWith(article)) readings.push(word.slice(article.length));
  if ((word.startsWith('و') || word.startsWith('ف')) && word.length >= 5) readings.push(word.slice(1));
  return readings;
}

interface Doc {
  words: string[];
  /** Words joined: equal keys are the same sentence up to normalisation and punctuation. */
  key: string;
}

function buildDocs(rows: readonly TatoebaPair[]): Doc[] {
  return rows.map((row) => {
    const words = judgeWords(row.ar);
    return { words, key: words.join(' ') };
  });
}

/** Rows grouped by English sentence: translations of one sentence. */
function groupsByEnglish(rows: readonly TatoebaPair[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  rows.forEach((row, i) => {
    const group = groups.get(row.enId);
    if (group) group.push(i);
    else groups.set(row.enId, [i]);
  });
  return groups;
}

export interface QuerySetOptions {
  /** How many single-word queries (the most frequent words). */
  words?: number;
}

/** The evaluation's query sets over `rows` (documents = rows' Arabic sentences, by index). */
export function buildQuerySets(rows: readonly TatoebaPair[], options: QuerySetOptions = {}): QuerySet[] {
  const docs = buildDocs(rows);
  const byKey = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    const list = byKey.get(doc.key);
    if (list) list.push(i);
    else byKey.set(doc.key, [i]);
  });
  const groupOf = new Map<number, number[]>();
  for (const members of groupsByEnglish(rows).values()) for (const i of members) groupOf.set(i, members);

  // Relevant to a sentence: the same sentence anywhere, and its translation siblings that differ only in
  // diacritics, alef forms, ة/ه, ى/ي or prefixes.
  const sentenceRelevant = (i: number): { relevant: Set<number>; hasVariant: boolean } => {
    const doc = docs[i] as Doc;
    const relevant = new Set(byKey.get(doc.key));
    let hasVariant = false;
    for (const j of groupOf.get(i) ?? []) {
      if (j === i) continue;
      const other = docs[j] as Doc;
      if (sameSentence(doc.words, other.words)) {
        relevant.add(j);
        if (rows[j]?.ar.replace(EDGE_PUNCTUATION, '') !== rows[i]?.ar.replace(EDGE_PUNCTUATION, '')) hasVariant = true;
      }
    }
    return { relevant, hasVariant };
  };

  const stripped: QuerySet = {
    name: 'sentence, diacritics stripped',
    description: 'every Arabic sentence without harakat or end punctuation; relevant: the same sentence and its spelling/prefix variants',
    queries: [],
    relevant: [],
  };
  const plain: QuerySet = {
    name: 'sentence, typed plainly',
    description: 'as above, also with bare alef, ي for ى and ه for ة',
    queries: [],
    relevant: [],
  };
  const variants: QuerySet = {
    name: 'sentence with a variant',
    description: 'only sentences whose translation group has a variant differing in diacritics, alef forms, ة/ه, ى/ي or prefixes',
    queries: [],
    relevant: [],
  };
  rows.forEach((row, i) => {
    const { relevant, hasVariant } = sentenceRelevant(i);
    const query = stripDiacritics(row.ar);
    if (query === '' || (docs[i] as Doc).words.length === 0) return;
    stripped.queries.push(query);
    stripped.relevant.push(relevant);
    plain.queries.push(typePlainly(row.ar));
    plain.relevant.push(relevant);
    if (hasVariant) {
      variants.queries.push(query);
      variants.relevant.push(relevant);
    }
  });

  // Single words, as typed: no harakat, bare alef (the most frequent way each word is written).
  const docsWith = new Map<string, Set<number>>();
  const surfaces = new Map<string, Map<string, number>>();
  const writtenWithHarakat = new Set<string>();
  rows.forEach((row, i) => {
    for (const t of tokenize(row.ar)) {
      if (t.kind !== 'arabic') continue;
      const written = row.ar.slice(t.start, t.end);
      const word = normalize(written);
      let set = docsWith.get(word);
      if (!set) docsWith.set(word, (set = new Set()));
      set.add(i);
      let forms = surfaces.get(word);
      if (!forms) surfaces.set(word, (forms = new Map()));
      const typed = written.replace(DIACRITICS, '').replace(HAMZA_ALEF, 'ا');
      if (typed !== written.replace(HAMZA_ALEF, 'ا')) writtenWithHarakat.add(word);
      forms.set(typed, (forms.get(typed) ?? 0) + 1);
    }
  });
  const frequency = (w: string) => docsWith.get(w)?.size ?? 0;
  const byFrequency = (a: string, b: string) => frequency(b) - frequency(a) || (a < b ? -1 : a > b ? 1 : 0);
  const limit = options.words ?? 300;
  const judge = (word: string, level: FormLevel): Set<number> => {
    const relevant = new Set<number>();
    for (const form of surfaceForms(word, level)) for (const i of docsWith.get(form) ?? []) relevant.add(i);
    return relevant;
  };
  const mostTyped = (word: string): string => {
    let best = word;
    let count = -1;
    for (const [form, n] of surfaces.get(word) ?? []) if (n > count || (n === count && form < best)) [best, count] = [form, n];
    return best;
  };

  // Any word, function words included («انت»): relevant when it has the word in any spelling.
  const anyWords = [...docsWith.keys()].filter((w) => w.length >= 2).sort(byFrequency).slice(0, limit);
  const spelling: QuerySet = {
    name: 'word, any spelling',
    description: `the ${anyWords.length} most frequent words (function words included), typed with bare alef; relevant: sentences with the word as a whole word in any spelling (diacritics, alef forms, ة/ه, ى/ي)`,
    queries: anyWords.map(mostTyped),
    relevant: anyWords.map((w) => judge(w, 'spelling')),
  };

  // Content words in their base form: not a function word, not a prefixed or inflected form of another
  // word of the corpus (يوما is يوم with tanween, سيارته is سيارة with a pronoun), not definite (الذهاب:
  // people search for ذهاب, and its forms are generated from there).
  // (Same as asking whether w is in surfaceForms(v, 'inflections') of another word v, without building
  // every form of every word: suffixed forms are collected once, prefixes are taken off w.)
  const suffixedForms = new Map<string, string>();
  for (const word of docsWith.keys()) {
    if (word.length < 3 || functionWords.has(word)) continue;
    for (const form of inflectedStems(word, 'inflections')) {
      // Keep a base other than the form itself when there is one: that is what makes it "another" word's.
      if (!suffixedForms.has(form) || suffixedForms.get(form) === form) suffixedForms.set(form, word);
    }
  }
  const isFormOfAnother = (w: string) =>
    withoutPrefixes(w).some((reading) => {
      const base = suffixedForms.get(reading);
      return base !== undefined && (base !== w || reading !== w);
    });
  const contentWords = [...docsWith.keys()]
    .filter((w) => w.length >= 3 && !functionWords.has(w) && !(w.startsWith('ال') && w.length >= 5) && !isFormOfAnother(w))
    .sort(byFrequency)
    .slice(0, limit);
  const prefixed: QuerySet = {
    name: 'content word, with prefixes',
    description: `the ${contentWords.length} most frequent content words in base form; relevant: also with the article, and with و or ف (words of 4+ letters)`,
    queries: contentWords.map(mostTyped),
    relevant: contentWords.map((w) => judge(w, 'prefixes')),
  };
  const inflected: QuerySet = {
    name: 'content word, any inflection',
    description: 'the same words; relevant also with attached pronouns, ة, plural and dual endings, tanween alif',
    queries: prefixed.queries,
    relevant: contentWords.map((w) => judge(w, 'inflections')),
  };
  const diacritised = (word: string) => writtenWithHarakat.has(word);
  return [stripped, plain, variants, spelling, prefixed, inflected, ...typingVariantSets(contentWords, mostTyped, judge, new Set(docsWith.keys()), diacritised)];
}

/** The kinds of typing variants, in report order. */
export const TYPING_VARIANTS = [
  'diacritics dropped', 'alef forms', 'taa/yaa forms', 'ال added', 'leading و', 'plural ات ↔ ة', 'one transposition', 'one substitution',
] as const;
export type TypingVariant = (typeof TYPING_VARIANTS)[number];

/** Arabic letters a substitution may put in (no alef forms, ة or ى: those are spelling variants, not slips). */
const SUBSTITUTES = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';

/**
 * How someone might type a content word (its most common written form `typed`, bare alef, no harakat),
 * or null when the kind does not apply. Typos (transposition, substitution) are made in the middle of
 * words of 5+ letters (the words typo tolerance covers) and must not give another word of the corpus:
 * a slip that makes a real word cannot be told from that word by any system.
 */
export function typingVariant(kind: TypingVariant, word: string, typed: string, known: ReadonlySet<string>, diacritised: boolean): string | null {
  const n = typed.length;
  const notAWord = (v: string) => (v !== typed && !known.has(normalize(v)) ? v : null);
  switch (kind) {
    case 'diacritics dropped':
      return diacritised ? typed : null;
    case 'alef forms':
      // Typed with the hamza the word may not have (اسم → أسم) or without the one it has: normalised alike.
      return typed.startsWith('ا') ? `أ${typed.slice(1)}` : /[أإآ]/.test(typed) ? typed.replace(HAMZA_ALEF, 'ا') : null;
    case 'taa/yaa forms':
      if (typed.endsWith('ة')) return `${typed.slice(0, -1)}ه`;
      if (typed.endsWith('ى')) return `${typed.slice(0, -1)}ي`;
      if (word.endsWith('ه') && typed.endsWith('ه')) return `${typed.slice(0, -1)}ة`;
      return null;
    case 'ال added':
      return `ال${typed}`;
    case 'leading و':
      return `و${typed}`;
    case 'plural ات ↔ ة':
      if (typed.endsWith('ة') || typed.endsWith('ه')) return `${typed.slice(0, -1)}ات`;
      if (typed.endsWith('ات') && n >= 5) return `${typed.slice(0, -2)}ة`;
      return null;
    case 'one transposition': {
      if (n < 5) return null;
      for (const i of [Math.floor(n / 2) - 1, Math.floor(n / 2), 1, n - 2]) {
        if (typed[i] === typed[i + 1]) continue;
        const v = notAWord(typed.slice(0, i) + typed[i + 1] + typed[i] + typed.slice(i + 2));
        if (v) return v;
      }
      return null;
    }
    case 'one substitution': {
      if (n < 5) return null;
      const i = Math.floor(n / 2);
      // A deterministic "random" letter: the same variant on every run.
      let h = 0;
      for (const ch of typed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
      for (let k = 0; k < SUBSTITUTES.length; k++) {
        const letter = SUBSTITUTES[(h + k) % SUBSTITUTES.length] as string;
        if (letter === typed[i]) continue;
        const v = notAWord(typed.slice(0, i) + letter + typed.slice(i + 1));
        if (v) return v;
      }
      return null;
    }
  }
}

/**
 * One query set per kind of typing variant, over the content words: relevant to a variant is what is
 * relevant to the word itself with prefixes (the "content word, with prefixes" judgment), so a variant
 * is judged by whether it finds what the word as written finds.
 */
function typingVariantSets(
  words: readonly string[],
  mostTyped: (w: string) => string,
  judge: (w: string, level: FormLevel) => Set<number>,
  known: ReadonlySet<string>,
  diacritised: (w: string) => boolean,
): QuerySet[] {
  return TYPING_VARIANTS.map((kind) => {
    const set: QuerySet = {
      name: `typed: ${kind}`,
      description: `content words typed with ${kind === 'diacritics dropped' ? 'diacritics dropped (words the corpus writes with harakat)' : kind}; relevant: as for the word with prefixes`,
      queries: [],
      relevant: [],
    };
    for (const word of words) {
      const query = typingVariant(kind, word, mostTyped(word), known, diacritised(word));
      if (query === null) continue;
      set.queries.push(query);
      set.relevant.push(judge(word, 'prefixes'));
    }
    return set;
  });
}
