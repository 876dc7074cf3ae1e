// Model versions: every build is recorded (parameters, training window, row counts, offline metrics),
// one version is active (what the API serves), and activating another (a rollback) is one row. Switching
// bumps the read model's generation, so cached recommendations turn over with it.
import type { Db, Queryable } from '../platform/db/db.js';
import { bumpGeneration } from '../discovery/projection.js';
import { HttpProblem } from '../platform/http/problem.js';

export interface ModelVersion {
  version: number;
  builtAt: string;
  params: Record<string, unknown>;
  window: { from: string; to: string };
  counts: Record<string, number>;
  metrics: Record<string, unknown>;
  activatedAt: string | null;
  active: boolean;
}

interface Row extends Record<string, unknown> {
  version: string | number; built_at: Date | string; params: Record<string, unknown>; window_from: Date | string; window_to: Date | string;
  counts: Record<string, number>; metrics: Record<string, unknown>; activated_at: Date | string | null; active: boolean;
}

const iso = (v: Date | string) => new Date(v).toISOString();

export async function activeVersion(q: Queryable): Promise<number | null> {
  const [row] = await q.query<{ v: string | null }>(`select (value->>'version') as v from recs_state where key = 'active_model'`);
  return row?.v ? Number(row.v) : null;
}

export async function listVersions(q: Queryable): Promise<ModelVersion[]> {
  const rows = await q.query<Row>(
    `select m.*, m.version = (select (value->>'version')::bigint from recs_state where key = 'active_model') is true as active
       from recs_models m order by m.version desc`);
  return rows.map((r) => ({
    version: Number(r.version), builtAt: iso(r.built_at), params: r.params, window: { from: iso(r.window_from), to: iso(r.window_to) },
    counts: r.counts, metrics: r.metrics, activatedAt: r.activated_at ? iso(r.activated_at) : null, active: r.active === true,
  }));
}

/** Makes `version` the one the API serves. */
export async function activate(db: Db, version: number): Promise<ModelVersion> {
  await db.transaction(async (tx) => {
    const [found] = await tx.query('select version from recs_models where version = $1 for update', [version]);
    if (!found) throw new HttpProblem('not-found', `No recommendation model version ${version}.`);
    await tx.query(
      `insert into recs_state (key, value) values ('active_model', jsonb_build_object('version', $1::bigint))
       on conflict (key) do update set value = excluded.value`, [version]);
    await tx.query('update recs_models set activated_at = now() where version = $1', [version]);
    await bumpGeneration(tx);
  });
  return (await listVersions(db)).find((v) => v.version === version)!;
}

/** Activates the newest version older than the active one. */
export async function rollback(db: Db): Promise<ModelVersion> {
  const current = await activeVersion(db);
  if (current === null) throw new HttpProblem('conflict', 'No recommendation model is active, so there is nothing to roll back from.');
  const [previous] = await db.query<{ version: string }>('select version from recs_models where version < $1 order by version desc limit 1', [current]);
  if (!previous) throw new HttpProblem('conflict', `Version ${current} is the oldest kept; there is no earlier version to roll back to.`);
  return activate(db, Number(previous.version));
}

/** Deletes all but the newest `keep` versions (never the active one); their neighbours go with them. */
export async function pruneVersions(q: Queryable, keep: number): Promise<number> {
  const rows = await q.query(
    `delete from recs_models where version not in (select version from recs_models order by version desc limit $1)
        and version is distinct from (select (value->>'version')::bigint from recs_state where key = 'active_model')
     returning version`, [keep]);
  return rows.length;
}
