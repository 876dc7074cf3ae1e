// Draft preview links (issue 10): a short-lived signed token that lets whoever holds the link see ONE
// program or episode as the public page will show it, before it is public.
//
//   <payload>.<mac>   payload = base64url(JSON {v, t: 'program'|'episode', id, exp})
//                     mac     = HMAC-SHA256(payload) with a key derived from the media signing secret
//
// Why an HMAC and not a JWT from the OIDC issuer: the token is minted and checked by this server only
// (the CMS mints, Discovery and /play check), it must be short enough for a URL, and it must not be an
// identity token: holding a preview link grants nothing but reading that one draft until it expires.
// The key is derived from MEDIA_SIGNING_KEY (the secret every pod already shares, so a link minted by a
// CMS pod opens on any web or Discovery pod) with its own label, so a playback or media-URL signature can
// never pass as a preview token. Rotating MEDIA_SIGNING_KEY revokes every preview link at once.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.js';
import { loadOrCreateSigningKey } from '../platform/storage/open.js';

export type PreviewType = 'program' | 'episode';

export interface PreviewScope {
  type: PreviewType;
  id: string;
}

export type PreviewVerdict =
  | { ok: true; type: PreviewType; id: string; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

const LABEL = 'thmnayah-preview-v1';
const MAC = /^[A-Za-z0-9_-]{43}$/;
const PAYLOAD = /^[A-Za-z0-9_-]{10,300}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The longest a preview token may live (PREVIEW_TTL_SECONDS is capped to this). */
const MAX_PREVIEW_TTL_SECONDS = 24 * 3600;

export class PreviewTokens {
  private readonly key: Buffer;

  constructor(secret: Buffer, readonly ttlSeconds: number, private readonly now: () => number = Date.now) {
    if (secret.length < 32) throw new Error('The signing secret must be at least 32 bytes.');
    this.key = createHmac('sha256', secret).update(LABEL).digest();
  }

  /** A token for `scope`, valid for ttlSeconds from now. */
  mint(scope: PreviewScope): { token: string; expiresAt: Date } {
    const exp = Math.floor(this.now() / 1000) + this.ttlSeconds;
    const payload = Buffer.from(JSON.stringify({ v: 1, t: scope.type, id: scope.id, exp })).toString('base64url');
    return { token: `${payload}.${this.mac(payload)}`, expiresAt: new Date(exp * 1000) };
  }

  /** Checks the signature first (a forged token learns nothing about expiry), then the expiry. */
  verify(token: string | undefined): PreviewVerdict {
    if (!token) return { ok: false, reason: 'malformed' };
    const [payload, mac, extra] = token.split('.');
    if (extra !== undefined || !payload || !mac || !PAYLOAD.test(payload) || !MAC.test(mac)) return { ok: false, reason: 'malformed' };
    if (!timingSafeEqual(Buffer.from(this.mac(payload)), Buffer.from(mac))) return { ok: false, reason: 'forged' };
    let claims: { v?: unknown; t?: unknown; id?: unknown; exp?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (claims.v !== 1 || (claims.t !== 'program' && claims.t !== 'episode') || typeof claims.id !== 'string' || !UUID.test(claims.id) || typeof claims.exp !== 'number') {
      return { ok: false, reason: 'malformed' };
    }
    if (Math.floor(this.now() / 1000) >= claims.exp) return { ok: false, reason: 'expired' };
    return { ok: true, type: claims.t, id: claims.id, expiresAt: new Date(claims.exp * 1000) };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

/** The server's preview tokens: the media signing secret (MEDIA_SIGNING_KEY, else generated in DATA_DIR). */
export function previewTokens(config: Pick<Config, 'mediaSigningKey' | 'dataDir' | 'previewTtlSeconds'>): PreviewTokens {
  const secret = config.mediaSigningKey ? Buffer.from(config.mediaSigningKey, 'utf8') : loadOrCreateSigningKey(config.dataDir);
  return new PreviewTokens(secret, Math.min(config.previewTtlSeconds, MAX_PREVIEW_TTL_SECONDS));
}
