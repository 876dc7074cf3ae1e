// What the studio's media section relies on (issue 10): the upload settings it reads to choose between
// a streamed and a presigned upload, the presigned path on embedded defaults (the server signs its own
// /media URL), cancelling an upload while its bytes are on their way (and the sweep that deletes bytes
// sent after the cancel), and warnings as codes with their numbers (`notices`), checked against the
// sentences the real steps write.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processArtwork } from '../../src/media/steps/artwork.js';
import { processAudio } from '../../src/media/steps/audio.js';
import { processVideo } from '../../src/media/steps/video.js';
import { classifyWarning } from '../../src/media/steps/warnings.js';
import { call, createEpisodeFor, createMediaApp, pathOf, storedKeys, sweeper, type MediaApp } from './media-app.js';
import { availableBackends } from '../support/databases.js';
import { clip, ffmpeg, lavfi, scratchDir, tone } from './media-fixtures.js';
import { readFile } from 'node:fs/promises';

describe('upload settings and presigned uploads on embedded defaults (PGlite, local storage)', () => {
  let t: MediaApp;
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await scratchDir());
    t = await createMediaApp('pglite', 'local', { MEDIA_PRESIGNED_UPLOAD_BYTES: '65536', PUBLIC_URL: 'http://studio.test:8080' });
  });
  afterAll(async () => {
    await t?.close();
    await cleanup?.();
  });

  it('tells any CMS role from what size to upload with a presigned PUT, and refuses the anonymous', async () => {
    const viewer = await t.auth('viewer');
    const { body, headers } = await call(t, 'GET', '/api/cms/assets/upload-settings', { headers: viewer, expect: 200 });
    expect(body).toEqual({ presignedFromBytes: 65536, maxBytes: t.config.mediaMaxBytes, storage: 'local', uploadUrlSeconds: 6 * 3600 });
    expect(headers['cache-control']).toBe('no-store');
    const anonymous = await call(t, 'GET', '/api/cms/assets/upload-settings', { expect: 401 });
    expect(anonymous.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('defaults to 32 MiB', async () => {
    const { loadConfig } = await import('../../src/config.js');
    expect(loadConfig({ DATA_DIR: dir }).mediaPresignedUploadBytes).toBe(32 * 1024 ** 2);
    expect(() => loadConfig({ DATA_DIR: dir, MEDIA_PRESIGNED_UPLOAD_BYTES: '0' })).toThrow(/MEDIA_PRESIGNED_UPLOAD_BYTES/);
  });

  it('signs its own /media URL under PUBLIC_URL: PUT, complete, processing queued', async () => {
    const editor = await t.auth('editor');
    const { episode } = await createEpisodeFor(t, editor);
    const input = join(dir, 'tone.wav');
    await tone(input, 2);
    const bytes = await readFile(input);
    const started = await call(t, 'POST', '/api/cms/assets/uploads', {
      headers: editor, expect: 201, body: { ownerType: 'episode', ownerId: episode.id, kind: 'audio', fileName: 'نغمة.wav', byteSize: bytes.length },
    });
    const { url, headers } = started.body.upload;
    expect(url.startsWith(`http://studio.test:8080/media/assets/${started.body.asset.id}/original/source?`)).toBe(true);
    expect(headers).toEqual({ 'content-type': 'application/octet-stream' }); // no If-None-Match: the local route is single-use itself
    const put = await t.app.inject({ method: 'PUT', url: pathOf(url), headers, payload: bytes });
    expect(put.statusCode).toBe(200);
    const done = await call(t, 'POST', `/api/cms/assets/${started.body.asset.id}/complete`, { headers: editor, expect: 200 });
    expect(done.body).toMatchObject({ status: 'uploaded', original: { fileName: 'نغمة.wav', byteSize: bytes.length, contentType: 'audio/wav' }, notices: [] });
  });

  it('does not reprocess a presigned upload refused at complete (its bytes were deleted)', async () => {
    const editor = await t.auth('editor');
    const { episode } = await createEpisodeFor(t, editor);
    const bytes = Buffer.from('%PDF-1.4\n' + 'x'.repeat(2000));
    const started = await call(t, 'POST', '/api/cms/assets/uploads', {
      headers: editor, expect: 201, body: { ownerType: 'episode', ownerId: episode.id, kind: 'audio', fileName: 'talk.mp3', byteSize: bytes.length },
    });
    await t.app.inject({ method: 'PUT', url: pathOf(started.body.upload.url), headers: started.body.upload.headers, payload: bytes });
    const refused = await call(t, 'POST', `/api/cms/assets/${started.body.asset.id}/complete`, { headers: editor, expect: 415 });
    expect(refused.body.detail).toMatch(/PDF/);
    expect((await call(t, 'GET', `/api/cms/assets/${started.body.asset.id}`, { headers: editor })).body).toMatchObject({ status: 'failed', error: { code: 'unsupported-type' } });
    const again = await call(t, 'POST', `/api/cms/assets/${started.body.asset.id}/reprocess`, { headers: editor, expect: 409 });
    expect(again.body.detail).toMatch(/refused when its upload was completed .* upload the file again/);
  });
});

describe.each(availableBackends())('cancelling a presigned upload on %s', (backend) => {
  it('cancels an upload before complete; bytes that still arrive through the URL are swept, and it cannot be completed or reprocessed', async () => {
    const t = await createMediaApp(backend, 'local');
    try {
      const editor = await t.auth('editor');
      const { episode } = await createEpisodeFor(t, editor);
      const bytes = randomBytes(100_000); // never checked: the upload is cancelled before complete
      const started = await call(t, 'POST', '/api/cms/assets/uploads', {
        headers: editor, expect: 201, body: { ownerType: 'episode', ownerId: episode.id, kind: 'audio', fileName: 'x.wav', byteSize: bytes.length },
      });
      const id = started.body.asset.id;
      const cancelled = await call(t, 'POST', `/api/cms/assets/${id}/cancel`, { headers: editor, expect: 200 });
      expect(cancelled.body.status).toBe('cancelled');
      // The URL is still valid (it cannot be recalled): the bytes land anyway.
      const put = await t.app.inject({ method: 'PUT', url: pathOf(started.body.upload.url), headers: started.body.upload.headers, payload: bytes });
      expect(put.statusCode).toBe(200);
      const complete = await call(t, 'POST', `/api/cms/assets/${id}/complete`, { headers: editor, expect: 409 });
      expect(complete.body.detail).toMatch(/is cancelled, not waiting for an upload/);
      await call(t, 'POST', `/api/cms/assets/${id}/reprocess`, { headers: editor, expect: 409 });
      const before = await t.platform.db.query<{ n: number }>(`select count(*)::int as n from outbox where entity_id = $1`, [id]);

      await sweeper(t).purge();
      expect((await call(t, 'GET', `/api/cms/assets/${id}`, { headers: editor })).status).toBe(404);
      expect(await storedKeys(t, id)).toEqual([]);
      // Nothing outside the CMS heard of it: no media.cancelled, no media.deleted.
      const after = await t.platform.db.query<{ n: number }>(`select count(*)::int as n from outbox where entity_id = $1`, [id]);
      expect(after[0]!.n).toBe(before[0]!.n);
      expect(before[0]!.n).toBe(0);
    } finally {
      await t.close();
    }
  }, 60_000);
});

describe('warnings as codes (notices), from the sentences the real steps write', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await scratchDir());
  });
  afterAll(() => cleanup());

  const codes = (warnings: string[]) => warnings.map(classifyWarning).map(({ code, params }) => ({ code, params }));

  it('artwork: not square, too small, too large, CMYK, transparency', async () => {
    const wide = join(dir, 'wide.png');
    await sharp({ create: { width: 800, height: 600, channels: 4, background: { r: 200, g: 40, b: 40, alpha: 0.5 } } }).png().toFile(wide);
    expect(codes((await processArtwork(wide, join(dir, 'wide-out'), { claimedName: 'غلاف.png' })).warnings)).toEqual([
      { code: 'not-square', params: { width: 800, height: 600, side: 600 } },
      { code: 'too-small', params: { size: 1400 } },
      { code: 'transparency', params: {} },
    ]);
    const huge = join(dir, 'huge.jpg');
    await sharp({ create: { width: 3200, height: 3200, channels: 3, background: '#336699' } }).toColourspace('cmyk').jpeg().toFile(huge);
    expect(codes((await processArtwork(huge, join(dir, 'huge-out'))).warnings)).toEqual([
      { code: 'too-large', params: { size: 3000 } },
      { code: 'cmyk', params: {} },
    ]);
  }, 60_000);

  it('audio and video: silence, no audio track', async () => {
    const silence = join(dir, 'silence.wav');
    await ffmpeg([...lavfi('anullsrc=r=44100:cl=mono'), '-t', '2', silence]);
    expect(codes((await processAudio(silence, join(dir, 'silence-out'))).warnings)).toEqual([{ code: 'silent', params: {} }]);
    const film = join(dir, 'film.mp4');
    await clip(film, { width: 160, height: 120, seconds: 1, audio: false });
    expect(codes((await processVideo(film, join(dir, 'film-out'))).warnings)).toEqual([{ code: 'no-audio', params: {} }]);
  }, 60_000);

  it('the sentence of an estimated duration, and anything else as "other"', () => {
    expect(classifyWarning('"a.mp3" has no duration header (VBR MP3 without Xing/VBRI?): its duration, 30.0 s, was measured by decoding (the header suggested 37.3 s)'))
      .toMatchObject({ code: 'estimated-duration', params: { seconds: 30 } });
    expect(classifyWarning('something new')).toEqual({ code: 'other', message: 'something new', params: {} });
  });
});
