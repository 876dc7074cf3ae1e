// What the studio asks for previews (issue 10), under /api/cms:
//   POST /api/cms/previews             a draft preview link for one program or episode (editors)
//   GET  /api/cms/assets/{id}/playback  short-lived links that play an asset's renditions (the studio's
//                                       rendition player), public or not
// Both hand out capabilities that expire after PREVIEW_TTL_SECONDS (content/preview-tokens.ts,
// media/api/playback.ts); neither changes anything, so nothing is audited.
import { Type } from 'typebox';
import type { Platform } from '../platform.js';
import type { App } from '../platform/http/server.js';
import { notFound } from '../platform/http/problem.js';
import { IdParams, StringEnum, Timestamp, Uuid, problems } from '../platform/http/schemas.js';
import type { PreviewTokens } from './preview-tokens.js';
import type { PlaybackLinks } from '../media/api/playback.js';
import { RenditionSchema, loadAsset } from '../media/api/assets.js';

const tags = ['Previews'];

const PreviewRequest = Type.Object({
  type: StringEnum(['program', 'episode'] as const, { description: 'What to preview' }),
  id: Uuid,
}, { additionalProperties: false, examples: [{ type: 'episode', id: '0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61' }] });

const PreviewLink = Type.Object({
  token: Type.String({ description: 'The preview token (the `preview` query parameter of the links)' }),
  expiresAt: Timestamp,
  links: Type.Object({
    ar: Type.String({ description: 'The Arabic page with the token' }),
    en: Type.String({ description: 'The English page with the token' }),
  }, { description: 'Absolute URLs of the public pages, rendered from the current draft while the token is valid' }),
});

export function registerPreviewLinkRoutes(app: App, platform: Platform, deps: { tokens: PreviewTokens; links: PlaybackLinks }) {
  const { db, config } = platform;
  const { tokens, links } = deps;

  app.post('/api/cms/previews', {
    config: { role: 'editor' },
    schema: {
      tags, summary: 'A short-lived preview link of a draft program or episode, as the public site will show it',
      description: 'The site renders the page from the current draft while the token is valid (PREVIEW_TTL_SECONDS, 30 minutes by default), never cached and never indexed. Anyone holding the link sees that one item until it expires.',
      body: PreviewRequest,
      response: { 201: PreviewLink, ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const { type, id } = request.body;
    const table = type === 'program' ? 'programs' : 'episodes';
    const [row] = await db.query<{ slug: string | null }>(
      `select ${type === 'program' ? 'slug' : 'null as slug'} from ${table} where id = $1 and deleted_at is null`,
      [id],
    );
    if (!row) throw notFound(type === 'program' ? 'Program' : 'Episode', id);
    const { token, expiresAt } = tokens.mint({ type, id });
    const path = type === 'program' ? `/programs/${encodeURIComponent(row.slug!)}` : `/episodes/${id}`;
    const link = (locale: 'ar' | 'en') => `${config.publicUrl}/${locale}${path}?preview=${encodeURIComponent(token)}`;
    return reply.code(201).header('cache-control', 'no-store')
      .send({ token, expiresAt: expiresAt.toISOString(), links: { ar: link('ar'), en: link('en') } });
  });

  app.get('/api/cms/assets/:id/playback', {
    config: { role: 'viewer' },
    schema: {
      tags, summary: "Short-lived links that play an asset's renditions whether or not its episode is public (the studio's preview player)",
      description: 'The renditions of GET /api/cms/assets/{id}, each `url` a preview link valid for PREVIEW_TTL_SECONDS: plain <audio>/<video> elements and hls.js play it without a bearer token.',
      params: IdParams,
      response: { 200: Type.Object({ expiresAt: Timestamp, renditions: Type.Array(RenditionSchema) }), ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const asset = await loadAsset(db, request.params.id, links);
    const expiresAt = new Date((Math.floor(Date.now() / 1000) + tokens.ttlSeconds) * 1000);
    return reply.header('cache-control', 'no-store').send({
      expiresAt: expiresAt.toISOString(),
      renditions: asset.renditions.map((r) => ({ ...r, url: links.previewUrl(r.url, expiresAt) })),
    });
  });
}
