// English stemming and stop words.
// Stemmer: `porter2`, the Porter2 ("Snowball English") algorithm, the one PostgreSQL's `english`
// configuration and Lucene's EnglishAnalyzer family use. Picked over `stemmer` (Porter 1: news → new,
// was → wa, dying → dy) and `wink-porter2-stemmer` (same output, about 3× slower, no types): it has no
// dependencies, ships TypeScript types, loads as ESM on Node 20 and is tested against Snowball's own
// vocabulary. It expects a lower-case word, which normalisation guarantees.
import { stem as porter2 } from 'porter2';

// Snowball's English stop list, without the contractions that lose their apostrophe into a real word
// (we'll → well, she'll → shell, he'll → hell, i'll → ill, she'd → shed, we'd → wed, i'd → id, let's → lets).
const STOP_WORDS = `
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
herself it its itself they them their theirs themselves what which who whom this that these those am is are
was were be been being have has had having do does did doing would should could ought im youre hes shes
were theyre ive youve weve theyve youd hed theyd youll theyll isnt arent wasnt werent hasnt havent hadnt
doesnt dont didnt wont wouldnt shant shouldnt cant cannot couldnt mustnt thats whos whats heres theres whens
wheres whys hows a an the and but if or because as until while of at by for with about against between into
through during before after above below to from up down in out on off over under again further then once
here there when where why how all any both each few more most other some such no nor not only own same so
than too very
`;

const stopWords = new Set(STOP_WORDS.split(/\s+/).filter((w) => w !== ''));

/** Is the normalised (lower case, apostrophes removed) word an English stop word? */
export function isEnglishStopWord(normalised: string): boolean {
  return stopWords.has(normalised);
}

/**
 * The stem of a lower-case English word. Apostrophes may be present (Porter2 removes the possessive
 * children's → children); none are left in the result, so don't and dont meet.
 */
export function stemEnglish(word: string): string {
  const stem = porter2(word);
  return stem.includes("'") ? stem.replaceAll("'", '') : stem;
}
