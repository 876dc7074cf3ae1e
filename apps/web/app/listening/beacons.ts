// Listening beacons from the site's player: play, progress (every 30 s of playback), complete and seek,
// queued and sent in batches with navigator.sendBeacon, which the browser delivers even as the page
// goes away. Batches go out every 30 s, when the page is hidden (tab switched, phone locked) and on
// pagehide. The body is JSON sent as text/plain: a CORS-safelisted type, so no preflight is needed
// (beacons cannot make one). Each event carries its own random id, so a batch delivered twice counts once.
import { listenerId } from './listener-id';

export const BEACON_URL = '/api/discovery/listening/events';
const FLUSH_MS = 30_000;
const MAX_BATCH = 100; // the server's limit
const MAX_QUEUE = 500; // offline for long: the oldest go first

export type BeaconKind = 'play' | 'progress' | 'complete' | 'seek';

interface Beacon {
  id: string;
  kind: BeaconKind;
  episode: string;
  position: number;
  listened?: number;
  at: string;
}

let queue: Beacon[] = [];
let installed = false;

function install() {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.setInterval(flushBeacons, FLUSH_MS);
  window.addEventListener('pagehide', flushBeacons);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushBeacons();
  });
}

export function recordBeacon(kind: BeaconKind, episode: string, position: number, listened?: number) {
  if (typeof window === 'undefined') return;
  install();
  queue.push({
    id: crypto.randomUUID(), kind, episode, position: Math.max(0, Math.round(position * 10) / 10),
    ...(listened !== undefined ? { listened: Math.min(120, Math.round(listened * 10) / 10) } : {}),
    at: new Date().toISOString(),
  });
  if (queue.length > MAX_QUEUE) queue = queue.slice(-MAX_QUEUE);
}

export function flushBeacons() {
  const listener = listenerId();
  if (!listener || queue.length === 0 || typeof navigator === 'undefined' || !navigator.sendBeacon) return;
  while (queue.length > 0) {
    const batch = queue.slice(0, MAX_BATCH);
    const body = new Blob([JSON.stringify({ listener, events: batch })], { type: 'text/plain;charset=UTF-8' });
    // false: the browser refused to queue it (too much data in flight); keep it for the next flush.
    if (!navigator.sendBeacon(BEACON_URL, body)) return;
    queue = queue.slice(batch.length);
  }
}

/**
 * Follows one media element playing one episode: a play beacon when playback first starts, a progress
 * beacon for every 30 s actually played (seeking does not count as listening), complete at the end, and
 * seek when the listener jumps. The result stops following (and flushes what is queued).
 */
export function trackListening(media: HTMLMediaElement, episodeId: string): () => void {
  let started = false;
  let listened = 0;
  let last = media.currentTime;
  const onPlaying = () => {
    last = media.currentTime;
    if (!started) {
      started = true;
      recordBeacon('play', episodeId, media.currentTime);
    }
  };
  const onTime = () => {
    const delta = media.currentTime - last;
    last = media.currentTime;
    // Only steady playback counts: a jump (seek) or a paused element adds nothing.
    if (!media.paused && delta > 0 && delta < 2) listened += delta;
    if (listened >= 30) {
      recordBeacon('progress', episodeId, media.currentTime, listened);
      listened = 0;
    }
  };
  const onSeeked = () => {
    last = media.currentTime;
    if (started) recordBeacon('seek', episodeId, media.currentTime);
  };
  const onEnded = () => {
    recordBeacon('complete', episodeId, media.currentTime, listened);
    listened = 0;
    started = false; // playing it again is another play
    flushBeacons();
  };
  media.addEventListener('playing', onPlaying);
  media.addEventListener('timeupdate', onTime);
  media.addEventListener('seeked', onSeeked);
  media.addEventListener('ended', onEnded);
  return () => {
    media.removeEventListener('playing', onPlaying);
    media.removeEventListener('timeupdate', onTime);
    media.removeEventListener('seeked', onSeeked);
    media.removeEventListener('ended', onEnded);
    if (listened >= 1) recordBeacon('progress', episodeId, media.currentTime, listened);
    flushBeacons();
  };
}
