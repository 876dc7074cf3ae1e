// Retrieval metrics. Every system answers a query with a set of documents whose iteration order is its
// ranking (best first; a JavaScript Set keeps insertion order). Precision and recall are micro-averaged
// (pooled over all queries): "of everything returned, how much was relevant" and "of everything
// relevant, how much was found"; results per query is the mean size of an answer; hit@10 the share of
// queries with a relevant document among the first ten returned.

export interface Scores {
  queries: number;
  recall: number;
  precision: number;
  f1: number;
  /** Share of queries whose relevant documents were all found. */
  fullyAnswered: number;
  /** Share of queries that returned nothing at all. */
  empty: number;
  /** Documents returned per query (mean). */
  perQuery: number;
  /** Share of queries with a relevant document among the first 10 returned. */
  hitAt10: number;
  /** The pooled counts: relevant documents found, relevant documents, documents returned. */
  counts: { found: number; wanted: number; returned: number };
}

export const HIT_DEPTH = 10;

export function score(relevant: readonly ReadonlySet<number>[], retrieved: readonly ReadonlySet<number>[]): Scores {
  if (relevant.length !== retrieved.length) throw new Error(`score(): ${relevant.length} judgments but ${retrieved.length} answers`);
  let found = 0;
  let wanted = 0;
  let returned = 0;
  let full = 0;
  let empty = 0;
  let hitTop = 0;
  relevant.forEach((rel, i) => {
    const got = retrieved[i] as ReadonlySet<number>;
    let hits = 0;
    let rank = 0;
    let top = false;
    for (const doc of got) {
      if (rel.has(doc)) {
        hits++;
        if (rank < HIT_DEPTH) top = true;
      }
      rank++;
    }
    if (top) hitTop++;
    found += hits;
    wanted += rel.size;
    returned += got.size;
    if (hits === rel.size) full++;
    if (got.size === 0) empty++;
  });
  const n = relevant.length;
  const recall = wanted === 0 ? 1 : found / wanted;
  const precision = returned === 0 ? 0 : found / returned;
  const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
  return {
    queries: n, recall, precision, f1, fullyAnswered: n === 0 ? 0 : full / n, empty: n === 0 ? 0 : empty / n,
    perQuery: n === 0 ? 0 : returned / n, hitAt10: n === 0 ? 0 : hitTop / n, counts: { found, wanted, returned },
  };
}
