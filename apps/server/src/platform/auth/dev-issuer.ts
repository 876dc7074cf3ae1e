// The built-in development issuer: on embedded defaults it stands in for Keycloak. Its signing key
// lives in DATA_DIR/identity, so `thmnayah token` (another process) signs tokens the server accepts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { CmsRole } from './roles.js';

export const DEV_ISSUER = 'urn:thmnayah:dev-issuer';
export const DEV_AUDIENCE = 'thmnayah';
const ALG = 'ES256';

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export interface DevIssuer {
  issuer: string;
  publicJwk: JWK;
  sign(claims: { sub: string; name?: string; roles: CmsRole[]; ttlSeconds: number }): Promise<string>;
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

export async function openDevIssuer(dataDir: string): Promise<DevIssuer> {
  const stored = await loadOrCreateKey(dataDir);
  const privateKey = await importJWK(stored.privateJwk, ALG);
  return {
    issuer: DEV_ISSUER,
    publicJwk: stored.publicJwk,
    sign: ({ sub, name, roles, ttlSeconds }) =>
      new SignJWT({ preferred_username: name ?? sub, realm_access: { roles } })
        .setProtectedHeader({ alg: ALG, kid: stored.kid, typ: 'JWT' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(privateKey),
  };
}
