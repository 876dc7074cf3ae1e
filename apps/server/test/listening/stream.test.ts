// Listening ingest through NATS JetStream (NATS_URL set): beacons go to the listening stream with the
// beacon id as message id, the worker's drain moves them into listening_events and acks after the commit,
// and nothing is counted twice (replays within and beyond the duplicate window, redelivery after a crash
// between commit and ack). A listener's deletion purges their messages still in the stream. NATS down: 503.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { availableBackends } from '../support/databases.js';
import { expectProblem } from '../support/cms.js';
import { TEST_NATS_URL, serviceAvailable } from '../support/services.js';
import { waitFor } from '../events/support.js';
import { beacon, createListeningApp, sendBatch, type ListeningApp } from './support.js';
import { aggregateAll } from '../../src/listening/aggregation.js';
import { acquireListeningStream, type ListeningStream } from '../../src/listening/listening-stream.js';
import { startListeningDrain, type DrainOptions } from '../../src/listening/stream-drain.js';
import { DownloadCounter } from '../../src/listening/downloads.js';

const nats = await serviceAvailable('NATS JetStream', TEST_NATS_URL, 4222);
const HOUR = 3_600_000;

describe.each(nats ? availableBackends() : [])('listening through the JetStream stream on %s', (backend) => {
  let t: ListeningApp;
  let stream: ListeningStream;
  let release: () => Promise<void>;
  let stopDrain: (() => Promise<void>) | undefined;
  // Named after this process, so a run killed before its teardown is cleaned up by the next (events/support.ts).
  const name = `T_${process.pid}_L${randomBytes(4).toString('hex')}`;
  const errors: string[] = [];

  const drain = (extra: Partial<DrainOptions> = {}) => {
    stopDrain = startListeningDrain(t.platform.db, stream, {
      registry: t.platform.metrics.registry, ackWaitMs: 1000, onError: (_error, message) => errors.push(message), ...extra,
    });
  };
  const stop = async () => {
    await stopDrain?.();
    stopDrain = undefined;
  };
  const rows = async (listener: string) => (await t.platform.db.query<{ beacon_id: string; kind: string }>(
    'select beacon_id, kind from listening_events where listener_id = $1 order by id', [listener]));
  const storedOnce = async (ids: string[]) => (await t.platform.db.query<{ beacon_id: string; n: number }>(
    'select beacon_id, count(*)::int as n from listening_events where beacon_id = any($1::text[]) group by 1', [ids]));
  const plays = async (episode: string, hour: Date) => (await t.platform.db.query<{ plays: number; listeners: number }>(
    'select coalesce(sum(plays), 0)::int as plays, coalesce(sum(listeners), 0)::int as listeners from listening_hourly where episode_id = $1 and hour = $2',
    [episode, new Date(Math.floor(hour.getTime() / HOUR) * HOUR).toISOString()]))[0]!;
  const metric = async (metricName: string) => {
    if (!t.platform.metrics.registry.getSingleMetric(metricName)) return 0;
    const text = await t.platform.metrics.registry.getSingleMetricAsString(metricName);
    return Number(/ ([\d.e+-]+|NaN)$/m.exec(text)?.[1]);
  };

  beforeAll(async () => {
    t = await createListeningApp(backend, { NATS_URL: TEST_NATS_URL, NATS_LISTENING_STREAM: name });
    const held = acquireListeningStream(t.platform, () => {})!;
    stream = held.stream;
    release = held.release;
  }, 120_000);
  afterEach(stop);
  afterAll(async () => {
    await stop();
    await stream?.deleteStream().catch(() => {});
    await release?.();
    await t?.close();
  });

  it('publishes each beacon to the stream; the drain stores them with the time received, and the aggregation counts them', async () => {
    const listener = randomUUID();
    const episode = t.episodes[0]!.id;
    const now = new Date();
    const events = [beacon(episode, 'play', now), beacon(episode, 'progress', now, { position: 30, listened: 30 })];
    const before = Date.now();
    const response = await sendBatch(t, listener, events);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ accepted: 2, duplicates: [], rejected: [] });
    // Not in the table yet: in the stream, under the listener's subject.
    expect(await rows(listener)).toEqual([]);
    expect((await stream.pending()).messages).toBe(2);
    const jsm = await jetstreamManager((await stream.ready()).nc);
    const last = await jsm.streams.getMessage(name, { last_by_subj: `${name}.${listener}` });
    expect(last?.header?.get('Nats-Msg-Id')).toBe(events[1]!.id);

    const drainedBefore = (await metric('thmnayah_listening_stream_drained_total')) || 0;
    await new Promise((resolve) => setTimeout(resolve, 300)); // the lag must include the time in the stream
    drain();
    await waitFor('the drain', async () => (await rows(listener)).length === 2);
    const [stored] = await t.platform.db.query<{ received_at: Date }>('select min(received_at) as received_at from listening_events where listener_id = $1', [listener]);
    expect(new Date(stored!.received_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(stored!.received_at).getTime()).toBeLessThan(before + 300);
    await waitFor('the acks', async () => (await stream.pending()).messages === 0);
    expect(await metric('thmnayah_listening_stream_drained_total')).toBeGreaterThanOrEqual(drainedBefore + 2);
    expect(await metric('thmnayah_listening_stream_batches_total')).toBeGreaterThanOrEqual(1);
    expect(await metric('thmnayah_listening_stream_pending_messages')).toBe(0);
    await aggregateAll(t.platform.db);
    expect(await plays(episode, now)).toEqual({ plays: 1, listeners: 1 });
    expect(await metric('thmnayah_listening_aggregation_lag_seconds')).toBe(0);
  });

  it('answers a replay within the duplicate window as a duplicate (409 for a whole batch), and stores it once', async () => {
    const listener = randomUUID();
    const episode = t.episodes[1]!.id;
    const events = [beacon(episode, 'play', new Date()), beacon(episode, 'complete', new Date(), { listened: 12 })];
    expect((await sendBatch(t, listener, events)).status).toBe(202);
    const again = await sendBatch(t, listener, events);
    expectProblem(again, 409);
    expect(again.body.duplicates).toEqual(events.map((e) => e.id));
    const fresh = beacon(episode, 'seek', new Date(), { position: 90 });
    const mixed = await sendBatch(t, listener, [...events, fresh]);
    expect(mixed.status).toBe(202);
    expect(mixed.body).toEqual({ accepted: 1, duplicates: events.map((e) => e.id), rejected: [] });
    // Concurrent replays of one batch: one publish is new, the others are duplicates.
    const racing = [beacon(t.episodes[2]!.id, 'play', new Date())];
    const answers = await Promise.all([1, 2, 3, 4].map(() => sendBatch(t, listener, racing)));
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409, 409, 409]);
    drain();
    const ids = [...events, fresh, ...racing].map((e) => e.id);
    await waitFor('the drain', async () => (await storedOnce(ids)).length === 4);
    expect((await storedOnce(ids)).every((r) => r.n === 1)).toBe(true);
  });

  it('counts once a replay the stream no longer remembers (after the drain and past the window)', async () => {
    const listener = randomUUID();
    const episode = t.episodes[3]!.id;
    const now = new Date();
    const events = [beacon(episode, 'play', now)];
    drain();
    expect((await sendBatch(t, listener, events)).status).toBe(202);
    await waitFor('the drain', async () => (await rows(listener)).length === 1);
    await aggregateAll(t.platform.db);
    expect((await plays(episode, now)).plays).toBe(1);
    // Shrink the window so the stream forgets the id, as it would after NATS_LISTENING_DUPLICATE_WINDOW_SECONDS.
    const jsm = await jetstreamManager((await stream.ready()).nc);
    const window = (await jsm.streams.info(name)).config.duplicate_window;
    await jsm.streams.update(name, { duplicate_window: 100_000_000 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const late = await sendBatch(t, listener, events);
      // The stream took it as new: only the database can tell, and it does not count it again.
      expect(late.status).toBe(202);
      expect(late.body.accepted).toBe(1);
      await waitFor('the replay drained', async () => (await stream.pending()).messages === 0);
    } finally {
      await jsm.streams.update(name, { duplicate_window: window });
    }
    expect(await rows(listener)).toHaveLength(1);
    await aggregateAll(t.platform.db);
    expect((await plays(episode, now)).plays).toBe(1);
  });

  it('stores a batch once when the drain dies between its commit and its acks (redelivery)', async () => {
    const listener = randomUUID();
    const episode = t.episodes[4]!.id;
    const now = new Date();
    const events = [beacon(episode, 'play', now), beacon(episode, 'progress', now, { position: 30, listened: 30 })];
    let committed = 0;
    drain({
      afterCommit: async (batch) => {
        if (batch.some((e) => e.listenerId === listener)) committed++;
        throw new Error('killed before the ack');
      },
    });
    expect((await sendBatch(t, listener, events)).status).toBe(202);
    await waitFor('the first commit', () => committed > 0);
    await stop(); // the crashed worker: its batch is neither acked nor handed back
    expect(await rows(listener)).toHaveLength(2);
    expect((await stream.pending()).messages).toBe(2);
    expect(errors.some((m) => m.includes('committed but not acked'))).toBe(true);
    // Another worker gets the batch again after the ack wait: the INSERT finds the ids and adds nothing.
    drain();
    await waitFor('the redelivery acked', async () => (await stream.pending()).messages === 0, 30_000);
    expect((await storedOnce(events.map((e) => e.id))).map((r) => r.n)).toEqual([1, 1]);
    await aggregateAll(t.platform.db);
    expect(await plays(episode, now)).toEqual({ plays: 1, listeners: 1 });
  });

  it("a listener's deletion purges their messages still in the stream, then their rows", async () => {
    const gone = randomUUID();
    const stays = randomUUID();
    const episode = t.episodes[5]!.id;
    const now = new Date();
    drain();
    expect((await sendBatch(t, gone, [beacon(episode, 'play', now)])).status).toBe(202);
    await waitFor('the drain', async () => (await rows(gone)).length === 1);
    await aggregateAll(t.platform.db);
    await stop();
    // Pending: two of the deleted listener's, one of another listener's.
    expect((await sendBatch(t, gone, [beacon(episode, 'progress', now, { listened: 30 }), beacon(episode, 'complete', now, { listened: 5 })])).status).toBe(202);
    expect((await sendBatch(t, stays, [beacon(episode, 'play', now)])).status).toBe(202);
    expect((await stream.pending()).messages).toBe(3);
    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/discovery/listening/listeners/${gone}` });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toEqual({ events: 1, pending: 2, items: 1, hours: 1 });
    expect((await stream.pending()).messages).toBe(1);
    drain();
    await waitFor('the other listener drained', async () => (await rows(stays)).length === 1);
    await waitFor('the stream empty', async () => (await stream.pending()).messages === 0);
    expect(await rows(gone)).toEqual([]);
    await aggregateAll(t.platform.db);
    expect(await plays(episode, now)).toEqual({ plays: 1, listeners: 1 });
  });

  it('counts an MP3 download through the stream too', async () => {
    const episode = t.episodes[6]!;
    const [asset] = await t.platform.db.query<{ id: string }>(
      `insert into media_assets (owner_type, episode_id, kind, status, original_key, original_bytes, original_type, created_by)
       values ('episode', $1, 'audio', 'uploaded', $2, 0, 'audio/mpeg', 'test') returning id`, [episode.id, `test/${randomUUID()}`]);
    const counter = new DownloadCounter(t.platform.db, stream);
    const served = { assetId: asset!.id, address: '192.0.2.7', userAgent: 'AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; en_us)', start: 0, end: 999_999, total: 1_000_000 };
    expect(await counter.observe(served)).toBe('counted');
    drain();
    const downloads = async () => t.platform.db.query<{ listener_id: string }>("select listener_id from listening_events where kind = 'download' and episode_id = $1", [episode.id]);
    await waitFor('the download drained', async () => (await downloads()).length === 1);
    expect((await downloads())[0]!.listener_id).toMatch(/^dl:/);
  });
});

describe('listening ingest with NATS down', () => {
  let t: ListeningApp;

  beforeAll(async () => {
    // A loopback port nobody listens on.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    t = await createListeningApp('pglite', { NATS_URL: `nats://127.0.0.1:${port}` });
  }, 120_000);
  afterAll(() => t?.close());

  it('answers 503 problem+json and records nothing', async () => {
    const listener = randomUUID();
    for (let i = 0; i < 2; i++) {
      // The first request tries to connect; the next is refused at once while NATS stays down.
      const response = await sendBatch(t, listener, [beacon(t.episodes[0]!.id, 'play', new Date())]);
      expectProblem(response, 503);
      expect(response.body.detail).toMatch(/nothing of this batch was recorded/);
      expect(response.body.stored).toEqual([]);
    }
    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/discovery/listening/listeners/${listener}` });
    expect(deleted.statusCode).toBe(503);
    expect(deleted.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await t.platform.db.query<{ n: number }>('select count(*)::int as n from listening_events'))[0]!.n).toBe(0);
  });
});
