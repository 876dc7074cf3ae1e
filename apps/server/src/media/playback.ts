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
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.js';
import { loadOrCreateSigningKey } from '../platform/storage/open.js';
import { assetKey, type Rendition } from '../platform/storage/keys.js';
import { PUBLIC_RENDITIONS } from './asset-keys.js';

export const PLAY_PREFIX = '/play';
const VERSION = 'thmnayah-play-v1';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

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
