// Operations endpoints: health, readiness, metrics by route, request ids, OpenAPI and its docs page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

describe('operations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t?.close());

  it('answers /healthz and /readyz with the database check', async () => {
    expect((await t.app.inject('/healthz')).json()).toMatchObject({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok' } });
  });

  it('echoes a sane x-request-id and makes one otherwise', async () => {
    const given = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('counts requests and latency by route template and status', async () => {
    const headers = await t.auth('viewer');
    await t.app.inject({ url: '/api/cms/programs', headers });
    await t.app.inject({ url: '/api/cms/programs/00000000-0000-4000-8000-000000000000', headers });
    const metrics = (await t.app.inject('/metrics')).body;
    expect(metrics).toMatch(/http_requests_total\{method="GET",route="\/api\/cms\/programs",status="200"\} 1/);
    expect(metrics).toMatch(/http_requests_total\{method="GET",route="\/api\/cms\/programs\/:id",status="404"\} 1/);
    expect(metrics).toMatch(/http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/api\/cms\/programs",status="200"\}/);
  });

  it('publishes OpenAPI 3.1 for every API route, with security and examples', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(spec.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(operations)) documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const apiRoutes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.url !== '/api/openapi.json' && r.url !== '/api/problems' && !r.url.startsWith('/api/docs'));
    for (const route of apiRoutes) expect(documented, `${route.method} ${route.url}`).toContain(`${route.method} ${route.url}`);
    const create = spec.paths['/api/cms/programs'].post;
    expect(create.security).toEqual([{ bearer: [] }]);
    expect(JSON.stringify(create.requestBody)).toContain('حكايات من التاريخ');
    expect(create.responses['201']).toBeDefined();
    expect(create.responses['400']).toBeDefined();
  });

  it('serves the interactive reference at /api/docs', async () => {
    const page = await t.app.inject('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/swagger/i);
  });

  it('documents the problem types it answers with', async () => {
    const problems = (await t.app.inject('/api/problems')).json();
    expect(problems.map((p: { type: string }) => p.type)).toContain('/api/problems#precondition-failed');
  });
});
