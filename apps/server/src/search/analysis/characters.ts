// Character classes and folding tables shared by the normaliser and the tokenizer. Built once at module
// load: the hot loops do a typed-array lookup per character instead of running regular expressions.

/** What a character does in the tokenizer (numbers, so the table below can be a Uint8Array). */
export const CharClass = {
  /** Whitespace, punctuation, symbols: ends a token. */
  Separator: 0,
  ArabicLetter: 1,
  /** Harakat, tatweel, superscript alef, Quranic marks: part of an Arabic word, dropped by normalisation. */
  ArabicMark: 2,
  LatinLetter: 3,
  /** A letter of any other script (Cyrillic, Greek, Hebrew, CJK ...). */
  OtherLetter: 4,
  /** A combining mark of a non-Arabic script (é written as e + U+0301). */
  Mark: 5,
  Digit: 6,
  /** . , ٫ ٬ : kept inside a number (3.5, 1,000), a separator elsewhere. */
  NumberSeparator: 7,
  /** ' ’ ʼ : kept between two Latin letters (don't, O'Brien). */
  Apostrophe: 8,
  /** - ‐ ‑ : joins two words of the same script into a compound (e-mail, well-known). */
  Hyphen: 9,
  /** Zero-width (non-)joiner, soft hyphen, word joiner, direction marks: invisible inside a word. */
  Ignorable: 10,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

const TABLE_SIZE = 0x0700; // Basic Latin .. Arabic block: everything the hot path sees.
const table = new Uint8Array(TABLE_SIZE);

function setRange(from: number, to: number, cls: CharClass): void {
  for (let c = from; c <= to; c++) table[c] = cls;
}

// ASCII
setRange(0x41, 0x5a, CharClass.LatinLetter);
setRange(0x61, 0x7a, CharClass.LatinLetter);
setRange(0x30, 0x39, CharClass.Digit);
table[0x2e] = CharClass.NumberSeparator; // .
table[0x2c] = CharClass.NumberSeparator; // ,
table[0x27] = CharClass.Apostrophe;
table[0x2d] = CharClass.Hyphen;
// Latin-1 Supplement and Latin Extended-A/B letters (× and ÷ are symbols).
setRange(0xc0, 0x24f, CharClass.LatinLetter);
table[0xd7] = CharClass.Separator;
table[0xf7] = CharClass.Separator;
table[0xaa] = CharClass.LatinLetter; // ª
table[0xba] = CharClass.LatinLetter; // º
table[0xb5] = CharClass.OtherLetter; // µ (Greek mu after NFKC)
table[0xad] = CharClass.Ignorable; // soft hyphen
setRange(0x250, 0x2af, CharClass.LatinLetter); // IPA extensions
setRange(0x2b0, 0x2ff, CharClass.Separator); // spacing modifier letters, mostly symbols
table[0x2bc] = CharClass.Apostrophe; // ʼ modifier letter apostrophe
setRange(0x300, 0x36f, CharClass.Mark); // combining diacritical marks
setRange(0x370, 0x5ff, CharClass.OtherLetter); // Greek, Cyrillic, Armenian, Hebrew (letters; refined below)
// Arabic block
setRange(0x0621, 0x063a, CharClass.ArabicLetter);
setRange(0x0641, 0x064a, CharClass.ArabicLetter);
table[0x0640] = CharClass.ArabicMark; // tatweel
setRange(0x064b, 0x065f, CharClass.ArabicMark); // harakat, shadda, sukun, hamza above/below ...
setRange(0x0660, 0x0669, CharClass.Digit); // Arabic-Indic digits
table[0x066a] = CharClass.Separator; // ٪
table[0x066b] = CharClass.NumberSeparator; // ٫ decimal separator
table[0x066c] = CharClass.NumberSeparator; // ٬ thousands separator
setRange(0x066e, 0x066f, CharClass.ArabicLetter);
table[0x0670] = CharClass.ArabicMark; // superscript alef
setRange(0x0671, 0x06d3, CharClass.ArabicLetter);
table[0x06d5] = CharClass.ArabicLetter;
setRange(0x06d6, 0x06dc, CharClass.ArabicMark); // Quranic annotation signs
setRange(0x06df, 0x06e8, CharClass.ArabicMark);
setRange(0x06ea, 0x06ed, CharClass.ArabicMark);
setRange(0x06ee, 0x06ef, CharClass.ArabicLetter);
setRange(0x06f0, 0x06f9, CharClass.Digit); // Extended Arabic-Indic (Persian, Urdu) digits
setRange(0x06fa, 0x06fc, CharClass.ArabicLetter);
table[0x06ff] = CharClass.ArabicLetter;

// Compiled once; used only for characters outside the table (rare in Arabic and English text).
const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
const ARABIC = /\p{Script=Arabic}/u;
const MARK = /\p{M}/u;
const DIGIT = /\p{Nd}/u;

// Greek/Cyrillic/Hebrew range above holds a few non-letters: check them precisely once.
for (let c = 0x370; c <= 0x5ff; c++) {
  const ch = String.fromCharCode(c);
  table[c] = LETTER.test(ch) ? CharClass.OtherLetter : MARK.test(ch) ? CharClass.Mark : CharClass.Separator;
}

const highCache = new Map<number, CharClass>();

function classifySlow(cp: number): CharClass {
  switch (cp) {
    case 0x2019: // ’
      return CharClass.Apostrophe;
    case 0x2010:
    case 0x2011:
      return CharClass.Hyphen;
    case 0x200c: // ZWNJ (Persian, Urdu)
    case 0x200d: // ZWJ
    case 0x200e: // LRM
    case 0x200f: // RLM
    case 0x2060: // word joiner
    case 0xfeff: // zero-width no-break space
      return CharClass.Ignorable;
  }
  const ch = String.fromCodePoint(cp);
  if (LETTER.test(ch)) return ARABIC.test(ch) ? CharClass.ArabicLetter : LATIN.test(ch) ? CharClass.LatinLetter : CharClass.OtherLetter;
  if (MARK.test(ch)) return ARABIC.test(ch) ? CharClass.ArabicMark : CharClass.Mark;
  if (DIGIT.test(ch)) return CharClass.Digit;
  return CharClass.Separator;
}

/** The tokenizer class of a code point. */
export function classify(cp: number): CharClass {
  if (cp < TABLE_SIZE) return table[cp] as CharClass;
  let cls = highCache.get(cp);
  if (cls === undefined) {
    cls = classifySlow(cp);
    // Bounded: a hostile text full of distinct rare characters must not grow the cache forever.
    if (highCache.size < 65_536) highCache.set(cp, cls);
  }
  return cls;
}

/** Code points whose form changes under NFKC in a way our per-character folding cannot reproduce. */
export function needsCompatibilityNormalization(code: number): boolean {
  // Hamza and madda as combining marks compose with the preceding letter (و + ٔ → ؤ); everything
  // outside ASCII and the Arabic block may have a compatibility mapping (presentation forms, ligatures,
  // full-width letters, superscripts).
  return code >= 0x80 ? code < 0x0600 || code > 0x06ff || (code >= 0x0653 && code <= 0x0655) : false;
}

// Per-character folding for the Arabic block: 0 = drop, otherwise the replacement code unit.
// Index = code - 0x0600.
const ARABIC_FOLD = new Uint16Array(0x100);
for (let c = 0; c < 0x100; c++) ARABIC_FOLD[c] = 0x0600 + c;
function arabicFold(from: number, to: number): void {
  ARABIC_FOLD[from - 0x0600] = to;
}
for (let c = 0x064b; c <= 0x065f; c++) arabicFold(c, 0);
for (const c of [0x0640, 0x0670]) arabicFold(c, 0);
for (let c = 0x06d6; c <= 0x06dc; c++) arabicFold(c, 0);
for (let c = 0x06df; c <= 0x06e8; c++) arabicFold(c, 0);
for (let c = 0x06ea; c <= 0x06ed; c++) arabicFold(c, 0);
// Alef with hamza above/below, madda, wasla and rarer alef forms → bare alef: writers use them
// inconsistently, and most people type a bare alef.
for (const c of [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0675]) arabicFold(c, 0x0627);
arabicFold(0x0649, 0x064a); // alef maqsura ى → ya ي (Egyptian spelling writes ى for final ي)
arabicFold(0x0629, 0x0647); // taa marbuta ة → haa ه (often typed as ه)
arabicFold(0x06cc, 0x064a); // Persian ya ی → ي
arabicFold(0x06a9, 0x0643); // Persian kaf ک → ك
arabicFold(0x06c0, 0x0647); // heh with yeh above ۀ → ه
arabicFold(0x06c1, 0x0647); // heh goal ہ → ه
for (let d = 0; d < 10; d++) {
  arabicFold(0x0660 + d, 0x30 + d); // Arabic-Indic digits → ASCII
  arabicFold(0x06f0 + d, 0x30 + d); // Persian digits → ASCII
}
arabicFold(0x060c, 0x2c); // ، Arabic comma
arabicFold(0x061b, 0x3b); // ؛ Arabic semicolon
arabicFold(0x061f, 0x3f); // ؟ Arabic question mark
arabicFold(0x066a, 0x25); // ٪ percent
arabicFold(0x066b, 0x2e); // ٫ decimal separator
arabicFold(0x066c, 0x2c); // ٬ thousands separator
arabicFold(0x06d4, 0x2e); // ۔ full stop

/** The folded code unit for a code unit of the Arabic block (0 when the character is dropped). */
export function foldArabicCode(code: number): number {
  return ARABIC_FOLD[code - 0x0600] as number;
}

// Letters that do not decompose under NFD but that people spell without the special letter.
const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd',
  þ: 'th', Þ: 'th', ł: 'l', Ł: 'l', ı: 'i', ħ: 'h', Ħ: 'h', ŋ: 'n', Ŋ: 'n',
};
const COMBINING = /[\u0300-\u036f]/g;
const otherFoldCache = new Map<number, string>();

/** Lower case and accent-free form of one non-ASCII, non-Arabic-block code point (cached). */
export function foldOtherCodePoint(cp: number): string {
  let folded = otherFoldCache.get(cp);
  if (folded === undefined) {
    const ch = String.fromCodePoint(cp);
    folded = LATIN_SPECIAL[ch] ?? ch.toLowerCase().normalize('NFD').replace(COMBINING, '').normalize('NFC');
    if (otherFoldCache.size < 65_536) otherFoldCache.set(cp, folded);
  }
  return folded;
}
