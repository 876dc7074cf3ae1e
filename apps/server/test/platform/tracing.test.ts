// Tracing end to end (issue 13): a CMS process and a separate worker process (relay + consumers), both
// exporting OTLP (http/json) to a receiver this test runs on loopback. An editor publishes an episode;
// one trace must hold the CMS request, the outbox insert, the relay's publish, the indexer consumer
// and its read-model write, each the parent of the next — on the in-process bus (the outbox itself)
// and on NATS JetStream (context in message headers). The CMS logs of that request carry its trace id.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDevIssuer } from '../../src/platform/auth/dev-issuer.js';
import { availableBackends, openTestPostgres, type TestPostgres } from '../support/databases.js';
import { TEST_NATS_URL } from '../support/services.js';
import { availableBuses, deleteTestStream, waitFor } from '../events/support.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { SPAN_KIND, descendsFrom, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.js';

const postgres = availableBackends().includes('postgres');
const buses = postgres ? await availableBuses() : [];

describe.runIf(postgres)('one trace from the editor\'s publish to the read-model write', () => {
  let receiver: OtlpReceiver;
  let database: TestPostgres;
  let dataDir: string;
  let token: string;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    database = await openTestPostgres();
    dataDir = await mkdtemp(join(tmpdir(), 'thmnayah-tracing-'));
    const issuer = await openDevIssuer(dataDir);
    token = await issuer.sign({ sub: 'dev-editor', name: 'Editor', roles: ['editor'], ttlSeconds: 3600 });
  });
  afterAll(async () => {
    await receiver?.close();
    await database?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it.each(buses)('on the %s bus', async (bus) => {
    const stream = `T_${process.pid}_TRACE_${randomBytes(4).toString('hex')}`;
    const env = {
      DATABASE_URL: database.url, DATA_DIR: dataDir, DEV_ISSUER: 'true', EVENT_POLL_MS: '50',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '100',
      ...(bus === 'jetstream' ? { NATS_URL: TEST_NATS_URL, NATS_STREAM: stream } : {}),
    };
    const cms = await startServerProcess(['--roles', 'cms', '--no-seed'], { ...env, OTEL_SERVICE_NAME: 'thmnayah-cms' });
    let worker: ServerProcess | undefined;
    try {
      worker = await startServerProcess(['--roles', 'relay,worker', '--no-seed'], { ...env, OTEL_SERVICE_NAME: 'thmnayah-worker' });
      const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
        const response = await fetch(`${cms.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
        return { body: (await response.json()) as { id: string }, requestId: response.headers.get('x-request-id')! };
      };
      const program = await call('POST', '/api/cms/programs', { kind: 'podcast', title: `Traced ${bus}`, language: 'en' });
      await call('POST', `/api/cms/programs/${program.body.id}/publish`);
      const episode = await call('POST', '/api/cms/episodes', { programId: program.body.id, title: 'A traced episode' });
      // The publish comes from a traced client: its trace id is ours to look for.
      const traceId = randomBytes(16).toString('hex');
      const clientSpanId = randomBytes(8).toString('hex');
      const publish = await call('POST', `/api/cms/episodes/${episode.body.id}/publish`, undefined, { traceparent: `00-${traceId}-${clientSpanId}-01` });

      const find = (spans: ReceivedSpan[], predicate: (s: ReceivedSpan) => boolean) => spans.find(predicate);
      const statement = (s: ReceivedSpan) => String(s.attributes['db.statement'] ?? s.attributes['db.query.text'] ?? '');
      const isReadModelWrite = (s: ReceivedSpan) => s.kind === SPAN_KIND.client && /^\s*(insert|update|delete)[\s\S]*discovery_/i.test(statement(s));
      let spans: ReceivedSpan[] = [];
      await waitFor('the indexer\'s read-model write in the trace', () => {
        spans = receiver.trace(traceId);
        const consumer = find(spans, (s) => s.name === 'process episode.published' && s.attributes['messaging.consumer.group.name'] === 'discovery-indexer');
        // Each process exports on its own schedule, and the CMS's request span ends when its response
        // closes: the worker's spans can arrive first. Wait for both processes' parts.
        const request = find(spans, (s) => s.kind === SPAN_KIND.server && s.service === 'thmnayah-cms');
        return request !== undefined && consumer !== undefined && spans.some((s) => isReadModelWrite(s) && descendsFrom(s, consumer, spans));
      }, 30_000);

      // CMS request (continuing the client's span) → outbox insert.
      const request = find(spans, (s) => s.kind === SPAN_KIND.server && s.service === 'thmnayah-cms')!;
      expect(request, JSON.stringify(spans.map((s) => s.name))).toBeDefined();
      // Named after its route (http/server.ts: one onRequest hook), not its URL.
      expect(request.attributes['http.route']).toBe('/api/cms/episodes/:id/publish');
      expect(request.name).toBe('POST /api/cms/episodes/:id/publish');
      expect(request.parentSpanId).toBe(clientSpanId);
      const append = find(spans, (s) => s.name === 'outbox append episode.published')!;
      expect(append.service).toBe('thmnayah-cms');
      expect(descendsFrom(append, request, spans)).toBe(true);
      const insert = find(spans, (s) => s.kind === SPAN_KIND.client && /insert into outbox/i.test(statement(s)));
      expect(insert?.parentSpanId, JSON.stringify(spans.filter((s) => s.service === 'thmnayah-cms').map((s) => [s.name, s.spanId, s.parentSpanId, statement(s).slice(0, 40)]))).toBe(append.spanId);
      // → relay (another process): a producer span under the insert, linked to its batch span.
      const produce = find(spans, (s) => s.name === 'publish episode.published')!;
      expect(produce.kind).toBe(SPAN_KIND.producer);
      expect(produce.service).toBe('thmnayah-worker');
      expect(produce.parentSpanId).toBe(append.spanId);
      const batch = receiver.spans.find((s) => s.name === 'relay publish' && s.spanId === produce.links[0]?.spanId);
      expect(batch, 'the relay batch span the producer span links to').toBeDefined();
      expect(batch!.links.some((l) => l.traceId === traceId && l.spanId === append.spanId)).toBe(true);
      // → bus → indexer consumer, continuing the producer span → read-model write.
      const consumer = find(spans, (s) => s.name === 'process episode.published' && s.attributes['messaging.consumer.group.name'] === 'discovery-indexer')!;
      expect(consumer.kind).toBe(SPAN_KIND.consumer);
      expect(consumer.parentSpanId).toBe(produce.spanId);
      expect(consumer.attributes['messaging.system']).toBe(bus === 'jetstream' ? 'nats' : 'thmnayah-outbox');
      expect(spans.filter((s) => isReadModelWrite(s) && descendsFrom(s, consumer, spans)).length).toBeGreaterThan(0);
      expect(receiver.rejected).toBe(0);

      // Logs: every line of the publish request carries the trace and a span of it.
      const lines = cms.logs.filter((l) => l.reqId === publish.requestId);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        expect(line.trace_id).toBe(traceId);
        expect(line.span_id).toMatch(/^[0-9a-f]{16}$/);
      }
    } finally {
      await worker?.stop();
      await cms.stop();
      if (bus === 'jetstream') await deleteTestStream(stream);
    }
  }, 240_000);
});
