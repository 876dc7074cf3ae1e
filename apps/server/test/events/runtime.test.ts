// Runtime details that do not depend on the bus: names, unknown event types, non-transactional
// consumers, a crash-looping event, pruning of processed marks, and the configuration.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../src/config.js';
import { EventRuntime, defineConsumer, pruneProcessedEvents } from '../../src/events/consumer.js';
import { listDeadLetters, requestReplay } from '../../src/events/dead-letters.js';
import { InProcessBus } from '../../src/events/in-process-bus.js';
import { Relay } from '../../src/events/relay.js';
import { trimOutbox } from '../../src/events/retention.js';
import { openTestPglite } from '../support/databases.js';
import { createEffectsTable, effects, newId, openDatabase, recorder, waitFor, writeEvent, type TestDatabase } from './support.js';

describe('event runtime details (PGlite, in-process bus)', () => {
  let database: TestDatabase;
  const running: { stop(): Promise<void> }[] = [];

  beforeEach(async () => {
    database = await openDatabase('pglite');
    await createEffectsTable(database.db);
  });
  afterEach(async () => {
    for (const r of running.splice(0).reverse()) await r.stop();
    await database.close();
  });

  function start(name: string, r = recorder(), options: { transactional?: boolean; maxAttempts?: number } = {}) {
    const bus = new InProcessBus(database.db, { pollMs: 20 });
    const relay = new Relay({ db: database.db, bus, pollMs: 20 });
    const runtime = new EventRuntime({ db: database.db, bus, retryBaseMs: 5, maxAttempts: options.maxAttempts ?? 2, pollMs: 20, replayPollMs: 20 });
    runtime.registerConsumer(defineConsumer({ name, handlers: r.handlers, ...(options.transactional !== undefined ? { transactional: options.transactional } : {}) }));
    relay.start();
    runtime.start();
    running.push(relay, runtime);
    return { runtime, r };
  }

  it('parks an event of a type this build does not know, so it can be replayed after an upgrade', async () => {
    start('unknown');
    const entity = newId();
    await database.db.query(
      `insert into outbox (id, type, entity_type, entity_id, payload, actor) values ($1, 'episode.transcribed', 'episode', $2, '{}', 'future')`,
      [newId(), entity],
    );
    const after = await writeEvent(database.db, newId(), 1);
    await waitFor('the event after it', async () => (await effects(database.db, 'unknown')).some((e) => e.event_id === after));
    const [dead] = await listDeadLetters(database.db);
    expect(dead).toMatchObject({ eventType: 'episode.transcribed', attempts: 2 });
    expect(dead!.lastError).toMatch(/no handler for event type "episode.transcribed"/);
  });

  it('runs non-transactional handlers outside the mark, still once per event', async () => {
    const { r } = start('outside', recorder(), { transactional: false });
    const ids = [await writeEvent(database.db, newId(), 1), await writeEvent(database.db, newId(), 1)];
    // The effects come first, the marks after them: wait for both marks, then read it all again.
    await waitFor('two marks', async () => (await database.db.query(`select 1 from processed_events where consumer = 'outside'`)).length === 2);
    await database.db.query('update event_consumer_positions set position = 0');
    const third = await writeEvent(database.db, newId(), 1);
    await waitFor('the third', async () => (await effects(database.db, 'outside')).length === 3);
    expect((await effects(database.db, 'outside')).map((e) => e.event_id)).toEqual([...ids, third]);
    expect(r.calls).toHaveLength(3);
    expect(await database.db.query(`select 1 from event_consumer_positions where consumer = 'outside' and position = 3`)).toHaveLength(1);
  });

  it('counts a redelivery after a crash as an attempt, so an event that kills its consumer ends in dead letters', async () => {
    const poison = await writeEvent(database.db, newId(), 1);
    await new Relay({ db: database.db, bus: new InProcessBus(database.db) }).drain();
    // Two earlier lives "died" on this event: each restart delivers it as a possible redelivery.
    await database.db.query(`insert into event_failures (consumer, event_id, attempts, last_error) values ('crashy', $1, 2, 'process died')`, [poison]);
    const { r } = start('crashy', recorder(), { maxAttempts: 2 });
    await waitFor('a dead letter', async () => (await listDeadLetters(database.db)).length === 1);
    expect(r.calls).toHaveLength(0);
    const [dead] = await listDeadLetters(database.db);
    expect(dead).toMatchObject({ eventId: poison, attempts: 2, lastError: 'process died' });
    // The operator fixes the cause and replays it.
    await requestReplay(database.db, { ids: [dead!.id] });
    await waitFor('the replay', async () => (await effects(database.db, 'crashy')).length === 1);
  });

  it('trims published outbox rows past the retention that every consumer has read, and the bus goes on from there', async () => {
    const entity = newId();
    const ids: string[] = [];
    for (let version = 1; version <= 4; version++) ids.push(await writeEvent(database.db, entity, version));
    // Events 1-3 were published 20 days ago (as the relay marks them); 4 waits for the relay.
    await database.db.query(`update outbox set publish_seq = seq, published_at = now() - interval '20 days' where id = any($1::uuid[])`, [ids.slice(0, 3)]);
    const seqOf = async (id: string) => (await database.db.query<{ s: string }>('select publish_seq::text as s from outbox where id = $1', [id]))[0]!.s;
    await database.db.query(`insert into event_consumer_positions (consumer, position) values ('a', $1), ('b', $2)`, [await seqOf(ids[1]!), await seqOf(ids[2]!)]);
    const remaining = async () => (await database.db.query<{ id: string }>('select id from outbox order by seq')).map((r) => r.id);

    const keepMs = 14 * 24 * 3600 * 1000;
    // Consumer a has read up to event 2: events 1 and 2 go (in batches of one), 3 stays for a, 4 is unpublished.
    expect(await trimOutbox(database.db, { keepMs, bus: 'in-process', batchSize: 1 })).toBe(2);
    expect(await remaining()).toEqual(ids.slice(2));
    // Young rows stay whatever the consumers did.
    expect(await trimOutbox(database.db, { keepMs: 30 * 24 * 3600 * 1000, bus: 'jetstream' })).toBe(0);

    // Consumer a resumes from its position: it gets event 3, then 4 once the relay publishes it.
    const { r } = start('a');
    await waitFor('events 3 and 4', async () => r.calls.length >= 2);
    expect(r.calls.map((c) => c.version)).toEqual([3, 4]);
    // On JetStream the stream is the log: age alone decides.
    expect(await trimOutbox(database.db, { keepMs, bus: 'jetstream' })).toBe(1);
    expect(await remaining()).toEqual([ids[3]]);
  });

  it('prunes processed marks past their retention', async () => {
    await database.db.query(`insert into processed_events (consumer, event_id, processed_at) values ('a', $1, now() - interval '20 days'), ('a', $2, now())`, [newId(), newId()]);
    expect(await pruneProcessedEvents(database.db, 14 * 24 * 3600 * 1000)).toBe(1);
    expect(await database.db.query('select 1 from processed_events')).toHaveLength(1);
  });
});

describe('event runtime set-up', () => {
  it('refuses consumer names that cannot be durable names, and a name registered twice', async () => {
    expect(() => defineConsumer({ name: 'Search.Index', handlers: recorder().handlers })).toThrow(/not valid/);
    const db = await openTestPglite();
    const runtime = new EventRuntime({ db, bus: new InProcessBus(db) });
    runtime.registerConsumer(defineConsumer({ name: 'search-index', handlers: recorder().handlers }));
    expect(() => runtime.registerConsumer(defineConsumer({ name: 'search-index', handlers: recorder().handlers }))).toThrow(/twice/);
    await db.close();
  });

  it('says which event variable is wrong', () => {
    expect(() => loadConfig({ NATS_STREAM: 'thmnayah.events' })).toThrow(ConfigError);
    expect(() => loadConfig({ EVENT_MAX_ATTEMPTS: '0' })).toThrow(/EVENT_MAX_ATTEMPTS must be a whole number from 1 to 100/);
    expect(loadConfig({})).toMatchObject({ natsStream: 'THMNAYAH_EVENTS', eventMaxAttempts: 5, eventRetryBaseMs: 1000, eventPollMs: 200, eventRetentionDays: 14 });
    expect(() => loadConfig({ EVENT_RETENTION_DAYS: '0' })).toThrow(/EVENT_RETENTION_DAYS must be a whole number from 1 to 3650/);
  });
});
