// The S3 adapter (MinIO in the cluster, or any S3-compatible service), with the AWS SDK v3:
// @aws-sdk/client-s3 for requests, @aws-sdk/lib-storage's Upload for streamed multipart uploads (parts
// are uploaded as the stream arrives, so memory stays at partSize × queueSize per upload), and
// @aws-sdk/s3-request-presigner for presigned GET/PUT URLs. The SDK 3.x line supports Node 20
// (engines >=20) until its releases of January 2027; see docs/storage.md.
import {
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type GetObjectCommandOutput,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { validateFolderPrefix, validateKey, validatePrefix } from './keys.js';
import { BodyMeter } from './meter.js';
import {
  checkContentType,
  checkSignedUrlOptions,
  checkSize,
  resolveByteRange,
  StorageError,
  toReadable,
  type Body,
  type GetOptions,
  type GetResult,
  type ListedObject,
  type ObjectInfo,
  type PutOptions,
  type PutResult,
  type SignedUrlOptions,
  type Storage,
} from './storage.js';

export interface S3StorageOptions {
  /** Where the server reaches S3, e.g. `http://minio:9000`. */
  endpoint: string;
  /** Where clients reach S3, for presigned URLs (the signature covers the host). Default: endpoint. */
  publicEndpoint?: string | undefined;
  bucket: string;
  region: string;
  /** Static keys; without them the SDK's default chain applies (AWS_* variables, web identity, …). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** `http://host/bucket/key` instead of `http://bucket.host/key`: MinIO and most self-hosted S3 need it. */
  forcePathStyle: boolean;
  maxBytes: number;
  /** Multipart part size; S3 requires at least 5 MiB. Default 8 MiB. */
  partSize?: number;
  /** Parts uploaded in parallel per object. Default 4. */
  queueSize?: number;
  /** Clock for presigned URLs (tests sign "in the past" to get an expired URL). */
  now?: () => number;
}

const MIN_PART_SIZE = 5 * 1024 * 1024;
const DELETE_CONCURRENCY = 8;

export class S3Storage implements Storage {
  readonly kind = 's3' as const;
  readonly maxBytes: number;
  /** The SDK client, exposed for tests and operations tooling (middleware, metrics). */
  readonly client: S3Client;
  private readonly presignClient: S3Client;
  private readonly bucket: string;
  private readonly partSize: number;
  private readonly queueSize: number;
  private readonly now: () => number;

  constructor(options: S3StorageOptions) {
    const common = {
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      ...(options.credentials ? { credentials: options.credentials } : {}),
      // Since 3.729 the SDK adds CRC32 checksums (and aws-chunked bodies) to every upload by default;
      // many S3-compatible services (older MinIO, Ceph, s3rver) reject or mis-store those. Checksums only
      // where an operation requires them keeps one behaviour across services.
      requestChecksumCalculation: 'WHEN_REQUIRED' as const,
      responseChecksumValidation: 'WHEN_REQUIRED' as const,
    };
    this.client = new S3Client({ ...common, endpoint: options.endpoint });
    this.presignClient = options.publicEndpoint && options.publicEndpoint !== options.endpoint ? new S3Client({ ...common, endpoint: options.publicEndpoint }) : this.client;
    this.bucket = options.bucket;
    this.maxBytes = options.maxBytes;
    this.partSize = Math.max(MIN_PART_SIZE, options.partSize ?? 8 * 1024 * 1024);
    this.queueSize = options.queueSize ?? 4;
    this.now = options.now ?? Date.now;
  }

  async put(key: string, body: Body, options: PutOptions): Promise<PutResult> {
    validateKey(key);
    const contentType = checkContentType(options.contentType);
    if (options.size !== undefined) checkSize(options.size, this.maxBytes);
    const meter = new BodyMeter(key, { maxBytes: this.maxBytes, size: options.size });
    // The meter sits between the caller's stream and the uploader: too many bytes, or fewer than
    // promised, fail the upload before CompleteMultipartUpload, so no object appears.
    let streamError: unknown;
    const metered = pipeline(toReadable(body), meter, (error) => {
      streamError ??= error ?? undefined;
    });
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: metered, ContentType: contentType },
      partSize: this.partSize,
      queueSize: this.queueSize,
    });
    try {
      const result = await upload.done();
      return { key, size: meter.bytes, etag: unquote(result.ETag ?? '') };
    } catch (error) {
      meter.destroy();
      // The body's own failure (too large, short, the client gone) is the cause; Upload may instead report
      // that aborting the multipart upload failed as well.
      throw this.translate(streamError ?? error, key);
    }
  }

  async get(key: string, options: GetOptions = {}): Promise<GetResult> {
    validateKey(key);
    let ifMatch = options.ifMatch;
    let wanted: { start: number; end?: number } | undefined;
    if (options.range && 'suffix' in options.range) {
      // S3 and MinIO understand `bytes=-N`, but S3-compatible services differ (s3rver reads it as
      // `bytes=0-N`). Resolving it against the size gives one answer everywhere; the If-Match pins the
      // GET to the object the HEAD measured. The media route never needs this: it resolves ranges itself.
      const info = await this.head(key);
      if (!info) throw notFound(key);
      if (ifMatch !== undefined && ifMatch !== info.etag) throw preconditionFailed(key);
      const resolved = resolveByteRange(options.range, info.size);
      if (!resolved) throw new StorageError('range-not-satisfiable', `The range is outside ${key} (${info.size} bytes).`, { key, size: info.size });
      wanted = resolved;
      ifMatch = info.etag;
    } else if (options.range) {
      resolveByteRange(options.range, Number.MAX_SAFE_INTEGER); // validates the numbers
      wanted = options.range.end === undefined ? { start: options.range.start } : { start: options.range.start, end: options.range.end };
    }
    let output: GetObjectCommandOutput;
    try {
      output = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(wanted ? { Range: `bytes=${wanted.start}-${wanted.end ?? ''}` } : {}),
          ...(ifMatch !== undefined ? { IfMatch: `"${ifMatch}"` } : {}),
        }),
      );
    } catch (error) {
      const translated = this.translate(error, key);
      if (translated.code === 'range-not-satisfiable') {
        const info = await this.head(key);
        throw new StorageError('range-not-satisfiable', `The range is outside ${key}${info ? ` (${info.size} bytes)` : ''}.`, { key, ...(info ? { size: info.size } : {}) });
      }
      throw translated;
    }
    const body = output.Body as Readable;
    try {
      const partLength = output.ContentLength ?? 0;
      const contentRange = output.ContentRange ? parseContentRange(output.ContentRange) : undefined;
      const size = contentRange?.size ?? partLength;
      const etag = unquote(output.ETag ?? '');
      // Checked here too, not only sent: some S3-compatible services (s3rver) ignore If-Match.
      if (ifMatch !== undefined && etag !== ifMatch) throw preconditionFailed(key);
      let range: { start: number; end: number } | undefined;
      if (wanted && size === 0) {
        // No byte of an empty object is in any range (services answer this case differently).
        throw new StorageError('range-not-satisfiable', `The range is outside ${key} (0 bytes).`, { key, size: 0 });
      }
      if (wanted) {
        const expectedEnd = Math.min(wanted.end ?? size - 1, size - 1);
        // Never hand a player the wrong bytes: a service that ignores or misreads the Range is an error.
        if (!contentRange || contentRange.start !== wanted.start || contentRange.end !== expectedEnd) {
          throw new StorageError('backend', `S3 answered ${key} bytes=${wanted.start}-${wanted.end ?? ''} with Content-Range ${output.ContentRange ?? '(none)'}.`, { key });
        }
        range = { start: contentRange.start, end: contentRange.end };
      }
      const info: ObjectInfo = {
        key,
        size,
        contentType: output.ContentType ?? 'application/octet-stream',
        etag,
        lastModified: output.LastModified ?? new Date(0),
      };
      return { info, body, ...(range ? { range } : {}) };
    } catch (error) {
      body.destroy();
      throw error;
    }
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    validateKey(key);
    try {
      const output = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        key,
        size: output.ContentLength ?? 0,
        contentType: output.ContentType ?? 'application/octet-stream',
        etag: unquote(output.ETag ?? ''),
        lastModified: output.LastModified ?? new Date(0),
      };
    } catch (error) {
      const translated = this.translate(error, key);
      if (translated.code === 'not-found') return undefined;
      throw translated;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== undefined;
  }

  async delete(key: string): Promise<void> {
    validateKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      const translated = this.translate(error, key);
      if (translated.code !== 'not-found') throw translated;
    }
  }

  async deletePrefix(prefix: string): Promise<number> {
    validateFolderPrefix(prefix);
    const keys: string[] = [];
    for await (const object of this.list(prefix)) keys.push(object.key);
    // One DeleteObject per key, a few at a time. The batch DeleteObjects call needs a Content-MD5 that
    // SDK versions since 3.729 no longer send, and MinIO and others then refuse it (aws-sdk-js-v3#6920);
    // deleting an asset's files is rare background work, so portability wins over request count.
    let next = 0;
    const worker = async () => {
      while (next < keys.length) {
        const key = keys[next++]!;
        await this.delete(key);
      }
    };
    await Promise.all(Array.from({ length: Math.min(DELETE_CONCURRENCY, keys.length) }, worker));
    return keys.length;
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    validatePrefix(prefix);
    let token: string | undefined;
    do {
      let page;
      try {
        page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, ...(prefix ? { Prefix: prefix } : {}), ...(token ? { ContinuationToken: token } : {}) }),
        );
      } catch (error) {
        throw this.translate(error, prefix);
      }
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        yield { key: object.Key, size: object.Size ?? 0, lastModified: object.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async signedUrl(key: string, options: SignedUrlOptions): Promise<string> {
    validateKey(key);
    checkSignedUrlOptions(options, this.maxBytes);
    const signableHeaders = new Set<string>();
    const command =
      options.method === 'GET'
        ? new GetObjectCommand({ Bucket: this.bucket, Key: key })
        : new PutObjectCommand({
            Bucket: this.bucket,
            Key: key,
            ...(options.contentType !== undefined ? { ContentType: options.contentType } : {}),
            ...(options.size !== undefined ? { ContentLength: options.size } : {}),
            // One upload per URL: S3 and MinIO refuse (412) a PUT with If-None-Match: * once the object exists,
            // so the URL cannot replace the bytes `complete` checked (issue 15). The client sends the header.
            ...(options.singleUse ? { IfNoneMatch: '*' } : {}),
          });
    // Signing these headers makes S3 refuse an upload with another type or length than the URL allows.
    if (options.contentType !== undefined) signableHeaders.add('content-type');
    if (options.size !== undefined) signableHeaders.add('content-length');
    if (options.method === 'PUT' && options.singleUse) signableHeaders.add('if-none-match');
    return getSignedUrl(this.presignClient, command, { expiresIn: options.expiresIn, signingDate: new Date(this.now()), signableHeaders });
  }

  async ping(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      throw this.translate(error, this.bucket);
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
    if (this.presignClient !== this.client) this.presignClient.destroy();
  }

  /** SDK errors become StorageErrors with a code; our own errors (from the meter) pass through. */
  private translate(error: unknown, key: string): StorageError {
    if (error instanceof StorageError) return error;
    const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    const status = e.$metadata?.httpStatusCode;
    if (e.name === 'NoSuchBucket') return new StorageError('backend', `S3 bucket ${this.bucket} does not exist.`, { key, cause: error });
    if (e.name === 'NoSuchKey' || e.name === 'NotFound' || status === 404) return notFound(key);
    if (e.name === 'InvalidRange' || status === 416) return new StorageError('range-not-satisfiable', `The range is outside ${key}.`, { key });
    if (e.name === 'PreconditionFailed' || status === 412) return preconditionFailed(key);
    return new StorageError('backend', `S3 request for ${key} failed: ${e.name ?? 'Error'}: ${e.message ?? String(error)}`, { key, cause: error });
  }
}

function parseContentRange(value: string): { start: number; end: number; size: number } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(value.trim());
  if (!match) return undefined;
  return { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) };
}

const unquote = (etag: string) => etag.replace(/^W\//, '').replace(/^"|"$/g, '');
const notFound = (key: string) => new StorageError('not-found', `Object ${key} does not exist.`, { key });
const preconditionFailed = (key: string) => new StorageError('precondition-failed', `${key} has changed since it was measured.`, { key });
