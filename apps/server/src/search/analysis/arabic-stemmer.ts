// Arabic light stemmer: removes the commonest clitic prefixes and inflectional suffixes so that
// الكتاب، والكتاب، كتابه، كتاباً match كتاب and مكتبات، مكتبتي match مكتبة. It works on NORMALISED words
// (see normalize.ts) and never extracts roots: كاتب، مكتب، كتب stay apart, because root conflation
// merges words a reader would not (كتب "books" with مكتب "office").
//
// Starting point: Larkey's light10, as in Lucene's ArabicStemmer (prefixes ال وال بال كال فال لل و;
// suffixes ها ان ات ون ين يه ية ه ة ي). Changes, each checked on the Tatoeba vocabulary and the relevance
// evaluation (see docs/search-analysis.md):
//  - Minimum stem lengths: 2 letters after an article, 3 after و or a one-letter suffix, 4 before the
//    plural endings ون ين. Short words and names stay whole: عمان، سنة، وقت.
//  - No ان suffix: it is the dual ending, rare in running text, but far more words and names simply end in
//    ان (فنجان، سليمان، مهرجان، لبنان، رمضان، امتحان), which light10 cuts to nonsense or other words.
//  - Suffixes in linguistic order, not one pass over a list: pronoun (ها ه ي, and هم كم ك which light10
//    leaves on: كتابك، كتابهم), then plural (ات ون ين), then the nisba ي. So سياراتي → سيارات → سيار like
//    سيارة → سيار, and عربية → عربي → عرب. ك stays after ا (استهلاك، اشتراك are nouns in اك). نا and ني
//    go as pronouns (اخبرني، اخبريني، ذهبنا، بيتنا → اخبر، اخبر، ذهب، بيت) except after ا or و and in
//    four-letter words: احيانا، مجانا، معاني، اغاني، ياباني، تلفزيوني، وطني end so without a pronoun.
//  - A taa marbuta before a pronoun is written ت: after removing the pronoun, a final ت is dropped when at
//    least 3 letters remain (مكتبتي → مكتبت → مكتب, like مكتبة → مكتب; بيتي → بيت keeps its ت).
//  - Tanween alif (كتاباً → كتابا → كتاب) is removed, and a hamza it carried returns to ء (شيئاً → شيء).
//  - و is a root letter in many common words (وقت، وصل، وجد، واحد، وظيفة، والد): those stems are listed and
//    keep their و; elsewhere a leading و is the conjunction "and" and goes.
//  - A second article after the first goes too (الألعاب → العاب → عاب, like ألعاب → عاب): after alef
//    folding ألعاب looks like ال + عاب, so both forms must be cut the same way.
//  - A few words keep their form: الله (not ال + له), and the tens (ثلاثين is not ثلاث + ين).
//  - When لل would leave fewer than 3 letters only ل goes: ل + الليل is written لليل.
//  - A lone ب ل ك ف is never removed (بيت، برنامج، لعب، كتاب، فنجان begin so): only with the article.

/** Article prefixes, longest first, with the conjunction or preposition in front of them. */
const ARTICLE_PREFIXES = ['وبال', 'وكال', 'فبال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'] as const;

/** Words whose leading و (or و after an article) belongs to the stem, as they are after suffix removal. */
const WAW_STEMS = new Set([
  'واحد', 'وحد', 'وحيد', 'وصل', 'وصول', 'وصلت', 'وقت', 'وجد', 'وجدت', 'وجود', 'وظيف', 'وقع', 'وقعت', 'وقوع',
  'وقف', 'وقفت', 'وضع', 'وضعت', 'وضح', 'وضوح', 'واضح', 'واجب', 'وجه', 'وجب', 'وعد', 'وعدت', 'وعود', 'ولد',
  'ولدت', 'ولاد', 'والد', 'ورق', 'ورط', 'واثق', 'وثق', 'وثيق', 'وثائق', 'وسيم', 'وسع', 'وافق', 'وافقت', 'وسط',
  'وسيل', 'وسائل', 'وزن', 'وزير', 'وزار', 'وطن', 'وفا', 'وفاء', 'وفق', 'ورد', 'ورود', 'وداع', 'ودود', 'وراء',
  'وكال', 'وكيل', 'وصف', 'وصي', 'وشاح', 'واقع', 'واقف', 'وقح', 'وحش', 'واد', 'وادي', 'وعي', 'وعاء', 'وباء',
  'وقود', 'ورث', 'ورش', 'ولاي', 'ولايات', 'وليد', 'وائل', 'وسام', 'وجدي', 'وجبات', 'وهج', 'وزراء', 'وسخ',
]);

/** Words taken whole, before any rule (normalised form → term). */
const WHOLE_WORDS = new Map<string, string>([
  ['الله', 'الله'], ['والله', 'الله'], ['بالله', 'الله'], ['فالله', 'الله'], ['تالله', 'الله'], ['لله', 'الله'],
  ['ولله', 'الله'], ['اللهم', 'اللهم'],
]);

/** Stems that keep their ending: the tens, whose ون/ين is not a plural suffix. */
const KEEP_ENDING = new Set([
  'عشرين', 'عشرون', 'ثلاثين', 'ثلاثون', 'اربعين', 'اربعون', 'خمسين', 'خمسون', 'ستين', 'ستون', 'سبعين', 'سبعون',
  'ثمانين', 'ثمانون', 'تسعين', 'تسعون',
]);

const ALEF = 0x0627;
const LAM = 0x0644;
const WAW = 0x0648;
const TEH = 0x062a;
const HEH = 0x0647;
const YEH = 0x064a;
const YEH_HAMZA = 0x0626;
const KAF = 0x0643;
const FEH = 0x0641;
const BEH = 0x0628;
const MEEM = 0x0645;

const NOON = 0x0646;

/**
 * May a final ني / نا be the pronoun? Not after ا or و: اغاني، معاني، ياباني، احيانا، مجانا، مكانا،
 * تلفزيوني، قانونا are a broken plural, a nisba or tanween on a word ending in ن. Not نا after ي either:
 * adjectives in ين take tanween (حزينا، تمرينا), while ني after ي is the verb's own ي (اخبريني، يعطيني).
 * A four-letter word keeps it (وطني، ديني، زمنا are nisba and tanween on ن), and so do the words in
 * NOON_STEMS, nouns ending in ن whose nisba a rule cannot tell from a verb with ني.
 */
function objectPronounMayEnd(w: string): boolean {
  const n = w.length;
  const before = w.charCodeAt(n - 3);
  if (before === ALEF || before === WAW) return false;
  if (before === YEH && w.charCodeAt(n - 1) === ALEF) return false;
  return !NOON_STEMS.has(w.slice(0, -1));
}

/**
 * Nouns and adjectives ending in ن (as left after the article) whose tanween ا or nisba ي would otherwise
 * look like the pronoun نا / ني (ممكنا، مؤمنا، مواطني): the commonest, checked on the Tatoeba vocabulary.
 */
const NOON_STEMS = new Set([
  'باطن', 'روتين', 'فلسطين', 'تموين', 'تكوين', 'تدوين', 'تعيين', 'تامين', 'مدخن', 'معدن', 'مواطن', 'ممكن', 'مؤمن',
  'ساكن', 'متقن', 'مدمن', 'متيقن', 'ساخن', 'ممتن', 'مطمئن', 'مسكن', 'مخزن', 'محزن', 'مزمن', 'داكن', 'كامن', 'ضامن',
  'راهن', 'مستحسن', 'متمكن', 'متزن', 'مرهون', 'معلن', 'مبطن', 'مهين', 'ملعون',
]);

function endsWith2(w: string, a: number, b: number): boolean {
  const n = w.length;
  return n >= 2 && w.charCodeAt(n - 2) === a && w.charCodeAt(n - 1) === b;
}

/** Suffix removal on a word without prefixes. */
function stemSuffixes(word: string): string {
  if (KEEP_ENDING.has(word)) return word;
  let w = word;
  let n = w.length;
  let last = w.charCodeAt(n - 1);

  // 1. Pronoun suffix (ني نا ها هم كم ه ي ك), or tanween alif.
  let removedPronoun = false;
  const beforeLast = w.charCodeAt(n - 2);
  if (n >= 5 && beforeLast === NOON && (last === YEH || last === ALEF) && objectPronounMayEnd(w)) {
    // The object or possessive ني / نا: اخبرني → اخبر like اخبره، اخبرك; ذهبنا → ذهب; بيتنا → بيت. A
    // feminine or verbal ي before ني is left for the nisba step: اخبريني → اخبري → اخبر, تسامحيني → تسامح.
    w = w.slice(0, n - 2);
    removedPronoun = true;
  } else if (n >= 5 && (last === ALEF || last === MEEM) && (beforeLast === HEH || (last === MEEM && beforeLast === KAF))) {
    w = w.slice(0, n - 2); // كتابها، كتابهم، كتابكم
    removedPronoun = true;
  } else if (n >= 4 && last === ALEF) {
    w = w.slice(0, n - 1); // كتابا (tanween)
    if (w.charCodeAt(w.length - 1) === YEH_HAMZA) w = `${w.slice(0, -1)}ء`; // شيئا → شيء
  } else if (n >= 4 && (last === HEH || last === YEH)) {
    w = w.slice(0, n - 1); // كتابه، كتابي، مكتبه (ة)
    removedPronoun = true;
  } else if (n >= 4 && last === KAF && beforeLast !== ALEF) {
    w = w.slice(0, n - 1); // كتابك، بيتك; not استهلاك، اشتراك (nouns in اك keep their ك)
    removedPronoun = true;
  }
  n = w.length;
  // A taa marbuta written ت before the pronoun: مكتبتي → مكتبت → مكتب, حياتي → حيات → حيا (but
  // سياراتي → سيارات keeps its plural ات for the next step).
  if (removedPronoun && n >= 4 && w.charCodeAt(n - 1) === TEH && (n === 4 || w.charCodeAt(n - 2) !== ALEF)) {
    w = w.slice(0, n - 1);
    n = w.length;
  }

  // 2. Plural suffixes: ات (feminine), ون ين (masculine; a longer stem is required, see the header).
  if (n >= 5 && endsWith2(w, ALEF, TEH)) {
    w = w.slice(0, n - 2);
  } else if (n >= 6 && (endsWith2(w, WAW, 0x0646) || endsWith2(w, YEH, 0x0646)) && !KEEP_ENDING.has(w)) {
    w = w.slice(0, n - 2);
  }
  n = w.length;

  // 3. Nisba ي (عربي → عرب, مصري → مصر), also left over from ية and يات.
  if (n >= 4 && w.charCodeAt(n - 1) === YEH) w = w.slice(0, n - 1);
  return w;
}

/** Pronoun suffixes, including those stemSuffixes leaves on (نا، ني …): none may hide a stem from WAW_STEMS. */
const OTHER_PRONOUNS = ['ك', 'كم', 'كن', 'هم', 'هن', 'نا', 'ني', 'هما', 'كما'] as const;

/** Does the word, once its suffixes are removed, start with a root و (وقت in وقتك، والد in والدي)? */
function hasWawStem(word: string): boolean {
  if (WAW_STEMS.has(stemSuffixes(word))) return true;
  for (const suffix of OTHER_PRONOUNS) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix) && WAW_STEMS.has(stemSuffixes(word.slice(0, -suffix.length)))) return true;
  }
  return false;
}

/**
 * The stem of a normalised Arabic word (not a stop word). Pure and deterministic: index and query use it
 * alike, so any two spellings that normalise the same get the same stem.
 */
export function stemArabic(word: string): string {
  const whole = WHOLE_WORDS.get(word);
  if (whole !== undefined) return whole;
  const n = word.length;
  if (n < 3) return word;

  const first = word.charCodeAt(0);
  if (first === WAW && hasWawStem(word)) return stemSuffixes(word); // والدي، وقتك، وجدته
  if (first === WAW || first === FEH || first === BEH || first === KAF || first === LAM || first === ALEF) {
    for (const prefix of ARTICLE_PREFIXES) {
      if (n - prefix.length >= 2 && word.startsWith(prefix)) {
        let rest = word.slice(prefix.length);
        // ل + الليل is written لليل: when لل leaves too short a word, the second ل was the word's own.
        if (rest.length < 3 && prefix.endsWith('لل')) rest = word.slice(prefix.length - 1);
        // A second article: الألعاب → العاب → عاب, so that it meets ألعاب → عاب.
        if (rest.length >= 4 && rest.charCodeAt(0) === ALEF && rest.charCodeAt(1) === LAM) rest = rest.slice(2);
        return stemSuffixes(rest);
      }
    }
  }
  if (first === WAW && n >= 4) return stemSuffixes(word.slice(1));
  return stemSuffixes(word);
}
