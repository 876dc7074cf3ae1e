// The /media route of the local adapter through Fastify (app.inject), plus one real socket for an
// upload that is cut off midway.
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetKey } from '../../src/platform/storage/keys.js';
import { UrlSigner } from '../../src/platform/storage/url-signer.js';
import { startLocalHarness, type LocalHarness } from './local-harness.js';

const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

describe('media route (local adapter)', () => {
  let h: LocalHarness;
  const asset = randomUUID();
  const audio = assetKey(asset, 'audio-mp3', 'episode.mp3');
  const empty = assetKey(asset, 'waveform', 'empty.json');
  const mutable = 'drafts/notes.txt';

  beforeAll(async () => {
    h = await startLocalHarness({ listen: false, maxBytes: 100_000 });
    await h.storage.put(audio, bytes, { contentType: 'audio/mpeg' });
    await h.storage.put(empty, Buffer.alloc(0), { contentType: 'application/json' });
    await h.storage.put(mutable, Buffer.from('draft'), { contentType: 'text/plain; charset=utf-8' });
  });
  afterAll(async () => {
    await h.close();
  });

  const path = async (key: string, options: Parameters<LocalHarness['storage']['signedUrl']>[1] = { method: 'GET', expiresIn: 300 }) => {
    const url = new URL(await h.storage.signedUrl(key, options));
    return `${url.pathname}${url.search}`;
  };
  const get = async (key: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') =>
    h.app.inject({ method, url: await path(key), headers });
  const expectProblem = (response: Awaited<ReturnType<typeof get>>, status: number, type: string) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body).toMatchObject({ status, type: `/api/problems#${type}` });
    expect(typeof body.detail).toBe('string');
    return body as { detail: string };
  };

  describe('signatures', () => {
    it('refuses an unsigned request with 403 problem+json', async () => {
      const body = expectProblem(await h.app.inject({ method: 'GET', url: `/media/${audio}` }), 403, 'invalid-signature');
      expect(body.detail).toMatch(/must be signed/);
    });

    it('refuses a URL signed for another key, a malformed signature and an expired URL', async () => {
      const other = (await path(audio)).replace('episode.mp3', 'other.mp3');
      expectProblem(await h.app.inject({ method: 'GET', url: other }), 403, 'invalid-signature');
      expectProblem(await h.app.inject({ method: 'GET', url: `/media/${audio}?expires=99999999999&signature=short` }), 403, 'invalid-signature');
      const past = new UrlSigner(h.secret, () => Date.now() - 3600_000).sign({ method: 'GET', key: audio, expiresIn: 60 });
      const expired = expectProblem(await h.app.inject({ method: 'GET', url: `/media/${audio}?${past.toString()}` }), 403, 'invalid-signature');
      expect(expired.detail).toMatch(/expired/);
    });

    it('answers 404 problem+json for a signed URL of a missing object', async () => {
      expectProblem(await get(assetKey(asset, 'poster', 'missing.webp')), 404, 'not-found');
    });

    it('answers 404 for a path that is not a valid key even with a valid signature', async () => {
      const params = new UrlSigner(h.secret).sign({ method: 'GET', key: 'Upper/Case', expiresIn: 60 });
      expectProblem(await h.app.inject({ method: 'GET', url: `/media/Upper/Case?${params.toString()}` }), 404, 'not-found');
    });
  });

  describe('GET', () => {
    it('serves the whole object with validators, type and a year of caching for rendition keys', async () => {
      const response = await get(audio);
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload).toEqual(bytes);
      expect(response.headers).toMatchObject({
        'content-type': 'audio/mpeg',
        'content-length': '1000',
        'accept-ranges': 'bytes',
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      });
      expect(response.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
      expect(new Date(response.headers['last-modified'] as string).getTime()).toBeGreaterThan(Date.now() - 3600_000);
    });

    it('asks caches to revalidate keys that are not immutable renditions', async () => {
      const response = await get(mutable);
      expect(response.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response.body).toBe('draft');
    });

    it('answers HEAD with the length and no body', async () => {
      const response = await get(audio, { range: 'bytes=0-9' }, 'HEAD');
      expect(response.statusCode).toBe(200); // Range applies to GET only
      expect(response.headers['content-length']).toBe('1000');
      expect(response.rawPayload.length).toBe(0);
    });

    it('serves a 0-byte object', async () => {
      const response = await get(empty);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-length']).toBe('0');
      expect(response.rawPayload.length).toBe(0);
    });
  });

  describe('Range', () => {
    it.each([
      ['bytes=0-0', 0, 0],
      ['bytes=0-99', 0, 99],
      ['bytes=500-599', 500, 599],
      ['bytes=990-', 990, 999],
      ['bytes=-10', 990, 999],
      ['bytes=-5000', 0, 999],
      ['bytes=900-5000', 900, 999],
      ['bytes=0-5,3-9', 0, 9], // overlapping ranges merge into one
    ])('%s → 206 bytes %i-%i', async (range, start, end) => {
      const response = await get(audio, { range });
      expect(response.statusCode).toBe(206);
      expect(response.headers['content-range']).toBe(`bytes ${start}-${end}/1000`);
      expect(response.headers['content-length']).toBe(String(end - start + 1));
      expect(response.headers['content-type']).toBe('audio/mpeg');
      expect(response.rawPayload).toEqual(bytes.subarray(start, end + 1));
    });

    it.each(['bytes=1000-', 'bytes=5000-6000', 'bytes=-0'])('%s → 416 with the size', async (range) => {
      const response = await get(audio, { range });
      expectProblem(response, 416, 'range-not-satisfiable');
      expect(response.headers['content-range']).toBe('bytes */1000');
    });

    it('answers any range of a 0-byte object with 416', async () => {
      const response = await get(empty, { range: 'bytes=0-' });
      expectProblem(response, 416, 'range-not-satisfiable');
      expect(response.headers['content-range']).toBe('bytes */0');
    });

    it.each([
      ['several disjoint ranges', 'bytes=0-1,5-6'],
      ['a malformed range', 'bytes=abc'],
      ['another unit', 'items=0-1'],
    ])('answers %s with the whole object (200)', async (_label, range) => {
      const response = await get(audio, { range });
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload).toEqual(bytes);
    });

    it('honours If-Range only while the validator matches', async () => {
      const first = (await get(audio)).headers;
      const etag = String(first.etag);
      const lastModified = String(first['last-modified']);
      expect((await get(audio, { range: 'bytes=0-9', 'if-range': etag })).statusCode).toBe(206);
      expect((await get(audio, { range: 'bytes=0-9', 'if-range': lastModified })).statusCode).toBe(206);
      expect((await get(audio, { range: 'bytes=0-9', 'if-range': '"an-old-version"' })).statusCode).toBe(200);
      expect((await get(audio, { range: 'bytes=0-9', 'if-range': `W/${etag}` })).statusCode).toBe(200);
      expect((await get(audio, { range: 'bytes=0-9', 'if-range': 'Thu, 01 Jan 1998 00:00:00 GMT' })).statusCode).toBe(200);
    });
  });

  describe('conditional GET', () => {
    it('answers If-None-Match with the current ETag (strong or weak) with 304 and no body', async () => {
      const etag = String((await get(audio)).headers.etag);
      for (const value of [etag, `W/${etag}`, `"other", ${etag}`]) {
        const response = await get(audio, { 'if-none-match': value });
        expect(response.statusCode).toBe(304);
        expect(response.rawPayload.length).toBe(0);
        expect(response.headers.etag).toBe(etag);
        expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      }
      expect((await get(audio, { 'if-none-match': '"other"' })).statusCode).toBe(200);
      // Also with the no-cache that browsers' fetch() adds to conditional requests (RFC 9110 §13.2.2).
      expect((await get(audio, { 'if-none-match': etag, 'cache-control': 'no-cache' })).statusCode).toBe(304);
    });

    it('answers If-Modified-Since with 304 when nothing changed since', async () => {
      const lastModified = String((await get(audio)).headers['last-modified']);
      expect((await get(audio, { 'if-modified-since': lastModified })).statusCode).toBe(304);
      expect((await get(audio, { 'if-modified-since': 'Thu, 01 Jan 1998 00:00:00 GMT' })).statusCode).toBe(200);
    });

    it('serves the new bytes after the object is replaced', async () => {
      const key = 'drafts/replaced.txt';
      await h.storage.put(key, Buffer.from('first'), { contentType: 'text/plain' });
      const first = await get(key);
      await h.storage.put(key, Buffer.from('second version'), { contentType: 'text/plain' });
      const second = await get(key, { 'if-none-match': first.headers.etag as string });
      expect(second.statusCode).toBe(200);
      expect(second.body).toBe('second version');
    });
  });

  describe('PUT', () => {
    const putUrl = (key: string, options: { contentType?: string; size?: number } = {}) => path(key, { method: 'PUT', expiresIn: 300, ...options });

    it('stores the body as sent, JSON included (not parsed and re-encoded)', async () => {
      const key = assetKey(asset, 'waveform', 'peaks.json');
      const json = '{ "peaks" : [0.1,0.25],  "note": "spacing kept" }';
      const response = await h.app.inject({ method: 'PUT', url: await putUrl(key, { contentType: 'application/json' }), payload: json, headers: { 'content-type': 'application/json' } });
      expect(response.statusCode).toBe(200);
      expect(response.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
      const stored = await get(key);
      expect(stored.body).toBe(json);
      expect(stored.headers['content-type']).toBe('application/json');
    });

    it('takes the client content type when the URL does not fix one, octet-stream when none is sent', async () => {
      const typed = assetKey(asset, 'image', 'cover.webp');
      expect((await h.app.inject({ method: 'PUT', url: await putUrl(typed), payload: Buffer.from('RIFF'), headers: { 'content-type': 'image/webp' } })).statusCode).toBe(200);
      expect((await h.storage.head(typed))?.contentType).toBe('image/webp');
      const untyped = assetKey(asset, 'image', 'raw.bin');
      expect((await h.app.inject({ method: 'PUT', url: await putUrl(untyped), payload: Buffer.from('raw') })).statusCode).toBe(200);
      expect((await h.storage.head(untyped))?.contentType).toBe('application/octet-stream');
      const bad = assetKey(asset, 'image', 'bad.bin');
      expectProblem(await h.app.inject({ method: 'PUT', url: await putUrl(bad), payload: 'x', headers: { 'content-type': 'not a type' } }), 415, 'unsupported-media-type');
      expectProblem(await h.app.inject({ method: 'PUT', url: await putUrl(bad), payload: 'x', headers: { 'content-type': 'audio/mpeg; x' } }), 400, 'validation-failed');
      expect(await h.storage.exists(bad)).toBe(false);
    });

    it('refuses an upload larger than the limit, by Content-Length or while streaming', async () => {
      const key = assetKey(asset, 'original', 'huge.mp4');
      expectProblem(
        await h.app.inject({ method: 'PUT', url: await putUrl(key), payload: Buffer.alloc(100_001), headers: { 'content-type': 'video/mp4' } }),
        413,
        'body-too-large',
      );
      const chunked = Readable.from([Buffer.alloc(60_000), Buffer.alloc(60_000)]);
      expectProblem(await h.app.inject({ method: 'PUT', url: await putUrl(key), payload: chunked, headers: { 'content-type': 'video/mp4' } }), 413, 'body-too-large');
      expect(await h.storage.exists(key)).toBe(false);
      expect(readdirSync(join(h.dir, 'tmp'))).toEqual([]);
    });

    it('refuses a GET URL, a wrong type and a wrong size with 403', async () => {
      const key = assetKey(asset, 'original', 'guarded.mp3');
      expectProblem(await h.app.inject({ method: 'PUT', url: await path(key), payload: 'x', headers: { 'content-type': 'audio/mpeg' } }), 403, 'invalid-signature');
      const typed = await putUrl(key, { contentType: 'audio/mpeg' });
      expectProblem(await h.app.inject({ method: 'PUT', url: typed, payload: '<html>', headers: { 'content-type': 'text/html' } }), 403, 'invalid-signature');
      const sized = await putUrl(key, { contentType: 'audio/mpeg', size: 4 });
      expectProblem(await h.app.inject({ method: 'PUT', url: sized, payload: 'abc', headers: { 'content-type': 'audio/mpeg' } }), 403, 'invalid-signature');
      expect(await h.storage.exists(key)).toBe(false);
      expect((await h.app.inject({ method: 'PUT', url: sized, payload: 'abcd', headers: { 'content-type': 'audio/mpeg' } })).statusCode).toBe(200);
    });
  });
});

describe('media route over a socket', () => {
  it('stores nothing when the client disconnects mid-upload', async () => {
    const h = await startLocalHarness({ listen: true });
    try {
      const key = 'uploads/cut-off.mp4';
      const url = new URL(await h.storage.signedUrl(key, { method: 'PUT', expiresIn: 60, contentType: 'video/mp4' }));
      const port = (h.app.server.address() as AddressInfo).port;
      const req = httpRequest({ host: '127.0.0.1', port, method: 'PUT', path: `${url.pathname}${url.search}`, headers: { 'content-type': 'video/mp4', 'content-length': String(1_000_000) } });
      req.on('error', () => {}); // the connection we cut
      req.write(Buffer.alloc(300_000, 1));
      const tmp = join(h.dir, 'tmp');
      // Wait until the server is writing the upload, then cut the connection.
      for (let i = 0; readdirSync(tmp).length === 0 && i < 200; i++) await new Promise((r) => setTimeout(r, 25));
      expect(readdirSync(tmp)).toHaveLength(1);
      req.destroy();
      // The server notices the cut asynchronously: wait until its temporary file is gone.
      for (let i = 0; readdirSync(tmp).length > 0 && i < 200; i++) await new Promise((r) => setTimeout(r, 25));
      expect(readdirSync(tmp)).toEqual([]);
      expect(await h.storage.exists(key)).toBe(false);
    } finally {
      await h.close();
    }
  });

  it('answers an over-long streamed upload with 413 instead of resetting the connection', async () => {
    const h = await startLocalHarness({ listen: true, maxBytes: 100_000 });
    try {
      const url = await h.storage.signedUrl('uploads/too-long.bin', { method: 'PUT', expiresIn: 60 });
      // No Content-Length (chunked), so only the byte count while streaming can catch it.
      const body = Readable.toWeb(Readable.from((function* () {
        for (let i = 0; i < 40; i++) yield Buffer.alloc(10_000, i);
      })())) as ReadableStream<Uint8Array>;
      const response = await fetch(url, { method: 'PUT', body, duplex: 'half', headers: { 'content-type': 'application/octet-stream' } } as RequestInit);
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await h.storage.exists('uploads/too-long.bin')).toBe(false);
    } finally {
      await h.close();
    }
  });
});
