// The media job queue, in the database: a processing request becomes a job row; workers claim jobs
// with `for update skip locked` (a work queue, unlike the ordered event log: jobs of different assets
// run in parallel on as many workers as there are, and a slow or failing job holds up no other);
// a running job proves it is alive with a heartbeat that also carries its progress and reads
// cancellation; it ends by switching the asset to its renditions (one transaction), by failing (a
// retry with backoff for transient failures, or the asset fails with a readable reason), or by being
// cancelled. Lock order everywhere: the asset row, then the job row.
import { EventEmitter } from 'node:events';
import { heldByDeadLocalProcess } from '../../platform/process-id.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { appendEvent } from '../../events/outbox.js';
import type { ChangeContext } from '../../platform/http/change-context.js';
import { applyProcessedMedia, type MediaRefIn } from '../../content/episodes.js';
import { applyProcessedArtwork } from '../../content/programs.js';
import { ownerIdOf, loadAssetRow, type AssetRow, type JobRow } from '../api/assets.js';
import { outputKey } from '../api/asset-keys.js';
import type { MediaManifest, OutputFile } from '../steps/manifest.js';
import type { PlaybackLinks } from '../api/playback.js';
import type { MediaTaskKind } from './media-task.js';
import { currentCarrier } from '../../platform/telemetry/tracing.js';

/** Raised in this process when a job is queued, so an idle local worker claims it without waiting a poll. */
export const mediaJobsQueued = new EventEmitter();
mediaJobsQueued.setMaxListeners(0);

export const MEDIA_ACTOR = 'system:media';

export const ownerEvent = (asset: AssetRow) => ({ id: asset.id, ownerType: asset.owner_type, ownerId: ownerIdOf(asset), kind: asset.kind });

export const stepKind = (kind: AssetRow['kind']): Exclude<MediaTaskKind, 'auto'> => (kind === 'image' ? 'artwork' : kind);

// ---- Requests (API and consumer) ----

/**
 * The media consumer's handler for media.uploaded: queues the first attempt if the asset still waits
 * for it. Anything else (a redelivered event, an asset already queued, ready or cancelled) does nothing.
 */
export async function queueProcessing(tx: Queryable, assetId: string, reason: 'upload' | 'reprocess'): Promise<boolean> {
  const [asset] = await tx.query<AssetRow>('select * from media_assets where id = $1 for update', [assetId]);
  if (!asset || asset.status !== 'uploaded' || asset.deleted_at) return false;
  // The job continues the trace that asked for it (the upload's, through the media consumer).
  const traceContext = currentCarrier();
  await tx.query(`insert into media_jobs (asset_id, attempt, reason, trace_context) values ($1, 1, $2, $3)`, [assetId, reason, traceContext ? JSON.stringify(traceContext) : null]);
  await tx.query(`update media_assets set status = 'queued', attempts = 1, updated_at = now() where id = $1`, [assetId]);
  return true;
}

/** An editor asks for the same original to be processed again: a new request, through the same event. */
/** The type `complete` gives a presigned upload whose bytes it refused (and deleted). */
export const REFUSED_UPLOAD_TYPE = 'application/octet-stream';

export async function requestReprocess(db: Db, assetId: string, context: ChangeContext): Promise<void> {
  await db.transaction(async (tx) => {
    const asset = await loadAssetRow(tx, assetId, { lock: true });
    if (!['ready', 'failed', 'cancelled'].includes(asset.status) || asset.original_type === null) {
      throw new HttpProblem('conflict', `Asset ${assetId} is ${asset.status}: only a ready, failed or cancelled asset can be processed again.`);
    }
    // `complete` marks a refused presigned upload with this type and deletes its bytes: nothing to process.
    if (asset.original_type === REFUSED_UPLOAD_TYPE) {
      throw new HttpProblem('conflict', `Asset ${assetId}'s file was refused when its upload was completed and has been deleted: upload the file again.`);
    }
    await tx.query(
      `update media_assets set status = 'uploaded', attempts = 0, error_code = null, error_message = null, updated_at = now() where id = $1`,
      [assetId],
    );
    await appendEvent(tx, { type: 'media.uploaded', actor: context.actor, entityType: 'asset', entityId: assetId, data: { ...ownerEvent(asset), reason: 'reprocess' } });
  });
}

/**
 * Cancels what the asset is doing: a queued job at once, a running job by asking its worker (it stops
 * FFmpeg at its next heartbeat and marks the job cancelled). Returns what happened.
 */
export async function requestCancel(db: Db, assetId: string, context: ChangeContext): Promise<'cancelled' | 'requested'> {
  const outcome = await db.transaction(async (tx) => {
    const asset = await loadAssetRow(tx, assetId, { lock: true });
    const [job] = await tx.query<JobRow>(`select * from media_jobs where asset_id = $1 and status in ('queued', 'running') for update`, [assetId]);
    if (job?.status === 'running') {
      await tx.query('update media_jobs set cancel_requested_at = coalesce(cancel_requested_at, now()), cancel_requested_by = coalesce(cancel_requested_by, $2) where id = $1', [job.id, context.actor]);
      return 'requested' as const;
    }
    if (job?.status === 'queued' || asset.status === 'uploaded' || asset.status === 'pending-upload') {
      if (job) await markCancelled(tx, job.id, context.actor);
      await tx.query(`update media_assets set status = 'cancelled', updated_at = now() where id = $1`, [assetId]);
      if (asset.status !== 'pending-upload') {
        await appendEvent(tx, { type: 'media.cancelled', actor: context.actor, entityType: 'asset', entityId: assetId, data: { ...ownerEvent(asset), jobId: job?.id ?? null } });
      }
      return 'cancelled' as const;
    }
    throw new HttpProblem('conflict', `Asset ${assetId} is ${asset.status}: there is no processing to cancel.`);
  });
  if (outcome === 'requested') mediaJobsQueued.emit('cancel', assetId);
  return outcome;
}

export async function markCancelled(tx: Queryable, jobId: string, by: string) {
  await tx.query(
    `update media_jobs set status = 'cancelled', finished_at = now(), error_code = 'cancelled', error_message = $2 where id = $1`,
    [jobId, `cancelled by ${by}`],
  );
}

// ---- Worker side ----

export interface ClaimedJob {
  job: JobRow;
  asset: AssetRow;
}

/** Takes the next due job, if any: it becomes running on this worker, its asset processing. */
export async function claimJob(db: Db, worker: string, runner: 'local' | 'kubernetes'): Promise<ClaimedJob | undefined> {
  return db.transaction(async (tx) => {
    const [job] = await tx.query<JobRow>(
      `with next as (
         select id from media_jobs where status = 'queued' and run_after <= now()
          order by run_after, queued_at limit 1 for update skip locked)
       update media_jobs j set status = 'running', worker = $1, runner = $2, started_at = now(), heartbeat_at = now(),
                               progress = 0, phase = 'starting'
         from next where j.id = next.id
       returning j.*`,
      [worker, runner],
    );
    if (!job) return undefined;
    const [asset] = await tx.query<AssetRow>(
      `update media_assets set status = 'processing', updated_at = now() where id = $1 returning *`,
      [job.asset_id],
    );
    return { job, asset: asset! };
  });
}

export type Heartbeat = 'ok' | 'cancel' | 'lost';

/** Records liveness and progress; tells the worker to stop when cancellation was asked or the job is no longer its own. */
export async function heartbeat(q: Queryable, jobId: string, worker: string, progress: { percent: number; phase: string }): Promise<Heartbeat> {
  const [row] = await q.query<{ cancel: boolean }>(
    `update media_jobs set heartbeat_at = now(), progress = greatest(progress, $3), phase = $4
      where id = $1 and status = 'running' and worker = $2
      returning cancel_requested_at is not null as cancel`,
    [jobId, worker, Math.min(100, Math.max(0, progress.percent)), progress.phase.slice(0, 60)],
  );
  if (!row) return 'lost';
  return row.cancel ? 'cancel' : 'ok';
}

export interface SwitchContext {
  db: Db;
  links: PlaybackLinks;
  /** Called inside the transaction, after the checks and before any write (tests simulate a crash here). */
  beforeSwitch?: ((job: JobRow, tx: Queryable) => Promise<void>) | undefined;
}

/**
 * The job's renditions are all in storage: reference them, in one transaction — the asset's rendition
 * set, its status, the owning episode or program (a versioned change with its own event), media.ready.
 * Until this commits nothing points at the new files; after it nothing points at the old ones (which
 * are retired, and deleted after a grace period). Answers 'cancelled' (and switches nothing) when an
 * editor cancelled meanwhile, 'lost' when the job is no longer this worker's.
 */
export async function switchRenditions(ctx: SwitchContext, claimed: ClaimedJob, manifest: MediaManifest): Promise<'switched' | 'cancelled' | 'lost'> {
  const { job } = claimed;
  return ctx.db.transaction(async (tx) => {
    const asset = await loadAssetRow(tx, job.asset_id, { lock: true, includeDeleted: true });
    const [current] = await tx.query<JobRow>('select * from media_jobs where id = $1 for update', [job.id]);
    if (!current || current.status !== 'running' || current.worker !== job.worker) return 'lost' as const;
    if (current.cancel_requested_at) return 'cancelled' as const;
    await ctx.beforeSwitch?.(current, tx);

    const renditions = describeRenditions(asset.id, job.id, manifest);
    await tx.query('delete from media_renditions where asset_id = $1', [asset.id]);
    await tx.query(
      `insert into media_renditions (asset_id, job_id, role, name, key, mime_type, bytes, sha256, facts)
       select $1, $2, r->>'role', r->>'name', r->>'key', r->>'mimeType', (r->>'bytes')::bigint, r->>'sha256', r->'facts'
         from jsonb_array_elements($3::jsonb) as x(r)`,
      [asset.id, job.id, JSON.stringify(renditions)],
    );
    if (asset.live_job_id && asset.live_job_id !== job.id) {
      await tx.query('update media_jobs set retired_at = now() where id = $1', [asset.live_job_id]);
    }
    await tx.query(
      `update media_jobs set status = 'succeeded', finished_at = now(), progress = 100, phase = 'done', manifest = $2 where id = $1`,
      [job.id, JSON.stringify(manifest)],
    );
    await tx.query(
      `update media_assets set status = 'ready', live_job_id = $2, duration_seconds = $3, warnings = $4, error_code = null, error_message = null, updated_at = now()
        where id = $1`,
      [asset.id, job.id, manifest.durationSeconds ?? null, manifest.warnings],
    );
    await updateOwner(tx, asset, manifest, renditions, ctx.links);
    await appendEvent(tx, { type: 'media.ready', actor: MEDIA_ACTOR, entityType: 'asset', entityId: asset.id, data: { ...ownerEvent(asset), jobId: job.id } });
    return 'switched' as const;
  });
}

interface RenditionRecord {
  role: OutputFile['role'];
  name: string;
  key: string;
  mimeType: string;
  bytes: number;
  sha256: string;
  facts: Record<string, unknown>;
}

/** The addressable renditions of a manifest; HLS segments are summed into their playlist's row. */
function describeRenditions(assetId: string, jobId: string, manifest: MediaManifest): RenditionRecord[] {
  const records: RenditionRecord[] = [];
  const segments = new Map<string, { count: number; bytes: number }>();
  for (const output of manifest.outputs) {
    if (output.role !== 'hls-segment') continue;
    const entry = segments.get(output.rendition ?? '') ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += output.bytes;
    segments.set(output.rendition ?? '', entry);
  }
  for (const output of manifest.outputs) {
    if (output.role === 'hls-segment') continue;
    const facts: Record<string, unknown> = {};
    if (output.durationSeconds !== undefined) facts.durationSeconds = output.durationSeconds;
    if (output.width !== undefined) facts.width = output.width;
    if (output.height !== undefined) facts.height = output.height;
    let bytes = output.bytes;
    if (output.role === 'hls-playlist') {
      const rendition = manifest.renditions?.find((r) => r.name === output.rendition);
      const segs = segments.get(output.rendition ?? '') ?? { count: 0, bytes: 0 };
      Object.assign(facts, rendition ? { ...rendition } : {}, { segments: segs.count });
      delete facts.type;
      delete facts.name;
      delete facts.playlist;
      bytes += segs.bytes;
    }
    if (output.role === 'hls-master') facts.variants = manifest.renditions?.length ?? 0;
    records.push({
      role: output.role,
      name: output.role === 'hls-playlist' || output.role === 'artwork' ? (output.rendition ?? '') : '',
      key: outputKey(assetId, jobId, manifest.step, output),
      mimeType: output.mimeType,
      bytes,
      sha256: output.sha256,
      facts,
    });
  }
  return records;
}

async function updateOwner(tx: Queryable, asset: AssetRow, manifest: MediaManifest, renditions: RenditionRecord[], links: PlaybackLinks) {
  const context = { actor: MEDIA_ACTOR };
  const find = (role: OutputFile['role']) => renditions.find((r) => r.role === role);
  const ref = (kind: MediaRefIn['kind'], record: RenditionRecord | undefined): MediaRefIn[] =>
    record ? [{ kind, url: links.urlForKey(record.key), mimeType: record.mimeType, byteSize: record.role === 'hls-master' ? null : record.bytes }] : [];
  const duration = manifest.durationSeconds === undefined ? undefined : Math.round(manifest.durationSeconds);
  if (asset.owner_type === 'program') {
    const feed = find('artwork-feed');
    if (feed) await applyProcessedArtwork(tx, asset.program_id!, links.urlForKey(feed.key), context);
    return;
  }
  const episodeId = asset.episode_id!;
  switch (asset.kind) {
    case 'audio':
      // HLS for web players, the MP3 for podcast apps (the feed's enclosure).
      await applyProcessedMedia(tx, episodeId, { kinds: ['audio'], refs: [...ref('audio', find('hls-master')), ...ref('audio', find('mp3'))], durationSeconds: duration }, context);
      return;
    case 'video':
      await applyProcessedMedia(tx, episodeId, { kinds: ['video'], refs: ref('video', find('hls-master')), durationSeconds: duration }, context);
      return;
    case 'image':
      await applyProcessedMedia(tx, episodeId, { kinds: ['image'], refs: ref('image', find('artwork-feed')) }, context);
      return;
  }
}

export interface Failure {
  code: string;
  message: string;
  /** Worth another attempt (timeout, a crashed FFmpeg, storage or database trouble). */
  retryable: boolean;
  /** false: the attempt did not really happen (the worker shut down), so it is not counted. */
  countsAsAttempt?: boolean;
}

export interface RetryPolicy {
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs?: number;
}

/**
 * Ends a running job as failed. A transient failure with attempts left queues the next attempt after
 * a backoff; otherwise the asset fails with the reason, and media.failed is written. Nothing the
 * asset references changes either way. Returns the outcome, or 'gone' when the job was not running.
 */
export async function failJob(db: Db, jobId: string, failure: Failure, policy: RetryPolicy): Promise<'retry' | 'failed' | 'gone'> {
  return db.transaction(async (tx) => {
    const [{ asset_id: assetId } = { asset_id: undefined }] = await tx.query<{ asset_id: string }>('select asset_id from media_jobs where id = $1', [jobId]);
    if (!assetId) return 'gone' as const;
    const asset = await loadAssetRow(tx, assetId, { lock: true, includeDeleted: true });
    const [job] = await tx.query<JobRow>('select * from media_jobs where id = $1 for update', [jobId]);
    if (!job || job.status !== 'running') return 'gone' as const;
    const message = failure.message.slice(0, 2000);
    await tx.query(`update media_jobs set status = 'failed', finished_at = now(), error_code = $2, error_message = $3 where id = $1`, [jobId, failure.code, message]);
    const counts = failure.countsAsAttempt ?? true;
    if (failure.retryable && (!counts || asset.attempts < policy.maxAttempts)) {
      const attempt = counts ? asset.attempts + 1 : job.attempt;
      const delay = counts ? Math.min(policy.retryMaxMs ?? 3_600_000, policy.retryBaseMs * 2 ** (asset.attempts - 1)) : 0;
      await tx.query(
        `insert into media_jobs (asset_id, attempt, reason, run_after, trace_context) values ($1, $2, 'retry', now() + $3 * interval '1 millisecond', $4)`,
        [assetId, attempt, delay, job.trace_context ? JSON.stringify(job.trace_context) : null],
      );
      await tx.query(`update media_assets set status = 'queued', attempts = $2, updated_at = now() where id = $1`, [assetId, attempt]);
      return 'retry' as const;
    }
    await tx.query(
      `update media_assets set status = 'failed', error_code = $2, error_message = $3, updated_at = now() where id = $1`,
      [assetId, failure.code, message],
    );
    await appendEvent(tx, {
      type: 'media.failed', actor: MEDIA_ACTOR, entityType: 'asset', entityId: assetId,
      data: { ...ownerEvent(asset), jobId, code: failure.code, message },
    });
    return 'failed' as const;
  });
}

/** Ends a running job as cancelled (its worker stopped FFmpeg after an editor asked). */
export async function finishCancelled(db: Db, jobId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [{ asset_id: assetId } = { asset_id: undefined }] = await tx.query<{ asset_id: string }>('select asset_id from media_jobs where id = $1', [jobId]);
    if (!assetId) return;
    const asset = await loadAssetRow(tx, assetId, { lock: true, includeDeleted: true });
    const [job] = await tx.query<JobRow>('select * from media_jobs where id = $1 for update', [jobId]);
    if (!job || job.status !== 'running') return;
    await markCancelled(tx, jobId, job.cancel_requested_by ?? MEDIA_ACTOR);
    await tx.query(`update media_assets set status = 'cancelled', updated_at = now() where id = $1`, [assetId]);
    await appendEvent(tx, {
      type: 'media.cancelled', actor: job.cancel_requested_by ?? MEDIA_ACTOR, entityType: 'asset', entityId: assetId,
      data: { ...ownerEvent(asset), jobId },
    });
  });
}

/**
 * Running jobs whose worker is gone: it stopped sending heartbeats (it died, or lost the database), or it
 * was a process of this host that no longer runs (a worker restarted after kill -9 takes its jobs back at
 * once instead of after the stale time).
 */
export async function staleJobs(q: Queryable, staleAfterMs: number): Promise<JobRow[]> {
  const rows = await q.query<JobRow & { stale: boolean }>(
    `select *, heartbeat_at < now() - $1 * interval '1 millisecond' as stale from media_jobs where status = 'running' order by heartbeat_at limit 200`,
    [staleAfterMs],
  );
  return rows.filter((row) => row.stale || heldByDeadLocalProcess(row.worker)).slice(0, 20).map(({ stale: _stale, ...job }) => job as JobRow);
}

/** Jobs whose files should go: failed or cancelled ones, and replaced ones past the grace period. */
export async function jobsToPurge(q: Queryable, retiredGraceMs: number): Promise<{ id: string; asset_id: string }[]> {
  return q.query(
    `select id, asset_id from media_jobs
      where purged_at is null
        and (status in ('failed', 'cancelled') or retired_at < now() - $1 * interval '1 millisecond')
      order by finished_at limit 50`,
    [retiredGraceMs],
  );
}

export async function markPurged(q: Queryable, jobId: string): Promise<void> {
  await q.query('update media_jobs set purged_at = now() where id = $1', [jobId]);
}
