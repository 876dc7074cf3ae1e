// Trending: a time-decayed popularity score per episode and program, from the hourly listening counts
// (listening_hourly, kept by the listening aggregation). An hour's plays, unique listeners and
// completions count in full when fresh and half as much every half-life, so a burst rises quickly and
// fades by itself. The score replaces the read model's `popularity` columns, which the featured shelf,
// the trending shelf and search's popularity boost all read.
import type { Queryable, Db } from '../platform/db/db.js';
import { bumpGeneration } from '../discovery/projection.js';
import { replacePopularity } from '../discovery/search-index/store.js';

export interface TrendingParams {
  halfLifeHours: number;
  /** Weight of one play, one unique listener (in that hour) and one completion. */
  weights?: { plays: number; listeners: number; completes: number };
  /** Scores are computed as of this time (tests and the bench pass one; now otherwise). */
  now?: Date;
}

const DEFAULT_WEIGHTS = { plays: 1, listeners: 1, completes: 0.5 };
/** Hours older than this many half-lives weigh under 0.1 % and are not read. */
const HORIZON_HALF_LIVES = 10;
/** A refresh leaves a score alone unless it moved by more than this (relative): fewer rewrites, fewer cache turnovers. */
const TOLERANCE = 0.02;

export interface TrendingScores {
  episodes: Map<string, number>;
  programs: Map<string, number>;
}

/** The scores as of `now`: episodes from their own hours, programs as the sum of their episodes. */
async function trendingScores(q: Queryable, params: TrendingParams): Promise<TrendingScores> {
  const w = params.weights ?? DEFAULT_WEIGHTS;
  const now = params.now ?? new Date();
  const rows = await q.query<{ episode_id: string; program_id: string; score: number }>(
    `select episode_id, program_id,
            sum((plays * $3::float8 + listeners * $4::float8 + completes * $5::float8)
                * power(0.5, greatest(extract(epoch from ($1::timestamptz - hour))::float8, 0) / 3600.0 / $2::float8))::float8 as score
       from listening_hourly
      where hour > $1::timestamptz - $2::float8 * ${HORIZON_HALF_LIVES} * interval '1 hour' and hour <= $1::timestamptz
      group by episode_id, program_id`,
    [now.toISOString(), params.halfLifeHours, w.plays, w.listeners, w.completes],
  );
  const episodes = new Map<string, number>();
  const programs = new Map<string, number>();
  for (const r of rows) {
    // Rounded: the columns are `real`, and tiny differences are not worth a rewrite.
    const score = Math.round(r.score * 1000) / 1000;
    episodes.set(r.episode_id, (episodes.get(r.episode_id) ?? 0) + score);
    programs.set(r.program_id, (programs.get(r.program_id) ?? 0) + score);
  }
  return { episodes, programs };
}

/**
 * Writes the scores into the read model and the search index in one transaction, and bumps the
 * generation when anything changed, so cached responses (home's featured shelf, trending, search) turn over.
 */
export async function refreshTrending(db: Db, params: TrendingParams) {
  const scores = await trendingScores(db, params);
  return db.transaction(async (tx) => {
    const episodes = await replacePopularity(tx, 'episode', scores.episodes, TOLERANCE);
    const programs = await replacePopularity(tx, 'program', scores.programs, TOLERANCE);
    if (episodes + programs > 0) await bumpGeneration(tx);
    const at = (params.now ?? new Date()).toISOString();
    await tx.query(
      `insert into recs_state (key, value) values ('trending', $1::jsonb) on conflict (key) do update set value = excluded.value`,
      [JSON.stringify({ refreshedAt: at, halfLifeHours: params.halfLifeHours, scored: { episodes: scores.episodes.size, programs: scores.programs.size } })],
    );
    return { scored: { episodes: scores.episodes.size, programs: scores.programs.size }, changed: { episodes, programs } };
  });
}
