// `thmnayah import <url|file>`: an administrative task, so it runs the same way in the CLI's own process
// and inside a running server that holds the embedded database (the CLI posts it to the admin API and
// shows the streamed progress). A file travels as base64 in the arguments; the admin API takes bodies up
// to the feed size limit for this task.
import { Type } from 'typebox';
import { defineTask } from '../platform/tasks.js';
import { HttpProblem } from '../platform/http/problem.js';
import { ingestProblem, isIngestError } from './errors.js';
import { ingestDeps, runImport } from './import-service.js';
import { syncDueFeeds } from './sync.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const importTask = defineTask({
  name: 'import',
  description: 'Import a podcast feed (RSS/Atom) or YouTube channel feed from a URL or a document into the CMS',
  args: Type.Object({
    url: Type.Optional(Type.String({ maxLength: 2048, description: 'Feed URL (fetched with the safe fetcher; the program is subscribed)' })),
    document: Type.Optional(Type.String({ description: 'The feed document, base64-encoded', contentEncoding: 'base64' })),
    fileName: Type.Optional(Type.String({ maxLength: 500 })),
    programSlug: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Import into this existing program' })),
    publish: Type.Optional(Type.Boolean({ description: 'New programs and episodes arrive published (keeping their dates); else drafts' })),
    subscribe: Type.Optional(Type.Boolean({ description: 'Subscribe to a URL (default true)' })),
    withMedia: Type.Optional(Type.Boolean({ description: 'Also fetch the enclosures and artwork into storage; the worker processes them' })),
  }, { additionalProperties: false }),
  // base64 takes 4 bytes for every 3 of the document, plus the other arguments.
  maxBodyBytes: (config) => Math.ceil((config.ingestMaxBytes * 4) / 3) + 64 * 1024,
  async run({ platform, progress, actor }, args) {
    if (args.document !== undefined && !BASE64.test(args.document)) {
      throw new HttpProblem('validation-failed', 'document must be base64-encoded', { errors: [{ in: 'body', pointer: '/document', message: 'not base64' }] });
    }
    try {
      return await runImport(ingestDeps(platform), {
        url: args.url,
        document: args.document !== undefined ? Buffer.from(args.document, 'base64') : undefined,
        fileName: args.fileName,
        programSlug: args.programSlug,
        publish: args.publish,
        subscribe: args.subscribe,
        withMedia: args.withMedia,
      }, { actor, trigger: 'cli', progress });
    } catch (error) {
      // As a problem, so the admin API (and the CLI through it) reports the message, not "unexpected error".
      if (isIngestError(error)) throw ingestProblem(error);
      throw error;
    }
  },
});

export const syncFeedsTask = defineTask({
  name: 'feeds.sync',
  description: 'Read every subscribed feed that is due now (what the cron role does on its schedule)',
  args: Type.Object({}, { additionalProperties: false }),
  async run({ platform }) {
    const outcomes = await syncDueFeeds(ingestDeps(platform));
    return { synced: outcomes.length, outcomes };
  },
});
