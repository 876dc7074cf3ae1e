import { describe, expect, it } from 'vitest';
import { loadTatoeba } from '../../../../../bench/relevance/tatoeba.js';
import { normalize } from './normalize.js';

const rows = loadTatoeba();

describe('normalize: Arabic', () => {
  it('removes harakat, shadda, sukun, tanween and superscript alef', () => {
    expect(normalize('مَرْحَبًا')).toBe('مرحبا');
    expect(normalize('كُتُب')).toBe('كتب');
    expect(normalize('شُكْرًا جَزِيلًا')).toBe('شكرا جزيلا');
    expect(normalize('مُدَرِّسَة')).toBe('مدرسه');
    expect(normalize('هٰذا')).toBe('هذا');
    expect(normalize('الرَّحْمٰنِ')).toBe('الرحمن');
  });

  it('removes tatweel and Quranic annotation marks', () => {
    expect(normalize('كـــتـــاب')).toBe('كتاب');
    expect(normalize('الْعَالَمِينَ ۝')).toBe('العالمين ۝'); // the end-of-aya sign is not a letter: kept as punctuation
    expect(normalize('يَعْلَمُونَۖ')).toBe('يعلمون');
  });

  it('folds the alef forms أ إ آ ٱ to ا', () => {
    expect(normalize('أحمد')).toBe(normalize('احمد'));
    expect(normalize('إلى')).toBe('الي');
    expect(normalize('آمن')).toBe('امن');
    expect(normalize('ٱلْحَمْدُ')).toBe('الحمد');
  });

  it('folds ى to ي and ة to ه, and keeps ؤ ئ ء', () => {
    expect(normalize('مستشفى')).toBe('مستشفي');
    expect(normalize('على')).toBe(normalize('علي'));
    expect(normalize('مدرسة')).toBe(normalize('مدرسه'));
    expect(normalize('مسؤول سائق شيء')).toBe('مسؤول سائق شيء');
  });

  it('composes a combining hamza the way a precomposed letter is written', () => {
    expect(normalize('و\u0654')).toBe(normalize('ؤ')); // waw + hamza above = ؤ, not و
    expect(normalize('ا\u0654ن')).toBe(normalize('أن'));
    expect(normalize('ي\u0654')).toBe('ئ');
  });

  it('turns presentation forms and ligatures into letters (NFKC)', () => {
    expect(normalize('ﻻ')).toBe('لا');
    expect(normalize('ﺍﻟﻜﺘﺎﺏ')).toBe('الكتاب');
    expect(normalize('ﷲ')).toBe('الله');
  });

  it('maps Persian letters and digits', () => {
    expect(normalize('کتاب')).toBe('كتاب');
    expect(normalize('یوم')).toBe('يوم');
    expect(normalize('۱۲۳۴۵۶۷۸۹۰')).toBe('1234567890');
  });

  it('turns Arabic-Indic digits and Arabic punctuation into ASCII', () => {
    expect(normalize('الحلقة ٣٢')).toBe('الحلقه 32');
    expect(normalize('٣٫٥ ١٬٠٠٠')).toBe('3.5 1,000');
    expect(normalize('نعم، لا؛ لماذا؟ ٥٠٪')).toBe('نعم, لا; لماذا? 50%');
  });

  it('removes invisible joiners and direction marks', () => {
    expect(normalize('می\u200cخواهم')).toBe('ميخواهم');
    expect(normalize('\u200fكتاب\u200e')).toBe('كتاب');
  });
});

describe('normalize: Latin and others', () => {
  it('lower-cases and removes accents', () => {
    expect(normalize('Café Crème')).toBe('cafe creme');
    expect(normalize('NAÏVE Zoë Ångström')).toBe('naive zoe angstrom');
    expect(normalize('cafe\u0301')).toBe('cafe'); // decomposed accent
    expect(normalize('Straße Æsir Øre Łódź')).toBe('strasse aesir ore lodz');
  });

  it('folds full-width and ligature letters (NFKC)', () => {
    expect(normalize('ＰＯＤＣＡＳＴ')).toBe('podcast');
    expect(normalize('ﬁle')).toBe('file');
  });

  it('turns typographic apostrophes into ASCII', () => {
    expect(normalize('don’t')).toBe("don't");
  });

  it('leaves plain text alone (same string back)', () => {
    const text = 'هل انت بخير? yes, 100%';
    expect(normalize(text)).toBe(text);
  });

  it('refuses what is not a string with a clear error', () => {
    expect(() => normalize(undefined as unknown as string)).toThrow(/expects a string/);
  });

  it('survives lone surrogates and astral characters', () => {
    expect(normalize('a\ud800b')).toBe('a\ud800b');
    expect(normalize('𝐀𝐁 😀')).toBe('ab 😀');
  });
});

describe('normalize over the Tatoeba sentences', () => {
  it('is idempotent on every sentence', () => {
    for (const row of rows) {
      const once = normalize(row.ar);
      expect(normalize(once)).toBe(once);
      const en = normalize(row.en);
      expect(normalize(en)).toBe(en);
    }
  });

  it('leaves no harakat, hamza-alef, ى, ة, tatweel or Arabic-Indic digit in any sentence', () => {
    const forbidden = /[\u064B-\u065F\u0670\u0640أإآٱىة٠-٩]/;
    for (const row of rows) expect(normalize(row.ar)).not.toMatch(forbidden);
  });

  it('makes a diacritised sentence equal to the same sentence typed without diacritics', () => {
    const diacritised = rows.filter((r) => /[\u064B-\u0652]/.test(r.ar));
    expect(diacritised.length).toBeGreaterThan(3000);
    for (const row of diacritised) expect(normalize(row.ar)).toBe(normalize(row.ar.replace(/[\u064B-\u0652]/g, '')));
  });
});
