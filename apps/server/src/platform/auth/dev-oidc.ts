// The development issuer as a small OpenID Connect provider, for the editors' studio at /studio on
// embedded defaults: authorization code + PKCE (S256) for one public client, a sign-in page that lists
// the CMS users to sign in as (no password: it is a development tool), refresh tokens with rotation,
// and sign-out. It exists only when the development issuer is active (config.devIssuer); production
// uses Keycloak through OIDC_ISSUER, with the same client id and the same flow.
//
// Codes and refresh tokens live in this process's memory: a restart signs everyone out, and with
// several pods a code or a refresh token is only known to the pod that issued it. That is fine for a
// development issuer on one laptop; it is one reason it must never serve production.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { compactVerify, createLocalJWKSet, decodeJwt } from 'jose';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../http/server.js';
import { PROBLEM_TYPES, problemTypeUri } from '../http/problem.js';
import { CMS_ROLES, isCmsRole, type CmsRole } from './roles.js';
import type { User, UserDirectory } from './users.js';
import type { DevIssuer } from './dev-issuer.js';
import { InvalidToken, type TokenVerifier } from './verifier.js';

export const STUDIO_CLIENT_ID = 'thmnayah-studio';
/** Scopes the studio asks for; the same at Keycloak. */
export const STUDIO_SCOPES = 'openid profile';
/** Where the provider's endpoints are served; its issuer is devIssuerUrl(PUBLIC_URL), which ends so. */
const DEV_OIDC_PATH = '/auth/dev';
const CODE_TTL_SECONDS = 60;
const MAX_ENTRIES = 10_000;

export interface DevOidcOptions {
  issuer: DevIssuer;
  /** The issuer URL: devIssuerUrl(PUBLIC_URL). Routes are served under its path. */
  issuerUrl: string;
  /** PUBLIC_URL: redirect URIs must be on its origin, under /studio. */
  publicUrl: string;
  users: UserDirectory;
  verify: TokenVerifier;
  clientId?: string;
  /** Lifetime of access and ID tokens (seconds). */
  accessTtlSeconds: number;
  /** Lifetime of a sign-in session: refresh tokens end then (seconds). */
  sessionTtlSeconds: number;
}

interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  nonce: string | undefined;
  codeChallenge: string;
  locale: Locale;
}

interface CodeEntry {
  params: AuthorizeParams;
  sub: string;
  authTime: number;
  expiresAt: number;
  /** Set once redeemed: a second use revokes what the first one gave. */
  sessionId?: string;
}

interface Session {
  sub: string;
  clientId: string;
  scope: string;
  nonce: string | undefined;
  authTime: number;
  expiresAt: number;
  /** The one refresh token of this session that may still be used. */
  current: string;
}

/** Where a redirect_uri or post_logout_redirect_uri may point: PUBLIC_URL's origin, under /studio. */
export function isStudioUri(value: string, publicUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const base = new URL(publicUrl);
  if (url.origin !== base.origin || url.username || url.password || url.hash) return false;
  // The URL parser has already resolved dot segments (also %2e%2e), so a prefix check is sound.
  const prefix = `${base.pathname.replace(/\/+$/, '')}/studio`;
  return url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
}

const b64url = (bytes: Buffer) => bytes.toString('base64url');
const newSecret = () => b64url(randomBytes(32));
const now = () => Math.floor(Date.now() / 1000);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

class OAuthError extends Error {
  constructor(readonly error: string, readonly description: string, readonly status = 400) {
    super(description);
  }
}

export function registerDevOidcRoutes(app: App, options: DevOidcOptions) {
  const clientId = options.clientId ?? STUDIO_CLIENT_ID;
  // Served at /auth/dev whatever path PUBLIC_URL has (a proxy in front maps it).
  const base = DEV_OIDC_PATH;
  const issuerUrl = options.issuerUrl;
  const codes = new Map<string, CodeEntry>();
  const sessions = new Map<string, Session>();
  /** refresh token → session id; used tokens stay until their session ends, to detect replay. */
  const refreshTokens = new Map<string, string>();

  const sweep = () => {
    const t = now();
    for (const [code, entry] of codes) if (entry.expiresAt <= t) codes.delete(code);
    for (const [id, session] of sessions) if (session.expiresAt <= t) endSession(id);
    // Bounded memory whatever a client does: the oldest entries go first.
    while (codes.size > MAX_ENTRIES) codes.delete(codes.keys().next().value!);
    while (sessions.size > MAX_ENTRIES) endSession(sessions.keys().next().value!);
  };
  const endSession = (id: string) => {
    sessions.delete(id);
    for (const [token, sessionId] of refreshTokens) if (sessionId === id) refreshTokens.delete(token);
  };

  const discovery = {
    issuer: issuerUrl,
    authorization_endpoint: `${issuerUrl}/authorize`,
    token_endpoint: `${issuerUrl}/token`,
    userinfo_endpoint: `${issuerUrl}/userinfo`,
    jwks_uri: `${issuerUrl}/jwks.json`,
    end_session_endpoint: `${issuerUrl}/end_session`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['ES256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: ['openid', 'profile', 'offline_access'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'sid', 'name', 'preferred_username'],
    ui_locales_supported: ['ar', 'en'],
    authorization_response_iss_parameter_supported: true,
  };

  /** Checks the client and redirect URI: when they are wrong, the error is shown, never redirected. */
  const checkClient = (query: Record<string, string | undefined>): { redirectUri: string } | { page: string } => {
    if (query.client_id !== clientId) return { page: `client_id must be ${clientId}; got ${query.client_id === undefined ? 'nothing' : JSON.stringify(query.client_id)}.` };
    const redirectUri = query.redirect_uri;
    if (!redirectUri || !isStudioUri(redirectUri, options.publicUrl)) {
      return { page: `redirect_uri must be a URL under ${options.publicUrl}/studio (the origin of PUBLIC_URL); got ${redirectUri === undefined ? 'nothing' : JSON.stringify(redirectUri)}.` };
    }
    return { redirectUri };
  };

  /** The other parameters: when wrong, the client learns it at its redirect URI (RFC 6749 §4.1.2.1). */
  const checkRequest = (query: Record<string, string | undefined>, redirectUri: string): AuthorizeParams | OAuthError => {
    const locale = pickLocale(query.ui_locales);
    if (query.response_type !== 'code') return new OAuthError('unsupported_response_type', 'response_type must be code');
    if (!query.scope?.split(' ').includes('openid')) return new OAuthError('invalid_scope', 'scope must include openid');
    if (query.code_challenge_method !== 'S256') return new OAuthError('invalid_request', 'code_challenge_method must be S256 (PKCE)');
    if (!query.code_challenge || !/^[A-Za-z0-9_-]{43}$/.test(query.code_challenge)) return new OAuthError('invalid_request', 'code_challenge must be the base64url SHA-256 of the code verifier (43 characters)');
    if (!query.state || query.state.length > 512) return new OAuthError('invalid_request', 'state is required (at most 512 characters)');
    if (query.nonce !== undefined && (query.nonce === '' || query.nonce.length > 512)) return new OAuthError('invalid_request', 'nonce must be 1 to 512 characters');
    if (query.prompt?.split(' ').includes('none')) return new OAuthError('login_required', 'the development issuer keeps no sign-in session: sign in interactively, or refresh with the refresh token');
    return { clientId, redirectUri, scope: query.scope, state: query.state, nonce: query.nonce, codeChallenge: query.code_challenge, locale };
  };

  const redirectWith = (reply: FastifyReply, redirectUri: string, params: Record<string, string | undefined>) => {
    const url = new URL(redirectUri);
    for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
    return reply.header('cache-control', 'no-store').redirect(url.toString(), 303);
  };

  const handleAuthorize = async (request: FastifyRequest, reply: FastifyReply, input: Record<string, string | undefined>) => {
    const locale = pickLocale(input.ui_locales);
    const client = checkClient(input);
    if ('page' in client) return sendHtml(reply, 400, errorPage(locale, client.page), options.publicUrl);
    const params = checkRequest(input, client.redirectUri);
    if (params instanceof OAuthError) {
      return redirectWith(reply, client.redirectUri, { error: params.error, error_description: params.description, state: input.state, iss: issuerUrl });
    }
    const signInAs = request.method === 'POST' ? input.sub : undefined;
    if (request.method === 'POST' && input.cancel !== undefined) {
      return redirectWith(reply, client.redirectUri, { error: 'access_denied', error_description: 'the user cancelled the sign-in', state: params.state, iss: issuerUrl });
    }
    const users = (await options.users.list()).filter((u) => !u.disabled && u.roles.some(isCmsRole));
    if (signInAs === undefined) {
      return sendHtml(reply, 200, signInPage(locale, users, input, `${issuerUrl}/authorize`, request.url), options.publicUrl);
    }
    if (!users.some((u) => u.sub === signInAs)) {
      return sendHtml(reply, 400, errorPage(locale, `No enabled CMS user ${JSON.stringify(signInAs)} with a role: choose one from the list.`), options.publicUrl);
    }
    sweep();
    const code = newSecret();
    codes.set(code, { params, sub: signInAs, authTime: now(), expiresAt: now() + CODE_TTL_SECONDS });
    return redirectWith(reply, client.redirectUri, { code, state: params.state, iss: issuerUrl });
  };

  const tokensFor = async (sessionId: string, session: Session, user: User) => {
    const roles = user.roles.filter(isCmsRole);
    const accessToken = await options.issuer.sign({
      sub: user.sub, name: user.name, roles, ttlSeconds: options.accessTtlSeconds, issuer: issuerUrl,
      extra: { azp: session.clientId, scope: session.scope, sid: sessionId },
    });
    const idToken = await options.issuer.signJwt(
      { name: user.name, preferred_username: user.name, auth_time: session.authTime, sid: sessionId, azp: session.clientId, ...(session.nonce ? { nonce: session.nonce } : {}) },
      { issuer: issuerUrl, audience: session.clientId, subject: user.sub, ttlSeconds: options.accessTtlSeconds },
    );
    const refreshToken = newSecret();
    session.current = refreshToken;
    refreshTokens.set(refreshToken, sessionId);
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: options.accessTtlSeconds,
      refresh_token: refreshToken,
      refresh_expires_in: Math.max(0, session.expiresAt - now()),
      id_token: idToken,
      scope: session.scope,
    };
  };

  const currentUser = async (sub: string): Promise<User> => {
    const user = (await options.users.list()).find((u) => u.sub === sub);
    if (!user || user.disabled) throw new OAuthError('invalid_grant', `user ${sub} is disabled or gone`);
    return user;
  };

  const grant = async (body: Record<string, string | undefined>) => {
    if (body.client_id !== clientId) throw new OAuthError('invalid_client', `client_id must be ${clientId}`, 401);
    if (body.grant_type === 'authorization_code') {
      const entry = body.code ? codes.get(body.code) : undefined;
      if (!entry || entry.expiresAt <= now()) throw new OAuthError('invalid_grant', 'the code is unknown or expired');
      if (entry.sessionId !== undefined) {
        // A code used twice: someone else has it. Revoke what its first use gave (RFC 6749 §4.1.2).
        endSession(entry.sessionId);
        codes.delete(body.code!);
        throw new OAuthError('invalid_grant', 'the code was already used; the tokens it gave are revoked');
      }
      if (body.redirect_uri !== entry.params.redirectUri) throw new OAuthError('invalid_grant', 'redirect_uri differs from the one of the authorization request');
      const verifier = body.code_verifier ?? '';
      if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) throw new OAuthError('invalid_request', 'code_verifier must be 43 to 128 characters of [A-Za-z0-9._~-]');
      if (!safeEqual(b64url(createHash('sha256').update(verifier).digest()), entry.params.codeChallenge)) {
        codes.delete(body.code!);
        throw new OAuthError('invalid_grant', 'code_verifier does not match the code_challenge');
      }
      const user = await currentUser(entry.sub);
      sweep();
      const sessionId = newSecret();
      entry.sessionId = sessionId;
      const session: Session = {
        sub: entry.sub, clientId, scope: entry.params.scope, nonce: entry.params.nonce, authTime: entry.authTime,
        expiresAt: entry.authTime + options.sessionTtlSeconds, current: '',
      };
      sessions.set(sessionId, session);
      return tokensFor(sessionId, session, user);
    }
    if (body.grant_type === 'refresh_token') {
      const sessionId = body.refresh_token ? refreshTokens.get(body.refresh_token) : undefined;
      const session = sessionId ? sessions.get(sessionId) : undefined;
      if (!sessionId || !session || session.expiresAt <= now()) throw new OAuthError('invalid_grant', 'the refresh token is unknown, revoked or expired');
      if (!safeEqual(session.current, body.refresh_token!)) {
        // Rotation: an old refresh token came back, so two parties hold this session. End it.
        endSession(sessionId);
        throw new OAuthError('invalid_grant', 'the refresh token was already used; the session is revoked');
      }
      return tokensFor(sessionId, session, await currentUser(session.sub));
    }
    throw new OAuthError('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
  };

  // OAuth endpoints answer errors as RFC 6749 §5.2 JSON (oidc-client-ts accepts no other media type),
  // with the RFC 9457 members beside `error` so they read as problem details too.
  const sendOAuthError = (request: FastifyRequest, reply: FastifyReply, error: OAuthError) => {
    if (error.status === 401) reply.header('www-authenticate', error.error === 'invalid_token' ? `Bearer error="invalid_token", error_description="${error.description.replace(/"/g, "'")}"` : 'Basic');
    return reply.code(error.status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send({
      error: error.error,
      error_description: error.description,
      type: problemTypeUri('oauth-error'),
      title: PROBLEM_TYPES['oauth-error'].title,
      status: error.status,
      detail: error.description,
      instance: request.url.split('?')[0],
      requestId: request.id,
    });
  };

  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    const hide = { hide: true };

    scope.get(`${base}/.well-known/openid-configuration`, { schema: hide }, async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return discovery;
    });
    scope.get(`${base}/jwks.json`, { schema: hide }, async () => ({ keys: [options.issuer.publicJwk] }));

    scope.get(`${base}/authorize`, { schema: hide }, (request, reply) => handleAuthorize(request, reply, stringsOf(request.query)));
    scope.post(`${base}/authorize`, { schema: hide }, (request, reply) => handleAuthorize(request, reply, stringsOf(request.body)));

    scope.post(`${base}/token`, { schema: hide }, async (request, reply) => {
      try {
        const tokens = await grant(stringsOf(request.body));
        return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(tokens);
      } catch (error) {
        if (error instanceof OAuthError) return sendOAuthError(request, reply, error);
        throw error;
      }
    });

    const userinfo = async (request: FastifyRequest, reply: FastifyReply) => {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
      try {
        if (!match) throw new InvalidToken('send Authorization: Bearer <access token>');
        const principal = await options.verify(match[1]!);
        return reply.header('cache-control', 'no-store').send({ sub: principal.sub, name: principal.name, preferred_username: principal.name, realm_access: { roles: principal.roles } });
      } catch (error) {
        if (error instanceof InvalidToken) return sendOAuthError(request, reply, new OAuthError('invalid_token', error.message, 401));
        throw error;
      }
    };
    scope.get(`${base}/userinfo`, { schema: hide }, userinfo);
    scope.post(`${base}/userinfo`, { schema: hide }, userinfo);

    const endSessionRoute = async (request: FastifyRequest, reply: FastifyReply) => {
      const input = stringsOf(request.method === 'POST' ? request.body : request.query);
      const locale = pickLocale(input.ui_locales);
      const target = input.post_logout_redirect_uri;
      if (target !== undefined && !isStudioUri(target, options.publicUrl)) {
        return sendHtml(reply, 400, errorPage(locale, `post_logout_redirect_uri must be a URL under ${options.publicUrl}/studio; got ${JSON.stringify(target)}.`), options.publicUrl);
      }
      if (input.id_token_hint) {
        // An expired ID token still says which session to end; its signature must be ours.
        try {
          await compactVerify(input.id_token_hint, createLocalJWKSet({ keys: [options.issuer.publicJwk] }));
          const claims = decodeJwt(input.id_token_hint);
          if (claims.iss === issuerUrl && typeof claims.sid === 'string') endSession(claims.sid);
        } catch {
          return sendHtml(reply, 400, errorPage(locale, 'id_token_hint is not an ID token of this issuer.'), options.publicUrl);
        }
      }
      if (target !== undefined) return redirectWith(reply, target, { state: input.state });
      return sendHtml(reply, 200, signedOutPage(locale), options.publicUrl);
    };
    scope.get(`${base}/end_session`, { schema: hide }, endSessionRoute);
    scope.post(`${base}/end_session`, { schema: hide }, endSessionRoute);
  });
}

function stringsOf(input: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (typeof input !== 'object' || input === null) return out;
  for (const [key, value] of Object.entries(input)) {
    // A repeated parameter is an error in OAuth (RFC 6749 §3.1): treat it as absent.
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

// ---- HTML ----------------------------------------------------------------------------------------

type Locale = 'ar' | 'en';

function pickLocale(uiLocales: string | undefined): Locale {
  for (const tag of (uiLocales ?? '').split(/\s+/)) {
    const language = tag.split('-')[0]?.toLowerCase();
    if (language === 'ar' || language === 'en') return language;
  }
  return 'ar';
}

const TEXT = {
  ar: {
    title: 'تسجيل الدخول إلى استوديو ثمنية',
    notice: 'هذا مُصدِر التطوير المدمج: اختر مستخدمًا لتسجيل الدخول باسمه، دون كلمة مرور. لا يعمل في الإنتاج.',
    listLabel: 'مستخدمو نظام إدارة المحتوى',
    signInAs: (name: string) => `الدخول باسم ${name}`,
    roles: { admin: 'مدير', editor: 'محرر', viewer: 'مشاهد' } as Record<CmsRole, string>,
    empty: 'لا يوجد مستخدمون لهم دور بعد. أضف واحدًا ثم أعد تحميل الصفحة:',
    cancel: 'إلغاء',
    other: { label: 'English', locale: 'en' as Locale },
    errorTitle: 'تعذّر متابعة تسجيل الدخول',
    signedOut: 'تم تسجيل الخروج.',
  },
  en: {
    title: 'Sign in to the Thmnayah studio',
    notice: 'This is the built-in development issuer: choose a user to sign in as, without a password. It never runs in production.',
    listLabel: 'CMS users',
    signInAs: (name: string) => `Sign in as ${name}`,
    roles: { admin: 'admin', editor: 'editor', viewer: 'viewer' } as Record<CmsRole, string>,
    empty: 'No users with a role yet. Add one, then reload this page:',
    cancel: 'Cancel',
    other: { label: 'العربية', locale: 'ar' as Locale },
    errorTitle: 'Sign-in cannot continue',
    signedOut: 'You are signed out.',
  },
} as const;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,"Noto Sans Arabic",sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1b1b1b}
ul{list-style:none;padding:0}li{margin:.5rem 0}button{font:inherit;padding:.6rem 1rem;min-width:100%;text-align:start;cursor:pointer;border:1px solid #555;border-radius:.4rem;background:#fff}
button:focus-visible,a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}.role{color:#444}.cancel{min-width:auto;margin-top:1rem}code{direction:ltr;unicode-bidi:isolate;background:#f2f2f2;padding:.1rem .3rem}`;

function layout(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body>
</html>`;
}

function signInPage(locale: Locale, users: User[], input: Record<string, string | undefined>, action: string, url: string): string {
  const t = TEXT[locale];
  const keep = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method', 'ui_locales'];
  const hidden = keep
    .filter((k) => input[k] !== undefined)
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(k === 'ui_locales' ? locale : input[k]!)}">`)
    .join('');
  const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name, locale));
  const items = sorted.map((u) => {
    const roles = u.roles.filter(isCmsRole).sort((a, b) => CMS_ROLES.indexOf(b) - CMS_ROLES.indexOf(a)).map((r) => t.roles[r]).join('، ');
    return `<li><button type="submit" name="sub" value="${escapeHtml(u.sub)}"><bdi>${escapeHtml(t.signInAs(u.name))}</bdi> <span class="role">(${escapeHtml(roles)})</span></button></li>`;
  }).join('');
  const list = users.length
    ? `<ul aria-label="${escapeHtml(t.listLabel)}">${items}</ul>`
    : `<p>${escapeHtml(t.empty)}</p><p><code>npx thmnayah users add --sub huda --name Huda --role editor</code></p>`;
  const switchUrl = new URL(url, 'http://x');
  switchUrl.searchParams.set('ui_locales', t.other.locale);
  return layout(locale, t.title, `<h1 id="title">${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.notice)}</p>
<p><a href="${escapeHtml(switchUrl.pathname + switchUrl.search)}" lang="${t.other.locale}" hreflang="${t.other.locale}">${escapeHtml(t.other.label)}</a></p>
<form method="post" action="${escapeHtml(action)}" aria-labelledby="title">${hidden}${list}
<button type="submit" name="cancel" value="1" class="cancel">${escapeHtml(t.cancel)}</button></form>`);
}

function errorPage(locale: Locale, detail: string): string {
  const t = TEXT[locale];
  return layout(locale, t.errorTitle, `<h1>${escapeHtml(t.errorTitle)}</h1><p dir="ltr" lang="en">${escapeHtml(detail)}</p>`);
}

function signedOutPage(locale: Locale): string {
  const t = TEXT[locale];
  return layout(locale, t.signedOut, `<h1>${escapeHtml(t.signedOut)}</h1>`);
}

function sendHtml(reply: FastifyReply, status: number, html: string, publicUrl: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer')
    .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${new URL(publicUrl).origin}; frame-ancestors 'none'; base-uri 'none'`)
    .send(html);
}
