// Draft previews (issue 10): the preview token (content/preview-tokens.ts), the preview playback links
// (media/api/playback.ts), the CMS endpoint that mints them, Discovery's preview reads and the site's preview
// pages (web role): expiry, another item, forged tokens, no-store/noindex headers, never cached, and the
// draft invisible without a token.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/config.js';
import { PreviewTokens } from '../../src/content/preview-tokens.js';
import { PlaybackLinks } from '../../src/media/api/playback.js';
import { startBackground } from '../../src/app.js';
import { mediaConsumer } from '../../src/media/jobs/media.consumer.js';
import { discoveryIndexer } from '../../src/discovery/indexer.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { scratchDir, tone } from '../media/media-fixtures.js';
import { multipart, pathOf, quiet, type Json } from '../media/media-app.js';
import { waitFor } from '../events/support.js';
import { readFile } from 'node:fs/promises';

const SECRET = 'preview-test-secret-0123456789-abcdefghij';
const EPISODE = '0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61';
const OTHER = '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('preview tokens', () => {
  const at = (seconds: number) => () => seconds * 1000;

  it('verifies its own token for the item and time it was made for', () => {
    const tokens = new PreviewTokens(Buffer.from(SECRET), 1800, at(1_000_000));
    const { token, expiresAt } = tokens.mint({ type: 'episode', id: EPISODE });
    expect(expiresAt.getTime()).toBe((1_000_000 + 1800) * 1000);
    expect(tokens.verify(token)).toEqual({ ok: true, type: 'episode', id: EPISODE, expiresAt });
    expect(token.length).toBeLessThan(200);
  });

  it('refuses it once expired, and says so', () => {
    const { token } = new PreviewTokens(Buffer.from(SECRET), 60, at(1_000_000)).mint({ type: 'program', id: EPISODE });
    expect(new PreviewTokens(Buffer.from(SECRET), 60, at(1_000_059)).verify(token).ok).toBe(true);
    expect(new PreviewTokens(Buffer.from(SECRET), 60, at(1_000_060)).verify(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses forged tokens: another secret, a changed payload (another item, a later expiry), a changed signature', () => {
    const tokens = new PreviewTokens(Buffer.from(SECRET), 1800, at(1_000_000));
    const { token } = tokens.mint({ type: 'episode', id: EPISODE });
    expect(new PreviewTokens(Buffer.from(`${SECRET}!`), 1800, at(1_000_000)).verify(token)).toEqual({ ok: false, reason: 'forged' });
    const [, mac] = token.split('.');
    const payload = (claims: object) => Buffer.from(JSON.stringify(claims)).toString('base64url');
    expect(tokens.verify(`${payload({ v: 1, t: 'episode', id: OTHER, exp: 1_001_800 })}.${mac}`)).toEqual({ ok: false, reason: 'forged' });
    expect(tokens.verify(`${payload({ v: 1, t: 'episode', id: EPISODE, exp: 9_999_999 })}.${mac}`)).toEqual({ ok: false, reason: 'forged' });
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(tokens.verify(flipped)).toEqual({ ok: false, reason: 'forged' });
    for (const bad of [undefined, '', 'x', 'a.b.c', `${token}.x`, `${token.split('.')[0]}.short`]) expect(tokens.verify(bad)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('is not a playback token: the two are signed under different labels', () => {
    const links = new PlaybackLinks(Buffer.from(SECRET), 'https://example.test');
    const tokens = new PreviewTokens(Buffer.from(SECRET), 1800);
    const playToken = links.token(EPISODE, OTHER);
    expect(tokens.verify(`${Buffer.from(JSON.stringify({ v: 1, t: 'episode', id: EPISODE, exp: 9_999_999_999 })).toString('base64url')}.${playToken}`)).toMatchObject({ ok: false, reason: 'forged' });
  });
});

describe('preview playback links', () => {
  const links = new PlaybackLinks(Buffer.from(SECRET), 'https://example.test');
  const expires = new Date(2_000_000_000 * 1000);

  it('swap the token of our links for one that opens that rendition set until it expires', () => {
    const stable = `https://example.test/play/${EPISODE}/${OTHER}/${links.token(EPISODE, OTHER)}/audio-hls/master.m3u8`;
    const preview = links.previewUrl(stable, expires);
    const token = new URL(preview).pathname.split('/')[4]!;
    expect(preview).toBe(`https://example.test/play/${EPISODE}/${OTHER}/${token}/audio-hls/master.m3u8`);
    expect(token.length).toBeLessThanOrEqual(64); // the /play route's limit
    expect(links.verifyPreview(EPISODE, OTHER, token, 1_999_999_999_000)).toBe('valid');
    expect(links.verifyPreview(EPISODE, OTHER, token, 2_000_000_000_000)).toBe('expired');
    expect(links.verifyPreview(OTHER, EPISODE, token, 0)).toBe('invalid');
    expect(links.verifyPreview(EPISODE, OTHER, token.replace(/^\d+/, '2000000001'), 0)).toBe('invalid');
    // Neither kind of token passes as the other.
    expect(links.verify(EPISODE, OTHER, token)).toBe(false);
    expect(links.verifyPreview(EPISODE, OTHER, links.token(EPISODE, OTHER), 0)).toBe('invalid');
  });

  it('leave other URLs alone (an imported enclosure, a forged link)', () => {
    expect(links.previewUrl('https://cdn.example.com/ep1.mp3', expires)).toBe('https://cdn.example.com/ep1.mp3');
    const forged = `https://example.test/play/${EPISODE}/${OTHER}/${'A'.repeat(43)}/audio-mp3/audio.mp3`;
    expect(links.previewUrl(forged, expires)).toBe(forged);
  });
});

describe('draft previews through the CMS, Discovery, /play and the site', () => {
  let t: TestApp;
  let editor: Record<string, string>;
  let program: Json;
  let episode: Json;
  let other: Json;
  let token: string;
  let stopWorker: () => Promise<void>;
  let cleanup: () => Promise<void>;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const mint = async (body: object, headers = editor) => t.app.inject({ method: 'POST', url: '/api/cms/previews', headers, payload: body });
  /** A token made by this server's secret at another time (an expired one). */
  const tokenAt = (ms: number, scope: { type: 'program' | 'episode'; id: string }) => new PreviewTokens(Buffer.from(SECRET), 60, () => ms).mint(scope).token;

  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = await scratchDir());
    await tone(join(dir, 'draft.wav'), 3);
    t = await createTestApp('pglite', { roles: [...ROLES], env: { MEDIA_SIGNING_KEY: SECRET, EVENT_POLL_MS: '50', MEDIA_POLL_MS: '100', PREVIEW_TTL_SECONDS: '600' } });
    stopWorker = startBackground(t.platform, ['relay', 'worker'], quiet, [mediaConsumer(), discoveryIndexer()]);
    editor = await t.auth('editor');
    const json = async (method: 'POST' | 'GET', url: string, payload?: object) => {
      const response = await t.app.inject({ method, url, headers: editor, ...(payload ? { payload } : {}) });
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response.json() as Json;
    };
    program = await json('POST', '/api/cms/programs', { kind: 'podcast', title: 'برنامج لم يُنشر', slug: 'draft-preview-program', language: 'ar' });
    episode = await json('POST', '/api/cms/episodes', { programId: program.id, title: 'حلقة مسودة: Draft episode', description: 'نص المسودة' });
    other = await json('POST', '/api/cms/episodes', { programId: program.id, title: 'Another draft' });
    const { payload, headers } = multipart('draft.wav', await readFile(join(dir, 'draft.wav')));
    const upload = await t.app.inject({ method: 'POST', url: `/api/cms/assets?ownerType=episode&ownerId=${episode.id}&kind=audio`, headers: { ...editor, ...headers }, payload });
    expect(upload.statusCode, upload.body).toBe(201);
    await waitFor('the draft episode to get its media', async () => ((await json('GET', `/api/cms/episodes/${episode.id}`)).media as Json[]).length >= 2, 90_000);
    const minted = await mint({ type: 'episode', id: episode.id });
    expect(minted.statusCode, minted.body).toBe(201);
    token = minted.json().token;
  }, 120_000);

  afterAll(async () => {
    await stopWorker?.();
    await t?.close();
    await cleanup?.();
  });

  it('mints links for editors only, for items that exist, expiring after PREVIEW_TTL_SECONDS', async () => {
    const before = Date.now();
    const response = await mint({ type: 'episode', id: episode.id });
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body.links).toEqual({
      ar: `${t.config.publicUrl}/ar/episodes/${episode.id}?preview=${body.token}`,
      en: `${t.config.publicUrl}/en/episodes/${episode.id}?preview=${body.token}`,
    });
    const ttl = (new Date(body.expiresAt).getTime() - before) / 1000;
    expect(ttl).toBeGreaterThan(590);
    expect(ttl).toBeLessThanOrEqual(601);
    const forProgram = (await mint({ type: 'program', id: program.id })).json();
    expect(forProgram.links.en).toBe(`${t.config.publicUrl}/en/programs/draft-preview-program?preview=${forProgram.token}`);
    expect((await mint({ type: 'episode', id: episode.id }, await t.auth('viewer'))).statusCode).toBe(403);
    expect((await mint({ type: 'episode', id: episode.id }, {})).statusCode).toBe(401);
    expect((await mint({ type: 'episode', id: OTHER })).statusCode).toBe(404);
    expect((await mint({ type: 'person', id: episode.id })).statusCode).toBe(400);
  });

  it('reads the draft through Discovery with the token only: no-store, noindex, preview playback links', async () => {
    expect((await get(`/api/discovery/episodes/${episode.id}`)).statusCode).toBe(404);
    expect((await get(`/api/discovery/preview/episodes/${episode.id}`)).statusCode).toBe(400);
    const response = await get(`/api/discovery/preview/episodes/${episode.id}?token=${token}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-robots-tag']).toBe('noindex, nofollow');
    const draft = response.json();
    expect(draft).toMatchObject({ id: episode.id, title: 'حلقة مسودة: Draft episode', program: { slug: 'draft-preview-program' } });
    expect(draft.media.map((m: Json) => m.mimeType).sort()).toEqual(['application/vnd.apple.mpegurl', 'audio/mpeg']);
    // Twice the same answer, and still nothing public.
    expect((await get(`/api/discovery/preview/episodes/${episode.id}?token=${token}`)).statusCode).toBe(200);
    expect((await get(`/api/discovery/episodes/${episode.id}`)).statusCode).toBe(404);
  });

  it('refuses another item, a forged token and an expired one, with the reason and without the draft', async () => {
    const refused = async (url: string, reason: string) => {
      const response = await get(url);
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json()).toMatchObject({ type: '/api/problems#invalid-preview', reason });
      expect(response.body).not.toContain('مسودة');
    };
    await refused(`/api/discovery/preview/episodes/${other.id}?token=${token}`, 'wrong-item');
    const programToken = (await mint({ type: 'program', id: program.id })).json().token;
    await refused(`/api/discovery/preview/episodes/${episode.id}?token=${programToken}`, 'wrong-item');
    await refused(`/api/discovery/preview/programs/another-slug?token=${programToken}`, 'wrong-item');
    await refused(`/api/discovery/preview/programs/draft-preview-program?token=${token}`, 'wrong-item');
    await refused(`/api/discovery/preview/episodes/${episode.id}?token=${token.slice(0, -2)}AA`, 'forged');
    await refused(`/api/discovery/preview/episodes/${episode.id}?token=${tokenAt(Date.now() - 61_000, { type: 'episode', id: episode.id })}`, 'expired');
    await refused(`/api/discovery/preview/episodes/${episode.id}?token=nonsense`, 'malformed');
  });

  it('plays the draft through its preview links only: private, no-store; nothing else opens', async () => {
    const draft = (await get(`/api/discovery/preview/episodes/${episode.id}?token=${token}`)).json();
    const stable = ((await get(`/api/cms/episodes/${episode.id}`, editor)).json().media as Json[]);
    for (const media of draft.media) {
      const response = await get(pathOf(media.url));
      expect(response.statusCode, media.url).toBe(200);
      expect(response.headers['cache-control']).toBe('private, no-store');
    }
    // The HLS master's relative URIs resolve under the same preview token.
    const master = draft.media.find((m: Json) => m.mimeType === 'application/vnd.apple.mpegurl').url as string;
    const variant = (await get(pathOf(master))).body.split('\n').find((line) => line.endsWith('.m3u8'))!;
    const variantUrl = new URL(variant, master).href;
    const playlist = await get(pathOf(variantUrl));
    expect(playlist.statusCode).toBe(200);
    const segment = playlist.body.split('\n').find((line) => line && !line.startsWith('#'))!;
    expect((await get(pathOf(new URL(segment, variantUrl).href))).statusCode).toBe(200);
    // The stable links of a draft stay closed to players without an editor's token.
    for (const media of stable) expect((await get(pathOf(media.url))).statusCode).toBe(404);
    // An expired preview link, or one moved onto another asset, is refused.
    const [, , asset, job, previewToken] = new URL(master).pathname.split('/');
    const expired = links().previewToken(asset!, job!, new Date(Date.now() - 1000));
    const expiredResponse = await get(pathOf(master).replace(previewToken!, expired));
    expect(expiredResponse.statusCode).toBe(403);
    expect(expiredResponse.json().detail).toMatch(/expired/);
    expect((await get(pathOf(master).replace(asset!, OTHER))).statusCode).toBe(403);
  });

  it('gives the studio short-lived links to every rendition of an asset', async () => {
    const assets = (await get(`/api/cms/assets?ownerType=episode&ownerId=${episode.id}`, editor)).json().items as Json[];
    const response = await get(`/api/cms/assets/${assets[0].id}/playback`, await t.auth('viewer'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { renditions } = response.json();
    expect(renditions.map((r: Json) => r.role)).toEqual(expect.arrayContaining(['hls-master', 'mp3']));
    for (const r of renditions) expect((await get(pathOf(r.url))).statusCode, r.role).toBe(200);
    expect((await get(`/api/cms/assets/${assets[0].id}/playback`)).statusCode).toBe(401);
  });

  it('renders the preview page from the draft: no-store, noindex, a banner, never cached; the public URL stays a 404', async () => {
    const pageCache = () => ({ hits: t.web!.pages.hits, misses: t.web!.pages.misses });
    const before = { ...pageCache() };
    for (let i = 0; i < 2; i++) {
      const page = await get(`/en/episodes/${episode.id}?preview=${token}`);
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['x-robots-tag']).toBe('noindex, nofollow');
      expect(page.body).toContain('حلقة مسودة: Draft episode');
      expect(page.body).toContain('Preview — not published');
      expect(page.body).toContain('<meta name="robots" content="noindex"/>');
    }
    expect(pageCache()).toEqual(before); // the page cache was not even asked
    const arabic = await get(`/ar/episodes/${episode.id}?preview=${token}`);
    expect(arabic.body).toContain('معاينة — غير منشور');
    const publicPage = await get(`/en/episodes/${episode.id}`);
    expect(publicPage.statusCode).toBe(404);
    expect(publicPage.body).not.toContain('حلقة مسودة');
    const programToken = (await mint({ type: 'program', id: program.id })).json().token;
    const programPage = await get(`/en/programs/draft-preview-program?preview=${programToken}`);
    expect(programPage.statusCode).toBe(200);
    expect(programPage.body).toContain('برنامج لم يُنشر');
    expect((await get('/en/programs/draft-preview-program')).statusCode).toBe(404);
  });

  it('answers a refused link with the site’s error page, not cached, saying why, without the draft', async () => {
    const cases = [
      [`/en/episodes/${episode.id}?preview=${tokenAt(Date.now() - 61_000, { type: 'episode', id: episode.id })}`, 'This preview link has expired'],
      [`/en/episodes/${other.id}?preview=${token}`, 'This preview link is not valid'],
      [`/en/episodes/${episode.id}?preview=${token.slice(0, -2)}AA`, 'This preview link is not valid'],
      [`/ar/episodes/${episode.id}?preview=`, 'رابط المعاينة غير صالح'],
    ] as const;
    for (const [url, title] of cases) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(403);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['x-robots-tag']).toBe('noindex, nofollow');
      expect(page.body).toContain(title);
      expect(page.body).not.toContain('مسودة');
    }
  });

  const links = () => new PlaybackLinks(Buffer.from(SECRET), t.config.publicUrl);
});
