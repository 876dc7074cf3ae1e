// One log line per request, when it completes, for the requests REQUEST_LOG names (platform/http/request-log.ts):
// by default every request except the successful answers of public reads, whose thousands a second would
// cost the public side CPU and say what /metrics says already.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createPlatform, type Platform } from '../../src/platform.js';
import { createServer } from '../../src/app.js';
import type { App } from '../../src/platform/http/server.js';
import { openTestDb } from '../support/databases.js';

type Line = { level: number; msg: string; reqId?: string; req?: { method: string; url: string }; res?: { statusCode: number }; responseTime?: number };

describe.each([
  { policy: undefined, level: 'info', publicOk: false, privateOk: true },
  { policy: 'all', level: 'info', publicOk: true, privateOk: true },
  { policy: 'errors', level: 'info', publicOk: false, privateOk: false },
  { policy: undefined, level: 'debug', publicOk: true, privateOk: true },
])('request lines with REQUEST_LOG=$policy at LOG_LEVEL=$level', ({ policy, level, publicOk, privateOk }) => {
  let app: App;
  let platform: Platform;
  let close: () => Promise<void>;
  let dataDir: string;
  const lines: Line[] = [];
  const linesOf = (reqId: string) => lines.filter((l) => l.reqId === reqId);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-request-log-'));
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: level, ...(policy ? { REQUEST_LOG: policy } : {}) });
    const database = await openTestDb('pglite');
    close = database.close;
    platform = await createPlatform(config, { db: database.db, migrate: false, defaultMetrics: false });
    const stream = new Writable({ write(chunk, _encoding, done) { lines.push(...String(chunk).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line)); done(); } });
    ({ app } = await createServer(platform, ['cms', 'discovery'], { logger: { level, stream } }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await platform?.close();
    await close?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const completion = (reqId: string) => linesOf(reqId).filter((l) => l.msg === 'request completed');

  it('logs a successful public read only when the policy (or debug) asks for it', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/discovery/categories', headers: { 'x-request-id': `public-ok-${level}-${policy}` } });
    expect(response.statusCode).toBe(200);
    const logged = completion(`public-ok-${level}-${policy}`);
    expect(logged).toHaveLength(publicOk ? 1 : 0);
    if (publicOk) expect(logged[0]!.level).toBe(policy === 'all' ? 30 : 20);
  });

  it('logs a public read that failed, in one line with the request, status and time', async () => {
    const id = `public-404-${level}-${policy}`;
    const response = await app.inject({ method: 'GET', url: '/api/discovery/programs/no-such-program?x=1', headers: { 'x-request-id': id } });
    expect(response.statusCode).toBe(404);
    const logged = completion(id);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 30, req: { method: 'GET', url: '/api/discovery/programs/no-such-program?x=1' }, res: { statusCode: 404 } });
    expect(logged[0]!.responseTime).toBeGreaterThan(0);
    // Fastify's separate "incoming request" line is gone: one line per request.
    expect(linesOf(id).filter((l) => l.msg === 'incoming request')).toEqual([]);
  });

  it('logs private requests (the CMS) unless only errors are asked for', async () => {
    const id = `private-${level}-${policy}`;
    // The OpenAPI document: a private, successful read.
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'x-request-id': id } });
    expect(response.statusCode).toBe(200);
    expect(completion(id)).toHaveLength(privateOk ? 1 : 0);
    const refused = `refused-${level}-${policy}`;
    expect((await app.inject({ method: 'GET', url: '/api/cms/programs', headers: { 'x-request-id': refused } })).statusCode).toBe(401);
    expect(completion(refused)).toHaveLength(1);
  });
});

it('refuses an unknown REQUEST_LOG', () => {
  expect(() => loadConfig({ REQUEST_LOG: 'some' })).toThrow(/REQUEST_LOG must be one of private, all, errors/);
});
