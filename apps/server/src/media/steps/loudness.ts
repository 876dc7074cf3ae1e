// Loudness normalisation to the podcast norm: −16 LUFS integrated, true peak ≤ −1 dBTP (what Apple
// Podcasts and most players level to; AES TD1008 for streamed speech). Two passes of FFmpeg's loudnorm
// (EBU R128): the first only measures; the second applies a gain computed from those measurements.
// With `linear=true` that gain is one constant for the whole file, so the dynamics the producer made are
// kept.
//
// loudnorm keeps linear mode only if the gain does not push the true peak over −1 dBTP. A quiet
// recording with a few sharp peaks (plosives, a door, a clap) fails that test, and loudnorm's dynamic
// fallback then misses the target by several LU (measured: −19 LUFS for −16 asked). For that case a
// limiter goes first: it holds the peaks at the level the gain can afford, the limited audio is measured
// again, and the linear gain then fits. Three passes instead of two, only for such files.
import { locateTools, type Tools } from './binaries.js';
import { MediaError } from './errors.js';
import { runTool } from './run-tool.js';
import type { FfmpegProgressParser } from './progress.js';
import type { LoudnessFacts } from './manifest.js';

const LOUDNESS_TARGET = { integrated: -16, truePeak: -1, range: 11 } as const;

export interface LoudnessMeasurement {
  /** Integrated loudness, LUFS (-Infinity for silence). */
  integrated: number;
  /** True peak, dBTP. */
  truePeak: number;
  /** Loudness range, LU. */
  range: number;
  threshold: number;
  targetOffset: number;
}

export interface LoudnormReport {
  input: LoudnessMeasurement;
  output: { integrated: number; truePeak: number; range: number };
  normalizationType: string;
}

// Below this the file is (nearly) silent: there is nothing to normalise, and loudnorm would amplify noise.
const SILENCE_LUFS = -70;

function value(json: Record<string, string>, key: string): number {
  const raw = json[key];
  if (raw === undefined) throw new MediaError('transcode-failed', `loudnorm printed no ${key}`);
  return raw === '-inf' ? -Infinity : raw === 'inf' ? Infinity : Number(raw);
}

/** The JSON block loudnorm prints at the end of a pass (print_format=json), from FFmpeg's log. */
export function parseLoudnorm(stderr: string): LoudnormReport {
  const at = stderr.lastIndexOf('[Parsed_loudnorm');
  const open = stderr.indexOf('{', at);
  const close = stderr.indexOf('}', open);
  if (at < 0 || open < 0 || close < 0) throw new MediaError('transcode-failed', 'loudnorm printed no measurement (was the audio decoded?)');
  const json = JSON.parse(stderr.slice(open, close + 1)) as Record<string, string>;
  return {
    input: {
      integrated: value(json, 'input_i'),
      truePeak: value(json, 'input_tp'),
      range: value(json, 'input_lra'),
      threshold: value(json, 'input_thresh'),
      targetOffset: value(json, 'target_offset'),
    },
    output: { integrated: value(json, 'output_i'), truePeak: value(json, 'output_tp'), range: value(json, 'output_lra') },
    normalizationType: json.normalization_type ?? 'unknown',
  };
}

function targetFilter(range: number) {
  return `loudnorm=I=${LOUDNESS_TARGET.integrated}:TP=${LOUDNESS_TARGET.truePeak}:LRA=${range}`;
}

/** The target loudness range: 11 LU, or the source's own when wider (up to loudnorm's maximum of 20),
 *  because a target narrower than the source forces loudnorm into its dynamic (compressing) mode. */
export function targetRange(measured: LoudnessMeasurement): number {
  return Math.min(20, Math.max(LOUDNESS_TARGET.range, Math.ceil(Number.isFinite(measured.range) ? measured.range : 0)));
}

/** First pass: the filter that only measures. */
function measureFilter(): string {
  return `${targetFilter(LOUDNESS_TARGET.range)}:print_format=json`;
}

/** Second pass: the filter that applies the measured gain; undefined when the audio is silent. */
export function normalizeFilter(measured: LoudnessMeasurement): string | undefined {
  if (!(measured.integrated > SILENCE_LUFS)) return undefined;
  const fixed = (n: number) => n.toFixed(2);
  return [
    targetFilter(targetRange(measured)),
    `measured_I=${fixed(measured.integrated)}`,
    `measured_TP=${fixed(measured.truePeak)}`,
    // loudnorm reads a measured LRA of exactly 0 as "not measured" and silently drops to dynamic mode;
    // a steady tone (or a test signal) really has 0 LU of range, so say 0.01.
    `measured_LRA=${fixed(Math.max(0.01, measured.range))}`,
    `measured_thresh=${fixed(measured.threshold)}`,
    `offset=${fixed(measured.targetOffset)}`,
    'linear=true',
    'print_format=json',
  ].join(':');
}

/** True when one gain to the target would push this file's true peak over the ceiling. */
export function peaksNeedLimiting(measured: LoudnessMeasurement): boolean {
  if (!(measured.integrated > SILENCE_LUFS)) return false;
  return measured.truePeak + (LOUDNESS_TARGET.integrated - measured.integrated) > LOUDNESS_TARGET.truePeak;
}

/** The limiter ceiling, dBFS: what the gain can afford, less 1 dB for inter-sample peaks (alimiter
 *  works on samples, the target is true peak). alimiter goes no lower than −24 dBFS; beyond that
 *  loudnorm's own dynamic mode takes the rest. */
export function limiterCeilingDb(measured: LoudnessMeasurement): number {
  const ceiling = LOUDNESS_TARGET.truePeak - (LOUDNESS_TARGET.integrated - measured.integrated) - 1;
  return Math.min(0, Math.max(-24, Math.round(ceiling * 100) / 100));
}

function limiterFilter(ceilingDb: number): string {
  // level=false: only limit, do not re-level the output (alimiter's default does).
  return `alimiter=limit=${(10 ** (ceilingDb / 20)).toFixed(5)}:attack=5:release=50:level=false`;
}

export interface MeasureOptions {
  tools?: Tools;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  progress?: FfmpegProgressParser;
  /** Which audio stream (ffprobe index); the first audio stream when absent. */
  streamIndex?: number | undefined;
  /** Filters before loudnorm (the downmix the encode pass will apply), so both passes hear the same audio. */
  preFilter?: string | undefined;
  label?: string;
}

/** First loudnorm pass over a file's audio: decode only, write nothing. */
async function measureLoudness(path: string, options: MeasureOptions): Promise<LoudnessMeasurement> {
  const { ffmpeg } = options.tools ?? locateTools();
  const map = options.streamIndex === undefined ? '0:a:0' : `0:${options.streamIndex}`;
  const { stderr } = await runTool(ffmpeg, [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info', '-progress', 'pipe:1',
    '-protocol_whitelist', 'file', '-i', `file:${path}`,
    '-map', map, '-af', options.preFilter ? `${options.preFilter},${measureFilter()}` : measureFilter(), '-f', 'null', '-',
  ], { label: options.label ?? 'loudness measurement', timeoutMs: options.timeoutMs, signal: options.signal, onStdout: (text) => options.progress?.feed(text) });
  return parseLoudnorm(stderr).input;
}

export interface Ebur128Result {
  integrated: number;
  truePeak: number;
  range: number;
}

/** An independent check with FFmpeg's ebur128 meter (not the loudnorm filter that did the work). */
export async function measureEbur128(path: string, options: { tools?: Tools; timeoutMs?: number } = {}): Promise<Ebur128Result> {
  const { ffmpeg } = options.tools ?? locateTools();
  const { stderr } = await runTool(ffmpeg, [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info', '-protocol_whitelist', 'file', '-i', `file:${path}`,
    '-map', '0:a:0', '-af', 'ebur128=peak=true', '-f', 'null', '-',
  ], { label: 'ebur128 measurement', timeoutMs: options.timeoutMs ?? 300_000 });
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const pick = (pattern: RegExp) => {
    const match = pattern.exec(summary);
    if (!match) throw new MediaError('transcode-failed', `ebur128 printed no ${pattern.source}`);
    return match[1] === '-inf' ? -Infinity : Number(match[1]);
  };
  return { integrated: pick(/I:\s+(-?[\d.]+|-inf) LUFS/), range: pick(/LRA:\s+(-?[\d.]+) LU/), truePeak: pick(/Peak:\s+(-?[\d.]+|-inf) dBFS/) };
}

export interface NormalizationPlan {
  /** Filters from the decoded stream up to and including loudnorm (without the final resample). */
  chain: string;
  /** The source as first measured. */
  source: LoudnessMeasurement;
  /** Ceiling of the limiter put before loudnorm, dBFS, when the peaks needed one. */
  limiterCeilingDb: number | undefined;
  /** False for a silent source: nothing to normalise. */
  normalizes: boolean;
}

export interface PlanOptions extends Omit<MeasureOptions, 'progress' | 'preFilter' | 'timeoutMs' | 'label'> {
  /** Filters every pass starts with (the downmix). */
  preFilter: string;
  timeoutMs: (label: string) => number;
  progress: (phase: 'measure-loudness' | 'measure-limited') => FfmpegProgressParser;
}

/** Measures (once, or twice when the peaks need a limiter) and returns the filter chain to apply. */
export async function planNormalization(path: string, options: PlanOptions): Promise<NormalizationPlan> {
  const base = { tools: options.tools, signal: options.signal, streamIndex: options.streamIndex };
  const source = await measureLoudness(path, { ...base, preFilter: options.preFilter, timeoutMs: options.timeoutMs('loudness measurement'), progress: options.progress('measure-loudness') });
  if (!peaksNeedLimiting(source)) {
    const normalize = normalizeFilter(source);
    return { chain: normalize ? `${options.preFilter},${normalize}` : options.preFilter, source, limiterCeilingDb: undefined, normalizes: normalize !== undefined };
  }
  const ceiling = limiterCeilingDb(source);
  const limited = `${options.preFilter},${limiterFilter(ceiling)}`;
  const measured = await measureLoudness(path, { ...base, label: 'loudness measurement after limiting', preFilter: limited, timeoutMs: options.timeoutMs('loudness measurement after limiting'), progress: options.progress('measure-limited') });
  const normalize = normalizeFilter(measured);
  return { chain: normalize ? `${limited},${normalize}` : limited, source, limiterCeilingDb: ceiling, normalizes: normalize !== undefined };
}

/** The manifest's loudness section, from the plan and the encode pass's log (loudnorm's report). */
export function loudnessFacts(plan: NormalizationPlan, encodeLog: string): LoudnessFacts {
  const report = plan.normalizes ? parseLoudnorm(encodeLog) : undefined;
  const { integrated, truePeak, range } = plan.source;
  return {
    target: { ...LOUDNESS_TARGET },
    input: { integrated, truePeak, range },
    output: report?.output,
    normalization: report ? report.normalizationType : 'none',
    ...(plan.limiterCeilingDb !== undefined ? { limiterCeilingDb: plan.limiterCeilingDb } : {}),
  };
}
