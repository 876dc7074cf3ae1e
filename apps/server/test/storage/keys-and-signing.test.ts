import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, VARIABLES } from '../../src/config.js';
import { decideRange } from '../../src/platform/http/range.js';
import { assetKey, assetPrefix, isImmutableKey, keyProblem, validateFolderPrefix, validatePrefix } from '../../src/platform/storage/keys.js';
import { resolveByteRange, StorageError } from '../../src/platform/storage/storage.js';
import { UrlSigner } from '../../src/platform/storage/url-signer.js';

const id = '3f2b8c1e-9a4d-4c7b-8e1f-0a2b3c4d5e6f';

describe('key builders', () => {
  it('builds asset keys from typed parts', () => {
    expect(assetPrefix(id)).toBe(`assets/${id}/`);
    expect(assetKey(id, 'audio-hls', 'index.m3u8')).toBe(`assets/${id}/audio-hls/index.m3u8`);
    expect(assetKey(id, 'video-hls', '720p/seg-00001.ts')).toBe(`assets/${id}/video-hls/720p/seg-00001.ts`);
    expect(assetKey(id.toUpperCase(), 'poster', 'poster.webp')).toBe(`assets/${id}/poster/poster.webp`);
  });

  it.each([
    ['a non-UUID asset id', () => assetKey('../../etc', 'original', 'x')],
    ['an empty asset id', () => assetPrefix('')],
    ['an unknown rendition', () => assetKey(id, 'thumbnails' as 'poster', 'x.webp')],
    ['a parent segment in the file', () => assetKey(id, 'original', '../other/x')],
    ['an absolute file', () => assetKey(id, 'original', '/x')],
    ['an upper-case file', () => assetKey(id, 'original', 'Source.MP3')],
    ['a file name from a user', () => assetKey(id, 'original', 'حلقة 1.mp3')],
    ['a file four folders deep', () => assetKey(id, 'video-hls', 'a/b/c/d.ts')],
    ['an empty file', () => assetKey(id, 'original', '')],
  ])('refuses %s', (_label, build) => {
    expect(build).toThrow(StorageError);
  });

  it('treats asset files as immutable and everything else as changeable', () => {
    expect(isImmutableKey(assetKey(id, 'audio-hls', 'index.m3u8'))).toBe(true);
    expect(isImmutableKey(`assets/${id}/original`)).toBe(false);
    expect(isImmutableKey('assets/not-a-uuid/poster/p.webp')).toBe(false);
    expect(isImmutableKey(`assets/${id}/drafts/p.webp`)).toBe(false);
    expect(isImmutableKey('drafts/x.txt')).toBe(false);
  });
});

describe('key validation', () => {
  it('explains what is wrong', () => {
    expect(keyProblem('a/../b')).toMatch(/"\.\." segment/);
    expect(keyProblem('/a')).toMatch(/absolute/);
    expect(keyProblem('a\0b')).toMatch(/NUL/);
    expect(keyProblem('a\\b')).toMatch(/backslash/);
    expect(keyProblem('a\u0001b')).toMatch(/control/);
    expect(keyProblem('x'.repeat(513))).toMatch(/longer than 512/);
    expect(keyProblem('Abc')).toMatch(/lowercase/);
    expect(keyProblem(42)).toMatch(/not a string/);
    expect(keyProblem(`assets/${id}/audio-hls/index.m3u8`)).toBeUndefined();
  });

  it('accepts prefixes that begin a valid key, and deletePrefix only whole folders', () => {
    for (const ok of ['', 'assets/', `assets/${id}/`, 'assets/3f2b', `assets/${id}/audio-hls/seg-`]) expect(validatePrefix(ok)).toBe(ok);
    for (const bad of ['../', '/assets/', 'assets/.', 'assets//', 'Assets/', 'a\\']) expect(() => validatePrefix(bad)).toThrow(StorageError);
    expect(validateFolderPrefix(`assets/${id}/`)).toBe(`assets/${id}/`);
    for (const bad of ['', 'assets/3f2b', `assets/${id}`]) expect(() => validateFolderPrefix(bad)).toThrow(/folder prefix/);
  });
});

describe('byte ranges of the port', () => {
  it('resolves ranges against the size like HTTP does', () => {
    expect(resolveByteRange({ start: 0, end: 9 }, 100)).toEqual({ start: 0, end: 9 });
    expect(resolveByteRange({ start: 90 }, 100)).toEqual({ start: 90, end: 99 });
    expect(resolveByteRange({ start: 90, end: 500 }, 100)).toEqual({ start: 90, end: 99 });
    expect(resolveByteRange({ suffix: 10 }, 100)).toEqual({ start: 90, end: 99 });
    expect(resolveByteRange({ suffix: 500 }, 100)).toEqual({ start: 0, end: 99 });
    expect(resolveByteRange({ start: 100 }, 100)).toBeUndefined();
    expect(resolveByteRange({ suffix: 0 }, 100)).toBeUndefined();
    expect(resolveByteRange({ start: 0 }, 0)).toBeUndefined();
  });
});

describe('HTTP range decisions', () => {
  const v = { etag: 'abc', lastModified: new Date('2026-01-02T03:04:05Z') };
  const decide = (range: string | undefined, size = 1000, ifRange?: string) => decideRange({ range, ifRange }, size, v);

  it('serves one range partially and ignores what it may ignore', () => {
    expect(decide(undefined)).toEqual({ kind: 'full' });
    expect(decide('bytes=0-0')).toEqual({ kind: 'partial', start: 0, end: 0 });
    expect(decide('bytes=-5000')).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(decide('bytes=5-10, -5000')).toEqual({ kind: 'partial', start: 0, end: 999 }); // merged
    expect(decide('bytes=0-1,10-11')).toEqual({ kind: 'full' });
    expect(decide('bytes=x-y')).toEqual({ kind: 'full' });
    expect(decide('pages=1-2')).toEqual({ kind: 'full' });
    expect(decide('bytes=1000-')).toEqual({ kind: 'unsatisfiable' });
    expect(decide('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('keeps the range only when If-Range matches exactly', () => {
    expect(decide('bytes=0-9', 1000, '"abc"')).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(decide('bytes=0-9', 1000, 'W/"abc"')).toEqual({ kind: 'full' });
    expect(decide('bytes=0-9', 1000, v.lastModified.toUTCString())).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(decide('bytes=0-9', 1000, new Date('2026-01-02T03:04:06Z').toUTCString())).toEqual({ kind: 'full' });
    expect(decide('bytes=0-9', 1000, 'not a date')).toEqual({ kind: 'full' });
  });
});

describe('UrlSigner', () => {
  const secret = randomBytes(32);
  const signer = new UrlSigner(secret);
  const query = (params: URLSearchParams) => Object.fromEntries(params);
  const key = `assets/${randomUUID()}/audio-mp3/a.mp3`;

  it('verifies what it signed, for GET and HEAD', () => {
    const q = query(signer.sign({ method: 'GET', key, expiresIn: 60 }));
    expect(signer.verify({ method: 'GET', key, query: q })).toMatchObject({ ok: true });
    expect(signer.verify({ method: 'HEAD', key, query: q })).toMatchObject({ ok: true });
  });

  it('carries upload constraints in the URL, covered by the signature', () => {
    const q = query(signer.sign({ method: 'PUT', key, expiresIn: 60, contentType: 'audio/mpeg', size: 123 }));
    expect(q).toMatchObject({ type: 'audio/mpeg', size: '123' });
    expect(signer.verify({ method: 'PUT', key, query: q })).toMatchObject({ ok: true, contentType: 'audio/mpeg', size: 123 });
    for (const change of [{ type: 'text/html' }, { size: '999' }, { type: undefined }, { size: undefined }, { expires: String(Number(q.expires) + 1) }]) {
      const tampered = Object.fromEntries(Object.entries({ ...q, ...change }).filter(([, v]) => v !== undefined));
      expect(signer.verify({ method: 'PUT', key, query: tampered })).toEqual({ ok: false, reason: 'bad-signature' });
    }
    expect(signer.verify({ method: 'GET', key, query: q })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(signer.verify({ method: 'PUT', key: `${key}x`, query: q })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses expired, missing, malformed and foreign signatures', () => {
    const past = new UrlSigner(secret, () => Date.now() - 120_000);
    expect(signer.verify({ method: 'GET', key, query: query(past.sign({ method: 'GET', key, expiresIn: 60 })) })).toEqual({ ok: false, reason: 'expired' });
    expect(signer.verify({ method: 'GET', key, query: {} })).toEqual({ ok: false, reason: 'missing' });
    const q = query(signer.sign({ method: 'GET', key, expiresIn: 60 }));
    expect(signer.verify({ method: 'GET', key, query: { ...q, signature: [q.signature, q.signature] } })).toEqual({ ok: false, reason: 'malformed' });
    expect(signer.verify({ method: 'GET', key, query: { ...q, expires: '12abc' } })).toEqual({ ok: false, reason: 'malformed' });
    expect(signer.verify({ method: 'GET', key, query: { ...q, signature: 'x' } })).toEqual({ ok: false, reason: 'malformed' });
    expect(signer.verify({ method: 'DELETE', key, query: q })).toEqual({ ok: false, reason: 'wrong-method' });
    expect(new UrlSigner(randomBytes(32)).verify({ method: 'GET', key, query: q })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(() => new UrlSigner(Buffer.from('short'))).toThrow(/32 bytes/);
  });
});

describe('storage configuration', () => {
  it('documents every storage variable', () => {
    const names = VARIABLES.map((v) => v.name);
    for (const name of ['S3_ENDPOINT', 'S3_PUBLIC_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE', 'MEDIA_MAX_BYTES', 'MEDIA_SIGNING_KEY']) {
      expect(names).toContain(name);
    }
  });

  it('has embedded defaults and reads the S3 variables', () => {
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({ s3Endpoint: undefined, s3Bucket: 'thmnayah-media', s3Region: 'us-east-1', s3ForcePathStyle: true, mediaMaxBytes: 5 * 1024 ** 3 });
    const s3 = loadConfig({
      S3_ENDPOINT: 'http://minio:9000',
      S3_PUBLIC_ENDPOINT: 'https://media.example.org',
      S3_BUCKET: 'media',
      S3_REGION: 'eu-west-1',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'false',
      MEDIA_MAX_BYTES: '1048576',
    });
    expect(s3).toMatchObject({ s3Endpoint: 'http://minio:9000', s3PublicEndpoint: 'https://media.example.org', s3Bucket: 'media', s3Region: 'eu-west-1', s3AccessKeyId: 'id', s3SecretAccessKey: 'secret', s3ForcePathStyle: false, mediaMaxBytes: 1048576 });
  });

  it('names each bad storage variable', () => {
    let error: unknown;
    try {
      loadConfig({ S3_ENDPOINT: 'minio:9000x', S3_FORCE_PATH_STYLE: 'maybe', S3_ACCESS_KEY_ID: 'only-id', S3_BUCKET: 'Bad_Bucket', MEDIA_MAX_BYTES: String(6 * 1024 ** 3), MEDIA_SIGNING_KEY: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as ConfigError).problems.join('\n');
    for (const name of ['S3_ENDPOINT', 'S3_FORCE_PATH_STYLE', 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY', 'S3_BUCKET', 'MEDIA_MAX_BYTES', 'MEDIA_SIGNING_KEY']) {
      expect(text).toContain(name);
    }
  });
});
