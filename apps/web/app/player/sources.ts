// What the player plays for an episode, from the links in its public document: the HLS master when
// the browser plays HLS natively (Safari, iOS) or through hls.js (MSE), the MP3 otherwise.
import type { Media } from '../api/client';

export const HLS_TYPE = 'application/vnd.apple.mpegurl';

export interface Sources {
  hls: string | undefined;
  progressive: string | undefined;
  video: boolean;
  /** Waveform peaks (audiowaveform JSON) when the media pipeline made them. */
  waveform: string | undefined;
  chapters: string | undefined;
}

export function sourcesOf(media: readonly Media[]): Sources {
  const playable = media.filter((m) => m.kind === 'audio' || m.kind === 'video');
  const hls = playable.find((m) => m.mimeType === HLS_TYPE)?.url;
  const progressive = playable.find((m) => m.mimeType !== HLS_TYPE)?.url;
  return {
    hls,
    progressive,
    video: playable.some((m) => m.kind === 'video'),
    waveform: hls ? waveformUrl(hls) : undefined,
    chapters: media.find((m) => m.kind === 'chapters')?.url,
  };
}

/**
 * The waveform of a processed audio asset sits beside its HLS rendition under the same playback token
 * (…/<asset>/<job>/<token>/audio-hls/hls/master.m3u8 → …/<token>/waveform/waveform.json; see the server's
 * media/playback.ts). Links that are not ours (an imported enclosure) have none.
 */
export function waveformUrl(hlsUrl: string): string | undefined {
  const at = hlsUrl.indexOf('/audio-hls/');
  if (at < 0 || !hlsUrl.includes('/play/')) return undefined;
  return `${hlsUrl.slice(0, at)}/waveform/waveform.json`;
}

export function isPlayable(media: readonly Media[]): boolean {
  const s = sourcesOf(media);
  return Boolean(s.hls || s.progressive);
}
