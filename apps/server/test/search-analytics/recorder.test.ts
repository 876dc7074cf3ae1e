// The in-memory counts and their flushes on a real database: hours kept apart, a failed flush keeping
// its counts for the next, bounded memory, retention; and the normal form of queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, openTestDb } from '../support/databases.js';
import type { Db } from '../../src/platform/db/db.js';
import { SearchLog } from '../../src/search-analytics/recorder.js';
import { normaliseQuery, MAX_SAMPLE_CHARS } from '../../src/search-analytics/normalise.js';
import { addCounts, trimSearchAnalytics } from '../../src/search-analytics/store.js';

const HOUR = 3_600_000;

describe('normaliseQuery', () => {
  it('gives forms the analyzer cannot tell apart one key', () => {
    const keys = ['«المكتبة»', 'مكتبه', 'المكتبة', 'المكتبات'].map((q) => normaliseQuery(q)?.key);
    expect(new Set(keys).size).toBe(1);
    expect(normaliseQuery('Libraries')?.key).toBe(normaliseQuery('library')?.key);
    expect(normaliseQuery('الكُتُب')?.key).toBe(normaliseQuery('الكتب')?.key);
    // Stop words are kept: "هل أنت بخير" is not the same search as "بخير".
    expect(normaliseQuery('هل أنت بخير')?.key).not.toBe(normaliseQuery('بخير')?.key);
  });

  it('has no key for text without words, and bounds what it keeps', () => {
    for (const blank of ['', '   ', '?!…', '"" - --']) expect(normaliseQuery(blank)).toBeUndefined();
    const long = normaliseQuery('كلمة '.repeat(500))!;
    expect(long.key.length).toBeLessThanOrEqual(200);
    expect(long.sample.length).toBeLessThanOrEqual(MAX_SAMPLE_CHARS);
    expect(normaliseQuery('a\u0000b\tc\n')!.sample).toBe('a b c');
    // A cut through a surrogate pair is mended (PostgreSQL refuses lone surrogates).
    const emoji = normaliseQuery(`${'x'.repeat(MAX_SAMPLE_CHARS - 1)}😀 word`)!;
    expect(emoji.sample.endsWith('\uFFFD')).toBe(true);
  });
});

describe.each(availableBackends())('SearchLog on %s', (backend) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => ({ db, close } = await openTestDb(backend)));
  afterAll(() => close?.());

  const rows = () => db.query<{ hour: Date; query: string; searches: number; zero_results: number; results_sum: number; clicks: number; latency_ms_max: number }>(
    'select hour, query, searches::int, zero_results::int, results_sum::int, clicks::int, latency_ms_max from search_queries_hourly order by hour, query');

  it('adds counts per hour and query across flushes and processes', async () => {
    let now = Date.UTC(2026, 5, 1, 10, 59, 59);
    const a = new SearchLog(db, { flushMs: 60_000, now: () => now });
    const b = new SearchLog(db, { flushMs: 60_000, now: () => now });
    a.search('coffee', 3, 1.5);
    b.search('Coffee', 0, 4);
    a.click('coffee', 1);
    now += 1000; // the next hour
    a.search('coffee', 2, 0.5);
    await Promise.all([a.flush(), b.flush()]);
    a.search('coffee', 1, 9);
    await a.close();
    expect(await rows()).toEqual([
      { hour: new Date(Date.UTC(2026, 5, 1, 10)), query: 'coffe', searches: 2, zero_results: 1, results_sum: 3, clicks: 1, latency_ms_max: 4 },
      { hour: new Date(Date.UTC(2026, 5, 1, 11)), query: 'coffe', searches: 2, zero_results: 0, results_sum: 3, clicks: 0, latency_ms_max: 9 },
    ]);
  });

  it('keeps the counts of a failed flush for the next one', async () => {
    await db.query('delete from search_queries_hourly');
    const now = Date.UTC(2026, 5, 2, 8);
    const log = new SearchLog(db, { flushMs: 60_000, now: () => now });
    log.search('tea', 5, 1);
    await db.exec('alter table search_queries_hourly rename to search_queries_hourly_away');
    await expect(log.flush()).rejects.toThrow();
    log.search('tea', 5, 1);
    expect(log.pending).toBe(1);
    await db.exec('alter table search_queries_hourly_away rename to search_queries_hourly');
    await log.flush();
    expect(await rows()).toMatchObject([{ query: 'tea', searches: 2, results_sum: 10 }]);
  });

  it('bounds the rows held in memory and counts what it had to drop', async () => {
    const log = new SearchLog(db, { flushMs: 60_000, maxRows: 2 });
    log.search('one', 1, 1);
    log.search('two', 1, 1);
    log.search('three', 1, 1);
    log.search('one', 1, 1);
    expect(log.pending).toBe(2);
    expect(log.dropped).toBe(1);
    await log.close();
  });

  it('trims hours past the retention', async () => {
    await db.query('delete from search_queries_hourly');
    const base = { sample: 'x', searches: 1, zeroResults: 0, resultsSum: 1, latencyMsSum: 1, latencyMsMax: 1, clicks: 0, clicksFirst: 0, clickRankSum: 0 };
    const hour = Math.floor(Date.now() / HOUR) * HOUR;
    await addCounts(db, [
      { ...base, hour: hour - 400 * 24 * HOUR, query: 'old' },
      { ...base, hour: hour - 2 * 24 * HOUR, query: 'recent' },
      { ...base, hour, query: 'now' },
    ]);
    expect(await trimSearchAnalytics(db, 30 * 24 * HOUR, 1)).toBe(1);
    expect((await rows()).map((r) => r.query)).toEqual(['recent', 'now']);
  });
});
