// Set-based retrieval metrics. Every system answers a query with a set of documents (no ranking yet),
// so precision and recall are the measures; they are micro-averaged (pooled over all queries), which
// asks "of everything returned, how much was relevant" and "of everything relevant, how much was found".

export interface Scores {
  queries: number;
  recall: number;
  precision: number;
  f1: number;
  /** Share of queries whose relevant documents were all found. */
  fullyAnswered: number;
  /** Share of queries that returned nothing at all. */
  empty: number;
}

export function score(relevant: readonly ReadonlySet<number>[], retrieved: readonly ReadonlySet<number>[]): Scores {
  if (relevant.length !== retrieved.length) throw new Error(`score(): ${relevant.length} judgments but ${retrieved.length} answers`);
  let found = 0;
  let wanted = 0;
  let returned = 0;
  let full = 0;
  let empty = 0;
  relevant.forEach((rel, i) => {
    const got = retrieved[i] as ReadonlySet<number>;
    let hits = 0;
    for (const doc of got) if (rel.has(doc)) hits++;
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
  return { queries: n, recall, precision, f1, fullyAnswered: n === 0 ? 0 : full / n, empty: n === 0 ? 0 : empty / n };
}
