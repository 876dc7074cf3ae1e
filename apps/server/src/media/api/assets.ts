// Media assets as records: what the CMS API shows of an asset (its status and progress, the original,
// the renditions in use with their playback links, the latest job) and of its jobs, read from
// media_assets / media_jobs / media_renditions (migration 0004).
import { Type, type Static } from 'typebox';
import type { Queryable } from '../../platform/db/db.js';
import { HttpProblem, notFound } from '../../platform/http/problem.js';
import { Nullable, NullableTimestamp, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';
import type { PlaybackLinks } from './playback.js';
import { NoticeSchema, classifyWarning } from '../steps/warnings.js';

export const OWNER_TYPES = ['episode', 'program'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];
export const ASSET_KINDS = ['audio', 'video', 'image'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
const ASSET_STATUSES = ['pending-upload', 'uploaded', 'queued', 'processing', 'ready', 'failed', 'cancelled'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];
const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
const RENDITION_ROLES = ['hls-master', 'hls-playlist', 'mp3', 'waveform', 'poster', 'artwork', 'artwork-feed'] as const;
export type RenditionRole = (typeof RENDITION_ROLES)[number];

/** Asset statuses from which nothing happens until someone acts. */
export const SETTLED: readonly AssetStatus[] = ['ready', 'failed', 'cancelled'];

const ErrorInfo = Type.Object({
  code: Type.String({ examples: ['unsupported-type'] }),
  message: Type.String({ examples: ['"episode.mp3" is not audio or video: its bytes are a PDF document'] }),
});

export const JobSchema = Type.Object({
  id: Uuid,
  assetId: Uuid,
  attempt: Type.Integer({ minimum: 1, description: 'Attempt of the processing request (retries of transient failures count up)' }),
  reason: StringEnum(['upload', 'reprocess', 'retry']),
  status: StringEnum(JOB_STATUSES),
  runner: Nullable(StringEnum(['local', 'kubernetes'])),
  worker: Nullable(Type.String({ description: 'The worker process that ran it' })),
  percent: Type.Number({ minimum: 0, maximum: 100 }),
  phase: Type.String({ examples: ['encode'] }),
  queuedAt: Timestamp,
  runAfter: Timestamp,
  startedAt: NullableTimestamp,
  finishedAt: NullableTimestamp,
  cancelRequestedAt: NullableTimestamp,
  error: Nullable(ErrorInfo),
}, { description: 'One processing attempt of an asset' });
export type Job = Static<typeof JobSchema>;

export const RenditionSchema = Type.Object({
  role: StringEnum(RENDITION_ROLES),
  name: Type.String({ description: 'Rendition name (aac-64k, 720p, 1400), empty for one-of-a-kind outputs' }),
  url: Type.String({ description: 'Playback link (stable; served with byte ranges, or redirected to a presigned URL)' }),
  mimeType: Type.String({ examples: ['audio/mpeg'] }),
  byteSize: Type.Integer({ description: 'Bytes (an HLS playlist counts its segments too)' }),
  facts: Type.Object({}, { additionalProperties: true, description: 'durationSeconds, width, height, bandwidth, codecs, segments …' }),
});
export type Rendition = Static<typeof RenditionSchema>;

export const AssetSchema = Type.Object({
  id: Uuid,
  owner: Type.Object({ type: StringEnum(OWNER_TYPES), id: Uuid }),
  kind: StringEnum(ASSET_KINDS),
  status: StringEnum(ASSET_STATUSES, { description: 'pending-upload → uploaded → queued → processing → ready | failed | cancelled' }),
  percent: Type.Number({ minimum: 0, maximum: 100, description: 'Progress of the running job (100 when ready)' }),
  phase: Type.String(),
  attempts: Type.Integer({ description: 'Jobs started for the latest processing request' }),
  error: Nullable(ErrorInfo, { description: 'Why processing failed (status failed)' }),
  original: Type.Object({
    fileName: Type.String({ description: "The uploader's file name (metadata only)" }),
    byteSize: Type.Integer(),
    contentType: Nullable(Type.String({ description: 'Detected from the bytes' })),
  }),
  durationSeconds: Nullable(Type.Number({ description: 'From the file (audio and video)' })),
  warnings: Type.Array(Type.String(), { description: 'What the processing noticed, in English (artwork not square or too small, silent audio …)' }),
  notices: Type.Array(NoticeSchema, { description: 'The same warnings with a code and their numbers, for screens that show them in another language' }),
  renditions: Type.Array(RenditionSchema, { description: 'The renditions in use' }),
  job: Nullable(JobSchema, { description: 'The latest job' }),
  createdBy: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
}, { description: 'A media asset' });
export type Asset = Static<typeof AssetSchema>;

export interface AssetRow extends Record<string, unknown> {
  id: string;
  owner_type: OwnerType;
  episode_id: string | null;
  program_id: string | null;
  kind: AssetKind;
  status: AssetStatus;
  original_key: string;
  original_name: string;
  original_bytes: string | number;
  original_type: string | null;
  /** The checked original's ETag (0008_media_original_etag.sql); processing reads only that version. */
  original_etag: string | null;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
  live_job_id: string | null;
  duration_seconds: number | null;
  warnings: string[];
  created_by: string;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  deleted_by: string | null;
  purged_at: Date | null;
}

export interface JobRow extends Record<string, unknown> {
  id: string;
  asset_id: string;
  attempt: number;
  reason: Job['reason'];
  status: JobStatus;
  runner: 'local' | 'kubernetes' | null;
  worker: string | null;
  run_after: Date;
  queued_at: Date;
  started_at: Date | null;
  heartbeat_at: Date | null;
  finished_at: Date | null;
  progress: number;
  phase: string;
  cancel_requested_at: Date | null;
  /** W3C trace context of the request that queued it (tracing on). */
  trace_context?: Record<string, string> | null;
  cancel_requested_by: string | null;
  error_code: string | null;
  error_message: string | null;
}

interface RenditionRow extends Record<string, unknown> {
  role: RenditionRole;
  name: string;
  key: string;
  mime_type: string;
  bytes: string | number;
  facts: Record<string, unknown>;
}

export const ownerIdOf = (row: Pick<AssetRow, 'episode_id' | 'program_id'>): string => (row.episode_id ?? row.program_id)!;

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    assetId: row.asset_id,
    attempt: row.attempt,
    reason: row.reason,
    status: row.status,
    runner: row.runner,
    worker: row.worker,
    percent: Math.round(Number(row.progress) * 100) / 100,
    phase: row.phase,
    queuedAt: row.queued_at.toISOString(),
    runAfter: row.run_after.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    cancelRequestedAt: row.cancel_requested_at?.toISOString() ?? null,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
  };
}

export async function listJobs(q: Queryable, assetId: string, limit = 50): Promise<Job[]> {
  const rows = await q.query<JobRow>(
    'select * from media_jobs where asset_id = $1 order by queued_at desc, attempt desc limit $2',
    [assetId, limit],
  );
  return rows.map(toJob);
}

/** The asset's row; a deleted asset is not found (the worker, finishing a job, asks for it anyway). */
export async function loadAssetRow(q: Queryable, id: string, options: { lock?: boolean; includeDeleted?: boolean } = {}): Promise<AssetRow> {
  const [row] = await q.query<AssetRow>(`select * from media_assets where id = $1${options.lock ? ' for update' : ''}`, [id]);
  if (!row || (row.deleted_at && !options.includeDeleted)) throw notFound('Asset', id);
  return row;
}

export async function loadAsset(q: Queryable, id: string, links: PlaybackLinks): Promise<Asset> {
  const row = await loadAssetRow(q, id);
  const [renditions, jobs] = await Promise.all([
    q.query<RenditionRow>('select role, name, key, mime_type, bytes, facts from media_renditions where asset_id = $1 order by role, name', [id]),
    listJobs(q, id, 1),
  ]);
  return toAsset(row, renditions, jobs[0] ?? null, links);
}

export async function listAssets(q: Queryable, owner: { type: OwnerType; id: string }, links: PlaybackLinks): Promise<Asset[]> {
  const column = owner.type === 'episode' ? 'episode_id' : 'program_id';
  const rows = await q.query<{ id: string }>(`select id from media_assets where ${column} = $1 and deleted_at is null order by created_at desc limit 100`, [owner.id]);
  const assets: Asset[] = [];
  for (const { id } of rows) assets.push(await loadAsset(q, id, links));
  return assets;
}

function toAsset(row: AssetRow, renditions: RenditionRow[], job: Job | null, links: PlaybackLinks): Asset {
  const running = job && (job.status === 'running' || job.status === 'queued') ? job : null;
  return {
    id: row.id,
    owner: { type: row.owner_type, id: ownerIdOf(row) },
    kind: row.kind,
    status: row.status,
    percent: row.status === 'ready' ? 100 : row.status === 'processing' && running ? running.percent : 0,
    phase: row.status === 'processing' && running ? running.phase : '',
    attempts: row.attempts,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    original: { fileName: row.original_name, byteSize: Number(row.original_bytes), contentType: row.original_type },
    durationSeconds: row.duration_seconds,
    warnings: row.warnings,
    notices: row.warnings.map(classifyWarning),
    renditions: renditions.map((r) => ({
      role: r.role,
      name: r.name,
      url: links.urlForKey(r.key),
      mimeType: r.mime_type,
      byteSize: Number(r.bytes),
      facts: r.facts,
    })),
    job,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The owner must exist (and be live) and take this kind of asset. */
export async function assertOwner(q: Queryable, ownerType: OwnerType, ownerId: string, kind: AssetKind): Promise<void> {
  if (ownerType === 'program' && kind !== 'image') {
    throw new HttpProblem('validation-failed', `A program takes artwork (kind image), not ${kind}; upload ${kind} for one of its episodes.`, {
      errors: [{ in: 'querystring', pointer: '/kind', message: 'programs take kind image' }],
    });
  }
  const table = ownerType === 'episode' ? 'episodes' : 'programs';
  const rows = await q.query(`select 1 from ${table} where id = $1 and deleted_at is null`, [ownerId]);
  if (rows.length === 0) throw notFound(ownerType === 'episode' ? 'Episode' : 'Program', ownerId);
}

export interface NewAsset {
  id: string;
  ownerType: OwnerType;
  ownerId: string;
  kind: AssetKind;
  status: 'pending-upload' | 'uploaded';
  originalKey: string;
  originalName: string;
  originalBytes: number;
  originalType: string | null;
  /** The stored original's ETag, when its bytes are checked already (streamed uploads). */
  originalEtag?: string | null;
  createdBy: string;
}

export async function insertAsset(tx: Queryable, asset: NewAsset): Promise<void> {
  await tx.query(
    `insert into media_assets (id, owner_type, episode_id, program_id, kind, status, original_key, original_name, original_bytes, original_type, created_by, original_etag)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      asset.id, asset.ownerType, asset.ownerType === 'episode' ? asset.ownerId : null, asset.ownerType === 'program' ? asset.ownerId : null,
      asset.kind, asset.status, asset.originalKey, asset.originalName, asset.originalBytes, asset.originalType, asset.createdBy, asset.originalEtag ?? null,
    ],
  );
}

/** The uploader's name as metadata: control characters dropped, at most 255 characters. */
export function cleanFileName(name: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  return (name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
}
