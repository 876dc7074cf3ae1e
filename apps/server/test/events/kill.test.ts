// A consumer process killed with SIGKILL in the middle of the stream (no chance to clean up, a
// transaction open) loses no event and processes none twice once a new process takes over.
// PostgreSQL only: two processes cannot share a PGlite database.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Relay } from '../../src/events/relay.js';
import { serverRoot } from '../../src/paths.js';
import { availableBackends } from '../support/databases.js';
import { TEST_NATS_URL } from '../support/services.js';
import { BusHarness, availableBuses, createEffectsTable, effects, newId, openDatabase, waitFor, writeEvent, type TestDatabase } from './support.js';

const buses = await availableBuses();
const postgres = availableBackends().includes('postgres');

describe.runIf(postgres).each(buses)('a consumer process killed with SIGKILL (PostgreSQL, %s bus)', (busKind) => {
  let database: TestDatabase | undefined;
  let harness: BusHarness | undefined;
  const children: ChildProcess[] = [];

  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await harness?.close();
    await database?.close();
  });

  function spawnConsumer(h: BusHarness, url: string): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(serverRoot, 'test/events/consumer-child.ts')], {
      cwd: serverRoot,
      env: {
        ...process.env,
        CHILD_DATABASE_URL: url,
        CHILD_BUS: h.kind,
        CHILD_NATS_URL: TEST_NATS_URL,
        CHILD_STREAM: h.stream,
        CHILD_SUBJECT_PREFIX: h.subjectPrefix,
        CHILD_CONSUMER: 'killed',
        CHILD_DELAY_MS: '3',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`consumer child exited early (${code})`)));
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve(child);
      });
    });
  }

  it('loses no event and handles none twice', async () => {
    database = await openDatabase('postgres');
    await createEffectsTable(database.db);
    harness = new BusHarness(busKind, database);
    const entities = Array.from({ length: 4 }, newId);
    const written = new Map<string, string[]>(entities.map((e) => [e, []]));
    for (let v = 1; v <= 50; v++) for (const e of entities) written.get(e)!.push(await writeEvent(database.db, e, v));
    expect(await new Relay({ db: database.db, bus: await harness.open() }).drain()).toBe(200);

    const first = await spawnConsumer(harness, database.url!);
    await waitFor('the child to handle some events', async () => (await effects(database!.db, 'killed')).length >= 40, 30_000);
    first.removeAllListeners('exit');
    first.kill('SIGKILL');
    await once(first, 'exit');
    const atKill = (await effects(database.db, 'killed')).length;
    expect(atKill).toBeLessThan(200);

    await spawnConsumer(harness, database.url!);
    await waitFor('all 200 effects', async () => (await effects(database!.db, 'killed')).length >= 200, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for a duplicate to show
    const seen = await effects(database.db, 'killed');
    expect(seen).toHaveLength(200);
    expect(new Set(seen.map((e) => e.event_id)).size).toBe(200);
    for (const [entity, ids] of written) expect(seen.filter((e) => e.entity_id === entity).map((e) => e.event_id)).toEqual(ids);
  });
});
