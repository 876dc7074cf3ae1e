// The publishing workflow. Programs: draft ⇄ published, either → archived, archived → draft.
// Episodes add `scheduled`: public on its own once publish_at arrives (scheduler.ts flips the status;
// Discovery also checks the time, so nothing shows early even if the scheduler is late).
// Asking for the state something is already in changes nothing and is not an error (bulk-friendly).
import type { Db } from '../platform/db/db.js';
import { HttpProblem, conflict } from '../platform/http/problem.js';
import type { ChangeContext } from '../platform/http/change-context.js';
import { mutateEntity } from './entity.js';
import { episodeKind, type Episode } from './episodes.js';
import { programKind, type Program } from './programs.js';

export type ProgramAction = 'publish' | 'unpublish' | 'archive';
export type EpisodeAction = 'publish' | 'schedule' | 'unpublish' | 'archive';

const PROGRAM_TARGET = { publish: 'published', unpublish: 'draft', archive: 'archived' } as const;
const PAST_ACTION = { publish: 'published', unpublish: 'unpublished', archive: 'archived', schedule: 'scheduled' } as const;

export function transitionProgram(db: Db, id: string, action: ProgramAction, context: ChangeContext, ifMatch?: string): Promise<Program> {
  const target = PROGRAM_TARGET[action];
  return mutateEntity(db, programKind, id, context, { action: PAST_ACTION[action], ifMatch }, async (tx, current) => {
    if (current.status === target) return 'unchanged';
    await tx.query(
      `update programs set status = $2, published_at = case when $2 = 'published' then coalesce(published_at, now()) else published_at end where id = $1`,
      [id, target],
    );
  });
}

/** Clock skew we forgive when an editor publishes "now" with a client-side timestamp. */
const SKEW_MS = 60_000;

export function transitionEpisode(
  db: Db,
  id: string,
  action: EpisodeAction,
  context: ChangeContext,
  options: { ifMatch?: string | undefined; publishAt?: string | undefined; now?: Date } = {},
): Promise<Episode> {
  const now = options.now ?? new Date();
  const requested = options.publishAt ? new Date(options.publishAt) : undefined;
  if (action === 'schedule' && (!requested || requested.getTime() <= now.getTime())) {
    throw new HttpProblem('validation-failed', 'schedule needs a publishAt in the future; to publish now, use publish', {
      errors: [{ in: 'body', pointer: '/publishAt', message: 'must be in the future' }],
    });
  }
  if (action === 'publish' && requested && requested.getTime() > now.getTime() + SKEW_MS) {
    throw new HttpProblem('validation-failed', 'publishAt is in the future; use schedule to publish later', {
      errors: [{ in: 'body', pointer: '/publishAt', message: 'must not be in the future' }],
    });
  }
  return mutateEntity(db, episodeKind, id, context, { action: PAST_ACTION[action], ifMatch: options.ifMatch }, async (tx, current) => {
    const currentTime = current.publishAt ? new Date(current.publishAt) : null;
    let status: Episode['status'];
    let publishAt: Date | null = currentTime;
    switch (action) {
      case 'publish':
        status = 'published';
        // Keep a past date (an imported or back-dated episode); a future or missing one becomes now
        // (a requested time a few seconds ahead, from a fast client clock, is clamped to now too).
        publishAt = requested ? (requested > now ? now : requested) : currentTime && currentTime <= now ? currentTime : now;
        break;
      case 'schedule':
        status = 'scheduled';
        publishAt = requested!;
        break;
      case 'unpublish':
        if (current.status === 'archived') throw conflict(`Episode ${id} is archived; publish or schedule it instead.`);
        status = 'draft';
        break;
      case 'archive':
        status = 'archived';
        break;
    }
    if (status === current.status && publishAt?.getTime() === currentTime?.getTime()) return 'unchanged';
    await tx.query('update episodes set status = $2, publish_at = $3 where id = $1', [id, status, publishAt]);
  });
}
