// The relevance evaluation: our analyzer against PostgreSQL's `arabic` configuration and ILIKE substring
// search, over the Tatoeba sentences, in one run. Used by bench/relevance.ts (prints the table) and by
// relevance.test.ts (asserts that ours finds more without returning junk).
import { buildQuerySets, type QuerySet, type QuerySetOptions } from './judgments.js';
import { score, type Scores } from './metrics.js';
import { runPostgresBaselines } from './postgres-baselines.js';
import { analyzerRetrieval, searchRetrieval, substringRetrieval, type Retrieve } from './systems.js';
import { loadTatoeba, type TatoebaPair } from './tatoeba.js';

/** The systems compared, with the short column title used in the tables. */
export const SYSTEMS = {
  search: { column: 'search', description: 'the search API in memory: required terms, the precision lever on long queries, typo corrections when the words find fewer than 5, ranked' },
  ours: { column: 'ours', description: 'our analyzer: every query term (stop words dropped) among the document terms' },
  oursStopWords: { column: 'ours+stop', description: 'the same, with the query stop words required too' },
  oursExact: { column: 'ours-exact', description: 'our exact field: normalised, not stemmed' },
  postgresArabic: { column: 'pg-arabic', description: "to_tsvector('arabic', doc) @@ plainto_tsquery('arabic', query) on PostgreSQL" },
  ilike: { column: 'ilike', description: "doc ILIKE '%query%' on PostgreSQL (Directus-style search)" },
  substring: { column: 'substring', description: 'case-insensitive substring in memory (the ILIKE rule; stands in when PostgreSQL is absent)' },
} as const;
export type SystemId = keyof typeof SYSTEMS;

/** Names of the pooled rows the report adds. */
export const POOLED_TYPED = 'typed: all variants';
export const POOLED_ALL = 'all query sets';

export interface SetResult {
  name: string;
  description: string;
  scores: Partial<Record<SystemId, Scores>>;
}

export interface EvaluationReport {
  documents: number;
  sets: SetResult[];
  /** The PostgreSQL server used, or why it was not. */
  postgres: { version: string } | { skipped: string };
  /** Queries where PostgreSQL's ILIKE and the in-memory substring rule disagree (should be 0). */
  substringDisagreements: number;
}

export interface EvaluateOptions extends QuerySetOptions {
  rows?: readonly TatoebaPair[];
  /** PostgreSQL URL for the baselines (a user that may create databases), or null to skip them. */
  postgresUrl: string | null;
  skipReason?: string;
}

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

export async function evaluateRelevance(options: EvaluateOptions): Promise<EvaluationReport> {
  const rows = options.rows ?? loadTatoeba();
  const docs = rows.map((r) => r.ar);
  const sets: QuerySet[] = buildQuerySets(rows, options);

  const local: Partial<Record<SystemId, Retrieve>> = {
    search: searchRetrieval(docs),
    ours: analyzerRetrieval(docs, 'term'),
    oursStopWords: analyzerRetrieval(docs, 'term', true),
    oursExact: analyzerRetrieval(docs, 'exact'),
    substring: substringRetrieval(docs),
  };

  // Every distinct query goes to PostgreSQL once.
  const distinct = [...new Set(sets.flatMap((s) => s.queries))];
  const queryIndex = new Map(distinct.map((q, i) => [q, i]));
  let pgAnswers: Awaited<ReturnType<typeof runPostgresBaselines>> | undefined;
  if (options.postgresUrl) pgAnswers = await runPostgresBaselines(options.postgresUrl, docs, distinct);

  let substringDisagreements = 0;
  if (pgAnswers) {
    const substring = local.substring as Retrieve;
    distinct.forEach((q, i) => {
      if (!sameSet(substring(q), pgAnswers.ilike[i] as Set<number>)) substringDisagreements++;
    });
  }

  const results: SetResult[] = sets.map((set) => {
    const scores: Partial<Record<SystemId, Scores>> = {};
    for (const [id, retrieve] of Object.entries(local) as [SystemId, Retrieve][]) {
      if (id === 'substring' && pgAnswers) continue; // PostgreSQL's own ILIKE is reported instead
      scores[id] = score(set.relevant, set.queries.map(retrieve));
    }
    if (pgAnswers) {
      const pick = (list: Set<number>[]) => set.queries.map((q) => list[queryIndex.get(q) as number] as Set<number>);
      scores.postgresArabic = score(set.relevant, pick(pgAnswers.fts));
      scores.ilike = score(set.relevant, pick(pgAnswers.ilike));
    }
    return { name: set.name, description: set.description, scores };
  });

  const typed = results.filter((r) => r.name.startsWith('typed: ')).map((r) => r.name);
  if (typed.length > 0) results.push(pooled({ sets: results } as EvaluationReport, POOLED_TYPED, typed));
  results.push(pooled({ sets: results } as EvaluationReport, POOLED_ALL, sets.map((s) => s.name)));
  return {
    documents: docs.length,
    sets: results,
    postgres: pgAnswers ? { version: pgAnswers.version } : { skipped: options.skipReason ?? 'no PostgreSQL URL given' },
    substringDisagreements,
  };
}

const percent = (x: number) => (x * 100).toFixed(1);

/** Scores pooled over several sets (each query counted once per set it is in), as a set of its own. */
export function pooled(report: EvaluationReport, name: string, sets: readonly string[]): SetResult {
  const members = report.sets.filter((s) => sets.includes(s.name));
  const scores: Partial<Record<SystemId, Scores>> = {};
  for (const id of Object.keys(SYSTEMS) as SystemId[]) {
    const parts = members.map((m) => m.scores[id]).filter((x): x is Scores => x !== undefined);
    if (parts.length !== members.length || parts.length === 0) continue;
    const queries = parts.reduce((n, p) => n + p.queries, 0);
    const sum = (f: (p: Scores) => number) => parts.reduce((n, p) => n + f(p), 0);
    const found = sum((p) => p.counts.found);
    const wanted = sum((p) => p.counts.wanted);
    const returned = sum((p) => p.counts.returned);
    const recall = wanted === 0 ? 1 : found / wanted;
    const precision = returned === 0 ? 0 : found / returned;
    const weighted = (f: (p: Scores) => number) => sum((p) => f(p) * p.queries) / queries;
    scores[id] = {
      queries, recall, precision, f1: recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision),
      fullyAnswered: weighted((p) => p.fullyAnswered), empty: weighted((p) => p.empty), perQuery: returned / queries,
      hitAt10: weighted((p) => p.hitAt10), counts: { found, wanted, returned },
    };
  }
  return { name, description: `pooled: ${sets.join('; ')}`, scores };
}

function matrix(report: EvaluationReport, title: string, value: (s: Scores) => number, format: (x: number) => string = percent): string[] {
  const systems = (Object.keys(SYSTEMS) as SystemId[]).filter((id) => report.sets.some((set) => set.scores[id]));
  const header = [`${title}${format === percent ? ' (%)' : ''}`, 'queries', ...systems.map((id) => SYSTEMS[id].column)];
  const rows = report.sets.map((set) => [
    set.name,
    String(Object.values(set.scores)[0]?.queries ?? 0),
    ...systems.map((id) => {
      const s = set.scores[id];
      return s ? format(value(s)) : '-';
    }),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** The report as plain-text tables: recall, precision and F1 per query set and system. */
export function formatReport(report: EvaluationReport): string {
  const lines: string[] = [];
  lines.push(`Relevance over ${report.documents} Tatoeba Arabic sentences (CC BY 2.0 FR, tatoeba.org)`);
  if ('version' in report.postgres) {
    lines.push(`PostgreSQL: ${report.postgres.version}`);
    lines.push(`ILIKE and the in-memory substring rule disagree on ${report.substringDisagreements} queries`);
  } else {
    lines.push(`PostgreSQL baselines skipped: ${report.postgres.skipped}`);
  }
  lines.push('', ...matrix(report, 'recall', (s) => s.recall));
  lines.push('', ...matrix(report, 'precision', (s) => s.precision));
  lines.push('', ...matrix(report, 'F1', (s) => s.f1));
  lines.push('', ...matrix(report, 'all found', (s) => s.fullyAnswered));
  lines.push('', ...matrix(report, 'results per query', (s) => s.perQuery, (x) => x.toFixed(2)));
  lines.push('', ...matrix(report, 'hit@10', (s) => s.hitAt10));
  lines.push('', 'Systems:');
  for (const [id, system] of Object.entries(SYSTEMS) as [SystemId, (typeof SYSTEMS)[SystemId]][]) {
    if (report.sets.some((set) => set.scores[id])) lines.push(`  ${system.column}: ${system.description}`);
  }
  lines.push('Query sets:');
  for (const set of report.sets) lines.push(`  ${set.name}: ${set.description}`);
  lines.push('Recall and precision are pooled over the queries of a set; "all found": share of queries whose relevant sentences were all returned.');
  return lines.join('\n');
}
