// The hot path of search analytics: counting a search (or a click) is a memo lookup and a few additions
// to an in-memory row for (hour, normalised query). A timer adds the rows to the database every few
// seconds in one statement, and close() does it once more at shutdown, so no count is lost and no
// request ever waits on a write. Nothing that identifies a listener reaches this module.
import type { Queryable } from '../platform/db/db.js';
import { normaliseQuery } from './normalise.js';
import { addCounts, type HourlyCounts } from './store.js';

const HOUR_MS = 3_600_000;

export interface SearchLogOptions {
  flushMs: number;
  /** Distinct (hour, query) rows held between flushes; beyond it new queries are dropped (and counted as dropped). */
  maxRows?: number;
  onError?: (error: unknown) => void;
  now?: () => number;
}

export class SearchLog {
  private rows = new Map<string, HourlyCounts>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private readonly maxRows: number;
  private readonly now: () => number;
  /** Searches and clicks not counted because the table in memory was full (the database was unreachable for long). */
  dropped = 0;
  /** Rows written by flushes so far. */
  flushedRows = 0;

  constructor(private readonly db: Queryable, private readonly options: SearchLogOptions) {
    this.maxRows = options.maxRows ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush().catch((error: unknown) => this.options.onError?.(error)), this.options.flushMs);
    this.timer.unref();
  }

  /** A search's first page was answered (from the cache or not): its result count and how long the answer took. */
  search(text: string | undefined, results: number | undefined, latencyMs: number): void {
    const row = this.row(text);
    if (!row) return;
    row.searches++;
    // undefined: an answer cached by an older version, without its count (counted, not as zero).
    if (results === 0) row.zeroResults++;
    row.resultsSum += results ?? 0;
    row.latencyMsSum += latencyMs;
    if (latencyMs > row.latencyMsMax) row.latencyMsMax = latencyMs;
  }

  /** The site reported a click on the result at `rank` (1 = first) of a search for `text`. */
  click(text: string, rank: number): void {
    const row = this.row(text);
    if (!row) return;
    row.clicks++;
    if (rank === 1) row.clicksFirst++;
    row.clickRankSum += rank;
  }

  /** Rows waiting for the next flush (tests, metrics). */
  get pending(): number {
    return this.rows.size;
  }

  /** Adds what has been counted to the database. One flush at a time; a failed one keeps its counts for the next. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => undefined);
    if (this.rows.size === 0) return;
    const batch = this.rows;
    this.rows = new Map();
    this.flushing = addCounts(this.db, [...batch.values()])
      .then(() => void (this.flushedRows += batch.size))
      .catch((error: unknown) => {
        // Put the counts back (merged with what arrived meanwhile) so the next flush writes them.
        for (const [key, counts] of batch) {
          const current = this.rows.get(key);
          if (current) merge(current, counts);
          else this.rows.set(key, counts);
        }
        throw error;
      })
      .finally(() => (this.flushing = undefined));
    await this.flushing;
  }

  /** Stops the timer and writes what is left (at shutdown, before the database closes). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private row(text: string | undefined): HourlyCounts | undefined {
    if (!text) return undefined;
    const query = normaliseQuery(text);
    if (!query) return undefined;
    const hour = Math.floor(this.now() / HOUR_MS) * HOUR_MS;
    const key = `${hour} ${query.key}`;
    let row = this.rows.get(key);
    if (!row) {
      if (this.rows.size >= this.maxRows) {
        this.dropped++;
        return undefined;
      }
      row = { hour, query: query.key, sample: query.sample, searches: 0, zeroResults: 0, resultsSum: 0, latencyMsSum: 0, latencyMsMax: 0, clicks: 0, clicksFirst: 0, clickRankSum: 0 };
      this.rows.set(key, row);
    }
    return row;
  }
}

function merge(into: HourlyCounts, from: HourlyCounts) {
  into.searches += from.searches;
  into.zeroResults += from.zeroResults;
  into.resultsSum += from.resultsSum;
  into.latencyMsSum += from.latencyMsSum;
  into.latencyMsMax = Math.max(into.latencyMsMax, from.latencyMsMax);
  into.clicks += from.clicks;
  into.clicksFirst += from.clicksFirst;
  into.clickRankSum += from.clickRankSum;
}
