// A seeded catalogue indexed for search, with helpers that write the listening feature tables directly
// (listener_items, listening_hourly: the contract of migration 0012, which the listening aggregation
// fills in production) and read the public API after the cache saw the new generation.
import { createTestApp, type TestApp } from '../support/app.js';
import { api, type Json } from '../support/cms.js';
import type { Backend } from '../support/databases.js';
import { seedTask } from '../../src/seed/seed.task.js';
import { reindexTask } from '../../src/discovery/search-index/reindex.task.js';
import { listEvents } from '../../src/events/outbox.js';
import { indexerHandlers } from '../../src/discovery/indexer.js';
import { indexingProjector } from '../../src/discovery/search-index/listener.js';
import type { Task } from '../../src/platform/tasks.js';

export interface Episode { id: string; program_id: string; language: string; category_id: string | null }

export interface RecsHarness {
  t: TestApp;
  editor: Record<string, string>;
  /** Public episodes by program, newest first. */
  episodes: Episode[];
  get(url: string): Promise<{ status: number; headers: Record<string, unknown>; body: Json }>;
  /** Projects content events written since the last call (an unpublish, say) into the read model. */
  sync(): Promise<void>;
  listen(listener: string, episodeIds: string[], options?: { at?: Date; completed?: boolean }): Promise<void>;
  hourly(rows: { hour: Date; episode: Episode; plays: number; listeners?: number; completes?: number }[]): Promise<void>;
  task(task: Task, args?: Json): Promise<Json>;
  close(): Promise<void>;
}

export async function recsHarness(backend: Backend): Promise<RecsHarness> {
  const t = await createTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: '1000000', TRENDING_REFRESH_MS: '0', RECS_REBUILD_MS: '0' } });
  const editor = await t.auth('editor');
  const context = { platform: t.platform, actor: 'system:test', progress: () => {} };
  await seedTask.run(context, {});
  await reindexTask.run(context, {});
  let seq = Number((await t.platform.db.query<{ s: string | null }>('select max(seq)::text as s from outbox'))[0]?.s ?? 0);
  const handlers = indexerHandlers(indexingProjector());
  const episodes = await t.platform.db.query<Episode & Record<string, unknown>>(
    'select id, program_id, language, category_id from discovery_episodes where publish_at <= now() order by program_id, publish_at desc, id');
  return {
    t, editor, episodes,
    async get(url) {
      await t.discovery!.generation.refresh();
      return api(t, 'GET', url);
    },
    async sync() {
      for (;;) {
        const events = await listEvents(t.platform.db, { afterSeq: seq, limit: 500 });
        if (events.length === 0) return;
        for (const event of events) {
          const handler = handlers[event.type] as ((e: typeof event, ctx: { tx: unknown }) => Promise<void>) | null;
          if (handler) await t.platform.db.transaction((tx) => handler(event, { tx }));
          seq = event.seq;
        }
      }
    },
    async listen(listener, ids, options = {}) {
      const base = (options.at ?? new Date()).getTime();
      // One minute apart in the order given: the last id is the most recent listen.
      const rows = ids.map((id, i) => {
        const e = episodes.find((x) => x.id === id);
        if (!e) throw new Error(`no public episode ${id}`);
        const at = new Date(base - (ids.length - i) * 60_000).toISOString();
        return { listener_id: listener, episode_id: id, program_id: e.program_id, first_at: at, last_at: at, seconds_listened: 600, completed: options.completed ?? true };
      });
      await t.platform.db.query(
        `insert into listener_items select * from jsonb_populate_recordset(null::listener_items, $1::jsonb)
         on conflict (listener_id, episode_id) do update set last_at = excluded.last_at`, [JSON.stringify(rows)]);
    },
    async hourly(rows) {
      await t.platform.db.query(
        `insert into listening_hourly (hour, episode_id, program_id, platform, plays, completes, listeners, seconds_listened)
         select x.hour, x.episode_id, x.program_id, 'web-chrome', x.plays, x.completes, x.listeners, x.plays * 600
           from jsonb_to_recordset($1::jsonb) as x(hour timestamptz, episode_id uuid, program_id uuid, plays int, completes int, listeners int)`,
        [JSON.stringify(rows.map((r) => ({ hour: r.hour.toISOString(), episode_id: r.episode.id, program_id: r.episode.program_id, plays: r.plays, completes: r.completes ?? 0, listeners: r.listeners ?? r.plays })))]);
    },
    task: (task, args = {}) => task.run(context, args),
    close: () => t.close(),
  };
}
