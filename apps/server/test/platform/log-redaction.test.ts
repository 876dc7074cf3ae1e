// Secrets in URLs stay out of the logs (issue 15, defect 7): /play tokens, local signed-URL signatures and
// S3 presigned query strings were logged in `req.url` at info level, where anyone reading logs could reuse
// them. The request serializer redacts them; everything else of the URL stays readable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ROLES } from '../../src/config.js';
import { createPlatform, type Platform } from '../../src/platform.js';
import { createServer } from '../../src/app.js';
import type { App } from '../../src/platform/http/server.js';
import { redactUrl } from '../../src/platform/http/redact.js';
import { openTestDb } from '../support/databases.js';

const A = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const J = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const TOKEN = 'TOKENtokenTOKENtokenTOKENtokenTOKENtokenABC';
const SIGNATURE = 'c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl';
const AMZ = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed';

describe('URLs in logs', () => {
  let app: App;
  let platform: Platform;
  let close: () => Promise<void>;
  let dataDir: string;
  const lines: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-log-'));
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const database = await openTestDb('pglite');
    close = database.close;
    platform = await createPlatform(config, { db: database.db, migrate: false, defaultMetrics: false });
    const stream = new Writable({ write(chunk, _encoding, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
    ({ app } = await createServer(platform, [...ROLES], { logger: { level: 'info', stream } }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await platform?.close();
    await close?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs requests without /play tokens, signatures or presigned query strings', async () => {
    for (const url of [
      `/play/${A}/${J}/${TOKEN}/audio-mp3/audio.mp3`,
      `/play/${A}/${J}/${TOKEN}/no-such-rendition`,
      `/media/assets/${A}/original/source?expires=9999999999&type=application%2Foctet-stream&size=10&signature=${SIGNATURE}`,
      `/api/discovery/home?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20261203&X-Amz-Signature=${AMZ}&x-amz-security-token=${SIGNATURE}`,
    ]) {
      await app.inject({ method: 'GET', url });
    }
    const logged = lines.join('\n');
    expect(logged).toContain('/play/');
    expect(logged).toContain('[redacted]');
    for (const secret of [TOKEN, SIGNATURE, AMZ, 'AKIDEXAMPLE']) expect(logged).not.toContain(secret);
  });

  it('keeps the rest of a URL as it was', () => {
    expect(redactUrl(`/play/${A}/${J}/${TOKEN}/audio-hls/master.m3u8`)).toBe(`/play/${A}/${J}/[redacted]/audio-hls/master.m3u8`);
    expect(redactUrl('/media/k?expires=1&signature=abc&size=2')).toBe('/media/k?expires=1&signature=[redacted]&size=2');
    expect(redactUrl('/api/discovery/search?q=مكتبة&limit=5')).toBe('/api/discovery/search?q=مكتبة&limit=5');
    expect(redactUrl('/api/discovery/for-you?listener=5b0c2a4e-7f3d&limit=5')).toBe('/api/discovery/for-you?listener=[redacted]&limit=5');
    expect(redactUrl('/x?X-Amz-Signature=1&X-AMZ-CREDENTIAL=2&token=3')).toBe('/x?X-Amz-Signature=[redacted]&X-AMZ-CREDENTIAL=[redacted]&token=[redacted]');
  });
});
