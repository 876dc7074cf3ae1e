// Chooses the storage adapter from configuration: S3 when S3_ENDPOINT is set, else the local directory
// DATA_DIR/media whose signed URLs point at this server's /media route.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.js';
import { LocalStorage } from './local.js';
import { MEDIA_ROUTE_PREFIX } from './media.routes.js';
import { S3Storage } from './s3.js';
import type { Storage } from './storage.js';
import { UrlSigner } from './url-signer.js';

export async function openStorage(config: Config): Promise<Storage> {
  if (config.s3Endpoint) {
    return new S3Storage({
      endpoint: config.s3Endpoint,
      publicEndpoint: config.s3PublicEndpoint,
      bucket: config.s3Bucket,
      region: config.s3Region,
      credentials:
        config.s3AccessKeyId && config.s3SecretAccessKey ? { accessKeyId: config.s3AccessKeyId, secretAccessKey: config.s3SecretAccessKey } : undefined,
      forcePathStyle: config.s3ForcePathStyle,
      maxBytes: config.mediaMaxBytes,
    });
  }
  const secret = config.mediaSigningKey ? Buffer.from(config.mediaSigningKey, 'utf8') : loadOrCreateSigningKey(config.dataDir);
  return LocalStorage.open({
    root: join(config.dataDir, 'media'),
    maxBytes: config.mediaMaxBytes,
    signer: new UrlSigner(secret),
    baseUrl: `${config.publicUrl}${MEDIA_ROUTE_PREFIX}`,
  });
}

/**
 * The secret for local signed URLs lives in DATA_DIR/identity (beside the development issuer's key), so
 * every process on the same data directory — the server, `thmnayah` CLI tasks — signs URLs the /media
 * route accepts, and URLs survive a restart.
 */
export function loadOrCreateSigningKey(dataDir: string): Buffer {
  const path = join(dataDir, 'identity', 'media-url.key');
  try {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(join(dataDir, 'identity'), { recursive: true, mode: 0o700 });
  try {
    // 'wx': if another process created the key meanwhile, keep theirs.
    writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
}
