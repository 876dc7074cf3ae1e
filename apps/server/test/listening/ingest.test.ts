// Listening beacons: what ingest accepts and refuses (problem+json, nothing counted twice), on both databases.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { expectProblem } from '../support/cms.js';
import { CHROME_UA, beacon, createListeningApp, sendBatch, type ListeningApp } from './support.js';
import { MAX_BATCH } from '../../src/listening/beacons.js';
import { platformFamily } from '../../src/listening/platform-family.js';

describe.each(availableBackends())('listening ingest on %s', (backend) => {
  let t: ListeningApp;
  const count = async (sql = 'select count(*)::int as n from listening_events', params: unknown[] = []) =>
    (await t.platform.db.query<{ n: number }>(sql, params))[0]!.n;

  beforeAll(async () => {
    t = await createListeningApp(backend);
  }, 120_000);
  afterAll(() => t?.close());

  it('records a batch, with the platform family and without the address or the user agent', async () => {
    const listener = randomUUID();
    const now = new Date();
    const response = await sendBatch(t, listener, [beacon(t.episodes[0]!.id, 'play', now), beacon(t.episodes[0]!.id, 'progress', now, { position: 30, listened: 30 })]);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ accepted: 2, duplicates: [], rejected: [] });
    const rows = await t.platform.db.query<Record<string, unknown>>('select * from listening_events where listener_id = $1 order by id', [listener]);
    expect(rows.map((r) => [r.kind, r.platform, r.program_id, r.listened_seconds])).toEqual([
      ['play', 'web-chrome', t.episodes[0]!.programId, 0],
      ['progress', 'web-chrome', t.episodes[0]!.programId, 30],
    ]);
    // Nothing that identifies a device: no column holds an address or a user agent.
    const columns = (await t.platform.db.query<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name = 'listening_events'")).map((c) => c.column_name);
    expect(columns.some((c) => /ip|addr|agent/.test(c))).toBe(false);
    expect(JSON.stringify(rows)).not.toContain('127.0.0.1');
  });

  it('accepts text/plain JSON, as navigator.sendBeacon sends it', async () => {
    const response = await sendBatch(t, randomUUID(), [], { contentType: 'text/plain;charset=UTF-8', raw: JSON.stringify({ listener: randomUUID(), events: [beacon(t.episodes[1]!.id, 'play', new Date())] }) });
    expect(response.status).toBe(202);
    expect(response.body.accepted).toBe(1);
  });

  it('counts a replayed beacon once: 409 for a batch sent again, duplicates listed in a mixed one', async () => {
    const listener = randomUUID();
    const events = [beacon(t.episodes[0]!.id, 'play', new Date()), beacon(t.episodes[0]!.id, 'complete', new Date(), { listened: 12 })];
    expect((await sendBatch(t, listener, events)).status).toBe(202);
    const before = await count();
    const again = await sendBatch(t, listener, events);
    expectProblem(again, 409);
    expect(again.body.duplicates).toEqual(events.map((e) => e.id));
    const fresh = beacon(t.episodes[0]!.id, 'seek', new Date(), { position: 90 });
    const mixed = await sendBatch(t, listener, [...events, fresh]);
    expect(mixed.status).toBe(202);
    expect(mixed.body).toEqual({ accepted: 1, duplicates: events.map((e) => e.id), rejected: [] });
    expect(await count()).toBe(before + 1);
    // Concurrent replays of one batch: still once.
    const racing = [beacon(t.episodes[2]!.id, 'play', new Date())];
    const answers = await Promise.all([1, 2, 3, 4].map(() => sendBatch(t, listener, racing)));
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409, 409, 409]);
    expect(await count('select count(*)::int as n from listening_events where beacon_id = $1', [racing[0]!.id])).toBe(1);
  });

  it('refuses malformed and oversized batches with problem+json, recording nothing', async () => {
    const before = await count();
    const listener = randomUUID();
    const ok = () => beacon(t.episodes[0]!.id, 'play', new Date());
    expectProblem(await sendBatch(t, listener, [], { raw: '{"listener": "abcdefgh", "events": [' }), 400);
    expectProblem(await sendBatch(t, listener, [], { raw: '{"listener": "abcdefgh", "events": [' , contentType: 'text/plain' }), 400);
    expectProblem(await sendBatch(t, listener, []), 400); // an empty batch
    expectProblem(await sendBatch(t, 'short', [ok()]), 400); // listener id too short
    expectProblem(await sendBatch(t, 'has:colon-reserved', [ok()]), 400);
    expectProblem(await sendBatch(t, listener, [{ ...ok(), kind: 'download' }]), 400); // downloads are counted by the server only
    expectProblem(await sendBatch(t, listener, [{ ...ok(), extra: 1 }]), 400);
    expectProblem(await sendBatch(t, listener, [{ ...ok(), episode: 'not-a-uuid' }]), 400);
    expectProblem(await sendBatch(t, listener, [{ ...ok(), position: -1 }]), 400);
    expectProblem(await sendBatch(t, listener, [{ ...ok(), listened: 1e9 }]), 400);
    expectProblem(await sendBatch(t, listener, Array.from({ length: MAX_BATCH + 1 }, ok)), 400);
    const twice = ok();
    const dup = await sendBatch(t, listener, [twice, twice]);
    expectProblem(dup, 400);
    expect(dup.body.detail).toContain('appears twice');
    const huge = await sendBatch(t, listener, [], { raw: JSON.stringify({ listener, events: [ok()], pad: 'x'.repeat(70_000) }) });
    expectProblem(huge, 413);
    expect(huge.body.detail).toMatch(/65536 bytes/);
    const future = await sendBatch(t, listener, [beacon(t.episodes[0]!.id, 'play', new Date(Date.now() + 3_600_000))]);
    expectProblem(future, 400);
    expect(future.body.detail).toMatch(/ahead of the server's clock/);
    expectProblem(await sendBatch(t, listener, [beacon(t.episodes[0]!.id, 'play', new Date(Date.now() - 3 * 86_400_000))]), 400);
    const hidden = await sendBatch(t, listener, [beacon(t.privateEpisode, 'play', new Date())]);
    expectProblem(hidden, 400);
    expect(hidden.body.detail).toMatch(/not public/);
    expect(await count()).toBe(before);
  });

  it('records the good events of a batch and lists the refused ones', async () => {
    const good = beacon(t.episodes[0]!.id, 'play', new Date());
    const bad = beacon(t.privateEpisode, 'play', new Date());
    const response = await sendBatch(t, randomUUID(), [good, bad]);
    expect(response.status).toBe(202);
    expect(response.body.accepted).toBe(1);
    expect(response.body.rejected).toEqual([{ id: bad.id, reason: `episode ${t.privateEpisode} is not public` }]);
  });

  it('reduces user agents to families', () => {
    expect(platformFamily(CHROME_UA)).toBe('web-chrome');
    expect(platformFamily('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15')).toBe('web-safari');
    expect(platformFamily('AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; en_us)')).toBe('apple-podcasts');
    expect(platformFamily('Spotify/8.9.36 Android/34 (SM-S918B)')).toBe('spotify');
    expect(platformFamily('AntennaPod/3.4.0')).toBe('antennapod');
    expect(platformFamily('curl/8.5.0')).toBe('bot');
    expect(platformFamily(undefined)).toBe('other');
    expect(platformFamily('x'.repeat(100_000))).toBe('other');
  });
});
