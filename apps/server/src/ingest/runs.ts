// Import runs: one row per import (from the CLI, the CMS API, or a cron re-sync that read a document),
// with its progress while it runs and its summary or error when it ends. The row is what
// GET /api/cms/imports/:id reports, so any CMS replica can answer for an import another one runs.
import { Type, type Static } from 'typebox';
import type { Queryable } from '../platform/db/db.js';
import { Nullable, StringEnum, Timestamp, Uuid } from '../platform/http/schemas.js';
import { ImportSummarySchema, type ImportSummary } from './summary.js';

export type RunTrigger = 'cli' | 'api' | 'cron';
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A run whose process stopped reporting for this long is reported as failed (the process died). */
const STALE_AFTER_MS = 5 * 60_000;

export const ImportRunSchema = Type.Object({
  id: Uuid,
  trigger: StringEnum(['cli', 'api', 'cron']),
  source: Type.String({ description: 'The feed URL, or the name of the uploaded file' }),
  programId: Nullable(Uuid),
  options: Type.Object({ publish: Type.Boolean(), programSlug: Nullable(Type.String()), subscribe: Type.Boolean(), withMedia: Type.Optional(Type.Boolean()) }),
  status: StringEnum(['running', 'succeeded', 'failed', 'cancelled']),
  progress: Type.Object({ done: Type.Integer(), total: Type.Integer() }),
  summary: Nullable(ImportSummarySchema, { description: 'When it has ended: the program, episode counts (new, updated, unchanged, missing, failed), failures, warnings' }),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() }), { description: 'Why it failed' }),
  actor: Type.String(),
  startedAt: Timestamp,
  finishedAt: Nullable(Timestamp),
});
export type ImportRun = Static<typeof ImportRunSchema>;

interface RunRow extends Record<string, unknown> {
  id: string; trigger: RunTrigger; source: string; program_id: string | null; options: ImportRun['options']; status: RunStatus;
  done: number; total: number; summary: ImportSummary | null; error: ImportRun['error']; actor: string;
  started_at: Date; heartbeat_at: Date; finished_at: Date | null;
}

// Every column but the kept document, which can be megabytes.
const RUN_COLUMNS = 'id, trigger, source, program_id, options, status, done, total, summary, error, actor, started_at, heartbeat_at, finished_at';

function toRun(row: RunRow): ImportRun {
  // A process that died mid-import leaves its row running; after a while without a heartbeat it is
  // reported as what it is.
  const stale = row.status === 'running' && Date.now() - row.heartbeat_at.getTime() > STALE_AFTER_MS;
  return {
    id: row.id, trigger: row.trigger, source: row.source, programId: row.program_id, options: row.options,
    status: stale ? 'failed' : row.status,
    progress: { done: row.done, total: row.total },
    summary: row.summary ?? null,
    error: stale ? { code: 'interrupted', message: 'the import stopped reporting (its process ended); run it again' } : row.error ?? null,
    actor: row.actor, startedAt: row.started_at.toISOString(), finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

export interface NewRun {
  trigger: RunTrigger;
  source: string;
  options: ImportRun['options'];
  actor: string;
  programId?: string;
  /** The process running it (resumable runs: see resumableRuns). */
  runner?: string;
  /** A posted document, kept so that another process can run the import again if this one dies. */
  document?: { bytes: Uint8Array; contentType: string | undefined };
}

export async function startRun(q: Queryable, run: NewRun): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into ingest_runs (trigger, source, options, actor, program_id, runner, document, document_type)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [run.trigger, run.source, JSON.stringify(run.options), run.actor, run.programId ?? null, run.runner ?? null,
      run.document ? Buffer.from(run.document.bytes) : null, run.document?.contentType ?? null],
  );
  return row!.id;
}

/** A run another process started and can no longer finish, taken over by this one. */
export interface ResumedRun {
  id: string;
  source: string;
  options: ImportRun['options'];
  actor: string;
  document: Buffer | null;
  documentType: string | null;
  resumed: number;
}

/**
 * API runs whose process is gone — no heartbeat for STALE_AFTER_MS, or `isDead(runner)` (a process of
 * this host that no longer runs) — each claimed for `runner` by compare-and-set, so that of several
 * processes looking at once exactly one takes it.
 */
export async function claimInterruptedRuns(q: Queryable, runner: string, isDead: (runner: string | null) => boolean, staleAfterMs = STALE_AFTER_MS): Promise<ResumedRun[]> {
  const candidates = await q.query<{ id: string; runner: string | null; stale: boolean }>(
    `select id, runner, heartbeat_at < now() - $1 * interval '1 millisecond' as stale
       from ingest_runs where status = 'running' and trigger = 'api' and runner is distinct from $2 order by started_at limit 50`,
    [staleAfterMs, runner],
  );
  const claimed: ResumedRun[] = [];
  for (const candidate of candidates) {
    if (!candidate.stale && !isDead(candidate.runner)) continue;
    const [row] = await q.query<{ id: string; source: string; options: ImportRun['options']; actor: string; document: Buffer | null; document_type: string | null; resumed: number }>(
      `update ingest_runs set runner = $2, heartbeat_at = now(), resumed = resumed + 1
        where id = $1 and status = 'running' and runner is not distinct from $3
        returning id, source, options, actor, document, document_type, resumed`,
      [candidate.id, runner, candidate.runner],
    );
    if (row) claimed.push({ id: row.id, source: row.source, options: row.options, actor: row.actor, document: row.document, documentType: row.document_type, resumed: row.resumed });
  }
  return claimed;
}

export async function reportProgress(q: Queryable, id: string, done: number, total: number, programId?: string): Promise<void> {
  await q.query(
    'update ingest_runs set done = $2, total = $3, program_id = coalesce($4, program_id), heartbeat_at = now() where id = $1',
    [id, done, total, programId ?? null],
  );
}

export async function finishRun(
  q: Queryable,
  id: string,
  end: { status: Exclude<RunStatus, 'running'>; summary?: ImportSummary; error?: { code: string; message: string }; programId?: string | null },
): Promise<void> {
  await q.query(
    `update ingest_runs set status = $2, summary = $3, error = $4, program_id = coalesce($5, program_id), finished_at = now(), heartbeat_at = now(),
                            document = null
      where id = $1 and status = 'running'`,
    [id, end.status, end.summary === undefined ? null : JSON.stringify(end.summary), end.error ? JSON.stringify(end.error) : null, end.programId ?? null],
  );
}

export async function getRun(q: Queryable, id: string): Promise<ImportRun | undefined> {
  const [row] = await q.query<RunRow>(`select ${RUN_COLUMNS} from ingest_runs where id = $1`, [id]);
  return row ? toRun(row) : undefined;
}

export async function listRuns(q: Queryable, options: { programId?: string | undefined; limit: number }): Promise<ImportRun[]> {
  const rows = await q.query<RunRow>(
    `select ${RUN_COLUMNS} from ingest_runs where ($1::uuid is null or program_id = $1) order by started_at desc, id desc limit $2`,
    [options.programId ?? null, options.limit],
  );
  return rows.map(toRun);
}
