// Editors' listening analytics, read from the feature tables only (never the raw events):
// time series per episode or program (hour or day, UTC), totals, a breakdown by platform family, and
// the top episodes of a period.
//
// Unique listeners of a day or a whole period are exact while the hour marks are kept
// (listening_hour_listeners, LISTENING_RETENTION_DAYS): a listener who came back in three hours is one
// listener. Past that, only each hour's own unique count is left, and a longer bucket reports the sum of
// its hours' unique listeners (an upper bound). Completion rate = completions / player plays (plays
// minus counted downloads: a download never reports whether it was heard to the end).
import type { Queryable } from '../platform/db/db.js';

export type Interval = 'hour' | 'day';

export interface Figures {
  plays: number;
  downloads: number;
  listeners: number;
  completes: number;
  completionRate: number | null;
  secondsListened: number;
}

export interface Stats {
  from: string;
  to: string;
  interval: Interval;
  totals: Figures;
  series: (Figures & { at: string })[];
  platforms: (Figures & { platform: string })[];
}

type Scope = { episodeId: string } | { programId: string };

type Row = {
  key: string | Date | null;
  plays: number;
  downloads: number;
  completes: number;
  seconds: number;
  listener_hours: number;
  listeners: number | null;
};

function figures(row: Row | undefined): Figures {
  const plays = Number(row?.plays ?? 0);
  const downloads = Number(row?.downloads ?? 0);
  const completes = Number(row?.completes ?? 0);
  const playerPlays = plays - downloads;
  return {
    plays, downloads, completes,
    listeners: Number(row?.listeners ?? row?.listener_hours ?? 0),
    completionRate: playerPlays > 0 ? Math.min(1, Math.round((completes / playerPlays) * 1000) / 1000) : null,
    secondsListened: Math.round(Number(row?.seconds ?? 0)),
  };
}

/** One grouped query over the hourly counts and the hour marks; `group` is a SQL expression or null for totals. */
async function grouped(db: Queryable, scope: Scope, from: Date, to: Date, group: 'bucket' | 'platform' | null, interval: Interval): Promise<Row[]> {
  const column = 'episodeId' in scope ? 'episode_id' : 'program_id';
  const id = 'episodeId' in scope ? scope.episodeId : scope.programId;
  const key = group === 'bucket' ? `date_trunc('${interval}', hour, 'UTC')` : group === 'platform' ? 'platform' : 'null::text';
  return db.query<Row>(
    `with h as (
       select ${key} as key, sum(plays)::int as plays, sum(downloads)::int as downloads, sum(completes)::int as completes,
              sum(seconds_listened)::float8 as seconds, sum(listeners)::int as listener_hours
         from listening_hourly where ${column} = $1 and hour >= $2 and hour < $3 group by 1),
     m as (
       select ${key} as key, count(distinct listener_id)::int as listeners
         from listening_hour_listeners where ${column} = $1 and hour >= $2 and hour < $3 group by 1)
     select h.key, h.plays, h.downloads, h.completes, h.seconds, h.listener_hours, m.listeners
       from h left join m on m.key is not distinct from h.key
      order by 1`,
    [id, from.toISOString(), to.toISOString()],
  );
}

const STEP_MS: Record<Interval, number> = { hour: 3_600_000, day: 86_400_000 };

export async function listeningStats(db: Queryable, scope: Scope, from: Date, to: Date, interval: Interval): Promise<Stats> {
  const [series, platforms, totals] = await Promise.all([
    grouped(db, scope, from, to, 'bucket', interval),
    grouped(db, scope, from, to, 'platform', interval),
    grouped(db, scope, from, to, null, interval),
  ]);
  // Every bucket of the period, zeros included: a chart's x axis has no holes.
  const byTime = new Map(series.map((r) => [new Date(r.key as Date).getTime(), r]));
  const step = STEP_MS[interval];
  const filled: Stats['series'] = [];
  for (let at = Math.floor(from.getTime() / step) * step; at < to.getTime(); at += step) {
    filled.push({ at: new Date(at).toISOString(), ...figures(byTime.get(at)) });
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    interval,
    totals: figures(totals[0]),
    series: filled,
    platforms: platforms.map((r) => ({ platform: String(r.key), ...figures(r) })).sort((a, b) => b.plays - a.plays),
  };
}

export interface TopEpisode extends Figures {
  episodeId: string;
  programId: string;
  title: string;
  programTitle: string;
}

export async function topEpisodes(db: Queryable, from: Date, to: Date, limit: number, programId?: string): Promise<TopEpisode[]> {
  const rows = await db.query<Row & { episode_id: string; program_id: string; title: string; program_title: string }>(
    `with h as (
       select episode_id, sum(plays)::int as plays, sum(downloads)::int as downloads, sum(completes)::int as completes,
              sum(seconds_listened)::float8 as seconds, sum(listeners)::int as listener_hours
         from listening_hourly where hour >= $1 and hour < $2 and ($4::uuid is null or program_id = $4)
        group by episode_id order by plays desc, episode_id limit $3),
     m as (
       select episode_id, count(distinct listener_id)::int as listeners
         from listening_hour_listeners where hour >= $1 and hour < $2 and episode_id in (select episode_id from h)
        group by episode_id)
     select h.*, m.listeners, e.program_id, e.title, p.title as program_title
       from h left join m using (episode_id) join episodes e on e.id = h.episode_id join programs p on p.id = e.program_id
      order by h.plays desc, h.episode_id`,
    [from.toISOString(), to.toISOString(), limit, programId ?? null],
  );
  return rows.map((r) => ({ episodeId: r.episode_id, programId: r.program_id, title: r.title, programTitle: r.program_title, ...figures(r) }));
}
