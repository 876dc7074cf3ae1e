// The aggregation's results (hourly counts, unique listeners, listener history), run twice to show it
// is idempotent; a listener's deletion; retention. On PGlite and on PostgreSQL when reachable.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { api } from '../support/cms.js';
import { FIREFOX_UA, beacon, createListeningApp, sendBatch, type ListeningApp } from './support.js';
import { aggregateAll, aggregateStep, aggregationLagSeconds } from '../../src/listening/aggregation.js';
import { trimListening } from '../../src/listening/privacy.js';

const HOUR = 3_600_000;

describe.each(availableBackends())('listening aggregation on %s', (backend) => {
  let t: ListeningApp;
  const hourly = async (episode: string) => (await t.platform.db.query<{ hour: Date; platform: string; plays: number; completes: number; listeners: number; seconds_listened: number }>(
    'select hour, platform, plays, completes, listeners, seconds_listened from listening_hourly where episode_id = $1 order by hour, platform', [episode],
  )).map((r) => ({ hour: new Date(r.hour).toISOString(), platform: r.platform, plays: r.plays, completes: r.completes, listeners: r.listeners, seconds: r.seconds_listened }));

  beforeAll(async () => {
    t = await createListeningApp(backend);
  }, 120_000);
  afterAll(() => t?.close());

  it('counts plays, completions, unique listeners and seconds per hour and platform, exactly once', async () => {
    const episode = t.episodes[3]!.id;
    const thisHour = new Date(Math.floor(Date.now() / HOUR) * HOUR);
    const lastHour = new Date(thisHour.getTime() - HOUR);
    const a = randomUUID();
    const b = randomUUID();
    const c = randomUUID();
    const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);
    // a: plays last hour and again this hour (one listener in each hour), completes this hour.
    await sendBatch(t, a, [beacon(episode, 'play', at(lastHour, 10)), beacon(episode, 'progress', at(lastHour, 10.5), { listened: 30 }), beacon(episode, 'seek', at(lastHour, 11), { position: 300 })]);
    await sendBatch(t, a, [beacon(episode, 'play', at(thisHour, 0)), beacon(episode, 'progress', at(thisHour, 0.5), { listened: 30 }), beacon(episode, 'complete', at(thisHour, 0.7), { listened: 12 })]);
    // b: this hour, two plays (counted as two plays, one listener).
    await sendBatch(t, b, [beacon(episode, 'play', at(thisHour, 0)), beacon(episode, 'play', at(thisHour, 0.2)), beacon(episode, 'progress', at(thisHour, 0.6), { listened: 25.5 })]);
    // c: Firefox, this hour.
    await sendBatch(t, c, [beacon(episode, 'play', at(thisHour, 0)), beacon(episode, 'complete', at(thisHour, 0.1), { listened: 6 })], { ua: FIREFOX_UA });
    expect(await aggregationLagSeconds(t.platform.db)).toBeGreaterThanOrEqual(0);
    await aggregateAll(t.platform.db);
    expect(await aggregationLagSeconds(t.platform.db)).toBe(0);
    const expected = [
      { hour: lastHour.toISOString(), platform: 'web-chrome', plays: 1, completes: 0, listeners: 1, seconds: 30 },
      { hour: thisHour.toISOString(), platform: 'web-chrome', plays: 3, completes: 1, listeners: 2, seconds: 67.5 },
      { hour: thisHour.toISOString(), platform: 'web-firefox', plays: 1, completes: 1, listeners: 1, seconds: 6 },
    ];
    expect(await hourly(episode)).toEqual(expected);
    // Nothing moves when run again; a later event of a listener already counted this hour adds a play, not a listener.
    expect(await aggregateStep(t.platform.db)).toBe(0);
    expect(await hourly(episode)).toEqual(expected);
    await sendBatch(t, b, [beacon(episode, 'play', at(thisHour, 1))]);
    await aggregateAll(t.platform.db);
    expect((await hourly(episode))[1]).toMatchObject({ plays: 4, listeners: 2 });

    const items = await t.platform.db.query<{ listener_id: string; seconds_listened: number; completed: boolean; first_at: Date; last_at: Date }>(
      'select listener_id, seconds_listened, completed, first_at, last_at from listener_items where episode_id = $1', [episode]);
    const of = (id: string) => items.find((i) => i.listener_id === id)!;
    expect(items).toHaveLength(3);
    expect(of(a)).toMatchObject({ seconds_listened: 72, completed: true });
    expect(new Date(of(a).first_at).toISOString()).toBe(at(lastHour, 10).toISOString());
    expect(new Date(of(a).last_at).toISOString()).toBe(at(thisHour, 0.7).toISOString());
    expect(of(b)).toMatchObject({ seconds_listened: 25.5, completed: false });
  });

  it("deletes a listener's history and takes it out of the hourly counts", async () => {
    const episode = t.episodes[4]!.id;
    const now = new Date();
    const keep = randomUUID();
    const gone = randomUUID();
    await sendBatch(t, keep, [beacon(episode, 'play', now), beacon(episode, 'complete', now, { listened: 40 })]);
    await sendBatch(t, gone, [beacon(episode, 'play', now), beacon(episode, 'progress', now, { listened: 30 }), beacon(episode, 'complete', now, { listened: 10 })]);
    await aggregateAll(t.platform.db);
    expect(await hourly(episode)).toEqual([{ hour: expect.any(String), platform: 'web-chrome', plays: 2, completes: 2, listeners: 2, seconds: 80 }]);
    // An event not aggregated yet is deleted too, and never counted.
    await sendBatch(t, gone, [beacon(episode, 'play', now)]);
    const deleted = await api(t, 'DELETE', `/api/discovery/listening/listeners/${gone}`, { expect: 200 });
    expect(deleted.body).toEqual({ events: 4, pending: 0, items: 1, hours: 1 });
    await aggregateAll(t.platform.db);
    expect(await hourly(episode)).toEqual([{ hour: expect.any(String), platform: 'web-chrome', plays: 1, completes: 1, listeners: 1, seconds: 40 }]);
    for (const table of ['listening_events', 'listener_items', 'listening_hour_listeners']) {
      expect((await t.platform.db.query<{ n: number }>(`select count(*)::int as n from ${table} where listener_id = $1`, [gone]))[0]!.n, table).toBe(0);
    }
    // The same answer again (nothing left), and for an id never seen; a malformed id is a 400.
    expect((await api(t, 'DELETE', `/api/discovery/listening/listeners/${gone}`, { expect: 200 })).body).toEqual({ events: 0, pending: 0, items: 0, hours: 0 });
    await api(t, 'DELETE', '/api/discovery/listening/listeners/not:valid', { expect: 400 });
    // The operator's task does the same.
    const task = await api(t, 'POST', '/api/cms/admin/tasks/listening.forget', { headers: await t.auth('admin'), body: { listenerId: keep } });
    expect(task.status).toBe(200);
    await aggregateAll(t.platform.db);
    expect(await hourly(episode)).toEqual([{ hour: expect.any(String), platform: 'web-chrome', plays: 0, completes: 0, listeners: 0, seconds: 0 }]);
  });

  it('trims what names a listener past the retention, and keeps the anonymous hourly counts', async () => {
    const episode = t.episodes[5]!.id;
    const listener = randomUUID();
    await sendBatch(t, listener, [beacon(episode, 'play', new Date(Date.now() - 20 * HOUR))]);
    await aggregateAll(t.platform.db);
    // Age the rows as if they were 100 days old.
    await t.platform.db.query(`update listening_events set occurred_at = occurred_at - interval '100 days' where listener_id = $1`, [listener]);
    await t.platform.db.query(`update listening_hour_listeners set hour = hour - interval '100 days' where listener_id = $1`, [listener]);
    await t.platform.db.query(`update listener_items set last_at = last_at - interval '100 days' where listener_id = $1`, [listener]);
    const trimmed = await trimListening(t.platform.db, 90);
    expect(trimmed).toMatchObject({ events: 1, hourListeners: 1, items: 1 });
    for (const table of ['listening_events', 'listener_items', 'listening_hour_listeners']) {
      expect((await t.platform.db.query<{ n: number }>(`select count(*)::int as n from ${table} where listener_id = $1`, [listener]))[0]!.n, table).toBe(0);
    }
    expect((await hourly(episode)).reduce((n, h) => n + h.plays, 0)).toBe(1);
  });

  it('reports the wait of the oldest event not aggregated yet as the lag', async () => {
    await aggregateAll(t.platform.db);
    expect(await aggregationLagSeconds(t.platform.db)).toBe(0);
    const listener = randomUUID();
    const first = beacon(t.episodes[7]!.id, 'play', new Date());
    await sendBatch(t, listener, [first]);
    await sendBatch(t, listener, [beacon(t.episodes[7]!.id, 'progress', new Date(), { listened: 30 })]);
    // The first one has waited an hour (as if the worker had been down).
    await t.platform.db.query(`update listening_events set received_at = received_at - interval '1 hour' where beacon_id = $1`, [first.id]);
    const lag = await aggregationLagSeconds(t.platform.db);
    expect(lag).toBeGreaterThan(3590);
    expect(lag).toBeLessThan(3700);
    await aggregateAll(t.platform.db);
    expect(await aggregationLagSeconds(t.platform.db)).toBe(0);
  });

  it("keeps a listener's history of an episode while its newest event is within the retention", async () => {
    const episode = t.episodes[6]!.id;
    const listener = randomUUID();
    // One old listen of the episode (aged below), and one an hour ago.
    const old = beacon(episode, 'play', new Date(Date.now() - 20 * HOUR));
    await sendBatch(t, listener, [old, beacon(episode, 'progress', new Date(Date.now() - HOUR), { listened: 30 })]);
    await aggregateAll(t.platform.db);
    await t.platform.db.query(`update listening_events set occurred_at = occurred_at - interval '100 days' where beacon_id = $1`, [old.id]);
    await t.platform.db.query(`update listener_items set first_at = first_at - interval '100 days' where listener_id = $1`, [listener]);
    const trimmed = await trimListening(t.platform.db, 90);
    expect(trimmed).toMatchObject({ events: 1, items: 0 });
    const [item] = await t.platform.db.query<{ seconds_listened: number }>('select seconds_listened from listener_items where listener_id = $1 and episode_id = $2', [listener, episode]);
    expect(item).toMatchObject({ seconds_listened: 30 });
    expect((await t.platform.db.query<{ n: number }>('select count(*)::int as n from listening_events where listener_id = $1', [listener]))[0]!.n).toBe(1);
  });
});
