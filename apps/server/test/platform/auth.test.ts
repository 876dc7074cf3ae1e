// Token verification against a real OIDC issuer served on loopback (discovery + JWKS), as Keycloak
// would serve them, and against the built-in development issuer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { InvalidToken, oidcVerifier } from '../../src/platform/auth/verifier.js';
import { hasRole } from '../../src/platform/auth/roles.js';

describe('OIDC verification (Keycloak-shaped issuer on loopback)', () => {
  let server: Server;
  let issuer: string;
  let key: CryptoKey;
  let jwksRequests = 0;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/realms/thmnayah/.well-known/openid-configuration') {
        res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` }));
      } else if (req.url === '/realms/thmnayah/protocol/openid-connect/certs') {
        jwksRequests++;
        res.end(JSON.stringify({ keys: [jwk] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/thmnayah`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (claims: Record<string, unknown>, options: { iss?: string; aud?: string; exp?: string; sub?: string } = {}) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(options.iss ?? issuer).setAudience(options.aud ?? 'thmnayah-cms')
      .setSubject(options.sub ?? 'f1e2d3').setIssuedAt().setExpirationTime(options.exp ?? '5m').sign(key);

  it('reads Keycloak realm roles, ignoring roles Thmnayah does not know', async () => {
    const verify = await oidcVerifier(issuer, 'thmnayah-cms');
    const principal = await verify(await sign({ preferred_username: 'huda', realm_access: { roles: ['editor', 'offline_access', 'uma_authorization'] } }));
    expect(principal).toEqual({ sub: 'f1e2d3', name: 'huda', roles: ['editor'] });
    expect(hasRole(principal, 'viewer')).toBe(true);
    expect(hasRole(principal, 'admin')).toBe(false);
    expect(jwksRequests).toBe(1);
  });

  it('rejects wrong audience, wrong issuer, expired and unsigned tokens', async () => {
    const verify = await oidcVerifier(issuer, 'thmnayah-cms');
    await expect(verify(await sign({}, { aud: 'other-client' }))).rejects.toBeInstanceOf(InvalidToken);
    await expect(verify(await sign({}, { iss: 'http://127.0.0.1:1/realms/evil' }))).rejects.toBeInstanceOf(InvalidToken);
    await expect(verify(await sign({}, { exp: '-10m' }))).rejects.toThrow(/expired/);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', iss: issuer, realm_access: { roles: ['admin'] } })).toString('base64url')}.`;
    await expect(verify(unsigned)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('refuses tokens without exp, and tokens issued in the future beyond the clock skew (issue 15 #6)', async () => {
    const verify = await oidcVerifier(issuer, 'thmnayah-cms');
    const forge = (claims: Record<string, unknown>) =>
      new SignJWT({ realm_access: { roles: ['admin'] }, ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(issuer).setAudience('thmnayah-cms').setSubject('mallory').sign(key);
    const now = Math.floor(Date.now() / 1000);
    await expect(verify(await forge({}))).rejects.toThrow('the access token has no expiry (exp)');
    await expect(verify(await forge({ iat: now }))).rejects.toThrow(/no expiry/);
    await expect(verify(await forge({ exp: '9999999999' }))).rejects.toBeInstanceOf(InvalidToken);
    await expect(verify(await forge({ exp: now + 3600, iat: now + 3600 }))).rejects.toThrow('the access token is issued in the future (iat)');
    await expect(verify(await forge({ exp: now + 3600, iat: now + 31 }))).rejects.toThrow(/in the future/);
    await expect(verify(await forge({ exp: now + 3600, iat: 'yesterday' }))).rejects.toBeInstanceOf(InvalidToken);
    // Within the skew: a clock a few seconds ahead is fine; so is a token without iat.
    await expect(verify(await forge({ exp: now + 3600, iat: now + 20 }))).resolves.toMatchObject({ sub: 'mallory', roles: ['admin'] });
    await expect(verify(await forge({ exp: now + 3600 }))).resolves.toMatchObject({ sub: 'mallory' });
  });

  it('fails clearly when the issuer has no discovery document', async () => {
    await expect(oidcVerifier(`${issuer}/missing`, undefined)).rejects.toThrow(/OIDC discovery .* answered 404/);
  });
});
