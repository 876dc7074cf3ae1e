// The built-in development issuer: on embedded defaults it stands in for Keycloak. Its signing key
// lives in DATA_DIR/identity, so `thmnayah token` (another process) signs tokens the server accepts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { CmsRole } from './roles.js';

/** The issuer of `thmnayah token` (another process, which need not know PUBLIC_URL). */
export const DEV_ISSUER = 'urn:thmnayah:dev-issuer';
export const DEV_AUDIENCE = 'thmnayah';

/** The issuer URL of the development OIDC provider (docs/api.md, "Signing in"). */
export function devIssuerUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/auth/dev`;
}
const ALG = 'ES256';

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export interface DevIssuer {
  /** The issuer of `sign` (DEV_ISSUER). */
  issuer: string;
  /** Every issuer whose tokens the server accepts: DEV_ISSUER and, when given, the OIDC issuer URL. */
  issuers: string[];
  publicJwk: JWK;
  /** An access token for the CMS, as `thmnayah token` prints; `issuer` defaults to DEV_ISSUER. */
  sign(claims: { sub: string; name?: string; roles: CmsRole[]; ttlSeconds: number; issuer?: string; extra?: Record<string, unknown> }): Promise<string>;
  /** Any JWT signed with the issuer's key (ID tokens). */
  signJwt(payload: Record<string, unknown>, claims: { issuer: string; audience: string; subject: string; ttlSeconds: number }): Promise<string>;
}

export function devIssuerKeyPath(dataDir: string) {
  return join(dataDir, 'identity', 'dev-issuer.json');
}

async function loadOrCreateKey(dataDir: string): Promise<StoredKey> {
  const path = devIssuerKeyPath(dataDir);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as StoredKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = randomUUID();
  const stored: StoredKey = {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' },
  };
  mkdirSync(join(dataDir, 'identity'), { recursive: true, mode: 0o700 });
  try {
    // 'wx': if another process created the key meanwhile, keep theirs.
    writeFileSync(path, JSON.stringify(stored, null, 2), { flag: 'wx', mode: 0o600 });
    return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return JSON.parse(readFileSync(path, 'utf8')) as StoredKey;
  }
}

/** `issuerUrl`: the OIDC issuer URL the server also accepts (devIssuerUrl(PUBLIC_URL)); the CLI needs none. */
export async function openDevIssuer(dataDir: string, issuerUrl?: string): Promise<DevIssuer> {
  const stored = await loadOrCreateKey(dataDir);
  const privateKey = await importJWK(stored.privateJwk, ALG);
  const signJwt: DevIssuer['signJwt'] = (payload, { issuer, audience, subject, ttlSeconds }) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: ALG, kid: stored.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(privateKey);
  return {
    issuer: DEV_ISSUER,
    issuers: issuerUrl ? [DEV_ISSUER, issuerUrl] : [DEV_ISSUER],
    publicJwk: stored.publicJwk,
    sign: ({ sub, name, roles, ttlSeconds, issuer, extra }) =>
      signJwt({ ...extra, preferred_username: name ?? sub, realm_access: { roles } }, { issuer: issuer ?? DEV_ISSUER, audience: DEV_AUDIENCE, subject: sub, ttlSeconds }),
    signJwt,
  };
}
