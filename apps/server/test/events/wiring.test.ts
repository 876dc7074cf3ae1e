// The event roles wired into the app: a CMS change reaches a registered consumer through the relay
// and the configured bus; dead letters are listed and replayed through the admin task API; the
// event metrics are served at /metrics.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_TYPES, type EventHandlers } from '@thmnayah/contracts';
import { startBackground } from '../../src/app.js';
import { defineConsumer, type HandlerContext } from '../../src/events/consumer.js';
import type { OutboxEvent } from '../../src/events/outbox.js';
import { availableBackends } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { TEST_NATS_URL } from '../support/services.js';
import { availableBuses, deleteTestStream, waitFor } from './support.js';

const buses = await availableBuses();
const cases = availableBackends().flatMap((backend) => buses.map((bus) => [backend, bus] as const));
const quiet = { error() {}, warn() {} };

function ndjsonResult(body: string): { type: string; result?: unknown; problem?: unknown } {
  const lines = body.trim().split('\n').map((line) => JSON.parse(line) as { type: string; result?: unknown; problem?: unknown });
  return lines.at(-1)!;
}

describe.each(cases)('event roles in the app on %s with the %s bus', (backend, busKind) => {
  let t: TestApp | undefined;
  let stop: (() => Promise<void>) | undefined;
  const stream = `T_WIRING_${process.pid}_${randomBytes(4).toString('hex')}`;

  afterEach(async () => {
    await stop?.();
    await t?.close();
    if (busKind === 'jetstream') await deleteTestStream(stream);
  });

  it('delivers CMS changes to a registered consumer, and replays its dead letters through the admin tasks', async () => {
    t = await createTestApp(backend, {
      env: {
        EVENT_RETRY_BASE_MS: '5',
        EVENT_MAX_ATTEMPTS: '2',
        EVENT_POLL_MS: '50',
        ...(busKind === 'jetstream' ? { NATS_URL: TEST_NATS_URL, NATS_STREAM: stream } : {}),
      },
    });
    const seen: OutboxEvent[] = [];
    let refuse = true;
    const record = async (event: OutboxEvent, ctx: HandlerContext) => {
      if (event.type === 'program.updated' && refuse) throw new Error('not today');
      await ctx.tx.query('select 1');
      seen.push(event);
    };
    const handlers = Object.fromEntries(EVENT_TYPES.map((type) => [type, record])) as unknown as EventHandlers<HandlerContext>;
    stop = startBackground(t.platform, ['relay', 'worker'], quiet, [defineConsumer({ name: 'wiring', handlers })]);

    const editor = await t.auth('editor');
    const created = await t.app.inject({ method: 'POST', url: '/api/cms/programs', headers: editor, payload: { kind: 'podcast', title: 'Wiring', language: 'en' } });
    expect(created.statusCode, created.body).toBe(201);
    const program = created.json() as { id: string };
    await waitFor('program.created', () => seen.some((e) => e.type === 'program.created' && e.entityId === program.id));

    const updated = await t.app.inject({ method: 'PATCH', url: `/api/cms/programs/${program.id}`, headers: { ...editor, 'if-match': '"1"' }, payload: { title: 'Wiring 2' } });
    expect(updated.statusCode, updated.body).toBe(200);

    const admin = await t.auth('admin');
    let deadLetters: { id: number; eventType: string; status: string }[] = [];
    await waitFor('a dead letter', async () => {
      const listed = await t!.app.inject({ method: 'POST', url: '/api/cms/admin/tasks/events.dead-letters', headers: admin, payload: {} });
      deadLetters = (ndjsonResult(listed.body).result as { deadLetters: typeof deadLetters }).deadLetters;
      return deadLetters.length === 1;
    });
    expect(deadLetters[0]).toMatchObject({ eventType: 'program.updated', status: 'dead' });

    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/thmnayah_events_dead_letters\{consumer="wiring"\} 1/);
    expect(metrics.body).toMatch(/thmnayah_events_consumer_lag\{consumer="wiring"\} 0/);
    expect(metrics.body).toMatch(/thmnayah_relay_published_total 2/);
    expect(metrics.body).toMatch(/thmnayah_events_failed_total\{consumer="wiring"\} 2/);

    const invalid = await t.app.inject({ method: 'POST', url: '/api/cms/admin/tasks/events.replay', headers: admin, payload: {} });
    expect(ndjsonResult(invalid.body)).toMatchObject({ type: 'error', problem: { status: 400 } });

    refuse = false;
    const replay = await t.app.inject({ method: 'POST', url: '/api/cms/admin/tasks/events.replay', headers: admin, payload: { ids: [deadLetters[0]!.id] } });
    expect(ndjsonResult(replay.body)).toMatchObject({ type: 'result', result: { requested: [deadLetters[0]!.id] } });
    await waitFor('program.updated replayed', () => seen.some((e) => e.type === 'program.updated'));
    // The handler ran; its transaction (which also marks the dead letter replayed) commits next.
    await waitFor('the dead letter marked replayed', async () => {
      const after = await t!.app.inject({ method: 'POST', url: '/api/cms/admin/tasks/events.dead-letters', headers: admin, payload: { status: 'all' } });
      const listed = (ndjsonResult(after.body).result as { deadLetters: { status: string }[] }).deadLetters;
      return listed.length === 1 && listed[0]!.status === 'replayed';
    });

    // Trimming by hand: nothing is old enough under the default retention; with 0 days every row all
    // consumers have read goes, and the rows stay countable by the relay's metrics.
    const kept = await t.app.inject({ method: 'POST', url: '/api/cms/admin/tasks/events.trim', headers: admin, payload: {} });
    expect(ndjsonResult(kept.body)).toMatchObject({ type: 'result', result: { deleted: 0, olderThanDays: 14 } });
    const bad = await t.app.inject({ method: 'POST', url: '/api/cms/admin/tasks/events.trim', headers: admin, payload: { olderThanDays: -1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ type: '/api/problems#validation-failed' });
  });
});

describe('event roles when NATS is not there yet', () => {
  it('keep trying to reach it, say so, and stop promptly when asked', async () => {
    // A loopback port that nothing listens on: take one from the OS, then let it go.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));

    const t = await createTestApp('pglite', { env: { NATS_URL: `nats://127.0.0.1:${port}` } });
    const errors: string[] = [];
    const stop = startBackground(t.platform, ['relay'], { error: (_obj, msg) => errors.push(msg), warn() {} }, []);
    try {
      await waitFor('two failed attempts', () => errors.filter((m) => m.includes('NATS JetStream not reachable')).length >= 2);
    } finally {
      await stop();
      await t.close();
    }
    // The events stay in the outbox meanwhile, unpublished, for when NATS comes.
    expect(errors.every((m) => m.includes('NATS JetStream not reachable'))).toBe(true);
  });
});
