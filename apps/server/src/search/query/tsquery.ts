// tsquery literals from parsed queries. Lexemes come from the analyzer and are quoted by quoteLexeme;
// the operators are ours. The result is passed as a parameter and cast ($1::tsquery), so PostgreSQL's
// tsquery input reads it without any text-search configuration touching our terms.
import { quoteLexeme } from '../index/tsvector.js';
import type { Phrase } from './parse.js';

export function allOf(lexemes: readonly string[]): string {
  return lexemes.map(quoteLexeme).join(' & ');
}

/** ('a' | 'a2') & 'b': every group, any lexeme of each. */
export function allOfAny(groups: readonly (readonly string[])[]): string {
  return groups.map((g) => (g.length === 1 ? quoteLexeme(g[0]!) : `(${g.map(quoteLexeme).join(' | ')})`)).join(' & ');
}

export function anyOf(lexemes: readonly string[]): string {
  return lexemes.map(quoteLexeme).join(' | ');
}

/** 'a' <-> 'b' <2> 'c': each word at its distance from the previous one (stop words count). */
export function phrase(words: Phrase): string {
  return words.map((w, i) => (i === 0 ? '' : w.gap === 1 ? ' <-> ' : ` <${Math.max(0, Math.min(w.gap, 16384))}> `) + quoteLexeme(w.exact)).join('');
}

export function allPhrases(phrases: readonly Phrase[]): string {
  return phrases.map((p) => `(${phrase(p)})`).join(' & ');
}

export function anyPhrase(phrases: readonly Phrase[]): string {
  return phrases.map((p) => `(${phrase(p)})`).join(' | ');
}
