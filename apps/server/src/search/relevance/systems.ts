// The retrieval rules compared by the evaluation, run in memory:
//  - ours: a document matches when it has every query term (stemmed field);
//  - ours, stop words required: the same, without dropping the query's stop words;
//  - ours, exact field: the same with normalised but unstemmed terms (what normalisation alone gives);
//  - substring: the query is a case-insensitive substring of the document, as ILIKE '%q%' does
//    (Directus-style search); PostgreSQL's own ILIKE is run too when a database is at hand.
import { analyze, type AnalyzedToken } from '../analysis/analyzer.js';

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
