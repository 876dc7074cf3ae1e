// Edit distance for typo tolerance: Damerau–Levenshtein in its "optimal string alignment" form, where
// an insertion, a deletion, a substitution or a swap of two neighbouring letters each count as one edit
// (بودكسات → بودكاست, podcsat → podcast: one edit each). The unrestricted Damerau distance differs only
// when a swapped pair is edited again, which at one or two edits a word never matters.

/** Letters of a word as code points (Arabic and Latin letters are one UTF-16 unit, but be exact). */
export const codePoints = (word: string): string[] => Array.from(word);

/**
 * The edits a typed word may contain: none under 5 letters (a slip in a short word makes another word
 * too often), one from 5 letters, two from 9. `letters` is the word's length without an Arabic article.
 */
export function maxEdits(letters: number): 0 | 1 | 2 {
  return letters >= 9 ? 2 : letters >= 5 ? 1 : 0;
}

/**
 * Optimal string alignment distance between a and b, or max + 1 as soon as it is sure to exceed max
 * (the candidates checked are a few dozen short words: a banded table is not worth its code).
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const s = codePoints(a);
  const t = codePoints(b);
  if (Math.abs(s.length - t.length) > max) return max + 1;
  const width = t.length + 1;
  // Three rows: the one before the previous is what a transposition looks back to.
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[t.length]!;
  return distance > max ? max + 1 : distance;
}

/**
 * The word and every string made from it by deleting up to `depth` letters (SymSpell's "deletes"). Two
 * words within `depth` edits of each other share at least one such string, so a dictionary indexed by
 * its words' deletes finds every candidate with one index probe per delete of the typed word; the
 * candidates are then checked with editDistance (sharing a delete is necessary, not sufficient).
 */
export function deletes(word: string, depth: number): string[] {
  const out = new Set<string>([word]);
  let level = [codePoints(word)];
  for (let d = 0; d < depth; d++) {
    const next: string[][] = [];
    for (const letters of level) {
      if (letters.length <= 1) continue;
      for (let i = 0; i < letters.length; i++) {
        const shorter = [...letters.slice(0, i), ...letters.slice(i + 1)];
        const key = shorter.join('');
        if (!out.has(key)) {
          out.add(key);
          next.push(shorter);
        }
      }
    }
    level = next;
  }
  return [...out];
}

/**
 * How deep a dictionary word's deletes go: as deep as the edits of any typed word that could reach it.
 * A typed word of 9+ letters (two edits) is within two edits only of words of 7+ letters, one of 5+
 * letters only of words of 4+. Must match search_word_deletes() in migration 0015.
 */
export function dictionaryDepth(word: string): number {
  const n = codePoints(word).length;
  return n >= 7 ? 2 : n >= 4 ? 1 : 0;
}

/** Is a (bare) word worth a dictionary entry? Letters only, 4 to 30 of them. Must match search_word_indexable(). */
export function dictionaryWord(word: string): boolean {
  const n = codePoints(word).length;
  return n >= 4 && n <= 30 && !/[0-9]/.test(word);
}

/** Arabic articles, with a conjunction or preposition in front, longest first (as the stemmer's). */
const ARTICLES = ['وبال', 'وكال', 'فبال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];

/**
 * The form a word is looked up and compared by: without an Arabic article when 3 letters remain, so
 * that «بودكسات» is one edit from البودكاست (the article is not where people misspell, and it would
 * cost two edits). Latin words are unchanged. Must match search_word_bare() in migration 0015.
 */
export function bareWord(word: string): string {
  for (const article of ARTICLES) {
    if (word.startsWith(article) && codePoints(word).length - article.length >= 3) return word.slice(article.length);
  }
  return word;
}
