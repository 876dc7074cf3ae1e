// Typo candidates for the words of a query: the dictionary words within the word's allowed edits
// (maxEdits), found through their shared deletes and checked with the Damerau–Levenshtein distance, and
// turned into the terms the index matches. The same selection serves the database dictionary
// (search_words, lookupTypos) and the in-memory one of the relevance evaluation.
import { analyze } from '../analysis/index.js';
import type { Queryable } from '../../platform/db/db.js';
import { bareWord, codePoints, deletes, editDistance, maxEdits } from './edit-distance.js';

/** A word of the query that may be misspelt: its exact (normalised) form, bare of an article (bareWord), its term, the bare form's letters. */
export interface TypoWord {
  exact: string;
  bare: string;
  term: string;
  letters: number;
}

export interface Correction {
  /** The dictionary word, as indexed (exact form). */
  word: string;
  /** Its term: what the index matches. */
  term: string;
  distance: number;
  /** Documents that have the word. */
  docs: number;
}

/** The closest words are enough: more would only add hits ranked below them. */
const MAX_CORRECTIONS = 8;

/** The strings to probe the dictionary with for a word (none when it is too short to be corrected). */
export function probes(word: TypoWord): string[] {
  const edits = maxEdits(word.letters);
  return edits === 0 ? [] : deletes(word.bare, edits);
}

/** The typo-tolerance view of a normalised query word. */
export function typoWord(exact: string, term: string): TypoWord {
  const bare = bareWord(exact);
  return { exact, bare, term, letters: codePoints(bare).length };
}

/** The term a dictionary word is matched by; null for a stop word (never a useful correction). */
function termOf(word: string): string | null {
  const token = analyze(word, { mode: 'query', keepStopWords: true })[0];
  return token && !token.stop ? token.term : null;
}

/**
 * From dictionary rows that share a delete with the word: those within its edits, not the word itself,
 * not another form of it (same term), and in more documents than the word itself; closest first, then
 * the most common; at most MAX_CORRECTIONS.
 */
export function corrections(word: TypoWord, rows: Iterable<{ word: string; docs: number }>): Correction[] {
  const edits = maxEdits(word.letters);
  const out: Correction[] = [];
  const list = [...rows];
  // A word the index has is corrected only to more common words (Elasticsearch's "popular" suggest
  // mode): a rare real word is not buried under its neighbours, a slip that happens to be in one text
  // still finds the word it was meant to be. Its own row comes back with the probes (the word is one of them).
  const own = list.find((row) => row.word === word.bare)?.docs ?? 0;
  for (const row of list) {
    if (row.word === word.bare || row.docs <= own) continue;
    const distance = editDistance(word.bare, row.word, edits);
    if (distance > edits) continue;
    const term = termOf(row.word);
    if (term === null || term === word.term) continue;
    out.push({ word: row.word, term, distance, docs: row.docs });
  }
  out.sort((a, b) => a.distance - b.distance || b.docs - a.docs || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return out.slice(0, MAX_CORRECTIONS);
}

/**
 * Corrections for each word, from the index's dictionary, in one statement: the GIN index on the
 * words' deletes answers `deletes && probes` with one lookup per probe (a 9-letter word has 46).
 */
export async function lookupTypos(db: Queryable, words: readonly TypoWord[]): Promise<Map<string, Correction[]>> {
  const all = [...new Set(words.flatMap(probes))];
  const found = new Map<string, Correction[]>();
  if (all.length === 0) return found;
  const rows = await db.query<{ word: string; docs: number }>(
    'select word, docs from search_words where deletes && $1::text[] and docs > 0', [all]);
  for (const word of words) found.set(word.exact, corrections(word, rows));
  return found;
}
