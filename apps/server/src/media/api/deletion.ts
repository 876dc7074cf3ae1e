// Deleting media assets (migration 0007). An editor's delete takes effect at once for everyone, in one
// transaction: queued processing is cancelled, the owning episode or program stops pointing at the
// asset's renditions (a versioned change, so Discovery and the feed drop them through the usual
// events), the asset leaves the CMS, and media.deleted is written. The files under assets/<id>/ are
// deleted by the worker's next sweep. An asset being processed is refused (cancel it first), so a
// worker never writes into a deleted asset.
//
// Presigned uploads that nobody completed are deleted by the same sweep once their upload URL expired.
import type { Db, Queryable } from '../../platform/db/db.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { appendEvent } from '../../events/outbox.js';
import type { ChangeContext } from '../../platform/http/change-context.js';
import { detachMediaUrls } from '../../content/episodes.js';
import { detachArtworkUrls } from '../../content/programs.js';
import { loadAssetRow, type AssetRow, type JobRow } from './assets.js';
import { MEDIA_ACTOR, markCancelled, ownerEvent } from '../jobs/jobs.js';
import type { PlaybackLinks } from './playback.js';

export async function deleteAsset(db: Db, assetId: string, context: ChangeContext, links: PlaybackLinks): Promise<void> {
  await db.transaction(async (tx) => {
    const asset = await loadAssetRow(tx, assetId, { lock: true });
    const [job] = await tx.query<JobRow>(`select * from media_jobs where asset_id = $1 and status in ('queued', 'running') for update`, [assetId]);
    if (job?.status === 'running') {
      throw new HttpProblem('conflict', `Asset ${assetId} is being processed: cancel it first (POST /api/cms/assets/${assetId}/cancel), then delete it.`);
    }
    if (job) await markCancelled(tx, job.id, context.actor);
    await detachFromOwner(tx, asset, links, context);
    await markDeleted(tx, asset, context.actor);
  });
}

async function markDeleted(tx: Queryable, asset: AssetRow, actor: string) {
  // Work that waited for this asset is over; a pending upload keeps its status (it never had a type).
  const status = asset.status === 'uploaded' || asset.status === 'queued' ? 'cancelled' : asset.status;
  await tx.query(`update media_assets set deleted_at = now(), deleted_by = $2, status = $3, updated_at = now() where id = $1`, [asset.id, actor, status]);
  // Nobody outside the CMS ever heard of an upload that was never completed (pending, or cancelled before complete).
  if (asset.original_type !== null) {
    await appendEvent(tx, { type: 'media.deleted', actor, entityType: 'asset', entityId: asset.id, data: ownerEvent(asset) });
  }
}

/** The owner stops pointing at any of the asset's renditions (those in use now). */
async function detachFromOwner(tx: Queryable, asset: AssetRow, links: PlaybackLinks, context: ChangeContext) {
  const renditions = await tx.query<{ key: string }>('select key from media_renditions where asset_id = $1', [asset.id]);
  const urls = renditions.map((r) => links.urlForKey(r.key));
  if (urls.length === 0) return;
  if (asset.owner_type === 'episode') await detachMediaUrls(tx, asset.episode_id!, urls, context);
  else await detachArtworkUrls(tx, asset.program_id!, urls, context);
}

/** A presigned upload nobody completed: waiting, or cancelled while waiting (complete sets the type). */
const NEVER_COMPLETED = `(status = 'pending-upload' or (status = 'cancelled' and original_type is null))`;
const neverCompleted = (asset: AssetRow) => asset.status === 'pending-upload' || (asset.status === 'cancelled' && asset.original_type === null);

/**
 * Presigned uploads older than `olderThanMs` that were never completed (their URL has expired): deleted
 * as system:media. Returns how many. An upload cancelled before `complete` (the studio's cancel button
 * during the PUT) counts too: its URL stays valid until it expires, so bytes may still arrive after the
 * cancel, and only the sweep after expiry can be sure to delete them.
 */
export async function deleteAbandonedUploads(db: Db, olderThanMs: number): Promise<number> {
  const stale = await db.query<{ id: string }>(
    `select id from media_assets where ${NEVER_COMPLETED} and deleted_at is null and created_at < now() - $1 * interval '1 millisecond'
      order by created_at limit 100`,
    [olderThanMs],
  );
  let count = 0;
  for (const { id } of stale) {
    count += await db.transaction(async (tx) => {
      const [asset] = await tx.query<AssetRow>('select * from media_assets where id = $1 for update', [id]);
      // Completed (or deleted) since the list was read: not abandoned.
      if (!asset || !neverCompleted(asset) || asset.deleted_at) return 0;
      await markDeleted(tx, asset, MEDIA_ACTOR);
      return 1;
    });
  }
  return count;
}

/** Deleted assets whose files are still in storage. */
export async function assetsToPurge(q: Queryable): Promise<{ id: string }[]> {
  return q.query(`select id from media_assets where deleted_at is not null and purged_at is null order by deleted_at limit 50`);
}

export async function markAssetPurged(q: Queryable, assetId: string): Promise<void> {
  await q.query('update media_jobs set purged_at = coalesce(purged_at, now()) where asset_id = $1', [assetId]);
  await q.query('update media_assets set purged_at = now() where id = $1', [assetId]);
}
