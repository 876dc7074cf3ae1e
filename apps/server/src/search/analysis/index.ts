// Public surface of the text analysis: what indexing, query parsing and highlighting use.
export { analyze, indexTerms, queryTerms, stem, toTsvector, MAX_TOKEN_LENGTH } from './analyzer.js';
export type { AnalyzedToken, AnalyzeMode, AnalyzeOptions, TokenLanguage, Terms } from './analyzer.js';
export { normalize } from './normalize.js';
export { tokenize } from './tokenize.js';
export type { RawToken, TokenKind } from './tokenize.js';
export { stemArabic } from './arabic-stemmer.js';
export { stemEnglish, isEnglishStopWord } from './english.js';
export { arabicStopBase } from './arabic-stopwords.js';
