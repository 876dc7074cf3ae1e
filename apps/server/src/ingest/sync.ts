// The cron role's feed sync: every INGEST_SYNC_CHECK_MS it claims the subscriptions that are due and
// reads each feed again with a conditional GET. A 304 changes nothing; a new document is imported into
// the subscribed program (new items as the subscription says: drafts or published); a feed that moved
// (itunes:new-feed-url, permanent redirect) has its subscription follow it; a failure is recorded and
// retried with exponential backoff (subscriptions.ts).
import { errorRecord, toSummary, type IngestDeps } from './import-service.js';
import { importFromUrl } from './registry.js';
import { finishRun, startRun } from './runs.js';
import { claimDue, recordFailure, recordNotModified, subscribe, type Subscription } from './subscriptions.js';
import { upsertDraft } from './upsert.js';
import { mediaImportHook } from './media-import.js';
import { inSpan } from '../platform/telemetry/tracing.js';
import { importRuns } from '../platform/telemetry/metrics.js';
import { startPassLoop } from '../platform/pass-loop.js';

const SYNC_ACTOR = 'system:feed-sync';

export type SyncOutcome =
  | { programId: string; outcome: 'not-modified'; movedTo: string | null }
  | { programId: string; outcome: 'imported'; runId: string; movedTo: string | null }
  | { programId: string; outcome: 'failed'; error: { code: string; message: string }; retryAt: string };

/** Reads one subscribed feed again and records what happened. Never throws for the feed's own failures. */
function syncSubscription(deps: IngestDeps, subscription: Subscription, signal?: AbortSignal): Promise<SyncOutcome> {
  return inSpan('feed sync', { attributes: { 'thmnayah.program.id': subscription.programId } }, () => syncOne(deps, subscription, signal));
}

async function syncOne(deps: IngestDeps, subscription: Subscription, signal?: AbortSignal): Promise<SyncOutcome> {
  const { programId } = subscription;
  const now = deps.now();
  let runId: string | undefined;
  try {
    const fetched = await importFromUrl(subscription.feedUrl, {
      fetcher: deps.fetcher, limits: deps.xmlLimits, signal,
      ...(subscription.etag ? { etag: subscription.etag } : {}),
      ...(subscription.lastModified ? { lastModified: subscription.lastModified } : {}),
    });
    if (fetched.notModified) {
      const movedTo = fetched.fetch.permanentUrl && fetched.fetch.permanentUrl !== subscription.feedUrl ? fetched.fetch.permanentUrl : null;
      await recordNotModified(deps.db, programId, now, { etag: fetched.fetch.etag, lastModified: fetched.fetch.lastModified }, movedTo);
      importRuns.inc({ kind: 'sync', status: 'not-modified' });
      return { programId, outcome: 'not-modified', movedTo };
    }
    const { draft } = fetched;
    runId = await startRun(deps.db, {
      trigger: 'cron', source: subscription.feedUrl, actor: SYNC_ACTOR, programId,
      options: { publish: subscription.publish, programSlug: null, subscribe: true },
    });
    const result = await upsertDraft(deps.db, draft, {
      context: { actor: SYNC_ACTOR }, publish: subscription.publish, target: { programId }, media: subscription.withMedia ? mediaImportHook : deps.media, signal, now: deps.now,
    });
    const home = draft.program.newFeedUrl ?? fetched.fetch.permanentUrl ?? subscription.feedUrl;
    if (!result.cancelled) {
      await subscribe(deps.db, {
        programId, feedUrl: home, readFrom: subscription.feedUrl, publish: subscription.publish, intervalSeconds: subscription.intervalSeconds,
        etag: fetched.fetch.etag, lastModified: fetched.fetch.lastModified, actor: SYNC_ACTOR, now,
      });
    }
    const summary = toSummary(runId, subscription.feedUrl, result, { url: home, readFrom: subscription.feedUrl, subscribed: true });
    await finishRun(deps.db, runId, { status: result.cancelled ? 'cancelled' : 'succeeded', summary, programId });
    importRuns.inc({ kind: 'sync', status: result.cancelled ? 'cancelled' : 'succeeded' });
    return { programId, outcome: 'imported', runId, movedTo: summary.feed?.movedFrom ? summary.feed.url : null };
  } catch (error) {
    const record = errorRecord(error);
    if (runId) await finishRun(deps.db, runId, { status: 'failed', error: record }).catch(() => {});
    importRuns.inc({ kind: 'sync', status: 'failed' });
    if (signal?.aborted) {
      // Stopped by a shutdown, not by the feed: no failure counted, and the next cron process may take it.
      await deps.db.query('update ingest_subscriptions set lease_until = null where program_id = $1', [programId]);
      return { programId, outcome: 'failed', error: record, retryAt: subscription.nextAttemptAt };
    }
    // The program is gone from the CMS (deleted, or purged): reading its feed again would only fail again.
    // Asked of the database, not read from the error's status: a 404 or 409 can come from other causes
    // (an editor's concurrent change, a rule of the import), and those must keep the subscription.
    const deactivate = await programGone(deps, programId);
    await recordFailure(deps.db, programId, now, `${record.code}: ${record.message}`, { deactivate });
    const [row] = await deps.db.query<{ next_attempt_at: Date }>('select next_attempt_at from ingest_subscriptions where program_id = $1', [programId]);
    return { programId, outcome: 'failed', error: record, retryAt: row?.next_attempt_at.toISOString() ?? now.toISOString() };
  }
}

async function programGone(deps: IngestDeps, programId: string): Promise<boolean> {
  const [row] = await deps.db.query<{ deleted: boolean }>('select deleted_at is not null as deleted from programs where id = $1', [programId]);
  return !row || row.deleted;
}

/** One pass: syncs every due subscription (in batches), oldest due first. */
export async function syncDueFeeds(deps: IngestDeps, options: { batch?: number; signal?: AbortSignal } = {}): Promise<SyncOutcome[]> {
  const outcomes: SyncOutcome[] = [];
  for (;;) {
    if (options.signal?.aborted) break;
    const due = await claimDue(deps.db, deps.now(), options.batch ?? 10);
    if (due.length === 0) break;
    for (const subscription of due) outcomes.push(await syncSubscription(deps, subscription, options.signal));
  }
  return outcomes;
}

/** The cron role's loop: a pass every intervalMs, never two at once; the result stops it (finishing the feed in hand). */
export function startFeedSync(deps: IngestDeps, intervalMs: number, onError: (error: unknown) => void): () => Promise<void> {
  return startPassLoop((signal) => syncDueFeeds(deps, { signal }), { intervalMs, onError });
}
