// MP3 downloads through /play, counted with IAB Podcast Measurement-style rules: a client (keyed hash of
// address + user agent) counts once per episode in 24 h; a download needs a minute of audio's bytes (or the
// whole file when shorter); Range requests of one player combine; bots and HEAD requests count nothing.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../events/support.js';
import { scratchDir, tone } from '../media/media-fixtures.js';
import { call, createEpisodeFor, createMediaApp, pathOf, upload, waitForAsset, type Json, type MediaApp } from '../media/media-app.js';
import { DownloadCounter, addRange, type Served } from '../../src/listening/downloads.js';
import { EventLog } from '../../src/listening/event-log.js';
import { HOT_HOURS, HOT_PREFIX, hotCountersFor, hourKey, programField } from '../../src/listening/hot-counters.js';
import { TEST_REDIS_URL, serviceAvailable } from '../support/services.js';
import { CHROME_UA } from './support.js';

const HOUR = 3_600_000;
// With Redis, a counted download also bumps the hot counters (`live` in the episode's analytics).
const redisUp = await serviceAvailable('Redis', TEST_REDIS_URL, 6379);
const PODCAST_UA = 'AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; en_us)';

describe('download counting', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let t: MediaApp;
  const long = { episode: '', asset: '', url: '', size: 0, duration: 0 };
  const short = { episode: '', asset: '', url: '', size: 0 };
  const downloads = async (episode: string) => (await t.platform.db.query<{ listener_id: string; platform: string }>(
    "select listener_id, platform from listening_events where kind = 'download' and episode_id = $1 order by id", [episode]));

  async function publishedMp3(seconds: number, title: string) {
    const editor = await t.auth('editor');
    const { episode } = await createEpisodeFor(t, editor, { publish: true, title });
    await tone(join(dir, `${title}.wav`), seconds);
    const uploaded = (await upload(t, editor, { type: 'episode', id: episode.id, kind: 'audio' }, join(dir, `${title}.wav`), `${title}.wav`)).body;
    const asset = await waitForAsset(t, editor, uploaded.id, ['ready', 'failed']);
    expect(asset.status).toBe('ready');
    const url = pathOf(asset.renditions.find((r: Json) => r.role === 'mp3').url);
    // The read model knows the episode's duration once the worker has projected the media change.
    await waitFor('the episode in the read model with its duration', async () =>
      (await t.platform.db.query('select 1 from discovery_episodes where id = $1 and duration_seconds is not null', [episode.id])).length === 1, 60_000);
    const head = await t.app.inject({ method: 'HEAD', url });
    return { episode: episode.id as string, asset: uploaded.id as string, url, size: Number(head.headers['content-length']) };
  }

  beforeAll(async () => {
    ({ dir, cleanup } = await scratchDir());
    t = await createMediaApp('pglite', 'local', redisUp ? { REDIS_URL: TEST_REDIS_URL } : {});
    t.startWorker();
    Object.assign(long, await publishedMp3(150, 'long'), { duration: 150 });
    Object.assign(short, await publishedMp3(20, 'short'));
  }, 240_000);
  afterAll(async () => {
    if (redisUp && t) { // only this run's (random) episode ids, in the hours the counters keep
      const hour = Math.floor(Date.now() / HOUR) * HOUR;
      const programs = await t.platform.db.query<{ program_id: string }>('select distinct program_id from episodes where id = any($1)', [[long.episode, short.episode]]);
      const fields = [long.episode, short.episode, ...programs.map((p) => programField(p.program_id))];
      for (let h = 0; h < HOT_HOURS; h++) await t.platform.redis?.hdel(HOT_PREFIX + hourKey(hour - h * HOUR), ...fields);
    }
    await t?.close();
    await cleanup?.();
  });

  it('combines byte ranges', () => {
    expect(addRange([], 0, 9)).toEqual([[0, 9]]);
    expect(addRange([[0, 9]], 20, 29)).toEqual([[0, 9], [20, 29]]);
    expect(addRange([[0, 9], [20, 29]], 10, 19)).toEqual([[0, 29]]);
    expect(addRange([[5, 9]], 0, 2)).toEqual([[0, 2], [5, 9]]);
    expect(addRange([[0, 2], [5, 9]], 1, 7)).toEqual([[0, 9]]);
  });

  it('counts /play MP3 answers: Range pieces of one player once, no bots, no HEAD', async () => {
    const get = (url: string, headers: Record<string, string>, address = '203.0.113.7') =>
      t.app.inject({ method: 'GET', url, headers, remoteAddress: address });
    const perMinute = Math.ceil((long.size * 60) / long.duration);
    // One player fetches the file in three pieces; the first two stay under a minute of audio.
    const third = Math.floor(perMinute / 3);
    expect((await get(long.url, { 'user-agent': PODCAST_UA, range: `bytes=0-${third}` })).statusCode).toBe(206);
    expect((await get(long.url, { 'user-agent': PODCAST_UA, range: `bytes=${third + 1}-${2 * third}` })).statusCode).toBe(206);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await downloads(long.episode)).toHaveLength(0);
    expect((await get(long.url, { 'user-agent': PODCAST_UA, range: `bytes=${2 * third + 1}-${perMinute + 10}` })).statusCode).toBe(206);
    await waitFor('the download to be counted', async () => (await downloads(long.episode)).length === 1, 10_000);
    // The rest of the file, the whole file again, a bot, a HEAD: nothing more.
    await get(long.url, { 'user-agent': PODCAST_UA, range: `bytes=${perMinute + 11}-` });
    await get(long.url, { 'user-agent': PODCAST_UA });
    await get(long.url, { 'user-agent': 'curl/8.5.0' });
    await t.app.inject({ method: 'HEAD', url: long.url, headers: { 'user-agent': CHROME_UA }, remoteAddress: '198.51.100.9' });
    // Another client (same address, another app) is another download.
    await get(long.url, { 'user-agent': CHROME_UA });
    await waitFor('the second client to be counted', async () => (await downloads(long.episode)).length === 2, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const rows = await downloads(long.episode);
    expect(rows.map((r) => r.platform)).toEqual(['apple-podcasts', 'web-chrome']);
    expect(rows.every((r) => /^dl:[A-Za-z0-9_-]{22}$/.test(r.listener_id))).toBe(true);
    // Neither the address nor the user agent is stored anywhere in the listening tables.
    const dump = JSON.stringify([
      await t.platform.db.query('select * from listening_events'), await t.platform.db.query('select * from listening_downloads'),
    ]);
    expect(dump).not.toContain('203.0.113.7');
    expect(dump).not.toContain('AppleCoreMedia');
    if (redisUp) { // the two counted downloads are this hour's plays in `live`, the partial pieces none
      await hotCountersFor(t.platform, () => {})!.idle();
      const { body } = await call(t, 'GET', `/api/cms/analytics/episodes/${long.episode}`, { headers: await t.auth('viewer'), expect: 200 });
      expect(body.live.plays).toBe(2);
    }
  });

  it('counts a client once per episode in 24 hours, across a day boundary and across processes', async () => {
    let clock = Date.parse('2026-12-01T23:30:00Z');
    const counter = () => new DownloadCounter(t.platform.db, new EventLog(t.platform.db), { now: () => clock });
    const whole: Served = { assetId: long.asset, address: '192.0.2.44', userAgent: PODCAST_UA, start: 0, end: long.size - 1, total: long.size };
    const first = counter();
    expect(await first.observe(whole)).toBe('counted');
    expect(await first.observe(whole)).toBe('repeat');
    clock += 1 * HOUR; // the next UTC day, another key: yesterday's hash still finds it
    expect(await counter().observe(whole)).toBe('repeat');
    clock += 22 * HOUR; // 23 h after
    expect(await counter().observe(whole)).toBe('repeat');
    clock += 2 * HOUR; // 25 h after
    expect(await counter().observe(whole)).toBe('counted');
    expect(await counter().observe({ ...whole, address: '192.0.2.45' })).toBe('counted');
  });

  it('needs a minute of audio, or the whole of a shorter file', async () => {
    const clock = Date.parse('2026-12-10T12:00:00Z');
    const counter = new DownloadCounter(t.platform.db, new EventLog(t.platform.db), { now: () => clock });
    const perMinute = Math.ceil((long.size * 60) / long.duration);
    const piece = (start: number, end: number, size = long.size, asset = long.asset, address = '192.0.2.50'): Served =>
      ({ assetId: asset, address, userAgent: PODCAST_UA, start, end, total: size });
    // The first seconds (a player probing the file) are not a listen.
    expect(await counter.observe(piece(0, 1))).toBe('partial');
    expect(await counter.observe(piece(0, perMinute - 100))).toBe('partial');
    expect(await counter.observe(piece(perMinute - 99, perMinute - 1))).toBe('counted');
    // A 20 s file counts only when all of it was requested.
    expect(await counter.observe(piece(0, short.size - 2, short.size, short.asset))).toBe('partial');
    expect(await counter.observe(piece(short.size - 1, short.size - 1, short.size, short.asset))).toBe('counted');
  });
});
