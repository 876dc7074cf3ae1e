// MP3 downloads through /play, counted on the server with IAB Podcast Measurement-style rules:
//  - a client is a keyed hash of address and user agent (client-keys.ts); bots are not counted;
//  - a download counts when the bytes requested add up to one minute of audio (the file's size times
//    60 / its duration; the whole file when it is shorter than a minute);
//  - the Range requests of one client for one file combine (a player fetches a file in pieces);
//  - the same client counts once per episode in 24 hours (listening_downloads, checked under today's and
//    yesterday's key so a day boundary does not count twice).
// The /play hot path pays an HMAC and an in-memory lookup; the database is touched once, when a client's
// bytes first reach the threshold. Ranges are combined per process: pieces of one download spread over
// several pods (no sticky routing) may each stay under the threshold — an undercount, never a double count.
// A counted download is appended like a beacon: to listening_events (EventLog), or to the listening stream
// when NATS_URL is set (listening-stream.ts).
import { LRUCache } from 'lru-cache';
import type { Db } from '../platform/db/db.js';
import type { EventLog } from './event-log.js';
import { ClientKeys, clientId, utcDay } from './client-keys.js';
import { platformFamily } from './platform-family.js';

const DAY_MS = 24 * 3_600_000;
/** Without a known duration: a minute at the MP3 rendition's 128 kb/s (media/steps/audio.ts). */
const DEFAULT_BYTES_PER_MINUTE = (128_000 / 8) * 60;

/** What one answer of /play gave a client: bytes [start, end] (inclusive) of a file of `total` bytes. */
export interface Served {
  assetId: string;
  address: string;
  userAgent: string | undefined;
  start: number;
  /** Inclusive; undefined: to the end (a redirect to S3 with an open range). */
  end: number | undefined;
  /** The file's size, when known. */
  total: number | undefined;
}

export type Outcome = 'counted' | 'repeat' | 'partial' | 'ignored';

interface Player {
  /** Sorted, disjoint, inclusive byte ranges requested so far. */
  ranges: [number, number][];
  /** When this client was counted for this file (ms), or 0. */
  countedAt: number;
}

interface AssetEpisode {
  episodeId: string;
  programId: string;
  durationSeconds: number | null;
}

/** Parses a Content-Range `bytes a-b/total` (of a 206). */
export function parseContentRange(value: string | undefined): { start: number; end: number; total: number } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(value ?? '');
  return match ? { start: Number(match[1]), end: Number(match[2]), total: Number(match[3]) } : undefined;
}

/** Adds [start, end] to sorted disjoint ranges; returns the merged list. */
export function addRange(ranges: [number, number][], start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  let e = end;
  let placed = false;
  for (const [a, b] of ranges) {
    if (b + 1 < s) out.push([a, b]);
    else if (e + 1 < a) {
      if (!placed) (out.push([s, e]), (placed = true));
      out.push([a, b]);
    } else {
      s = Math.min(s, a);
      e = Math.max(e, b);
    }
  }
  if (!placed) out.push([s, e]);
  return out.sort((x, y) => x[0] - y[0]);
}

const covered = (ranges: [number, number][]) => ranges.reduce((n, [a, b]) => n + (b - a + 1), 0);

export class DownloadCounter {
  private readonly players = new LRUCache<string, Player>({ max: 200_000 });
  private readonly assets = new LRUCache<string, { episode: AssetEpisode | null }>({ max: 50_000, ttl: 60_000 });
  private readonly keys: ClientKeys;
  private readonly now: () => number;

  constructor(private readonly db: Db, private readonly log: Pick<EventLog, 'append'>, options: { now?: () => number } = {}) {
    this.keys = new ClientKeys(db);
    this.now = options.now ?? Date.now;
  }

  async observe(served: Served): Promise<Outcome> {
    const userAgent = served.userAgent ?? '';
    const platform = platformFamily(userAgent);
    if (platform === 'bot') return 'ignored';
    const now = this.now();
    const client = clientId(await this.keys.today(utcDay(now)), served.address, userAgent);
    const id = `${client}|${served.assetId}`;
    let player = this.players.get(id);
    if (player && player.countedAt > now - DAY_MS) return 'repeat';
    if (!player || player.countedAt) player = { ranges: [], countedAt: 0 };
    this.players.set(id, player);
    const end = served.end ?? (served.total !== undefined ? served.total - 1 : Number.MAX_SAFE_INTEGER);
    player.ranges = addRange(player.ranges, served.start, end);
    const episode = await this.episodeOf(served.assetId);
    if (!episode) return 'ignored';
    if (player.countedAt) return 'repeat'; // a concurrent piece of the same download got there first
    const perMinute = served.total !== undefined && episode.durationSeconds
      ? Math.ceil((served.total * 60) / episode.durationSeconds)
      : DEFAULT_BYTES_PER_MINUTE;
    const threshold = served.total !== undefined ? Math.min(served.total, perMinute) : perMinute;
    if (covered(player.ranges) < threshold) return 'partial';
    player.countedAt = now;
    player.ranges = [];
    const yesterdayKey = await this.keys.existing(utcDay(now - DAY_MS));
    const clients = yesterdayKey ? [client, clientId(yesterdayKey, served.address, userAgent)] : [client];
    const at = new Date(now);
    const rows = await this.db.query(
      `insert into listening_downloads (client, episode_id, counted_at)
       select $1, $2, $4
        where not exists (select 1 from listening_downloads where episode_id = $2 and client = any($3::text[]) and counted_at > $4::timestamptz - interval '24 hours')
       on conflict (client, episode_id) do update set counted_at = excluded.counted_at
        where listening_downloads.counted_at <= excluded.counted_at - interval '24 hours'
       returning 1`,
      [client, episode.episodeId, clients, at.toISOString()],
    );
    if (rows.length === 0) return 'repeat';
    await this.log.append([{
      beaconId: `${client}:${episode.episodeId}:${now}`, listenerId: client, episodeId: episode.episodeId, programId: episode.programId,
      kind: 'download', positionSeconds: null, listenedSeconds: 0, platform, occurredAt: at,
    }]);
    return 'counted';
  }

  private async episodeOf(assetId: string): Promise<AssetEpisode | null> {
    const cached = this.assets.get(assetId);
    if (cached) return cached.episode;
    const [row] = await this.db.query<{ episode_id: string; program_id: string; duration_seconds: number | null }>(
      `select d.id as episode_id, d.program_id, d.duration_seconds
         from media_assets a join discovery_episodes d on d.id = a.episode_id
        where a.id = $1 and a.owner_type = 'episode' and d.publish_at <= now()`,
      [assetId],
    );
    const episode = row ? { episodeId: row.episode_id, programId: row.program_id, durationSeconds: row.duration_seconds } : null;
    this.assets.set(assetId, { episode });
    return episode;
  }
}
