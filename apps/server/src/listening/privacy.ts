// A listener's right to be forgotten, and retention (docs/analytics.md, "Privacy").
//
// forgetListener removes every row that carries the listener id: raw events, listener_items, and the
// hour-listener marks; and takes their contribution out of listening_hourly (plays, completes, seconds,
// and one unique listener per hour they were counted in) for whatever is still within retention. What is
// kept: listening_hourly's counts from before the retention window, which name nobody.
// It holds the aggregation's position row, so no aggregation step runs halfway through it.
// With NATS (listening-stream.ts) it first purges the listener's messages still in the stream and waits for
// the batches the drain already holds to commit, so nothing drained later brings rows back.
import type { Db } from '../platform/db/db.js';
import type { ListeningStream } from './listening-stream.js';
import { AGGREGATION } from './aggregation.js';
import { startPassLoop } from '../platform/pass-loop.js';

export interface Forgotten {
  events: number;
  /** Messages purged from the listening stream before they reached listening_events (0 without NATS). */
  pending: number;
  items: number;
  hours: number;
}

export async function forgetListener(db: Db, listenerId: string, options: { stream?: ListeningStream | undefined; onSlowDrain?: () => void } = {}): Promise<Forgotten> {
  let pending = 0;
  if (options.stream) {
    pending = await options.stream.purgeListener(listenerId);
    // A batch handed to a drain before the purge may still hold this listener's events: let it commit first.
    // Bounded by the drain's ack wait (30 s); past it a stalled drain could still insert them (onSlowDrain).
    if (!(await options.stream.settleDeliveries(35_000))) options.onSlowDrain?.();
  }
  const table = await db.transaction(async (tx) => {
    const [state] = await tx.query<{ position: number }>('select position from listening_aggregation where name = $1 for update', [AGGREGATION]);
    const position = Number(state?.position ?? 0);
    // Events already aggregated: subtract what they added. (Later ones were never counted.)
    await tx.query(
      `with mine as (
         select date_trunc('hour', occurred_at, 'UTC') as hour, episode_id, platform,
                count(*) filter (where kind in ('play', 'download'))::int as plays,
                count(*) filter (where kind = 'download')::int as downloads,
                count(*) filter (where kind = 'complete')::int as completes,
                coalesce(sum(listened_seconds), 0)::real as seconds
           from listening_events where listener_id = $1 and id <= $2
          group by 1, 2, 3)
       update listening_hourly h set
         plays = greatest(0, h.plays - m.plays),
         downloads = greatest(0, h.downloads - m.downloads),
         completes = greatest(0, h.completes - m.completes),
         seconds_listened = greatest(0, h.seconds_listened - m.seconds)
        from mine m
       where h.hour = m.hour and h.episode_id = m.episode_id and h.platform = m.platform`,
      [listenerId, position],
    );
    const hours = await tx.query<{ n: number }>(
      `with gone as (delete from listening_hour_listeners where listener_id = $1 returning hour, episode_id, platform),
       fixed as (
         update listening_hourly h set listeners = greatest(0, h.listeners - 1)
           from gone g where h.hour = g.hour and h.episode_id = g.episode_id and h.platform = g.platform
         returning 1)
       select (select count(*)::int from gone) as n`,
      [listenerId],
    );
    const events = await tx.query<{ n: number }>(
      'with gone as (delete from listening_events where listener_id = $1 returning 1) select count(*)::int as n from gone', [listenerId],
    );
    const items = await tx.query<{ n: number }>(
      'with gone as (delete from listener_items where listener_id = $1 returning 1) select count(*)::int as n from gone', [listenerId],
    );
    return { events: events[0]?.n ?? 0, items: items[0]?.n ?? 0, hours: hours[0]?.n ?? 0 };
  });
  return { ...table, pending };
}

export interface Trimmed {
  events: number;
  hourListeners: number;
  items: number;
  downloads: number;
  clientKeys: number;
}

/**
 * Retention: raw events (only those already aggregated), hour-listener marks and listener_items older
 * than `retentionDays`; download dedup rows past 48 h; client-hash keys past two days. In batches.
 * listener_items rows are found through the events deleted (no index on last_at, which every aggregation
 * step would update: migration 0018): a row's last_at is the time of its newest event, so a row last
 * touched before the retention has all its events deleted in the same pass, in the same statement.
 */
export async function trimListening(db: Db, retentionDays: number, batch = 5000): Promise<Trimmed> {
  const keep = `now() - make_interval(days => ${Math.floor(retentionDays)})`;
  const loop = async (sql: string, params: unknown[] = [], also?: (row: { items?: number }) => void) => {
    let total = 0;
    for (;;) {
      const [row] = await db.query<{ n: number; items?: number }>(sql, params);
      total += row?.n ?? 0;
      if (row && also) also(row);
      if ((row?.n ?? 0) < batch) return total;
    }
  };
  let items = 0;
  const events = await loop(
    `with gone as (delete from listening_events where id in (
       select id from listening_events
        where occurred_at < ${keep} and id <= (select position from listening_aggregation where name = $1)
        limit ${batch}) returning listener_id, episode_id),
     stale as (delete from listener_items li using (select distinct listener_id, episode_id from gone) g
        where li.listener_id = g.listener_id and li.episode_id = g.episode_id and li.last_at < ${keep} returning 1)
     select (select count(*)::int from gone) as n, (select count(*)::int from stale) as items`, [AGGREGATION],
    (row) => (items += row.items ?? 0),
  );
  return {
    events,
    hourListeners: await loop(
      `with gone as (delete from listening_hour_listeners where ctid in (
         select ctid from listening_hour_listeners where hour < ${keep} limit ${batch}) returning 1)
       select count(*)::int as n from gone`,
    ),
    items,
    downloads: await loop(
      `with gone as (delete from listening_downloads where ctid in (
         select ctid from listening_downloads where counted_at < now() - interval '48 hours' limit ${batch}) returning 1)
       select count(*)::int as n from gone`,
    ),
    clientKeys: (await db.query<{ n: number }>(
      `with gone as (delete from listening_client_keys where day < (now() at time zone 'UTC')::date - 1 returning 1) select count(*)::int as n from gone`,
    ))[0]?.n ?? 0,
  };
}

/** The relay's hourly housekeeping for listening data. The result stops it. */
export function startListeningTrim(db: Db, retentionDays: number, intervalMs: number, onError: (error: unknown) => void): () => Promise<void> {
  return startPassLoop(() => trimListening(db, retentionDays), { intervalMs, firstDelayMs: 0, onError });
}
