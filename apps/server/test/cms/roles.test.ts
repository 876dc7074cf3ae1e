// The role matrix, for every CMS route the server registers (so a new route is covered by itself):
// no token → 401, a bad token → 401, a token without the route's role → 403, the right role → neither.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import { createTestApp, type TestApp } from '../support/app.js';
import { CMS_ROLES, type CmsRole } from '../../src/platform/auth/roles.js';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../src/platform/auth/dev-issuer.js';

const SAMPLE_ID = '00000000-0000-4000-8000-00000000abcd';

function concreteUrl(url: string) {
  return url.replace(':id', SAMPLE_ID).replace(':version', '1').replace(':name', 'users.list');
}

describe('role matrix (every /api/cms route)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t?.close());

  const cmsRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/cms'));

  it('protects every CMS route with a role', () => {
    expect(cmsRoutes().length).toBeGreaterThan(40);
    expect(cmsRoutes().filter((r) => r.role === null)).toEqual([]);
  });

  it('answers 401 without a token and with bad tokens', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const foreign = await new SignJWT({ realm_access: { roles: ['admin'] } }).setProtectedHeader({ alg: 'ES256' })
      .setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setSubject('mallory').setExpirationTime('1h').sign(privateKey);
    const expired = await t.platform.devIssuer!.sign({ sub: 'late', roles: ['admin'], ttlSeconds: -120 });
    for (const route of cmsRoutes()) {
      for (const authorization of [undefined, 'Bearer not-a-jwt', `Bearer ${foreign}`, `Bearer ${expired}`, 'Basic YWRtaW46YWRtaW4=']) {
        const response = await t.app.inject({ method: route.method as 'GET', url: concreteUrl(route.url), headers: authorization ? { authorization } : {} });
        expect(response.statusCode, `${route.method} ${route.url} with ${authorization?.slice(0, 12)}`).toBe(401);
        expect(response.headers['content-type']).toMatch(/problem\+json/);
        expect(response.headers['www-authenticate']).toBe('Bearer');
      }
    }
  });

  it('answers 403 to every role below the route’s, and lets the route’s role through', async () => {
    const tokens = {
      none: await t.auth([], 'nobody'),
      viewer: await t.auth('viewer'),
      editor: await t.auth('editor'),
      admin: await t.auth('admin'),
    };
    for (const route of cmsRoutes()) {
      const needed = CMS_ROLES.indexOf(route.role as CmsRole);
      for (const [name, headers] of Object.entries(tokens)) {
        const rank = name === 'none' ? -1 : CMS_ROLES.indexOf(name as CmsRole);
        const response = await t.app.inject({ method: route.method as 'GET', url: concreteUrl(route.url), headers: { ...headers, 'content-type': 'application/json' }, payload: '{}' });
        const label = `${route.method} ${route.url} as ${name}: ${response.body.slice(0, 200)}`;
        if (rank < needed) expect(response.statusCode, label).toBe(403);
        else expect([401, 403], label).not.toContain(response.statusCode);
        expect(response.statusCode, label).toBeLessThan(500);
      }
    }
  });

  it('blocks a disabled user even with a valid token', async () => {
    const headers = await t.auth('admin', 'soon-disabled');
    expect((await t.app.inject({ method: 'GET', url: '/api/cms/me', headers })).statusCode).toBe(200);
    await t.platform.users.setDisabled('soon-disabled', true);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/cms/me', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().detail).toMatch(/disabled/);
  });
});
