// Event latency: from an event row written (its transaction committed) to the consumer's handler
// running, through the real relay and bus, on each database and bus available here; beside
// baselines measured in the same run: a bare EventEmitter round trip, a bare database write, a bare
// NATS core publish→subscribe and a bare JetStream publish→pull-consume round trip (no runtime).
// Also: the same path with wake-ups switched off (polling only), and a burst's throughput.
//
//   node apps/server/bin/run-ts.mjs bench/events-latency.ts [--samples 300] [--burst 2000]
// Loopback only: PostgreSQL at TEST_DATABASE_URL, NATS at TEST_NATS_URL (skipped when unreachable).
import { EventEmitter } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { EVENT_TYPES, type EventHandlers } from '@thmnayah/contracts';
import type { Db } from '../apps/server/src/platform/db/db.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { openPglite } from '../apps/server/src/platform/db/pglite.js';
import { openPostgres } from '../apps/server/src/platform/db/postgres.js';
import type { EventBus } from '../apps/server/src/events/bus.js';
import { EventRuntime, defineConsumer, type HandlerContext } from '../apps/server/src/events/consumer.js';
import { InProcessBus } from '../apps/server/src/events/in-process-bus.js';
import { openJetStreamBus, type JetStreamBus } from '../apps/server/src/events/jetstream-bus.js';
import { appendEvent, type OutboxEvent } from '../apps/server/src/events/outbox.js';
import { Relay } from '../apps/server/src/events/relay.js';
import { openWakeups, type Wakeups } from '../apps/server/src/events/wakeups.js';
import { reachable, TEST_DATABASE_URL, TEST_NATS_URL } from '../apps/server/test/support/services.js';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '300' }, burst: { type: 'string', default: '2000' } } });
const SAMPLES = Number(values.samples);
const BURST = Number(values.burst);
const WARMUP = 20;

interface Result {
  name: string;
  p50: number;
  p99: number;
  max: number;
}
const results: Result[] = [];
const throughputs: { name: string; perSecond: number }[] = [];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** Runs `once` SAMPLES times (after a warm-up), one at a time with a small random gap. */
async function measure(name: string, once: () => Promise<number>): Promise<Result> {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const ms = await once();
    if (i >= WARMUP) samples.push(ms);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
  }
  samples.sort((a, b) => a - b);
  const result = { name, p50: quantile(samples, 0.5), p99: quantile(samples, 0.99), max: samples.at(-1)! };
  results.push(result);
  console.error(`  ${name}: p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms`);
  return result;
}

// ---- baselines ----------------------------------------------------------------------------

async function emitterBaseline() {
  const emitter = new EventEmitter();
  await measure('baseline: EventEmitter emit → listener', () => new Promise<number>((resolve) => {
    const t0 = performance.now();
    emitter.once('e', () => resolve(performance.now() - t0));
    setImmediate(() => emitter.emit('e'));
  }));
}

async function dbBaseline(label: string, db: Db) {
  await db.exec('create table if not exists bench_rows (id uuid primary key, at timestamptz default now())');
  await measure(`baseline: ${label} insert + commit`, async () => {
    const t0 = performance.now();
    await db.transaction((tx) => tx.query('insert into bench_rows (id) values ($1)', [randomUUID()]));
    return performance.now() - t0;
  });
}

async function natsBaselines() {
  const nc = await connect({ servers: TEST_NATS_URL });
  const subject = `bench.${randomBytes(4).toString('hex')}`;
  const waiting = new Map<string, () => void>();
  const sub = nc.subscribe(subject, { callback: (_err, msg) => waiting.get(msg.string())?.() });
  await nc.flush();
  await measure('baseline: NATS core publish → subscriber', () => new Promise<number>((resolve) => {
    const id = randomUUID();
    const t0 = performance.now();
    waiting.set(id, () => resolve(performance.now() - t0));
    nc.publish(subject, id);
  }));
  sub.unsubscribe();

  const jsm = await jetstreamManager(nc);
  const stream = `BENCH_${process.pid}_${randomBytes(3).toString('hex')}`;
  await jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
  await jsm.consumers.add(stream, { durable_name: 'bench', ack_policy: AckPolicy.Explicit, max_ack_pending: 1 });
  const js = jetstream(nc);
  const consumer = await js.consumers.get(stream, 'bench');
  const messages = await consumer.consume({ max_messages: 1 });
  const jsWaiting = new Map<string, () => void>();
  void (async () => {
    for await (const m of messages) {
      m.ack();
      jsWaiting.get(m.string())?.();
    }
  })();
  try {
    await measure('baseline: JetStream publish (acked) → pull consumer', () => new Promise<number>((resolve, reject) => {
      const id = randomUUID();
      const t0 = performance.now();
      jsWaiting.set(id, () => resolve(performance.now() - t0));
      js.publish(`${stream}.x`, id, { msgID: id }).catch(reject);
    }));
  } finally {
    await messages.close();
    await jsm.streams.delete(stream);
    await nc.close();
  }
}

// ---- the runtime ---------------------------------------------------------------------------

async function runtimeLatency(label: string, db: Db, makeBus: (wakeups: Wakeups | undefined) => Promise<EventBus>, options: { wakeups: boolean; databaseUrl?: string }) {
  const wakeups = options.wakeups ? openWakeups({ databaseUrl: options.databaseUrl }) : undefined;
  const realBus = await makeBus(wakeups);
  // Without wake-ups, the relay's in-process hint to the bus is dropped too: polling only.
  const bus: EventBus = options.wakeups ? realBus : {
    kind: realBus.kind,
    publish: (tx, events) => realBus.publish(tx, events),
    published: () => {},
    subscribe: (name, o) => realBus.subscribe(name, o),
    close: () => realBus.close(),
  };
  const waiting = new Map<string, () => void>();
  const handle = async (event: OutboxEvent) => {
    waiting.get(event.id)?.();
  };
  const handlers = Object.fromEntries(EVENT_TYPES.map((type) => [type, handle])) as unknown as EventHandlers<HandlerContext>;
  const consumerName = `bench-${randomBytes(3).toString('hex')}`;
  const relay = new Relay({ db, bus, ...(wakeups ? { wakeups } : {}), pollMs: 200 });
  const runtime = new EventRuntime({ db, bus, pollMs: 200 });
  runtime.registerConsumer(defineConsumer({ name: consumerName, handlers }));
  // Start from the end of the log: earlier runs' events are not this run's business.
  await db.query(`insert into event_consumer_positions (consumer, position) select $1, coalesce(max(publish_seq), 0) from outbox`, [consumerName]);
  await new Relay({ db, bus }).drain();
  if (bus.kind === 'jetstream') await (realBus as JetStreamBus).deleteConsumer(consumerName);
  relay.start();
  runtime.start();
  const write = (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => {
    const entity = randomUUID();
    return appendEvent(tx, { type: 'episode.updated', actor: 'bench', entityType: 'episode', entityId: entity, data: { id: entity, version: 1, programId: entity, status: 'draft', publishAt: null } });
  };
  try {
    // JetStream consumers start at the stream's beginning: let earlier events drain first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await measure(`${label}${options.wakeups ? '' : ' (polling only, 200 ms)'}`, async () => {
      const t0 = performance.now();
      let handled!: () => void;
      const done = new Promise<void>((resolve) => (handled = resolve));
      // The id is only known inside the transaction; register before commit.
      await db.transaction(async (tx) => {
        const id = await write(tx);
        waiting.set(id, handled);
      });
      await done;
      return performance.now() - t0;
    });
    if (options.wakeups && BURST > 0) {
      let remaining = BURST;
      let allDone!: () => void;
      const finished = new Promise<void>((resolve) => (allDone = resolve));
      const t0 = performance.now();
      const ids: string[] = [];
      for (let i = 0; i < BURST; i += 50) {
        await db.transaction(async (tx) => {
          for (let j = i; j < Math.min(BURST, i + 50); j++) {
            const id = await write(tx);
            ids.push(id);
            waiting.set(id, () => {
              if (--remaining === 0) allDone();
            });
          }
        });
      }
      await finished;
      const seconds = (performance.now() - t0) / 1000;
      throughputs.push({ name: label, perSecond: BURST / seconds });
      console.error(`  ${label}: burst of ${BURST} in ${seconds.toFixed(2)} s`);
    }
  } finally {
    await relay.stop();
    await runtime.stop();
    await realBus.close();
    await wakeups?.close();
  }
}

// ---- main ----------------------------------------------------------------------------------

const postgresUp = await reachable(TEST_DATABASE_URL, 5432);
const natsUp = await reachable(TEST_NATS_URL, 4222);
const loadAtStart = loadavg()[0]!;
console.error(`events latency: ${SAMPLES} samples each (after ${WARMUP} warm-up); PostgreSQL ${postgresUp ? 'yes' : 'no'}, NATS ${natsUp ? 'yes' : 'no'}`);

await emitterBaseline();
if (natsUp) await natsBaselines();

const databases: { label: string; db: Db; url?: string; close(): Promise<void> }[] = [];
const pglite = await openPglite();
await migrate(pglite);
databases.push({ label: 'PGlite', db: pglite, close: () => pglite.close() });
let benchDbName: string | undefined;
if (postgresUp) {
  benchDbName = `thmnayah_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${benchDbName}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${benchDbName}`;
  const db = openPostgres({ connectionString: url.toString(), max: 10 });
  await migrate(db);
  databases.push({ label: 'PostgreSQL', db, url: url.toString(), close: () => db.close() });
}

const streams: JetStreamBus[] = [];
try {
  for (const { label, db, url } of databases) {
    await dbBaseline(label, db);
    const inProcess = async (wakeups: Wakeups | undefined) => new InProcessBus(db, { ...(wakeups ? { wakeups } : {}), pollMs: 200 });
    await runtimeLatency(`${label} + in-process bus`, db, inProcess, { wakeups: true, ...(url ? { databaseUrl: url } : {}) });
    await runtimeLatency(`${label} + in-process bus`, db, inProcess, { wakeups: false });
    if (natsUp) {
      const stream = `BENCH_EVENTS_${process.pid}_${randomBytes(3).toString('hex')}`;
      const jetStreamBus = async () => {
        const bus = await openJetStreamBus({ servers: TEST_NATS_URL, stream });
        streams.push(bus);
        return bus;
      };
      await runtimeLatency(`${label} + JetStream bus`, db, jetStreamBus, { wakeups: true, ...(url ? { databaseUrl: url } : {}) });
    }
  }
} finally {
  if (streams[0]) {
    const cleanup = await openJetStreamBus({ servers: TEST_NATS_URL, stream: streams[0].stream });
    await cleanup.deleteStream();
    await cleanup.close();
  }
  for (const d of databases) await d.close();
  if (benchDbName) {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${benchDbName} with (force)`);
    await admin.end();
  }
}

const byName = (prefix: string) => results.find((r) => r.name.startsWith(prefix));
const emitter = byName('baseline: EventEmitter')!;
const js = byName('baseline: JetStream');
console.log(`\nEvent latency, outbox write (commit) → consumer handler; ${SAMPLES} samples, one at a time`);
console.log(`(${cpus().length} CPUs; 1-minute load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end: other work on the machine shows in the tails)\n`);
console.log('| path | p50 ms | p99 ms | max ms | p99 ÷ same-DB insert | p99 ÷ bare JetStream |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  const db = r.name.startsWith('PGlite') ? byName('baseline: PGlite') : r.name.startsWith('PostgreSQL') ? byName('baseline: PostgreSQL') : undefined;
  const vsDb = db && !r.name.startsWith('baseline') ? (r.p99 / db.p99).toFixed(1) : '';
  const vsJs = js && r.name.includes('JetStream bus') ? (r.p99 / js.p99).toFixed(1) : '';
  console.log(`| ${r.name} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.max.toFixed(2)} | ${vsDb} | ${vsJs} |`);
}
console.log(`\n(EventEmitter baseline p99 ${emitter.p99.toFixed(3)} ms: the in-process floor with no database at all.)`);
if (throughputs.length > 0) {
  console.log(`\nBurst: ${BURST} events written in transactions of 50, time until the consumer handled all\n`);
  console.log('| path | events/s |');
  console.log('|---|---:|');
  for (const t of throughputs) console.log(`| ${t.name} | ${Math.round(t.perSecond)} |`);
}
