// Arabic stop words: particles, prepositions (alone and with attached pronouns), pronouns, demonstratives,
// relatives, interrogatives and a few auxiliaries, written in their NORMALISED form (no hamza on alef,
// ى → ي, ة → ه), because stop words are looked up after normalisation.
// They are still indexed (a search for «انت» alone must work); the query side drops them when the query
// has other words, so «هل أنت بخير» searches for بخير only.
// The base list follows the usual Arabic IR lists (Lucene's Arabic stopwords.txt, Larkey's light10
// list), trimmed to function words: no nouns, no verbs other than كان/ليس forms.

const BASE = `
في من الي علي عن مع عند لدي منذ حتي بين نحو حول دون خلال ضد عبر فوق تحت امام خلف وراء قبل بعد مثل
او ام ثم بل لكن لكنه لكنها لكني لكنني ان انه انها انهم انهن اني انني انك انكم انا لان لانه لانها كي لكي اذ
اذا اذن لو لولا لوما اما الا الي لا لم لن ما ليس ليست لست لسنا ليسوا قد لقد سوف هل يا كيف متي اين لماذا
ماذا كم اي ايه ايضا جدا فقط كلا نعم بلي
انت انتم انتن انتما نحن هو هي هم هن هما
هذا هذه هذان هاتان هؤلاء ذلك تلك ذاك اولئك هنا هناك هنالك
الذي التي الذين اللذان اللتان اللذين اللتين اللواتي اللاتي اللائي
لي لك له لها لهم لهن لنا لكم لكن لهما
بي بك به بها بهم بهن بنا بكم
فيه فيها فيهم فيك فينا فيكم
مني منك منه منها منهم منا منكم
عني عنك عنه عنها عنهم عنا عنكم
عليك عليه عليها عليهم علينا عليكم
اليك اليه اليها اليهم الينا اليكم
معي معك معه معها معهم معنا معكم
عندي عندك عنده عندها عندهم عندنا عندكم
لديك لديه لديها لديهم لدينا لديكم
كان كانت كانوا كنت كنا كن يكون تكون يكن تكن اكون نكون
كل بعض جميع غير سوي كما لما مما ممن عما فيما بما عندما بينما حيث حين مهما كانما الان
بهذا بهذه لهذا لهذه كهذا كهذه بذلك لذلك كذلك بتلك لتلك
`;

// و "and" and ف "so" are written joined to the next word: وهو, فهو, ولكن, وفي. Their joined forms are
// stop words too, except where the joined form is also a common content word: ولي (guardian), فلك (orbit),
// وهم (illusion), فان (mortal), والي (governor), ولدي (my son), فعلي (actual), فلم (film), فتحت (I opened),
// فلكي (astronomer).
const NOT_CONJOINED = new Set(['ولي', 'فلك', 'وهم', 'فان', 'والي', 'ولدي', 'فعلي', 'فلم', 'فتحت', 'فلكي']);

const stopBase = new Map<string, string>();
for (const word of BASE.split(/\s+/)) {
  if (word === '') continue;
  stopBase.set(word, word);
}
for (const word of [...stopBase.keys()]) {
  for (const conjunction of ['و', 'ف']) {
    const joined = conjunction + word;
    if (!NOT_CONJOINED.has(joined) && !stopBase.has(joined)) stopBase.set(joined, word);
  }
}
// The bare conjunctions, when written apart (و in "و أنا").
stopBase.set('و', 'و');
stopBase.set('ف', 'ف');

/**
 * For a normalised Arabic word that is a stop word, its base form (وانت → انت: "and you" is still "you"),
 * else undefined.
 */
export function arabicStopBase(normalised: string): string | undefined {
  return stopBase.get(normalised);
}

/** The stop words with their conjoined forms (for tests and documentation). */
export function arabicStopWords(): ReadonlyMap<string, string> {
  return stopBase;
}
