// A local adapter in a temporary folder, with its /media route served by a real Fastify server on a
// loopback port (so signed URLs are fetched over HTTP exactly as a player would).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createHttpServer, type App } from '../../src/platform/http/server.js';
import { createMetrics } from '../../src/platform/telemetry/metrics.js';
import { LocalStorage } from '../../src/platform/storage/local.js';
import { registerMediaRoutes } from '../../src/platform/storage/media.routes.js';
import { UrlSigner } from '../../src/platform/storage/url-signer.js';
import type { ConformanceHarness } from './conformance.js';
import { loadConfig } from '../../src/config.js';

export interface LocalHarness extends ConformanceHarness {
  storage: LocalStorage;
  app: App;
  dir: string;
  secret: Buffer;
}

export async function createTestHttpServer(): Promise<App> {
  return createHttpServer({
    logLevel: 'silent',
    bodyLimitBytes: 1024 * 1024,
    metrics: createMetrics({ defaultMetrics: false }),
    publicUrl: 'http://127.0.0.1',
    version: 'test',
    timeouts: loadConfig({}).http,
    logger: false,
  });
}

export async function startLocalHarness(options: { maxBytes?: number; listen?: boolean } = {}): Promise<LocalHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'thmnayah-media-'));
  const secret = randomBytes(32);
  let base = 'http://127.0.0.1/media';
  const baseUrl = () => base;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const storage = await LocalStorage.open({ root: dir, maxBytes, signer: new UrlSigner(secret), baseUrl });
  const app = await createTestHttpServer();
  registerMediaRoutes(app, storage);
  if (options.listen ?? true) {
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/media`;
  } else {
    await app.ready();
  }
  return {
    storage,
    app,
    dir,
    secret,
    reopen: (o) => LocalStorage.open({ root: dir, maxBytes: o.maxBytes ?? maxBytes, signer: new UrlSigner(secret, o.now), baseUrl }),
    async close() {
      // Node does not count a keep-alive connection as idle after an early answer to an upload (413
      // before the body ended), so Fastify's close would wait for the client's keep-alive timeout.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
