// Subscriptions: a program imported from a URL keeps reading that feed. The cron role claims due
// subscriptions (a lease, so several cron processes never sync one feed at once), reads them with a
// conditional GET, and records the outcome: on success the next read is an interval away; after a
// failure the wait doubles with every failure in a row (exponential backoff), capped at a day, and the
// error is kept for editors to see.
import { Type, type Static } from 'typebox';
import type { Queryable } from '../platform/db/db.js';
import { Nullable, StringEnum, Timestamp, Uuid } from '../platform/http/schemas.js';
import { canonicalUrl } from './ids.js';

/** First retry after a failure; then 2×, 4× … */
export const RETRY_BASE_SECONDS = 5 * 60;
/** No failing feed waits longer than this between attempts. */
export const RETRY_MAX_SECONDS = 24 * 3600;
/** How long a cron process may hold a subscription while syncing it. */
export const LEASE_SECONDS = 10 * 60;

export const SubscriptionSchema = Type.Object({
  programId: Uuid,
  feedUrl: Type.String(),
  publish: Type.Boolean({ description: 'New items found by a re-sync arrive published (else as drafts)' }),
  withMedia: Type.Boolean({ description: "New items' enclosures are fetched into storage and processed (as an import with withMedia)" }),
  active: Type.Boolean(),
  intervalSeconds: Type.Integer(),
  nextAttemptAt: Timestamp,
  lastAttemptAt: Nullable(Timestamp),
  lastSuccessAt: Nullable(Timestamp),
  lastOutcome: Nullable(StringEnum(['imported', 'not-modified', 'failed']), { enum: ['imported', 'not-modified', 'failed', null] }),
  lastError: Nullable(Type.String()),
  failures: Type.Integer({ description: 'Failures in a row (reset by a success)' }),
  previousUrls: Type.Array(Type.String(), { description: 'Where the feed lived before it moved, oldest first' }),
  etag: Nullable(Type.String()),
  lastModified: Nullable(Type.String()),
});
export type Subscription = Static<typeof SubscriptionSchema>;

interface SubscriptionRow extends Record<string, unknown> {
  program_id: string; feed_url: string; publish: boolean; with_media: boolean; active: boolean; interval_seconds: number; next_attempt_at: Date;
  last_attempt_at: Date | null; last_success_at: Date | null; last_outcome: Subscription['lastOutcome']; last_error: string | null;
  failures: number; previous_urls: string[]; etag: string | null; last_modified: string | null;
}

function toSubscription(r: SubscriptionRow): Subscription {
  return {
    programId: r.program_id, feedUrl: r.feed_url, publish: r.publish, withMedia: r.with_media, active: r.active, intervalSeconds: r.interval_seconds,
    nextAttemptAt: r.next_attempt_at.toISOString(), lastAttemptAt: r.last_attempt_at?.toISOString() ?? null,
    lastSuccessAt: r.last_success_at?.toISOString() ?? null, lastOutcome: r.last_outcome, lastError: r.last_error,
    failures: r.failures, previousUrls: r.previous_urls, etag: r.etag, lastModified: r.last_modified,
  };
}

/** Delay before the next attempt after `failures` failures in a row. */
export function backoffSeconds(failures: number): number {
  return Math.min(RETRY_BASE_SECONDS * 2 ** Math.max(0, failures - 1), RETRY_MAX_SECONDS);
}

const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

export async function getSubscription(q: Queryable, programId: string): Promise<Subscription | undefined> {
  const [row] = await q.query<SubscriptionRow>('select * from ingest_subscriptions where program_id = $1', [programId]);
  return row ? toSubscription(row) : undefined;
}

export async function listSubscriptions(q: Queryable): Promise<Subscription[]> {
  const rows = await q.query<SubscriptionRow>('select * from ingest_subscriptions order by next_attempt_at, program_id limit 1000');
  return rows.map(toSubscription);
}

/** The program that a feed URL (now or formerly) imports into, if it is subscribed. */
export async function programForFeedUrl(q: Queryable, url: string): Promise<string | undefined> {
  const canonical = canonicalUrl(url) ?? url;
  const [row] = await q.query<{ program_id: string }>(
    'select program_id from ingest_subscriptions where feed_url = $1 or $1 = any(previous_urls) order by feed_url = $1 desc limit 1',
    [canonical],
  );
  return row?.program_id;
}

/** After an import from a URL: subscribe (or update the subscription) with the feed's current home. */
export async function subscribe(
  q: Queryable,
  s: { programId: string; feedUrl: string; readFrom: string; publish: boolean; withMedia?: boolean; intervalSeconds: number; etag: string | null; lastModified: string | null; actor: string; now: Date },
): Promise<void> {
  const feedUrl = canonicalUrl(s.feedUrl) ?? s.feedUrl;
  const readFrom = canonicalUrl(s.readFrom) ?? s.readFrom;
  const moved = feedUrl !== readFrom;
  await q.query(
    `insert into ingest_subscriptions (program_id, feed_url, publish, interval_seconds, etag, last_modified, next_attempt_at,
                                       last_attempt_at, last_success_at, last_outcome, previous_urls, created_by, with_media)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8, 'imported', $9, $10, coalesce($11::boolean, false))
     on conflict (program_id) do update set
       previous_urls = case when ingest_subscriptions.feed_url <> excluded.feed_url
                            then array_append(array_remove(ingest_subscriptions.previous_urls, ingest_subscriptions.feed_url), ingest_subscriptions.feed_url)
                            else ingest_subscriptions.previous_urls end,
       feed_url = excluded.feed_url, publish = excluded.publish, with_media = coalesce($11::boolean, ingest_subscriptions.with_media), active = true, etag = excluded.etag, last_modified = excluded.last_modified,
       next_attempt_at = excluded.next_attempt_at, last_attempt_at = excluded.last_attempt_at, last_success_at = excluded.last_success_at,
       last_outcome = 'imported', last_error = null, failures = 0, lease_until = null, updated_at = now()`,
    [s.programId, feedUrl, s.publish, s.intervalSeconds,
      // The validators belong to the URL they came from; a moved feed starts afresh at its new home.
      moved ? null : s.etag, moved ? null : s.lastModified,
      addSeconds(s.now, s.intervalSeconds), s.now, moved ? [readFrom] : [], s.actor, s.withMedia ?? null],
  );
}

/** Claims up to `limit` due subscriptions for this process (skipping those another process holds). */
export async function claimDue(q: Queryable, now: Date, limit: number): Promise<Subscription[]> {
  const rows = await q.query<SubscriptionRow>(
    `update ingest_subscriptions set lease_until = $2
      where program_id in (
        select program_id from ingest_subscriptions
         where active and next_attempt_at <= $1 and (lease_until is null or lease_until < $1)
         order by next_attempt_at limit $3 for update skip locked)
      returning *`,
    [now, addSeconds(now, LEASE_SECONDS), limit],
  );
  return rows.map(toSubscription).sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt));
}

/**
 * A re-sync that answered 304: nothing changed at the source. It may still have been answered through a
 * permanent redirect (`movedTo`): the subscription follows it, keeping its validators (same content).
 */
export async function recordNotModified(q: Queryable, programId: string, now: Date, validators: { etag: string | null; lastModified: string | null }, movedTo: string | null = null) {
  const target = movedTo ? (canonicalUrl(movedTo) ?? movedTo) : null;
  await q.query(
    `update ingest_subscriptions set last_outcome = 'not-modified', last_attempt_at = $2::timestamptz, last_success_at = $2::timestamptz, last_error = null, failures = 0,
            etag = coalesce($3::text, etag), last_modified = coalesce($4::text, last_modified),
            previous_urls = case when $5::text is not null and $5::text <> feed_url
                                 then array_append(array_remove(previous_urls, feed_url), feed_url) else previous_urls end,
            feed_url = coalesce($5::text, feed_url),
            next_attempt_at = $2::timestamptz + make_interval(secs => interval_seconds), lease_until = null, updated_at = now()
      where program_id = $1`,
    [programId, now, validators.etag, validators.lastModified, target],
  );
}

/** A failed re-sync: keep the error, wait longer with each failure in a row. */
export async function recordFailure(q: Queryable, programId: string, now: Date, error: string, options: { deactivate?: boolean } = {}): Promise<void> {
  const [row] = await q.query<{ failures: number }>('select failures from ingest_subscriptions where program_id = $1', [programId]);
  const failures = (row?.failures ?? 0) + 1;
  await q.query(
    `update ingest_subscriptions set last_outcome = 'failed', last_attempt_at = $2, last_error = $3, failures = $4,
            next_attempt_at = $5, lease_until = null, active = active and not $6::boolean, updated_at = now()
      where program_id = $1`,
    [programId, now, error.slice(0, 2000), failures, addSeconds(now, backoffSeconds(failures)), options.deactivate ?? false],
  );
}

export async function updateSubscription(q: Queryable, programId: string, patch: { active?: boolean | undefined; publish?: boolean | undefined; withMedia?: boolean | undefined }, now: Date): Promise<Subscription | undefined> {
  const [row] = await q.query<SubscriptionRow>(
    `update ingest_subscriptions set active = coalesce($2::boolean, active), publish = coalesce($3::boolean, publish), with_media = coalesce($5::boolean, with_media),
            -- Resuming a paused feed reads it at the next check, not an interval later.
            next_attempt_at = case when $2::boolean and not active then $4::timestamptz else next_attempt_at end,
            failures = case when $2::boolean and not active then 0 else failures end, updated_at = now()
      where program_id = $1 returning *`,
    [programId, patch.active ?? null, patch.publish ?? null, now, patch.withMedia ?? null],
  );
  return row ? toSubscription(row) : undefined;
}

/** Imported episodes of a program that are no longer in its feed. */
export async function missingItems(q: Queryable, programId: string): Promise<{ episodeId: string; externalId: string; missingSince: string }[]> {
  const rows = await q.query<{ episode_id: string; external_id: string; missing_since: Date }>(
    'select episode_id, external_id, missing_since from ingest_items where program_id = $1 and missing_since is not null order by missing_since desc, external_id limit 1000',
    [programId],
  );
  return rows.map((r) => ({ episodeId: r.episode_id, externalId: r.external_id, missingSince: r.missing_since.toISOString() }));
}
