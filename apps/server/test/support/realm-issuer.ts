// A Keycloak-shaped OpenID Connect issuer on loopback for tests of the production sign-in path: realm
// URLs (/realms/thmnayah/protocol/openid-connect/...), discovery, JWKS, a login page with username and
// password, authorization code + PKCE (S256 only) for one public client, refresh tokens with rotation,
// end-session, userinfo, and CORS for the studio's origin as Keycloak's "web origins" give it. Access
// tokens carry realm roles in realm_access.roles and the audience the CMS is configured with.
// Tests can revoke every session (refresh tokens stop working) and mint access tokens directly.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';

export interface RealmUser {
  username: string;
  password: string;
  name: string;
  roles: string[];
}

export interface RealmIssuer {
  /** The issuer URL (OIDC_ISSUER): http://127.0.0.1:PORT/realms/thmnayah */
  issuer: string;
  /** An access token for a user, as the token endpoint would give it (for API calls in tests); `audience` to mint one for another client. */
  accessToken(username: string, options?: { audience?: string }): Promise<string>;
  /** Ends every session: their refresh tokens are refused from now on. */
  revokeAll(): void;
  /** Requests the issuer answered, by path (without the query). */
  requests: string[];
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startRealmIssuer(options: { clientId: string; audience: string; users: RealmUser[]; accessTtlSeconds?: number }): Promise<RealmIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const key: CryptoKey = privateKey;
  const jwk = { ...(await exportJWK(publicKey)), kid: 'realm-k1', alg: 'RS256', use: 'sig' };
  const ttl = options.accessTtlSeconds ?? 300;
  const codes = new Map<string, { username: string; challenge: string; redirectUri: string; nonce: string | undefined; sid: string }>();
  const refreshTokens = new Map<string, { username: string; sid: string }>();
  const sessions = new Set<string>();
  const requests: string[] = [];
  let issuer = '';
  const realm = '/realms/thmnayah';
  const oidc = `${realm}/protocol/openid-connect`;

  const user = (username: string) => options.users.find((u) => u.username === username);
  const accessToken = (u: RealmUser, sid: string, audience: string[] = [options.audience, 'account'], lifetime = ttl) =>
    new SignJWT({ typ: 'Bearer', azp: options.clientId, sid, scope: 'openid profile', preferred_username: u.username, name: u.name, realm_access: { roles: [...u.roles, 'offline_access', 'uma_authorization'] } })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' }).setIssuer(issuer).setAudience(audience).setSubject(`sub-${u.username}`)
      .setIssuedAt().setExpirationTime(`${lifetime}s`).setJti(randomUUID()).sign(key);
  const idToken = (u: RealmUser, sid: string, nonce: string | undefined) =>
    new SignJWT({ typ: 'ID', azp: options.clientId, sid, preferred_username: u.username, name: u.name, ...(nonce ? { nonce } : {}), auth_time: Math.floor(Date.now() / 1000) })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' }).setIssuer(issuer).setAudience(options.clientId).setSubject(`sub-${u.username}`)
      .setIssuedAt().setExpirationTime(`${ttl}s`).sign(key);
  const tokens = async (u: RealmUser, sid: string, nonce?: string) => {
    const refresh = randomBytes(24).toString('base64url');
    refreshTokens.set(refresh, { username: u.username, sid });
    return {
      access_token: await accessToken(u, sid), id_token: await idToken(u, sid, nonce), refresh_token: refresh,
      token_type: 'Bearer', expires_in: ttl, refresh_expires_in: 1800, scope: 'openid profile', session_state: sid,
    };
  };

  const body = (req: IncomingMessage) => new Promise<URLSearchParams>((resolve) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(new URLSearchParams(text)));
  });
  const json = (res: ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(value));
  };
  const oauthError = (res: ServerResponse, error: string, description: string) => json(res, 400, { error, error_description: description });

  const loginPage = (params: URLSearchParams, failed: boolean) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to thmnayah</title></head>
<body><main><h1>Sign in to your account</h1>${failed ? '<p role="alert">Invalid username or password.</p>' : ''}
<form method="post" action="${oidc}/auth">
${[...params].filter(([k]) => k !== 'username' && k !== 'password').map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('\n')}
<label for="username">Username or email</label> <input id="username" name="username" autocomplete="username">
<label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit">Sign In</button>
</form></main></body></html>`;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', issuer || 'http://127.0.0.1');
      requests.push(url.pathname);
      // Keycloak answers the client's web origins; the studio reads discovery and tokens with fetch.
      if (req.headers.origin) {
        res.setHeader('access-control-allow-origin', req.headers.origin);
        res.setHeader('access-control-allow-headers', 'authorization, content-type');
        res.setHeader('vary', 'origin');
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204);
        return res.end();
      }
      if (url.pathname === `${realm}/.well-known/openid-configuration`) {
        return json(res, 200, {
          issuer, authorization_endpoint: `${issuer}/protocol/openid-connect/auth`, token_endpoint: `${issuer}/protocol/openid-connect/token`,
          userinfo_endpoint: `${issuer}/protocol/openid-connect/userinfo`, end_session_endpoint: `${issuer}/protocol/openid-connect/logout`,
          jwks_uri: `${issuer}/protocol/openid-connect/certs`, response_types_supported: ['code'], grant_types_supported: ['authorization_code', 'refresh_token'],
          code_challenge_methods_supported: ['S256'], subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS256'],
          scopes_supported: ['openid', 'profile'], token_endpoint_auth_methods_supported: ['none'],
        });
      }
      if (url.pathname === `${oidc}/certs`) return json(res, 200, { keys: [jwk] });
      if (url.pathname === `${oidc}/auth`) {
        const params = req.method === 'POST' ? await body(req) : url.searchParams;
        const redirectUri = params.get('redirect_uri') ?? '';
        if (params.get('client_id') !== options.clientId || !redirectUri.startsWith('http://127.0.0.1:')) {
          res.writeHead(400, { 'content-type': 'text/plain' });
          return res.end('Invalid parameter: redirect_uri or client_id');
        }
        if (params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')) {
          res.writeHead(400, { 'content-type': 'text/plain' });
          return res.end('Missing parameter: code_challenge_method');
        }
        if (req.method !== 'POST') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return res.end(loginPage(params, false));
        }
        const u = user(params.get('username') ?? '');
        if (!u || u.password !== params.get('password')) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return res.end(loginPage(params, true));
        }
        const sid = randomUUID();
        sessions.add(sid);
        const code = randomBytes(24).toString('base64url');
        codes.set(code, { username: u.username, challenge: params.get('code_challenge')!, redirectUri, nonce: params.get('nonce') ?? undefined, sid });
        const back = new URL(redirectUri);
        back.searchParams.set('state', params.get('state') ?? '');
        back.searchParams.set('session_state', sid);
        back.searchParams.set('iss', issuer);
        back.searchParams.set('code', code);
        res.writeHead(302, { location: back.toString() });
        return res.end();
      }
      if (url.pathname === `${oidc}/token` && req.method === 'POST') {
        const params = await body(req);
        if (params.get('client_id') !== options.clientId) return json(res, 401, { error: 'invalid_client', error_description: 'Invalid client credentials' });
        if (params.get('grant_type') === 'authorization_code') {
          const grant = codes.get(params.get('code') ?? '');
          codes.delete(params.get('code') ?? '');
          if (!grant) return oauthError(res, 'invalid_grant', 'Code not valid');
          if (grant.redirectUri !== params.get('redirect_uri')) return oauthError(res, 'invalid_grant', 'Incorrect redirect_uri');
          const verifier = params.get('code_verifier') ?? '';
          if (createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) return oauthError(res, 'invalid_grant', 'PKCE verification failed');
          return json(res, 200, await tokens(user(grant.username)!, grant.sid, grant.nonce));
        }
        if (params.get('grant_type') === 'refresh_token') {
          const refresh = refreshTokens.get(params.get('refresh_token') ?? '');
          refreshTokens.delete(params.get('refresh_token') ?? '');
          if (!refresh || !sessions.has(refresh.sid)) return oauthError(res, 'invalid_grant', 'Session not active');
          return json(res, 200, await tokens(user(refresh.username)!, refresh.sid));
        }
        return oauthError(res, 'unsupported_grant_type', 'Unsupported grant_type');
      }
      if (url.pathname === `${oidc}/userinfo`) {
        return json(res, 401, { error: 'invalid_token' }); // the studio does not load userinfo
      }
      if (url.pathname === `${oidc}/logout`) {
        sessions.clear();
        const back = url.searchParams.get('post_logout_redirect_uri');
        if (back?.startsWith('http://127.0.0.1:')) {
          res.writeHead(302, { location: back });
          return res.end();
        }
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end('You are logged out');
      }
      json(res, 404, { error: 'not_found' });
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}${realm}`;
  return {
    issuer,
    async accessToken(username, mint = {}) {
      const sid = randomUUID();
      sessions.add(sid);
      // An hour: a test's API token outlives a slow run; the studio's tokens keep the short lifetime.
      return accessToken(user(username)!, sid, mint.audience ? [mint.audience] : undefined, 3600);
    },
    revokeAll: () => sessions.clear(),
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
