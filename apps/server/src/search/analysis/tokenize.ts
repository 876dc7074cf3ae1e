// Splits text into word tokens, keeping each token's offsets into the ORIGINAL string (UTF-16 code units,
// as String.prototype.slice counts), so a match can be highlighted in the text as written: a token كُتُب
// spans its harakat, so a match on كتب highlights the whole diacritised word.
//
// Rules (a small subset of Unicode word segmentation, UAX #29, plus what Arabic/English text needs):
//  - A token is a run of letters of one script family: Arabic, Latin, or other. Harakat, tatweel and
//    invisible joiners inside an Arabic word belong to it. A change of script ends a token (iPhoneالجديد).
//  - Digits form number tokens; 3.5, 1,000 and ٣٫٥ stay one token. Digits next to Latin letters stay with
//    them (mp3, h264, 1990s); digits next to Arabic letters do not (الحلقة2 → الحلقة, 2).
//  - An apostrophe between two Latin letters is part of the word (don't, O'Brien).
//  - A hyphen between two letters of the same script links two tokens (e-mail): the tokens are reported
//    separately with `joinsNext` set, and the analyzer decides what to index.
//  - Everything else separates: spaces, punctuation (Arabic ، ؛ ؟ included), symbols, emoji.
import { CharClass, classify } from './characters.js';

/** The script family of a token. */
export type TokenKind = 'arabic' | 'latin' | 'other' | 'number';

export interface RawToken {
  kind: TokenKind;
  /** Offset of the first code unit in the original text. */
  start: number;
  /** Offset after the last code unit (text.slice(start, end) is the token as written). */
  end: number;
  /** True when a hyphen links this token to the next one (e-mail → e, mail). */
  joinsNext: boolean;
}

const NONE = 0;
const ARABIC = 1;
const LATIN = 2;
const OTHER = 3;
const NUMBER = 4;
const KIND_NAMES: readonly TokenKind[] = ['arabic', 'arabic', 'latin', 'other', 'number'];

function codePointWidth(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** The code point at i: charCodeAt unless it is a surrogate (astral letters are rare). */
function codePointAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff ? (text.codePointAt(i) as number) : code;
}

/** Would a character of class `cls` continue a token of kind `kind`? */
function continues(kind: number, cls: CharClass): boolean {
  switch (cls) {
    case CharClass.ArabicLetter:
    case CharClass.ArabicMark:
      return kind === ARABIC;
    case CharClass.LatinLetter:
      return kind === LATIN || kind === NUMBER;
    case CharClass.OtherLetter:
      return kind === OTHER || kind === NUMBER;
    case CharClass.Mark:
      return kind === LATIN || kind === OTHER;
    case CharClass.Digit:
      return kind === NUMBER || kind === LATIN || kind === OTHER;
    default:
      return false;
  }
}

/** The token kind a letter class starts, or NONE. */
function startsKind(cls: CharClass): number {
  switch (cls) {
    case CharClass.ArabicLetter:
      return ARABIC;
    case CharClass.LatinLetter:
      return LATIN;
    case CharClass.OtherLetter:
      return OTHER;
    case CharClass.Digit:
      return NUMBER;
    default:
      return NONE;
  }
}

function isLetterOfKind(kind: number, cls: CharClass): boolean {
  return (kind === ARABIC && cls === CharClass.ArabicLetter) || (kind === LATIN && cls === CharClass.LatinLetter) || (kind === OTHER && cls === CharClass.OtherLetter);
}

/**
 * Calls `emit` for every token of `text`, in order. The callback form lets the analyzer work without an
 * intermediate array; `tokenize()` below collects them.
 */
export function forEachToken(text: string, emit: (kind: TokenKind, start: number, end: number, joinsNext: boolean) => void): void {
  const n = text.length;
  let kind = NONE;
  let start = 0;
  let i = 0;
  while (i < n) {
    const cp = codePointAt(text, i);
    const width = codePointWidth(cp);
    const cls = classify(cp);
    if (kind !== NONE && continues(kind, cls)) {
      if (cls === CharClass.LatinLetter && kind === NUMBER) kind = LATIN; // 3d, 1990s
      else if (cls === CharClass.OtherLetter && kind === NUMBER) kind = OTHER;
      i += width;
      continue;
    }
    // Characters that stay inside a token only when the token goes on after them.
    if (kind !== NONE && i + width < n) {
      const nextCp = codePointAt(text, i + width);
      const nextCls = classify(nextCp);
      if (
        (cls === CharClass.NumberSeparator && kind === NUMBER && nextCls === CharClass.Digit) ||
        (cls === CharClass.Apostrophe && kind === LATIN && nextCls === CharClass.LatinLetter) ||
        (cls === CharClass.Ignorable && continues(kind, nextCls) && nextCls !== CharClass.Digit)
      ) {
        i += width + codePointWidth(nextCp);
        if (nextCls === CharClass.LatinLetter && kind === NUMBER) kind = LATIN;
        continue;
      }
      if (cls === CharClass.Hyphen && isLetterOfKind(kind, nextCls)) {
        emit(KIND_NAMES[kind] as TokenKind, start, i, true);
        kind = startsKind(nextCls);
        start = i + width;
        i += width;
        continue;
      }
    }
    if (kind !== NONE) {
      emit(KIND_NAMES[kind] as TokenKind, start, i, false);
      kind = NONE;
    }
    kind = startsKind(cls);
    start = i;
    i += width;
  }
  if (kind !== NONE) emit(KIND_NAMES[kind] as TokenKind, start, n, false);
}

/** The tokens of `text` with their offsets into it. */
export function tokenize(text: string): RawToken[] {
  if (typeof text !== 'string') throw new TypeError(`tokenize() expects a string, got ${typeof text}`);
  const tokens: RawToken[] = [];
  forEachToken(text, (kind, start, end, joinsNext) => {
    tokens.push({ kind, start, end, joinsNext });
  });
  return tokens;
}
