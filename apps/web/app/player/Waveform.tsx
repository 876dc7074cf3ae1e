// The scrubber: a range input (keyboard and screen-reader seekable, the accessible control) over a
// canvas drawn from the episode's waveform peaks; without peaks it is a plain progress bar.
import { useEffect, useRef, useState } from 'react';

interface Peaks {
  data: number[];
}

const cache = new Map<string, Promise<number[] | null>>();

function loadPeaks(url: string): Promise<number[] | null> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetch(url)
      .then((response) => (response.ok ? (response.json() as Promise<Peaks>) : null))
      .then((json) => (json && Array.isArray(json.data) ? json.data : null))
      .catch(() => null);
    cache.set(url, pending);
  }
  return pending;
}

/** Folds min/max pairs into `bars` heights in 0..1. */
export function barHeights(data: readonly number[], bars: number): number[] {
  const pairs = Math.floor(data.length / 2);
  if (pairs === 0 || bars <= 0) return [];
  const heights: number[] = [];
  for (let bar = 0; bar < bars; bar++) {
    const from = Math.floor((bar * pairs) / bars);
    const to = Math.max(from + 1, Math.floor(((bar + 1) * pairs) / bars));
    let peak = 0;
    for (let i = from; i < to && i < pairs; i++) peak = Math.max(peak, Math.abs(data[2 * i] ?? 0), Math.abs(data[2 * i + 1] ?? 0));
    heights.push(Math.min(1, peak / 128));
  }
  return heights;
}

export function Scrubber(props: { label: string; time: number; duration: number; valueText: string; waveformUrl: string | undefined; onSeek(seconds: number): void; rtl: boolean }) {
  const { label, time, duration, valueText, waveformUrl, onSeek, rtl } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [peaks, setPeaks] = useState<number[] | null>(null);

  useEffect(() => {
    setPeaks(null);
    if (!waveformUrl) return;
    let live = true;
    void loadPeaks(waveformUrl).then((data) => live && setPeaks(data));
    return () => {
      live = false;
    };
  }, [waveformUrl]);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const width = element.clientWidth;
    const height = element.clientHeight;
    if (!width || !height) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.round(width * ratio);
    element.height = Math.round(height * ratio);
    const g = element.getContext('2d');
    if (!g) return;
    g.scale(ratio, ratio);
    g.clearRect(0, 0, width, height);
    const played = duration > 0 ? Math.min(1, time / duration) : 0;
    const style = getComputedStyle(element);
    const done = style.getPropertyValue('--played').trim() || '#0f3d3e';
    const rest = style.getPropertyValue('--unplayed').trim() || '#9bb';
    const bars = peaks ? barHeights(peaks, Math.floor(width / 3)) : [];
    if (bars.length === 0) {
      const y = height / 2 - 2;
      g.fillStyle = rest;
      g.fillRect(0, y, width, 4);
      g.fillStyle = done;
      g.fillRect(rtl ? width * (1 - played) : 0, y, width * played, 4);
      return;
    }
    bars.forEach((h, i) => {
      const x = rtl ? width - (i + 1) * 3 : i * 3;
      const barHeight = Math.max(2, h * height);
      g.fillStyle = i / bars.length < played ? done : rest;
      g.fillRect(x, (height - barHeight) / 2, 2, barHeight);
    });
  }, [peaks, time, duration, rtl]);

  return (
    <div className="scrubber">
      <canvas ref={canvas} aria-hidden="true" />
      <input
        type="range"
        aria-label={label}
        aria-valuetext={valueText}
        min={0}
        max={Math.max(1, Math.floor(duration))}
        step={1}
        value={Math.min(Math.floor(time), Math.max(1, Math.floor(duration)))}
        onChange={(event) => onSeek(Number(event.target.value))}
      />
    </div>
  );
}
