// HLS playlists: reading the media playlists FFmpeg wrote, measuring their real bit rates, and writing
// the master playlist ourselves. FFmpeg can write a master playlist too, but its BANDWIDTH comes from
// the configured bit rates (with CRF video it reports only the audio's 128 kb/s for every rung), and the
// npm static build cannot name variants; a player picks renditions by these numbers, so they are measured.
//
// Why hls-parser: a maintained reader/writer of the whole playlist grammar (escaping, attribute
// formats), so our output is written by the same rules players parse by.
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse, stringify, types } from 'hls-parser';
import { MediaError } from './errors.js';

export interface MediaPlaylistFacts {
  segments: Array<{ uri: string; durationSeconds: number; bytes: number }>;
  durationSeconds: number;
  targetDuration: number;
  /** Peak segment bit rate, bits/s: HLS's BANDWIDTH. */
  peakBitRate: number;
  /** Whole-playlist bit rate, bits/s: HLS's AVERAGE-BANDWIDTH. */
  averageBitRate: number;
}

export async function readMediaPlaylist(path: string): Promise<MediaPlaylistFacts> {
  const playlist = parse(await readFile(path, 'utf8'));
  if (playlist.isMasterPlaylist) throw new MediaError('transcode-failed', `${path} is a master playlist, expected a media playlist`);
  if (!playlist.endlist || playlist.segments.length === 0) throw new MediaError('transcode-failed', `${path} is incomplete (no segments or no #EXT-X-ENDLIST)`);
  const segments = await Promise.all(
    playlist.segments.map(async (segment) => ({
      uri: segment.uri,
      durationSeconds: segment.duration,
      bytes: (await stat(join(dirname(path), segment.uri))).size,
    })),
  );
  const durationSeconds = segments.reduce((sum, s) => sum + s.durationSeconds, 0);
  const totalBits = segments.reduce((sum, s) => sum + s.bytes * 8, 0);
  // A last segment of a few milliseconds is mostly container overhead and would claim many times the
  // real bit rate; the peak is taken over segments of at least a second (all of them if none is).
  const full = segments.filter((s) => s.durationSeconds >= 1);
  const peakBitRate = Math.max(...(full.length > 0 ? full : segments).map((s) => (s.durationSeconds > 0 ? (s.bytes * 8) / s.durationSeconds : 0)));
  return {
    segments,
    durationSeconds,
    targetDuration: playlist.targetDuration,
    peakBitRate: Math.ceil(peakBitRate),
    averageBitRate: Math.ceil(durationSeconds > 0 ? totalBits / durationSeconds : 0),
  };
}

export interface MasterVariant {
  uri: string;
  bandwidth: number;
  averageBandwidth: number;
  codecs: string;
  resolution?: { width: number; height: number };
  frameRate?: number | undefined;
}

/** Writes a master playlist listing `variants`, best first (players start with the first entry). */
export function masterPlaylist(variants: MasterVariant[]): string {
  const playlist = new types.MasterPlaylist({
    version: 3,
    independentSegments: true,
    variants: variants.map(
      (v) =>
        new types.Variant({
          uri: v.uri,
          bandwidth: v.bandwidth,
          averageBandwidth: v.averageBandwidth,
          codecs: v.codecs,
          ...(v.resolution ? { resolution: v.resolution } : {}),
          ...(v.frameRate ? { frameRate: Math.round(v.frameRate * 1000) / 1000 } : {}),
        }),
    ),
  });
  return `${stringify(playlist)}\n`;
}

/** RFC 6381 codec string for the H.264 we encode (profile from ffprobe, level as ffprobe reports it). */
export function avcCodecString(profile: string | undefined, level: number | undefined): string {
  // profile_idc and constraint flags as x264 writes them for each profile
  const byProfile: Record<string, string> = { 'Constrained Baseline': '42c0', Baseline: '4200', Main: '4d40', High: '6400' };
  const prefix = byProfile[profile ?? ''] ?? '6400';
  const levelHex = Math.max(0, Math.min(255, level ?? 31)).toString(16).padStart(2, '0');
  return `avc1.${prefix}${levelHex}`;
}

/** AAC-LC, the only audio codec we write into HLS. */
export const AAC_LC = 'mp4a.40.2';
