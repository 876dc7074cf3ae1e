// The relevance evaluation as a test: our analyzer must find more of what is relevant than PostgreSQL's
// `arabic` configuration and ILIKE substring search, without burying it in what is not. No timing.
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceAvailable, TEST_DATABASE_URL } from '../../../test/support/services.js';
import { evaluateRelevance, type EvaluationReport, type SystemId } from './evaluate.js';
import type { Scores } from './metrics.js';

const postgres = await serviceAvailable('PostgreSQL', TEST_DATABASE_URL, 5432);

const WORD_SETS = ['word, any spelling', 'content word, with prefixes', 'content word, any inflection'];
const SENTENCE_SETS = ['sentence, diacritics stripped', 'sentence, typed plainly'];

function scores(report: EvaluationReport, set: string, system: SystemId): Scores {
  const found = report.sets.find((s) => s.name === set)?.scores[system];
  if (!found) throw new Error(`no ${system} scores for ${set}`);
  return found;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('relevance over Tatoeba, in memory (ours against substring search)', () => {
  let report: EvaluationReport;
  beforeAll(async () => {
    report = await evaluateRelevance({ postgresUrl: null });
  }, 120_000);

  it('builds every query set with queries', () => {
    expect(report.sets.map((s) => s.name)).toEqual([...SENTENCE_SETS, 'sentence with a variant', ...WORD_SETS]);
    for (const set of report.sets) expect(set.scores.ours?.queries).toBeGreaterThan(100);
  });

  it('finds every variant of a sentence that differs only in diacritics, alef forms, ة/ه, ى/ي or prefixes', () => {
    for (const set of [...SENTENCE_SETS, 'sentence with a variant']) expect(scores(report, set, 'ours').recall).toBe(1);
  });

  it('finds more than substring search in every query set', () => {
    for (const set of report.sets) {
      expect(scores(report, set.name, 'ours').recall, set.name).toBeGreaterThan(scores(report, set.name, 'substring').recall);
    }
  });

  it('keeps precision on word queries', () => {
    for (const set of WORD_SETS) expect(scores(report, set, 'ours').precision, set).toBeGreaterThan(0.8);
  });

  it('with the query stop words required, keeps precision on sentence queries too', () => {
    for (const set of SENTENCE_SETS) expect(scores(report, set, 'oursStopWords').precision, set).toBeGreaterThan(0.5);
  });
});

describe.skipIf(!postgres)('relevance over Tatoeba against PostgreSQL (arabic FTS and ILIKE)', () => {
  let report: EvaluationReport;
  beforeAll(async () => {
    report = await evaluateRelevance({ postgresUrl: TEST_DATABASE_URL });
  }, 180_000);

  it('ran on the real server, whose ILIKE agrees with the in-memory substring rule', () => {
    expect('version' in report.postgres && report.postgres.version).toMatch(/^PostgreSQL/);
    expect(report.substringDisagreements).toBe(0);
  });

  it('finds at least as much as both baselines in every query set, and more on average', () => {
    for (const set of report.sets) {
      const ours = scores(report, set.name, 'ours').recall;
      expect(ours, set.name).toBeGreaterThanOrEqual(scores(report, set.name, 'postgresArabic').recall);
      expect(ours, set.name).toBeGreaterThan(scores(report, set.name, 'ilike').recall);
    }
    const recall = (system: SystemId) => mean(report.sets.map((s) => scores(report, s.name, system).recall));
    expect(recall('ours')).toBeGreaterThan(recall('postgresArabic'));
    expect(recall('ours')).toBeGreaterThan(recall('ilike'));
  });

  it('finds more than PostgreSQL where people type plainly (bare alef, ه for ة)', () => {
    for (const set of ['sentence, typed plainly', 'word, any spelling', 'content word, with prefixes']) {
      expect(scores(report, set, 'ours').recall, set).toBeGreaterThan(scores(report, set, 'postgresArabic').recall);
    }
  });

  it('is more precise than both baselines on word queries', () => {
    for (const set of WORD_SETS) {
      const ours = scores(report, set, 'ours');
      expect(ours.precision, set).toBeGreaterThan(scores(report, set, 'postgresArabic').precision);
      expect(ours.precision, set).toBeGreaterThan(scores(report, set, 'ilike').precision);
      expect(ours.f1, set).toBeGreaterThan(scores(report, set, 'postgresArabic').f1);
    }
  });

  it('with the query stop words required, is as precise as PostgreSQL on sentence queries', () => {
    for (const set of SENTENCE_SETS) {
      expect(scores(report, set, 'oursStopWords').precision, set).toBeGreaterThan(scores(report, set, 'postgresArabic').precision);
    }
  });
});
