// A complete server for tests on a fresh database: requests go through app.inject (no socket), with
// tokens from the development issuer in a temporary DATA_DIR.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, ROLES, type Config, type Role } from '../../src/config.js';
import { createPlatform, type Platform } from '../../src/platform.js';
import { createServer } from '../../src/app.js';
import type { Discovery } from '../../src/discovery/plugin.js';
import type { Web } from '../../src/web/plugin.js';
import type { App } from '../../src/platform/http/server.js';
import type { CmsRole } from '../../src/platform/auth/roles.js';
import { openTestDb, type Backend } from './databases.js';

export interface TestApp {
  app: App;
  platform: Platform;
  /** Present when the discovery role is mounted. */
  discovery: Discovery | undefined;
  /** Present when the web role is mounted (it needs the web app's build). */
  web: Web | undefined;
  config: Config;
  /** A bearer header value for a user with these roles (sub defaults to `test-<role>`). */
  auth(role: CmsRole | CmsRole[] | null, sub?: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function createTestApp(backend: Backend, options: { roles?: Role[]; env?: Record<string, string> } = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...options.env });
  const database = await openTestDb(backend);
  const platform = await createPlatform(config, { db: database.db, migrate: false, defaultMetrics: false });
  const { app, discovery, web } = await createServer(platform, options.roles ?? ROLES.filter((role) => role !== 'web'), { logger: false });
  await app.ready();
  return {
    app,
    platform,
    discovery,
    web,
    config,
    async auth(role, sub): Promise<Record<string, string>> {
      if (role === null) return {};
      const roles = Array.isArray(role) ? role : [role];
      const token = await platform.devIssuer!.sign({ sub: sub ?? `test-${roles.join('-') || 'none'}`, roles, ttlSeconds: 600 });
      return { authorization: `Bearer ${token}` };
    },
    async close() {
      await app.close();
      await platform.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
