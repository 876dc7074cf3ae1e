// Which incoming requests get a server span (issue 13: tracing must cost next to nothing on the hot path).
// The request hook (platform/http/request-tracing.ts) decides before any span exists: a request carrying
// a `traceparent` continues its caller's trace as the caller sampled it, and the others are traced at the
// sampler's root ratio. A Discovery process on PGlite exports OTLP/JSON to a receiver on loopback.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../events/support.js';
import { startServerProcess } from '../support/server-process.js';
import { unpackPgliteTemplate } from '../support/databases.js';
import { SPAN_KIND, startOtlpReceiver, type OtlpReceiver } from '../support/otlp-receiver.js';

describe('server spans of incoming requests', () => {
  let receiver: OtlpReceiver;
  let dataDir: string;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    dataDir = await mkdtemp(join(tmpdir(), 'thmnayah-sampling-'));
    unpackPgliteTemplate(dataDir); // migrated already: the servers start without initdb
  });
  afterAll(async () => {
    await receiver?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const start = (service: string, ratio: string) => startServerProcess(['--roles', 'discovery', '--no-seed'], {
    DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '100000',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '100',
    OTEL_SERVICE_NAME: service, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: ratio,
  });
  const serverSpans = (service: string) => receiver.spans.filter((s) => s.service === service && s.kind === SPAN_KIND.server);

  it('makes none for unsampled requests, and continues a caller\'s sampled trace', async () => {
    const server = await start('sampling-none', '0');
    try {
      for (let i = 0; i < 40; i++) expect((await fetch(`${server.url}/api/discovery/categories`)).status).toBe(200);
      // A caller that did not sample its trace: no span here either.
      const unsampled = randomBytes(16).toString('hex');
      await fetch(`${server.url}/api/discovery/categories`, { headers: { traceparent: `00-${unsampled}-${randomBytes(8).toString('hex')}-00` } });
      // A caller that did: its trace continues, whatever this process's own ratio.
      const traceId = randomBytes(16).toString('hex');
      const parent = randomBytes(8).toString('hex');
      const response = await fetch(`${server.url}/api/discovery/programs/no-such-program`, { headers: { traceparent: `00-${traceId}-${parent}-01` } });
      expect(response.status).toBe(404);
      await waitFor('the traced request\'s span', () => receiver.trace(traceId).some((s) => s.kind === SPAN_KIND.server), 15_000);
      const [span] = receiver.trace(traceId).filter((s) => s.kind === SPAN_KIND.server);
      expect(span).toMatchObject({ name: 'GET /api/discovery/programs/:slug', parentSpanId: parent, service: 'sampling-none' });
      expect(span!.attributes).toMatchObject({ 'http.route': '/api/discovery/programs/:slug', 'http.request.method': 'GET', 'url.path': '/api/discovery/programs/no-such-program', 'http.response.status_code': 404 });
      // The batch that carried it would have carried any other span of this process.
      expect(serverSpans('sampling-none')).toHaveLength(1);
      expect(receiver.trace(unsampled)).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('traces every request at ratio 1, one root span each, named after its route', async () => {
    const server = await start('sampling-all', '1');
    try {
      for (let i = 0; i < 10; i++) expect((await fetch(`${server.url}/api/discovery/categories?i=${i}`)).status).toBe(200);
      // Probes are not traced.
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      await waitFor('ten server spans', () => serverSpans('sampling-all').length >= 10, 15_000);
      const spans = serverSpans('sampling-all');
      expect(spans).toHaveLength(10);
      expect(new Set(spans.map((s) => s.traceId)).size).toBe(10);
      for (const span of spans) {
        expect(span.name).toBe('GET /api/discovery/categories');
        expect(span.parentSpanId).toBe('');
        expect(span.attributes['http.response.status_code']).toBe(200);
      }
    } finally {
      await server.stop();
    }
  }, 120_000);
});
