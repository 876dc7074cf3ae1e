// The CMS import API: start an import (202 and a run id; it runs in the background of this process),
// follow its progress and read its summary, and see or change subscriptions.
//
//   POST  /api/cms/imports                      {url, programSlug?, publish?, subscribe?, withMedia?}
//   POST  /api/cms/imports/document             the feed document as the body (XML content types)
//   POST  /api/cms/imports/preview              {url, programSlug?}: what an import would do, writing nothing
//   POST  /api/cms/imports/document/preview     the same for a feed document
//   GET   /api/cms/imports[?programId=]         recent runs
//   GET   /api/cms/imports/:id                  status, progress, summary or error
//   GET   /api/cms/subscriptions                subscribed feeds
//   GET   /api/cms/subscriptions/:programId     one, with the imported episodes no longer in its feed
//   PATCH /api/cms/subscriptions/:programId     {active?, publish?, withMedia?}
//   GET   /api/cms/imports/media/:programId     where the import of a program's media stands (withMedia)
import { Type } from 'typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Platform } from '../platform.js';
import type { App } from '../platform/http/server.js';
import { HttpProblem } from '../platform/http/problem.js';
import { IdParams, Timestamp, Uuid, problems } from '../platform/http/schemas.js';
import { findProgramBySlug } from '../content/programs.js';
import { changeContext } from '../platform/http/change-context.js';
import { checkRequest, ingestDeps, newRun, previewImport, runImport, type ImportRequest, type IngestDeps } from './import-service.js';
import { ImportPreviewSchema } from './preview.js';
import { ImportRunSchema, claimInterruptedRuns, finishRun, getRun, listRuns } from './runs.js';
import { heldByDeadLocalProcess, newProcessId } from '../platform/process-id.js';
import { mediaImportStatus } from './media-import.js';
import { SubscriptionSchema, getSubscription, listSubscriptions, missingItems, updateSubscription } from './subscriptions.js';

const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml'];

/** A resumed run is given up after this many takeovers: something in it kills its process every time. */
const MAX_RESUMES = 3;

/**
 * Imports running in this process: cancelled (between items) and awaited when the server closes. It also
 * resumes API imports whose process died (at start, then every `resumeEveryMs`): the same run, read again
 * from its URL or its kept document. Imports are idempotent, so what the dead process wrote is found
 * unchanged and the rest is added; each episode is created once and the run finishes once.
 */
export class ImportRunner {
  readonly id = newProcessId();
  private readonly running = new Set<Promise<unknown>>();
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: IngestDeps, private readonly log: { error(obj: unknown, msg: string): void; warn(obj: unknown, msg: string): void }) {}

  async start(request: ImportRequest, actor: string): Promise<string> {
    checkRequest(request);
    if (this.controller.signal.aborted) throw new HttpProblem('unavailable', 'The server is shutting down; start the import again shortly.');
    const runId = await newRun(this.deps.db, request, { actor, trigger: 'api' }, this.id);
    this.launch(runId, request, actor);
    return runId;
  }

  private launch(runId: string, request: ImportRequest, actor: string): void {
    const job = runImport(this.deps, request, { actor, trigger: 'api', runId, signal: this.controller.signal })
      .catch((error: unknown) => {
        // Recorded on the run already; a 5xx-kind failure is ours, so it goes to the log too.
        if (!(error instanceof HttpProblem) && (error as { name?: string }).name !== 'IngestError') this.log.error({ err: error, runId }, 'import failed');
      })
      .finally(() => this.running.delete(job));
    this.running.add(job);
  }

  /** Takes over the API imports of dead processes; returns how many it resumed. */
  async resumeInterrupted(): Promise<number> {
    if (this.controller.signal.aborted) return 0;
    const runs = await claimInterruptedRuns(this.deps.db, this.id, heldByDeadLocalProcess);
    for (const run of runs) {
      if (run.resumed > MAX_RESUMES) {
        await finishRun(this.deps.db, run.id, { status: 'failed', error: { code: 'interrupted', message: `the import's process ended ${run.resumed} times while running it; not resumed again` } });
        continue;
      }
      this.log.warn({ runId: run.id, source: run.source, resumed: run.resumed }, 'resuming an import whose process ended');
      const request: ImportRequest = run.document
        ? { document: run.document, contentType: run.documentType ?? undefined, fileName: run.source }
        : { url: run.source, subscribe: run.options.subscribe };
      this.launch(run.id, { ...request, publish: run.options.publish, programSlug: run.options.programSlug ?? undefined, withMedia: run.options.withMedia }, run.actor);
    }
    return runs.length;
  }

  /** Resumes interrupted imports now and then every `everyMs`. */
  startResuming(everyMs: number): void {
    const tick = () => this.resumeInterrupted().catch((error: unknown) => this.log.warn({ err: error }, 'looking for interrupted imports failed'));
    void tick();
    this.timer = setInterval(tick, everyMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.controller.abort();
    await Promise.all(this.running);
  }
}

const StartBody = Type.Object({
  url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2048, description: 'Feed URL: RSS/Atom podcast feed or YouTube channel/playlist feed' }),
  programSlug: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Import into this existing program instead of the one the feed identifies' })),
  publish: Type.Optional(Type.Boolean({ default: false, description: 'New programs and episodes arrive published, keeping their dates (future dates are scheduled); else as drafts' })),
  subscribe: Type.Optional(Type.Boolean({ default: true, description: 'Keep reading the feed (cron role) and import what changes' })),
  withMedia: Type.Optional(Type.Boolean({
    default: false,
    description: 'Also fetch each episode\'s enclosure and the program\'s artwork into storage and process them like uploads (moving a back catalogue off its old host); ' +
      'a subscription keeps doing so for new items. Follow it with GET /api/cms/imports/media/{programId}',
  })),
}, { additionalProperties: false, examples: [{ url: 'https://feeds.example.org/podcast.xml', publish: false }] });

const UploadQuery = Type.Object({
  programSlug: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  publish: Type.Optional(Type.Boolean({ default: false })),
  withMedia: Type.Optional(Type.Boolean({ default: false, description: 'As withMedia of POST /api/cms/imports' })),
  fileName: Type.Optional(Type.String({ maxLength: 500, description: 'A name for the document in the run record' })),
}, { additionalProperties: false });

const PreviewBody = Type.Object({
  url: StartBody.properties.url,
  programSlug: StartBody.properties.programSlug,
}, { additionalProperties: false, examples: [{ url: 'https://feeds.example.org/podcast.xml' }] });

const PreviewQuery = Type.Object({
  programSlug: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  fileName: Type.Optional(Type.String({ maxLength: 500, description: 'A name for the document in the preview' })),
}, { additionalProperties: false });

const PREVIEW_DESCRIPTION = 'Reads and matches the feed exactly as an import does (same parser, same program and episode matching, same ' +
  'identity checks) and answers what the import would create, update or leave alone, with its warnings. Nothing is written: no run, no ' +
  'subscription, no person. A document that cannot be read is a problem: 422 (not a feed), 400 (a URL the fetch policy refuses), 502/504 ' +
  '(the feed\'s server failed or timed out); `code` names the kind. 409 when the feed claims a program it cannot prove it is.';

const Started = Type.Object({ id: Uuid, status: Type.Literal('running'), location: Type.String() });

export function registerImportRoutes(app: App, platform: Platform, deps: IngestDeps = ingestDeps(platform)): ImportRunner {
  const runner = new ImportRunner(deps, app.log);
  app.addHook('onReady', async () => runner.startResuming(30_000));
  app.addHook('onClose', () => runner.close());
  const { db } = platform;
  const tags = ['Imports'];

  const started = (reply: FastifyReply, id: string) => {
    const location = `/api/cms/imports/${id}`;
    return reply.code(202).header('location', location).send({ id, status: 'running', location });
  };
  const assertProgram = async (slug: string | undefined) => {
    if (slug && !(await findProgramBySlug(db, slug))) {
      throw new HttpProblem('validation-failed', `No program with slug "${slug}" to import into.`, { errors: [{ in: 'body', pointer: '/programSlug', message: 'unknown program' }] });
    }
  };

  app.post('/api/cms/imports', {
    config: { role: 'editor' },
    schema: {
      tags, summary: 'Start importing a feed from a URL',
      description: 'Answers 202 with the run id at once; the import runs in the background. Follow it with GET /api/cms/imports/:id. ' +
        'Fetch and parse failures (an HTML page, a refused address, a malformed feed) end the run with status `failed` and a message naming the problem; ' +
        'nothing is written when the document cannot be read. A feed document can also be posted directly: see POST /api/cms/imports/document.',
      body: StartBody,
      response: { 202: Started, ...problems(400, 401, 403, 503) },
    },
  }, async (request, reply) => {
    await assertProgram(request.body.programSlug);
    const id = await runner.start({ ...request.body }, changeContext(request).actor);
    return started(reply, id);
  });

  // Feed documents are XML, so this route has its own parser and the importer's size limit; the scope
  // keeps both away from every other route.
  void app.register(async (scope: FastifyInstance) => {
    scope.addContentTypeParser(FEED_TYPES, { parseAs: 'buffer', bodyLimit: platform.config.ingestMaxBytes }, (_request, body, done) => done(null, body));
    (scope as unknown as App).post('/api/cms/imports/document', {
      config: { role: 'editor', timeouts: 'upload' },
      bodyLimit: platform.config.ingestMaxBytes,
      schema: {
        tags, summary: 'Start importing a feed document (the request body)',
        description: `Send the feed itself with Content-Type ${FEED_TYPES.join(', ')}. Answers 202 like POST /api/cms/imports; nothing is subscribed.`,
        querystring: UploadQuery,
        response: { 202: Started, ...problems(400, 401, 403, 413, 415, 503) },
      },
    }, async (request, reply) => {
      const body = request.body as unknown;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new HttpProblem('unsupported-media-type', `Send the feed document as the body, with Content-Type ${FEED_TYPES.join(', ')}.`);
      }
      await assertProgram(request.query.programSlug);
      const id = await runner.start({
        document: body, contentType: request.headers['content-type'], fileName: request.query.fileName,
        programSlug: request.query.programSlug, publish: request.query.publish, withMedia: request.query.withMedia,
      }, changeContext(request).actor);
      return started(reply, id);
    });

    (scope as unknown as App).post('/api/cms/imports/document/preview', {
      config: { role: 'editor', timeouts: 'upload' },
      bodyLimit: platform.config.ingestMaxBytes,
      schema: {
        tags, summary: 'Preview importing a feed document (the request body): nothing is written',
        description: `${PREVIEW_DESCRIPTION} Send the feed with Content-Type ${FEED_TYPES.join(', ')}.`,
        querystring: PreviewQuery,
        response: { 200: ImportPreviewSchema, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    }, async (request, reply) => {
      const body = request.body as unknown;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new HttpProblem('unsupported-media-type', `Send the feed document as the body, with Content-Type ${FEED_TYPES.join(', ')}.`);
      }
      await assertProgram(request.query.programSlug);
      const preview = await previewImport(deps, {
        document: body, contentType: request.headers['content-type'], fileName: request.query.fileName, programSlug: request.query.programSlug,
      }, changeContext(request).actor);
      return reply.header('cache-control', 'no-store').send(preview);
    });
  });

  app.post('/api/cms/imports/preview', {
    config: { role: 'editor' },
    schema: {
      tags, summary: 'Preview importing a feed from a URL: nothing is written',
      description: PREVIEW_DESCRIPTION,
      body: PreviewBody,
      response: { 200: ImportPreviewSchema, ...problems(400, 401, 403, 404, 409, 422, 502, 504) },
    },
  }, async (request, reply) => {
    await assertProgram(request.body.programSlug);
    const preview = await previewImport(deps, { url: request.body.url, programSlug: request.body.programSlug }, changeContext(request).actor);
    return reply.header('cache-control', 'no-store').send(preview);
  });

  app.get('/api/cms/imports', {
    config: { role: 'viewer' },
    schema: {
      tags, summary: 'Recent imports, newest first',
      querystring: Type.Object({ programId: Type.Optional(Uuid), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ImportRunSchema) }), ...problems(400, 401, 403) },
    },
  }, async (request) => ({ items: await listRuns(db, { programId: request.query.programId, limit: request.query.limit ?? 50 }) }));

  app.get('/api/cms/imports/:id', {
    config: { role: 'viewer' },
    schema: {
      tags, summary: 'An import: status (running, succeeded, failed, cancelled), progress, summary or error',
      params: IdParams,
      response: { 200: ImportRunSchema, ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const run = await getRun(db, request.params.id);
    if (!run) throw new HttpProblem('not-found', `No import ${request.params.id}.`);
    return reply.header('cache-control', 'no-store').send(run);
  });

  app.get('/api/cms/subscriptions', {
    config: { role: 'viewer' },
    schema: { tags, summary: 'Subscribed feeds and how their last reads went', response: { 200: Type.Object({ items: Type.Array(SubscriptionSchema) }), ...problems(401, 403) } },
  }, async () => ({ items: await listSubscriptions(db) }));

  const SubscriptionDetail = Type.Intersect([SubscriptionSchema, Type.Object({
    missing: Type.Array(Type.Object({ episodeId: Uuid, externalId: Type.String(), missingSince: Timestamp }), {
      description: 'Imported episodes no longer in the feed (flagged, not deleted)',
    }),
  })]);
  const ProgramParams = Type.Object({ programId: Uuid }, { additionalProperties: false });

  app.get('/api/cms/subscriptions/:programId', {
    config: { role: 'viewer' },
    schema: { tags, summary: "A program's feed subscription", params: ProgramParams, response: { 200: SubscriptionDetail, ...problems(400, 401, 403, 404) } },
  }, async (request) => {
    const subscription = await getSubscription(db, request.params.programId);
    if (!subscription) throw new HttpProblem('not-found', `Program ${request.params.programId} is not subscribed to a feed.`);
    return { ...subscription, missing: await missingItems(db, request.params.programId) };
  });

  app.patch('/api/cms/subscriptions/:programId', {
    config: { role: 'editor' },
    schema: {
      tags, summary: 'Pause or resume a subscription, or choose whether new items arrive published and bring their media', params: ProgramParams,
      body: Type.Object({
        active: Type.Optional(Type.Boolean()), publish: Type.Optional(Type.Boolean()),
        withMedia: Type.Optional(Type.Boolean({ description: "New items' enclosures are fetched into storage and processed" })),
      }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: SubscriptionSchema, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const subscription = await updateSubscription(db, request.params.programId, request.body, deps.now());
    if (!subscription) throw new HttpProblem('not-found', `Program ${request.params.programId} is not subscribed to a feed.`);
    return subscription;
  });

  app.get('/api/cms/imports/media/:programId', {
    config: { role: 'viewer' },
    schema: {
      tags, summary: "Where the import of a program's media stands (imports with withMedia)", params: ProgramParams,
      description: 'Files by status: queued, fetching, done (an asset was made; see GET /api/cms/assets for its processing), failed (after retries, ' +
        'or at once for a file that is not media or is over MEDIA_MAX_BYTES), skipped (its episode was deleted meanwhile); bytes fetched; the latest errors.',
      response: { 200: MediaImportStatusSchema, ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const [program] = await db.query('select 1 from programs where id = $1', [request.params.programId]);
    if (!program) throw new HttpProblem('not-found', `No program ${request.params.programId}.`);
    return reply.header('cache-control', 'no-store').send(await mediaImportStatus(db, request.params.programId));
  });

  return runner;
}

const MediaImportStatusSchema = Type.Object({
  queued: Type.Integer(), fetching: Type.Integer(), done: Type.Integer(), failed: Type.Integer(), skipped: Type.Integer(),
  bytes: Type.Number({ description: 'Bytes fetched into storage so far' }),
  errors: Type.Array(Type.Object({ url: Type.String(), error: Type.String() }), { description: 'The latest errors, newest first (at most 10)' }),
});

