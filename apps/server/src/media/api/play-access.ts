// Who may play an asset's renditions (issue 15, defect 8). Playback links never expire (playback.ts says
// why), so before this a deleted episode's MP3 kept answering 200, cached as immutable for a year.
//
// The model: a /play link works while the asset's owner is public — an episode published, due, not deleted,
// in a published program; a program published and not deleted — and the asset itself is not deleted. Each
// /play checks that against the database, with the answer cached per asset for PLAY_ACCESS_CACHE_MS (one
// query per asset and pod every few seconds, not one per HLS segment). Public answers may be reused by
// browsers and CDNs for PLAY_MAX_AGE_SECONDS (revalidated with ETag, a cheap 304), so a link stops
// everywhere at most PLAY_ACCESS_CACHE_MS + PLAY_MAX_AGE_SECONDS after its episode is unpublished or deleted.
// Editors preview what is not public (drafts, unpublished) with their CMS bearer token; those answers are
// `private, no-store`, and so do draft previews with their short-lived preview links (playback.ts). What is
// deleted plays for nobody.
// Not covered: a presigned S3 URL already handed out by a redirect stays valid until it expires (6 h), as a
// downloaded file stays downloaded; a new /play request is refused.
import { LRUCache } from 'lru-cache';
import type { Queryable } from '../../platform/db/db.js';

/** How long one pod trusts its last answer for an asset (PLAYBACK_ACCESS_CACHE_MS). */
export const PLAY_ACCESS_CACHE_MS = 15_000;
/** How long browsers and CDNs may reuse a public answer without asking again. */
export const PLAY_MAX_AGE_SECONDS = 30;
export const PUBLIC_PLAY_CACHE_CONTROL = `public, max-age=${PLAY_MAX_AGE_SECONDS}`;
export const PRIVATE_PLAY_CACHE_CONTROL = 'private, no-store';

/** public: anyone; private: editors only (owner not public); gone: nobody (asset or owner deleted, or unknown). */
export type PlayAccess = 'public' | 'private' | 'gone';

export class PlayAccessCheck {
  private readonly answers: LRUCache<string, { access: PlayAccess }>;
  private readonly pending = new Map<string, Promise<PlayAccess>>();

  constructor(private readonly db: Queryable, ttlMs = PLAY_ACCESS_CACHE_MS) {
    this.answers = new LRUCache({ max: 50_000, ttl: ttlMs });
  }

  async access(assetId: string): Promise<PlayAccess> {
    const cached = this.answers.get(assetId);
    if (cached) return cached.access;
    // Many segment requests of one asset arrive at once when a player starts: one query for all of them.
    let running = this.pending.get(assetId);
    if (!running) {
      running = this.load(assetId).then((access) => {
        this.answers.set(assetId, { access });
        return access;
      }).finally(() => this.pending.delete(assetId));
      this.pending.set(assetId, running);
    }
    return running;
  }

  private async load(assetId: string): Promise<PlayAccess> {
    const [row] = await this.db.query<{ gone: boolean; public: boolean }>(
      `select (a.deleted_at is not null or coalesce(e.deleted_at, ep.deleted_at, ap.deleted_at) is not null) as gone,
              case a.owner_type
                when 'episode' then e.status = 'published' and e.publish_at <= now() and ep.status = 'published'
                else ap.status = 'published'
              end as public
         from media_assets a
         left join episodes e on e.id = a.episode_id
         left join programs ep on ep.id = e.program_id
         left join programs ap on ap.id = a.program_id
        where a.id = $1`,
      [assetId],
    );
    if (!row || row.gone) return 'gone';
    return row.public ? 'public' : 'private';
  }
}
