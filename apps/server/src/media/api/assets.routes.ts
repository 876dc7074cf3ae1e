// The CMS media API under /api/cms/assets: uploads (streamed multipart, or a presigned PUT then
// "complete"), the asset with its renditions, its jobs, a server-sent events stream of its status and
// progress, cancel and reprocess. Editors upload; viewers read.
import { randomUUID } from 'node:crypto';
import multipart, { type MultipartFile } from '@fastify/multipart';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { buffer as readAll } from 'node:stream/consumers';
import type { FastifySchema } from 'fastify';
import type { Platform } from '../../platform.js';
import type { App } from '../../platform/http/server.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { diskFullProblem } from '../../platform/http/errors.js';
import { isStorageError } from '../../platform/storage/storage.js';
import { appendEvent } from '../../events/outbox.js';
import { changeContext } from '../../platform/http/change-context.js';
import { IdParams, Timestamp, Uuid, problems, StringEnum } from '../../platform/http/schemas.js';
import {
  ASSET_KINDS, AssetSchema, JobSchema, OWNER_TYPES, assertOwner, cleanFileName, insertAsset, listAssets, listJobs, loadAsset, loadAssetRow,
  ownerIdOf, type AssetKind, type OwnerType,
} from './assets.js';
import { originalKey } from './asset-keys.js';
import { AssetEventSequence, AssetWatcher } from './asset-watch.js';
import { REFUSED_UPLOAD_TYPE, requestCancel, requestReprocess } from '../jobs/jobs.js';
import type { PlaybackLinks } from './playback.js';
import { SAMPLE_BYTES, UPLOAD_URL_SECONDS, checkUpload, peek } from './uploads.js';
import { deleteAsset } from './deletion.js';

const tags = ['Media'];
const OwnerQuery = {
  ownerType: StringEnum(OWNER_TYPES, { description: 'What the asset belongs to' }),
  ownerId: Uuid,
};
const UploadQuery = Type.Object({
  ...OwnerQuery,
  kind: StringEnum(ASSET_KINDS, { description: 'audio or video for an episode (its media), image for artwork (programs take only image)' }),
}, { additionalProperties: false });

const PresignBody = Type.Object({
  ...OwnerQuery,
  kind: UploadQuery.properties.kind,
  fileName: Type.String({ maxLength: 255, description: 'The file name, kept as metadata only', examples: ['الحلقة ١.mp3'] }),
  byteSize: Type.Integer({ minimum: 1, description: 'Exact size of the file: the upload URL takes exactly this many bytes' }),
}, { additionalProperties: false, examples: [{ ownerType: 'episode', ownerId: '0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61', kind: 'audio', fileName: 'episode-12.mp3', byteSize: 48213504 }] });

const UPLOAD_CONTENT_TYPE = 'application/octet-stream';

export interface MediaRoutesOptions {
  links: PlaybackLinks;
  /** How often event streams read the status of watched assets. */
  watchIntervalMs?: number;
}

export function registerAssetRoutes(app: App, platform: Platform, options: MediaRoutesOptions) {
  const { db, storage } = platform;
  const { links } = options;
  const watcher = new AssetWatcher(db, options.watchIntervalMs ?? 250, (error) => app.log.warn({ err: error }, 'reading asset status for event streams failed'));
  // Open event streams end when the server closes (a client reconnects to another pod), so a shutdown
  // does not wait for them until its grace period runs out.
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const finish of [...streams]) finish();
  });
  app.addHook('onClose', async () => watcher.close());

  // Streamed multipart upload, in its own scope (the multipart parser applies to this route only).
  app.register(async (scope) => {
    // Two files allowed by the parser so the route sees a second one and says why it refuses it (busboy's own
    // limit would answer a vague 413).
    await scope.register(multipart, { limits: { fileSize: platform.config.mediaMaxBytes, files: 2, fields: 20, parts: 22 } });
    // The body is a stream the handler reads; its schema is there for the OpenAPI reference only.
    const validatorCompiler: Parameters<App['route']>[0]['validatorCompiler'] = (route) =>
      route.httpPart === 'body' ? () => true : TypeBoxValidatorCompiler(route);
    scope.post('/api/cms/assets', {
      config: { role: 'editor', timeouts: 'upload' },
      validatorCompiler,
      schema: {
        tags,
        summary: 'Upload a file for an episode or a program (multipart/form-data, one part named "file")',
        description:
          `The file streams straight into storage (never held in memory), up to MEDIA_MAX_BYTES (${platform.config.mediaMaxBytes} bytes here). ` +
          'Its type is decided from its bytes, not its name or Content-Type: an empty file, a PDF named .mp3 or an image sent as audio is ' +
          'refused with 415 and nothing is stored. The asset is created as `uploaded`; the worker then queues and processes it ' +
          '(follow it at /api/cms/assets/{id}/events). For large files with S3, prefer POST /api/cms/assets/uploads.',
        consumes: ['multipart/form-data'],
        querystring: UploadQuery,
        body: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
        response: { 201: AssetSchema, ...problems(400, 401, 403, 404, 413, 415, 507) },
      } as FastifySchema,
    }, async (request, reply) => {
      const { ownerType, ownerId, kind } = request.query as { ownerType: OwnerType; ownerId: string; kind: AssetKind };
      const context = changeContext(request);
      await assertOwner(db, ownerType, ownerId, kind);
      if (!request.isMultipart()) {
        throw new HttpProblem('unsupported-media-type', 'Send the file as multipart/form-data with one part named "file" (or use POST /api/cms/assets/uploads for a presigned upload).');
      }
      // One file part: its type judged from its first bytes, then streamed into storage (never held in memory).
      const receiveFile = async (part: MultipartFile) => {
        const file = part.file;
        let streamError: unknown;
        file.on('error', (error) => (streamError = error));
        const fileName = cleanFileName(part.filename);
        const drain = () => {
          file.unpipe();
          file.resume();
        };
        const { head, whole } = await peek(file, SAMPLE_BYTES).catch((error: unknown) => {
          throw unreadableForm(error);
        });
        let type;
        try {
          type = await checkUpload(head, kind, fileName, head.length < SAMPLE_BYTES ? head.length : undefined);
        } catch (error) {
          whole.destroy();
          drain();
          throw error;
        }
        const id = randomUUID();
        const key = originalKey(id);
        let stored;
        try {
          stored = await storage.put(key, whole, { contentType: type.mime });
        } catch (error) {
          drain();
          if (isStorageError(error, 'too-large')) throw tooLarge(platform.config.mediaMaxBytes);
          if (streamError) throw unreadableForm(streamError);
          throw error;
        }
        if (file.truncated) {
          await storage.delete(key);
          throw tooLarge(platform.config.mediaMaxBytes);
        }
        return { id, key, fileName, type, stored };
      };
      // The documented form is one part named "file" and nothing else. Anything else is refused rather than
      // guessed at: a file under another name used to be taken, and a second file dropped without a word.
      const formProblem = (detail: string) => new HttpProblem('validation-failed', `${detail} Send one part named "file" and nothing else.`);
      let received: { id: string; key: string; fileName: string; type: Awaited<ReturnType<typeof checkUpload>>; stored: Awaited<ReturnType<typeof storage.put>> } | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type !== 'file') throw formProblem(`The form has a field "${part.fieldname}" that the upload does not read.`);
          if (part.fieldname !== 'file') {
            part.file.resume();
            throw formProblem(`The file must come in the part named "file", not "${part.fieldname}".`);
          }
          if (received) {
            part.file.resume();
            throw formProblem(`An upload takes one file: a second one ("${cleanFileName(part.filename)}") came after "${received.fileName}".`);
          }
          received = await receiveFile(part);
        }
      } catch (error) {
        if (received) await storage.delete(received.key).catch(() => {});
        throw unreadableForm(error);
      }
      if (!received) throw new HttpProblem('validation-failed', 'The form has no file: send one part named "file".');
      const { id, key, fileName, type, stored } = received;
      try {
        await db.transaction(async (tx) => {
          await insertAsset(tx, {
            id, ownerType, ownerId, kind, status: 'uploaded', originalKey: key, originalName: fileName, originalBytes: stored.size,
            originalType: type.mime, originalEtag: stored.etag, createdBy: context.actor,
          });
          await appendEvent(tx, { type: 'media.uploaded', actor: context.actor, entityType: 'asset', entityId: id, data: { id, ownerType, ownerId, kind, reason: 'upload' } });
        });
      } catch (error) {
        await storage.delete(key).catch(() => {});
        throw error;
      }
      reply.header('location', `/api/cms/assets/${id}`);
      return reply.code(201).header('cache-control', 'no-store').send(await loadAsset(db, id, links));
    });
  });

  // What a client needs to choose between the two upload paths. The studio reads it before each upload.
  app.get('/api/cms/assets/upload-settings', {
    config: { role: 'viewer' },
    schema: {
      tags,
      summary: 'How to upload here: the size from which to use a presigned upload, the largest file, the storage',
      description:
        'Files of `presignedFromBytes` or more should go through POST /api/cms/assets/uploads (a PUT straight to storage, then complete); ' +
        'smaller ones through the streamed POST /api/cms/assets. `presignedFromBytes` is MEDIA_PRESIGNED_UPLOAD_BYTES, `maxBytes` MEDIA_MAX_BYTES. ' +
        'With `storage: local` the upload URL is this server\'s own signed /media URL (PUBLIC_URL/media/…).',
      response: {
        200: Type.Object({
          presignedFromBytes: Type.Integer({ minimum: 1, examples: [33554432] }),
          maxBytes: Type.Integer({ minimum: 1, examples: [5368709120] }),
          storage: StringEnum(['local', 's3'], { description: 'Where the bytes of a presigned upload go' }),
          uploadUrlSeconds: Type.Integer({ description: 'How long an upload URL stays valid' }),
        }),
        ...problems(401, 403),
      },
    },
  }, async (_request, reply) => reply.header('cache-control', 'no-store').send({
    presignedFromBytes: platform.config.mediaPresignedUploadBytes,
    maxBytes: storage.maxBytes,
    storage: storage.kind === 's3' ? 's3' as const : 'local' as const,
    uploadUrlSeconds: UPLOAD_URL_SECONDS,
  }));

  app.post('/api/cms/assets/uploads', {
    config: { role: 'editor' },
    schema: {
      tags,
      summary: 'Start a presigned upload: creates the asset and returns a URL to PUT the file to',
      description:
        'PUT the file to `upload.url` with exactly `upload.headers` and `byteSize` bytes (straight to S3, or to this server with local ' +
        'storage), then call POST /api/cms/assets/{id}/complete: it checks the stored bytes (size, type from the first bytes) and queues processing.',
      body: PresignBody,
      response: {
        201: Type.Object({
          asset: AssetSchema,
          upload: Type.Object({
            method: Type.Literal('PUT'),
            url: Type.String(),
            headers: Type.Object({
              'content-type': Type.String(),
              'if-none-match': Type.Optional(Type.String({ description: 'With S3: send it as given; the URL then takes one upload only' })),
            }),
            expiresAt: Timestamp,
          }),
        }),
        ...problems(400, 401, 403, 404, 413),
      },
    },
  }, async (request, reply) => {
    const { ownerType, ownerId, kind, fileName, byteSize } = request.body;
    const context = changeContext(request);
    await assertOwner(db, ownerType, ownerId, kind);
    if (byteSize > storage.maxBytes) throw tooLarge(storage.maxBytes);
    const id = randomUUID();
    const key = originalKey(id);
    await db.transaction((tx) => insertAsset(tx, {
      id, ownerType, ownerId, kind, status: 'pending-upload', originalKey: key, originalName: cleanFileName(fileName), originalBytes: byteSize,
      originalType: null, createdBy: context.actor,
    }));
    const url = await storage.signedUrl(key, { method: 'PUT', expiresIn: UPLOAD_URL_SECONDS, contentType: UPLOAD_CONTENT_TYPE, size: byteSize, singleUse: true });
    // With S3 the single use is a header the client sends and the URL signs (S3 then refuses a second PUT).
    const uploadHeaders: { 'content-type': string; 'if-none-match'?: string } = { 'content-type': UPLOAD_CONTENT_TYPE, ...(storage.kind === 's3' ? { 'if-none-match': '*' } : {}) };
    reply.header('location', `/api/cms/assets/${id}`);
    return reply.code(201).header('cache-control', 'no-store').send({
      asset: await loadAsset(db, id, links),
      upload: { method: 'PUT' as const, url, headers: uploadHeaders, expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000).toISOString() },
    });
  });

  app.post('/api/cms/assets/:id/complete', {
    config: { role: 'editor' },
    schema: {
      tags,
      summary: 'Finish a presigned upload: check the stored file and queue its processing',
      description: 'A file whose bytes are not what the asset takes (empty, a PDF, an image for audio …) is refused with 415; the asset is then `failed` and the file deleted.',
      params: IdParams,
      response: { 200: AssetSchema, ...problems(400, 401, 403, 404, 409, 415) },
    },
  }, async (request, reply) => {
    const { id } = request.params;
    const context = changeContext(request);
    const asset = await loadAssetRow(db, id);
    if (asset.status !== 'pending-upload') throw new HttpProblem('conflict', `Asset ${id} is ${asset.status}, not waiting for an upload.`);
    const info = await storage.head(asset.original_key);
    if (!info) throw new HttpProblem('conflict', `Nothing was uploaded for asset ${id} yet: PUT the file to the upload URL first.`);
    let type;
    try {
      if (info.size !== Number(asset.original_bytes)) {
        throw new HttpProblem('unsupported-file', `The uploaded file has ${info.size} bytes, not the ${asset.original_bytes} announced.`, { code: 'size-mismatch' });
      }
      // The bytes checked are those of this version (ifMatch); processing later reads only this version too.
      const head = info.size === 0 ? Buffer.alloc(0) : await readAll((await storage.get(asset.original_key, { range: { start: 0, end: SAMPLE_BYTES - 1 }, ifMatch: info.etag })).body);
      type = await checkUpload(head, asset.kind, asset.original_name, info.size);
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      const code = String(error.extensions.code ?? 'unsupported-type');
      await db.query(
        `update media_assets set status = 'failed', original_type = $4, error_code = $2, error_message = $3, updated_at = now()
          where id = $1 and status = 'pending-upload'`,
        [id, code, error.detail.slice(0, 2000), REFUSED_UPLOAD_TYPE],
      );
      await storage.delete(asset.original_key).catch(() => {});
      throw new HttpProblem(error.type, error.detail, { ...error.extensions, assetId: id });
    }
    await db.transaction(async (tx) => {
      const locked = await loadAssetRow(tx, id, { lock: true });
      if (locked.status !== 'pending-upload') throw new HttpProblem('conflict', `Asset ${id} is ${locked.status}, not waiting for an upload.`);
      await tx.query(`update media_assets set status = 'uploaded', original_type = $2, original_etag = $3, updated_at = now() where id = $1`, [id, type.mime, info.etag]);
      await appendEvent(tx, {
        type: 'media.uploaded', actor: context.actor, entityType: 'asset', entityId: id,
        data: { id, ownerType: locked.owner_type, ownerId: ownerIdOf(locked), kind: locked.kind, reason: 'upload' },
      });
    });
    return reply.header('cache-control', 'no-store').send(await loadAsset(db, id, links));
  });

  app.get('/api/cms/assets', {
    config: { role: 'viewer' },
    schema: {
      tags, summary: 'The assets of an episode or a program, newest first',
      querystring: Type.Object(OwnerQuery, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(AssetSchema) }), ...problems(400, 401, 403) },
    },
  }, async (request) => ({ items: await listAssets(db, { type: request.query.ownerType, id: request.query.ownerId }, links) }));

  app.get('/api/cms/assets/:id', {
    config: { role: 'viewer' },
    schema: { tags, summary: 'An asset: status, progress, original, renditions in use, latest job', params: IdParams, response: { 200: AssetSchema, ...problems(400, 401, 403, 404) } },
  }, async (request, reply) => reply.header('cache-control', 'no-store').send(await loadAsset(db, request.params.id, links)));

  app.get('/api/cms/assets/:id/jobs', {
    config: { role: 'viewer' },
    schema: {
      tags, summary: "An asset's processing jobs, newest first", params: IdParams,
      response: { 200: Type.Object({ items: Type.Array(JobSchema) }), ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    await loadAssetRow(db, request.params.id);
    return { items: await listJobs(db, request.params.id) };
  });

  app.get('/api/cms/assets/:id/events', {
    config: { role: 'viewer', timeouts: 'stream' },
    schema: {
      tags,
      summary: "Server-sent events: the asset's status and progress until processing ends",
      description:
        'text/event-stream of `status` events, each `data` a JSON object {assetId, status, percent, phase, jobId, attempt, error}: ' +
        'uploaded → queued → processing (percent going up) → ready | failed | cancelled, then the stream ends. Connecting to a settled ' +
        'asset gives its final status at once. Comments keep idle connections open. Works whichever process runs the job.',
      params: IdParams,
      response: {
        200: { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
        ...problems(400, 401, 403, 404),
      },
    } as FastifySchema,
  }, async (request, reply) => {
    const { id } = request.params as { id: string };
    await loadAssetRow(db, id);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      'x-request-id': request.id,
    });
    raw.write('retry: 2000\n\n');
    const sequence = new AssetEventSequence(id);
    let counter = 0;
    let finished = false;
    const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
    const finish = () => {
      if (finished) return;
      finished = true;
      streams.delete(finish);
      clearInterval(keepAlive);
      unwatch();
      raw.end();
    };
    streams.add(finish);
    const unwatch = watcher.watch(id, (state) => {
      if (finished) return;
      if (!state) {
        finish();
        return;
      }
      for (const event of sequence.next(state)) raw.write(`id: ${++counter}\nevent: status\ndata: ${JSON.stringify(event)}\n\n`);
      if (sequence.done) finish();
    });
    raw.on('close', finish);
  });

  app.delete('/api/cms/assets/:id', {
    config: { role: 'editor' },
    schema: {
      tags,
      summary: 'Delete an asset: its owner stops using it at once, its files are deleted by the next sweep',
      description:
        'In one change: queued processing is cancelled, the episode (or program) stops pointing at the asset\'s renditions (a new revision, ' +
        'so Discovery and the podcast feed drop them), and the asset leaves the CMS (404 from then on). Its files, original included, are ' +
        'deleted by the worker within a minute or so. An asset being processed answers 409: cancel it first.',
      params: IdParams,
      response: { 204: { description: 'Deleted', type: 'null' }, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await deleteAsset(db, request.params.id, changeContext(request), links);
    return reply.code(204).send(null);
  });

  app.post('/api/cms/assets/:id/cancel', {
    config: { role: 'editor' },
    schema: {
      tags, summary: 'Cancel processing: a queued job at once (200), a running one by stopping its FFmpeg (202; the asset becomes cancelled within a second or two)',
      params: IdParams, response: { 200: AssetSchema, 202: AssetSchema, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const outcome = await requestCancel(db, request.params.id, changeContext(request));
    return reply.code(outcome === 'cancelled' ? 200 : 202).header('cache-control', 'no-store').send(await loadAsset(db, request.params.id, links));
  });

  app.post('/api/cms/assets/:id/reprocess', {
    config: { role: 'editor' },
    schema: {
      tags, summary: 'Process the original again (a new job); the renditions in use stay until the new ones are ready',
      params: IdParams, response: { 202: AssetSchema, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await requestReprocess(db, request.params.id, changeContext(request));
    return reply.code(202).header('cache-control', 'no-store').send(await loadAsset(db, request.params.id, links));
  });
}

/** A broken multipart body (cut off, bad boundary) is the client's problem; the plugin's own errors carry their status. */
function unreadableForm(error: unknown): unknown {
  const diskFull = diskFullProblem(error);
  if (diskFull) return diskFull;
  if (error instanceof HttpProblem || typeof (error as { statusCode?: unknown }).statusCode === 'number') return error;
  return new HttpProblem('malformed-body', `The multipart/form-data body cannot be read: ${(error as Error).message ?? String(error)}.`);
}

const tooLarge = (max: number) => new HttpProblem('body-too-large', `The file is larger than the limit of ${max} bytes (MEDIA_MAX_BYTES).`);
