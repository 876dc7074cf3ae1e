// Character normalisation, the first step of every analysis (index and query alike), so that spellings a
// reader takes for the same word compare equal:
//  - NFKC (presentation forms ﻻ → لا, ligatures ﬁ → fi, full-width Ａ → a), only when the text has such
//    characters: ASCII and plain Arabic skip it, which is most of what we see.
//  - Arabic: harakat, tatweel, superscript alef and Quranic marks removed; أ إ آ ٱ → ا; ى → ي; ة → ه;
//    Persian ی ک → ي ك; Arabic-Indic and Persian digits → ASCII; ، ؛ ؟ ٪ ٫ ٬ → , ; ? % . ,
//  - Latin (and other cased scripts): lower case, accents removed (é → e, ß → ss).
//  - Invisible characters (ZWNJ, ZWJ, soft hyphen, direction marks) removed; ’ and ʼ → '.
// What it deliberately keeps: ؤ and ئ and ء (hamza seats carry meaning and are not typed as something
// else as consistently as alef forms are), punctuation and spaces (the tokenizer decides about those).
import { foldArabicCode, foldOtherCodePoint, needsCompatibilityNormalization } from './characters.js';

let buffer = new Uint16Array(256);
let length = 0;

function push(code: number): void {
  if (length === buffer.length) {
    const bigger = new Uint16Array(buffer.length * 2);
    bigger.set(buffer);
    buffer = bigger;
  }
  buffer[length++] = code;
}

function pushString(s: string): void {
  for (let i = 0; i < s.length; i++) push(s.charCodeAt(i));
}

function bufferToString(): string {
  // fromCharCode.apply takes the code units as arguments: chunked to stay far below engine limits.
  let out = '';
  for (let i = 0; i < length; i += 8192) {
    out += String.fromCharCode.apply(null, buffer.subarray(i, Math.min(length, i + 8192)) as unknown as number[]);
  }
  return out;
}

/** True when the code unit is left as it is by normalisation. */
function isStable(code: number): boolean {
  if (code < 0x80) return code < 0x41 || code > 0x5a; // everything but A-Z
  if (code >= 0x0621 && code <= 0x064a) return code !== 0x0622 && code !== 0x0623 && code !== 0x0625 && code !== 0x0629 && code !== 0x0640 && code !== 0x0649;
  return false;
}

/**
 * The normalised form of a text: the same folding the analyzer applies to every token, applied to the
 * whole string (spaces and punctuation kept). Use it for a partial word typed in a search box before
 * matching it as a prefix of indexed exact terms.
 */
export function normalize(text: string): string {
  if (typeof text !== 'string') throw new TypeError(`normalize() expects a string, got ${typeof text}`);
  let i = 0;
  const n = text.length;
  while (i < n && isStable(text.charCodeAt(i))) i++;
  if (i === n) return text; // nothing to change: no allocation
  let source = text;
  for (let j = i; j < n; j++) {
    if (needsCompatibilityNormalization(source.charCodeAt(j))) {
      source = source.normalize('NFKC');
      break;
    }
  }
  length = 0;
  const m = source.length;
  for (let j = 0; j < m; j++) {
    const code = source.charCodeAt(j);
    if (code < 0x80) {
      push(code >= 0x41 && code <= 0x5a ? code + 0x20 : code);
    } else if (code >= 0x0600 && code <= 0x06ff) {
      const folded = foldArabicCode(code);
      if (folded !== 0) push(folded);
    } else {
      switch (code) {
        case 0x00ad: // soft hyphen
        case 0x200b: // zero-width space is a word break: keep it as a space
          if (code === 0x200b) push(0x20);
          break;
        case 0x200c:
        case 0x200d:
        case 0x200e:
        case 0x200f:
        case 0x2060:
        case 0xfeff:
          break;
        case 0x2019:
        case 0x02bc:
          push(0x27);
          break;
        default: {
          const cp = source.codePointAt(j) as number;
          if (cp > 0xffff) j++;
          if (cp >= 0x0300 && cp <= 0x036f) break; // stray combining accent
          pushString(foldOtherCodePoint(cp));
        }
      }
    }
  }
  return bufferToString();
}
