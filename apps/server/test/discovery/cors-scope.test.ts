// CORS belongs to the public API only (issue 15, defect 9a). @fastify/cors answers preflights from an
// `OPTIONS *` route, which matched /api/cms/* too: a preflight there said `Access-Control-Allow-Origin: *`
// while real CMS answers carry none. CORS is only read by browsers, and the CMS is not for other sites' pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

describe('CORS is scoped to the public API', () => {
  let t: TestApp;
  const preflight = (url: string, method = 'GET') =>
    t.app.inject({ method: 'OPTIONS', url, headers: { origin: 'https://elsewhere.example', 'access-control-request-method': method, 'access-control-request-headers': 'authorization' } });
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t?.close());

  it('answers preflights on /api/discovery and /feeds', async () => {
    for (const url of ['/api/discovery/home', '/api/discovery/search?q=x', '/feeds/00000000-0000-4000-8000-000000000000.xml']) {
      const response = await preflight(url);
      expect(response.statusCode, url).toBe(204);
      expect(response.headers['access-control-allow-origin'], url).toBe('*');
    }
  });

  it('gives no CORS grant to preflights anywhere else', async () => {
    for (const url of ['/api/cms/programs', '/api/cms/programs/00000000-0000-4000-8000-000000000000', '/api/cms/admin/tasks', '/api/cms/uploads', '/api/openapi.json', '/metrics', '/nowhere']) {
      for (const method of ['GET', 'POST', 'DELETE']) {
        const response = await preflight(url, method);
        expect(response.headers['access-control-allow-origin'], `${method} ${url}`).toBeUndefined();
        expect(response.headers['access-control-allow-methods'], `${method} ${url}`).toBeUndefined();
        expect(response.statusCode, `${method} ${url}`).not.toBe(204);
      }
    }
  });
});
