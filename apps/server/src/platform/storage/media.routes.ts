// GET/HEAD/PUT /media/<key>: serves the local adapter's signed URLs, so that embedded playback and
// uploads behave like S3 presigned URLs (with S3 the URLs point at S3 itself and this route is unused).
// GET answers byte ranges (206/416), conditional requests (ETag, Last-Modified → 304) and caches
// immutable rendition keys for a year; PUT streams the body into storage. Every refusal is problem+json.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { finished, PassThrough, type Readable } from 'node:stream';
import { sendProblem } from '../http/errors.js';
import { HttpProblem } from '../http/problem.js';
import { contentRange, decideRange, unsatisfiedRange } from '../http/range.js';
import type { App } from '../http/server.js';
import { isImmutableKey, keyProblem } from './keys.js';
import { checkContentType, isStorageError, StorageError, type ObjectInfo, type Storage } from './storage.js';
import type { UrlSigner, Verdict } from './url-signer.js';
import { notModified } from '../http/preconditions.js';

export const MEDIA_ROUTE_PREFIX = '/media';

export interface MediaRouteOptions {
  /** Default `/media`; must match the base URL the storage signs URLs for. */
  prefix?: string;
  /** Keys whose bytes never change (cached for a year). Default: asset files (keys.ts isImmutableKey). */
  isImmutable?: (key: string) => boolean;
}

/** The storage this route serves: any adapter, plus the signer that checks its URLs. */
export type SignedStorage = Storage & { readonly signer: UrlSigner };

const IMMUTABLE = 'public, max-age=31536000, immutable';
// Other keys may change: caches must ask again (a cheap 304 when nothing changed).
const REVALIDATE = 'public, max-age=0, must-revalidate';

export function registerMediaRoutes(app: App, storage: SignedStorage, options: MediaRouteOptions = {}) {
  const prefix = options.prefix ?? MEDIA_ROUTE_PREFIX;
  const isImmutable = options.isImmutable ?? isImmutableKey;

  // Own plugin scope: PUT bodies arrive as raw streams of any type, without touching the JSON parsing
  // the rest of the API uses.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    scope.route({
      method: ['GET', 'HEAD'],
      url: `${prefix}/*`,
      exposeHeadRoute: false,
      schema: { hide: true },
      handler: async (request, reply) => {
        const key = wildcard(request);
        const verdict = storage.signer.verify({ method: request.method, key, query: request.query as Record<string, unknown> });
        if (!verdict.ok) return sendProblem(request, reply, signatureProblem(verdict));
        if (keyProblem(key)) return sendProblem(request, reply, notFound(key));
        return serveObject(request, reply, storage, key, isImmutable(key));
      },
    });

    scope.put(`${prefix}/*`, { schema: { hide: true }, config: { timeouts: 'upload' } }, async (request, reply) => {
      const key = wildcard(request);
      const verdict = storage.signer.verify({ method: 'PUT', key, query: request.query as Record<string, unknown> });
      const body = request.body as Readable | undefined;
      const refuse = (problem: HttpProblem) => {
        // Drain what the client still sends (unpiped from a failed put first), so it reads our answer.
        body?.unpipe();
        body?.resume();
        return sendProblem(request, reply, problem);
      };
      if (!verdict.ok) return refuse(signatureProblem(verdict));
      const problem = keyProblem(key);
      if (problem) return refuse(new HttpProblem('validation-failed', `The object key is not valid: ${problem}.`));

      const sentType = request.headers['content-type'];
      if (verdict.contentType !== undefined && sentType !== verdict.contentType) {
        return refuse(new HttpProblem('invalid-signature', `This upload URL takes Content-Type "${verdict.contentType}", got "${sentType ?? ''}".`));
      }
      const contentType = sentType ?? 'application/octet-stream';
      try {
        checkContentType(contentType);
      } catch (error) {
        return refuse(new HttpProblem('validation-failed', (error as Error).message));
      }
      const lengthHeader = request.headers['content-length'];
      const length = lengthHeader === undefined ? undefined : Number(lengthHeader);
      if (verdict.size !== undefined && length !== verdict.size) {
        return refuse(new HttpProblem('invalid-signature', `This upload URL takes exactly ${verdict.size} bytes (Content-Length), got ${lengthHeader ?? 'none'}.`));
      }
      if (length !== undefined && length > storage.maxBytes) {
        return refuse(new HttpProblem('body-too-large', `The upload is ${length} bytes; the limit is ${storage.maxBytes} bytes.`));
      }
      // An upload URL is good for one upload (as S3's with If-None-Match: *): once the object exists, the same
      // URL cannot replace it, so bytes checked at `complete` stay the bytes processed (issue 15). A failed
      // PUT stores nothing (atomic writes), so retrying one still works.
      if (await storage.head(key)) {
        return refuse(new HttpProblem('precondition-failed', 'This upload URL has been used: the file is stored already. Start a new upload to send another file.'));
      }
      try {
        const result = await storage.put(key, body ? detachable(body) : Buffer.alloc(0), { contentType, ...(length !== undefined ? { size: length } : {}) });
        reply.header('etag', `"${result.etag}"`).header('cache-control', 'no-store');
        return reply.code(200).send();
      } catch (error) {
        if (error instanceof StorageError) {
          logBackendFailure(request, error);
          return refuse(storageProblem(error));
        }
        throw error;
      }
    });
  });
}

/** Answers a GET/HEAD for one object: validators, 304, byte ranges (206/416). Also used by media playback links. */
export async function serveObject(request: FastifyRequest, reply: FastifyReply, storage: Storage, key: string, immutable: boolean, cacheControl?: string) {
  // head() then get() pinned with ifMatch: if the object is replaced in between, measure again.
  for (let attempt = 1; ; attempt += 1) {
    const info = await storage.head(key);
    if (!info) return sendProblem(request, reply, notFound(key));
    setValidators(reply, info, immutable, cacheControl);
    if (notModified(request.headers, { etag: `"${info.etag}"`, lastModified: info.lastModified.toUTCString() })) {
      return reply.code(304).send();
    }
    reply.header('accept-ranges', 'bytes');
    const decision =
      request.method === 'GET'
        ? decideRange({ range: header(request, 'range'), ifRange: header(request, 'if-range') }, info.size, info)
        : ({ kind: 'full' } as const);
    if (decision.kind === 'unsatisfiable') {
      reply.header('content-range', unsatisfiedRange(info.size));
      return sendProblem(request, reply, new HttpProblem('range-not-satisfiable', `The requested range is outside the object (${info.size} bytes).`, { size: info.size }));
    }
    reply.type(info.contentType);
    if (request.method === 'HEAD') {
      reply.header('content-length', String(info.size));
      return reply.code(200).send();
    }
    try {
      if (decision.kind === 'partial') {
        const { body } = await storage.get(key, { range: { start: decision.start, end: decision.end }, ifMatch: info.etag });
        reply.header('content-range', contentRange(decision.start, decision.end, info.size));
        reply.header('content-length', String(decision.end - decision.start + 1));
        return reply.code(206).send(body);
      }
      const { body } = await storage.get(key, { ifMatch: info.etag });
      reply.header('content-length', String(info.size));
      return reply.code(200).send(body);
    } catch (error) {
      if ((isStorageError(error, 'precondition-failed') || isStorageError(error, 'not-found')) && attempt < 3) continue;
      if (isStorageError(error)) {
        logBackendFailure(request, error);
        return sendProblem(request, reply, storageProblem(error));
      }
      throw error;
    }
  }
}

function setValidators(reply: FastifyReply, info: ObjectInfo, immutable: boolean, cacheControl?: string) {
  reply.header('etag', `"${info.etag}"`);
  reply.header('last-modified', info.lastModified.toUTCString());
  // Callers that decide who may see the object say how long it may be reused (playback: media/api/play-access.ts).
  reply.header('cache-control', cacheControl ?? (immutable ? IMMUTABLE : REVALIDATE));
  // Uploaded bytes are served from our origin: never let a browser sniff them into HTML or run them.
  reply.header('x-content-type-options', 'nosniff');
  reply.header('content-security-policy', "default-src 'none'; sandbox");
}

/**
 * put() destroys its source when it fails; were that the request itself, the socket would be reset
 * before our 413/400 answer goes out. A pass-through in between keeps the connection, while a client
 * that disconnects still fails the put (and so leaves no object).
 */
function detachable(body: Readable): Readable {
  const pass = new PassThrough();
  body.pipe(pass);
  finished(body, (error) => {
    if (error) pass.destroy(error);
  });
  return pass;
}

function wildcard(request: FastifyRequest): string {
  return (request.params as Record<string, string | undefined>)['*'] ?? '';
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function signatureProblem(verdict: Exclude<Verdict, { ok: true }>): HttpProblem {
  switch (verdict.reason) {
    case 'missing':
      return new HttpProblem('invalid-signature', 'Media URLs must be signed (expires and signature parameters); ask the API for one.');
    case 'expired':
      return new HttpProblem('invalid-signature', 'The signed URL has expired; ask the API for a new one.');
    default:
      return new HttpProblem('invalid-signature', 'The URL signature is not valid for this object and method.');
  }
}

function logBackendFailure(request: FastifyRequest, error: StorageError) {
  if (error.code === 'backend' || error.code === 'unsafe-path') request.log.error({ err: error }, 'media storage failed');
}

const notFound = (key: string) => new HttpProblem('not-found', `No media object ${key}.`);

function storageProblem(error: StorageError): HttpProblem {
  switch (error.code) {
    case 'not-found':
      return new HttpProblem('not-found', error.message);
    case 'too-large':
      return new HttpProblem('body-too-large', error.message);
    case 'size-mismatch':
    case 'invalid-key':
    case 'invalid-argument':
      return new HttpProblem('validation-failed', error.message);
    case 'conflict':
    case 'precondition-failed':
      return new HttpProblem('conflict', error.message);
    case 'range-not-satisfiable':
      return new HttpProblem('range-not-satisfiable', error.message);
    case 'unsafe-path':
      return new HttpProblem('forbidden', 'This object cannot be served.');
    case 'backend':
      return new HttpProblem('unavailable', 'Media storage failed; try again shortly.');
  }
}
