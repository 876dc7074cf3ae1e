// GET /feeds/<program id>.xml (also /feeds/<slug>.xml): a public program's podcast feed.
//
// Why here and by id: podcast apps and directories keep a feed's URL for years, so the canonical URL uses
// the program's id, which never changes (a slug does when a program is renamed); the slug form is a
// convenience for people, and the feed's atom:link rel="self" names the id form. Feeds live beside the
// Discovery API (same role, same read model) but outside /api/discovery: they are XML for podcast apps,
// not JSON for our clients, and are cached longer.
//
// Caching: the rendering is cached under the read model's generation (any public change makes a new one),
// like Discovery's responses. ETag is a hash of the bytes; Last-Modified is when those bytes last changed
// (feed_renditions), so it moves forward also when an episode leaves the feed. Both answer 304. Clients
// that accept br or gzip get a compressed copy, made once per feed version.
import { createHash } from 'node:crypto';
import { Type } from 'typebox';
import type { Platform } from '../platform.js';
import type { Queryable } from '../platform/db/db.js';
import type { App } from '../platform/http/server.js';
import { HttpProblem } from '../platform/http/problem.js';
import { CompressedCopies, chooseEncoding } from '../platform/http/compression.js';
import { problems } from '../platform/http/schemas.js';
import type { GenerationClock } from '../discovery/response-cache.js';
import { loadFeed } from './read.js';
import { renderFeed, type FeedSettings } from './render.js';
import { notModified } from '../platform/http/preconditions.js';

const FEED_CACHE_CONTROL = 'public, max-age=300, s-maxage=300, stale-while-revalidate=3600';
const TTL_MS = 60_000;

interface Rendering {
  etag: string;
  lastModified: string;
  body: string;
}

/** When this program's feed last changed bytes: now if the ETag is new, else when it was. */
async function lastModified(q: Queryable, programId: string, etag: string): Promise<Date> {
  try {
    const [changed] = await q.query<{ last_modified: Date }>(
      `insert into feed_renditions (program_id, etag, last_modified) values ($1, $2, date_trunc('second', now()))
       on conflict (program_id) do update set etag = excluded.etag,
         -- At least a second later than the last change: HTTP dates have whole seconds, and a client holding
         -- the previous date must not be told "not modified" for a change made within the same second.
         last_modified = greatest(excluded.last_modified, feed_renditions.last_modified + interval '1 second')
         where feed_renditions.etag <> excluded.etag
       returning last_modified`,
      [programId, etag],
    );
    if (changed) return changed.last_modified;
    const [row] = await q.query<{ last_modified: Date }>('select last_modified from feed_renditions where program_id = $1', [programId]);
    if (row) return row.last_modified;
  } catch {
    // The program left the read model between the read and this write: the feed is about to 404 anyway.
  }
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}

async function renderProgramFeed(q: Queryable, ref: string, settings: FeedSettings): Promise<Rendering | null> {
  const content = await loadFeed(q, ref);
  if (!content) return null;
  const body = renderFeed(content, settings);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { etag, lastModified: (await lastModified(q, content.program.id, etag)).toUTCString(), body };
}

export function registerFeedRoutes(app: App, platform: Platform, generation: GenerationClock) {
  const settings: FeedSettings = { publicUrl: platform.config.publicUrl, ownerEmail: platform.config.feedsOwnerEmail };
  const inflight = new Map<string, Promise<Rendering | null>>();
  const compressed = new CompressedCopies();

  const rendering = async (ref: string): Promise<Rendering | null> => {
    const key = `feed:${generation.value}:${ref}`;
    const cached = await platform.cache.get(key);
    if (cached !== undefined) return cached === '' ? null : (JSON.parse(cached) as Rendering);
    let pending = inflight.get(key);
    if (!pending) {
      // Concurrent misses for one feed share one rendering.
      pending = renderProgramFeed(platform.db, ref, settings)
        .then(async (result) => {
          await platform.cache.set(key, result ? JSON.stringify(result) : '', result ? TTL_MS : 10_000);
          return result;
        })
        .finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    return pending;
  };

  app.get('/feeds/:ref.xml', {
    config: { publicRead: true },
    schema: {
      tags: ['Feeds'],
      summary: "A public program's podcast feed (RSS 2.0 with iTunes and Podcasting 2.0 tags)",
      description: 'The canonical URL uses the program id (`feedUrl` in Discovery program documents); a slug works too. ' +
        'Published episodes only, newest first. ETag and Last-Modified answer If-None-Match / If-Modified-Since with 304.',
      params: Type.Object({ ref: Type.String({ minLength: 1, maxLength: 200, description: 'Program id (canonical) or slug' }) }, { additionalProperties: false }),
      response: {
        200: { description: 'The feed', content: { 'application/rss+xml': { schema: { type: 'string' } } } },
        304: { description: 'Not modified since the ETag / date the client has', type: 'null' },
        ...problems(400, 404),
      },
    },
  }, async (request, reply) => {
    const feed = await rendering(request.params.ref);
    if (!feed) throw new HttpProblem('not-found', `No public program "${request.params.ref}" (drafts and unpublished programs have no feed).`);
    reply
      .header('etag', feed.etag)
      .header('last-modified', feed.lastModified)
      .header('cache-control', FEED_CACHE_CONTROL)
      .header('vary', 'accept-encoding')
      // Web players read feeds from other origins.
      .header('access-control-allow-origin', '*');
    if (notModified(request.headers, { etag: feed.etag, lastModified: feed.lastModified })) return reply.code(304).send(null);
    reply.code(200).type('application/rss+xml; charset=utf-8');
    // Podcast apps poll feeds all day and nearly all accept gzip: a big feed shrinks 5-10x, made once per version.
    const encoding = chooseEncoding(request.headers['accept-encoding'], feed.body.length);
    if (!encoding) return reply.send(feed.body);
    // A compressed body is another representation, so its validator is weak (W/ keeps If-None-Match working).
    const bytes = await compressed.get(feed.etag, feed.body, encoding);
    // The schema types the body as the XML string; these are its compressed bytes, which Fastify sends as they are.
    return reply.header('etag', `W/${feed.etag}`).header('content-encoding', encoding).send(bytes as unknown as string);
  });
}
