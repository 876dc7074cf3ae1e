// GET/HEAD /play/<asset>/<job>/<token>/<rendition>/<file>: the stable playback links (playback.ts).
// Only while the asset's owner is public (or for a preview: an editor's token, or a draft preview's
// short-lived link, playback.ts): media/api/play-access.ts.
// Local storage: the bytes, with byte ranges (206/416), validators, reusable for 30 s (then a 304).
// S3: playlists and small JSON are passed through (so the relative URIs inside HLS playlists keep
// resolving to this route, with the token); segments, MP3s and images are a 302 to a presigned S3 URL
// signed at request time, valid for hours, while the redirect itself may be cached for 30 s — so
// no cached redirect ever points at an expired signature, nor outlives publication by long. CORS is open (per CORS_ORIGINS) for web players.
import { Type } from 'typebox';
import type { Platform } from '../../platform.js';
import type { App } from '../../platform/http/server.js';
import { sendProblem } from '../../platform/http/errors.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { serveObject } from '../../platform/storage/media.routes.js';
import { Uuid, problems } from '../../platform/http/schemas.js';
import { PLAY_PREFIX, PlaybackLinks } from './playback.js';
import { PRIVATE_PLAY_CACHE_CONTROL, PUBLIC_PLAY_CACHE_CONTROL, PlayAccessCheck, PLAY_MAX_AGE_SECONDS } from './play-access.js';
import { hasRole } from '../../platform/auth/roles.js';
import type { TokenVerifier } from '../../platform/auth/verifier.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DownloadCounter, parseContentRange, type Served } from '../../listening/downloads.js';
import { EventLog } from '../../listening/event-log.js';
import { hotCountersFor } from '../../listening/hot-counters.js';
import { acquireListeningStream } from '../../listening/listening-stream.js';

/** How long a presigned S3 URL handed out by a redirect stays valid. */
const PRESIGNED_SECONDS = 6 * 3600;
/**
 * How long clients and CDNs may reuse a redirect (well inside the signature's validity): no longer than a
 * public answer, so that a link stops with its episode's publication (media/api/play-access.ts).
 */
const REDIRECT_MAX_AGE = PLAY_MAX_AGE_SECONDS;

/** Served through this route even with S3: small, and playlists must keep this route as their base URL. */
const passThrough = (key: string) => key.endsWith('.m3u8') || key.endsWith('.json');

export function registerPlaybackRoutes(app: App, platform: Platform, links: PlaybackLinks) {
  const { storage, config } = platform;
  // CORS for web players, answered here: @fastify/cors would add a second OPTIONS * route (Discovery has
  // one), and none is needed: players send simple GETs, and a simple Range header is CORS-safelisted.
  const anyOrigin = config.corsOrigins.includes('*');
  const allowed = new Set(config.corsOrigins);
  const access = new PlayAccessCheck(platform.db, config.playbackAccessCacheMs);
  const hot = hotCountersFor(platform, (err, message) => app.log.warn({ err }, message));
  // With NATS_URL a counted download goes to the listening stream, as beacons do (the worker drains it).
  const held = acquireListeningStream(platform, (err, message) => app.log.warn({ err }, message));
  if (held) app.addHook('onClose', () => held.release());
  const downloads = new DownloadCounter(platform.db, held?.stream ?? new EventLog(platform.db, { hot }));
  /** Public MP3 answers are counted as downloads (listening/downloads.ts), after the answer, off its path. */
  const count = (request: FastifyRequest, reply: FastifyReply, assetId: string) => {
    const served = servedBytes(request, reply, assetId);
    if (served) downloads.observe(served).catch((error: unknown) => request.log.warn({ err: error }, 'counting a download failed'));
  };
  app.register(async (scope) => {
    scope.route({
      method: ['GET', 'HEAD'],
      url: `${PLAY_PREFIX}/:asset/:job/:token/*`,
      exposeHeadRoute: false,
      schema: {
        tags: ['Playback'],
        summary: 'A rendition of a processed asset (the links episodes and programs carry): HLS playlists and segments, MP3, waveform, poster, artwork',
        description: 'Supports Range (206) and conditional requests. With S3 storage, binary files answer 302 to a short-lived presigned URL.',
        // The wildcard (rendition and file) is checked by PlaybackLinks.keyFor; a '*' property here trips TypeBox's converter.
        params: Type.Object({ asset: Uuid, job: Uuid, token: Type.String({ maxLength: 64 }) }),
        response: { ...problems(400, 403, 404, 416) },
      },
      handler: async (request, reply) => {
        const origin = request.headers.origin;
        if (anyOrigin) reply.header('access-control-allow-origin', '*');
        else if (origin && allowed.has(origin)) reply.header('access-control-allow-origin', origin).header('vary', 'origin');
        reply.header('access-control-expose-headers', 'content-range, accept-ranges, content-length, etag');
        const params = request.params as { asset: string; job: string; token: string; '*': string };
        // A stable link, or a draft preview's short-lived one (playback.ts) for this very rendition set.
        const previewLink = links.verify(params.asset, params.job, params.token) ? undefined : links.verifyPreview(params.asset, params.job, params.token);
        if (previewLink === 'expired') {
          return sendProblem(request, reply, new HttpProblem('invalid-signature', 'This preview link has expired; open a new preview from the studio.'));
        }
        if (previewLink === 'invalid') {
          return sendProblem(request, reply, new HttpProblem('invalid-signature', 'This playback link is not valid (its token does not match); take the link from the API again.'));
        }
        const key = PlaybackLinks.keyFor(params.asset, params.job, params['*']);
        if (!key) return sendProblem(request, reply, new HttpProblem('not-found', `No rendition ${params['*']} here.`));
        // The link is genuine; is its content still public (or is this a preview: a preview link, or an editor's token)?
        const verdict = await access.access(params.asset);
        const preview = previewLink === 'valid' || (verdict === 'private' && (await isEditorPreview(request, platform.verify)));
        if (verdict === 'gone' || (verdict === 'private' && !preview)) {
          return sendProblem(request, reply, new HttpProblem('not-found', 'This media is not public: its episode or program was unpublished or deleted, or the file was deleted.'));
        }
        const cacheControl = preview ? PRIVATE_PLAY_CACHE_CONTROL : PUBLIC_PLAY_CACHE_CONTROL;
        if (storage.kind === 's3' && !passThrough(key)) {
          const url = await storage.signedUrl(key, { method: 'GET', expiresIn: PRESIGNED_SECONDS });
          if (!preview && isMp3(params['*']) && request.method === 'GET') count(request, reply.code(302), params.asset);
          return reply.code(302).header('location', url).header('cache-control', preview ? PRIVATE_PLAY_CACHE_CONTROL : `public, max-age=${REDIRECT_MAX_AGE}`).send();
        }
        const answered = await serveObject(request, reply, storage, key, true, cacheControl);
        if (!preview && isMp3(params['*']) && request.method === 'GET') count(request, reply, params.asset);
        return answered;
      },
    });
  });
}

/**
 * An editor previewing content that is not public: a CMS bearer token with at least the viewer role. (Players
 * that cannot send headers, such as a plain <audio> element, play public content only.)
 */
async function isEditorPreview(request: FastifyRequest, verify: TokenVerifier): Promise<boolean> {
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match) return false;
  try {
    return hasRole(await verify(match[1]!), 'viewer');
  } catch {
    return false;
  }
}

const isMp3 = (path: string) => path.startsWith('audio-mp3/');

/**
 * The bytes an answer gave: a 200 the whole file, a 206 its Content-Range. A redirect to S3 has not sent
 * anything yet: the request's Range says what the client asks of S3 (no Range: the whole file).
 */
function servedBytes(request: FastifyRequest, reply: FastifyReply, assetId: string): Served | undefined {
  const base = { assetId, address: request.ip, userAgent: request.headers['user-agent'] };
  if (reply.statusCode === 200) {
    const total = Number(reply.getHeader('content-length'));
    return Number.isFinite(total) && total > 0 ? { ...base, start: 0, end: total - 1, total } : undefined;
  }
  if (reply.statusCode === 206) {
    const range = parseContentRange(String(reply.getHeader('content-range') ?? ''));
    return range ? { ...base, ...range } : undefined;
  }
  if (reply.statusCode === 302) {
    const range = request.headers.range;
    if (!range) return { ...base, start: 0, end: undefined, total: undefined };
    const match = /^bytes=(\d+)-(\d*)$/.exec(range.trim());
    return match ? { ...base, start: Number(match[1]), end: match[2] ? Number(match[2]) : undefined, total: undefined } : undefined;
  }
  return undefined;
}
