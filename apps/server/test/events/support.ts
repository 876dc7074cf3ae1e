// Shared pieces of the event runtime tests: a bus per kind (JetStream with a unique stream per
// test, deleted afterwards) and a database per backend. The example consumer is in example-consumer.ts.
import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import type { Db } from '../../src/platform/db/db.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import type { EventBus } from '../../src/events/bus.js';
import { InProcessBus } from '../../src/events/in-process-bus.js';
import { openJetStreamBus, type JetStreamBus } from '../../src/events/jetstream-bus.js';
import { appendEvent } from '../../src/events/outbox.js';
import { openWakeups, type Wakeups } from '../../src/events/wakeups.js';
export { createEffectsTable, effects, recorder, type Recorder } from './example-consumer.js';
import { openTestPglite, openTestPostgres, type Backend } from '../support/databases.js';
import { TEST_NATS_URL, serviceAvailable } from '../support/services.js';
import { processAlive } from '../../src/platform/db/data-dir-lock.js';

export type BusKind = 'in-process' | 'jetstream';

export async function availableBuses(): Promise<BusKind[]> {
  if (!(await serviceAvailable('NATS JetStream', TEST_NATS_URL, 4222))) return ['in-process'];
  await dropStreamsOfDeadRuns();
  return ['in-process', 'jetstream'];
}

/**
 * Test streams carry the pid of the run that made them (T_<pid>_..., T_WIRING_<pid>_...); a run
 * killed before its teardown leaves them behind. Those of runs still going are left alone.
 */
async function dropStreamsOfDeadRuns(): Promise<void> {
  const nc = await connect({ servers: TEST_NATS_URL });
  try {
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) {
      const pid = Number(/^T_(?:WIRING_)?(\d+)_/.exec(name)?.[1]);
      if (pid && !processAlive(pid)) await jsm.streams.delete(name).catch(() => {});
    }
  } finally {
    await nc.close();
  }
}


export interface TestDatabase {
  db: Db;
  backend: Backend;
  /** PostgreSQL only: for another pool, a LISTEN connection or a child process. */
  url: string | undefined;
  /** Another connection pool to the same database (PostgreSQL), or the same Db (PGlite). */
  another(): Db;
  close(): Promise<void>;
}

export async function openDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const db = await openTestPglite();
    return { db, backend, url: undefined, another: () => db, close: () => db.close() };
  }
  const pg = await openTestPostgres();
  const extra: Db[] = [];
  return {
    db: pg.db,
    backend,
    url: pg.url,
    another() {
      const db = openPostgres({ connectionString: pg.url, max: 3 });
      extra.push(db);
      return db;
    },
    async close() {
      await Promise.all(extra.map((db) => db.close()));
      await pg.close();
    },
  };
}

/** Opens buses of one kind over one database; for JetStream all share one unique stream. */
export class BusHarness {
  readonly stream = `T_${process.pid}_${randomBytes(4).toString('hex')}`;
  readonly subjectPrefix = `t${randomBytes(6).toString('hex')}.events`;
  readonly wakeups: Wakeups;
  private readonly opened: EventBus[] = [];

  constructor(readonly kind: BusKind, readonly database: TestDatabase, readonly ackWaitMs = 1000) {
    this.wakeups = openWakeups({ databaseUrl: database.url });
  }

  async open(): Promise<EventBus> {
    const bus = this.kind === 'in-process'
      ? new InProcessBus(this.database.db, { wakeups: this.wakeups, pollMs: 100 })
      : await openJetStreamBus({ servers: TEST_NATS_URL, stream: this.stream, subjectPrefix: this.subjectPrefix, ackWaitMs: this.ackWaitMs });
    this.opened.push(bus);
    return bus;
  }

  /** Messages in the JetStream stream; for the in-process bus, published outbox rows. */
  async messageCount(): Promise<number> {
    if (this.kind === 'jetstream') return ((this.opened[0] ?? (await this.open())) as JetStreamBus).messageCount();
    const [row] = await this.database.db.query<{ n: number }>('select count(*)::int as n from outbox where publish_seq is not null');
    return row!.n;
  }

  /** Makes a consumer read everything again from the start (to force redeliveries). */
  async rewind(consumer: string): Promise<void> {
    if (this.kind === 'in-process') {
      await this.database.db.query('update event_consumer_positions set position = 0 where consumer = $1', [consumer]);
    } else {
      const bus = (this.opened[0] ?? (await this.open())) as JetStreamBus;
      await bus.deleteConsumer(consumer);
    }
  }

  async close(): Promise<void> {
    if (this.kind === 'jetstream') await ((this.opened[0] ?? (await this.open())) as JetStreamBus).deleteStream();
    await Promise.all(this.opened.map((bus) => bus.close()));
    await this.wakeups.close();
  }
}

/** Writes one event per item, each in its own transaction, like the CMS does. */
export async function writeEvent(db: Db, entityId: string, version: number): Promise<string> {
  return db.transaction((tx) =>
    appendEvent(tx, {
      type: 'episode.updated',
      actor: 'test',
      entityType: 'episode',
      entityId,
      data: { id: entityId, version, programId: entityId, status: 'draft', publishAt: null },
    }),
  );
}

export const newId = () => randomUUID();

export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Deletes a JetStream stream a test made (each test uses its own, named after its process). */
export async function deleteTestStream(stream: string): Promise<void> {
  const bus = await openJetStreamBus({ servers: TEST_NATS_URL, stream });
  await bus.deleteStream();
  await bus.close();
  // A worker with this NATS_STREAM also made <stream>_LISTENING (config: natsListeningStream).
  const nc = await connect({ servers: TEST_NATS_URL });
  await (await jetstreamManager(nc)).streams.delete(`${stream}_LISTENING`).catch(() => {});
  await nc.close();
}
