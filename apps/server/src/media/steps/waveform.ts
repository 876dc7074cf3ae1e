// Waveform peaks for the player, computed from the decoded PCM FFmpeg streams to us (s16le, mono, on
// pipe:3 of the encode pass, so the audio is decoded once). Memory stays bounded for any length: each
// bucket of samples is folded into one min/max pair as it streams past.
//
// The output is BBC audiowaveform's JSON format (version 2, 8 bits), which peaks.js and wavesurfer read
// as is: { version, channels, sample_rate, samples_per_pixel, bits, length, data: [min, max, ...] }.
import { Writable } from 'node:stream';

export interface WaveformOptions {
  /** Resolution for short files. */
  peaksPerSecond: number;
  /** Cap on the number of min/max pairs, so a 10-hour file stays a small JSON document. */
  maxPeaks: number;
}

export const DEFAULT_WAVEFORM: WaveformOptions = { peaksPerSecond: 10, maxPeaks: 20_000 };

export interface Waveform {
  version: 2;
  channels: 1;
  sample_rate: number;
  samples_per_pixel: number;
  bits: 8;
  length: number;
  data: number[];
}

/** Samples per min/max pair: peaksPerSecond's worth, or wider when the file would exceed maxPeaks. */
export function samplesPerPeak(durationSeconds: number, sampleRate: number, options: WaveformOptions = DEFAULT_WAVEFORM): number {
  const byRate = Math.max(1, Math.round(sampleRate / options.peaksPerSecond));
  const byCap = Math.ceil((durationSeconds * sampleRate) / options.maxPeaks);
  return Math.max(byRate, byCap);
}

/** A Writable that takes s16le mono PCM and keeps one min/max pair per `samplesPerPixel` samples. */
export class PeakCollector extends Writable {
  private readonly data: number[] = [];
  private min = 0;
  private max = 0;
  private inBucket = 0;
  private carry: Buffer | undefined;
  private samples = 0;

  constructor(private readonly sampleRate: number, private readonly samplesPerPixel: number) {
    super({ highWaterMark: 1 << 20 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void) {
    let bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    if (bytes.length % 2 === 1) {
      this.carry = bytes.subarray(bytes.length - 1);
      bytes = bytes.subarray(0, bytes.length - 1);
    }
    // Int16Array needs an even byte offset; a copy is cheap next to decoding.
    const aligned = bytes.byteOffset % 2 === 0 ? bytes : Buffer.from(bytes);
    const samples = new Int16Array(aligned.buffer, aligned.byteOffset, aligned.length / 2);
    let { min, max, inBucket } = this;
    const size = this.samplesPerPixel;
    for (let i = 0; i < samples.length; i++) {
      const sample = samples[i]!;
      if (sample < min) min = sample;
      if (sample > max) max = sample;
      if (++inBucket === size) {
        this.data.push(min >> 8, max >> 8);
        min = 0;
        max = 0;
        inBucket = 0;
      }
    }
    this.min = min;
    this.max = max;
    this.inBucket = inBucket;
    this.samples += samples.length;
    callback();
  }

  /** The waveform once the stream has ended (a partial last bucket counts). */
  result(): Waveform {
    const data = this.inBucket > 0 ? [...this.data, this.min >> 8, this.max >> 8] : [...this.data];
    return { version: 2, channels: 1, sample_rate: this.sampleRate, samples_per_pixel: this.samplesPerPixel, bits: 8, length: data.length / 2, data };
  }

  /** Decoded samples seen, for checks (duration = samples / sample rate). */
  get sampleCount() {
    return this.samples;
  }
}
