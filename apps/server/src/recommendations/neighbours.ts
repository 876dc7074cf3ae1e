// Item-item co-occurrence: two episodes are neighbours when the same listeners played both. The score
// is the cosine of their listener sets, c / sqrt(n_i * n_j), damped by c / (c + shrink) so that a pair
// seen once or twice does not outrank a pair seen by hundreds (c: listeners who played both, n: who
// played each). Only the top K per episode are kept.
import type { Queryable } from '../platform/db/db.js';

export interface NeighbourParams {
  /** Neighbours kept per episode. */
  k: number;
  /** Listeners a pair needs in common to count at all. */
  minCommon: number;
  /** Shrinkage of rare pairs. */
  shrink: number;
}

/**
 * Builds neighbours from `source` (a relation with listener_id, episode_id) into `target`. `columns`
 * and `prefix` let the same statement fill a model version (recs_neighbours, with its version) or a
 * scratch table for evaluation. Returns the number of rows written.
 */
export async function buildNeighbours(
  tx: Queryable, source: string, target: { table: string; columns: string; prefix: string }, p: NeighbourParams,
): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `with src as (select listener_id, episode_id from ${source} as source),
     pop as (select episode_id, count(*)::float8 as n from src group by episode_id),
     pairs as (
       select a.episode_id as i, b.episode_id as j, count(*)::float8 as c
         from src a join src b on a.listener_id = b.listener_id and a.episode_id <> b.episode_id
        group by a.episode_id, b.episode_id
       having count(*) >= $2
     ),
     scored as (
       select pairs.i, pairs.j, pairs.c / sqrt(pi.n * pj.n) * (pairs.c / (pairs.c + $3::float8)) as score
         from pairs join pop pi on pi.episode_id = pairs.i join pop pj on pj.episode_id = pairs.j
     ),
     ranked as (select i, j, score, row_number() over (partition by i order by score desc, j) as rank from scored),
     written as (
       insert into ${target.table} (${target.columns})
       select ${target.prefix} i, j, score, rank from ranked where rank <= $1
       returning 1
     )
     select count(*)::int as n from written`,
    [p.k, p.minCommon, p.shrink],
  );
  return rows[0]?.n ?? 0;
}
