// The S3 adapter against an S3 server the test starts itself (s3rver on 127.0.0.1, port 0), so it
// always runs — no THMNAYAH_REQUIRE_SERVICES involved.
import { buffer as readAll } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openStorage } from '../../src/platform/storage/open.js';
import { S3Storage } from '../../src/platform/storage/s3.js';
import { describeStorageConformance, expectStorageError, MiB, patternStream, sha256 } from './conformance.js';
import { S3RVER_CREDENTIALS, adaptToS3rver, startS3rver, type RunningS3rver } from './s3rver.js';

const BUCKET = 'thmnayah-test';
const PART_SIZE = 5 * MiB;

function s3Storage(server: RunningS3rver, options: { now?: () => number; maxBytes?: number } = {}) {
  return adaptToS3rver(
    new S3Storage({
      endpoint: server.endpoint,
      bucket: BUCKET,
      region: 'us-east-1',
      credentials: S3RVER_CREDENTIALS,
      forcePathStyle: true,
      maxBytes: options.maxBytes ?? 64 * MiB,
      partSize: PART_SIZE,
      ...(options.now ? { now: options.now } : {}),
    }),
    BUCKET,
  );
}

describeStorageConformance(
  's3 (s3rver)',
  async () => {
    const server = await startS3rver([BUCKET]);
    const storage = s3Storage(server);
    return {
      storage,
      partSize: PART_SIZE,
      reopen: async (options) => s3Storage(server, options),
      async close() {
        await storage.close();
        await server.close();
      },
    };
  },
  {
    serviceCannot: {
      // s3rver writes the object file in place and its metadata in a second file, so racing PUTs can leave
      // one writer's bytes with another's content type (seen under load). S3 and MinIO replace atomically.
      atomicReplace: 's3rver writes bytes and metadata in place, not atomically',
    },
  },
);

describe('s3 adapter specifics', () => {
  let server: RunningS3rver;
  let storage: S3Storage;
  const commands: string[] = [];
  beforeAll(async () => {
    server = await startS3rver([BUCKET]);
    storage = s3Storage(server);
    storage.client.middlewareStack.add(
      (next, context) => async (args) => {
        commands.push(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
  });
  afterAll(async () => {
    await storage?.close();
    await server?.close();
  });

  it('uploads a stream larger than the part size in parts', async () => {
    commands.length = 0;
    const size = 3 * PART_SIZE + 1000;
    await storage.put('multipart/big.bin', patternStream(size, 5), { contentType: 'video/mp4' });
    expect(commands.filter((c) => c === 'UploadPartCommand')).toHaveLength(4);
    expect(commands).toContain('CreateMultipartUploadCommand');
    expect(commands).toContain('CompleteMultipartUploadCommand');
    expect(sha256(await readAll((await storage.get('multipart/big.bin')).body))).toBe(sha256(await readAll(patternStream(size, 5))));
  });

  it('fails a multipart upload that grows past the limit with too-large, and stores nothing', async () => {
    const limited = s3Storage(server, { maxBytes: 2 * PART_SIZE + 10 });
    try {
      await expectStorageError(limited.put('multipart/too-big.bin', patternStream(3 * PART_SIZE, 2), { contentType: 'video/mp4' }), 'too-large');
      expect(await limited.exists('multipart/too-big.bin')).toBe(false);
    } finally {
      await limited.close();
    }
  });

  it('sends small bodies in one PutObject', async () => {
    commands.length = 0;
    await storage.put('multipart/small.bin', Buffer.alloc(1000), { contentType: 'application/octet-stream' });
    expect(commands).toEqual(['PutObjectCommand']);
  });

  it('treats a service that ignores the requested range as an error, not as the bytes asked for', async () => {
    // s3rver answers `bytes=0-0` with the whole object (it reads the end 0 as "no end").
    await storage.put('range/quirk.bin', Buffer.from('0123456789'), { contentType: 'application/octet-stream' });
    await expectStorageError(storage.get('range/quirk.bin', { range: { start: 0, end: 0 } }), 'backend');
    const { body } = await storage.get('range/quirk.bin', { range: { start: 0, end: 1 } });
    expect((await readAll(body)).toString()).toBe('01');
  });

  it('signs URLs for the public endpoint when one is configured', async () => {
    const publicStorage = new S3Storage({
      endpoint: server.endpoint,
      publicEndpoint: 'https://media.example.test',
      bucket: BUCKET,
      region: 'us-east-1',
      credentials: S3RVER_CREDENTIALS,
      forcePathStyle: true,
      maxBytes: MiB,
    });
    try {
      const url = new URL(await publicStorage.signedUrl('assets/x/y.mp3', { method: 'GET', expiresIn: 60 }));
      expect(url.origin).toBe('https://media.example.test');
      expect(url.pathname).toBe(`/${BUCKET}/assets/x/y.mp3`);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    } finally {
      await publicStorage.close();
    }
  });

  it('reports a missing bucket as a backend failure', async () => {
    const wrong = new S3Storage({ endpoint: server.endpoint, bucket: 'no-such-bucket', region: 'us-east-1', credentials: S3RVER_CREDENTIALS, forcePathStyle: true, maxBytes: MiB });
    try {
      await expectStorageError(wrong.put('a/b', Buffer.from('x'), { contentType: 'text/plain' }), 'backend');
    } finally {
      await wrong.close();
    }
  });

  it('is chosen by openStorage when S3_ENDPOINT is set', async () => {
    const opened = await openStorage(
      loadConfig({ S3_ENDPOINT: server.endpoint, S3_BUCKET: BUCKET, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', MEDIA_MAX_BYTES: '2048' }),
    );
    try {
      expect(opened.kind).toBe('s3');
      expect(opened.maxBytes).toBe(2048);
      await opened.put('configured/a.txt', Buffer.from('hello'), { contentType: 'text/plain' });
      expect((await readAll((await opened.get('configured/a.txt')).body)).toString()).toBe('hello');
    } finally {
      await opened.close();
    }
  });
});
