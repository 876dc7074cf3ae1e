// What the search index stores for a public program or episode: the filter columns, two weighted
// tsvectors (stemmed terms and exact forms) and the normalised title for trigrams, plus the word forms
// of the title that as-you-type completion looks up by prefix. Pure functions of the public document.
import { analyze, type AnalyzedToken } from '../../search/analysis/index.js';
import type { PublicEpisode, PublicPersonRef, PublicProgram } from '../documents.js';
import { lexemeSet, weightedTsvector, type WeightedField } from '../../search/index/tsvector.js';

export type SearchType = 'program' | 'episode';
export type CompletionTarget = SearchType | 'person';

export interface Completion {
  /** A normalised word form (exact or stemmed) of the title or name. */
  word: string;
  targetType: CompletionTarget;
  targetId: string;
}

export interface IndexEntry {
  id: string;
  type: SearchType;
  programId: string;
  categoryId: string | null;
  language: string;
  kind: string;
  durationSeconds: number | null;
  publishedAt: string;
  /** tsvector literals: every term (matching), the weighted short fields (ranking), every exact form with positions (phrases). */
  terms: string;
  head: string;
  exact: string;
  completions: Completion[];
}

/**
 * Suggestions rank by the document's boost (recency, popularity) plus this: a program is a better
 * completion than one of its episodes, a host's name better than an episode title.
 */
export const COMPLETION_BONUS: Record<CompletionTarget, number> = { program: 1.5, person: 1, episode: 0 };

const index = (text: string) => analyze(text, { mode: 'index' });

/** People and tags: one field each (weight C), so a phrase never runs from one name into the next. */
function creditsAndTags(people: readonly PublicPersonRef[], tags: readonly string[]): WeightedField[] {
  return [...people.map((p) => p.name), ...tags].map((text) => ({ weight: 'C' as const, tokens: index(text) }));
}

function vectors(fields: WeightedField[]) {
  return {
    terms: lexemeSet(fields.map((f) => f.tokens)),
    head: weightedTsvector(fields.filter((f) => f.weight !== 'D'), 'both'),
    exact: weightedTsvector(fields, 'exact'),
  };
}

/**
 * The words a prefix should find a title by: each word's exact form and its stem (typing كتا finds
 * الكتاب through the stem كتاب, typing الكت through the exact form). Stop words only when the title
 * has nothing else ("The Who"), or every title with "the" would complete "th".
 */
export function completionWords(tokens: readonly AnalyzedToken[]): string[] {
  const content = tokens.some((t) => !t.stop) ? tokens.filter((t) => !t.stop) : tokens;
  const words = new Set<string>();
  for (const t of content) {
    words.add(t.exact);
    words.add(t.term);
  }
  return [...words];
}

function completions(targetType: CompletionTarget, targetId: string, tokens: readonly AnalyzedToken[]): Completion[] {
  return completionWords(tokens).map((word) => ({ word, targetType, targetId }));
}

export function programEntry(doc: PublicProgram): IndexEntry {
  const title = index(doc.title);
  const fields: WeightedField[] = [
    { weight: 'A', tokens: title },
    ...creditsAndTags(doc.people, doc.tags),
    { weight: 'D', tokens: index(doc.description) },
  ];
  const people = new Map(doc.people.map((p) => [p.id, p]));
  return {
    id: doc.id,
    type: 'program',
    programId: doc.id,
    categoryId: doc.category?.id ?? null,
    language: doc.language,
    kind: doc.kind,
    durationSeconds: null,
    publishedAt: doc.publishedAt,
    ...vectors(fields),
    // A program's people are suggested through it: they stay suggestible exactly while some public
    // program credits them (rows go with the program's). Episode guests are not (a row per episode
    // per guest would multiply the table for little).
    completions: [
      ...completions('program', doc.id, title),
      ...[...people.values()].flatMap((p) => completions('person', p.id, index(p.name))),
    ],
  };
}

export function episodeEntry(doc: PublicEpisode): IndexEntry {
  const title = index(doc.title);
  const fields: WeightedField[] = [
    { weight: 'A', tokens: title },
    { weight: 'B', tokens: index(doc.program.title) },
    ...creditsAndTags(doc.people, doc.tags),
    { weight: 'D', tokens: index(doc.description) },
  ];
  return {
    id: doc.id,
    type: 'episode',
    programId: doc.program.id,
    categoryId: doc.program.categoryId,
    language: doc.language,
    kind: doc.program.kind,
    durationSeconds: doc.durationSeconds,
    publishedAt: doc.publishAt,
    ...vectors(fields),
    completions: completions('episode', doc.id, title),
  };
}
