// Bad files and failures, on both databases: what can be judged at upload is refused there with a clear
// problem and nothing stored; what only the worker can find ends in a clear failed state, the worker goes
// on with the next job, and nothing else changes (the episode untouched, no renditions referenced, the
// failed job's files deleted). Also: an upload over MEDIA_MAX_BYTES, a job over its time budget
// (retried, then failed), a redelivered event, and the jobs of a worker that died.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_CONSUMER, mediaConsumer } from '../../src/media/jobs/media.consumer.js';
import type { OutboxEvent } from '../../src/events/outbox.js';
import { availableBackends } from '../support/databases.js';
import { waitFor } from '../events/support.js';
import { clip, cutOff, pdf, scratchDir, tenHoursOfSilence, tone } from './media-fixtures.js';
import { call, createEpisodeFor, createMediaApp, multipart, upload, waitForAsset, type Json, type MediaApp, liveFfmpegChildren, storedKeys } from './media-app.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir());
  await Promise.all([
    tone(join(dir, 'good.wav'), 3),
    tone(join(dir, 'long.wav'), 40),
    pdf(join(dir, 'talk.mp3')),
    tenHoursOfSilence(join(dir, 'ten-hours.flac')),
    clip(join(dir, 'whole.mp4'), { width: 160, height: 120, seconds: 4 }).then(() => cutOff(join(dir, 'whole.mp4'), join(dir, 'cut.mp4'), 0.6)),
  ]);
});
afterAll(() => cleanup());



describe.each(availableBackends())('media failures on %s', (backend) => {
  it('refuses empty and mislabelled files at upload, fails cut and over-long files in the worker, and keeps serving', async () => {
    const t = await createMediaApp(backend, 'local');
    try {
      const editor = await t.auth('editor');
      t.startWorker();
      const episodes = await Promise.all([1, 2, 3, 4].map((n) => createEpisodeFor(t, editor, { title: `Failure ${n}` })));
      const [empty, mislabelled, cut, tooLong] = episodes.map((e) => e.episode);

      // Refused at upload: a clear 415 problem, no asset, nothing stored.
      const url = `/api/cms/assets?ownerType=episode&ownerId=${empty!.id}&kind=audio`;
      const form = multipart('empty.mp3', Buffer.alloc(0));
      const zero = await t.app.inject({ method: 'POST', url, headers: { ...editor, ...form.headers }, payload: form.payload });
      expect(zero.statusCode).toBe(415);
      expect(zero.json()).toMatchObject({ type: '/api/problems#unsupported-file', code: 'empty-file', detail: expect.stringContaining('"empty.mp3" is empty (0 bytes)') });
      // A form cut off (or with another boundary) is a 400, not a crash.
      const broken = await t.app.inject({ method: 'POST', url, headers: { ...editor, ...multipart('x', Buffer.alloc(0)).headers }, payload: form.payload });
      expect(broken.statusCode).toBe(400);
      expect(broken.json()).toMatchObject({ type: '/api/problems#malformed-body' });
      const notForm = await t.app.inject({ method: 'POST', url, headers: { ...editor, 'content-type': 'audio/mpeg' }, payload: Buffer.alloc(10) });
      expect(notForm.statusCode).toBe(415);
      const pdfUpload = await upload(t, editor, { type: 'episode', id: mislabelled!.id, kind: 'audio' }, join(dir, 'talk.mp3'), 'talk.mp3');
      expect(pdfUpload.status).toBe(415);
      expect(pdfUpload.body.detail).toBe('"talk.mp3" is not audio or video: its bytes are a PDF document. Upload an audio or video file (MP3, M4A, WAV, FLAC, OGG, MP4, MOV, MKV, WebM …).');
      const [{ n: assetsSoFar }] = await t.platform.db.query<{ n: number }>('select count(*)::int as n from media_assets') as [{ n: number }];
      expect(assetsSoFar).toBe(0);
      const anything: string[] = [];
      for await (const object of t.platform.storage.list('assets/')) anything.push(object.key);
      expect(anything).toEqual([]);

      // Accepted at upload (their first bytes are a real MP4 and FLAC), failed by the worker.
      const cutAsset = await upload(t, editor, { type: 'episode', id: cut!.id, kind: 'video' }, join(dir, 'cut.mp4'), 'cut.mp4');
      const longAsset = await upload(t, editor, { type: 'episode', id: tooLong!.id, kind: 'audio' }, join(dir, 'ten-hours.flac'), 'ten-hours.flac');
      const good = await createEpisodeFor(t, editor);
      const goodAsset = await upload(t, editor, { type: 'episode', id: good.episode.id, kind: 'audio' }, join(dir, 'good.wav'), 'good.wav');
      expect([cutAsset.status, longAsset.status, goodAsset.status]).toEqual([201, 201, 201]);

      const cutDone = await waitForAsset(t, editor, cutAsset.body.id, ['failed', 'ready']);
      expect(cutDone).toMatchObject({ status: 'failed', attempts: 1, renditions: [], error: { code: 'unreadable', message: expect.stringMatching(/^"cut\.mp4" cannot be read as audio or video/) } });
      const longDone = await waitForAsset(t, editor, longAsset.body.id, ['failed', 'ready']);
      expect(longDone).toMatchObject({ status: 'failed', attempts: 1, renditions: [], error: { code: 'too-large', message: '"ten-hours.flac" lasts 10 h 00 min, over the limit of 6 h 00 min' } });
      // The worker went on with the next job.
      expect((await waitForAsset(t, editor, goodAsset.body.id, ['failed', 'ready'])).status).toBe('ready');

      // Nothing else changed: the episodes are as they were, no renditions, the failed jobs' files gone.
      for (const [episode, asset] of [[cut!, cutDone], [tooLong!, longDone]] as const) {
        const after = (await call(t, 'GET', `/api/cms/episodes/${episode.id}`, { headers: editor, expect: 200 })).body;
        expect(after).toMatchObject({ version: 1, durationSeconds: null, media: [] });
        await waitFor('the failed job purged', async () => (await storedKeys(t, asset.id)).length === 1);
        expect(await storedKeys(t, asset.id)).toEqual([`assets/${asset.id}/original/source`]);
        const jobs = (await call(t, 'GET', `/api/cms/assets/${asset.id}/jobs`, { headers: editor })).body.items;
        expect(jobs).toMatchObject([{ status: 'failed', attempt: 1, error: asset.error }]);
      }
      // Failures are events too (media.failed), written with the asset's state.
      const failedEvents = await t.platform.db.query<{ entity_id: string }>(`select entity_id from outbox where type = 'media.failed' order by seq`);
      expect(failedEvents.map((e) => e.entity_id)).toEqual([cutDone.id, longDone.id]);
    } finally {
      await t.close();
    }
  }, 120_000);

  it('refuses an upload over MEDIA_MAX_BYTES with 413 and stores nothing', async () => {
    const t = await createMediaApp(backend, 'local', { MEDIA_MAX_BYTES: '8192' });
    try {
      const editor = await t.auth('editor');
      const { episode } = await createEpisodeFor(t, editor);
      const response = await upload(t, editor, { type: 'episode', id: episode.id, kind: 'audio' }, join(dir, 'good.wav'), 'good.wav');
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ type: '/api/problems#body-too-large', detail: expect.stringContaining('8192 bytes') });
      const keys: string[] = [];
      for await (const object of t.platform.storage.list('assets/')) keys.push(object.key);
      expect(keys).toEqual([]);
      const rows = await t.platform.db.query('select 1 from media_assets');
      expect(rows).toHaveLength(0);
      const presigned = await call(t, 'POST', '/api/cms/assets/uploads', { headers: editor, body: { ownerType: 'episode', ownerId: episode.id, kind: 'audio', fileName: 'x.wav', byteSize: 9000 } });
      expect(presigned.status).toBe(413);
    } finally {
      await t.close();
    }
  });

  it('stops a job over its time budget, retries it with backoff, then fails it as a timeout; a redelivered event does nothing', async () => {
    const t = await createMediaApp(backend, 'local', { MEDIA_JOB_TIMEOUT_SECONDS: '1', MEDIA_MAX_ATTEMPTS: '2', MEDIA_RETRY_BASE_MS: '200' });
    try {
      const editor = await t.auth('editor');
      const { episode } = await createEpisodeFor(t, editor);
      t.startWorker();
      const uploaded = await upload(t, editor, { type: 'episode', id: episode.id, kind: 'audio' }, join(dir, 'long.wav'), 'long.wav');
      const asset = await waitForAsset(t, editor, uploaded.body.id, ['failed', 'ready'], 60_000);
      expect(asset).toMatchObject({ status: 'failed', attempts: 2, error: { code: 'timeout', message: 'processing took longer than 1 s and was stopped' } });
      const jobs: Json[] = (await call(t, 'GET', `/api/cms/assets/${asset.id}/jobs`, { headers: editor })).body.items;
      expect(jobs.map((j) => [j.attempt, j.reason, j.status, j.error.code])).toEqual([[2, 'retry', 'failed', 'timeout'], [1, 'upload', 'failed', 'timeout']]);
      // The retry waited for its backoff.
      expect(Date.parse(jobs[0].runAfter) - Date.parse(jobs[1].finishedAt)).toBeGreaterThanOrEqual(150);
      expect(liveFfmpegChildren()).toBe(0);

      // The same media.uploaded again (a redelivery): the consumer queues nothing.
      const [row] = await t.platform.db.query<{ id: string; type: string; payload: unknown; actor: string; occurred_at: Date }>(
        `select id, type, payload, actor, occurred_at from outbox where type = 'media.uploaded' and entity_id = $1`, [asset.id],
      );
      const event = { id: row!.id, type: row!.type, data: row!.payload, actor: row!.actor, occurredAt: row!.occurred_at.toISOString() } as OutboxEvent;
      const handler = mediaConsumer().handlers['media.uploaded']!;
      await t.platform.db.transaction((tx) => handler(event as never, { tx, consumer: MEDIA_CONSUMER }));
      expect((await call(t, 'GET', `/api/cms/assets/${asset.id}/jobs`, { headers: editor })).body.items).toHaveLength(2);
    } finally {
      await t.close();
    }
  }, 90_000);

  it('queues again the job of a worker that stopped sending heartbeats', async () => {
    const t = await createMediaApp(backend, 'local');
    try {
      const editor = await t.auth('editor');
      const { episode } = await createEpisodeFor(t, editor);
      const uploaded = await upload(t, editor, { type: 'episode', id: episode.id, kind: 'audio' }, join(dir, 'good.wav'), 'good.wav');
      const id = uploaded.body.id as string;
      // As if a worker had claimed the job and died a minute ago.
      await t.platform.db.transaction(async (tx) => {
        await tx.query(`update media_assets set status = 'processing', attempts = 1 where id = $1`, [id]);
        await tx.query(
          `insert into media_jobs (asset_id, attempt, reason, status, runner, worker, started_at, heartbeat_at, progress, phase)
           values ($1, 1, 'upload', 'running', 'local', 'ghost:1', now() - interval '2 minutes', now() - interval '1 minute', 37, 'encode')`,
          [id],
        );
      });
      t.startWorker();
      const asset = await waitForAsset(t, editor, id, ['ready', 'failed']);
      expect(asset).toMatchObject({ status: 'ready', attempts: 2 });
      const jobs: Json[] = (await call(t, 'GET', `/api/cms/assets/${id}/jobs`, { headers: editor })).body.items;
      expect(jobs.map((j) => [j.attempt, j.status, j.error?.code ?? null])).toEqual([[2, 'succeeded', null], [1, 'failed', 'worker-lost']]);
      expect(jobs[1].error.message).toBe('the worker running it (ghost:1) stopped responding for 30 s');
    } finally {
      await t.close();
    }
  }, 60_000);
});
