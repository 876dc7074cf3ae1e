// The worker as another process (as in production: a worker pod beside the CMS pods), on PostgreSQL:
// `thmnayah start --roles relay,worker` in a child process on the same database and data directory
// processes what the CMS in this process received, and this process's event stream follows the job
// it does not run: queued → processing (rising) → ready.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverRoot } from '../../src/paths.js';
import { availableBackends } from '../support/databases.js';
import { bundleEnv } from '../support/server-bundle.js';
import { scratchDir, tone } from './media-fixtures.js';
import { call, createEpisodeFor, createMediaApp, parseEvents, upload, waitForAsset } from './media-app.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir());
  await tone(join(dir, 'tone.wav'), 12);
});
afterAll(() => cleanup());

describe.runIf(availableBackends().includes('postgres'))('a worker in another process', () => {
  it('processes uploads received here, and the event stream here follows its progress', async () => {
    const t = await createMediaApp('postgres', 'local');
    const child = spawn(process.execPath, [join(serverRoot, 'bin', 'thmnayah.mjs'), 'start', '--roles', 'relay,worker', '--no-seed'], {
      env: {
        PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...bundleEnv(), DATA_DIR: t.config.dataDir, DATABASE_URL: t.databaseUrl!,
        PORT: '0', LOG_LEVEL: 'warn', MEDIA_POLL_MS: '100', EVENT_POLL_MS: '50', DEV_ISSUER: 'true', // PostgreSQL: not embedded defaults
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    try {
      const editor = await t.auth('editor');
      const { episode } = await createEpisodeFor(t, editor);
      const uploaded = await upload(t, editor, { type: 'episode', id: episode.id, kind: 'audio' }, join(dir, 'tone.wav'), 'tone.wav');
      expect(uploaded.status).toBe(201);
      const stream = t.app.inject({ method: 'GET', url: `/api/cms/assets/${uploaded.body.id}/events`, headers: editor });
      const asset = await waitForAsset(t, editor, uploaded.body.id, ['ready', 'failed'], 90_000);
      expect(asset.status, stderr).toBe('ready');
      // Another process did it.
      expect(asset.job.worker).toMatch(new RegExp(`:${child.pid}:`));
      const events = parseEvents((await stream).body);
      expect(events.map((e) => e.status).filter((s, i, all) => s !== all[i - 1] && s !== 'uploaded')).toEqual(['queued', 'processing', 'ready']);
      const percents = events.filter((e) => e.status === 'processing').map((e) => e.percent as number);
      expect(percents.length).toBeGreaterThanOrEqual(2);
      expect([...percents].sort((a, b) => a - b)).toEqual(percents);
      const after = (await call(t, 'GET', `/api/cms/episodes/${episode.id}`, { headers: editor })).body;
      expect(after.durationSeconds).toBe(12);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('close', resolve)));
      await t.close();
    }
  }, 120_000);
});
