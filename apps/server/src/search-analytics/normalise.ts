// A query's analytics key: the search analyzer's terms (stop words kept, as their base form) joined by
// spaces. Two queries the index cannot tell apart share a key, so «المكتبة», مكتبه and المكتبات count
// as one query, and "Libraries" as "library". Quotes and minus signs are not part of the key (the
// words are): a phrase search counts with the same words unquoted.
import { analyze } from '../search/analysis/index.js';

/** Longer queries are cut before analysis: a search box is not a document. */
const MAX_QUERY_CHARS = 200;
/** The key and the sample as stored (both bounded, whatever was sent). */
const MAX_KEY_CHARS = 200;
export const MAX_SAMPLE_CHARS = 100;

export interface NormalisedQuery {
  /** The grouping key: analysed terms joined by single spaces. */
  key: string;
  /** The query as typed (spaces collapsed, cut), for editors to read. */
  sample: string;
}

// The same few queries make most traffic (and every cached answer repeats one): a bounded memo makes
// the hot path a map lookup. Cleared when full, like the analyzer's own term cache.
const MEMO_LIMIT = 5_000;
const memo = new Map<string, NormalisedQuery | null>();

/** The key and sample of a query; undefined when it has no words (blank, punctuation only). */
export function normaliseQuery(text: string): NormalisedQuery | undefined {
  // Keyed by the cut text: the memo holds at most MEMO_LIMIT × 200 characters.
  const cut = text.slice(0, MAX_QUERY_CHARS);
  const known = memo.get(cut);
  if (known !== undefined) return known ?? undefined;
  const result = compute(cut);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(cut, result ?? null);
  return result;
}

function compute(cut: string): NormalisedQuery | undefined {
  const terms = analyze(cut, { mode: 'query', keepStopWords: true }).map((token) => token.term);
  if (terms.length === 0) return undefined;
  let key = terms.join(' ');
  if (key.length > MAX_KEY_CHARS) key = key.slice(0, key.lastIndexOf(' ', MAX_KEY_CHARS) > 0 ? key.lastIndexOf(' ', MAX_KEY_CHARS) : MAX_KEY_CHARS);
  // Control characters (NUL is not storable) become spaces; a cut that split a surrogate pair is mended.
  const sample = cut.replace(/[\p{Cc}\s]+/gu, ' ').trim().slice(0, MAX_SAMPLE_CHARS);
  return { key: wellFormed(key), sample: wellFormed(sample) };
}

/** A lone surrogate (a cut through a pair) is not valid UTF-8 and PostgreSQL refuses it. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
