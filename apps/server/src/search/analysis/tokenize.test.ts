import { describe, expect, it } from 'vitest';
import { loadTatoeba } from '../../../../../bench/relevance/tatoeba.js';
import { tokenize } from './tokenize.js';

const words = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));
const kinds = (text: string) => tokenize(text).map((t) => t.kind);

describe('tokenize', () => {
  it('splits Arabic on spaces and Arabic punctuation ، ؛ ؟', () => {
    expect(words('هل أنت بخير؟ نعم، أنا بخير؛ شكرا.')).toEqual(['هل', 'أنت', 'بخير', 'نعم', 'أنا', 'بخير', 'شكرا']);
  });

  it('keeps harakat, shadda and tatweel inside the word, with offsets into the original', () => {
    const text = 'قَرَأْتُ الكُتُبَ كـــلها';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['قَرَأْتُ', 'الكُتُبَ', 'كـــلها']);
    expect(tokens[1]).toMatchObject({ kind: 'arabic', start: 9, end: 17 });
  });

  it('splits mixed Arabic/English text into script runs', () => {
    const text = 'استمع إلى Fnjan podcast على Spotify الآن';
    expect(words(text)).toEqual(['استمع', 'إلى', 'Fnjan', 'podcast', 'على', 'Spotify', 'الآن']);
    expect(kinds(text)).toEqual(['arabic', 'arabic', 'latin', 'latin', 'arabic', 'latin', 'arabic']);
    expect(words('iPhoneالجديد')).toEqual(['iPhone', 'الجديد']);
  });

  it('keeps numbers whole, with decimal and thousands separators, in any digits', () => {
    expect(words('الحلقة 12 من 3.5 ساعة و 1,000 مستمع و ٣٫٥ و ۱۲')).toEqual(['الحلقة', '12', 'من', '3.5', 'ساعة', 'و', '1,000', 'مستمع', 'و', '٣٫٥', 'و', '۱۲']);
    expect(kinds('12 ٣٫٥')).toEqual(['number', 'number']);
    expect(words('end. 12, then')).toEqual(['end', '12', 'then']);
  });

  it('keeps digits with Latin letters but not with Arabic ones', () => {
    expect(words('mp3 h264 1990s')).toEqual(['mp3', 'h264', '1990s']);
    expect(kinds('mp3 1990s')).toEqual(['latin', 'latin']);
    expect(words('الحلقة2')).toEqual(['الحلقة', '2']);
  });

  it('keeps apostrophes inside English words only', () => {
    expect(words("don't O'Brien's 'quoted' students'")).toEqual(["don't", "O'Brien's", 'quoted', 'students']);
    expect(words('can’t')).toEqual(['can’t']);
  });

  it('links hyphenated words and marks the link', () => {
    const tokens = tokenize('e-mail well-known 2020-2021 covid-19 - alone');
    expect(tokens.map((t) => [t.kind, t.joinsNext])).toEqual([
      ['latin', true],
      ['latin', false],
      ['latin', true],
      ['latin', false],
      ['number', false],
      ['number', false],
      ['latin', false],
      ['number', false],
      ['latin', false],
    ]);
  });

  it('keeps a Persian word with a zero-width non-joiner whole', () => {
    expect(words('می‌خواهم')).toEqual(['می‌خواهم']);
    expect(words('كتاب\u200c')).toEqual(['كتاب']); // a trailing joiner is not part of the word
  });

  it('treats emoji, symbols and stray marks as separators', () => {
    expect(words('🎧 بودكاست #فنجان @thmanyah ★ َ')).toEqual(['بودكاست', 'فنجان', 'thmanyah']);
  });

  it('handles other scripts, astral letters and lone surrogates without failing', () => {
    expect(kinds('Привет שלום 東京')).toEqual(['other', 'other', 'other']);
    expect(words('𝐀𝐁𝐂 x')).toEqual(['𝐀𝐁𝐂', 'x']);
    expect(words('a\ud800b')).toEqual(['a', 'b']);
    expect(tokenize('')).toEqual([]);
  });

  it('refuses what is not a string with a clear error', () => {
    expect(() => tokenize(42 as unknown as string)).toThrow(/expects a string/);
  });
});

describe('tokenize over the Tatoeba sentences', () => {
  const rows = loadTatoeba();
  const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

  it('covers every letter and digit, in order, without overlap, in Arabic and English', () => {
    const problems: string[] = [];
    for (const row of rows) {
      for (const text of [row.ar, row.en]) {
        let previousEnd = 0;
        for (const t of tokenize(text)) {
          if (t.start < previousEnd || t.end <= t.start) problems.push(`bad offsets ${t.start}-${t.end} in ${text}`);
          // Between tokens there is no letter or digit: nothing searchable is lost.
          if (LETTER_OR_DIGIT.test(text.slice(previousEnd, t.start))) problems.push(`skipped ${text.slice(previousEnd, t.start)} in ${text}`);
          previousEnd = t.end;
        }
        if (LETTER_OR_DIGIT.test(text.slice(previousEnd))) problems.push(`skipped ${text.slice(previousEnd)} in ${text}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
