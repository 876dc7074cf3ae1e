import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

describe.each(availableBackends())('smoke on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t?.close());

  it('creates and reads a program', async () => {
    const headers = await t.auth('editor');
    const created = await t.app.inject({ method: 'POST', url: '/api/cms/programs', headers, payload: { kind: 'podcast', title: 'فنجان', language: 'ar' } });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body.slug).toBe('فنجان');
    const read = await t.app.inject({ method: 'GET', url: `/api/cms/programs/${body.id}`, headers });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
  });
});
