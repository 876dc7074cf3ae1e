// Signed URLs for the local adapter, so that playback and upload URLs behave as S3 presigned URLs do:
// anyone holding the URL may GET (or PUT) that one object until it expires, nobody else. The token is an
// HMAC-SHA256 over the method, the key, the expiry and any upload constraints, with a server secret;
// everything it covers travels in the query string so a URL can be read (and debugged) as it is.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SignInput {
  method: 'GET' | 'PUT';
  key: string;
  expiresIn: number;
  contentType?: string | undefined;
  size?: number | undefined;
}

export interface VerifyInput {
  /** HEAD is checked as GET: it reveals nothing a GET would not. */
  method: string;
  key: string;
  query: Record<string, unknown>;
}

export type Verdict =
  | { ok: true; contentType: string | undefined; size: number | undefined; expires: number }
  | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired' | 'wrong-method' };

const VERSION = 'thmnayah-media-v1';
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;
const DIGITS = /^\d{1,15}$/;

export class UrlSigner {
  constructor(
    private readonly secret: Buffer,
    private readonly now: () => number = Date.now,
  ) {
    if (secret.length < 32) throw new Error('The media URL signing secret must be at least 32 bytes.');
  }

  /** The query parameters that authorise the request: expires, [type], [size], signature. */
  sign(input: SignInput): URLSearchParams {
    const expires = Math.floor(this.now() / 1000) + input.expiresIn;
    const params = new URLSearchParams({ expires: String(expires) });
    if (input.contentType !== undefined) params.set('type', input.contentType);
    if (input.size !== undefined) params.set('size', String(input.size));
    params.set('signature', this.mac(input.method, input.key, expires, input.contentType, input.size));
    return params;
  }

  verify(input: VerifyInput): Verdict {
    const { expires, signature, type, size } = input.query;
    if (expires === undefined && signature === undefined) return { ok: false, reason: 'missing' };
    if (typeof expires !== 'string' || !DIGITS.test(expires) || typeof signature !== 'string' || !SIGNATURE.test(signature)) {
      return { ok: false, reason: 'malformed' };
    }
    if ((type !== undefined && typeof type !== 'string') || (size !== undefined && (typeof size !== 'string' || !DIGITS.test(size)))) {
      return { ok: false, reason: 'malformed' };
    }
    const method = input.method === 'HEAD' ? 'GET' : input.method;
    if (method !== 'GET' && method !== 'PUT') return { ok: false, reason: 'wrong-method' };
    const sizeNumber = size === undefined ? undefined : Number(size);
    const expected = Buffer.from(this.mac(method, input.key, Number(expires), type, sizeNumber));
    if (!timingSafeEqual(expected, Buffer.from(signature))) return { ok: false, reason: 'bad-signature' };
    if (Math.floor(this.now() / 1000) > Number(expires)) return { ok: false, reason: 'expired' };
    return { ok: true, contentType: type, size: sizeNumber, expires: Number(expires) };
  }

  private mac(method: string, key: string, expires: number, contentType: string | undefined, size: number | undefined): string {
    // Keys and content types cannot contain a newline (both are validated), so the fields cannot run together.
    const text = [VERSION, method, key, String(expires), contentType ?? '', size === undefined ? '' : String(size)].join('\n');
    return createHmac('sha256', this.secret).update(text).digest('base64url');
  }
}
