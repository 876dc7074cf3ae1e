// Playback links: the URLs episodes and programs carry for their renditions, and that Discovery returns.
//
//   PUBLIC_URL/play/<asset>/<job>/<token>/<rendition>/<file>
//   e.g. …/play/<a>/<j>/<t>/audio-hls/master.m3u8, …/audio-hls/aac-64k/seg_00000.ts, …/audio-mp3/audio.mp3
//
// Why stable links and not expiring signed URLs: Discovery stores public documents in its read model
// and serves them from a response cache and CDNs for as long as the content does not change — days or
// months. A URL that expires inside a stored document would need the document rewritten before every
// expiry. So the document holds a link that does not expire, and the /play route turns it into bytes:
// served directly with byte ranges from the local directory, or a 302 to a short-lived presigned S3
// URL (signed at request time, so the cache key — the stable link — never outlives a signature).
//
// Why the token: it is an HMAC of (asset, job) with the server's media secret, so the route serves only
// rendition sets the server itself linked to — never an original upload, never another job's files,
// never a guessed key — without a database lookup per segment. The token sits in the path, not the query,
// so the relative URIs inside HLS playlists (aac-64k/index.m3u8, seg_00000.ts) resolve to URLs that carry
// it. Revoking: a new job (reprocess) gives new links, and the old job's files are deleted after a grace
// period; rotating MEDIA_SIGNING_KEY revokes every link at once.
//
// Preview links (issue 10): a draft's renditions are not public, so /play refuses them to anyone without
// an editor's bearer token — which a plain <audio> element cannot send. A draft preview therefore gets
// links whose token is `<expires>.<mac>`: an HMAC of (asset, job, expires) under its own label, in the
// same path position, so the relative URIs inside HLS playlists carry it to every segment. It opens that
// one rendition set of a draft (never an original, never another asset) until it expires, and its answers
// are `private, no-store`.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.js';
import { loadOrCreateSigningKey } from '../../platform/storage/open.js';
import { assetKey, type Rendition } from '../../platform/storage/keys.js';
import { PUBLIC_RENDITIONS } from './asset-keys.js';

export const PLAY_PREFIX = '/play';
const VERSION = 'thmnayah-play-v1';
const PREVIEW_VERSION = 'thmnayah-play-preview-v1';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const PREVIEW_TOKEN = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/;
const PLAY_PATH = /^\/play\/([0-9a-f-]{36})\/([0-9a-f-]{36})\/([A-Za-z0-9_-]{43})\/(.+)$/;

export type PreviewPlayVerdict = 'valid' | 'expired' | 'invalid';

export class PlaybackLinks {
  constructor(private readonly secret: Buffer, private readonly publicUrl: string) {
    if (secret.length < 32) throw new Error('The media signing secret must be at least 32 bytes.');
  }

  token(assetId: string, jobId: string): string {
    return createHmac('sha256', this.secret).update(`${VERSION}\n${assetId}\n${jobId}`).digest('base64url');
  }

  verify(assetId: string, jobId: string, token: string): boolean {
    if (!TOKEN.test(token)) return false;
    return timingSafeEqual(Buffer.from(this.token(assetId, jobId)), Buffer.from(token));
  }

  /** A preview token for one rendition set until `expiresAt` (whole seconds): `<expires>.<mac>`. */
  previewToken(assetId: string, jobId: string, expiresAt: Date): string {
    const expires = Math.floor(expiresAt.getTime() / 1000);
    return `${expires}.${this.previewMac(assetId, jobId, expires)}`;
  }

  verifyPreview(assetId: string, jobId: string, token: string, now = Date.now()): PreviewPlayVerdict {
    const match = PREVIEW_TOKEN.exec(token);
    if (!match) return 'invalid';
    const expires = Number(match[1]);
    if (!timingSafeEqual(Buffer.from(this.previewMac(assetId, jobId, expires)), Buffer.from(match[2]!))) return 'invalid';
    return Math.floor(now / 1000) >= expires ? 'expired' : 'valid';
  }

  /**
   * The preview form of one of our playback links (its token swapped for a preview token valid until
   * `expiresAt`); other URLs (an imported episode's enclosure, already public) come back unchanged.
   */
  previewUrl(url: string, expiresAt: Date): string {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return url;
    }
    const match = PLAY_PATH.exec(parsed.pathname);
    if (!match) return url;
    const [, assetId, jobId, token, rest] = match as unknown as [string, string, string, string, string];
    if (!this.verify(assetId, jobId, token)) return url;
    parsed.pathname = `${PLAY_PREFIX}/${assetId}/${jobId}/${this.previewToken(assetId, jobId, expiresAt)}/${rest}`;
    return parsed.href;
  }

  private previewMac(assetId: string, jobId: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${PREVIEW_VERSION}\n${assetId}\n${jobId}\n${expires}`).digest('base64url');
  }

  /** The link to the object at `key` (assets/<asset>/<rendition>/<job>/<file>), a public rendition. */
  urlForKey(key: string): string {
    const [root, assetId, rendition, jobId, ...file] = key.split('/');
    if (root !== 'assets' || !assetId || !jobId || file.length === 0 || !(PUBLIC_RENDITIONS as readonly string[]).includes(rendition ?? '')) {
      throw new Error(`${key} is not a public rendition key`);
    }
    return `${this.publicUrl}${PLAY_PREFIX}/${assetId}/${jobId}/${this.token(assetId, jobId)}/${rendition}/${file.join('/')}`;
  }

  /** The storage key a /play path names, or undefined when it names nothing servable. */
  static keyFor(assetId: string, jobId: string, path: string): string | undefined {
    const [rendition, ...file] = path.split('/');
    if (!(PUBLIC_RENDITIONS as readonly string[]).includes(rendition ?? '') || file.length === 0) return undefined;
    try {
      return assetKey(assetId, rendition as Rendition, `${jobId}/${file.join('/')}`);
    } catch {
      return undefined;
    }
  }
}

/** The secret is the one local signed URLs use (MEDIA_SIGNING_KEY, else generated in DATA_DIR). */
export function playbackLinks(config: Pick<Config, 'mediaSigningKey' | 'dataDir' | 'publicUrl'>): PlaybackLinks {
  const secret = config.mediaSigningKey ? Buffer.from(config.mediaSigningKey, 'utf8') : loadOrCreateSigningKey(config.dataDir);
  return new PlaybackLinks(secret, config.publicUrl);
}
