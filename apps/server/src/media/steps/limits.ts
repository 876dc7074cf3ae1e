// Limits every media step enforces before it spends CPU, and the time budget it gets. The defaults fit
// podcasts and documentaries; a worker passes its own (from configuration) and the CLI takes flags.

export interface MediaLimits {
  /** Largest input accepted, bytes. */
  maxInputBytes: number;
  /** Longest media accepted, seconds: checked on ffprobe's duration, before any transcoding. */
  maxDurationSeconds: number;
  /** Largest artwork file accepted, bytes. */
  maxImageBytes: number;
  /** Largest artwork accepted, pixels (width × height), so a decompression bomb is refused unread. */
  maxImagePixels: number;
  /** Time budget of a step: base + perMediaSecond × duration (× the number of renditions for video). */
  timeoutBaseMs: number;
  timeoutPerMediaSecondMs: { audio: number; video: number };
  /** ffprobe's own budget (probing reads only the start of a file). */
  probeTimeoutMs: number;
}

const DEFAULT_LIMITS: MediaLimits = {
  maxInputBytes: 20 * 1024 ** 3,
  maxDurationSeconds: 6 * 60 * 60,
  maxImageBytes: 64 * 1024 ** 2,
  maxImagePixels: 50_000_000,
  timeoutBaseMs: 120_000,
  // Measured on the 2-core machine while other work ran (bench/media.ts): audio 7–12× real time (10 min,
  // three passes), 720p → 720p + 360p about 2.5×. The budget is several times that, so a busy machine
  // does not fail good files, while a stuck FFmpeg still ends.
  timeoutPerMediaSecondMs: { audio: 250, video: 4_000 },
  probeTimeoutMs: 60_000,
};

export function resolveLimits(overrides: Partial<MediaLimits> = {}): MediaLimits {
  return { ...DEFAULT_LIMITS, ...overrides, timeoutPerMediaSecondMs: { ...DEFAULT_LIMITS.timeoutPerMediaSecondMs, ...overrides.timeoutPerMediaSecondMs } };
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : m > 0 ? `${m} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}
