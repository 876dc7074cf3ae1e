// The search box language: words (all must match), "exact phrases", -exclusions (-word, -"phrase"), in
// any mix of Arabic and English. Anything else is text: tsquery operators, SQL, control characters and
// unbalanced quotes are not errors, they are separators the analyzer drops. Words become lexemes only
// through the analyzer, and lexemes reach PostgreSQL only quoted (tsquery.ts): nothing a user types is
// ever interpreted as query syntax by the database.
//
// Stop words follow docs/search-analysis.md: dropped from matching when the query has other words
// (هل أنت بخير matches every text with بخير), kept for ranking (texts that also have هل and أنت rank
// higher), and required when the query has nothing else (a search for انت works).
import { analyze, normalize, type AnalyzedToken } from '../analysis/index.js';

export interface PhraseWord {
  /** Exact (normalised, unstemmed) form, matched on the exact field. */
  exact: string;
  /** Stemmed term: a document with the phrase has it, so it narrows the candidates first. */
  term: string;
  /** Distance in positions from the previous word (0 for the first). */
  gap: number;
}

export type Phrase = PhraseWord[];

export interface ParsedQuery {
  /** Nothing to search for: every public document matches (filters still apply). */
  blank: boolean;
  /** Text was given but nothing in it can match (only punctuation, only over-long "words"). */
  matchesNothing: boolean;
  /** Stemmed terms every hit has (plain words, and the words of phrases). */
  required: string[];
  /** Stop words left out of matching: they only raise the rank of texts that have them. */
  optional: string[];
  /** Stop words that are required because the query has nothing else (highlighted like words). */
  requiredStops: string[];
  phrases: Phrase[];
  excludedTerms: string[];
  excludedPhrases: Phrase[];
  /** Exact forms of every positive word, for the exact-form boost. */
  exactForms: string[];
  /** Terms to highlight (positive, non-stop, and stop words when required). */
  highlightTerms: string[];
  /** The plain words (normalised, 4 letters or more) for the typo-tolerant trigram fallback. */
  fuzzyWords: string[];
  /** Terms of the plain words too short for trigrams: the fallback still requires them as words. */
  fuzzyTerms: string[];
}

/** More distinct lexemes than this is not a search (and would make a slow one). */
export const MAX_QUERY_TERMS = 64;

export class QueryTooComplex extends Error {
  override name = 'QueryTooComplex';
}

const QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB', '\uFF02']);
const MINUS = new Set(['-', '\u2212']);

function isSpace(ch: string): boolean {
  const code = ch.charCodeAt(0);
  // C0 and C1 controls, DEL, and every Unicode space separate clauses like a space.
  return code <= 0x20 || (code >= 0x7f && code <= 0xa0) || /\s/.test(ch);
}

interface Clause {
  text: string;
  phrase: boolean;
  negated: boolean;
}

/** Splits the raw query into clauses: plain chunks and quoted phrases, each maybe negated. */
export function clauses(q: string): Clause[] {
  const out: Clause[] = [];
  let i = 0;
  let negated = false;
  while (i < q.length) {
    const ch = q[i]!;
    if (isSpace(ch)) {
      negated = false;
      i++;
      continue;
    }
    if (MINUS.has(ch) && !negated && i + 1 < q.length && !isSpace(q[i + 1]!)) {
      negated = true;
      i++;
      continue;
    }
    if (QUOTES.has(ch)) {
      let close = i + 1;
      while (close < q.length && !QUOTES.has(q[close]!)) close++;
      if (close < q.length) {
        out.push({ text: q.slice(i + 1, close), phrase: true, negated });
        negated = false;
        i = close + 1;
      } else {
        // An unbalanced quote (often a phrase still being typed) is ignored: its words count as words.
        i++;
      }
      continue;
    }
    let end = i;
    while (end < q.length && !isSpace(q[end]!) && !QUOTES.has(q[end]!)) end++;
    out.push({ text: q.slice(i, end), phrase: false, negated });
    negated = false;
    i = end;
  }
  return out;
}

function tokensOf(text: string): AnalyzedToken[] {
  return analyze(text, { mode: 'query', keepStopWords: true });
}

function phraseOf(tokens: readonly AnalyzedToken[]): Phrase {
  return tokens.map((t, i) => ({ exact: t.exact, term: t.term, gap: i === 0 ? 0 : t.position - tokens[i - 1]!.position }));
}

const distinct = (values: Iterable<string>) => [...new Set(values)];

/** Letters of a normalised word, not counting an Arabic article (الكتاب has 4: the article is not what was misspelt). */
export function letters(word: string): number {
  const n = [...word].length;
  return word.startsWith('ال') && n > 3 ? n - 2 : n;
}

export function parseQuery(raw: string | undefined): ParsedQuery {
  const q = raw ?? '';
  const positive: AnalyzedToken[] = [];
  const phrases: Phrase[] = [];
  const excludedTerms: string[] = [];
  const excludedPhrases: Phrase[] = [];
  for (const clause of clauses(q)) {
    const tokens = tokensOf(clause.text);
    if (tokens.length === 0) continue;
    if (clause.phrase) (clause.negated ? excludedPhrases : phrases).push(phraseOf(tokens));
    else if (clause.negated) excludedTerms.push(...tokens.map((t) => t.term));
    else positive.push(...tokens);
  }
  const content = positive.filter((t) => !t.stop);
  const stops = positive.filter((t) => t.stop);
  // Stop words are optional when anything else must match; otherwise they are the query.
  const stopsRequired = content.length === 0 && phrases.length === 0;
  const phraseTerms = phrases.flatMap((p) => p.map((w) => w.term));
  const required = distinct([...content.map((t) => t.term), ...(stopsRequired ? stops.map((t) => t.term) : []), ...phraseTerms]);
  const optional = stopsRequired ? [] : distinct(stops.map((t) => t.term)).filter((t) => !required.includes(t));
  const requiredStops = stopsRequired ? distinct(stops.map((t) => t.term)) : [];
  const exactForms = distinct([...positive.map((t) => t.exact), ...phrases.flatMap((p) => p.map((w) => w.exact))]);
  const lexemes = new Set([...required, ...optional, ...exactForms, ...excludedTerms, ...excludedPhrases.flatMap((p) => p.map((w) => w.exact))]);
  if (lexemes.size > MAX_QUERY_TERMS) {
    throw new QueryTooComplex(`The query has ${lexemes.size} different words and forms; at most ${MAX_QUERY_TERMS} are searched. Use fewer words.`);
  }
  const hasPositive = required.length > 0;
  const hasNegative = excludedTerms.length > 0 || excludedPhrases.length > 0;
  // Trigrams of shorter words match almost anything (a three-letter word with a slip is like thousands
  // of titles), and make the slowest fallback searches for the least useful answers.
  const plain = content.length > 0 ? content : stops;
  const fuzzyWords = distinct(plain.map((t) => normalize(t.exact)).filter((w) => letters(w) >= 4));
  const fuzzyTerms = distinct(plain.filter((t) => letters(normalize(t.exact)) < 4).map((t) => t.term));
  const blank = [...q].every(isSpace);
  return {
    blank,
    matchesNothing: !blank && !hasPositive && !hasNegative,
    required,
    optional,
    requiredStops,
    phrases,
    excludedTerms: distinct(excludedTerms),
    excludedPhrases,
    exactForms,
    highlightTerms: distinct([...content.map((t) => t.term), ...requiredStops]),
    fuzzyWords,
    fuzzyTerms,
  };
}
