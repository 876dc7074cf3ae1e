// The listener's player state, above the routed pages so that playback survives navigation. One media
// element (audio, or video for video episodes) is owned by the player bar; this provider loads sources
// into it (native HLS, hls.js loaded only when needed, the MP3 as fallback), keeps the resume position,
// and wires the Media Session API (lock-screen controls and artwork).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Media } from '../api/client';
import { sourcesOf } from './sources';
import { attachHls } from './hls-source';
import { savePosition, savedPosition } from './resume';
import { trackListening } from '../listening/beacons';

export interface PlayerItem {
  id: string;
  title: string;
  programTitle: string;
  programSlug: string;
  artworkUrl: string | null;
  media: readonly Media[];
  durationSeconds: number | null;
  locale: 'ar' | 'en';
}

export const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

interface PlayerState {
  item: PlayerItem | null;
  playing: boolean;
  time: number;
  duration: number;
  rate: number;
  failed: boolean;
}

interface PlayerApi extends PlayerState {
  play(item: PlayerItem): void;
  toggle(): void;
  seek(seconds: number): void;
  skip(delta: number): void;
  setRate(rate: number): void;
  attach(element: HTMLMediaElement | null): void;
}

const PlayerContext = createContext<PlayerApi | null>(null);

export function usePlayer(): PlayerApi {
  const player = useContext(PlayerContext);
  if (!player) throw new Error('usePlayer outside PlayerProvider');
  return player;
}

interface HlsLike {
  destroy(): void;
}

export function PlayerProvider({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<PlayerState>({ item: null, playing: false, time: 0, duration: 0, rate: 1, failed: false });
  const element = useRef<HTMLMediaElement | null>(null);
  const hls = useRef<HlsLike | null>(null);
  const pending = useRef<PlayerItem | null>(null);
  const lastSaved = useRef(0);

  const load = useCallback(async (media: HTMLMediaElement, item: PlayerItem) => {
    hls.current?.destroy();
    hls.current = null;
    const sources = sourcesOf(item.media);
    const resumeAt = savedPosition(item.id);
    media.addEventListener('loadedmetadata', () => {
      if (resumeAt > 0 && (!media.duration || resumeAt < media.duration - 15)) media.currentTime = resumeAt;
    }, { once: true });
    const fallback = () => {
      if (sources.progressive && media.src !== sources.progressive) {
        hls.current?.destroy();
        hls.current = null;
        media.src = sources.progressive;
        void media.play().catch(() => {});
      } else setState((s) => ({ ...s, failed: true, playing: false }));
    };
    if (sources.hls) {
      // hls.js is 150 kB: fetched on the first play in a browser without native HLS, never on page load.
      const attached = await attachHls(media, sources.hls, { startPosition: resumeAt, onFatal: fallback });
      if (attached === 'unsupported') {
        if (sources.progressive) media.src = sources.progressive;
      } else hls.current = attached;
    } else if (sources.progressive) {
      media.src = sources.progressive;
    }
    media.onerror = fallback;
    media.playbackRate = state.rate;
    await media.play().catch(() => {
      // Autoplay refused (no user gesture yet): the play button starts it.
    });
  }, [state.rate]);

  const play = useCallback((item: PlayerItem) => {
    setState((s) => {
      if (s.item?.id === item.id) {
        const media = element.current;
        if (media) void (media.paused ? media.play() : Promise.resolve()).catch(() => {});
        return s;
      }
      pending.current = item;
      return { ...s, item, time: 0, duration: item.durationSeconds ?? 0, failed: false };
    });
  }, []);

  // The element for a new item may be a new one (audio ↔ video): load once it is attached.
  const attach = useCallback((media: HTMLMediaElement | null) => {
    element.current = media;
    const item = pending.current;
    if (media && item) {
      pending.current = null;
      void load(media, item);
    }
  }, [load]);

  useEffect(() => {
    const media = element.current;
    const item = pending.current;
    if (media && item && media.isConnected) {
      pending.current = null;
      void load(media, item);
    }
  }, [state.item, load]);

  // Element events → state; position saved every few seconds and on pause.
  useEffect(() => {
    const media = element.current;
    const item = state.item;
    if (!media || !item) return;
    const onTime = () => {
      setState((s) => ({ ...s, time: media.currentTime, duration: Number.isFinite(media.duration) ? media.duration : s.duration }));
      if (Math.abs(media.currentTime - lastSaved.current) >= 5) {
        lastSaved.current = media.currentTime;
        savePosition(item.id, media.currentTime, media.duration);
      }
    };
    const onPlay = () => setState((s) => ({ ...s, playing: true }));
    const onPause = () => {
      setState((s) => ({ ...s, playing: false }));
      savePosition(item.id, media.currentTime, media.duration);
    };
    const onRate = () => setState((s) => ({ ...s, rate: media.playbackRate }));
    media.addEventListener('timeupdate', onTime);
    media.addEventListener('durationchange', onTime);
    media.addEventListener('play', onPlay);
    media.addEventListener('pause', onPause);
    media.addEventListener('ended', onPause);
    media.addEventListener('ratechange', onRate);
    return () => {
      media.removeEventListener('timeupdate', onTime);
      media.removeEventListener('durationchange', onTime);
      media.removeEventListener('play', onPlay);
      media.removeEventListener('pause', onPause);
      media.removeEventListener('ended', onPause);
      media.removeEventListener('ratechange', onRate);
    };
  }, [state.item]);

  // Listening beacons (play, progress, complete, seek) for the item playing: analytics and "for you".
  useEffect(() => {
    const media = element.current;
    const item = state.item;
    if (!media || !item) return;
    return trackListening(media, item.id);
  }, [state.item]);

  const toggle = useCallback(() => {
    const media = element.current;
    if (!media) return;
    if (media.paused) void media.play().catch(() => {});
    else media.pause();
  }, []);
  const seek = useCallback((seconds: number) => {
    const media = element.current;
    if (!media) return;
    const end = Number.isFinite(media.duration) ? media.duration : Infinity;
    media.currentTime = Math.min(Math.max(0, seconds), end);
    setState((s) => ({ ...s, time: media.currentTime }));
  }, []);
  const skip = useCallback((delta: number) => {
    const media = element.current;
    if (media) seek(media.currentTime + delta);
  }, [seek]);
  const setRate = useCallback((rate: number) => {
    const media = element.current;
    if (media) media.playbackRate = rate;
    setState((s) => ({ ...s, rate }));
  }, []);

  // Media Session: the lock screen and headset buttons drive the same player.
  useEffect(() => {
    const item = state.item;
    if (!item || typeof navigator === 'undefined' || !('mediaSession' in navigator)) return;
    navigator.mediaSession.metadata = new MediaMetadata({
      title: item.title,
      artist: item.programTitle,
      album: item.programTitle,
      artwork: item.artworkUrl ? [{ src: item.artworkUrl, sizes: '1400x1400', type: 'image/jpeg' }] : [],
    });
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => void element.current?.play().catch(() => {})],
      ['pause', () => element.current?.pause()],
      ['seekbackward', (details) => skip(-(details.seekOffset ?? 15))],
      ['seekforward', (details) => skip(details.seekOffset ?? 30)],
      ['seekto', (details) => details.seekTime !== undefined && seek(details.seekTime)],
    ];
    for (const [action, handler] of handlers) {
      try {
        navigator.mediaSession.setActionHandler(action, handler);
      } catch {
        // An action this browser does not know.
      }
    }
  }, [state.item, seek, skip]);

  useEffect(() => {
    if (typeof navigator === 'undefined' || !('mediaSession' in navigator) || !state.item) return;
    navigator.mediaSession.playbackState = state.playing ? 'playing' : 'paused';
    if (state.duration > 0 && state.time <= state.duration) {
      try {
        navigator.mediaSession.setPositionState({ duration: state.duration, position: state.time, playbackRate: state.rate });
      } catch {
        // Inconsistent values while a source loads.
      }
    }
  }, [state.playing, state.time, state.duration, state.rate, state.item]);

  const value = useMemo<PlayerApi>(() => ({ ...state, play, toggle, seek, skip, setRate, attach }), [state, play, toggle, seek, skip, setRate, attach]);
  return <PlayerContext.Provider value={value}>{children}</PlayerContext.Provider>;
}
