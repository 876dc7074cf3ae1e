// Counts the bytes of a body on its way to storage and stops it early when it breaks a limit: larger
// than MEDIA_MAX_BYTES, or not the size the caller promised (a client that disconnects mid-upload must
// not leave a short object behind). Both adapters pipe every put() through it.
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { StorageError } from './storage.js';

export class BodyMeter extends Transform {
  bytes = 0;
  private readonly hash: Hash | undefined;

  constructor(
    private readonly key: string,
    private readonly limits: { maxBytes: number; size?: number | undefined },
    options: { hash?: boolean } = {},
  ) {
    super();
    this.hash = options.hash ? createHash('sha256') : undefined;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.bytes += chunk.length;
    if (this.bytes > this.limits.maxBytes) {
      callback(new StorageError('too-large', `${this.key}: the body is larger than the limit of ${this.limits.maxBytes} bytes.`, { key: this.key }));
      return;
    }
    if (this.limits.size !== undefined && this.bytes > this.limits.size) {
      callback(new StorageError('size-mismatch', `${this.key}: the body is longer than the declared ${this.limits.size} bytes.`, { key: this.key }));
      return;
    }
    this.hash?.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback) {
    if (this.limits.size !== undefined && this.bytes !== this.limits.size) {
      callback(new StorageError('size-mismatch', `${this.key}: the body ended after ${this.bytes} of the declared ${this.limits.size} bytes.`, { key: this.key }));
      return;
    }
    callback();
  }

  /** Hex SHA-256 of everything that passed (only with `hash: true`). */
  digest(): string {
    if (!this.hash) throw new Error('BodyMeter was created without hash: true');
    return this.hash.digest('hex');
  }
}
