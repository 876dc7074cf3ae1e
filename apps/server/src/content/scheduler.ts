// Publishes scheduled episodes whose time has come, without anyone acting. Runs in the worker role
// every SCHEDULER_INTERVAL_MS; several workers may run it at once (each episode is locked and
// re-checked inside its own transaction, so each is published exactly once).
import type { Db } from '../platform/db/db.js';
import { mutateEntity } from './entity.js';
import { episodeKind } from './episodes.js';
import { inSpan } from '../platform/telemetry/tracing.js';
import { startPassLoop } from '../platform/pass-loop.js';

const SCHEDULER_ACTOR = 'system:scheduler';

export async function publishDueEpisodes(db: Db, now = new Date(), batch = 200): Promise<string[]> {
  const due = await db.query<{ id: string }>(
    `select id from episodes where status = 'scheduled' and deleted_at is null and publish_at <= $1 order by publish_at limit $2`,
    [now, batch],
  );
  const published: string[] = [];
  // A span only for ticks with work: an idle tick every few seconds would be a trace each time.
  if (due.length === 0) return published;
  await inSpan('scheduler publish due episodes', { attributes: { 'thmnayah.scheduler.due': due.length } }, async () => {
    for (const { id } of due) {
      let changed = false;
      await mutateEntity(db, episodeKind, id, { actor: SCHEDULER_ACTOR }, { action: 'published' }, async (tx, current) => {
        if (current.status !== 'scheduled' || !current.publishAt || new Date(current.publishAt) > now) return 'unchanged';
        await tx.query(`update episodes set status = 'published' where id = $1`, [id]);
        changed = true;
      }).catch((error: unknown) => {
        // Deleted since the select: nothing to publish.
        if ((error as { status?: number }).status !== 404) throw error;
      });
      if (changed) published.push(id);
    }
  });
  return published;
}

/** Runs publishDueEpisodes every intervalMs (never two at once); the returned function stops it. */
export function startScheduler(db: Db, intervalMs: number, onError: (error: unknown) => void): () => Promise<void> {
  return startPassLoop(() => publishDueEpisodes(db), { intervalMs, onError });
}
