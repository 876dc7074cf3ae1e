// One behaviour for every storage adapter: local-storage.test.ts runs this suite against the local
// directory (with its /media route on a loopback port), s3-storage.test.ts against an S3 server the test
// starts itself. "Works embedded" then means "works in production".
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer as readAll } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetKey, assetPrefix } from '../../src/platform/storage/keys.js';
import { isStorageError, type Storage, type StorageErrorCode } from '../../src/platform/storage/storage.js';

export interface ConformanceHarness {
  storage: Storage;
  /** A second adapter on the same objects with another clock or size limit. */
  reopen(options: { now?: () => number; maxBytes?: number }): Promise<Storage>;
  /** Part size of multipart uploads, when the adapter has one (the big-upload test goes over it). */
  partSize?: number;
  close(): Promise<void>;
}

export interface ConformanceOptions {
  /**
   * Promises of the contract that the backing *service* keeps, not the adapter, and that a test stand-in
   * cannot keep; each names why. Those tests are skipped for that run only, and the skip says why.
   */
  serviceCannot?: { atomicReplace?: string };
}

export const MiB = 1024 * 1024;

/** A deterministic stream of `size` bytes in chunks, as an upload or a transcoder would produce it. */
export function patternStream(size: number, seed = 1, chunk = 64 * 1024): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) {
        this.push(null);
        return;
      }
      const length = Math.min(chunk, size - sent);
      const piece = Buffer.alloc(length);
      for (let i = 0; i < length; i++) piece[i] = (sent + i) * seed % 251;
      sent += length;
      this.push(piece);
    },
  });
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export async function expectStorageError(promise: Promise<unknown>, code: StorageErrorCode) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a StorageError ${code}`).toBeDefined();
  if (!isStorageError(error, code)) throw new Error(`expected StorageError ${code}, got ${String(error)}`, { cause: error });
}

const BAD_KEYS: [string, string][] = [
  ['parent segment', 'assets/../secret'],
  ['leading parent', '../etc/passwd'],
  ['absolute', '/etc/passwd'],
  ['backslash', 'assets\\x'],
  ['NUL', 'assets/a\0b'],
  ['newline', 'assets/a\nb'],
  ['tab', 'assets/a\tb'],
  ['DEL', 'assets/a\x7fb'],
  ['dot segment', 'assets/./x'],
  ['empty segment', 'assets//x'],
  ['trailing slash', 'assets/x/'],
  ['empty', ''],
  ['upper case', 'Assets/x'],
  ['space', 'assets/a b'],
  ['percent', 'assets/a%2e'],
  ['non-ASCII', 'assets/مكتبة'],
  ['hidden file', 'assets/.env'],
  ['over-long', `assets/${'a'.repeat(120)}/${'b'.repeat(120)}/${'c'.repeat(120)}/${'d'.repeat(120)}/${'e'.repeat(120)}`],
  ['over-long segment', `assets/${'a'.repeat(200)}`],
];

export function describeStorageConformance(name: string, setup: () => Promise<ConformanceHarness>, options: ConformanceOptions = {}) {
  describe(`storage conformance: ${name}`, () => {
    let h: ConformanceHarness;
    let s: Storage;
    const folder = `conformance/${randomUUID()}`;
    const key = (suffix: string) => `${folder}/${suffix}`;

    beforeAll(async () => {
      h = await setup();
      s = h.storage;
    });
    afterAll(async () => {
      await h?.close();
    });

    it('answers ping', async () => {
      await expect(s.ping()).resolves.toBeUndefined();
    });

    it('round-trips binary bytes with their content type, size and ETag', async () => {
      const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(100_000)]);
      const result = await s.put(key('binary.bin'), bytes, { contentType: 'application/octet-stream' });
      expect(result).toMatchObject({ key: key('binary.bin'), size: bytes.length });
      expect(result.etag).toMatch(/^[0-9a-f-]{16,}$/);
      const { info, body, range } = await s.get(key('binary.bin'));
      expect(range).toBeUndefined();
      expect(sha256(await readAll(body))).toBe(sha256(bytes));
      expect(info).toMatchObject({ key: key('binary.bin'), size: bytes.length, contentType: 'application/octet-stream', etag: result.etag });
      expect(info.lastModified.getTime()).toBeGreaterThan(Date.now() - 3600_000);
    });

    it('keeps the content type it was given', async () => {
      for (const [file, type] of [
        ['a.mp3', 'audio/mpeg'],
        ['index.m3u8', 'application/vnd.apple.mpegurl'],
        ['ar.vtt', 'text/vtt; charset=utf-8'],
      ] as const) {
        await s.put(key(`types/${file}`), Buffer.from('x'), { contentType: type });
        expect((await s.head(key(`types/${file}`)))?.contentType).toBe(type);
        const { info, body } = await s.get(key(`types/${file}`));
        body.destroy(); // a body nobody reads must be destroyed, or it holds a file or socket
        expect(info.contentType).toBe(type);
      }
    });

    it('stores 0-byte objects, from a buffer and from an empty stream', async () => {
      await s.put(key('empty-buffer'), Buffer.alloc(0), { contentType: 'text/plain' });
      await s.put(key('empty-stream'), Readable.from([]), { contentType: 'text/plain' });
      for (const k of [key('empty-buffer'), key('empty-stream')]) {
        expect((await s.head(k))?.size).toBe(0);
        const { body, info } = await s.get(k);
        expect((await readAll(body)).length).toBe(0);
        expect(info.size).toBe(0);
      }
    });

    it('streams a multi-megabyte upload larger than the part size', async () => {
      const size = Math.max(3 * (h.partSize ?? 5 * MiB), 12 * MiB) + 12345;
      const expected = sha256(await readAll(patternStream(size, 7)));
      const result = await s.put(key('big.mp4'), patternStream(size, 7), { contentType: 'video/mp4' });
      expect(result.size).toBe(size);
      const info = await s.head(key('big.mp4'));
      expect(info).toMatchObject({ size, contentType: 'video/mp4' });
      expect(sha256(await readAll((await s.get(key('big.mp4'))).body))).toBe(expected);
      // and a range deep inside it
      const { body, range } = await s.get(key('big.mp4'), { range: { start: 10 * MiB, end: 10 * MiB + 9 } });
      expect(range).toEqual({ start: 10 * MiB, end: 10 * MiB + 9 });
      const all = await readAll(patternStream(size, 7));
      expect(await readAll(body)).toEqual(all.subarray(10 * MiB, 10 * MiB + 10));
    });

    describe('range reads', () => {
      const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
      const k = () => key('range.bin');
      beforeAll(async () => {
        await s.put(k(), bytes, { contentType: 'audio/mpeg' });
      });
      const read = async (range: Parameters<Storage['get']>[1]) => {
        const result = await s.get(k(), range);
        return { data: await readAll(result.body), range: result.range, info: result.info };
      };

      it('reads the first bytes', async () => {
        const r = await read({ range: { start: 0, end: 9 } });
        expect(r.data).toEqual(bytes.subarray(0, 10));
        expect(r.range).toEqual({ start: 0, end: 9 });
        expect(r.info.size).toBe(1000); // the whole object's size, not the part's
      });
      it('reads a middle span and a single byte', async () => {
        expect((await read({ range: { start: 100, end: 199 } })).data).toEqual(bytes.subarray(100, 200));
        expect((await read({ range: { start: 1, end: 1 } })).data).toEqual(bytes.subarray(1, 2));
      });
      it('reads a suffix (bytes=-N), and the whole object when N is larger than it', async () => {
        const r = await read({ range: { suffix: 10 } });
        expect(r.data).toEqual(bytes.subarray(990));
        expect(r.range).toEqual({ start: 990, end: 999 });
        expect((await read({ range: { suffix: 5000 } })).data).toEqual(bytes);
      });
      it('reads open-ended ranges and clamps an end past the object', async () => {
        expect((await read({ range: { start: 995 } })).data).toEqual(bytes.subarray(995));
        const r = await read({ range: { start: 900, end: 5000 } });
        expect(r.data).toEqual(bytes.subarray(900));
        expect(r.range).toEqual({ start: 900, end: 999 });
      });
      it('refuses ranges wholly outside the object', async () => {
        await expectStorageError(s.get(k(), { range: { start: 1000 } }), 'range-not-satisfiable');
        await expectStorageError(s.get(k(), { range: { suffix: 0 } }), 'range-not-satisfiable');
        await s.put(key('range-empty'), Buffer.alloc(0), { contentType: 'audio/mpeg' });
        await expectStorageError(s.get(key('range-empty'), { range: { start: 0 } }), 'range-not-satisfiable');
        await expectStorageError(s.get(key('range-empty'), { range: { suffix: 1 } }), 'range-not-satisfiable');
      });
      it('refuses malformed ranges before asking the backend', async () => {
        await expectStorageError(s.get(k(), { range: { start: -1 } }), 'invalid-argument');
        await expectStorageError(s.get(k(), { range: { start: 10, end: 5 } }), 'invalid-argument');
        await expectStorageError(s.get(k(), { range: { start: 1.5 } }), 'invalid-argument');
      });
    });

    it('answers head and exists for present and missing objects, and get of a missing one is not-found', async () => {
      await s.put(key('here.txt'), Buffer.from('here'), { contentType: 'text/plain' });
      expect(await s.exists(key('here.txt'))).toBe(true);
      expect(await s.head(key('here.txt'))).toMatchObject({ key: key('here.txt'), size: 4, contentType: 'text/plain' });
      expect(await s.exists(key('missing.txt'))).toBe(false);
      expect(await s.head(key('missing.txt'))).toBeUndefined();
      await expectStorageError(s.get(key('missing.txt')), 'not-found');
      await expectStorageError(s.get(`${folder}-nowhere/deep/missing`), 'not-found');
    });

    it('reads with ifMatch only while the ETag is current', async () => {
      const first = await s.put(key('pinned'), Buffer.from('one'), { contentType: 'text/plain' });
      const { body } = await s.get(key('pinned'), { ifMatch: first.etag });
      expect((await readAll(body)).toString()).toBe('one');
      const second = await s.put(key('pinned'), Buffer.from('two!'), { contentType: 'text/plain' });
      expect(second.etag).not.toBe(first.etag);
      await expectStorageError(s.get(key('pinned'), { ifMatch: first.etag }), 'precondition-failed');
      await expectStorageError(s.get(key('pinned'), { ifMatch: first.etag, range: { suffix: 2 } }), 'precondition-failed');
    });

    it('deletes objects, and deleting a missing object is fine', async () => {
      await s.put(key('doomed'), Buffer.from('x'), { contentType: 'text/plain' });
      await s.delete(key('doomed'));
      expect(await s.exists(key('doomed'))).toBe(false);
      await expect(s.delete(key('doomed'))).resolves.toBeUndefined();
      await expect(s.delete(`${folder}-nowhere/x`)).resolves.toBeUndefined();
    });

    it('lists by prefix in key order, with sizes', async () => {
      const base = key('list');
      for (const [k, n] of [['b/seg-2.ts', 2], ['b/seg-10.ts', 10], ['a.txt', 1], ['b/index.m3u8', 3], ['c/d/e.bin', 4]] as const) {
        await s.put(`${base}/${k}`, Buffer.alloc(n, 1), { contentType: 'application/octet-stream' });
      }
      const list = async (prefix: string) => {
        const out: { key: string; size: number }[] = [];
        for await (const o of s.list(prefix)) {
          expect(o.lastModified).toBeInstanceOf(Date);
          out.push({ key: o.key, size: o.size });
        }
        return out;
      };
      expect(await list(`${base}/`)).toEqual([
        { key: `${base}/a.txt`, size: 1 },
        { key: `${base}/b/index.m3u8`, size: 3 },
        { key: `${base}/b/seg-10.ts`, size: 10 },
        { key: `${base}/b/seg-2.ts`, size: 2 },
        { key: `${base}/c/d/e.bin`, size: 4 },
      ]);
      expect((await list(`${base}/b/seg-`)).map((o) => o.key)).toEqual([`${base}/b/seg-10.ts`, `${base}/b/seg-2.ts`]);
      expect((await list(`${base}/c`)).map((o) => o.key)).toEqual([`${base}/c/d/e.bin`]);
      expect(await list(`${base}/zzz/`)).toEqual([]);
      expect(await list(`${folder}-nowhere/`)).toEqual([]);
      expect((await list('')).map((o) => o.key)).toContain(`${base}/a.txt`);
    });

    it('deletes every file of one asset with deletePrefix, and nothing else', async () => {
      const asset = randomUUID();
      const other = randomUUID();
      const files = [assetKey(asset, 'original', 'source.mp3'), assetKey(asset, 'audio-hls', 'index.m3u8'), assetKey(asset, 'audio-hls', '64k/seg-00001.ts')];
      for (const f of files) await s.put(f, Buffer.from(f), { contentType: 'application/octet-stream' });
      await s.put(assetKey(other, 'original', 'source.mp3'), Buffer.from('keep'), { contentType: 'audio/mpeg' });
      expect(await s.deletePrefix(assetPrefix(asset))).toBe(3);
      for (const f of files) expect(await s.exists(f)).toBe(false);
      expect(await s.exists(assetKey(other, 'original', 'source.mp3'))).toBe(true);
      expect(await s.deletePrefix(assetPrefix(asset))).toBe(0);
      // only whole folders: a partial id must not match other assets
      await expectStorageError(s.deletePrefix(`assets/${other.slice(0, 4)}`), 'invalid-key');
      await expectStorageError(s.deletePrefix(''), 'invalid-key');
      await s.deletePrefix(assetPrefix(other));
    });

    describe('signed URLs', () => {
      const bytes = randomBytes(5000);
      beforeAll(async () => {
        await s.put(key('signed/play.mp3'), bytes, { contentType: 'audio/mpeg' });
      });

      it('presigned GET plays with a plain fetch, with ranges', async () => {
        const url = await s.signedUrl(key('signed/play.mp3'), { method: 'GET', expiresIn: 300 });
        expect(new URL(url).hostname).toBe('127.0.0.1');
        const full = await fetch(url);
        expect(full.status).toBe(200);
        expect(full.headers.get('content-type')).toBe('audio/mpeg');
        expect(Buffer.from(await full.arrayBuffer())).toEqual(bytes);
        const part = await fetch(url, { headers: { range: 'bytes=100-199' } });
        expect(part.status).toBe(206);
        expect(part.headers.get('content-range')).toBe('bytes 100-199/5000');
        expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(100, 200));
      });

      it('refuses a tampered signature, another key, and a GET URL used to PUT', async () => {
        const url = new URL(await s.signedUrl(key('signed/play.mp3'), { method: 'GET', expiresIn: 300 }));
        const sigParam = [...url.searchParams.keys()].find((p) => /signature/i.test(p))!;
        const sig = url.searchParams.get(sigParam)!;
        const tampered = new URL(url);
        tampered.searchParams.set(sigParam, `${sig.slice(0, -2)}${sig.endsWith('aa') ? 'bb' : 'aa'}`);
        expect((await fetch(tampered)).status).toBe(403);
        const otherKey = new URL(url);
        otherKey.pathname = otherKey.pathname.replace('play.mp3', 'other.mp3');
        expect((await fetch(otherKey)).status).toBe(403);
        const put = await fetch(url, { method: 'PUT', body: 'overwrite', headers: { 'content-type': 'audio/mpeg' } });
        expect(put.status).toBe(403);
        expect(sha256(await readAll((await s.get(key('signed/play.mp3'))).body))).toBe(sha256(bytes));
      });

      it('refuses an expired URL', async () => {
        const past = await h.reopen({ now: () => Date.now() - 2 * 3600_000 });
        try {
          const get = await past.signedUrl(key('signed/play.mp3'), { method: 'GET', expiresIn: 60 });
          expect((await fetch(get)).status).toBe(403);
          const put = await past.signedUrl(key('signed/late.mp3'), { method: 'PUT', expiresIn: 60, contentType: 'audio/mpeg' });
          expect((await fetch(put, { method: 'PUT', body: 'late', headers: { 'content-type': 'audio/mpeg' } })).status).toBe(403);
          expect(await s.exists(key('signed/late.mp3'))).toBe(false);
        } finally {
          await past.close();
        }
      });

      it('presigned PUT uploads with fetch, and the object keeps the signed content type', async () => {
        const upload = randomBytes(70_000);
        const url = await s.signedUrl(key('signed/upload.mp3'), { method: 'PUT', expiresIn: 300, contentType: 'audio/mpeg' });
        const response = await fetch(url, { method: 'PUT', body: upload, headers: { 'content-type': 'audio/mpeg' } });
        expect(response.status).toBe(200);
        expect(response.headers.get('etag')).toMatch(/^"[0-9a-f-]+"$/);
        expect(await s.head(key('signed/upload.mp3'))).toMatchObject({ size: upload.length, contentType: 'audio/mpeg' });
        expect(sha256(await readAll((await s.get(key('signed/upload.mp3'))).body))).toBe(sha256(upload));
      });

      it('presigned PUT refuses another content type or another size than signed', async () => {
        const typed = await s.signedUrl(key('signed/typed.mp3'), { method: 'PUT', expiresIn: 300, contentType: 'audio/mpeg' });
        const wrongType = await fetch(typed, { method: 'PUT', body: '<script>', headers: { 'content-type': 'text/html' } });
        expect(wrongType.status).toBe(403);
        expect(await s.exists(key('signed/typed.mp3'))).toBe(false);

        const sized = await s.signedUrl(key('signed/sized.bin'), { method: 'PUT', expiresIn: 300, contentType: 'application/octet-stream', size: 10 });
        const tooLong = await fetch(sized, { method: 'PUT', body: Buffer.alloc(11), headers: { 'content-type': 'application/octet-stream' } });
        expect(tooLong.status).toBe(403);
        expect(await s.exists(key('signed/sized.bin'))).toBe(false);
        const exact = await fetch(sized, { method: 'PUT', body: Buffer.alloc(10, 3), headers: { 'content-type': 'application/octet-stream' } });
        expect(exact.status).toBe(200);
        expect((await s.head(key('signed/sized.bin')))?.size).toBe(10);
      });

      it('validates signing options', async () => {
        await expectStorageError(s.signedUrl(key('x'), { method: 'GET', expiresIn: 0 }), 'invalid-argument');
        await expectStorageError(s.signedUrl(key('x'), { method: 'GET', expiresIn: 8 * 24 * 3600 }), 'invalid-argument');
        await expectStorageError(s.signedUrl(key('x'), { method: 'GET', expiresIn: 60, contentType: 'audio/mpeg' }), 'invalid-argument');
        await expectStorageError(s.signedUrl(key('x'), { method: 'DELETE' as 'GET', expiresIn: 60 }), 'invalid-argument');
        await expectStorageError(s.signedUrl(key('x'), { method: 'PUT', expiresIn: 60, contentType: 'text/html\r\nx-evil: 1' }), 'invalid-argument');
        await expectStorageError(s.signedUrl(key('x'), { method: 'PUT', expiresIn: 60, size: s.maxBytes + 1 }), 'too-large');
      });
    });

    // On S3 atomic replace is the service's promise; the S3 adapter adds no logic of its own here.
    const atomicReplaceSkip = options.serviceCannot?.atomicReplace;
    it.skipIf(atomicReplaceSkip !== undefined)(`leaves one complete object when writers race on a key${atomicReplaceSkip ? ` (skipped: ${atomicReplaceSkip})` : ''}`, async () => {
      const versions = Array.from({ length: 6 }, (_, i) => ({
        data: Buffer.alloc(200_000 + i * 37_000, i + 1),
        type: `audio/x-version-${i}`,
      }));
      await Promise.all(versions.map((v) => s.put(key('race.bin'), Readable.from([v.data.subarray(0, 50_000), v.data.subarray(50_000)]), { contentType: v.type })));
      const { info, body } = await s.get(key('race.bin'));
      const data = await readAll(body);
      const winner = versions.find((v) => v.data.equals(data));
      expect(winner, 'the stored bytes are exactly one writer’s bytes').toBeDefined();
      expect(info.contentType).toBe(winner!.type);
      expect(info.size).toBe(winner!.data.length);
    });

    it('refuses bodies over the size limit or not of the declared size, and stores nothing', async () => {
      const small = await h.reopen({ maxBytes: 1024 });
      try {
        await expectStorageError(small.put(key('limit/big'), patternStream(5000, 3, 100), { contentType: 'application/octet-stream' }), 'too-large');
        await expectStorageError(small.put(key('limit/big'), Buffer.alloc(2000), { contentType: 'application/octet-stream' }), 'too-large');
        await expectStorageError(small.put(key('limit/big'), Buffer.alloc(10), { contentType: 'application/octet-stream', size: 2000 }), 'too-large');
        expect(await s.exists(key('limit/big'))).toBe(false);
      } finally {
        await small.close();
      }
      await expectStorageError(s.put(key('limit/short'), patternStream(50, 1, 10), { contentType: 'application/octet-stream', size: 100 }), 'size-mismatch');
      await expectStorageError(s.put(key('limit/long'), Buffer.alloc(150), { contentType: 'application/octet-stream', size: 100 }), 'size-mismatch');
      expect(await s.exists(key('limit/short'))).toBe(false);
      expect(await s.exists(key('limit/long'))).toBe(false);
    });

    it('keeps the old object when a replacement upload fails midway', async () => {
      await s.put(key('keep.bin'), Buffer.from('the original'), { contentType: 'text/plain' });
      let sent = 0;
      const failing = new Readable({
        read() {
          if (sent++ < 3) this.push(Buffer.alloc(100_000, 9));
          else this.destroy(new Error('client went away'));
        },
      });
      await expect(s.put(key('keep.bin'), failing, { contentType: 'application/octet-stream' })).rejects.toThrow(/client went away/);
      const { info, body } = await s.get(key('keep.bin'));
      expect((await readAll(body)).toString()).toBe('the original');
      expect(info.contentType).toBe('text/plain');
      await expect(s.put(key('never.bin'), patternStream(10, 1), { contentType: 'bad type' })).rejects.toThrow(/media type/);
      expect(await s.exists(key('never.bin'))).toBe(false);
    });

    describe('key rules', () => {
      it.each(BAD_KEYS)('rejects a key with %s on every operation', async (_label, bad) => {
        await expectStorageError(s.put(bad, Buffer.from('x'), { contentType: 'text/plain' }), 'invalid-key');
        await expectStorageError(s.get(bad), 'invalid-key');
        await expectStorageError(s.head(bad), 'invalid-key');
        await expectStorageError(s.exists(bad), 'invalid-key');
        await expectStorageError(s.delete(bad), 'invalid-key');
        await expectStorageError(s.signedUrl(bad, { method: 'GET', expiresIn: 60 }), 'invalid-key');
      });
      it('rejects bad prefixes', async () => {
        for (const prefix of ['../', '/abs/', 'a//', 'A/', 'a\\b/']) {
          await expectStorageError(
            (async () => {
              for await (const _ of s.list(prefix)) void _;
            })(),
            'invalid-key',
          );
          await expectStorageError(s.deletePrefix(prefix), 'invalid-key');
        }
      });
    });
  });
}
