// Draft previews for the site (issue 10): the program or episode as its public page will show it, read
// from the CMS's current draft (discovery/documents.ts, `draft`) when the request carries a valid
// preview token (content/preview-tokens.ts) for that very item.
//
// Why here, beside Discovery, and not in the CMS: the site's loaders reach Discovery only (in process, or
// over WEB_API_URL to the discovery pods), so a preview needs no new path from the web role to the CMS
// and no editor credentials in the web role. The token is the whole authorisation, and it grants one
// item for minutes. What changes from the public routes:
//   - never the response cache, never a shared cache: `Cache-Control: no-store` and `X-Robots-Tag: noindex`;
//   - playback links are swapped for short-lived preview links (media/api/playback.ts), because /play refuses
//     a draft's renditions to a player holding only the public link.
// A bad token answers 403 `invalid-preview` with its reason, and never a byte of the draft.
import { Type } from 'typebox';
import type { App } from '../platform/http/server.js';
import type { Queryable } from '../platform/db/db.js';
import { HttpProblem } from '../platform/http/problem.js';
import { Page, Uuid, problems } from '../platform/http/schemas.js';
import { loadPublicEpisode, loadPublicProgram, PublicEpisodeSchema, type PublicEpisode } from './documents.js';
import type { PreviewTokens, PreviewType } from '../content/preview-tokens.js';
import type { PlaybackLinks } from '../media/api/playback.js';
import { ProgramCardSchema } from './routes.js';

const PREVIEW_HEADERS = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' } as const;

const TokenQuery = Type.Object({ token: Type.String({ maxLength: 512, description: 'The preview token of the link the studio made' }) }, { additionalProperties: false });

export interface PreviewDeps {
  tokens: PreviewTokens;
  links: PlaybackLinks;
}

export function registerPreviewRoutes(app: App, db: Queryable, { tokens, links }: PreviewDeps) {
  const tags = ['Discovery'];

  /** The token's scope and expiry, or a 403 that says why not. */
  function check(token: string, type: PreviewType, matches: (id: string) => boolean) {
    const verdict = tokens.verify(token);
    if (!verdict.ok) {
      const why = { malformed: 'is not a preview token', forged: 'has a signature that does not match', expired: 'has expired' }[verdict.reason];
      throw new HttpProblem('invalid-preview', `This preview link ${why}; open a new preview from the studio.`, { reason: verdict.reason });
    }
    if (verdict.type !== type || !matches(verdict.id)) {
      throw new HttpProblem('invalid-preview', `This preview link was made for another ${verdict.type}.`, { reason: 'wrong-item' });
    }
    return verdict;
  }

  const withPreviewMedia = (episode: PublicEpisode, expiresAt: Date): PublicEpisode => ({
    ...episode,
    media: episode.media.map((m) => ({ ...m, url: links.previewUrl(m.url, expiresAt) })),
  });

  app.get('/api/discovery/preview/episodes/:id', {
    schema: {
      tags, summary: 'A draft episode as its public page will show it (with a preview token from POST /api/cms/previews)',
      description: 'Never cached (no-store) nor indexed. Its media links are short-lived preview links that play although the episode is not public.',
      params: Type.Object({ id: Uuid }, { additionalProperties: false }), querystring: TokenQuery,
      response: { 200: PublicEpisodeSchema, ...problems(400, 403, 404, 429) },
    },
  }, async (request, reply) => {
    const { expiresAt } = check(request.query.token, 'episode', (id) => id === request.params.id);
    const episode = await loadPublicEpisode(db, request.params.id, { draft: true });
    if (!episode) throw new HttpProblem('not-found', `Episode ${request.params.id} does not exist or is deleted`);
    return reply.headers(PREVIEW_HEADERS).send(withPreviewMedia(episode, expiresAt));
  });

  app.get('/api/discovery/preview/programs/:slug', {
    schema: {
      tags, summary: 'A draft program as its public page will show it, with the episodes it would list (with a preview token)',
      description: 'Never cached (no-store) nor indexed. The token names the program by id; the slug must be its current one.',
      params: Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }), querystring: TokenQuery,
      response: { 200: Type.Object({ program: ProgramCardSchema, episodes: Page(PublicEpisodeSchema) }), ...problems(400, 403, 404, 429) },
    },
  }, async (request, reply) => {
    // The slug is checked after the token, so a forged or foreign token learns nothing about drafts.
    const { id, expiresAt } = check(request.query.token, 'program', () => true);
    const program = await loadPublicProgram(db, id, { draft: true });
    if (!program) throw new HttpProblem('not-found', `Program ${id} does not exist or is deleted`);
    if (program.slug !== request.params.slug) throw new HttpProblem('invalid-preview', 'This preview link was made for another program.', { reason: 'wrong-item' });
    // The episodes its public page would list once it is published: published, due, not deleted.
    const rows = await db.query<{ id: string }>(
      `select id from episodes where program_id = $1 and status = 'published' and publish_at <= now() and deleted_at is null
        order by publish_at desc, id desc limit 24`,
      [id],
    );
    const [{ count } = { count: 0 }] = await db.query<{ count: number }>(
      `select count(*)::int as count from episodes where program_id = $1 and status = 'published' and publish_at <= now() and deleted_at is null`,
      [id],
    );
    const episodes: PublicEpisode[] = [];
    for (const row of rows) {
      const episode = await loadPublicEpisode(db, row.id, { draft: true });
      if (episode) episodes.push(withPreviewMedia(episode, expiresAt));
    }
    return reply.headers(PREVIEW_HEADERS).send({
      program: { ...program, episodeCount: count, latestEpisodeAt: episodes[0]?.publishAt ?? null, feedUrl: `/feeds/${id}.xml` },
      episodes: { items: episodes, nextCursor: null },
    });
  });
}
