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
import { typoWord, type TypoWord } from '../typos/candidates.js';

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
  /**
   * The plain words that must match (not phrase words), for typo tolerance: each may be replaced by
   * a dictionary word within its allowed edits when the words find little (see search/typos/).
   */
  typoWords: TypoWord[];
  /**
   * The precision lever: how many of the `optional` stop words a hit must have. Queries of up to two
   * words need none; from three words on, a hit must have 75% of the query's words (rounded down),
   * so a long query such as a sentence no longer matches every text with its one or two content words.
   */
  minimumOptional: number;
  /**
   * The rank cut-off: no hit may have fewer of the optional stop words than the best match has. Always
   * from three words on; for a shorter query only when it has more than CUT_OFF_ABOVE hits, so that a
   * query with few hits keeps stop words for ranking only ("history of" finds "Wars and history").
   */
  cutOff: 'always' | 'many' | 'never';
}

/** From this many words (terms and stop words) on, a hit needs MINIMUM_SHOULD_MATCH of them. */
const MINIMUM_SHOULD_MATCH_FROM = 3;
const MINIMUM_SHOULD_MATCH = 0.75;
/** A short query's hits are cut (ParsedQuery.cutOff) only when there are more of them than this (a first screen). */
export const CUT_OFF_ABOVE = 10;

/** How many optional words a hit needs, given the required and optional counts (see ParsedQuery.minimumOptional). */
export function minimumOptional(required: number, optional: number): number {
  const words = required + optional;
  if (words < MINIMUM_SHOULD_MATCH_FROM || optional === 0) return 0;
  return Math.min(optional, Math.max(0, Math.floor(words * MINIMUM_SHOULD_MATCH) - required));
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
  const plain = content.length > 0 ? content : stops;
  const typoWords = [...new Map(plain.map((t) => [t.exact, typoWord(normalize(t.exact), t.term)] as const)).values()];
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
    typoWords,
    minimumOptional: minimumOptional(required.length, optional.length),
    cutOff: optional.length === 0 ? 'never' : required.length + optional.length >= MINIMUM_SHOULD_MATCH_FROM ? 'always' : 'many',
  };
}
