// Deleting assets, on both databases: a waiting upload is never processed; a ready asset leaves its
// episode (a new revision) and Discovery at once and its files go at the next sweep; a processing asset
// must be cancelled first; presigned uploads nobody finished are swept away after their URL expired.
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../../src/events/outbox.js';
import { availableBackends } from '../support/databases.js';
import { waitFor } from '../events/support.js';
import { scratchDir, tone } from './media-fixtures.js';
import { call, createEpisodeFor, createMediaApp, pathOf, storedKeys, sweeper, upload, waitForAsset, type Json } from './media-app.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir());
  await Promise.all([tone(join(dir, 'short.wav'), 3), tone(join(dir, 'long.wav'), 20)]);
});
afterAll(() => cleanup());

describe.each(availableBackends())('deleting assets on %s', (backend) => {
  it('deletes waiting, ready and (once cancelled) processing assets: the owner lets go at once, the files at the sweep', async () => {
    const t = await createMediaApp(backend, 'local');
    try {
      const editor = await t.auth('editor', 'salma');
      const { episode } = await createEpisodeFor(t, editor, { publish: true });

      // Uploaded, not queued yet (no worker): deleted, and the worker that starts later queues nothing for it.
      const waiting = (await upload(t, editor, { type: 'episode', id: episode.id, kind: 'audio' }, join(dir, 'short.wav'), 'first.wav')).body;
      expect((await call(t, 'DELETE', `/api/cms/assets/${waiting.id}`, { headers: editor })).status).toBe(204);
      expect((await call(t, 'GET', `/api/cms/assets/${waiting.id}`, { headers: editor })).status).toBe(404);
      expect((await call(t, 'DELETE', `/api/cms/assets/${waiting.id}`, { headers: editor })).status).toBe(404);
      t.startWorker();
      await waitFor('the media consumer to have seen the upload', async () =>
        (await t.platform.db.query(`select 1 from processed_events where consumer = 'media'`)).length > 0);
      expect((await t.platform.db.query('select 1 from media_jobs where asset_id = $1', [waiting.id]))).toEqual([]);

      // Ready and in use: the episode and Discovery drop its links in the same change.
      const ready = (await upload(t, editor, { type: 'episode', id: episode.id, kind: 'audio' }, join(dir, 'short.wav'), 'second.wav')).body;
      const asset = await waitForAsset(t, editor, ready.id, ['ready', 'failed']);
      expect(asset.status).toBe('ready');
      const before = (await call(t, 'GET', `/api/cms/episodes/${episode.id}`, { headers: editor })).body;
      expect(before.media).toHaveLength(2);
      await waitFor('Discovery to show the media', async () => {
        await t.discovery.generation.refresh();
        return (await call(t, 'GET', `/api/discovery/episodes/${episode.id}`)).body.media?.length === 2;
      });
      const mp3 = asset.renditions.find((r: Json) => r.role === 'mp3').url;
      expect((await call(t, 'DELETE', `/api/cms/assets/${ready.id}`, { headers: editor })).status).toBe(204);
      const after = (await call(t, 'GET', `/api/cms/episodes/${episode.id}`, { headers: editor })).body;
      expect(after).toMatchObject({ media: [], version: before.version + 1, updatedBy: 'salma' });
      const revisions = (await call(t, 'GET', `/api/cms/episodes/${episode.id}/revisions`, { headers: editor })).body.items;
      expect(revisions[0]).toMatchObject({ version: after.version, actor: 'salma' });
      expect((await call(t, 'GET', `/api/cms/assets?ownerType=episode&ownerId=${episode.id}`, { headers: editor })).body.items).toEqual([]);
      await waitFor('Discovery to drop the media', async () => {
        await t.discovery.generation.refresh();
        return (await call(t, 'GET', `/api/discovery/episodes/${episode.id}`)).body.media?.length === 0;
      });
      const events = (await listEvents(t.platform.db, { entityId: ready.id })).map((e) => e.type);
      expect(events.at(-1)).toBe('media.deleted');

      // The sweep deletes every file of both deleted assets (original included); the old links stop working.
      expect((await storedKeys(t, ready.id)).length).toBeGreaterThan(3);
      await sweeper(t).purge(); // (the running worker may have swept the first already)
      expect(await storedKeys(t, ready.id)).toEqual([]);
      expect(await storedKeys(t, waiting.id)).toEqual([]);
      expect((await t.app.inject(pathOf(mp3))).statusCode).toBe(404);

      // Processing: refused until cancelled.
      const busy = (await upload(t, editor, { type: 'episode', id: episode.id, kind: 'audio' }, join(dir, 'long.wav'), 'long.wav')).body;
      await waitFor('processing under way', async () => (await call(t, 'GET', `/api/cms/assets/${busy.id}`, { headers: editor })).body.status === 'processing', 30_000);
      const refused = await call(t, 'DELETE', `/api/cms/assets/${busy.id}`, { headers: editor });
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toContain('cancel it first');
      await call(t, 'POST', `/api/cms/assets/${busy.id}/cancel`, { headers: editor });
      await waitForAsset(t, editor, busy.id, ['cancelled', 'ready', 'failed'], 15_000);
      expect((await call(t, 'DELETE', `/api/cms/assets/${busy.id}`, { headers: editor })).status).toBe(204);
    } finally {
      await t.close();
    }
  }, 120_000);

  it('sweeps presigned uploads that were never completed, and leaves completed ones alone', async () => {
    const t = await createMediaApp(backend, 'local');
    try {
      const editor = await t.auth('editor');
      const { episode } = await createEpisodeFor(t, editor);
      const bytes = await readFile(join(dir, 'short.wav'));
      const start = () => call(t, 'POST', '/api/cms/assets/uploads', {
        headers: editor, expect: 201, body: { ownerType: 'episode', ownerId: episode.id, kind: 'audio', fileName: 'x.wav', byteSize: bytes.length },
      }).then((r) => r.body);
      const abandoned = await start();
      const completed = await start();
      await t.app.inject({ method: 'PUT', url: pathOf(completed.upload.url), headers: completed.upload.headers, payload: bytes });
      await call(t, 'POST', `/api/cms/assets/${completed.asset.id}/complete`, { headers: editor, expect: 200 });
      // Half an upload arrived for the abandoned one: it goes too.
      await t.platform.storage.put(`assets/${abandoned.asset.id}/original/source`, bytes.subarray(0, 10), { contentType: 'application/octet-stream' });

      await sweeper(t).purge();
      expect((await call(t, 'GET', `/api/cms/assets/${abandoned.asset.id}`, { headers: editor })).status).toBe(404);
      expect(await storedKeys(t, abandoned.asset.id)).toEqual([]);
      expect((await call(t, 'GET', `/api/cms/assets/${completed.asset.id}`, { headers: editor })).body.status).toBe('uploaded');
      const [row] = await t.platform.db.query<{ deleted_by: string }>('select deleted_by from media_assets where id = $1', [abandoned.asset.id]);
      expect(row!.deleted_by).toBe('system:media');
    } finally {
      await t.close();
    }
  }, 60_000);
});
