// Damerau–Levenshtein (optimal string alignment) and SymSpell deletes on the words of the typo cases.
import { describe, expect, it } from 'vitest';
import { bareWord, deletes, editDistance, maxEdits } from './edit-distance.js';

describe('edit distance', () => {
  it('counts a transposition as one edit, like an insertion, a deletion or a substitution', () => {
    expect(editDistance('بودكسات', 'بودكاست')).toBe(1);
    expect(editDistance('podcsat', 'podcast')).toBe(1);
    expect(editDistance('libary', 'library')).toBe(1);
    expect(editDistance('mibrary', 'library')).toBe(1);
    expect(editDistance('photgraphy', 'photography')).toBe(1);
    expect(editDistance('phatogrphy', 'photography')).toBe(2);
    expect(editDistance('ca', 'abc')).toBe(3); // OSA: a swapped pair is not edited again
    expect(editDistance('كتاب', 'كتاب')).toBe(0);
  });

  it('stops early with max + 1 when the distance exceeds max', () => {
    expect(editDistance('podcast', 'broadcasting', 1)).toBe(2);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('allows one edit from 5 letters and two from 9', () => {
    expect([4, 5, 8, 9, 12].map(maxEdits)).toEqual([0, 1, 1, 2, 2]);
  });

  it('finds every word within the edits through a shared delete', () => {
    const words = ['podcast', 'podcasts', 'broadcast', 'photography', 'بودكاست', 'مهرجان'];
    const typed = ['podcsat', 'pdcast', 'podcats', 'photogrpahy', 'fotography', 'بودكسات', 'مهرجن', 'مهرجلن'];
    for (const t of typed) {
      const edits = maxEdits([...t].length);
      const probes = new Set(deletes(t, edits));
      for (const w of words) {
        const within = editDistance(t, w, edits) <= edits;
        const shares = deletes(w, edits).some((d) => probes.has(d));
        if (within) expect(shares, `${t} / ${w}`).toBe(true);
      }
    }
  });

  it('lists the word and its deletes once each', () => {
    expect(deletes('abc', 1).sort()).toEqual(['ab', 'abc', 'ac', 'bc']);
    expect(deletes('aab', 1).sort()).toEqual(['aa', 'aab', 'ab']);
    expect(deletes('abcd', 2)).toHaveLength(1 + 4 + 6);
  });

  it('compares Arabic words without their article', () => {
    expect(bareWord('البودكاست')).toBe('بودكاست');
    expect(bareWord('والبودكاست')).toBe('بودكاست');
    expect(bareWord('الي')).toBe('الي');
    expect(bareWord('podcast')).toBe('podcast');
  });
});
