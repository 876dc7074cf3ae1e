// The studio's sign-in, server side (issue 10 item 1): the development issuer as an OpenID Connect
// provider for authorization code + PKCE, driven with fetch over real HTTP on 127.0.0.1 as
// oidc-client-ts drives it; and with an external (realm-shaped) issuer, no such endpoints at all.
import { createHash, randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, createRemoteJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, decodeJwt, type CryptoKey } from 'jose';
import { readFileSync } from 'node:fs';
import { createTestApp, type TestApp } from '../support/app.js';
import { devIssuerKeyPath } from '../../src/platform/auth/dev-issuer.js';
import { isStudioUri } from '../../src/platform/auth/dev-oidc.js';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

describe('the development issuer as an OIDC provider for the studio', () => {
  let t: TestApp;
  let origin: string;
  let issuer: string;
  let discovery: { authorization_endpoint: string; token_endpoint: string; userinfo_endpoint: string; jwks_uri: string; end_session_endpoint: string };
  const redirectUri = () => `${origin}/studio/auth/callback`;

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    t = await createTestApp('pglite', { roles: ['cms'], env: { PORT: String(port), PUBLIC_URL: origin } });
    await t.app.listen({ port, host: '127.0.0.1' });
    await t.platform.users.upsert({ sub: 'huda', name: 'هدى', roles: ['editor'] });
    await t.platform.users.upsert({ sub: 'omar', name: 'Omar', roles: ['viewer'] });
    await t.platform.users.upsert({ sub: 'gone', name: 'Gone', roles: ['admin'] });
    await t.platform.users.setDisabled('gone', true);
    await t.platform.users.upsert({ sub: 'norole', name: 'No Role', roles: [] });
  });
  afterAll(() => t?.close());

  /** discovery → authorize page → choose a user → the redirect with a code. */
  const signIn = async (sub: string, options: { verifier?: string; challenge?: string; nonce?: string } = {}) => {
    const { verifier, challenge } = options.verifier ? { verifier: options.verifier, challenge: options.challenge! } : pkce();
    const state = randomBytes(8).toString('hex');
    const params = {
      client_id: 'thmnayah-studio', redirect_uri: redirectUri(), response_type: 'code', scope: 'openid profile',
      state, code_challenge: challenge, code_challenge_method: 'S256', ...(options.nonce ? { nonce: options.nonce } : {}),
    };
    const page = await fetch(`${discovery.authorization_endpoint}?${new URLSearchParams(params)}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`value="${sub}"`);
    const chosen = await fetch(discovery.authorization_endpoint, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...params, sub }),
    });
    expect(chosen.status).toBe(303);
    const location = new URL(chosen.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri());
    expect(location.searchParams.get('state')).toBe(state);
    expect(location.searchParams.get('iss')).toBe(issuer);
    return { code: location.searchParams.get('code')!, verifier };
  };

  const token = (body: Record<string, string>) =>
    fetch(discovery.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: 'thmnayah-studio', ...body }) });
  const redeem = (code: string, verifier: string) => token({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUri() });
  const cms = (accessToken: string, path = '/api/cms/me') => fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });

  it('publishes its discovery document under a real http issuer URL of this server', async () => {
    issuer = `${origin}/auth/dev`;
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    discovery = (await response.json()) as typeof discovery;
    expect(discovery).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      userinfo_endpoint: `${issuer}/userinfo`,
      jwks_uri: `${issuer}/jwks.json`,
      end_session_endpoint: `${issuer}/end_session`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
    });
    const config = await (await fetch(`${origin}/api/studio/config`)).json();
    expect(config).toEqual({
      authority: issuer, clientId: 'thmnayah-studio', scopes: 'openid profile',
      redirectUri: `${origin}/studio/auth/callback`, postLogoutRedirectUri: `${origin}/studio/`, provider: 'development',
    });
  });

  it('signs in with code + PKCE: the access token is accepted by the CMS with the roles of the chosen user', async () => {
    const { code, verifier } = await signIn('huda', { nonce: 'n-0S6_WzA2Mj' });
    const response = await redeem(code, verifier);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const tokens = (await response.json()) as Record<string, string | number>;
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'openid profile' });
    const me = await cms(tokens.access_token as string);
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ sub: 'huda', name: 'هدى', roles: ['editor'] });
    expect((await cms(tokens.access_token as string, '/api/cms/programs')).status).toBe(200);
    // The ID token: signed with the published keys, for the studio, with the nonce.
    const { payload } = await jwtVerify(tokens.id_token as string, createRemoteJWKSet(new URL(discovery.jwks_uri)), { issuer, audience: 'thmnayah-studio' });
    expect(payload).toMatchObject({ sub: 'huda', nonce: 'n-0S6_WzA2Mj', name: 'هدى' });
    const access = decodeJwt(tokens.access_token as string);
    expect(access).toMatchObject({ iss: issuer, aud: 'thmnayah', azp: 'thmnayah-studio', realm_access: { roles: ['editor'] } });
    const userinfo = await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(await userinfo.json()).toMatchObject({ sub: 'huda', name: 'هدى' });
    const noToken = await fetch(discovery.userinfo_endpoint);
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('a viewer gets a viewer token: reading works, writing is forbidden', async () => {
    const { code, verifier } = await signIn('omar');
    const tokens = (await (await redeem(code, verifier)).json()) as Record<string, string>;
    expect((await cms(tokens.access_token!, '/api/cms/programs')).status).toBe(200);
    const write = await fetch(`${origin}/api/cms/programs`, { method: 'POST', headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(write.status).toBe(403);
  });

  it('refuses a wrong verifier, a reused code (revoking what it gave), and a code for another redirect_uri', async () => {
    const wrong = await signIn('huda');
    const refused = await redeem(wrong.code, pkce().verifier);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant', type: '/api/problems#oauth-error', status: 400 });
    // A failed attempt burns the code: no guessing the verifier.
    expect((await redeem(wrong.code, wrong.verifier)).status).toBe(400);

    const once = await signIn('huda');
    const first = (await (await redeem(once.code, once.verifier)).json()) as Record<string, string>;
    const again = await redeem(once.code, once.verifier);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error_description: string }).error_description).toMatch(/already used/);
    // The refresh token of the first use is revoked with it.
    expect((await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token! })).status).toBe(400);

    const other = await signIn('huda');
    const elsewhere = await token({ grant_type: 'authorization_code', code: other.code, code_verifier: other.verifier, redirect_uri: `${origin}/studio/other` });
    expect(elsewhere.status).toBe(400);
    expect((await token({ grant_type: 'password', username: 'huda' })).status).toBe(400);
    const wrongClient = await fetch(discovery.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: 'evil', grant_type: 'authorization_code', code: other.code }) });
    expect(wrongClient.status).toBe(401);
    expect(await wrongClient.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses a bad redirect_uri, client_id or PKCE method on the page itself, never redirecting there', async () => {
    const { challenge } = pkce();
    const base = { client_id: 'thmnayah-studio', redirect_uri: redirectUri(), response_type: 'code', scope: 'openid', state: 's1', code_challenge: challenge, code_challenge_method: 'S256' };
    for (const redirect of ['https://evil.example/studio/cb', `${origin}/api/cms/programs`, `${origin}/studio/../api/cms`, `${origin}/studioX`, `http://localhost:1/studio/`, `${origin}/studio/#x`]) {
      const response = await fetch(`${discovery.authorization_endpoint}?${new URLSearchParams({ ...base, redirect_uri: redirect })}`, { redirect: 'manual' });
      expect(response.status, redirect).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('location')).toBeNull();
    }
    const badClient = await fetch(`${discovery.authorization_endpoint}?${new URLSearchParams({ ...base, client_id: 'other' })}`, { redirect: 'manual' });
    expect(badClient.status).toBe(400);
    // The client and redirect URI are good: the other errors go back to the studio, with the state.
    for (const [change, error] of [
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ state: '' }, 'invalid_request'],
      [{ code_challenge: 'short' }, 'invalid_request'],
      [{ scope: 'profile' }, 'invalid_scope'],
      [{ prompt: 'none' }, 'login_required'],
    ] as const) {
      const response = await fetch(`${discovery.authorization_endpoint}?${new URLSearchParams({ ...base, ...change })}`, { redirect: 'manual' });
      expect(response.status, JSON.stringify(change)).toBe(303);
      const location = new URL(response.headers.get('location')!);
      expect(location.pathname).toBe('/studio/auth/callback');
      expect(location.searchParams.get('error'), JSON.stringify(change)).toBe(error);
    }
    // Signing in as a disabled user, or one with no role, is refused even by a hand-made POST.
    for (const sub of ['gone', 'norole', 'nobody']) {
      const response = await fetch(discovery.authorization_endpoint, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...base, sub }) });
      expect(response.status, sub).toBe(400);
    }
    const cancel = await fetch(discovery.authorization_endpoint, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...base, cancel: '1' }) });
    expect(new URL(cancel.headers.get('location')!).searchParams.get('error')).toBe('access_denied');
  });

  it('renders an accessible sign-in page in Arabic (default) and English, listing enabled users with a role', async () => {
    const { challenge } = pkce();
    const query = { client_id: 'thmnayah-studio', redirect_uri: redirectUri(), response_type: 'code', scope: 'openid', state: 's2', code_challenge: challenge, code_challenge_method: 'S256' };
    const arabic = await fetch(`${discovery.authorization_endpoint}?${new URLSearchParams(query)}`);
    expect(arabic.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(arabic.headers.get('cache-control')).toBe('no-store');
    const ar = await arabic.text();
    expect(ar).toMatch(/<html lang="ar" dir="rtl">/);
    expect(ar).toContain('الدخول باسم هدى');
    expect(ar).toContain('(محرر)');
    expect(ar).toMatch(/<h1 id="title">/);
    expect(ar).toMatch(/<form method="post" action="[^"]+\/auth\/dev\/authorize" aria-labelledby="title">/);
    const subs = [...ar.matchAll(/name="sub" value="([^"]+)"/g)].map((m) => m[1]);
    expect(subs.sort()).toEqual(expect.arrayContaining(['huda', 'omar']));
    expect(subs).not.toContain('gone');
    expect(subs).not.toContain('norole');
    const en = await (await fetch(`${discovery.authorization_endpoint}?${new URLSearchParams({ ...query, ui_locales: 'en-GB ar' })}`)).text();
    expect(en).toMatch(/<html lang="en" dir="ltr">/);
    expect(en).toContain('Sign in as Omar');
    expect(en).toContain('<input type="hidden" name="ui_locales" value="en">');
  });

  it('refreshes with rotation: the new refresh token works, the old one revokes the session', async () => {
    const { code, verifier } = await signIn('huda', { nonce: 'abc' });
    const first = (await (await redeem(code, verifier)).json()) as Record<string, string>;
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token! });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as Record<string, string>;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(decodeJwt(second.id_token!)).toMatchObject({ sub: 'huda', nonce: 'abc', sid: decodeJwt(first.id_token!).sid });
    expect((await cms(second.access_token!)).status).toBe(200);
    const third = (await (await token({ grant_type: 'refresh_token', refresh_token: second.refresh_token! })).json()) as Record<string, string>;
    // The first refresh token again: replay, so the whole session ends.
    const replay = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token! });
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: string }).error).toBe('invalid_grant');
    expect((await token({ grant_type: 'refresh_token', refresh_token: third.refresh_token! })).status).toBe(400);
    // Roles come from the user directory at each refresh, and a disabled user cannot refresh.
    const again = await signIn('omar');
    const omar = (await (await redeem(again.code, again.verifier)).json()) as Record<string, string>;
    await t.platform.users.upsert({ sub: 'omar', roles: ['editor'] });
    const promoted = (await (await token({ grant_type: 'refresh_token', refresh_token: omar.refresh_token! })).json()) as Record<string, string>;
    expect(decodeJwt(promoted.access_token!)).toMatchObject({ realm_access: { roles: ['editor'] } });
    await t.platform.users.setDisabled('omar', true);
    expect((await token({ grant_type: 'refresh_token', refresh_token: promoted.refresh_token! })).status).toBe(400);
    await t.platform.users.setDisabled('omar', false);
    await t.platform.users.upsert({ sub: 'omar', roles: ['viewer'] });
  });

  it('signs out: end_session ends the session and redirects only to an allowed studio URL', async () => {
    const { code, verifier } = await signIn('huda');
    const tokens = (await (await redeem(code, verifier)).json()) as Record<string, string>;
    const out = await fetch(`${discovery.end_session_endpoint}?${new URLSearchParams({ id_token_hint: tokens.id_token!, post_logout_redirect_uri: `${origin}/studio/`, state: 'bye' })}`, { redirect: 'manual' });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe(`${origin}/studio/?state=bye`);
    expect((await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token! })).status).toBe(400);
    const evil = await fetch(`${discovery.end_session_endpoint}?${new URLSearchParams({ post_logout_redirect_uri: 'https://evil.example/studio/' })}`, { redirect: 'manual' });
    expect(evil.status).toBe(400);
    expect(evil.headers.get('location')).toBeNull();
    const plain = await fetch(`${discovery.end_session_endpoint}?ui_locales=en`);
    expect(plain.status).toBe(200);
    expect(await plain.text()).toContain('You are signed out.');
    const forged = await fetch(`${discovery.end_session_endpoint}?${new URLSearchParams({ id_token_hint: 'a.b.c' })}`);
    expect(forged.status).toBe(400);
  });

  it('keeps accepting `thmnayah token` tokens, and refuses its own key for another audience or without exp', async () => {
    expect((await cms((await t.auth('viewer')).authorization!.slice(7))).status).toBe(200);
    const stored = JSON.parse(readFileSync(devIssuerKeyPath(t.config.dataDir), 'utf8')) as { kid: string; privateJwk: Parameters<typeof importJWK>[0] };
    const key = await importJWK(stored.privateJwk, 'ES256');
    const forge = (audience: string, exp: boolean) => {
      const jwt = new SignJWT({ realm_access: { roles: ['admin'] } }).setProtectedHeader({ alg: 'ES256', kid: stored.kid }).setIssuer(issuer).setAudience(audience).setSubject('mallory').setIssuedAt();
      return (exp ? jwt.setExpirationTime('5m') : jwt).sign(key);
    };
    expect((await cms(await forge('thmnayah', true))).status).toBe(200);
    const otherAudience = await cms(await forge('thmnayah-studio', true));
    expect(otherAudience.status).toBe(401);
    expect(await otherAudience.json()).toMatchObject({ detail: expect.stringContaining('ERR_JWT_CLAIM_VALIDATION_FAILED') });
    const noExp = await cms(await forge('thmnayah', false));
    expect(noExp.status).toBe(401);
    expect(await noExp.json()).toMatchObject({ detail: 'Rejected token: the access token has no expiry (exp).' });
  });

  it('allows redirect URIs on the origin of PUBLIC_URL under /studio only', () => {
    expect(isStudioUri('http://localhost:8080/studio', 'http://localhost:8080')).toBe(true);
    expect(isStudioUri('http://localhost:8080/studio/auth/callback?x=1', 'http://localhost:8080')).toBe(true);
    expect(isStudioUri('https://cms.example.org/base/studio/', 'https://cms.example.org/base')).toBe(true);
    expect(isStudioUri('http://localhost:8080/studio/%2e%2e/api', 'http://localhost:8080')).toBe(false);
    expect(isStudioUri('http://user@localhost:8080/studio/', 'http://localhost:8080')).toBe(false);
    expect(isStudioUri('http://localhost:8081/studio/', 'http://localhost:8080')).toBe(false);
    expect(isStudioUri('not a url', 'http://localhost:8080')).toBe(false);
  });
});

describe('with an external OIDC issuer', () => {
  let realm: Server;
  let issuer: string;
  let key: CryptoKey;
  let t: TestApp;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    realm = createHttpServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/realms/thmnayah/.well-known/openid-configuration') res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` }));
      else if (req.url === '/realms/thmnayah/protocol/openid-connect/certs') res.end(JSON.stringify({ keys: [jwk] }));
      else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => realm.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(realm.address() as AddressInfo).port}/realms/thmnayah`;
    t = await createTestApp('pglite', { roles: ['cms'], env: { OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'thmnayah-cms', OIDC_STUDIO_CLIENT_ID: 'studio-at-keycloak', PUBLIC_URL: 'https://cms.example.org' } });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => realm.close(() => resolve()));
  });

  it('has no development issuer endpoints, and tells the studio to use the external issuer', async () => {
    expect(t.platform.devIssuer).toBeUndefined();
    for (const path of ['/auth/dev/.well-known/openid-configuration', '/auth/dev/authorize', '/auth/dev/jwks.json', '/auth/dev/end_session']) {
      expect((await t.app.inject(path)).statusCode, path).toBe(404);
    }
    expect((await t.app.inject({ method: 'POST', url: '/auth/dev/token', payload: 'grant_type=refresh_token', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode).toBe(404);
    expect((await t.app.inject('/api/studio/config')).json()).toEqual({
      authority: issuer, clientId: 'studio-at-keycloak', scopes: 'openid profile',
      redirectUri: 'https://cms.example.org/studio/auth/callback', postLogoutRedirectUri: 'https://cms.example.org/studio/', provider: 'oidc',
    });
  });

  it('refuses a token of that issuer for another audience', async () => {
    const sign = (audience: string) => new SignJWT({ realm_access: { roles: ['editor'] } }).setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer).setAudience(audience).setSubject('s1').setIssuedAt().setExpirationTime('5m').sign(key);
    const good = await t.app.inject({ url: '/api/cms/programs', headers: { authorization: `Bearer ${await sign('thmnayah-cms')}` } });
    expect(good.statusCode).toBe(200);
    const other = await t.app.inject({ url: '/api/cms/programs', headers: { authorization: `Bearer ${await sign('account')}` } });
    expect(other.statusCode).toBe(401);
    expect(other.headers['content-type']).toMatch(/problem\+json/);
  });
});
