// Trending, "more like this", "listeners also played", "for you", and model versions, over the seeded
// catalogue with listening written straight into the feature tables (the contract of migration 0012).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { api, expectProblem, type Json } from '../support/cms.js';
import { recsHarness, type Episode, type RecsHarness } from './support.js';
import { recsActivateTask, recsRebuildTask, recsRollbackTask, recsVersionsTask, trendingRefreshTask } from '../../src/recommendations/recs.tasks.js';
import { currentGeneration } from '../../src/discovery/projection.js';

const ids = (items: { id: string }[]) => items.map((i) => i.id);
const listenerId = (n: number) => `listener-${String(n).padStart(4, '0')}`;

describe.each(availableBackends())('recommendations on %s', (backend) => {
  let h: RecsHarness;
  // Two programs of one language, one of another: clear tastes for co-listening.
  let a: Episode[];
  let b: Episode[];
  let c: Episode[];

  beforeAll(async () => {
    h = await recsHarness(backend);
    const byProgram = new Map<string, Episode[]>();
    for (const e of h.episodes) byProgram.set(e.program_id, [...(byProgram.get(e.program_id) ?? []), e]);
    const programs = [...byProgram.values()].filter((list) => list.length >= 8);
    const ar = programs.filter((p) => p[0]!.language === 'ar');
    const en = programs.filter((p) => p[0]!.language === 'en');
    [a, b, c] = [ar[0]!, ar[1]!, en[0]!];
  }, 180_000);
  afterAll(() => h?.close());
  beforeEach(async () => {
    await h.t.platform.db.exec(`delete from listener_items; delete from listening_hourly; delete from recs_state; delete from recs_models;`);
  });

  it('orders trending by time-decayed listening after a scripted burst, and search and the featured shelf follow', async () => {
    const now = new Date(Date.UTC(2026, 11, 1, 12));
    const hoursAgo = (n: number) => new Date(now.getTime() - n * 3_600_000);
    const [old, steady, burst] = [a[0]!, b[0]!, c[0]!];
    // A big week-old hit, a steady trickle, and a burst in the last three hours.
    await h.hourly([
      ...[170, 169, 168].map((n) => ({ hour: hoursAgo(n), episode: old, plays: 400 })),
      ...Array.from({ length: 48 }, (_, n) => ({ hour: hoursAgo(n + 1), episode: steady, plays: 3 })),
      ...[2, 1, 0].map((n) => ({ hour: hoursAgo(n), episode: burst, plays: 60, completes: 30 })),
    ]);
    const before = await currentGeneration(h.t.platform.db);
    const result = await h.task(trendingRefreshTask, { at: now.toISOString(), halfLifeHours: 24 });
    expect(result.scored).toEqual({ episodes: 3, programs: 3 });
    expect(await currentGeneration(h.t.platform.db)).toBeGreaterThan(before);

    const trending = await h.get('/api/discovery/trending');
    expect(trending.status).toBe(200);
    expect(ids(trending.body.episodes)).toEqual([burst.id, steady.id, old.id]);
    expect(ids(trending.body.programs)).toEqual([burst.program_id, steady.program_id, old.program_id]);
    const arabic = await h.get('/api/discovery/trending?language=ar');
    expect(ids(arabic.body.episodes)).toEqual([steady.id, old.id]);
    // The featured shelf sorts programs by the same score.
    const home = await h.get('/api/discovery/home');
    expect(ids(home.body.featured).slice(0, 3)).toEqual([burst.program_id, steady.program_id, old.program_id]);
    // Search's popularity boost reads it too.
    const [doc] = await h.t.platform.db.query<{ popularity: number }>('select popularity from search_documents where id = $1', [burst.id]);
    expect(doc!.popularity).toBeGreaterThan(100);

    // A day later with no new listening everything has halved: within tolerance of... no, a real change.
    const later = await h.task(trendingRefreshTask, { at: new Date(now.getTime() + 24 * 3_600_000).toISOString(), halfLifeHours: 24 });
    expect(later.changed.episodes).toBe(3);
    // Unchanged inputs: nothing is rewritten and the generation stays.
    const gen = await currentGeneration(h.t.platform.db);
    const again = await h.task(trendingRefreshTask, { at: new Date(now.getTime() + 24 * 3_600_000).toISOString(), halfLifeHours: 24 });
    expect(again.changed).toEqual({ episodes: 0, programs: 0 });
    expect(await currentGeneration(h.t.platform.db)).toBe(gen);
  });

  it('finds episodes and programs like this one from content, public only, without what the listener played', async () => {
    const source = a[0]!;
    const similar = await h.get(`/api/discovery/episodes/${source.id}/more-like-this?limit=10`);
    expect(similar.status).toBe(200);
    expect(similar.headers['cache-control']).toMatch(/public/);
    const items: Json[] = similar.body.items;
    expect(items.length).toBe(10);
    expect(ids(items)).not.toContain(source.id);
    // At most three of one program; mostly the same language.
    const perProgram = new Map<string, number>();
    for (const e of items) perProgram.set(e.program.id, (perProgram.get(e.program.id) ?? 0) + 1);
    expect(Math.max(...perProgram.values())).toBeLessThanOrEqual(3);
    expect(items.filter((e) => e.language === source.language).length).toBeGreaterThanOrEqual(7);

    await h.listen(listenerId(1), [items[0].id]);
    const forListener = await h.get(`/api/discovery/episodes/${source.id}/more-like-this?limit=10&listener=${listenerId(1)}`);
    expect(forListener.headers['cache-control']).toBe('private, no-store');
    expect(ids(forListener.body.items)).not.toContain(items[0].id);

    const [program] = await h.t.platform.db.query<{ slug: string }>('select slug from discovery_programs where id = $1', [source.program_id]);
    const programs = await h.get(`/api/discovery/programs/${program!.slug}/more-like-this?limit=5`);
    expect(programs.status).toBe(200);
    expect(programs.body.items.length).toBeGreaterThan(0);
    expect(ids(programs.body.items)).not.toContain(source.program_id);
    expect(programs.body.items[0]).toHaveProperty('feedUrl');

    expectProblem(await h.get('/api/discovery/episodes/00000000-0000-4000-8000-000000000000/more-like-this'), 404);
    expectProblem(await h.get(`/api/discovery/episodes/${source.id}/more-like-this?listener=x`), 400);
  });

  it('rebuilds a model version from co-listening, serves "also played" and "for you" without played or unpublished episodes', async () => {
    // 30 listeners of program A (and a bit of B), 30 of program C: A's episodes are neighbours of A's.
    for (let n = 0; n < 30; n++) await h.listen(listenerId(n), [a[n % 8]!.id, a[(n + 1) % 8]!.id, a[(n + 2) % 8]!.id, b[n % 3]!.id]);
    for (let n = 30; n < 60; n++) await h.listen(listenerId(n), [c[n % 8]!.id, c[(n + 3) % 8]!.id, c[(n + 5) % 8]!.id]);
    const model = await h.task(recsRebuildTask, {});
    expect(model).toMatchObject({ version: expect.any(Number), active: true, params: { k: 50, holdout: 2 } });
    expect(model.counts).toMatchObject({ listeners: 60, rows: 30 * 4 + 30 * 3 });
    expect(model.counts.neighbours).toBeGreaterThan(0);
    expect(model.metrics.forYou.listeners).toBeGreaterThan(0);
    for (const key of ['forYou', 'alsoPlayed', 'mostPopular']) {
      expect(model.metrics[key].hitRate).toBeGreaterThanOrEqual(0);
      expect(model.metrics[key].ndcg).toBeLessThanOrEqual(1);
    }

    const also = await h.get(`/api/discovery/episodes/${a[0]!.id}/also-played?limit=20`);
    expect(also.status).toBe(200);
    expect(also.body.modelVersion).toBe(model.version);
    const alsoIds = ids(also.body.items);
    expect(alsoIds.slice(0, 2).every((id) => a.some((e) => e.id === id))).toBe(true);
    expect(alsoIds.some((id) => c.some((e) => e.id === id))).toBe(false);

    // A listener of A gets more of A, never what they played.
    const me = 'me-listener-1';
    await h.listen(me, [a[0]!.id, a[1]!.id]);
    const mine = await h.get(`/api/discovery/for-you?listener=${me}&limit=5`);
    expect(mine.status).toBe(200);
    expect(mine.headers['cache-control']).toBe('private, no-store');
    expect(mine.body.basis).toMatch(/history|mixed/);
    const mineIds = ids(mine.body.items);
    expect(mineIds).not.toContain(a[0]!.id);
    expect(mineIds).not.toContain(a[1]!.id);
    expect(a.some((e) => e.id === mineIds[0])).toBe(true);
    // A new listen counts at once, without a rebuild: it leaves the list.
    await h.listen(me, [mineIds[0]!], { at: new Date(Date.now() + 60_000) });
    expect(ids((await h.get(`/api/discovery/for-you?listener=${me}&limit=5`)).body.items)).not.toContain(mineIds[0]);

    // Unpublishing an episode takes it out of every shelf at once (read model), though the model has it.
    const hidden = alsoIds[0]!;
    await api(h.t, 'POST', `/api/cms/episodes/${hidden}/unpublish`, { headers: h.editor, expect: 200 });
    await h.sync();
    expect(ids((await h.get(`/api/discovery/episodes/${a[0]!.id}/also-played?limit=20`)).body.items)).not.toContain(hidden);
    expect(ids((await h.get(`/api/discovery/for-you?listener=${me}&limit=20`)).body.items)).not.toContain(hidden);
    expect(ids((await h.get(`/api/discovery/episodes/${a[0]!.id}/more-like-this?limit=50`)).body.items)).not.toContain(hidden);
    expectProblem(await h.get(`/api/discovery/episodes/${hidden}/also-played`), 404);
    await api(h.t, 'POST', `/api/cms/episodes/${hidden}/publish`, { headers: h.editor, expect: 200 });
    await h.sync();
  });

  it('records each build, rolls back to the previous version, and leaves deleted listeners out of the next build', async () => {
    // Only listeners 0..9 ever played a[0] with c[0]: a cross-language pair that exists because of them.
    for (let n = 0; n < 10; n++) await h.listen(listenerId(n), [a[0]!.id, c[0]!.id]);
    for (let n = 10; n < 30; n++) await h.listen(listenerId(n), [a[0]!.id, a[1]!.id]);
    const first = await h.task(recsRebuildTask, {});
    const neighboursOf = async () => ids((await h.get(`/api/discovery/episodes/${a[0]!.id}/also-played`)).body.items);
    expect(await neighboursOf()).toContain(c[0]!.id);

    // The listening engineer's DELETE removes a listener's rows; here, the same rows go.
    await h.t.platform.db.query(`delete from listener_items where listener_id = any($1::text[])`, [Array.from({ length: 10 }, (_, n) => listenerId(n))]);
    const second = await h.task(recsRebuildTask, {});
    expect(second.version).toBeGreaterThan(first.version);
    expect(second.counts.listeners).toBe(20);
    expect(await neighboursOf()).not.toContain(c[0]!.id);
    const [{ n }] = (await h.t.platform.db.query<{ n: number }>(
      'select count(*)::int as n from recs_neighbours where version = $1 and episode_id = $2 and neighbour_id = $3', [second.version, a[0]!.id, c[0]!.id])) as [{ n: number }];
    expect(n).toBe(0);

    const versions = (await h.task(recsVersionsTask)).versions;
    expect(versions.map((v: Json) => [v.version, v.active])).toEqual([[second.version, true], [first.version, false]]);
    expect(versions[0].window.to).toBeTruthy();

    const back = await h.task(recsRollbackTask);
    expect(back).toMatchObject({ version: first.version, active: true });
    expect((await h.get(`/api/discovery/episodes/${a[0]!.id}/also-played`)).body.modelVersion).toBe(first.version);
    expect(await neighboursOf()).toContain(c[0]!.id);
    await expect(h.task(recsRollbackTask)).rejects.toThrow(/no earlier version/);
    await h.task(recsActivateTask, { version: second.version });
    expect(await neighboursOf()).not.toContain(c[0]!.id);
    await expect(h.task(recsActivateTask, { version: 99_999 })).rejects.toThrow(/No recommendation model version/);
  });

  it('starts a listener with no history from trending in the chosen language and categories', async () => {
    const en = c[0]!;
    const [category] = await h.t.platform.db.query<{ slug: string }>('select slug from discovery_categories where id = $1', [en.category_id]);
    await h.hourly([{ hour: new Date(Date.now() - 3_600_000), episode: c[2]!, plays: 50 }]);
    await h.task(trendingRefreshTask, {});
    const cold = await h.get(`/api/discovery/for-you?listener=brand-new-listener&language=en&categories=${category!.slug}&limit=6`);
    expect(cold.status).toBe(200);
    expect(cold.body).toMatchObject({ basis: 'cold-start', modelVersion: null });
    expect(cold.body.items).toHaveLength(6);
    expect(cold.body.items[0].id).toBe(c[2]!.id);
    expect(cold.body.items.every((e: Json) => e.language === 'en')).toBe(true);
    const anyLanguage = await h.get('/api/discovery/for-you?listener=brand-new-listener&limit=3');
    expect(anyLanguage.body.items[0].id).toBe(c[2]!.id);
    expectProblem(await h.get('/api/discovery/for-you?limit=3'), 400);
    expectProblem(await h.get('/api/discovery/for-you?listener=brand-new-listener&categories=Not%20A%20Slug'), 400);
    // Nothing built yet: "also played" is empty, not an error.
    expect((await h.get(`/api/discovery/episodes/${en.id}/also-played`)).body).toEqual({ items: [], modelVersion: null });
  });
});
