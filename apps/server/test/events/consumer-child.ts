// A consumer in its own process, for the test that kills it with SIGKILL (kill.test.ts).
// Runs the example consumer of support.ts against PostgreSQL on the bus named by the environment,
// prints "ready", and handles events until it is killed.
import { EventRuntime, defineConsumer } from '../../src/events/consumer.js';
import { InProcessBus } from '../../src/events/in-process-bus.js';
import { openJetStreamBus } from '../../src/events/jetstream-bus.js';
import { openWakeups } from '../../src/events/wakeups.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import { recorder } from './example-consumer.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`consumer-child needs ${name}`);
  return value;
};

const databaseUrl = env('CHILD_DATABASE_URL');
const db = openPostgres({ connectionString: databaseUrl, max: 2 });
const wakeups = openWakeups({ databaseUrl });
const bus = env('CHILD_BUS') === 'jetstream'
  ? await openJetStreamBus({ servers: env('CHILD_NATS_URL'), stream: env('CHILD_STREAM'), subjectPrefix: env('CHILD_SUBJECT_PREFIX'), ackWaitMs: 1000 })
  : new InProcessBus(db, { wakeups, pollMs: 100 });
const r = recorder();
r.delayMs = Number(process.env.CHILD_DELAY_MS ?? '0');
const runtime = new EventRuntime({ db, bus, maxAttempts: 5, retryBaseMs: 20 });
runtime.registerConsumer(defineConsumer({ name: env('CHILD_CONSUMER'), handlers: r.handlers }));
runtime.start();
process.stdout.write('ready\n');
