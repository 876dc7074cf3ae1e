// A whole server for media integration tests: a fresh database (PGlite or PostgreSQL), storage in a
// temporary directory or in an S3 server the test starts (s3rver on 127.0.0.1:0), every role's routes,
// and helpers to upload, wait, read event streams and start the worker the way `thmnayah start` does.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { loadConfig, ROLES, type Config } from '../../src/config.js';
import { createPlatform, type Platform } from '../../src/platform.js';
import { createServer, startBackground } from '../../src/app.js';
import type { Discovery } from '../../src/discovery/plugin.js';
import { discoveryIndexer } from '../../src/discovery/indexer.js';
import { mediaConsumer } from '../../src/media/jobs/media.consumer.js';
import { MediaWorker } from '../../src/media/jobs/job-worker.js';
import { playbackLinks } from '../../src/media/api/playback.js';
import { localJobRunner } from '../../src/media/jobs/runners.js';
import type { App } from '../../src/platform/http/server.js';
import type { CmsRole } from '../../src/platform/auth/roles.js';
import { S3Storage } from '../../src/platform/storage/s3.js';
import type { Storage } from '../../src/platform/storage/storage.js';
import { openTestPglite, openTestPostgres, type Backend } from '../support/databases.js';
import { waitFor } from '../events/support.js';
import { S3RVER_CREDENTIALS, adaptToS3rver, startS3rver, type RunningS3rver } from '../storage/s3rver.js';

export type StorageKind = 'local' | 's3';
export const quiet = { error() {}, warn() {} };
const BUCKET = 'thmnayah-media-test';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface MediaApp {
  app: App;
  platform: Platform;
  discovery: Discovery;
  config: Config;
  storageKind: StorageKind;
  /** PostgreSQL only: for another process working on the same database. */
  databaseUrl: string | undefined;
  auth(role: CmsRole, sub?: string): Promise<Record<string, string>>;
  /** Starts relay + worker with the media consumer and the indexer, as `thmnayah start` does. */
  startWorker(): void;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function createMediaApp(backend: Backend, storageKind: StorageKind, env: Record<string, string> = {}): Promise<MediaApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-media-app-'));
  let s3: RunningS3rver | undefined;
  let storage: Storage | undefined;
  const s3Env: Record<string, string> = {};
  if (storageKind === 's3') {
    s3 = await startS3rver([BUCKET]);
    Object.assign(s3Env, { S3_ENDPOINT: s3.endpoint, S3_BUCKET: BUCKET, S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId, S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey });
  }
  const config = loadConfig({
    DATA_DIR: dataDir, LOG_LEVEL: 'silent', EVENT_POLL_MS: '50', MEDIA_POLL_MS: '100', RATE_LIMIT_PER_MINUTE: '1000000', MEDIA_RETRY_BASE_MS: '50',
    ...s3Env, ...env,
  });
  if (s3) {
    storage = adaptToS3rver(new S3Storage({
      endpoint: s3.endpoint, bucket: BUCKET, region: config.s3Region, credentials: S3RVER_CREDENTIALS, forcePathStyle: true, maxBytes: config.mediaMaxBytes,
    }), BUCKET);
  }
  const database = backend === 'pglite'
    ? await openTestPglite().then((db) => ({ db, url: undefined, close: () => db.close() }))
    : await openTestPostgres();
  const platform = await createPlatform(config, { db: database.db, migrate: false, defaultMetrics: false, ...(storage ? { storage } : {}) });
  const { app, discovery } = await createServer(platform, ROLES.filter((role) => role !== 'web'), { logger: env.LOG_LEVEL === 'error' ? { level: 'error' } : false });
  await app.ready();
  let stop: (() => Promise<void>) | undefined;
  const stopWorker = async () => {
    await stop?.();
    stop = undefined;
  };
  return {
    app, platform, discovery: discovery!, config, storageKind, databaseUrl: database.url,
    async auth(role, sub) {
      const token = await platform.devIssuer!.sign({ sub: sub ?? `test-${role}`, roles: [role], ttlSeconds: 600 });
      return { authorization: `Bearer ${token}` };
    },
    startWorker() {
      stop ??= startBackground(platform, ['relay', 'worker'], quiet, [mediaConsumer(), discoveryIndexer()]);
    },
    stopWorker,
    async close() {
      await stopWorker();
      await app.close();
      await platform.close();
      await storage?.close();
      await database.close();
      await s3?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function multipart(fileName: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----thmnayah${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function call(t: MediaApp, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, options: { headers?: Record<string, string>; body?: unknown; expect?: number } = {}) {
  const response = await t.app.inject({ method, url, headers: options.headers ?? {}, ...(options.body !== undefined ? { payload: options.body as Json } : {}) });
  if (options.expect !== undefined) expect(response.statusCode, `${method} ${url}: ${response.body.slice(0, 500)}`).toBe(options.expect);
  let body: Json = {};
  try {
    body = JSON.parse(response.body);
  } catch {
    body = { text: response.body };
  }
  return { status: response.statusCode, headers: response.headers, body, raw: response };
}

/** Uploads a file through the streamed multipart route. */
export async function upload(t: MediaApp, editor: Record<string, string>, owner: { type: 'episode' | 'program'; id: string; kind: string }, path: string, name: string) {
  const { payload, headers } = multipart(name, await readFile(path));
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/cms/assets?ownerType=${owner.type}&ownerId=${owner.id}&kind=${owner.kind}`,
    headers: { ...editor, ...headers },
    payload,
  });
  return { status: response.statusCode, body: response.json() as Json };
}

export async function waitForAsset(t: MediaApp, headers: Record<string, string>, id: string, statuses: string[], timeoutMs = 90_000): Promise<Json> {
  let asset: Json;
  await waitFor(`asset ${id} to be ${statuses.join(' or ')}`, async () => {
    asset = (await call(t, 'GET', `/api/cms/assets/${id}`, { headers })).body;
    return statuses.includes(asset.status);
  }, timeoutMs);
  return asset;
}

/** Parses a text/event-stream body into its events' data. */
export function parseEvents(body: string): Json[] {
  return body
    .split('\n\n')
    .map((block) => block.split('\n').find((line) => line.startsWith('data: ')))
    .filter((line): line is string => line !== undefined)
    .map((line) => JSON.parse(line.slice('data: '.length)));
}

/** The path of a playback URL (the tests reach the app through inject, not its PUBLIC_URL). */
export const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

export async function createEpisodeFor(t: MediaApp, editor: Record<string, string>, options: { publish?: boolean; title?: string } = {}) {
  const program = (await call(t, 'POST', '/api/cms/programs', { headers: editor, body: { kind: 'podcast', title: options.title ?? 'Media test', language: 'en' }, expect: 201 })).body;
  const episode = (await call(t, 'POST', '/api/cms/episodes', { headers: editor, body: { programId: program.id, title: 'Episode with media' }, expect: 201 })).body;
  if (options.publish) {
    await call(t, 'POST', `/api/cms/programs/${program.id}/publish`, { headers: editor, expect: 200 });
    await call(t, 'POST', `/api/cms/episodes/${episode.id}/publish`, { headers: editor, expect: 200 });
  }
  return { program, episode };
}

/** The storage keys under an asset's folder. */
export async function storedKeys(t: MediaApp, assetId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of t.platform.storage.list(`assets/${assetId}/`)) keys.push(object.key);
  return keys;
}

/** FFmpeg processes this test process started that are still alive. */
export function liveFfmpegChildren(): number {
  const out = execFileSync('ps', ['-eo', 'ppid=,comm='], { encoding: 'utf8' });
  return out.split('\n').filter((line) => {
    const [ppid, comm] = line.trim().split(/\s+/);
    return Number(ppid) === process.pid && comm === 'ffmpeg';
  }).length;
}

/** A worker that only sweeps (call purge() by hand), with its grace periods at zero. */
export function sweeper(t: MediaApp): MediaWorker {
  return new MediaWorker({
    db: t.platform.db, storage: t.platform.storage, runner: localJobRunner(t.platform.storage), links: playbackLinks(t.config),
    concurrency: 1, retry: { maxAttempts: 1, retryBaseMs: 1 }, jobTimeoutSeconds: 60, maxDurationSeconds: 3600, maxInputBytes: 1e9, pollMs: 1000,
    log: quiet, retiredGraceMs: 0, abandonedUploadMs: 0,
  });
}
