// A server with the demo catalogue in its read model, for listening tests: public episode ids to send
// beacons about, and an episode that is not public.
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../support/app.js';
import type { Backend } from '../support/databases.js';
import { seedTask } from '../../src/seed/seed.task.js';
import { Projector } from '../../src/discovery/projection.js';
import { rebuildReadModel } from '../../src/discovery/rebuild.js';

export interface ListeningApp extends TestApp {
  /** Public episodes: id and program id. */
  episodes: { id: string; programId: string; duration: number | null }[];
  /** An episode that exists but is not public. */
  privateEpisode: string;
}

export async function createListeningApp(backend: Backend, env: Record<string, string> = {}): Promise<ListeningApp> {
  const t = await createTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: '1000000', ...env } });
  await seedTask.run({ platform: t.platform, actor: 'system:seed', progress: () => {} }, {});
  await rebuildReadModel(t.platform.db, new Projector(), () => {});
  const episodes = (await t.platform.db.query<{ id: string; program_id: string; duration_seconds: number | null }>(
    'select id, program_id, duration_seconds from discovery_episodes where publish_at <= now() order by publish_at desc, id limit 10',
  )).map((r) => ({ id: r.id, programId: r.program_id, duration: r.duration_seconds }));
  const [hidden] = await t.platform.db.query<{ id: string }>(
    'select id from episodes e where not exists (select 1 from discovery_episodes d where d.id = e.id) limit 1',
  );
  return Object.assign(t, { episodes, privateEpisode: hidden?.id ?? randomUUID() });
}

export const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
export const FIREFOX_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

let counter = 0;
/** A unique beacon id. */
export const beaconId = () => `b-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function beacon(episode: string, kind: 'play' | 'progress' | 'complete' | 'seek', at: Date, extra: { position?: number; listened?: number; id?: string } = {}) {
  return { id: extra.id ?? beaconId(), kind, episode, position: extra.position ?? 0, ...(extra.listened !== undefined ? { listened: extra.listened } : {}), at: at.toISOString() };
}

export async function sendBatch(t: TestApp, listener: string, events: unknown[], options: { ua?: string; contentType?: string; raw?: string } = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/discovery/listening/events',
    headers: { 'content-type': options.contentType ?? 'application/json', 'user-agent': options.ua ?? CHROME_UA },
    payload: options.raw ?? JSON.stringify({ listener, events }),
  });
  return { status: response.statusCode, headers: response.headers, body: response.json() };
}
