// Progress of a media step as one percentage that only goes up and ends at 100.
//
// FFmpeg's `-progress pipe:1` writes blocks of key=value lines, each ended by `progress=continue` (or
// `progress=end`). `out_time_us` is how far into the media the output is; with the duration from
// ffprobe that is a fraction. Older builds (the npm static build) also write `out_time_ms`, which is, despite
// its name, microseconds as well; `out_time` is HH:MM:SS.micro. A step runs several FFmpeg passes, so
// each pass is a phase with a weight, and the step's percentage is the weighted sum.

export interface MediaProgress {
  /** 0..100, never decreasing within a step. */
  percent: number;
  /** The pass running now: "measure-loudness", "encode", "poster", "renditions" ... */
  phase: string;
}

export type ProgressListener = (progress: MediaProgress) => void;

/** Parses FFmpeg -progress output, calling onSeconds with the output position of each block. */
export class FfmpegProgressParser {
  private buffer = '';
  private seconds: number | undefined;

  constructor(private readonly onSeconds: (seconds: number, ended: boolean) => void) {}

  feed(text: string) {
    this.buffer += text;
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline).trim();
      this.buffer = this.buffer.slice(newline + 1);
      const equals = line.indexOf('=');
      if (equals < 0) continue;
      const key = line.slice(0, equals);
      const value = line.slice(equals + 1);
      if (key === 'out_time_us' || key === 'out_time_ms') {
        const micros = Number(value);
        if (Number.isFinite(micros) && micros >= 0) this.seconds = micros / 1e6;
      } else if (key === 'out_time' && this.seconds === undefined) {
        const match = /^(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(value);
        if (match) this.seconds = Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
      } else if (key === 'progress') {
        if (this.seconds !== undefined || value === 'end') this.onSeconds(this.seconds ?? 0, value === 'end');
        this.seconds = undefined;
      }
    }
  }
}

export interface Phase {
  name: string;
  /** Share of the step's work, any positive number; shares are normalised. */
  weight: number;
}

/** Turns per-phase fractions into one monotonic percentage for a listener. */
export class ProgressReporter {
  private readonly starts = new Map<string, { start: number; share: number }>();
  private last = -1;

  constructor(phases: Phase[], private readonly listener: ProgressListener | undefined) {
    const total = phases.reduce((sum, phase) => sum + phase.weight, 0) || 1;
    let start = 0;
    for (const phase of phases) {
      const share = (phase.weight / total) * 100;
      this.starts.set(phase.name, { start, share });
      start += share;
    }
  }

  /** Reports that `phase` is `fraction` (0..1) done. Unknown phases and backward steps are ignored. */
  update(phase: string, fraction: number) {
    const entry = this.starts.get(phase);
    if (!entry) return;
    const bounded = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
    // Two decimals: enough for a progress bar, few enough events for a long file. 100 is kept for done():
    // the last pass ending is not the step ending (outputs still have to be described and moved into place).
    const percent = Math.min(99.9, Math.floor((entry.start + entry.share * bounded) * 100) / 100);
    if (percent <= this.last) return;
    this.last = percent;
    this.listener?.({ percent, phase });
  }

  /** A parser for one FFmpeg pass of `phase` over media of `durationSeconds`. */
  ffmpeg(phase: string, durationSeconds: number): FfmpegProgressParser {
    return new FfmpegProgressParser((seconds, ended) => {
      this.update(phase, ended ? 1 : durationSeconds > 0 ? seconds / durationSeconds : 0);
    });
  }

  /** The step finished (and its outputs are in place). */
  done(phase = 'done') {
    if (this.last >= 100) return;
    this.last = 100;
    this.listener?.({ percent: 100, phase });
  }
}
