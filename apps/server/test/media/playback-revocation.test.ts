// Playback links stop with publication (issue 15, defect 8). A /play link used to keep answering 200 with
// `immutable, max-age=31536000` after its episode was deleted. Now each /play checks that the asset's owner
// is public (cached for PLAYBACK_ACCESS_CACHE_MS, 15 s by default, shortened here), and public answers may be
// reused for 30 s at most: a deleted or unpublished episode stops playing within 45 s, under the 60 s aim.
// Editors still preview what is not public, with their bearer token (answers `private, no-store`).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAY_ACCESS_CACHE_MS, PLAY_MAX_AGE_SECONDS } from '../../src/media/api/play-access.js';
import { waitFor } from '../events/support.js';
import { scratchDir, tone } from './media-fixtures.js';
import { call, createEpisodeFor, createMediaApp, pathOf, upload, waitForAsset, type Json, type MediaApp } from './media-app.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir());
  await tone(join(dir, 'short.wav'), 2);
});
afterAll(() => cleanup());

describe('playback links follow publication', () => {
  let t: MediaApp;
  let editor: Record<string, string>;
  let episode: Json;
  let mp3: string;
  let hls: string;
  const play = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: pathOf(url), headers });
  /** Polls a link until it answers `status`; returns how long that took. */
  const until = async (url: string, status: number) => {
    const start = Date.now();
    await waitFor(`${url} to answer ${status}`, async () => (await play(url)).statusCode === status, 60_000);
    return Date.now() - start;
  };

  beforeAll(async () => {
    t = await createMediaApp('pglite', 'local', { PLAYBACK_ACCESS_CACHE_MS: '300' });
    editor = await t.auth('editor');
    ({ episode } = await createEpisodeFor(t, editor, { publish: true }));
    t.startWorker();
    const uploaded = (await upload(t, editor, { type: 'episode', id: episode.id, kind: 'audio' }, join(dir, 'short.wav'), 'short.wav')).body;
    const asset = await waitForAsset(t, editor, uploaded.id, ['ready', 'failed']);
    expect(asset.status).toBe('ready');
    mp3 = asset.renditions.find((r: Json) => r.role === 'mp3').url;
    hls = asset.renditions.find((r: Json) => r.role === 'hls-master').url;
  }, 120_000);
  afterAll(() => t?.close());

  it('bounds revocation under 60 s by its parts: the access cache and how long answers may be reused', () => {
    expect(PLAY_ACCESS_CACHE_MS / 1000 + PLAY_MAX_AGE_SECONDS).toBeLessThanOrEqual(60);
  });

  it('plays a public episode with answers that caches revalidate, never immutable for a year', async () => {
    for (const url of [mp3, hls]) {
      const response = await play(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe(`public, max-age=${PLAY_MAX_AGE_SECONDS}`);
    }
  });

  it('stops playing soon after the episode is unpublished, and plays again when it is republished', async () => {
    await call(t, 'POST', `/api/cms/episodes/${episode.id}/unpublish`, { headers: editor, expect: 200 });
    const stopped = await until(mp3, 404);
    expect(stopped).toBeLessThan(60_000);
    expect((await play(hls)).statusCode).toBe(404);
    expect((await play(mp3)).json()).toMatchObject({ type: '/api/problems#not-found' });
    // An editor previews it with a token; that answer is for that editor only.
    const preview = await play(mp3, editor);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['cache-control']).toBe('private, no-store');
    await call(t, 'POST', `/api/cms/episodes/${episode.id}/publish`, { headers: editor, expect: 200 });
    await until(mp3, 200);
  });

  it('stops playing soon after the episode is deleted, for editors too', async () => {
    await call(t, 'DELETE', `/api/cms/episodes/${episode.id}`, { headers: editor, expect: 200 });
    expect(await until(mp3, 404)).toBeLessThan(60_000);
    expect((await play(mp3, editor)).statusCode).toBe(404);
  });
});
