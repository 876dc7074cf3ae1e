// Weighted tsvector and tsquery literals from our analyzer's output. PostgreSQL parses these with its
// tsvector/tsquery input functions, which apply no dictionary or parser: the lexemes stored and matched
// are exactly our terms (the 'simple' semantics the analysis was designed for). Every lexeme is quoted
// and escaped here, so no user text ever reaches PostgreSQL as tsquery syntax.
import type { AnalyzedToken } from '../analysis/index.js';

export type Weight = 'A' | 'B' | 'C' | 'D';

export interface WeightedField {
  weight: Weight;
  tokens: readonly AnalyzedToken[];
}

/** Positions left empty between fields, so a phrase never matches across two fields. */
const FIELD_GAP = 8;
/** PostgreSQL's limits: positions 1..16383, at most 256 positions per lexeme (more are dropped). */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;

/** A lexeme as a tsvector/tsquery literal: single-quoted, with ' doubled and \ escaped. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** Marks an exact form in the ranking vector, apart from the stemmed term of the same spelling. */
export const EXACT_MARK = '=';

/**
 * One tsvector literal for several fields, each with its weight: positions continue from field to field
 * (with FIELD_GAP between them), so the phrase operator works inside a field, and `ts_rank` weighs a
 * lexeme by the best field it occurs in. `form` picks the stemmed term, the exact (normalised) form, or
 * both (the exact form marked with EXACT_MARK, at the same position).
 */
export function weightedTsvector(fields: readonly WeightedField[], form: 'term' | 'exact' | 'both'): string {
  const positions = new Map<string, string[]>();
  const add = (lexeme: string, entry: string) => {
    const list = positions.get(lexeme);
    if (list === undefined) positions.set(lexeme, [entry]);
    else if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(entry);
  };
  let offset = 1;
  for (const field of fields) {
    let last = -1;
    for (const token of field.tokens) {
      const position = Math.min(offset + token.position, MAX_POSITION);
      if (token.position > last) last = token.position;
      const entry = `${position}${field.weight === 'D' ? '' : field.weight}`;
      if (form === 'exact') add(token.exact, entry);
      else add(token.term, entry);
      if (form === 'both') add(EXACT_MARK + token.exact, entry);
    }
    if (last >= 0) offset += last + 1 + FIELD_GAP;
  }
  const parts: string[] = [];
  for (const [lexeme, list] of positions) parts.push(`${quoteLexeme(lexeme)}:${list.join(',')}`);
  return parts.join(' ');
}

/** The distinct terms of the tokens, without positions or weights: what matching needs, and no more. */
export function lexemeSet(tokenLists: readonly (readonly AnalyzedToken[])[]): string {
  const seen = new Set<string>();
  for (const tokens of tokenLists) for (const t of tokens) seen.add(t.term);
  return [...seen].map(quoteLexeme).join(' ');
}
