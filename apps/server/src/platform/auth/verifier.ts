// Bearer token verification with jose: against an OIDC issuer's JWKS in production (Keycloak realm
// roles in realm_access.roles), against the development issuer's key on embedded defaults.
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { DEV_AUDIENCE, type DevIssuer } from './dev-issuer.js';
import { isCmsRole, type Principal } from './roles.js';

export type TokenVerifier = (token: string) => Promise<Principal>;

export class InvalidToken extends Error {}

/** Seconds of clock difference tolerated between the issuer and this server (exp, nbf, iat). */
const CLOCK_SKEW_SECONDS = 30;

function verifierFromKeys(options: { issuer: string | string[]; audience?: string; keys: JWTVerifyGetKey }): TokenVerifier {
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, options.keys, {
        issuer: options.issuer,
        ...(options.audience ? { audience: options.audience } : {}),
        algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'],
        clockTolerance: CLOCK_SKEW_SECONDS,
        // A token without exp would never expire (issue 15 #6).
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new InvalidToken('the access token has expired');
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp') throw new InvalidToken('the access token has no expiry (exp)');
      if (error instanceof errors.JOSEError) throw new InvalidToken(`the access token is not valid (${error.code})`);
      throw error;
    }
    // jose checks iat's type; a token issued in the future is forged or from a badly wrong clock.
    if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) {
      throw new InvalidToken('the access token is issued in the future (iat)');
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidToken('the access token has no subject');
    const realmRoles = (payload as { realm_access?: { roles?: unknown } }).realm_access?.roles;
    const roles = Array.isArray(realmRoles) ? realmRoles.filter(isCmsRole) : [];
    const name = [payload.preferred_username, payload.name, payload.sub].find((v): v is string => typeof v === 'string' && v !== '')!;
    return { sub: payload.sub, name, roles };
  };
}

/**
 * Remembers verified tokens until they expire, so a client sending the same token on every request
 * pays for one signature check (ES256/RS256 verification is most of a CMS request's CPU otherwise).
 */
export function cachedVerifier(verify: TokenVerifier, maxEntries = 10_000): TokenVerifier {
  const cache = new Map<string, { principal: Principal; until: number }>();
  return async (token) => {
    const hit = cache.get(token);
    if (hit && hit.until > Date.now()) return hit.principal;
    const principal = await verify(token);
    const exp = decodeExp(token);
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
    if (exp) cache.set(token, { principal, until: Math.min(exp * 1000, Date.now() + 5 * 60_000) });
    return principal;
  };
}

function decodeExp(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp : undefined;
  } catch {
    return undefined;
  }
}

/** Accepts the development issuer's tokens: from its OIDC endpoints (issuer URL) and from `thmnayah token`. */
export function devVerifier(issuer: DevIssuer): TokenVerifier {
  return verifierFromKeys({ issuer: issuer.issuers, audience: DEV_AUDIENCE, keys: createLocalJWKSet({ keys: [issuer.publicJwk] }) });
}

/** Discovers the issuer's JWKS (OpenID Connect Discovery) once, then verifies against it; jose caches and rotates keys. */
export async function oidcVerifier(issuer: string, audience: string | undefined, fetchImpl: typeof fetch = fetch): Promise<TokenVerifier> {
  const base = issuer.replace(/\/+$/, '');
  const response = await fetchImpl(`${base}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`OIDC discovery at ${base} answered ${response.status}`);
  const discovery = (await response.json()) as { issuer?: string; jwks_uri?: string };
  if (!discovery.jwks_uri) throw new Error(`OIDC discovery at ${base} has no jwks_uri`);
  return verifierFromKeys({
    issuer: discovery.issuer ?? base,
    ...(audience ? { audience } : {}),
    keys: createRemoteJWKSet(new URL(discovery.jwks_uri)),
  });
}
