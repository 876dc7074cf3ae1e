// Imports that bring their media along (`--with-media`, the API's `withMedia`, a subscription's setting):
// how a media house moves its back catalogue off its old host. The import queues one fetch per file in
// the transaction that writes the reference (the media hook), or for items imported earlier (a backfill);
// the worker fetches each file through the SSRF-safe fetcher straight into storage (streamed, cut off at
// MEDIA_MAX_BYTES), judges its type from its bytes as an upload is judged, and records it as a media asset
// with `media.uploaded`, so the media pipeline processes it exactly like an editor's upload. When the
// renditions are ready the episode's imported enclosure is replaced by them (media/jobs.ts).
//
// Which files: an episode's first audio or video reference (its enclosure, not the alternates) and a
// program's artwork. Resumable per file (migration 0016): a row is queued, fetching (under a lease), done,
// failed after MAX_ATTEMPTS, or skipped (its owner was deleted meanwhile).
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../platform/db/db.js';
import type { Storage } from '../platform/storage/storage.js';
import { appendEvent } from '../events/outbox.js';
import { originalKey } from '../media/api/asset-keys.js';
import { insertAsset, type AssetKind } from '../media/api/assets.js';
import { SAMPLE_BYTES, checkUpload, peek } from '../media/api/uploads.js';
import { heldByDeadLocalProcess } from '../platform/process-id.js';
import { inSpan } from '../platform/telemetry/tracing.js';
import { redactUrl } from '../platform/http/redact.js';
import { errorRecord } from './import-service.js';
import type { Fetcher } from './fetch/safe-fetch.js';
import type { MediaHook, MediaReference } from './media-hook.js';
import { startPassLoop } from '../platform/pass-loop.js';

export const IMPORT_ACTOR = 'system:media-import';
const MAX_ATTEMPTS = 5;
const LEASE_SECONDS = 120;
const RETRY_BASE_SECONDS = 60;

interface Wanted {
  ownerType: 'episode' | 'program';
  ownerId: string;
  kind: AssetKind;
  url: string;
}

/** The files worth fetching among an item's references: the enclosure of an episode, a program's artwork. */
function wanted(references: MediaReference[]): Wanted[] {
  const out: Wanted[] = [];
  const seen = new Set<string>();
  for (const ref of references) {
    const take = ref.owner.type === 'episode' ? ref.kind === 'audio' || ref.kind === 'video' : ref.kind === 'image';
    if (!take || seen.has(ref.owner.id)) continue;
    seen.add(ref.owner.id);
    out.push({ ownerType: ref.owner.type, ownerId: ref.owner.id, kind: ref.kind as AssetKind, url: ref.url });
  }
  return out;
}

async function queue(tx: Queryable, files: Wanted[]): Promise<number> {
  let queued = 0;
  for (const file of files) {
    // A file asked for again after it failed gets a fresh start; one done or in hand is left alone.
    const rows = await tx.query(
      `insert into ingest_media_fetches (owner_type, owner_id, kind, url) values ($1, $2, $3, $4)
       on conflict (owner_type, owner_id, url) do update set status = 'queued', attempts = 0, next_attempt_at = now(), error = null, updated_at = now()
         where ingest_media_fetches.status = 'failed'
       returning 1`,
      [file.ownerType, file.ownerId, file.kind, file.url],
    );
    queued += rows.length;
  }
  return queued;
}

/** The media hook of an import with media: queues the new or changed files in the import's own transaction. */
export const mediaImportHook: MediaHook = {
  async referencesImported(tx, references) {
    await queue(tx, wanted(references));
  },
};

/**
 * Queues the files of a program's items imported before (an import without media, or items the hook did
 * not see because they had not changed): every live episode with an external enclosure and no asset of
 * its own, and the program's artwork when it has none. Returns how many files were queued.
 */
export async function queueProgramMedia(db: Db, programId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const episodes = await tx.query<{ id: string; kind: 'audio' | 'video'; url: string }>(
      `select distinct on (e.id) e.id, m.kind, m.url
         from episodes e join episode_media m on m.episode_id = e.id and m.kind in ('audio', 'video')
        where e.program_id = $1 and e.deleted_at is null
          and not exists (select 1 from media_assets a where a.episode_id = e.id and a.kind in ('audio', 'video') and a.deleted_at is null)
        order by e.id, m.position`,
      [programId],
    );
    const [program] = await tx.query<{ artwork_url: string | null; has_asset: boolean }>(
      `select artwork_url, exists (select 1 from media_assets a where a.program_id = p.id and a.deleted_at is null) as has_asset
         from programs p where id = $1 and deleted_at is null`,
      [programId],
    );
    const files: Wanted[] = episodes.map((e) => ({ ownerType: 'episode', ownerId: e.id, kind: e.kind, url: e.url }));
    if (program?.artwork_url && !program.has_asset && /^https?:\/\//.test(program.artwork_url)) {
      files.push({ ownerType: 'program', ownerId: programId, kind: 'image', url: program.artwork_url });
    }
    return queue(tx, files);
  });
}

export interface MediaImportDeps {
  db: Db;
  storage: Storage;
  fetcher: Fetcher;
  maxBytes: number;
  timeoutMs: number;
  runner: string;
}

interface FetchRow extends Record<string, unknown> {
  id: string;
  owner_type: 'episode' | 'program';
  owner_id: string;
  kind: AssetKind;
  url: string;
  attempts: number;
}

/** Claims the next due file: queued and due, or held by a process whose lease ran out or which died. */
async function claim(deps: MediaImportDeps): Promise<FetchRow | undefined> {
  const stale = await deps.db.query<{ id: string; runner: string | null }>(
    "select id, runner from ingest_media_fetches where status = 'fetching' and lease_until > now()",
  );
  const dead = stale.filter((r) => heldByDeadLocalProcess(r.runner)).map((r) => r.id);
  const [row] = await deps.db.query<FetchRow>(
    `update ingest_media_fetches set status = 'fetching', runner = $1, lease_until = now() + make_interval(secs => $2),
            attempts = attempts + 1, updated_at = now()
      where id = (select id from ingest_media_fetches
                   where (status = 'queued' and next_attempt_at <= now())
                      or (status = 'fetching' and (lease_until <= now() or id = any($3::uuid[])))
                   order by next_attempt_at, created_at limit 1 for update skip locked)
      returning id, owner_type, owner_id, kind, url, attempts`,
    [deps.runner, LEASE_SECONDS, dead],
  );
  return row;
}

async function ownerLive(q: Queryable, row: Pick<FetchRow, 'owner_type' | 'owner_id'>): Promise<boolean> {
  const table = row.owner_type === 'episode' ? 'episodes' : 'programs';
  return (await q.query(`select 1 from ${table} where id = $1 and deleted_at is null`, [row.owner_id])).length > 0;
}

export type FetchOutcome = { id: string; outcome: 'done'; assetId: string; bytes: number } | { id: string; outcome: 'skipped' | 'retry' | 'failed'; error: string };

/** Fetches one claimed file into storage and makes it an asset; never throws for the file's own failures. */
async function fetchOne(deps: MediaImportDeps, row: FetchRow, signal?: AbortSignal): Promise<FetchOutcome> {
  const { db } = deps;
  if (!(await ownerLive(db, row))) {
    await db.query("update ingest_media_fetches set status = 'skipped', lease_until = null, updated_at = now() where id = $1", [row.id]);
    return { id: row.id, outcome: 'skipped', error: 'its owner was deleted' };
  }
  const assetId = randomUUID();
  const key = originalKey(assetId);
  // Keeps the lease while a long file streams in: another worker takes the file over only if this one stops.
  const heartbeat = setInterval(() => {
    void db.query('update ingest_media_fetches set lease_until = now() + make_interval(secs => $2) where id = $1 and runner = $3', [row.id, LEASE_SECONDS, deps.runner]).catch(() => {});
  }, (LEASE_SECONDS * 1000) / 4).unref();
  try {
    const opened = await deps.fetcher.open(row.url, { maxBytes: deps.maxBytes, totalTimeoutMs: deps.timeoutMs, ...(signal ? { signal } : {}) });
    const fileName = decodeURIComponent(new URL(opened.finalUrl).pathname.split('/').pop() ?? '').slice(0, 255);
    const { head, whole } = await peek(opened.body, SAMPLE_BYTES);
    let type;
    try {
      type = await checkUpload(head, row.kind, fileName, head.length < SAMPLE_BYTES ? head.length : undefined);
    } catch (error) {
      whole.destroy();
      opened.body.destroy();
      throw error;
    }
    const stored = await deps.storage.put(key, whole, { contentType: type.mime });
    const done = await db.transaction(async (tx) => {
      // Claimed by compare-and-set: a worker that lost its lease to another must not add a second asset.
      const [mine] = await tx.query("select 1 from ingest_media_fetches where id = $1 and runner = $2 and status = 'fetching' for update", [row.id, deps.runner]);
      if (!mine || !(await ownerLive(tx, row))) return false;
      await insertAsset(tx, {
        id: assetId, ownerType: row.owner_type, ownerId: row.owner_id, kind: row.kind, status: 'uploaded', originalKey: key,
        originalName: fileName || 'imported', originalBytes: stored.size, originalType: type.mime, originalEtag: stored.etag, createdBy: IMPORT_ACTOR,
      });
      await appendEvent(tx, {
        type: 'media.uploaded', actor: IMPORT_ACTOR, entityType: 'asset', entityId: assetId,
        data: { id: assetId, ownerType: row.owner_type, ownerId: row.owner_id, kind: row.kind, reason: 'upload' },
      });
      await tx.query(
        "update ingest_media_fetches set status = 'done', asset_id = $2, bytes = $3, error = null, lease_until = null, updated_at = now() where id = $1",
        [row.id, assetId, stored.size],
      );
      return true;
    });
    if (!done) {
      await deps.storage.delete(key).catch(() => {});
      if (!(await ownerLive(db, row))) {
        await db.query("update ingest_media_fetches set status = 'skipped', lease_until = null, updated_at = now() where id = $1 and runner = $2", [row.id, deps.runner]);
        return { id: row.id, outcome: 'skipped', error: 'its owner was deleted' };
      }
      return { id: row.id, outcome: 'retry', error: 'another worker took the file over' };
    }
    return { id: row.id, outcome: 'done', assetId, bytes: stored.size };
  } catch (error) {
    await deps.storage.delete(key).catch(() => {});
    const record = errorRecord(error);
    const message = `${record.code}: ${record.message}`.slice(0, 2000);
    if (signal?.aborted) {
      // Stopped by a shutdown, not by the file: the attempt does not count, and the next worker may take it.
      await db.query("update ingest_media_fetches set status = 'queued', attempts = greatest(attempts - 1, 0), lease_until = null, runner = null where id = $1", [row.id]);
      return { id: row.id, outcome: 'retry', error: message };
    }
    // A file that is not media, or too large, will not change by asking again.
    const final = row.attempts >= MAX_ATTEMPTS || ['unsupported-file', 'response-too-large', 'invalid-url', 'address-refused'].includes(record.code);
    await db.query(
      `update ingest_media_fetches set status = $2, error = $3, lease_until = null,
              next_attempt_at = now() + make_interval(secs => $4), updated_at = now() where id = $1`,
      [row.id, final ? 'failed' : 'queued', message, RETRY_BASE_SECONDS * 2 ** (row.attempts - 1)],
    );
    return { id: row.id, outcome: final ? 'failed' : 'retry', error: message };
  } finally {
    clearInterval(heartbeat);
  }
}

/** Fetches due files one after another until none is due (or the signal stops it). */
export async function fetchDueMedia(deps: MediaImportDeps, signal?: AbortSignal): Promise<FetchOutcome[]> {
  const outcomes: FetchOutcome[] = [];
  while (!signal?.aborted) {
    const row = await claim(deps);
    if (!row) break;
    outcomes.push(await inSpan('media import fetch', { attributes: { 'thmnayah.media.url': redactUrl(row.url), 'thmnayah.media.kind': row.kind } },
      () => fetchOne(deps, row, signal)));
  }
  return outcomes;
}

/** The worker's loop: a pass every intervalMs; the result stops it (the file in hand is given back). */
export function startMediaImport(deps: MediaImportDeps, intervalMs: number, onError: (error: unknown) => void): () => Promise<void> {
  return startPassLoop((signal) => fetchDueMedia(deps, signal), { intervalMs, firstDelayMs: 0, onError });
}

export interface MediaImportStatus {
  queued: number;
  fetching: number;
  done: number;
  failed: number;
  skipped: number;
  bytes: number;
  errors: { url: string; error: string }[];
}

/** Where a program's media import stands: counts by status, bytes fetched, the latest errors. */
/**
 * The files an import queued, counted after it: those still waiting or being fetched, and those the worker
 * already finished (done, failed, skipped) since `since` (the database's clock when the import started).
 * Counting only `queued` raced the worker, which may have picked a file up before the count.
 */
export async function mediaQueuedSince(q: Queryable, programId: string, since: string): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `select count(*)::int as n from ingest_media_fetches f
      where ((f.owner_type = 'program' and f.owner_id = $1) or (f.owner_type = 'episode' and f.owner_id in (select id from episodes where program_id = $1)))
        and (status in ('queued', 'fetching') or updated_at >= $2)`,
    [programId, since],
  );
  return row?.n ?? 0;
}

export async function mediaImportStatus(q: Queryable, programId: string): Promise<MediaImportStatus> {
  const scope = `(f.owner_type = 'program' and f.owner_id = $1) or (f.owner_type = 'episode' and f.owner_id in (select id from episodes where program_id = $1))`;
  const [counts] = await q.query<Omit<MediaImportStatus, 'errors'>>(
    `select count(*) filter (where status = 'queued')::int as queued, count(*) filter (where status = 'fetching')::int as fetching,
            count(*) filter (where status = 'done')::int as done, count(*) filter (where status = 'failed')::int as failed,
            count(*) filter (where status = 'skipped')::int as skipped, coalesce(sum(bytes), 0)::float8 as bytes
       from ingest_media_fetches f where ${scope}`,
    [programId],
  );
  const errors = await q.query<{ url: string; error: string }>(
    `select url, error from ingest_media_fetches f where (${scope}) and error is not null order by updated_at desc limit 10`, [programId],
  );
  return { ...counts!, errors };
}
