// The analyzer: text → tokens with a stemmed term, the exact (normalised, unstemmed) form, a language,
// offsets into the original text and a position. Index and query go through this same code, so a word
// gets the same term wherever it is written: that is the whole contract of search.
//
// Index mode keeps every token, stop words included (flagged), so that a query made only of stop words
// («انت», "the who") still finds something, and positions stay true for phrase matching.
// Query mode drops stop words unless the query has nothing else, and turns hyphenated words into one
// compound term (see below).
import { arabicStopBase } from './arabic-stopwords.js';
import { stemArabic } from './arabic-stemmer.js';
import { isEnglishStopWord, stemEnglish } from './english.js';
import { normalize } from './normalize.js';
import { forEachToken, type TokenKind } from './tokenize.js';

export type AnalyzeMode = 'index' | 'query';
/** Language of a token: Arabic script → ar, Latin script → en, digits and other scripts → und. */
export type TokenLanguage = 'ar' | 'en' | 'und';

export interface AnalyzedToken {
  /** What is matched: normalised and stemmed (والمكتبات → مكتب, libraries → librari). */
  term: string;
  /** Normalised, not stemmed (والمكتبات → والمكتبات, libraries → libraries), for exact-match boosts. */
  exact: string;
  lang: TokenLanguage;
  /** Offsets into the original text, in UTF-16 code units: text.slice(start, end) is the word as written. */
  start: number;
  end: number;
  /** Word position, from 0; stop words count. The parts of a hyphenated word and the compound share positions. */
  position: number;
  /** A stop word: indexed, but left out of queries that have other words. */
  stop: boolean;
}

export interface AnalyzeOptions {
  mode?: AnalyzeMode;
  /**
   * Query mode: keep stop words (flagged) instead of dropping them, for callers that match them as
   * optional terms or in phrases. Index mode always keeps them.
   */
  keepStopWords?: boolean;
}

/** Longer "words" are not words (base64, hashes, concatenated URLs): not indexed. */
export const MAX_TOKEN_LENGTH = 100;

const LANG: Record<TokenKind, TokenLanguage> = { arabic: 'ar', latin: 'en', other: 'und', number: 'und' };

interface TermInfo {
  readonly term: string;
  readonly stop: boolean;
}

// Word frequencies are Zipfian: a small cache of word → term answers most tokens without stemming
// again, and hands back the same object each time (no allocation). Cleared when full, so it stays bounded.
const CACHE_LIMIT = 50_000;
const arabicCache = new Map<string, TermInfo>();
const latinCache = new Map<string, TermInfo>();

function remember(cache: Map<string, TermInfo>, key: string, info: TermInfo): TermInfo {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, info);
  return info;
}

function termFor(kind: TokenKind, exact: string, lower: string): TermInfo {
  if (kind === 'arabic') {
    const known = arabicCache.get(exact);
    if (known !== undefined) return known;
    const base = arabicStopBase(exact);
    return remember(arabicCache, exact, base !== undefined ? { term: base, stop: true } : { term: stemArabic(exact), stop: false });
  }
  if (kind === 'latin') {
    const known = latinCache.get(lower);
    if (known !== undefined) return known;
    return remember(latinCache, lower, isEnglishStopWord(exact) ? { term: exact, stop: true } : { term: stemEnglish(lower), stop: false });
  }
  return { term: exact, stop: false };
}

/** The normalised form of one token as written: lower-case form with apostrophes, and exact without. */
function normalizeToken(kind: TokenKind, raw: string): { lower: string; exact: string } {
  const lower = normalize(raw);
  if (kind === 'latin') return { lower, exact: lower.includes("'") ? lower.replaceAll("'", '') : lower };
  if (kind === 'number') {
    // Thousands separators go (1,000 = 1000); the decimal point stays (3.5, ٣٫٥ → 3.5).
    const exact = lower.includes(',') ? lower.replaceAll(',', '') : lower;
    return { lower: exact, exact };
  }
  return { lower, exact: lower };
}

class TokenCollector {
  readonly tokens: AnalyzedToken[] = [];
  private position = 0;
  /** Index in `tokens` of the first part of the current hyphenated chain, or -1. */
  private chainStart = -1;
  private chainKind: TokenKind = 'latin';
  private hasStop = false;

  constructor(
    private readonly text: string,
    private readonly mode: AnalyzeMode,
    private readonly keepStopWords: boolean,
  ) {}

  add(kind: TokenKind, start: number, end: number, joinsNext: boolean): void {
    if (end - start > MAX_TOKEN_LENGTH) {
      this.closeChain();
      return;
    }
    const { lower, exact } = normalizeToken(kind, this.text.slice(start, end));
    if (exact.includes(' ')) {
      // A compatibility character that NFKC expands to several words (ﷺ): one token per word, all
      // pointing at the character as written.
      this.closeChain();
      for (const word of exact.split(' ')) if (word !== '') this.push(kind, word, word, start, end);
      return;
    }
    if (exact === '') return;
    if (joinsNext && this.chainStart < 0) {
      this.chainStart = this.tokens.length;
      this.chainKind = kind;
    }
    this.push(kind, lower, exact, start, end);
    if (!joinsNext) this.closeChain();
  }

  private push(kind: TokenKind, lower: string, exact: string, start: number, end: number): void {
    const { term, stop } = termFor(kind, exact, lower);
    if (stop) this.hasStop = true;
    this.tokens.push({ term, exact, lang: LANG[kind], start, end, position: this.position++, stop });
  }

  /** Ends a hyphenated chain: e-mail gives e, mail and the compound email. */
  private closeChain(): void {
    const from = this.chainStart;
    this.chainStart = -1;
    if (from < 0 || this.tokens.length - from < 2) return;
    const parts = this.tokens.slice(from);
    let exact = '';
    for (const part of parts) exact += part.exact;
    const first = parts[0] as AnalyzedToken;
    const last = parts[parts.length - 1] as AnalyzedToken;
    const { term } = termFor(this.chainKind, exact, exact);
    const compound: AnalyzedToken = { term, exact, lang: first.lang, start: first.start, end: last.end, position: first.position, stop: false };
    // Index both the parts and the compound, so e-mail is found by "mail", "e-mail" and "email". A query
    // keeps the compound only: every query term must match, and "email" written as one word has no parts.
    if (this.mode === 'index') this.tokens.push(compound);
    else this.tokens.splice(from, parts.length, compound);
  }

  finish(): AnalyzedToken[] {
    this.closeChain();
    if (this.mode === 'query' && !this.keepStopWords && this.hasStop && this.tokens.some((t) => !t.stop)) return this.tokens.filter((t) => !t.stop);
    return this.tokens;
  }
}

/** Analyses `text`: see AnalyzedToken. Index and query mode differ only in stop words and compounds. */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalyzedToken[] {
  if (typeof text !== 'string') throw new TypeError(`analyze() expects a string, got ${text === null ? 'null' : typeof text}`);
  const mode = options.mode ?? 'index';
  if (mode !== 'index' && mode !== 'query') throw new RangeError(`analyze(): mode must be 'index' or 'query', got ${String(mode)}`);
  const collector = new TokenCollector(text, mode, options.keepStopWords === true);
  forEachToken(text, (kind, start, end, joinsNext) => collector.add(kind, start, end, joinsNext));
  return collector.finish();
}

export interface Terms {
  /** Distinct stemmed terms, in order of first appearance. */
  terms: string[];
  /** Distinct exact (normalised, unstemmed) terms, in order of first appearance. */
  exact: string[];
}

function distinctTerms(tokens: readonly AnalyzedToken[]): Terms {
  const terms = new Set<string>();
  const exact = new Set<string>();
  for (const t of tokens) {
    terms.add(t.term);
    exact.add(t.exact);
  }
  return { terms: [...terms], exact: [...exact] };
}

/** The terms to index for a text (stop words included). */
export function indexTerms(text: string): Terms {
  return distinctTerms(analyze(text, { mode: 'index' }));
}

/** The terms a query must match (stop words dropped unless the query has nothing else). */
export function queryTerms(text: string): Terms {
  return distinctTerms(analyze(text, { mode: 'query' }));
}

/**
 * The term of one word, as the index stores it: for the word being typed in a search box (stem the
 * finished words, normalise() the partial last one). Throws when `word` is more than one word.
 */
export function stem(word: string): string {
  const tokens = analyze(word, { mode: 'index' });
  const last = tokens[tokens.length - 1];
  if (last === undefined) return '';
  // One word gives one token; a hyphenated word gives its parts and then the compound that spans them.
  for (const t of tokens) {
    if (t.start < last.start || t.end > last.end) {
      throw new RangeError(`stem() expects a single word, got ${JSON.stringify(word.length > 60 ? `${word.slice(0, 60)}…` : word)}`);
    }
  }
  return last.term;
}

/**
 * A PostgreSQL tsvector literal for the tokens (`$1::tsvector`), using their `term` or `exact` form with
 * positions, so the database stores exactly our analysis; the 'simple' configuration then matches
 * tsqueries built from queryTerms(). Positions are 1-based and capped at 16383 as PostgreSQL requires.
 */
export function toTsvector(tokens: readonly AnalyzedToken[], field: 'term' | 'exact' = 'term'): string {
  const positions = new Map<string, number[]>();
  for (const t of tokens) {
    const lexeme = t[field];
    const list = positions.get(lexeme);
    const position = Math.min(t.position + 1, 16383);
    if (list === undefined) positions.set(lexeme, [position]);
    else if (list[list.length - 1] !== position && list.length < 256) list.push(position);
  }
  const parts: string[] = [];
  for (const [lexeme, list] of positions) parts.push(`'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}':${list.join(',')}`);
  return parts.join(' ');
}
