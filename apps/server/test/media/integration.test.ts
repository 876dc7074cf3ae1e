// Media end to end, on both databases and both storage adapters: a tone uploaded through the CMS API is
// processed by the worker (started as `thmnayah start` starts it), the asset becomes ready, the episode
// gets the duration measured from the file and playable links, and the Discovery document carries an HLS
// master and an MP3 that play: the MP3 answers a Range request with 206, and every rendition the master
// lists has segments ffprobe reads. The server-sent events show queued → processing (rising) → ready.
// Also: the presigned upload flow, and program artwork.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { probe } from '../../src/media/steps/probe.js';
import { availableBackends } from '../support/databases.js';
import { waitFor } from '../events/support.js';
import { clip, pdf, scratchDir, tone } from './media-fixtures.js';
import { call, createEpisodeFor, createMediaApp, parseEvents, pathOf, upload, waitForAsset, type Json, type MediaApp, type StorageKind } from './media-app.js';

const storages: StorageKind[] = ['local', 's3'];
const cases = availableBackends().flatMap((backend) => storages.map((storage) => [backend, storage] as const));

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir());
});
afterAll(() => cleanup());

/** GET a playback link through the app; with S3, follow the redirect to the (loopback) S3 server. */
async function play(t: MediaApp, url: string, headers: Record<string, string> = {}) {
  const response = await t.app.inject({ method: 'GET', url: pathOf(url), headers });
  if (response.statusCode !== 302) return { status: response.statusCode, headers: response.headers as Record<string, unknown>, body: response.rawPayload };
  expect(t.storageKind).toBe('s3');
  const followed = await fetch(String(response.headers.location), { headers });
  return { status: followed.status, headers: Object.fromEntries(followed.headers) as Record<string, unknown>, body: Buffer.from(await followed.arrayBuffer()) };
}

const uris = (playlist: string) => playlist.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

describe.each(cases)('media on %s with %s storage', (backend, storageKind) => {
  let t: MediaApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('uploads, processes and publishes a tone: duration from the file, playable HLS and MP3 in Discovery, events as it goes', async () => {
    t = await createMediaApp(backend, storageKind);
    const editor = await t.auth('editor');
    const { episode } = await createEpisodeFor(t, editor, { publish: true });
    t.startWorker();
    const wav = join(dir, `tone-${backend}-${storageKind}.wav`);
    await tone(wav, 12);
    const source = await probe(wav);

    const uploaded = await upload(t, editor, { type: 'episode', id: episode.id, kind: 'audio' }, wav, 'episode-1.wav');
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body).toMatchObject({ status: 'uploaded', kind: 'audio', original: { fileName: 'episode-1.wav', contentType: 'audio/wav', byteSize: source.bytes } });
    const id = uploaded.body.id as string;
    const stream = t.app.inject({ method: 'GET', url: `/api/cms/assets/${id}/events`, headers: editor });

    const asset = await waitForAsset(t, editor, id, ['ready', 'failed']);
    expect(asset.error).toBeNull();
    expect(asset).toMatchObject({ status: 'ready', percent: 100, attempts: 1, job: { status: 'succeeded', attempt: 1, runner: 'local' } });
    expect(asset.durationSeconds).toBeCloseTo(source.durationSeconds, 1);
    expect(asset.renditions.map((r: Json) => r.role).sort()).toEqual(['hls-master', 'hls-playlist', 'mp3', 'waveform']);

    // The event stream ended with the job: uploaded → queued → processing (rising) → ready.
    const streamed = await stream;
    expect(streamed.statusCode).toBe(200);
    expect(streamed.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = parseEvents(streamed.body);
    const statuses = events.map((e) => e.status).filter((s, i, all) => s !== all[i - 1]);
    expect(statuses.filter((s) => s !== 'uploaded')).toEqual(['queued', 'processing', 'ready']);
    const percents = events.filter((e) => e.status === 'processing').map((e) => e.percent as number);
    expect(percents.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < percents.length; i++) expect(percents[i]!).toBeGreaterThan(percents[i - 1]!);
    expect(events.at(-1)).toMatchObject({ status: 'ready', percent: 100, jobId: asset.job.id });

    // The episode: duration measured from the file, links to the renditions (one versioned change by the worker).
    const updated = (await call(t, 'GET', `/api/cms/episodes/${episode.id}`, { headers: editor, expect: 200 })).body;
    expect(updated.durationSeconds).toBe(Math.round(source.durationSeconds));
    expect(updated.updatedBy).toBe('system:media');
    const mp3Rendition = asset.renditions.find((r: Json) => r.role === 'mp3');
    expect(updated.media).toEqual([
      { id: expect.any(String), kind: 'audio', url: asset.renditions.find((r: Json) => r.role === 'hls-master').url, mimeType: 'application/vnd.apple.mpegurl', byteSize: null },
      { id: expect.any(String), kind: 'audio', url: mp3Rendition.url, mimeType: 'audio/mpeg', byteSize: mp3Rendition.byteSize },
    ]);

    // Discovery: the public document carries both links (the indexer follows episode.updated).
    let doc: Json;
    await waitFor('the Discovery document with media', async () => {
      await t!.discovery.generation.refresh();
      doc = (await call(t!, 'GET', `/api/discovery/episodes/${episode.id}`)).body;
      return doc.media?.length === 2;
    });
    expect(doc.durationSeconds).toBe(Math.round(source.durationSeconds));
    const mp3 = doc.media.find((m: Json) => m.mimeType === 'audio/mpeg');
    const hls = doc.media.find((m: Json) => m.mimeType === 'application/vnd.apple.mpegurl');
    expect(mp3.url).toMatch(/\/play\//);

    // The MP3 plays from any byte (podcast apps seek by range).
    const ranged = await play(t, mp3.url, { range: 'bytes=0-99' });
    expect(ranged.status).toBe(206);
    expect(ranged.body.length).toBe(100);
    expect(ranged.headers['content-range']).toBe(`bytes 0-99/${mp3.byteSize}`);
    const whole = await play(t, mp3.url);
    expect(whole.status).toBe(200);
    expect(whole.body.length).toBe(mp3.byteSize);

    // The HLS master lists renditions whose playlists and segments ffprobe reads.
    const master = await play(t, hls.url);
    expect(master.status).toBe(200);
    expect(String(master.headers['content-type'])).toMatch(/mpegurl/);
    const variants = uris(master.body.toString());
    expect(variants.length).toBeGreaterThanOrEqual(1);
    for (const variant of variants) {
      const playlistUrl = new URL(variant, hls.url).toString();
      const playlist = await play(t, playlistUrl);
      expect(playlist.status).toBe(200);
      const segments = uris(playlist.body.toString());
      expect(segments.length).toBeGreaterThanOrEqual(2);
      for (const segment of [segments[0]!, segments.at(-1)!]) {
        const fetched = await play(t, new URL(segment, playlistUrl).toString());
        expect(fetched.status).toBe(200);
        const file = join(dir, `${backend}-${storageKind}-${segment}`);
        await writeFile(file, fetched.body);
        const info = await probe(file);
        expect(info.kind).toBe('audio');
        expect(info.audio?.codec).toBe('aac');
        expect(info.durationSeconds).toBeGreaterThan(0);
      }
    }

    // Links are capabilities: a wrong token, the original or another folder are refused.
    const forged = hls.url.replace(/\/play\/([^/]+)\/([^/]+)\/[^/]+\//, '/play/$1/$2/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/');
    expect((await t.app.inject(pathOf(forged))).statusCode).toBe(403);
    const original = hls.url.replace(/audio-hls\/master\.m3u8$/, 'original/source');
    expect((await t.app.inject(pathOf(original))).statusCode).toBe(404);

    const metrics = (await t.app.inject('/metrics')).body;
    expect(metrics).toMatch(/thmnayah_media_jobs_total\{kind="audio",outcome="ready"\} 1/);
    expect(metrics).toMatch(/thmnayah_media_jobs_queued 0/);

    // The job record tells the story.
    const jobs = (await call(t, 'GET', `/api/cms/assets/${id}/jobs`, { headers: editor, expect: 200 })).body.items;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: 'succeeded', percent: 100, reason: 'upload', error: null });
    expect(Date.parse(jobs[0].finishedAt)).toBeGreaterThanOrEqual(Date.parse(jobs[0].startedAt));
  }, 180_000);

  it('takes a presigned upload: PUT to the URL, complete checks the bytes; a PDF is refused at complete', async () => {
    t = await createMediaApp(backend, storageKind);
    const editor = await t.auth('editor');
    const { episode } = await createEpisodeFor(t, editor);
    const put = async (url: string, body: Buffer, headers: Record<string, string>) => {
      if (storageKind === 'local') return (await t!.app.inject({ method: 'PUT', url: pathOf(url), headers, payload: body })).statusCode;
      return (await fetch(url, { method: 'PUT', headers, body })).status;
    };

    const wav = join(dir, `presigned-${backend}-${storageKind}.wav`);
    await tone(wav, 2);
    const bytes = await import('node:fs/promises').then((fs) => fs.readFile(wav));
    const started = await call(t, 'POST', '/api/cms/assets/uploads', {
      headers: editor, expect: 201,
      body: { ownerType: 'episode', ownerId: episode.id, kind: 'audio', fileName: 'حلقة.wav', byteSize: bytes.length },
    });
    expect(started.body.asset).toMatchObject({ status: 'pending-upload', original: { fileName: 'حلقة.wav', byteSize: bytes.length, contentType: null } });
    // Someone follows it (no worker runs in this test, so the stream is still open when the server closes).
    const following = t.app.inject({ method: 'GET', url: `/api/cms/assets/${started.body.asset.id}/events`, headers: editor });
    const { url, headers } = started.body.upload;
    if (storageKind === 's3') expect(new URL(url).searchParams.get('X-Amz-Signature')).toBeTruthy();
    const id = started.body.asset.id;
    // Completing before the PUT is a conflict; a PUT of another size is refused by the URL itself.
    expect((await call(t, 'POST', `/api/cms/assets/${id}/complete`, { headers: editor })).status).toBe(409);
    expect(await put(url, bytes.subarray(0, 100), headers)).toBe(403);
    expect(await put(url, bytes, headers)).toBe(200);
    const completed = await call(t, 'POST', `/api/cms/assets/${id}/complete`, { headers: editor, expect: 200 });
    expect(completed.body).toMatchObject({ status: 'uploaded', original: { contentType: 'audio/wav' } });
    expect((await call(t, 'POST', `/api/cms/assets/${id}/complete`, { headers: editor })).status).toBe(409);

    const document = join(dir, `presigned-${backend}-${storageKind}.mp3`);
    await pdf(document);
    const pdfBytes = await import('node:fs/promises').then((fs) => fs.readFile(document));
    const refused = await call(t, 'POST', '/api/cms/assets/uploads', {
      headers: editor, expect: 201, body: { ownerType: 'episode', ownerId: episode.id, kind: 'audio', fileName: 'talk.mp3', byteSize: pdfBytes.length },
    });
    expect(await put(refused.body.upload.url, pdfBytes, refused.body.upload.headers)).toBe(200);
    const answer = await call(t, 'POST', `/api/cms/assets/${refused.body.asset.id}/complete`, { headers: editor });
    expect(answer.status).toBe(415);
    expect(answer.body).toMatchObject({ type: '/api/problems#unsupported-file', code: 'unsupported-type', assetId: refused.body.asset.id });
    expect(answer.body.detail).toContain('"talk.mp3" is not audio or video: its bytes are a PDF document');
    const failed = (await call(t, 'GET', `/api/cms/assets/${refused.body.asset.id}`, { headers: editor, expect: 200 })).body;
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'unsupported-type' } });
    expect(await t.platform.storage.exists(`assets/${refused.body.asset.id}/original/source`)).toBe(false);

    // Closing the server ends open event streams instead of waiting for them.
    await t.close();
    t = undefined;
    const followed = parseEvents((await following).body);
    expect(followed[0]?.status).toBe('pending-upload');
    expect(followed.every((e) => e.status === 'pending-upload' || e.status === 'uploaded')).toBe(true);
  }, 60_000);
});

// Video through the API once per database (PGlite with local storage, PostgreSQL with S3): a 4-second
// 720p clip becomes a 720p + 360p ladder the episode and Discovery point at, with a poster.
const videoCases = availableBackends().map((backend) => [backend, backend === 'pglite' ? 'local' : 's3'] as const);
describe.each(videoCases)('video on %s with %s storage', (backend, storageKind) => {
  it('uploads a 720p clip and publishes a playable HLS ladder: duration from the file, segments ffprobe reads, a poster', async () => {
    const t = await createMediaApp(backend, storageKind);
    try {
      const editor = await t.auth('editor');
      const { episode } = await createEpisodeFor(t, editor, { publish: true, title: 'حلقة مصورة' });
      t.startWorker();
      const mp4 = join(dir, `clip-${backend}-${storageKind}.mp4`);
      await clip(mp4, { width: 1280, height: 720, seconds: 4 });
      const source = await probe(mp4);

      const uploaded = await upload(t, editor, { type: 'episode', id: episode.id, kind: 'video' }, mp4, 'clip.mp4');
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
      expect(uploaded.body.original).toMatchObject({ contentType: 'video/mp4', byteSize: source.bytes });
      const asset = await waitForAsset(t, editor, uploaded.body.id, ['ready', 'failed']);
      expect(asset.error).toBeNull();
      expect(asset.status).toBe('ready');
      expect(asset.durationSeconds).toBeCloseTo(source.durationSeconds, 1);
      const roles = asset.renditions.map((r: Json) => `${r.role}:${r.name}`).sort();
      expect(roles).toEqual(['hls-master:', 'hls-playlist:360p', 'hls-playlist:720p', 'poster:']);

      const updated = (await call(t, 'GET', `/api/cms/episodes/${episode.id}`, { headers: editor, expect: 200 })).body;
      expect(updated.durationSeconds).toBe(Math.round(source.durationSeconds));
      const master = asset.renditions.find((r: Json) => r.role === 'hls-master');
      expect(updated.media).toEqual([{ id: expect.any(String), kind: 'video', url: master.url, mimeType: 'application/vnd.apple.mpegurl', byteSize: null }]);

      let doc: Json;
      await waitFor('the Discovery document with the video', async () => {
        await t.discovery.generation.refresh();
        doc = (await call(t, 'GET', `/api/discovery/episodes/${episode.id}`)).body;
        return doc.media?.length === 1;
      });
      expect(doc.media[0]).toMatchObject({ kind: 'video', mimeType: 'application/vnd.apple.mpegurl' });

      const played = await play(t, doc.media[0].url);
      expect(played.status).toBe(200);
      const text = played.body.toString();
      expect(text).toContain('RESOLUTION=1280x720');
      expect(text).toContain('RESOLUTION=640x360');
      for (const variant of uris(text)) {
        const playlistUrl = new URL(variant, doc.media[0].url).toString();
        const playlist = await play(t, playlistUrl);
        expect(playlist.status).toBe(200);
        const segments = uris(playlist.body.toString());
        expect(segments.length).toBeGreaterThanOrEqual(1);
        const segment = await play(t, new URL(segments[0]!, playlistUrl).toString());
        expect(segment.status).toBe(200);
        const file = join(dir, `video-${backend}-${variant.replace(/\W+/g, '-')}.ts`);
        await writeFile(file, segment.body);
        const info = await probe(file);
        expect(info.video?.codec).toBe('h264');
        expect(info.video?.height).toBe(variant.includes('720p') ? 720 : 360);
        expect(info.audio?.codec).toBe('aac');
      }
      const poster = await play(t, asset.renditions.find((r: Json) => r.role === 'poster').url);
      expect(poster.status).toBe(200);
      expect(await sharp(poster.body).metadata()).toMatchObject({ format: 'jpeg', width: 1280, height: 720 });
    } finally {
      await t.close();
    }
  }, 180_000);
});

describe.each(availableBackends())('program artwork on %s', (backend) => {
  it('turns a PNG into square WebP sizes and a feed JPEG, with the warnings directories would give, and sets the artwork', async () => {
    const t = await createMediaApp(backend, 'local');
    try {
      const editor = await t.auth('editor');
      const program = (await call(t, 'POST', '/api/cms/programs', { headers: editor, body: { kind: 'podcast', title: 'Art', language: 'ar' }, expect: 201 })).body;
      t.startWorker();
      const png = join(dir, `art-${backend}.png`);
      await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2a6f97' } }).png().toFile(png);
      // An image is not audio: refused at upload, nothing created.
      const wrongKind = await upload(t, editor, { type: 'program', id: program.id, kind: 'audio' }, png, 'cover.png');
      expect(wrongKind.status).toBe(400);
      const uploaded = await upload(t, editor, { type: 'program', id: program.id, kind: 'image' }, png, 'cover.png');
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
      const asset = await waitForAsset(t, editor, uploaded.body.id, ['ready', 'failed'], 60_000);
      expect(asset.status).toBe('ready');
      const artwork = asset.renditions.filter((r: Json) => r.role === 'artwork');
      expect(artwork.map((r: Json) => [r.name, r.mimeType, r.facts.width, r.facts.height])).toEqual([
        ['150', 'image/webp', 150, 150], ['300', 'image/webp', 300, 300], ['600', 'image/webp', 600, 600],
      ]);
      const feed = asset.renditions.find((r: Json) => r.role === 'artwork-feed');
      expect(feed).toMatchObject({ mimeType: 'image/jpeg', facts: { width: 600, height: 600 } });
      expect(asset.warnings).toEqual([
        expect.stringContaining('is 800×600 px, not square'),
        expect.stringContaining('is under 1400×1400 px'),
      ]);
      expect(asset.durationSeconds).toBeNull();
      const after = (await call(t, 'GET', `/api/cms/programs/${program.id}`, { headers: editor, expect: 200 })).body;
      expect(after.artworkUrl).toBe(feed.url);
      // Artwork plays for everyone once the program is public (a draft's only for editors: media/api/play-access.ts).
      await call(t, 'POST', `/api/cms/programs/${program.id}/publish`, { headers: editor, expect: 200 });
      const image = await t.app.inject(pathOf(artwork[0].url));
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/webp');
      // Reusable briefly, not for a year: the link stops when the program is unpublished (media/api/play-access.ts).
      expect(image.headers['cache-control']).toBe('public, max-age=30');
      expect((await sharp(image.rawPayload).metadata()).width).toBe(150);
    } finally {
      await t.close();
    }
  }, 60_000);
});
