// The life of an asset after its upload, on both databases: cancel before and during processing
// (FFmpeg killed, nothing referenced, files deleted), reprocess (a new job whose renditions replace the
// old ones in one switch; the old links keep working for a grace period, then their files go), and a
// crash between uploading the renditions and switching to them (nothing half-written is referenced;
// the attempt's files are deleted; the retry succeeds).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaWorker } from '../../src/media/jobs/job-worker.js';
import { MEDIA_CONSUMER, mediaConsumer } from '../../src/media/jobs/media.consumer.js';
import { listEvents } from '../../src/events/outbox.js';
import { queueProcessing } from '../../src/media/jobs/jobs.js';
import { playbackLinks } from '../../src/media/api/playback.js';
import { localJobRunner } from '../../src/media/jobs/runners.js';
import { availableBackends } from '../support/databases.js';
import { waitFor } from '../events/support.js';
import { scratchDir, tone } from './media-fixtures.js';
import { call, createEpisodeFor, createMediaApp, pathOf, quiet, upload, waitForAsset, type Json, type MediaApp, liveFfmpegChildren, storedKeys, sweeper } from './media-app.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir());
  await Promise.all([tone(join(dir, 'ten.wav'), 10), tone(join(dir, 'short.wav'), 3)]);
});
afterAll(() => cleanup());



const urlsOf = (asset: Json) => Object.fromEntries(asset.renditions.map((r: Json) => [`${r.role}:${r.name}`, r.url]));

describe.each(availableBackends())('asset lifecycle on %s', (backend) => {
  it('cancels before and during processing, reprocesses, and retires replaced renditions after a grace period', async () => {
    const t = await createMediaApp(backend, 'local');
    try {
      const editor = await t.auth('editor', 'huda');
      const { episode } = await createEpisodeFor(t, editor);
      const uploaded = await upload(t, editor, { type: 'episode', id: episode.id, kind: 'audio' }, join(dir, 'ten.wav'), 'ten.wav');
      const id = uploaded.body.id as string;

      // Before the worker queued it: cancelled at once (200).
      const early = await call(t, 'POST', `/api/cms/assets/${id}/cancel`, { headers: editor, expect: 200 });
      expect(early.body).toMatchObject({ status: 'cancelled', job: null });
      expect((await call(t, 'POST', `/api/cms/assets/${id}/cancel`, { headers: editor })).status).toBe(409);
      t.startWorker();
      // The worker's consumer sees the (now cancelled) upload and queues nothing.
      await waitFor('the media consumer to have seen the upload', async () =>
        (await t.platform.db.query(`select 1 from processed_events where consumer = 'media'`)).length > 0);
      expect((await call(t, 'GET', `/api/cms/assets/${id}/jobs`, { headers: editor })).body.items).toEqual([]);

      // Reprocess, then cancel while FFmpeg runs: 202, and the worker stops it within moments.
      expect((await call(t, 'POST', `/api/cms/assets/${id}/reprocess`, { headers: editor, expect: 202 })).body.status).toBe('uploaded');
      await waitFor('processing under way', async () => {
        const asset = (await call(t, 'GET', `/api/cms/assets/${id}`, { headers: editor })).body;
        return asset.status === 'processing' && asset.percent > 6;
      }, 30_000);
      const cancelling = await call(t, 'POST', `/api/cms/assets/${id}/cancel`, { headers: editor, expect: 202 });
      expect(cancelling.body.job.cancelRequestedAt).not.toBeNull();
      const cancelled = await waitForAsset(t, editor, id, ['cancelled', 'ready', 'failed'], 15_000);
      expect(cancelled).toMatchObject({ status: 'cancelled', renditions: [], error: null, job: { status: 'cancelled', error: { code: 'cancelled', message: 'cancelled by huda' } } });
      expect(liveFfmpegChildren()).toBe(0);
      await waitFor('the cancelled job purged', async () => (await storedKeys(t, id)).length === 1);
      expect((await call(t, 'GET', `/api/cms/episodes/${episode.id}`, { headers: editor })).body).toMatchObject({ version: 1, media: [], durationSeconds: null });

      // Reprocess to ready; then again: the second set replaces the first in one switch.
      await call(t, 'POST', `/api/cms/assets/${id}/reprocess`, { headers: editor, expect: 202 });
      const first = await waitForAsset(t, editor, id, ['ready', 'failed']);
      expect(first.status).toBe('ready');
      const firstEpisode = (await call(t, 'GET', `/api/cms/episodes/${episode.id}`, { headers: editor })).body;
      expect(firstEpisode).toMatchObject({ version: 2, durationSeconds: 10 });
      await call(t, 'POST', `/api/cms/assets/${id}/reprocess`, { headers: editor, expect: 202 });
      const second = await waitForAsset(t, editor, id, ['ready', 'failed']);
      expect(second.status).toBe('ready');
      expect(second.job.id).not.toBe(first.job.id);
      const oldUrls = urlsOf(first);
      const newUrls = urlsOf(second);
      expect(Object.keys(newUrls).sort()).toEqual(Object.keys(oldUrls).sort());
      for (const key of Object.keys(newUrls)) expect(newUrls[key]).not.toBe(oldUrls[key]);
      const secondEpisode = (await call(t, 'GET', `/api/cms/episodes/${episode.id}`, { headers: editor })).body;
      expect(secondEpisode.version).toBe(3);
      expect(secondEpisode.media.map((m: Json) => m.url)).toEqual([newUrls['hls-master:'], newUrls['mp3:']]);

      // Every media.uploaded of this asset delivered again (a bus redelivery, a replay): a ready asset queues nothing.
      const handler = mediaConsumer().handlers['media.uploaded']!;
      for (const event of await listEvents(t.platform.db, { entityId: id })) {
        if (event.type === 'media.uploaded') await t.platform.db.transaction((tx) => handler(event as never, { tx, consumer: MEDIA_CONSUMER }));
      }
      const jobs = (await call(t, 'GET', `/api/cms/assets/${id}/jobs`, { headers: editor })).body.items;
      expect(jobs.map((j: Json) => [j.reason, j.status])).toEqual([['reprocess', 'succeeded'], ['reprocess', 'succeeded'], ['reprocess', 'cancelled']]);
      expect((await call(t, 'GET', `/api/cms/assets/${id}`, { headers: editor })).body.status).toBe('ready');

      // The replaced renditions still play (players and caches hold their links) until the grace period ends.
      // The episode is a draft, so only an editor plays it (media/api/play-access.ts).
      const preview = (url: string) => t.app.inject({ url: pathOf(url), headers: editor });
      expect((await preview(oldUrls['mp3:']!)).statusCode).toBe(200);
      expect(await sweeper(t).purge()).toBeGreaterThanOrEqual(1);
      expect((await preview(oldUrls['mp3:']!)).statusCode).toBe(404);
      expect((await preview(newUrls['mp3:']!)).statusCode).toBe(200);
      expect((await storedKeys(t, id)).filter((key) => key.includes(first.job.id))).toEqual([]);
    } finally {
      await t.close();
    }
  }, 120_000);

  it('references nothing half-written when the switch fails after the upload, deletes that attempt, and succeeds on retry', async () => {
    const t = await createMediaApp(backend, 'local');
    let worker: MediaWorker | undefined;
    try {
      const editor = await t.auth('editor');
      const { episode } = await createEpisodeFor(t, editor);
      const uploaded = await upload(t, editor, { type: 'episode', id: episode.id, kind: 'audio' }, join(dir, 'short.wav'), 'short.wav');
      const id = uploaded.body.id as string;
      // What the media consumer does with media.uploaded.
      await t.platform.db.transaction((tx) => queueProcessing(tx, id, 'upload'));

      let crashes = 0;
      const seenAtCrash: { keys: string[]; renditions: number; media: number } = { keys: [], renditions: -1, media: -1 };
      worker = new MediaWorker({
        db: t.platform.db, storage: t.platform.storage, runner: localJobRunner(t.platform.storage), links: playbackLinks(t.config),
        concurrency: 1, retry: { maxAttempts: 2, retryBaseMs: 50 }, jobTimeoutSeconds: 120, maxDurationSeconds: 3600, maxInputBytes: 1e9,
        pollMs: 50, log: quiet,
        beforeSwitch: async (job, tx) => {
          if (crashes++ > 0) return;
          // Every rendition of this attempt is in storage, and nothing points at it yet.
          seenAtCrash.keys = (await storedKeys(t, id)).filter((key) => key.includes(job.id));
          const [r] = await tx.query<{ n: number }>('select count(*)::int as n from media_renditions where asset_id = $1', [id]);
          const [m] = await tx.query<{ n: number }>('select count(*)::int as n from episode_media where episode_id = $1', [episode.id]);
          seenAtCrash.renditions = r!.n;
          seenAtCrash.media = m!.n;
          throw new Error('simulated crash between the rendition upload and the switch');
        },
      });
      worker.start();
      const asset = await waitForAsset(t, editor, id, ['ready', 'failed']);
      expect(asset).toMatchObject({ status: 'ready', attempts: 2 });
      expect(seenAtCrash.keys.length).toBeGreaterThan(3);
      expect(seenAtCrash.keys).toContainEqual(expect.stringMatching(/audio-mp3\/[0-9a-f-]+\/audio\.mp3$/));
      expect(seenAtCrash).toMatchObject({ renditions: 0, media: 0 });

      const jobs: Json[] = (await call(t, 'GET', `/api/cms/assets/${id}/jobs`, { headers: editor })).body.items;
      expect(jobs.map((j) => [j.attempt, j.status, j.error?.code ?? null])).toEqual([[2, 'succeeded', null], [1, 'failed', 'internal']]);
      expect(jobs[1].error.message).toContain('simulated crash');
      // The failed attempt's files are gone; what is referenced is the retry's, whole.
      await waitFor('the failed attempt purged', async () => (await storedKeys(t, id)).every((key) => !key.includes(jobs[1].id)));
      const rows = await t.platform.db.query<{ job_id: string; key: string }>('select job_id, key from media_renditions where asset_id = $1', [id]);
      expect(rows.length).toBe(4);
      expect(rows.every((r) => r.job_id === jobs[0].id && r.key.includes(jobs[0].id))).toBe(true);
      for (const row of rows) expect(await t.platform.storage.exists(row.key)).toBe(true);
      // One change to the episode, by the attempt that succeeded.
      const after = (await call(t, 'GET', `/api/cms/episodes/${episode.id}`, { headers: editor })).body;
      expect(after.version).toBe(2);
      expect(after.media.every((m: Json) => m.url.includes(jobs[0].id))).toBe(true);
    } finally {
      await worker?.stop();
      await t.close();
    }
  }, 90_000);
});
