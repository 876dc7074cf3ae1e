// One conformance suite for the event runtime, run on every bus (in-process; NATS JetStream when
// reachable) and every database (PGlite; PostgreSQL when reachable). The consumer used here is the
// tiny example in support.ts; real consumers live with their domains.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import type { EventBus } from '../../src/events/bus.js';
import { EventRuntime, defineConsumer } from '../../src/events/consumer.js';
import { listDeadLetters, requestReplay } from '../../src/events/dead-letters.js';
import { eventMetrics, type EventMetrics } from '../../src/events/metrics.js';
import { Relay } from '../../src/events/relay.js';
import { availableBackends } from '../support/databases.js';
import {
  BusHarness, availableBuses, createEffectsTable, effects, newId, openDatabase, recorder, waitFor, writeEvent,
  type Recorder, type TestDatabase,
} from './support.js';

const buses = await availableBuses();
const cases = availableBackends().flatMap((backend) => buses.map((bus) => [backend, bus] as const));

describe.each(cases)('event runtime on %s with the %s bus', (backend, busKind) => {
  let database: TestDatabase;
  let harness: BusHarness;
  let metrics: EventMetrics;
  const running: { stop(): Promise<void> }[] = [];

  beforeEach(async () => {
    database = await openDatabase(backend);
    await createEffectsTable(database.db);
    harness = new BusHarness(busKind, database);
    metrics = eventMetrics(new Registry());
  });

  afterEach(async () => {
    for (const r of running.splice(0).reverse()) await r.stop();
    await harness.close();
    await database.close();
  });

  function startRelay(bus: EventBus, db = database.db): Relay {
    const relay = new Relay({ db, bus, wakeups: harness.wakeups, metrics, pollMs: 50 });
    relay.start();
    running.push(relay);
    return relay;
  }

  function startConsumer(bus: EventBus, name: string, r: Recorder, options: { maxAttempts?: number; retryBaseMs?: number; db?: typeof database.db } = {}): EventRuntime {
    const runtime = new EventRuntime({
      db: options.db ?? database.db,
      bus,
      metrics,
      maxAttempts: options.maxAttempts ?? 3,
      retryBaseMs: options.retryBaseMs ?? 20,
      pollMs: 100,
      replayPollMs: 50,
    });
    runtime.registerConsumer(defineConsumer({ name, handlers: r.handlers }));
    runtime.start();
    running.push(runtime);
    return runtime;
  }

  async function writeInterleaved(entities: number, versions: number): Promise<Map<string, string[]>> {
    const ids = Array.from({ length: entities }, newId);
    const written = new Map(ids.map((id) => [id, [] as string[]]));
    // Entities are written concurrently, each entity's versions one after another (as the CMS
    // does: the row lock orders changes to one entity).
    await Promise.all(ids.map(async (id) => {
      for (let v = 1; v <= versions; v++) written.get(id)!.push(await writeEvent(database.db, id, v));
    }));
    return written;
  }

  it('delivers every event once, in order for each entity', async () => {
    const bus = await harness.open();
    const r = recorder();
    startConsumer(bus, 'orders', r);
    startRelay(bus);
    const written = await writeInterleaved(6, 15);
    await waitFor('90 effects', async () => (await effects(database.db, 'orders')).length >= 90);

    const seen = await effects(database.db, 'orders');
    expect(seen).toHaveLength(90);
    expect(new Set(seen.map((e) => e.event_id)).size).toBe(90);
    for (const [entity, ids] of written) {
      const mine = seen.filter((e) => e.entity_id === entity);
      expect(mine.map((e) => e.version)).toEqual(ids.map((_, i) => i + 1));
      expect(mine.map((e) => e.event_id)).toEqual(ids);
    }
    const published = await database.db.query<{ n: number }>('select count(*)::int as n from outbox where published_at is null');
    expect(published[0]!.n).toBe(0);
    await waitFor('lag 0', async () => (await metrics.lagSources.get('orders')!()) === 0);
    const text = await metrics.lag.get();
    expect(text.values.find((v) => v.labels.consumer === 'orders')?.value).toBe(0);
    const processed = (await metrics.processed.get()).values.find((v) => v.labels.consumer === 'orders' && v.labels.outcome === 'handled');
    expect(processed?.value).toBe(90);
  });

  it('does not process a redelivered event twice', async () => {
    const bus = await harness.open();
    const r = recorder();
    const runtime = startConsumer(bus, 'once', r);
    startRelay(bus);
    await writeInterleaved(3, 5);
    await waitFor('15 effects', async () => (await effects(database.db, 'once')).length >= 15);
    await runtime.stop();

    // Everything comes again from the start: the bus redelivers, the consumer recognises each id.
    await harness.rewind('once');
    const again = startConsumer(await harness.open(), 'once', r);
    void again;
    await waitFor('15 duplicates', async () => {
      const dup = (await metrics.processed.get()).values.find((v) => v.labels.consumer === 'once' && v.labels.outcome === 'duplicate');
      return (dup?.value ?? 0) >= 15;
    });
    expect(await effects(database.db, 'once')).toHaveLength(15);
    expect(r.calls).toHaveLength(15);
  });

  it('retries with backoff, parks the event after its last attempt, moves on, and replays it on request', async () => {
    const bus = await harness.open();
    const r = recorder();
    const entity = newId();
    const first = await writeEvent(database.db, entity, 1);
    const poison = await writeEvent(database.db, entity, 2);
    const third = await writeEvent(database.db, entity, 3);
    r.failing.add(poison);
    startConsumer(bus, 'retries', r, { maxAttempts: 3, retryBaseMs: 30 });
    startRelay(bus);

    await waitFor('the third event', async () => (await effects(database.db, 'retries')).some((e) => e.event_id === third));
    const attempts = r.calls.filter((c) => c.id === poison);
    expect(attempts).toHaveLength(3);
    // Backoff doubles: at least 30 ms, then 60 ms between attempts (timers never fire early by
    // more than a millisecond of rounding).
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(29);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(59);
    // Order held: the third waited for the poison event to be settled.
    expect(r.calls.findIndex((c) => c.id === third)).toBeGreaterThan(r.calls.lastIndexOf(attempts[2]!));
    expect((await effects(database.db, 'retries')).map((e) => e.event_id)).toEqual([first, third]);

    const [dead, ...more] = await listDeadLetters(database.db, { consumer: 'retries' });
    expect(more).toHaveLength(0);
    expect(dead).toMatchObject({ eventId: poison, attempts: 3, status: 'dead', eventType: 'episode.updated' });
    expect(dead!.lastError).toContain(`handler refuses ${poison}`);
    expect(await database.db.query('select * from event_failures')).toHaveLength(0);
    expect((await metrics.deadLetters.get()).values.find((v) => v.labels.consumer === 'retries')?.value).toBe(1);
    expect((await metrics.failed.get()).values.find((v) => v.labels.consumer === 'retries')?.value).toBe(3);

    r.failing.clear();
    expect(await requestReplay(database.db, { consumer: 'retries' })).toEqual([dead!.id]);
    await waitFor('the replay', async () => (await listDeadLetters(database.db, { status: 'replayed' })).length === 1);
    expect((await effects(database.db, 'retries')).map((e) => e.event_id)).toEqual([first, third, poison]);
    const [replayed] = await listDeadLetters(database.db, { status: 'all' });
    expect(replayed).toMatchObject({ status: 'replayed', replays: 1 });
    expect((await metrics.deadLetters.get()).values.find((v) => v.labels.consumer === 'retries')?.value).toBe(0);
    // A second request finds nothing left to replay.
    expect(await requestReplay(database.db, { all: true })).toEqual([]);
  });

  it('parks a replayed event again when it still fails', async () => {
    const bus = await harness.open();
    const r = recorder();
    const poison = await writeEvent(database.db, newId(), 1);
    r.failing.add(poison);
    startConsumer(bus, 'stubborn', r, { maxAttempts: 2, retryBaseMs: 5 });
    startRelay(bus);
    await waitFor('a dead letter', async () => (await listDeadLetters(database.db)).length === 1);
    await requestReplay(database.db, { all: true });
    await waitFor('two replay attempts', () => r.calls.filter((c) => c.id === poison).length === 4);
    await waitFor('dead again', async () => (await listDeadLetters(database.db, { status: 'dead' })).length === 1);
    const [dead] = await listDeadLetters(database.db);
    expect(dead).toMatchObject({ status: 'dead', attempts: 4, replays: 1 });
    expect(await effects(database.db, 'stubborn')).toHaveLength(0);
  });

  it('loses nothing and repeats nothing when a consumer and the relay stop mid-stream and new ones take over', async () => {
    const bus = await harness.open();
    const r = recorder();
    r.delayMs = 5; // 120 events take over half a second: the stop lands mid-stream
    const runtime = startConsumer(bus, 'restart', r);
    const relay = startRelay(bus);
    const written = await writeInterleaved(4, 30);
    await waitFor('some effects', async () => (await effects(database.db, 'restart')).length >= 20);
    await Promise.all([runtime.stop(), relay.stop()]);
    const before = (await effects(database.db, 'restart')).length;
    expect(before).toBeLessThan(120);

    // New objects, as after a restart: a new bus connection, relay and consumer.
    const bus2 = await harness.open();
    const r2 = recorder();
    startConsumer(bus2, 'restart', r2);
    startRelay(bus2);
    await waitFor('all effects', async () => (await effects(database.db, 'restart')).length >= 120);
    const seen = await effects(database.db, 'restart');
    expect(seen).toHaveLength(120);
    expect(new Set(seen.map((e) => e.event_id)).size).toBe(120);
    for (const [entity, ids] of written) expect(seen.filter((e) => e.entity_id === entity).map((e) => e.event_id)).toEqual(ids);
  });

  it('publishes each event once when the relay dies between publishing and marking', async () => {
    const bus = await harness.open();
    const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => writeEvent(database.db, newId(), i + 1)));
    // This relay's bus accepts the batch, then the relay "dies" before its transaction commits.
    const dying: EventBus = {
      kind: bus.kind,
      publish: async (tx, events) => {
        await bus.publish(tx, events);
        throw new Error('killed after publish');
      },
      published: () => {},
      subscribe: (name) => bus.subscribe(name),
      close: async () => {},
    };
    await expect(new Relay({ db: database.db, bus: dying }).publishBatch()).rejects.toThrow('killed after publish');
    const unpublished = await database.db.query('select 1 from outbox where published_at is null');
    expect(unpublished).toHaveLength(10);

    const r = recorder();
    startConsumer(bus, 'crash', r);
    const relay = new Relay({ db: database.db, bus: await harness.open() });
    expect(await relay.drain()).toBe(10);
    await waitFor('10 effects', async () => (await effects(database.db, 'crash')).length >= 10);
    expect(await harness.messageCount()).toBe(10);
    expect((await effects(database.db, 'crash')).map((e) => e.event_id).sort()).toEqual([...ids].sort());
    expect(r.calls).toHaveLength(10);
  });

  it('lets several relays run together without duplicates or reordering', async () => {
    const r = recorder();
    startConsumer(await harness.open(), 'many', r);
    // Three relays, each with its own bus connection and (on PostgreSQL) its own connection pool.
    for (let i = 0; i < 3; i++) startRelay(await harness.open(), database.another());
    const written = await writeInterleaved(5, 20);
    await waitFor('100 effects', async () => (await effects(database.db, 'many')).length >= 100);
    await new Promise((resolve) => setTimeout(resolve, 200)); // room for a stray duplicate to show
    // publish_seq commits with the relay's transaction, which can end just after the consumer's effect.
    await waitFor('all 100 marked published', async () =>
      (await database.db.query('select 1 from outbox where publish_seq is null')).length === 0);

    expect(await harness.messageCount()).toBe(100);
    const seen = await effects(database.db, 'many');
    expect(seen).toHaveLength(100);
    expect(r.calls).toHaveLength(100);
    for (const [entity, ids] of written) expect(seen.filter((e) => e.entity_id === entity).map((e) => e.event_id)).toEqual(ids);
    const order = await database.db.query<{ publish_seq: number }>('select publish_seq from outbox order by publish_seq');
    expect(order.map((o) => o.publish_seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it.runIf(backend === 'postgres')('does not skip an event that commits after a later one', async () => {
    const bus = await harness.open();
    const r = recorder();
    startConsumer(bus, 'late', r);
    startRelay(bus);
    // The early transaction takes its seq first and commits last.
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let inserted!: () => void;
    const hasSeq = new Promise<void>((resolve) => (inserted = resolve));
    const entityA = newId();
    const early = database.db.transaction(async (tx) => {
      const { appendEvent } = await import('../../src/events/outbox.js');
      const id = await appendEvent(tx, { type: 'episode.updated', actor: 'test', entityType: 'episode', entityId: entityA, data: { id: entityA, version: 1, programId: entityA, status: 'draft', publishAt: null } });
      inserted();
      await held;
      return id;
    });
    await hasSeq;
    // Not visible yet to anyone else.
    expect(await database.another().query('select 1 from outbox')).toHaveLength(0);
    const later = await writeEvent(database.db, newId(), 1);
    await waitFor('the later event', async () => (await effects(database.db, 'late')).some((e) => e.event_id === later));
    commit();
    const earlyId = await early;
    await waitFor('the early event', async () => (await effects(database.db, 'late')).some((e) => e.event_id === earlyId));
    // The relay publishes inside its transaction and writes publish_seq in the same one, so a consumer can
    // handle the event a moment before that commit: wait for the commit, not just the effect.
    await waitFor('the early event marked published', async () =>
      (await database.db.query('select 1 from outbox where publish_seq is null')).length === 0);
    const seqs = await database.db.query<{ id: string; seq: number; publish_seq: number }>('select id, seq, publish_seq from outbox order by seq');
    expect(seqs.map((s) => s.id)).toEqual([earlyId, later]);
    expect(seqs.map((s) => s.publish_seq)).toEqual([2, 1]);
  });

  it('skips event types a consumer deliberately ignores, without recording them', async () => {
    const bus = await harness.open();
    const r = recorder();
    startConsumer(bus, 'ignores', r);
    startRelay(bus);
    const person = newId();
    const { appendEvent } = await import('../../src/events/outbox.js');
    await database.db.transaction((tx) => appendEvent(tx, { type: 'person.restored', actor: 'test', entityType: 'person', entityId: person, data: { id: person, version: 2, slug: 'x' } }));
    const after = await writeEvent(database.db, newId(), 1);
    await waitFor('the event after it', async () => (await effects(database.db, 'ignores')).some((e) => e.event_id === after));
    expect(r.calls.map((c) => c.id)).toEqual([after]);
    expect((await metrics.processed.get()).values.find((v) => v.labels.outcome === 'ignored')?.value).toBe(1);
    expect(await database.db.query('select 1 from processed_events where consumer = $1', ['ignores'])).toHaveLength(1);
  });
});
