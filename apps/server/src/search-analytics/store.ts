// search_queries_hourly: adding counts (an upsert per flush, one statement for any number of rows),
// trimming old hours, and the editors' reports over a period.
import type { Queryable } from '../platform/db/db.js';
import { startPassLoop } from '../platform/pass-loop.js';

/** Counts for one hour and normalised query, as a flush adds them. */
export interface HourlyCounts {
  hour: number;
  query: string;
  sample: string;
  searches: number;
  zeroResults: number;
  resultsSum: number;
  latencyMsSum: number;
  latencyMsMax: number;
  clicks: number;
  clicksFirst: number;
  clickRankSum: number;
}

/**
 * Adds the counts to their rows in one statement. The rows travel as one JSON parameter (the same on
 * PGlite and PostgreSQL, whatever their number); a row that exists gets the counts added, so every
 * Discovery process flushes into the same rows without coordination.
 */
export async function addCounts(db: Queryable, rows: readonly HourlyCounts[]): Promise<void> {
  if (rows.length === 0) return;
  const payload = JSON.stringify(rows.map((r) => ({
    hour: new Date(r.hour).toISOString(), query: r.query, sample: r.sample, searches: r.searches, zero_results: r.zeroResults,
    results_sum: r.resultsSum, latency_ms_sum: r.latencyMsSum, latency_ms_max: r.latencyMsMax,
    clicks: r.clicks, clicks_first: r.clicksFirst, click_rank_sum: r.clickRankSum,
  })));
  await db.query(
    `insert into search_queries_hourly as s
       (hour, query, sample, searches, zero_results, results_sum, latency_ms_sum, latency_ms_max, clicks, clicks_first, click_rank_sum)
     select hour, query, sample, searches, zero_results, results_sum, latency_ms_sum, latency_ms_max, clicks, clicks_first, click_rank_sum
       from jsonb_to_recordset($1::jsonb) as r(hour timestamptz, query text, sample text, searches bigint, zero_results bigint,
            results_sum bigint, latency_ms_sum float8, latency_ms_max float8, clicks bigint, clicks_first bigint, click_rank_sum bigint)
     on conflict (hour, query) do update set
       searches = s.searches + excluded.searches,
       zero_results = s.zero_results + excluded.zero_results,
       results_sum = s.results_sum + excluded.results_sum,
       latency_ms_sum = s.latency_ms_sum + excluded.latency_ms_sum,
       latency_ms_max = greatest(s.latency_ms_max, excluded.latency_ms_max),
       clicks = s.clicks + excluded.clicks,
       clicks_first = s.clicks_first + excluded.clicks_first,
       click_rank_sum = s.click_rank_sum + excluded.click_rank_sum`,
    [payload],
  );
}

/** Deletes hours older than keepMs, in batches (short locks); returns how many rows went. */
export async function trimSearchAnalytics(db: Queryable, keepMs: number, batchSize = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await db.query<{ n: number }>(
      `with gone as (
         delete from search_queries_hourly where ctid in (
           select ctid from search_queries_hourly where hour < now() - $1 * interval '1 millisecond' limit $2)
         returning 1)
       select count(*)::int as n from gone`,
      [keepMs, batchSize],
    );
    const n = row?.n ?? 0;
    total += n;
    if (n < batchSize) return total;
  }
}

/** Runs trimSearchAnalytics every intervalMs (hourly, beside the outbox trim) until stopped. */
export function startSearchAnalyticsTrim(db: Queryable, keepMs: number, intervalMs: number, onError: (error: unknown) => void): () => Promise<void> {
  return startPassLoop(() => trimSearchAnalytics(db, keepMs), { intervalMs, firstDelayMs: 0, onError });
}

export type QuerySort = 'searches' | 'zero' | 'ctr';

export interface QueryReportOptions {
  from: Date;
  to: Date;
  sort: QuerySort;
  limit: number;
  /** ctr: queries searched fewer times than this are left out (a rate over 2 searches says little). */
  minSearches: number;
}

export interface QueryReportRow {
  query: string;
  sample: string;
  searches: number;
  zeroResults: number;
  meanResults: number;
  meanLatencyMs: number;
  maxLatencyMs: number;
  clicks: number;
  clicksFirst: number;
  meanClickRank: number | null;
  ctr: number;
}

const ORDER: Record<QuerySort, string> = {
  searches: 'searches desc, query',
  zero: 'zero_results desc, searches desc, query',
  // Lowest click-through first: the queries whose results people do not choose are the ones to look at.
  ctr: 'ctr asc, searches desc, query',
};

/** Per normalised query over [from, to): totals, zero-result searches, click-through; sorted, limited. */
export async function queryReport(db: Queryable, options: QueryReportOptions): Promise<{ totals: { searches: number; zeroResults: number; clicks: number; queries: number }; items: QueryReportRow[] }> {
  const filter = options.sort === 'zero' ? 'where zero_results > 0' : options.sort === 'ctr' ? 'where searches - zero_results >= $4' : '';
  const rows = await db.query<Record<string, unknown>>(
    `with q as (
       select query, (array_agg(sample order by hour desc))[1] as sample,
              sum(searches)::float8 as searches, sum(zero_results)::float8 as zero_results, sum(results_sum)::float8 as results_sum,
              sum(latency_ms_sum)::float8 as latency_ms_sum, max(latency_ms_max)::float8 as latency_ms_max,
              sum(clicks)::float8 as clicks, sum(clicks_first)::float8 as clicks_first, sum(click_rank_sum)::float8 as click_rank_sum
         from search_queries_hourly where hour >= $1 and hour < $2 group by query
     ), rated as (
       select *, case when searches > 0 then least(1, clicks / searches) else 0 end as ctr from q where searches > 0
     )
     select * from rated ${filter} order by ${ORDER[options.sort]} limit $3`,
    options.sort === 'ctr' ? [options.from, options.to, options.limit, options.minSearches] : [options.from, options.to, options.limit],
  );
  const [totals] = await db.query<{ searches: number; zero_results: number; clicks: number; queries: number }>(
    `select coalesce(sum(searches), 0)::float8 as searches, coalesce(sum(zero_results), 0)::float8 as zero_results,
            coalesce(sum(clicks), 0)::float8 as clicks, count(distinct query)::int as queries
       from search_queries_hourly where hour >= $1 and hour < $2 and searches > 0`,
    [options.from, options.to],
  );
  return {
    totals: { searches: totals?.searches ?? 0, zeroResults: totals?.zero_results ?? 0, clicks: totals?.clicks ?? 0, queries: totals?.queries ?? 0 },
    items: rows.map((r) => {
      const searches = Number(r.searches);
      const clicks = Number(r.clicks);
      return {
        query: String(r.query),
        sample: String(r.sample),
        searches,
        zeroResults: Number(r.zero_results),
        meanResults: round(Number(r.results_sum) / searches, 1),
        meanLatencyMs: round(Number(r.latency_ms_sum) / searches, 2),
        maxLatencyMs: round(Number(r.latency_ms_max), 2),
        clicks,
        clicksFirst: Number(r.clicks_first),
        meanClickRank: clicks > 0 ? round(Number(r.click_rank_sum) / clicks, 2) : null,
        ctr: round(Number(r.ctr), 4),
      };
    }),
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
