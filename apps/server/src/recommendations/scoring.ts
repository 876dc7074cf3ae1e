// The scoring of "for you" and "listeners also played" as SQL over relations, written once and used both
// to serve one listener (recommend.ts: the listener's current listener_items rows and the active model)
// and to evaluate a build on thousands of held-out listeners at once (build.ts), so the offline metrics
// measure exactly the code that serves.

/** History counts half as much every this many days (a listener's tastes move). */
const HISTORY_HALF_LIFE_DAYS = 30;
/** A completed episode says more about a taste than one abandoned. */
const COMPLETED_WEIGHT = 1.5;
/** The most recent items of a history that "for you" reads. */
export const MAX_HISTORY = 200;

/** Public now: in the read model and due (as every Discovery query checks). */
const PUBLIC = (alias: string) => `join discovery_episodes pub on pub.id = ${alias} and pub.publish_at <= now()`;

export interface Relations {
  /** (listener_id, episode_id, last_at, completed): the histories to recommend from. */
  history: string;
  /** (episode_id, neighbour_id, score, rank): one model's neighbours. */
  neighbours: string;
  /** (listener_id, episode_id): what each listener must not be offered again. */
  played: string;
  /** SQL for the time history weights are measured from. */
  now: string;
  /** SQL for how many to return per listener. */
  limit: string;
}

/**
 * "For you": each unplayed public episode scores the sum, over the listener's history, of the
 * neighbour similarity times the history item's weight (recency, completion). Rows: listener_id,
 * episode_id, score, rank (1 = best).
 */
export function forYouSql(r: Relations): string {
  return `with h as (
      select hx.listener_id, hx.episode_id,
             (case when hx.completed then ${COMPLETED_WEIGHT} else 1.0 end)
             * power(0.5, greatest(extract(epoch from (${r.now} - hx.last_at))::float8, 0) / 86400.0 / ${HISTORY_HALF_LIFE_DAYS}) as w
        from ${r.history} hx
    ), s as (
      select h.listener_id, n.neighbour_id as episode_id, sum(h.w * n.score)::float8 as score
        from h join ${r.neighbours} n on n.episode_id = h.episode_id
       group by h.listener_id, n.neighbour_id
    ), ranked as (
      select s.listener_id, s.episode_id, s.score, row_number() over (partition by s.listener_id order by s.score desc, s.episode_id) as rank
        from s ${PUBLIC('s.episode_id')}
       where not exists (select 1 from ${r.played} p where p.listener_id = s.listener_id and p.episode_id = s.episode_id)
    )
    select listener_id, episode_id, score, rank from ranked where rank <= ${r.limit}`;
}

/**
 * "Listeners also played": the seed episode's neighbours that are public and not played by the
 * listener. Seeds: (listener_id, episode_id); for an anonymous request the listener is a placeholder
 * that has played nothing. Rows: listener_id, episode_id, score, rank.
 */
export function alsoPlayedSql(r: Omit<Relations, 'history' | 'now'> & { seeds: string }): string {
  return `with ranked as (
      select sd.listener_id, n.neighbour_id as episode_id, n.score::float8 as score,
             row_number() over (partition by sd.listener_id order by n.rank) as rank
        from ${r.seeds} sd join ${r.neighbours} n on n.episode_id = sd.episode_id ${PUBLIC('n.neighbour_id')}
       where not exists (select 1 from ${r.played} p where p.listener_id = sd.listener_id and p.episode_id = n.neighbour_id)
    )
    select listener_id, episode_id, score, rank from ranked where rank <= ${r.limit}`;
}

/** The neighbours of one model version, as a relation for the functions above. */
export const versionNeighbours = (versionSql: string) =>
  `(select episode_id, neighbour_id, score, rank from recs_neighbours where version = ${versionSql})`;

/** The active version, as a scalar subquery (null when no model was ever activated). */
export const ACTIVE_VERSION = `(select (value->>'version')::bigint from recs_state where key = 'active_model')`;
