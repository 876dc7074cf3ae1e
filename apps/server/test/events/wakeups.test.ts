// Wake-ups across processes on PostgreSQL: a row written by another process (here: a plain SQL
// insert on another connection, which raises no in-process signal) wakes the relay through the
// outbox trigger's NOTIFY, and the relay's NOTIFY wakes in-process-bus consumers elsewhere. Polls
// are set to a minute, so only the signals can explain a prompt delivery.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { EventRuntime, defineConsumer } from '../../src/events/consumer.js';
import { InProcessBus } from '../../src/events/in-process-bus.js';
import { Relay } from '../../src/events/relay.js';
import { openWakeups, type Wakeups } from '../../src/events/wakeups.js';
import { availableBackends } from '../support/databases.js';
import { createEffectsTable, effects, openDatabase, recorder, waitFor, type TestDatabase } from './support.js';

describe.runIf(availableBackends().includes('postgres'))('wake-ups through LISTEN/NOTIFY on PostgreSQL', () => {
  let database: TestDatabase | undefined;
  const closers: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await database?.close();
  });

  it('wakes a relay and a consumer in other "processes" without polling', async () => {
    database = await openDatabase('postgres');
    await createEffectsTable(database.db);
    // The relay's side and the consumer's side each have their own pool and listener.
    const relayWakeups: Wakeups = openWakeups({ databaseUrl: database.url, local: false });
    const consumerWakeups: Wakeups = openWakeups({ databaseUrl: database.url, local: false });
    closers.push(() => relayWakeups.close(), () => consumerWakeups.close());
    const relayDb = database.another();
    const consumerDb = database.another();
    // The relay's bus is its own object, so its in-process hint reaches no consumer.
    const relay = new Relay({ db: relayDb, bus: new InProcessBus(relayDb), wakeups: relayWakeups, pollMs: 60_000 });
    const runtime = new EventRuntime({ db: consumerDb, bus: new InProcessBus(consumerDb, { wakeups: consumerWakeups, pollMs: 60_000 }) });
    const r = recorder();
    runtime.registerConsumer(defineConsumer({ name: 'listener', handlers: r.handlers }));
    relay.start();
    runtime.start();
    closers.push(() => relay.stop(), () => runtime.stop());
    // Let the first polls pass and both LISTEN connections come up.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const writer = new pg.Client({ connectionString: database.url });
    await writer.connect();
    closers.push(() => writer.end());
    const id = randomUUID();
    const entity = randomUUID();
    await writer.query(
      `insert into outbox (id, type, entity_type, entity_id, payload, actor) values ($1, 'episode.updated', 'episode', $2, $3, 'other-process')`,
      [id, entity, JSON.stringify({ id: entity, version: 1, programId: entity, status: 'draft', publishAt: null })],
    );
    // Well before the one-minute polls: only the NOTIFYs can have done it.
    await waitFor('the consumer to handle it', async () => (await effects(database!.db, 'listener')).length === 1, 10_000);
    expect((await effects(database.db, 'listener'))[0]!.event_id).toBe(id);
  });

  it('listens again after its connection is cut', async () => {
    database = await openDatabase('postgres');
    const wakeups = openWakeups({ databaseUrl: database.url, reconnectMs: 50 });
    closers.push(() => wakeups.close());
    let woken = 0;
    wakeups.on('outbox', () => woken++);
    await waitFor('the first listen', () => woken > 0);
    // Cut every listening connection to this database, as a failover would.
    await database.db.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'thmnayah-events-listen' and datname = current_database()`);
    const before = woken;
    await waitFor('listening again', () => woken > before);
    const after = woken;
    await database.db.query(`select pg_notify('thmnayah_outbox', '')`);
    await waitFor('a notification on the new connection', () => woken > after);
  });
});
