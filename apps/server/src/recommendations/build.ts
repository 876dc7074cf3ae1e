// `recs.rebuild`: one model build. It reads listener_items in the training window (never the raw events,
// so a listener whose rows were deleted is absent from every build after), holds out each sampled
// listener's last listens, builds neighbours without them and measures "for you", "listeners also
// played" and a most-popular baseline on them (offline metrics), then builds the served neighbours from
// the whole window and records it all as a new model version.
import type { Db, Queryable } from '../platform/db/db.js';
import { bumpGeneration } from '../discovery/projection.js';
import { buildNeighbours, type NeighbourParams } from './neighbours.js';
import { MAX_HISTORY, alsoPlayedSql, forYouSql } from './scoring.js';
import { listVersions, pruneVersions, type ModelVersion } from './models.js';

export interface BuildParams extends NeighbourParams {
  trainingDays: number;
  /** Listens held out per evaluated listener (their most recent). */
  holdout: number;
  /** Listeners evaluated at most (a fixed sample by hash of the id). */
  evalListeners: number;
  /** Versions kept for rollback. */
  keepVersions: number;
  /** Make the new version the served one (default true). */
  activate: boolean;
  /** The end of the training window (tests and the bench pass one; now otherwise). */
  now?: Date | undefined;
}

export const DEFAULT_BUILD = { minCommon: 1, shrink: 2, holdout: 2, evalListeners: 5000, activate: true } as const;

export interface Metrics { listeners: number; hitRate: number; ndcg: number }

const AT_K = 10;

/** Hit rate and NDCG at 10 of `recs` (listener_id, episode_id, rank) against the held-out rows. */
async function evaluate(tx: Queryable, recs: string, params: unknown[]): Promise<Metrics> {
  const [row] = await tx.query<{ listeners: number; hit: number | null; ndcg: number | null }>(
    `with recs as (${recs}),
     held as (select listener_id, episode_id from recs_rows where held),
     per as (
       select l.listener_id,
              coalesce((select sum(1.0 / log(2, r.rank + 1)) from recs r join held h on h.listener_id = r.listener_id and h.episode_id = r.episode_id
                         where r.listener_id = l.listener_id and r.rank <= ${AT_K}), 0)::float8 as dcg,
              (select sum(1.0 / log(2, g + 1)) from generate_series(1, least(l.n, ${AT_K})) g)::float8 as idcg
         from (select listener_id, count(*)::int as n from held group by listener_id) l
     )
     select count(*)::int as listeners, avg(case when dcg > 0 then 1.0 else 0.0 end)::float8 as hit, avg(dcg / idcg)::float8 as ndcg from per`,
    params,
  );
  const round = (v: number | null) => Math.round((v ?? 0) * 10_000) / 10_000;
  return { listeners: row?.listeners ?? 0, hitRate: round(row?.hit ?? 0), ndcg: round(row?.ndcg ?? 0) };
}

export async function rebuild(db: Db, p: BuildParams, progress: (done: number, total: number, label: string) => void = () => {}): Promise<ModelVersion> {
  const to = p.now ?? new Date();
  const from = new Date(to.getTime() - p.trainingDays * 86_400_000);
  const steps = 5;
  const version = await db.transaction(async (tx) => {
    progress(0, steps, 'training rows');
    // A listener's most recent MAX_HISTORY items: what "for you" reads, and a bound on the pairs one
    // listener adds (n² / 2).
    await tx.query(
      `create temp table recs_rows on commit drop as
       select listener_id, episode_id, last_at, completed, recent, total, false as held from (
         select listener_id, episode_id, last_at, completed,
                row_number() over (partition by listener_id order by first_at desc, episode_id desc)::int as recent,
                count(*) over (partition by listener_id)::int as total
           from listener_items where last_at > $1::timestamptz and last_at <= $2::timestamptz
       ) x where recent <= ${MAX_HISTORY}`,
      [from.toISOString(), to.toISOString()]);
    await tx.query(
      `update recs_rows set held = true
        where recent <= $1 and listener_id in (
          select listener_id from (select distinct listener_id from recs_rows where total >= $1 + 2) d order by md5(listener_id), listener_id limit $2)`,
      [p.holdout, p.evalListeners]);
    const [counts] = await tx.query<{ rows: number; listeners: number; episodes: number; held: number }>(
      `select count(*)::int as rows, count(distinct listener_id)::int as listeners, count(distinct episode_id)::int as episodes,
              count(*) filter (where held)::int as held from recs_rows`);

    progress(1, steps, 'evaluation neighbours');
    await tx.query('create temp table recs_eval_nb (episode_id uuid, neighbour_id uuid, score real, rank int) on commit drop');
    await buildNeighbours(tx, '(select listener_id, episode_id from recs_rows where not held)', { table: 'recs_eval_nb', columns: 'episode_id, neighbour_id, score, rank', prefix: '' }, p);

    progress(2, steps, 'offline metrics');
    const trained = `(select listener_id, episode_id, last_at, completed from recs_rows where not held and listener_id in (select listener_id from recs_rows where held))`;
    const played = '(select listener_id, episode_id from recs_rows where not held)';
    const forYou = await evaluate(tx, forYouSql({ history: trained, neighbours: 'recs_eval_nb', played, now: '$1::timestamptz', limit: String(AT_K) }), [to.toISOString()]);
    const seeds = `(select listener_id, episode_id from recs_rows r where recent = ${p.holdout + 1} and listener_id in (select listener_id from recs_rows where held))`;
    const alsoPlayed = await evaluate(tx, alsoPlayedSql({ seeds, neighbours: 'recs_eval_nb', played, limit: String(AT_K) }), []);
    // Baseline: the most played public episodes of the training rows, less what each listener played.
    const popular = await evaluate(tx,
      `with top as (
         select r.episode_id, count(*) as n from recs_rows r join discovery_episodes e on e.id = r.episode_id and e.publish_at <= now()
          where not r.held group by r.episode_id order by n desc, r.episode_id limit ${AT_K + MAX_HISTORY}
       ), l as (select distinct listener_id from recs_rows where held),
       ranked as (
         select l.listener_id, top.episode_id, row_number() over (partition by l.listener_id order by top.n desc, top.episode_id) as rank
           from l cross join top
          where not exists (select 1 from recs_rows p where not p.held and p.listener_id = l.listener_id and p.episode_id = top.episode_id)
       ) select listener_id, episode_id, rank from ranked where rank <= ${AT_K}`, []);

    progress(3, steps, 'neighbours');
    const params = { k: p.k, minCommon: p.minCommon, shrink: p.shrink, trainingDays: p.trainingDays, holdout: p.holdout, evalListeners: p.evalListeners, maxHistory: MAX_HISTORY };
    const metrics = { atK: AT_K, forYou, alsoPlayed, mostPopular: popular };
    const [model] = await tx.query<{ version: string }>(
      `insert into recs_models (params, window_from, window_to, counts, metrics) values ($1::jsonb, $2, $3, '{}'::jsonb, $4::jsonb) returning version`,
      [JSON.stringify(params), from.toISOString(), to.toISOString(), JSON.stringify(metrics)]);
    const v = Number(model!.version);
    const neighbours = await buildNeighbours(tx, '(select listener_id, episode_id from recs_rows)', { table: 'recs_neighbours', columns: 'version, episode_id, neighbour_id, score, rank', prefix: `${v}::bigint,` }, p);
    await tx.query('update recs_models set counts = $2::jsonb where version = $1', [v,
      JSON.stringify({ rows: counts!.rows, listeners: counts!.listeners, episodes: counts!.episodes, heldOut: counts!.held, neighbours })]);

    progress(4, steps, 'activation');
    if (p.activate) {
      await tx.query(
        `insert into recs_state (key, value) values ('active_model', jsonb_build_object('version', $1::bigint))
         on conflict (key) do update set value = excluded.value`, [v]);
      await tx.query('update recs_models set activated_at = now() where version = $1', [v]);
      await bumpGeneration(tx);
    }
    await pruneVersions(tx, p.keepVersions);
    return v;
  });
  progress(steps, steps, 'done');
  return (await listVersions(db)).find((m) => m.version === version)!;
}
