// The retrieval rules compared by the evaluation, run in memory:
//  - ours: a document matches when it has every query term (stemmed field);
//  - ours, stop words required: the same, without dropping the query's stop words;
//  - ours, exact field: the same with normalised but unstemmed terms (what normalisation alone gives);
//  - substring: the query is a case-insensitive substring of the document, as ILIKE '%q%' does
//    (Directus-style search); PostgreSQL's own ILIKE is run too when a database is at hand.
import { analyze, type AnalyzedToken } from '../../apps/server/src/search/analysis/analyzer.js';
import { CUT_OFF_ABOVE, parseQuery } from '../../apps/server/src/search/query/parse.js';
import { SIMILAR_BELOW } from '../../apps/server/src/discovery/search/search.js';
import { corrections, probes } from '../../apps/server/src/search/typos/candidates.js';
import { bareWord, deletes, dictionaryDepth, dictionaryWord } from '../../apps/server/src/search/typos/edit-distance.js';

export type Retrieve = (query: string) => Set<number>;

class InvertedIndex {
  private readonly postings = new Map<string, number[]>();

  add(doc: number, terms: Iterable<string>): void {
    for (const term of terms) {
      const list = this.postings.get(term);
      if (list === undefined) this.postings.set(term, [doc]);
      else if (list[list.length - 1] !== doc) list.push(doc);
    }
  }

  /** Documents having the term. */
  has(term: string): readonly number[] {
    return this.postings.get(term) ?? [];
  }

  /** Documents having all the terms (none for no terms). */
  all(terms: readonly string[]): Set<number> {
    if (terms.length === 0) return new Set();
    const lists = terms.map((t) => this.postings.get(t) ?? []).sort((a, b) => a.length - b.length);
    let result = new Set(lists[0]);
    for (const list of lists.slice(1)) {
      const next = new Set<number>();
      for (const doc of list) if (result.has(doc)) next.add(doc);
      result = next;
    }
    return result;
  }
}

/**
 * Our analyzer over the documents; `field` picks stemmed terms or exact (normalised) forms, and
 * `keepStopWords` makes the query's stop words required too.
 */
export function analyzerRetrieval(docs: readonly string[], field: 'term' | 'exact', keepStopWords = false): Retrieve {
  const index = new InvertedIndex();
  const pick = (t: AnalyzedToken) => t[field];
  docs.forEach((doc, i) => index.add(i, analyze(doc, { mode: 'index' }).map(pick)));
  return (query) => index.all([...new Set(analyze(query, { mode: 'query', keepStopWords }).map(pick))]);
}

/**
/**
 * What the search API does, in memory: the query parsed by the real parser (stop words optional, the
 * precision lever on long queries), every required term matched; when that finds fewer than
 * SIMILAR_BELOW documents, typo corrections from a dictionary of the documents' bare words (the same
 * deletes, distance and selection as search_words) are added after them. Ranked as the API ranks within
 * a field: documents with more of the query's exact forms and stop words first (ts_rank's count of
 * matching lexemes), then by position in the corpus; corrected hits after every hit of the words as typed.
 */
export function searchRetrieval(docs: readonly string[]): Retrieve {
  const terms = new InvertedIndex();
  const exact: Set<string>[] = [];
  const termsOf: Set<string>[] = [];
  const dictionary = new Map<string, number>();
  const byDelete = new Map<string, string[]>();
  docs.forEach((doc, i) => {
    const tokens = analyze(doc, { mode: 'index' });
    terms.add(i, tokens.map((t) => t.term));
    termsOf.push(new Set(tokens.map((t) => t.term)));
    exact.push(new Set(tokens.map((t) => t.exact)));
    for (const bare of new Set(tokens.map((t) => bareWord(t.exact)))) {
      if (!dictionaryWord(bare)) continue;
      const seen = dictionary.get(bare);
      dictionary.set(bare, (seen ?? 0) + 1);
      if (seen !== undefined) continue;
      for (const d of deletes(bare, dictionaryDepth(bare))) {
        const list = byDelete.get(d);
        if (list) list.push(bare);
        else byDelete.set(d, [bare]);
      }
    }
  });
  return (query) => {
    const parsed = parseQuery(query);
    if (parsed.required.length === 0) return new Set();
    const optionalOf = (doc: number) => parsed.optional.filter((t) => termsOf[doc]!.has(t)).length;
    const enough = (doc: number) => parsed.minimumOptional === 0 || optionalOf(doc) >= parsed.minimumOptional;
    // The rank cut-off: no fewer of the query's stop words than the best match has.
    const cut = (list: number[]) => {
      if (parsed.cutOff === 'never' || list.length === 0 || (parsed.cutOff === 'many' && list.length <= CUT_OFF_ABOVE)) return list;
      const best = Math.max(...list.map(optionalOf));
      return list.filter((d) => optionalOf(d) >= best);
    };
    const match = (groups: string[][]) => {
      let result: number[] | null = null;
      for (const group of groups) {
        const any = new Set<number>(group.flatMap((t) => terms.has(t)));
        result = result === null ? [...any] : result.filter((d) => any.has(d));
      }
      return (result ?? []).filter(enough);
    };
    const marks = [...parsed.exactForms];
    const rank = (list: number[]) => {
      const score = new Map(list.map((d) => [d, marks.filter((m) => exact[d]!.has(m)).length]));
      return list.sort((a, b) => score.get(b)! - score.get(a)! || a - b);
    };
    const words = rank(cut([...terms.all(parsed.required)].filter(enough)));
    if (words.length >= SIMILAR_BELOW || parsed.phrases.length > 0) return new Set(words);
    const extra = new Map<string, string[]>();
    for (const word of parsed.typoWords) {
      if (!parsed.required.includes(word.term)) continue;
      const rows = new Map<string, number>();
      for (const probe of probes(word)) for (const w of byDelete.get(probe) ?? []) rows.set(w, dictionary.get(w)!);
      const found = corrections(word, [...rows].map(([w, n]) => ({ word: w, docs: n }))).map((c) => c.term);
      extra.set(word.term, [...(extra.get(word.term) ?? []), ...found]);
    }
    if (![...extra.values()].some((list) => list.length > 0)) return new Set(words);
    // The cut-off applies to every match, as in SQL: the corrected set includes the words' own hits.
    const all = cut(match(parsed.required.map((t) => [t, ...(extra.get(t) ?? [])])));
    const exactHits = new Set(words);
    const kept = all.filter((d) => exactHits.has(d));
    const keptSet = new Set(kept);
    return new Set([...rank(kept), ...rank(all.filter((d) => !keptSet.has(d)))]);
  };
}

/**
 * Case-insensitive substring match, the semantics of ILIKE '%query%'. Only documents holding the query's
 * rarest character pair are scanned (a document containing the query contains all its pairs): same
 * answers as scanning everything, much sooner.
 */
export function substringRetrieval(docs: readonly string[]): Retrieve {
  const lowered = docs.map((d) => d.toLowerCase());
  const withPair = new Map<string, number[]>();
  lowered.forEach((doc, i) => {
    for (let j = 0; j + 1 < doc.length; j++) {
      const pair = doc.slice(j, j + 2);
      const list = withPair.get(pair);
      if (list === undefined) withPair.set(pair, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  const all = lowered.map((_, i) => i);
  return (query) => {
    const needle = query.toLowerCase();
    const found = new Set<number>();
    if (needle === '') return found;
    let candidates = all;
    for (let j = 0; j + 1 < needle.length; j++) {
      const list = withPair.get(needle.slice(j, j + 2)) ?? [];
      if (list.length < candidates.length) candidates = list;
    }
    for (const i of candidates) if ((lowered[i] as string).includes(needle)) found.add(i);
    return found;
  };
}
