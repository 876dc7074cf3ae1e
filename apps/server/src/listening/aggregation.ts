// The aggregation (worker role): folds new listening_events into the feature tables, exactly once.
//   listening_hourly   per hour (UTC), episode and platform family: plays (play beacons and counted
//                      downloads), completes, unique listeners, seconds listened
//   listener_items     per listener and episode: first and last time, seconds listened, completed
// Each step reads the events after the stored position up to a settled id (event-log.ts says why that
// is needed on PostgreSQL), applies them with additive upserts, and moves the position in the same
// transaction: a crash replays nothing twice and loses nothing. Unique listeners are exact: the hour's
// (listener) pairs go to listening_hour_listeners first, and only those new there add to the count.
// Several workers may run it: the position row is taken with `for update skip locked`, one at a time.
import { Gauge, Counter, type Registry } from 'prom-client';
import type { Db } from '../platform/db/db.js';
import { APPEND_LOCK } from './event-log.js';

export const AGGREGATION = 'hourly';
/** Events one step applies at most (one transaction). */
export const STEP_ROWS = 20_000;

async function settledId(db: Db): Promise<number> {
  const read = async (q: Pick<Db, 'query'>) => (await q.query<{ id: number | null }>('select max(id) as id from listening_events'))[0]?.id ?? 0;
  if (db.kind !== 'postgres') return read(db); // one connection: every append that started has committed
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [APPEND_LOCK]);
    return read(tx);
  });
}

/** Applies up to `maxRows` new events; returns how many ids it moved past (0: caught up, or another worker is at it). */
export async function aggregateStep(db: Db, maxRows = STEP_ROWS): Promise<number> {
  const settled = await settledId(db);
  return db.transaction(async (tx) => {
    const [state] = await tx.query<{ position: number }>(
      'select position from listening_aggregation where name = $1 for update skip locked', [AGGREGATION],
    );
    if (!state) return 0;
    const from = Number(state.position);
    if (settled <= from) return 0;
    // ids have gaps (rolled back or deleted rows): the step ends at the maxRows-th id after `from`.
    const [end] = await tx.query<{ id: number | null }>(
      `select max(id) as id from (select id from listening_events where id > $1 and id <= $2 order by id limit $3) s`, [from, settled, maxRows],
    );
    const to = end?.id ?? settled;
    await tx.query(
      `with ev as (
         select date_trunc('hour', occurred_at, 'UTC') as hour, episode_id, program_id, platform, listener_id, kind, listened_seconds
           from listening_events where id > $1 and id <= $2),
       fresh as (
         insert into listening_hour_listeners (hour, episode_id, program_id, platform, listener_id)
         select distinct on (hour, episode_id, platform, listener_id) hour, episode_id, program_id, platform, listener_id from ev
         on conflict do nothing
         returning hour, episode_id, platform),
       fresh_counts as (select hour, episode_id, platform, count(*)::int as n from fresh group by 1, 2, 3),
       totals as (
         select hour, episode_id, (array_agg(program_id))[1] as program_id, platform,
                count(*) filter (where kind in ('play', 'download'))::int as plays,
                count(*) filter (where kind = 'download')::int as downloads,
                count(*) filter (where kind = 'complete')::int as completes,
                coalesce(sum(listened_seconds), 0)::real as seconds
           from ev group by hour, episode_id, platform)
       insert into listening_hourly (hour, episode_id, program_id, platform, plays, downloads, completes, listeners, seconds_listened)
       select t.hour, t.episode_id, t.program_id, t.platform, t.plays, t.downloads, t.completes, coalesce(f.n, 0), t.seconds
         from totals t left join fresh_counts f using (hour, episode_id, platform)
       on conflict (hour, episode_id, platform) do update set
         plays = listening_hourly.plays + excluded.plays,
         downloads = listening_hourly.downloads + excluded.downloads,
         completes = listening_hourly.completes + excluded.completes,
         listeners = listening_hourly.listeners + excluded.listeners,
         seconds_listened = listening_hourly.seconds_listened + excluded.seconds_listened`,
      [from, to],
    );
    await tx.query(
      `insert into listener_items (listener_id, episode_id, program_id, first_at, last_at, seconds_listened, completed)
       select listener_id, episode_id, (array_agg(program_id))[1], min(occurred_at), max(occurred_at),
              coalesce(sum(listened_seconds), 0), bool_or(kind = 'complete')
         from listening_events where id > $1 and id <= $2
        group by listener_id, episode_id
       on conflict (listener_id, episode_id) do update set
         first_at = least(listener_items.first_at, excluded.first_at),
         last_at = greatest(listener_items.last_at, excluded.last_at),
         seconds_listened = listener_items.seconds_listened + excluded.seconds_listened,
         completed = listener_items.completed or excluded.completed`,
      [from, to],
    );
    await tx.query('update listening_aggregation set position = $2, updated_at = now() where name = $1', [AGGREGATION, to]);
    return to - from;
  });
}

/** Applies every settled event (tests, tasks): loops until caught up. */
export async function aggregateAll(db: Db): Promise<void> {
  while ((await aggregateStep(db)) > 0);
}

/** Seconds the oldest event not yet aggregated has waited since it was received (0: caught up). */
export async function aggregationLagSeconds(db: Pick<Db, 'query'>): Promise<number> {
  // The position as a scalar subquery, so that it bounds the primary key scan (`id > position`): written
  // as a join, the plan walked the key from the first event and filtered every aggregated one, a cost
  // that grew with the table (50 ms at 100,000 events, at every scrape of /metrics).
  const [row] = await db.query<{ lag: number | null }>(
    `select extract(epoch from now() - received_at)::float8 as lag from listening_events
      where id > (select position from listening_aggregation where name = $1) order by id limit 1`, [AGGREGATION],
  );
  return Math.max(0, row?.lag ?? 0);
}

type LagSource = { current?: () => Promise<number> };
const metricsByRegistry = new WeakMap<Registry, { applied: Counter; lagSource: LagSource; streamLagSource: LagSource }>();

export function aggregationMetrics(registry: Registry) {
  let m = metricsByRegistry.get(registry);
  if (m) return m;
  const lagSource: LagSource = {};
  // With NATS, events wait in the listening stream before they reach the table (stream-drain.ts): the
  // oldest not aggregated is the older of the stream's oldest message and the table's oldest row.
  const streamLagSource: LagSource = {};
  m = {
    lagSource,
    streamLagSource,
    applied: new Counter({ name: 'thmnayah_listening_aggregated_events_total', help: 'Listening events folded into the feature tables by this process', registers: [registry] }),
  };
  new Gauge({
    name: 'thmnayah_listening_aggregation_lag_seconds',
    help: 'Age of the oldest listening event the aggregation has not applied yet (0: caught up)',
    registers: [registry],
    async collect() {
      const lags = [lagSource.current, streamLagSource.current].filter((f) => f !== undefined).map((f) => f().catch(() => Number.NaN));
      if (lags.length > 0) this.set(Math.max(...(await Promise.all(lags))));
    },
  });
  metricsByRegistry.set(registry, m);
  return m;
}

/** The worker's loop: steps while there is work, then waits `pollMs`. The result stops it. */
export function startAggregation(db: Db, options: { pollMs: number; registry: Registry }, onError: (error: unknown) => void): () => Promise<void> {
  const metrics = aggregationMetrics(options.registry);
  metrics.lagSource.current = () => aggregationLagSeconds(db);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: () => void = () => {};
  const loop = (async () => {
    while (!stopped) {
      let moved = 0;
      try {
        moved = await aggregateStep(db);
        metrics.applied.inc(moved);
      } catch (error) {
        onError(error);
      }
      if (moved >= STEP_ROWS || stopped) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, options.pollMs);
        timer.unref();
      });
    }
  })();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    wake();
    await loop;
    metrics.lagSource.current = undefined;
  };
}
