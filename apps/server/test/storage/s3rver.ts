// An S3-speaking server for tests: @20minutes/s3rver, a maintained fork of s3rver (the original
// 3.7.1 is unmaintained since 2020 and does not check SigV4 signatures; this fork does, so presigned
// URL tests mean something). It listens on 127.0.0.1, port 0, with its files in a temporary folder.
import S3rver from '@20minutes/s3rver';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The fork's built-in account. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface RunningS3rver {
  endpoint: string;
  close(): Promise<void>;
}

export async function startS3rver(buckets: string[]): Promise<RunningS3rver> {
  const directory = mkdtempSync(join(tmpdir(), 'thmnayah-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * s3rver computes the SigV4 canonical URI of bucket-level requests (ListObjectsV2, HeadBucket) as
 * `/bucket` while the SDK signs `/bucket/`, and then refuses the signature. Real S3 and MinIO accept
 * both forms. Dropping that trailing slash before signing keeps signature checking on for every request
 * instead of switching it off in the test server.
 */
export function adaptToS3rver<S extends { client: { middlewareStack: { add: (...args: never[]) => unknown } } }>(storage: S, bucket: string): S {
  (storage.client.middlewareStack.add as unknown as (middleware: unknown, options: unknown) => void)(
    (next: (args: unknown) => Promise<unknown>) => async (args: { request?: { path?: string } }) => {
      if (args.request?.path === `/${bucket}/`) args.request.path = `/${bucket}`;
      return next(args);
    },
    { step: 'build', name: 's3rverBucketPath' },
  );
  return storage;
}
