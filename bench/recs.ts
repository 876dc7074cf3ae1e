// Offline evaluation of recommendations on SIMULATED listening (fixed seed): hit-rate@10 and NDCG@10 of "for you" and "listeners also played" against most-popular and random baselines.
// Run: npm run bench -- recs [listeners, default 1000] [seed, default 14]
//
// The data is simulated, not measured: there is no real listening yet. Listeners get planted tastes (a
// language, two favourite categories, three favourite programs), programs a Zipf popularity skew, and
// listening comes in sessions (a program, then one to three of its episodes, newer ones likelier). Each
// listener's last two listens are held out; the rest go into listener_items (the feature table the
// listening aggregation fills in production). Then the REAL code runs on PGlite over the seeded
// catalogue: the `recs.rebuild` task, `forYou` and `alsoPlayed` as the API serves them (one call per
// listener), and trending for the cold-start fill. Baselines are scored on the same held-out listens.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../apps/server/src/config.js';
import { createPlatform } from '../apps/server/src/platform.js';
import { openPglite } from '../apps/server/src/platform/db/pglite.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { seedTask } from '../apps/server/src/seed/seed.task.js';
import { Projector } from '../apps/server/src/discovery/projection.js';
import { rebuildReadModel } from '../apps/server/src/discovery/rebuild.js';
import { recsRebuildTask, trendingRefreshTask } from '../apps/server/src/recommendations/recs.tasks.js';
import { alsoPlayed, forYou } from '../apps/server/src/recommendations/recommend.js';

const LISTENERS = Number(process.argv[2] ?? 1000);
const SEED = Number(process.argv[3] ?? 14);
const HOLDOUT = 2;
const K = 10;
const DAY = 86_400_000;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rnd = random(SEED);
const pick = <T>(items: readonly T[], weight: (x: T) => number = () => 1): T => {
  const total = items.reduce((s, x) => s + weight(x), 0);
  let r = rnd() * total;
  for (const x of items) if ((r -= weight(x)) <= 0) return x;
  return items[items.length - 1]!;
};

console.log(`Recommendations, offline evaluation on SIMULATED listening (seed ${SEED}, ${LISTENERS} listeners). Not real data.`);
const db = await openPglite({});
await migrate(db);
const platform = await createPlatform(loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'thmnayah-bench-recs-')), LOG_LEVEL: 'silent' }), { db, migrate: false, defaultMetrics: false });
const context = { platform, actor: 'bench', progress: () => {} };
await seedTask.run(context, {});
await rebuildReadModel(db, new Projector(), () => {});

interface Ep { id: string; program_id: string; language: string; category_id: string | null; publish_at: Date }
const episodes = await db.query<Ep & Record<string, unknown>>(
  'select id, program_id, language, category_id, publish_at from discovery_episodes where publish_at <= now() order by id');
const programs = new Map<string, Ep[]>();
for (const e of episodes) programs.set(e.program_id, [...(programs.get(e.program_id) ?? []), e]);
for (const list of programs.values()) list.sort((x, y) => y.publish_at.getTime() - x.publish_at.getTime());
const programIds = [...programs.keys()].sort();
// Zipf popularity over programs, in a seeded random order.
const order = [...programIds].sort(() => rnd() - 0.5);
const programPop = new Map(order.map((id, i) => [id, 1 / (i + 1)]));
const info = (id: string) => programs.get(id)![0]!;
console.log(`catalogue: ${programs.size} public programs, ${episodes.length} public episodes (the seed)`);

// Listeners and their sessions.
const end = Date.now() - 3_600_000;
interface Listen { listener: string; episode: Ep; at: number }
const listens: Listen[] = [];
for (let n = 0; n < LISTENERS; n++) {
  const listener = `sim-${SEED}-${String(n).padStart(6, '0')}`;
  const language = rnd() < 0.6 ? 'ar' : 'en';
  const mine = programIds.filter((id) => info(id).language === language);
  const categories = [...new Set(mine.map((id) => info(id).category_id))];
  const favCategories = [pick(categories), pick(categories)];
  const inFav = mine.filter((id) => favCategories.includes(info(id).category_id));
  const favourites = new Set<string>();
  while (favourites.size < Math.min(3, mine.length)) favourites.add(pick(rnd() < 0.7 && inFav.length ? inFav : mine, (id) => programPop.get(id)!));
  const played = new Set<string>();
  const sessions = 3 + Math.floor(rnd() * 8);
  let at = end - 60 * DAY + rnd() * 10 * DAY;
  for (let s = 0; s < sessions; s++) {
    const r = rnd();
    const program = r < 0.6 ? pick([...favourites]) : r < 0.8 && inFav.length ? pick(inFav, (id) => programPop.get(id)!)
      : r < 0.95 ? pick(programIds, (id) => programPop.get(id)!) : pick(programIds);
    const count = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < count; i++) {
      const left = programs.get(program)!.filter((e) => !played.has(e.id));
      if (left.length === 0) break;
      const episode = pick(left, (e) => 1 / (1 + left.indexOf(e))); // newer episodes likelier
      played.add(episode.id);
      at += 5 * 60_000 + rnd() * 60 * 60_000;
      listens.push({ listener, episode, at });
    }
    at += rnd() * 6 * DAY;
  }
}
// Hold out each listener's last listens (of those with enough to learn from).
const byListener = new Map<string, Listen[]>();
for (const l of listens) byListener.set(l.listener, [...(byListener.get(l.listener) ?? []), l]);
const held = new Map<string, Set<string>>();
const train: Listen[] = [];
for (const [listener, list] of byListener) {
  list.sort((x, y) => x.at - y.at);
  const cut = list.length >= HOLDOUT + 2 ? list.length - HOLDOUT : list.length;
  train.push(...list.slice(0, cut));
  if (cut < list.length) held.set(listener, new Set(list.slice(cut).map((l) => l.episode.id)));
}
console.log(`simulated: ${listens.length} listens by ${byListener.size} listeners; ${train.length} train rows; ${held.size} listeners evaluated on their last ${HOLDOUT}`);

// The feature tables, as the listening aggregation would have left them (train rows only).
const iso = (t: number) => new Date(t).toISOString();
for (let i = 0; i < train.length; i += 2000) {
  await db.query(
    `insert into listener_items (listener_id, episode_id, program_id, first_at, last_at, seconds_listened, completed)
     select x.l, x.e, x.p, x.at, x.at, 900, x.c from jsonb_to_recordset($1::jsonb) as x(l text, e uuid, p uuid, at timestamptz, c boolean)`,
    [JSON.stringify(train.slice(i, i + 2000).map((l) => ({ l: l.listener, e: l.episode.id, p: l.episode.program_id, at: iso(l.at), c: rnd() < 0.6 })))]);
}
await db.query(
  `insert into listening_hourly (hour, episode_id, program_id, platform, plays, completes, listeners, seconds_listened)
   select date_trunc('hour', first_at), episode_id, program_id, 'web-chrome', count(*), count(*) filter (where completed), count(*), sum(seconds_listened)
     from listener_items group by 1, 2, 3`);
await trendingRefreshTask.run(context, {});

let started = Date.now();
const model = await recsRebuildTask.run(context, {}) as { version: number; counts: Record<string, number>; metrics: Record<string, { hitRate: number; ndcg: number; listeners: number }> };
const buildMs = Date.now() - started;

// Scoring of one ranked list against the held-out set.
const score = (ranked: string[], truth: Set<string>) => {
  let dcg = 0;
  ranked.slice(0, K).forEach((id, i) => { if (truth.has(id)) dcg += 1 / Math.log2(i + 2); });
  let idcg = 0;
  for (let i = 0; i < Math.min(truth.size, K); i++) idcg += 1 / Math.log2(i + 2);
  return { hit: dcg > 0 ? 1 : 0, ndcg: dcg / idcg };
};
const totals = new Map<string, { hit: number; ndcg: number }>();
const add = (name: string, s: { hit: number; ndcg: number }) => {
  const t = totals.get(name) ?? { hit: 0, ndcg: 0 };
  totals.set(name, { hit: t.hit + s.hit, ndcg: t.ndcg + s.ndcg });
};
const trainCount = new Map<string, number>();
for (const l of train) trainCount.set(l.episode.id, (trainCount.get(l.episode.id) ?? 0) + 1);
const popular = [...trainCount.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
const rndBase = random(SEED + 1);
started = Date.now();
for (const [listener, truth] of held) {
  const history = byListener.get(listener)!.slice(0, -HOLDOUT);
  const playedIds = new Set(history.map((l) => l.episode.id));
  const mine = await forYou(db, { listener, limit: K });
  add('for you', score(mine.items.map((e) => e.id), truth));
  const also = await alsoPlayed(db, history.at(-1)!.episode.id, K, listener);
  add('listeners also played (last listen)', score(also.items.map((e) => e.id), truth));
  add('most popular (baseline)', score(popular.filter((id) => !playedIds.has(id)).slice(0, K), truth));
  const pool = episodes.filter((e) => !playedIds.has(e.id));
  const shuffled: string[] = [];
  while (shuffled.length < K) {
    const e = pool[Math.floor(rndBase() * pool.length)]!.id;
    if (!shuffled.includes(e)) shuffled.push(e);
  }
  add('random (baseline)', score(shuffled, truth));
}
const serveMs = Date.now() - started;

const n = held.size;
const base = totals.get('most popular (baseline)')!.hit / n;
console.log(`\nmodel version ${model.version}: ${JSON.stringify(model.counts)}; built in ${(buildMs / 1000).toFixed(1)} s`);
console.log(`served ${n * 2} requests (for you + also played) in ${(serveMs / 1000).toFixed(1)} s on PGlite\n`);
console.log(`${'recommender'.padEnd(38)} ${'hit-rate@10'.padStart(12)} ${'NDCG@10'.padStart(9)} ${'× popular'.padStart(10)}`);
for (const [name, t] of totals) {
  console.log(`${name.padEnd(38)} ${(t.hit / n).toFixed(3).padStart(12)} ${(t.ndcg / n).toFixed(3).padStart(9)} ${((t.hit / n) / base).toFixed(2).padStart(10)}`);
}
console.log(`\nrecorded by recs.rebuild on its own hold-out (neighbours built without it): ${JSON.stringify(model.metrics)}`);
await platform.close();
