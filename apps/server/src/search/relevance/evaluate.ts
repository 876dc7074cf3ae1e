// The relevance evaluation: our analyzer against PostgreSQL's `arabic` configuration and ILIKE substring
// search, over the Tatoeba sentences, in one run. Used by bench/relevance.ts (prints the table) and by
// relevance.test.ts (asserts that ours finds more without returning junk).
import { buildQuerySets, type QuerySet, type QuerySetOptions } from './judgments.js';
import { score, type Scores } from './metrics.js';
import { runPostgresBaselines } from './postgres-baselines.js';
import { analyzerRetrieval, substringRetrieval, type Retrieve } from './systems.js';
import { loadTatoeba, type TatoebaPair } from './tatoeba.js';

/** The systems compared, with the short column title used in the tables. */
export const SYSTEMS = {
  ours: { column: 'ours', description: 'our analyzer: every query term (stop words dropped) among the document terms' },
  oursStopWords: { column: 'ours+stop', description: 'the same, with the query stop words required too' },
  oursExact: { column: 'ours-exact', description: 'our exact field: normalised, not stemmed' },
  postgresArabic: { column: 'pg-arabic', description: "to_tsvector('arabic', doc) @@ plainto_tsquery('arabic', query) on PostgreSQL" },
  ilike: { column: 'ilike', description: "doc ILIKE '%query%' on PostgreSQL (Directus-style search)" },
  substring: { column: 'substring', description: 'case-insensitive substring in memory (the ILIKE rule; stands in when PostgreSQL is absent)' },
} as const;
export type SystemId = keyof typeof SYSTEMS;

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

  return {
    documents: docs.length,
    sets: results,
    postgres: pgAnswers ? { version: pgAnswers.version } : { skipped: options.skipReason ?? 'no PostgreSQL URL given' },
    substringDisagreements,
  };
}

const percent = (x: number) => (x * 100).toFixed(1);

function matrix(report: EvaluationReport, title: string, value: (s: Scores) => number): string[] {
  const systems = (Object.keys(SYSTEMS) as SystemId[]).filter((id) => report.sets.some((set) => set.scores[id]));
  const header = [`${title} (%)`, 'queries', ...systems.map((id) => SYSTEMS[id].column)];
  const rows = report.sets.map((set) => [
    set.name,
    String(Object.values(set.scores)[0]?.queries ?? 0),
    ...systems.map((id) => {
      const s = set.scores[id];
      return s ? percent(value(s)) : '-';
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
  lines.push('', 'Systems:');
  for (const [id, system] of Object.entries(SYSTEMS) as [SystemId, (typeof SYSTEMS)[SystemId]][]) {
    if (report.sets.some((set) => set.scores[id])) lines.push(`  ${system.column}: ${system.description}`);
  }
  lines.push('Query sets:');
  for (const set of report.sets) lines.push(`  ${set.name}: ${set.description}`);
  lines.push('Recall and precision are pooled over the queries of a set; "all found": share of queries whose relevant sentences were all returned.');
  return lines.join('\n');
}
