// The ways into an import, on top of upsert.ts: read the document (fetched safely from a URL, or given),
// write it into the CMS, subscribe the program to its feed, and keep a run record with progress and
// summary. The CLI task, the CMS API and the cron re-sync all come through here.
import type { Db } from '../platform/db/db.js';
import type { Platform } from '../platform.js';
import { HttpProblem } from '../platform/http/problem.js';
import { ingestProblem, isIngestError } from './errors.js';
import type { Fetcher } from './fetch/safe-fetch.js';
import { canonicalUrl } from './ids.js';
import { noMediaHook, type MediaHook } from './media-hook.js';
import { mediaImportHook, mediaQueuedSince, queueProgramMedia } from './media-import.js';
import { importDocument, importFromUrl, type ImportedDocument } from './registry.js';
import { finishRun, reportProgress, startRun, type RunTrigger } from './runs.js';
import { fetcherFromConfig, xmlLimitsFromConfig } from './settings.js';
import { programForFeedUrl, subscribe } from './subscriptions.js';
import { capped, type ImportSummary } from './summary.js';
import { upsertDraft, type UpsertOptions, type UpsertResult } from './upsert.js';
import { previewDraft, type ImportPreview } from './preview.js';
import type { XmlLimits } from './xml.js';
import { inSpan } from '../platform/telemetry/tracing.js';
import { redactUrl } from '../platform/http/redact.js';
import { importRuns } from '../platform/telemetry/metrics.js';

export interface IngestDeps {
  db: Db;
  fetcher: Fetcher;
  xmlLimits: Partial<XmlLimits>;
  syncIntervalSeconds: number;
  media: MediaHook;
  now: () => Date;
}

export function ingestDeps(platform: Platform, overrides: Partial<IngestDeps> = {}): IngestDeps {
  return {
    db: platform.db,
    fetcher: fetcherFromConfig(platform.config),
    xmlLimits: xmlLimitsFromConfig(platform.config),
    syncIntervalSeconds: platform.config.ingestSyncIntervalSeconds,
    media: noMediaHook,
    now: () => new Date(),
    ...overrides,
  };
}

export interface ImportRequest {
  /** A feed URL to fetch (and subscribe to, unless subscribe is false) ... */
  url?: string | undefined;
  /** ... or a feed document. */
  document?: Uint8Array | undefined;
  /** A name for the document in runs and messages (e.g. the file name). */
  fileName?: string | undefined;
  contentType?: string | undefined;
  /** Import into this existing program. */
  programSlug?: string | undefined;
  publish?: boolean | undefined;
  subscribe?: boolean | undefined;
  /** Fetch the enclosures and artwork into storage and process them (media-import.ts), and keep doing so for new items. */
  withMedia?: boolean | undefined;
}

export interface ImportContext {
  actor: string;
  trigger: RunTrigger;
  progress?: ((done: number, total: number, label?: string) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** A run row made already (the API answers with its id before the import starts). */
  runId?: string | undefined;
}

/** A clear error for a request that names neither or both of a URL and a document. */
export function checkRequest(request: ImportRequest): void {
  if ((request.url === undefined) === (request.document === undefined)) {
    throw new HttpProblem('validation-failed', 'Give either a feed URL or a feed document to import.');
  }
  if (request.url !== undefined && !canonicalUrl(request.url)) {
    throw new HttpProblem('validation-failed', `"${request.url}" is not an http(s) URL.`, { errors: [{ in: 'body', pointer: '/url', message: 'must be an http(s) URL' }] });
  }
}

function sourceLabel(request: ImportRequest): string {
  return request.url ?? request.fileName ?? 'uploaded document';
}

function runOptions(request: ImportRequest) {
  return {
    publish: request.publish ?? false, programSlug: request.programSlug ?? null, subscribe: request.url !== undefined && request.subscribe !== false,
    ...(request.withMedia ? { withMedia: true } : {}),
  };
}

export function newRun(db: Db, request: ImportRequest, context: Pick<ImportContext, 'actor' | 'trigger'>, runner?: string): Promise<string> {
  return startRun(db, {
    trigger: context.trigger, source: sourceLabel(request), options: runOptions(request), actor: context.actor,
    // A run with a runner can be resumed by another process: keep what it needs to read the document again.
    ...(runner ? { runner, ...(request.document ? { document: { bytes: request.document, contentType: request.contentType } } : {}) } : {}),
  });
}

/** An error in the words a run record, the CLI and the API use: a code and a message. */
export function errorRecord(error: unknown): { code: string; message: string } {
  if (isIngestError(error)) return { code: error.code, message: error.message };
  if (error instanceof HttpProblem) return { code: error.type, message: error.detail };
  if ((error as Error)?.name === 'AbortError') return { code: 'cancelled', message: 'the import was cancelled' };
  return { code: 'internal', message: (error as Error)?.message ?? String(error) };
}

/** Reports progress to the run row at most twice a second (and always at the end). */
function progressWriter(db: Db, runId: string, forward: ImportContext['progress']) {
  let last = 0;
  let pending: Promise<void> = Promise.resolve();
  return {
    report(done: number, total: number, label: string | undefined, programId: string) {
      forward?.(done, total, label);
      const now = Date.now();
      if (done < total && now - last < 500) return;
      last = now;
      pending = pending.then(() => reportProgress(db, runId, done, total, programId)).catch(() => {});
    },
    flush: () => pending,
  };
}

interface ReadFeed {
  readFrom: string;
  home: string;
  etag: string | null;
  lastModified: string | null;
}

/**
 * Reads the document of a request (fetched safely, or given) and says where it goes: the program a
 * subscription or `programSlug` names, and the URLs that prove the feed's claimed identity. The import
 * and its preview both start here, so a preview reads and matches exactly as the import will.
 */
async function readRequest(deps: IngestDeps, request: ImportRequest, signal?: AbortSignal) {
  let draft: ImportedDocument;
  let feed: ReadFeed | undefined;
  let feedPermanentUrl: string | null = null;
  if (request.url !== undefined) {
    const fetched = await importFromUrl(request.url, { fetcher: deps.fetcher, limits: deps.xmlLimits, signal });
    // No validators were sent, so the answer is never a 304.
    if (fetched.notModified) throw new Error('unexpected 304 to an unconditional request');
    draft = fetched.draft;
    feedPermanentUrl = fetched.fetch.permanentUrl ?? null;
    feed = {
      readFrom: request.url,
      home: draft.program.newFeedUrl ?? fetched.fetch.permanentUrl ?? request.url,
      etag: fetched.fetch.etag,
      lastModified: fetched.fetch.lastModified,
    };
  } else {
    draft = importDocument(request.document!, { contentType: request.contentType, limits: deps.xmlLimits });
  }
  // A subscribed feed imports into its program, even when its own id has changed since (a feed that
  // moved by redirect without saying so, or that gained a podcast:guid).
  const subscribedProgram = feed && !request.programSlug ? await programForFeedUrl(deps.db, feed.readFrom) : undefined;
  const target: Pick<UpsertOptions, 'target'> = request.programSlug
    ? { target: { programSlug: request.programSlug } }
    : subscribedProgram ? { target: { programId: subscribedProgram } } : {};
  // What proves the feed's claimed identity (identity.ts): the URLs it was actually read from.
  const origin: Pick<UpsertOptions, 'origin'> = feed ? { origin: { fetchedFrom: [feed.readFrom, ...(feedPermanentUrl ? [feedPermanentUrl] : [])] } } : {};
  return { draft, feed, target, origin, subscribedProgram };
}

/**
 * What an import of this request would do, writing nothing (no run, no subscription, no person). Fetch
 * and parse failures are thrown as problems (ingestProblem), as the import API reports them.
 */
export async function previewImport(deps: IngestDeps, request: ImportRequest, actor: string): Promise<ImportPreview> {
  checkRequest(request);
  try {
    const { draft, feed, target, origin, subscribedProgram } = await readRequest(deps, request);
    const preview = await previewDraft(deps.db, draft, { context: { actor }, ...target, ...origin, now: deps.now() });
    return {
      source: sourceLabel(request),
      ...preview,
      feed: feed ? { url: canonicalUrl(feed.home) ?? feed.home, subscribedProgramId: subscribedProgram ?? null } : null,
    };
  } catch (error) {
    throw isIngestError(error) ? ingestProblem(error) : error;
  }
}

/** Runs one import from start to summary. Throws (after recording the failure) when nothing could be imported. */
export function runImport(deps: IngestDeps, request: ImportRequest, context: ImportContext): Promise<ImportSummary> {
  const source = request.url !== undefined ? redactUrl(request.url) : 'document';
  return inSpan('feed import', { attributes: { 'thmnayah.import.source': source } }, () => runImportUntraced(deps, request, context));
}

async function runImportUntraced(deps: IngestDeps, request: ImportRequest, context: ImportContext): Promise<ImportSummary> {
  checkRequest(request);
  const options = runOptions(request);
  const runId = context.runId ?? (await newRun(deps.db, request, context));
  const progress = progressWriter(deps.db, runId, context.progress);
  try {
    // The database's clock before any file is queued: the summary counts what this import queued since.
    const startedAt = options.withMedia ? (await deps.db.query<{ at: string }>('select now()::text as at'))[0]!.at : '';
    const { draft, feed, target, origin } = await readRequest(deps, request, context.signal);
    const result = await upsertDraft(deps.db, draft, {
      context: { actor: context.actor },
      publish: options.publish,
      ...target,
      ...origin,
      media: options.withMedia ? mediaImportHook : deps.media,
      signal: context.signal,
      now: deps.now,
      progress: (done, total, program) => progress.report(done, total, program.title, program.id),
    });
    let subscribed = false;
    if (feed && options.subscribe && !result.cancelled) {
      await subscribe(deps.db, {
        programId: result.program.id, feedUrl: feed.home, readFrom: feed.readFrom, publish: options.publish, withMedia: options.withMedia === true,
        intervalSeconds: deps.syncIntervalSeconds, etag: feed.etag, lastModified: feed.lastModified, actor: context.actor, now: deps.now(),
      });
      subscribed = true;
    }
    const summary = toSummary(runId, sourceLabel(request), result, feed ? { url: feed.home, readFrom: feed.readFrom, subscribed } : null);
    // Items imported before (or unchanged now) have their files queued too: the hook saw only new and changed ones.
    if (options.withMedia && !result.cancelled) {
      await queueProgramMedia(deps.db, result.program.id);
      summary.mediaQueued = await mediaQueuedSince(deps.db, result.program.id, startedAt);
    }
    await progress.flush();
    await finishRun(deps.db, runId, { status: result.cancelled ? 'cancelled' : 'succeeded', summary, programId: result.program.id });
    importRuns.inc({ kind: 'import', status: result.cancelled ? 'cancelled' : 'succeeded' });
    return summary;
  } catch (error) {
    await progress.flush();
    await finishRun(deps.db, runId, { status: 'failed', error: errorRecord(error) }).catch(() => {});
    importRuns.inc({ kind: 'import', status: 'failed' });
    throw error;
  }
}

export function toSummary(runId: string, source: string, result: UpsertResult, feed: { url: string; readFrom: string; subscribed: boolean } | null): ImportSummary {
  const movedFrom = feed && (canonicalUrl(feed.url) ?? feed.url) !== (canonicalUrl(feed.readFrom) ?? feed.readFrom) ? feed.readFrom : null;
  return {
    runId,
    source,
    program: result.program,
    episodes: result.episodes,
    peopleCreated: result.peopleCreated,
    failures: capped(result.failures, (rest) => ({ externalId: '…', title: '…', reason: `${rest} more failures` })),
    warnings: capped(result.warnings, (rest) => `${rest} more warnings`),
    feed: feed ? { url: canonicalUrl(feed.url) ?? feed.url, movedFrom, subscribed: feed.subscribed } : null,
    cancelled: result.cancelled,
  };
}
