// Drill: NATS JetStream as a 3-node cluster (deploy/k8s/components/nats-cluster) with the event stream
// kept R3 (NATS_STREAM_REPLICAS=3). While CMS changes flow through the outbox, the relay, JetStream and
// the indexer, the node leading the stream is killed (SIGKILL). Every event reaches the indexer
// (events lost = 0), the stream holds each event once (no duplicate publish across the failover), and
// the read model equals a rebuild (an event applied twice would show there: counts, latest dates).
// The indexer's marks (processed_events, keyed by event id) make a redelivery a no-op by construction.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { startBackground } from '../../src/app.js';
import { discoveryIndexer } from '../../src/discovery/indexer.js';
import { Projector } from '../../src/discovery/projection.js';
import { rebuildReadModel } from '../../src/discovery/rebuild.js';
import { availableBackends } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { api, createEpisode, createProgram } from '../support/cms.js';
import { requireServices } from '../support/services.js';
import { drillAvailable, until } from './support/processes.js';
import { PASSWORD, USER, natsBinary, startNatsCluster, type NatsCluster } from './support/nats-cluster.js';

const postgres = availableBackends().includes('postgres');
if (!postgres && requireServices) throw new Error('PostgreSQL is required (THMNAYAH_REQUIRE_SERVICES=1) for the NATS drill');
const available = drillAvailable('nats-server', [natsBinary()]) && postgres;
// What the relay and consumers report while a node is gone (a publish timing out, then retried).
const reported: string[] = [];
const quiet = { error: (_o: unknown, message: string) => void reported.push(message), warn: (_o: unknown, message: string) => void reported.push(message) };

async function readModel(t: TestApp) {
  return t.platform.db.query(
    `select 'p' as t, id, document, json_build_array(episode_count, latest_episode_at) as extra from discovery_programs
     union all select 'e', id, document, null from discovery_episodes
     union all select 'u', id, document, null from discovery_people
     union all select 'c', id, document, null from discovery_categories order by 1, 2`,
  );
}

describe.skipIf(!available)('drill: a NATS node killed while events flow (3-node JetStream, R3 stream)', () => {
  let cluster: NatsCluster;
  let t: TestApp;
  let stop: (() => Promise<void>) | undefined;
  const stream = `DRILL_${process.pid}_${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    cluster = await startNatsCluster();
    t = await createTestApp('postgres', { env: { NATS_URL: cluster.url, NATS_STREAM: stream, NATS_STREAM_REPLICAS: '3', EVENT_POLL_MS: '50' } });
  }, 60_000);

  afterAll(async () => {
    await stop?.();
    await t?.close();
    await cluster?.close();
  });

  it('loses no event, handles none twice, and leaves the read model equal to a rebuild', async () => {
    stop = startBackground(t.platform, ['relay', 'worker'], quiet, [discoveryIndexer()]);
    const editor = await t.auth('editor');
    const program = await createProgram(t, editor, { title: 'Cluster', language: 'en' });
    await api(t, 'POST', `/api/cms/programs/${program.id}/publish`, { headers: editor, expect: 200 });

    // The test's own client knows all three nodes (it must outlive the one it is connected to).
    const nc = await connect({ servers: cluster.nodes.map((n) => `127.0.0.1:${n.port}`), user: USER, pass: PASSWORD });
    const jsm = await jetstreamManager(nc);
    // R3 with a leader and both followers current, before anything is killed.
    await until('the R3 stream with a leader and two current replicas', async () => {
      const info = await jsm.streams.info(stream);
      return info.config.num_replicas === 3 && !!info.cluster?.leader && (info.cluster.replicas ?? []).filter((p) => p.current).length === 2;
    }, 20_000, 100);
    let killed = '';
    for (let i = 0; i < 24; i++) {
      const episode = await createEpisode(t, editor, program.id, { title: `Episode ${i}` });
      await api(t, 'POST', `/api/cms/episodes/${episode.id}/publish`, { headers: editor, expect: 200 });
      if (i === 8) {
        // The node leading the stream goes, mid-flow.
        let leader: string | undefined;
        await until('the stream leader', async () => !!(leader = (await jsm.streams.info(stream)).cluster?.leader), 10_000, 100);
        const node = cluster.nodes.find((n) => n.name === leader)!;
        expect(node, `stream leader ${leader}`).toBeDefined();
        await node.child.stop('SIGKILL');
        killed = node.name;
      }
    }
    await nc.close();

    const counts = async () =>
      (await t.platform.db.query<{ events: number; processed: number; distinct: number }>(
        `select (select count(*) from outbox)::int as events,
                (select count(*) from processed_events where consumer = 'discovery-indexer')::int as processed,
                (select count(distinct event_id) from processed_events where consumer = 'discovery-indexer')::int as distinct`,
      ))[0]!;
    // The bound is for losing nothing, not a recovery-time target: a pull the consumer had sent to the
    // killed leader is re-issued only once the client misses its heartbeats (nats.js consume: expires 30 s,
    // heartbeats every 15 s), after our own backoff (at most 10 s); one CI run in four took over 40 s.
    // The time it took is printed below.
    const recoveryStarted = performance.now();
    await until('every event processed', async () => {
      const c = await counts();
      if (c.events !== c.processed && performance.now() - recoveryStarted > 85_000) {
        console.log(`[drill nats] still waiting: ${JSON.stringify(c)}; retried meanwhile: ${reported.length} (${[...new Set(reported)].join('; ')})`);
      }
      return c.events === c.processed;
    }, 90_000, 100);
    const recoverySeconds = ((performance.now() - recoveryStarted) / 1000).toFixed(1);
    const c = await counts();
    // The stream holds each event once (the relay's Nats-Msg-Id drops a batch re-sent after the failover).
    const survivor = cluster.nodes.find((n) => n.name !== killed)!;
    const nc2 = await connect({ servers: `127.0.0.1:${survivor.port}`, user: USER, pass: PASSWORD });
    // No account-info check up front: right after the failover that request can time out while the meta
    // leader settles, outside the retries below (seen once in CI); the stream info is retried instead.
    const jsm2 = await jetstreamManager(nc2, { checkAPI: false });
    let info: Awaited<ReturnType<typeof jsm2.streams.info>> | undefined;
    await until('the stream after the failover', async () => !!(info = await jsm2.streams.info(stream)), 10_000, 200);
    if (!info) throw new Error('no stream info');
    await nc2.close();
    console.log(
      `[drill nats] killed ${killed} (stream leader) after event 8 of ${c.events}; new leader ${info.cluster?.leader}; all processed ${recoverySeconds} s after the last publish; ` +
        `events lost: ${c.events - c.processed}; messages in the stream: ${info.state.messages} for ${c.events} events (duplicates: ${info.state.messages - c.events}); retried meanwhile: ${reported.length} (${[...new Set(reported)].join('; ')})`,
    );
    expect(c.events - c.processed).toBe(0);
    expect(info.state.messages).toBe(c.events);
    const [row] = await t.platform.db.query<{ n: number }>('select count(*)::int as n from discovery_episodes where program_id = $1', [program.id]);
    expect(row!.n).toBe(24);

    const incremental = await readModel(t);
    await stop();
    stop = undefined;
    await t.platform.db.exec('delete from discovery_episodes; delete from discovery_credits; delete from discovery_programs; delete from discovery_people; delete from discovery_categories;');
    await rebuildReadModel(t.platform.db, new Projector(), () => {});
    expect(await readModel(t)).toEqual(incremental);
  }, 150_000);
});
