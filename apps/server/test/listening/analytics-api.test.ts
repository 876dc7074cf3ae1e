// The editors' analytics API over aggregated beacons: series, totals, platforms, top episodes, roles.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { api, expectProblem } from '../support/cms.js';
import { FIREFOX_UA, beacon, createListeningApp, sendBatch, type ListeningApp } from './support.js';
import { aggregateAll } from '../../src/listening/aggregation.js';

const HOUR = 3_600_000;

describe.each(availableBackends())('listening analytics API on %s', (backend) => {
  let t: ListeningApp;
  let viewer: Record<string, string>;
  const thisHour = new Date(Math.floor(Date.now() / HOUR) * HOUR);
  const at = (hoursAgo: number, minutes = 1) => new Date(thisHour.getTime() - hoursAgo * HOUR + minutes * 60_000);
  let first: { id: string; programId: string };
  let second: { id: string; programId: string };

  beforeAll(async () => {
    t = await createListeningApp(backend);
    viewer = await t.auth('viewer');
    first = t.episodes[0]!;
    second = t.episodes.find((e) => e.programId === first.programId && e.id !== first.id) ?? t.episodes[1]!;
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    // first: a in two hours (3 h ago, 1 h ago) and completes; b 1 h ago on Firefox, no completion; c plays second.
    const sent = [];
    sent.push(await sendBatch(t, a, [beacon(first.id, 'play', at(3)), beacon(first.id, 'complete', at(3, 20), { listened: 100 })]));
    sent.push(await sendBatch(t, a, [beacon(first.id, 'play', at(1)), beacon(first.id, 'complete', at(1, 20), { listened: 90 })]));
    sent.push(await sendBatch(t, b, [beacon(first.id, 'play', at(1)), beacon(first.id, 'progress', at(1, 2), { listened: 30 })], { ua: FIREFOX_UA }));
    sent.push(await sendBatch(t, c, [beacon(second.id, 'play', at(2))]));
    expect(sent.map((r) => r.status)).toEqual([202, 202, 202, 202]);
    await aggregateAll(t.platform.db);
  }, 120_000);
  afterAll(() => t?.close());

  it("gives an episode's hourly series, totals with exact unique listeners, and platforms", async () => {
    const from = at(4, 0).toISOString();
    const to = thisHour.toISOString();
    const { body } = await api(t, 'GET', `/api/cms/analytics/episodes/${first.id}?from=${from}&to=${to}`, { headers: viewer, expect: 200 });
    expect(body).toMatchObject({ episodeId: first.id, programId: first.programId, interval: 'hour', from, to, live: null }); // no Redis here
    expect(body.series.map((s: { at: string; plays: number; listeners: number }) => [s.at, s.plays, s.listeners])).toEqual([
      [at(4, 0).toISOString(), 0, 0], [at(3, 0).toISOString(), 1, 1], [at(2, 0).toISOString(), 0, 0], [at(1, 0).toISOString(), 2, 2],
    ]);
    // a listened in two hours: one listener over the period, not two.
    expect(body.totals).toEqual({ plays: 3, downloads: 0, listeners: 2, completes: 2, completionRate: 0.667, secondsListened: 220 });
    expect(body.platforms).toEqual([
      { platform: 'web-chrome', plays: 2, downloads: 0, listeners: 1, completes: 2, completionRate: 1, secondsListened: 190 },
      { platform: 'web-firefox', plays: 1, downloads: 0, listeners: 1, completes: 0, completionRate: 0, secondsListened: 30 },
    ]);
    // Daily buckets.
    const daily = await api(t, 'GET', `/api/cms/analytics/episodes/${first.id}?from=${from}&to=${to}&interval=day`, { headers: viewer, expect: 200 });
    expect(daily.body.series.reduce((n: number, s: { plays: number }) => n + s.plays, 0)).toBe(3);
  });

  it('gives a program its series and top episodes, and lists the top episodes of a period', async () => {
    const { body } = await api(t, 'GET', `/api/cms/analytics/programs/${first.programId}?from=${at(24, 0).toISOString()}`, { headers: viewer, expect: 200 });
    const expectedPlays = second.programId === first.programId ? 4 : 3;
    expect(body.totals.plays).toBe(expectedPlays);
    expect(body.episodes[0]).toMatchObject({ episodeId: first.id, plays: 3, listeners: 2 });
    expect(typeof body.episodes[0].title).toBe('string');
    const top = await api(t, 'GET', `/api/cms/analytics/top-episodes?from=${at(24, 0).toISOString()}&limit=5`, { headers: viewer, expect: 200 });
    expect(top.body.items.map((i: { episodeId: string; plays: number }) => [i.episodeId, i.plays])).toEqual([[first.id, 3], [second.id, 1]]);
  });

  it('needs a viewer token, and answers bad periods and unknown ids with problems', async () => {
    expectProblem(await api(t, 'GET', `/api/cms/analytics/episodes/${first.id}`), 401);
    expectProblem(await api(t, 'GET', `/api/cms/analytics/episodes/${randomUUID()}`, { headers: viewer }), 404);
    expectProblem(await api(t, 'GET', `/api/cms/analytics/programs/${randomUUID()}`, { headers: viewer }), 404);
    expectProblem(await api(t, 'GET', `/api/cms/analytics/episodes/${first.id}?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`, { headers: viewer }), 400);
    expectProblem(await api(t, 'GET', `/api/cms/analytics/episodes/${first.id}?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&interval=hour`, { headers: viewer }), 400);
    expectProblem(await api(t, 'GET', `/api/cms/analytics/top-episodes?from=yesterday`, { headers: viewer }), 400);
    // The default period: the last 7 days, hourly would be too many points, so daily.
    const { body } = await api(t, 'GET', `/api/cms/analytics/episodes/${first.id}`, { headers: viewer, expect: 200 });
    expect(body.interval).toBe('day');
    expect(body.totals.plays).toBe(3);
  });
});
