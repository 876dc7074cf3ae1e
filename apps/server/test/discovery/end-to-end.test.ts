// The public side fed by the real event runtime: a publish in the CMS reaches the Discovery API through
// the outbox, the relay, the bus (in-process or NATS JetStream) and the indexer consumer; a worker
// stopped mid-stream and started again loses nothing and leaves the read model exactly as a rebuild.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackground } from '../../src/app.js';
import { discoveryIndexer } from '../../src/discovery/indexer.js';
import { Projector } from '../../src/discovery/projection.js';
import { rebuildReadModel } from '../../src/discovery/rebuild.js';
import { availableBackends } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { api, createEpisode, createProgram } from '../support/cms.js';
import { TEST_NATS_URL } from '../support/services.js';
import { availableBuses, deleteTestStream, waitFor } from '../events/support.js';

const buses = await availableBuses();
const cases = availableBackends().flatMap((backend) => buses.map((bus) => [backend, bus] as const));
const quiet = { error() {}, warn() {} };

async function snapshot(t: TestApp) {
  const rows = await t.platform.db.query<{ t: string; id: string; document: unknown; extra: unknown }>(
    `select 'p' as t, id, document, json_build_array(episode_count, latest_episode_at) as extra from discovery_programs
     union all select 'e', id, document, null from discovery_episodes
     union all select 'u', id, document, null from discovery_people
     union all select 'c', id, document, null from discovery_categories order by 1, 2`,
  );
  return rows;
}

describe.each(cases)('publish → public on %s with the %s bus', (backend, busKind) => {
  let t: TestApp | undefined;
  let stop: (() => Promise<void>) | undefined;
  const stream = `T_E2E_${process.pid}_${randomBytes(4).toString('hex')}`;

  afterEach(async () => {
    await stop?.();
    await t?.close();
    if (busKind === 'jetstream') await deleteTestStream(stream);
  });

  it('makes a published episode public within moments, and measures how long it took', async () => {
    t = await createTestApp(backend, { env: { EVENT_POLL_MS: '200', RATE_LIMIT_PER_MINUTE: '1000000', ...(busKind === 'jetstream' ? { NATS_URL: TEST_NATS_URL, NATS_STREAM: stream } : {}) } });
    stop = startBackground(t.platform, ['relay', 'worker'], quiet, [discoveryIndexer()]);
    const editor = await t.auth('editor');
    const program = await createProgram(t, editor, { title: 'Live', language: 'en' });
    await api(t, 'POST', `/api/cms/programs/${program.id}/publish`, { headers: editor, expect: 200 });
    const latencies: number[] = [];
    for (let i = 0; i < 15; i++) {
      const episode = await createEpisode(t, editor, program.id, { title: `Live ${i}` });
      const started = performance.now();
      await api(t, 'POST', `/api/cms/episodes/${episode.id}/publish`, { headers: editor, expect: 200 });
      await waitFor(`episode ${i} public`, async () => {
        await t!.discovery!.generation.refresh();
        return (await t!.app.inject(`/api/discovery/episodes/${episode.id}`)).statusCode === 200;
      });
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    console.log(`[${backend}/${busKind}] publish → public: p50 ${latencies[7]!.toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms (15 episodes)`);
    const page = await api(t, 'GET', `/api/discovery/programs/${program.slug}`);
    expect(page.body.program.episodeCount).toBe(15);
  });

  it('loses no event and indexes nothing twice when the worker stops mid-stream and starts again', async () => {
    t = await createTestApp(backend, { env: { EVENT_POLL_MS: '50', ...(busKind === 'jetstream' ? { NATS_URL: TEST_NATS_URL, NATS_STREAM: stream } : {}) } });
    const editor = await t.auth('editor');
    const program = await createProgram(t, editor, { title: 'Restart', language: 'ar' });
    await api(t, 'POST', `/api/cms/programs/${program.id}/publish`, { headers: editor, expect: 200 });
    stop = startBackground(t.platform, ['relay', 'worker'], quiet, [discoveryIndexer()]);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const episode = await createEpisode(t, editor, program.id, { title: `حلقة ${i}` });
      await api(t, 'POST', `/api/cms/episodes/${episode.id}/publish`, { headers: editor, expect: 200 });
      ids.push(episode.id);
      if (i === 12) {
        await stop!(); // the worker goes away mid-stream …
        stop = undefined;
      }
      if (i === 20) stop = startBackground(t.platform, ['relay', 'worker'], quiet, [discoveryIndexer()]); // … and comes back
    }
    // Every event is processed by the indexer (a JetStream message lost with the stopped worker
    // comes back after the ack wait, 5 s).
    const counts = () => t!.platform.db.query<{ events: number; processed: number }>(
      `select (select count(*) from outbox)::int as events,
              (select count(*) from processed_events where consumer = 'discovery-indexer')::int as processed`,
    );
    await waitFor('every event processed', async () => {
      const [row] = await counts();
      return row!.events === row!.processed;
    }, 20_000);
    const [row] = await t.platform.db.query<{ n: number }>('select count(*)::int as n from discovery_episodes where program_id = $1', [program.id]);
    expect(row!.n).toBe(30);
    // And the incrementally maintained read model is exactly what a full rebuild produces.
    const incremental = await snapshot(t);
    await stop?.();
    stop = undefined;
    await t.platform.db.exec('delete from discovery_episodes; delete from discovery_credits; delete from discovery_programs; delete from discovery_people; delete from discovery_categories;');
    await rebuildReadModel(t.platform.db, new Projector(), () => {});
    expect(await snapshot(t)).toEqual(incremental);
  });
});
