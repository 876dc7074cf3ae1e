// A bar chart of plays per hour or day, with unique listeners as a line: plain SVG, named and described
// for screen readers (role="img", its title and a summary), the same numbers in a table beside it. Time
// runs with the reading direction: right to left in Arabic.
import { useId } from 'react';

export interface Point {
  at: string;
  label: string;
  plays: number;
  listeners: number;
}

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, bottom: 28, side: 36 };

export function ListeningChart({ title, summary, points, dir, legend, format }: {
  title: string;
  summary: string;
  points: Point[];
  dir: 'rtl' | 'ltr';
  legend: { plays: string; listeners: string };
  /** Numbers in the screen's numerals (Arabic-Indic in Arabic), as in the table beside the chart. */
  format: (value: number) => string;
}) {
  const id = useId();
  const max = Math.max(1, ...points.map((p) => Math.max(p.plays, p.listeners)));
  const inner = WIDTH - PAD.side * 2;
  const step = inner / Math.max(1, points.length);
  const y = (v: number) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - v / max);
  // Position i from the start of the reading direction.
  const x = (i: number) => (dir === 'rtl' ? WIDTH - PAD.side - step * (i + 1) : PAD.side + step * i);
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${(x(i) + step / 2).toFixed(1)},${y(p.listeners).toFixed(1)}`).join(' ');
  const ticks = Math.max(1, Math.ceil(points.length / 8));
  return (
    <figure className="listening-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-t ${id}-d`} width="100%">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        <line x1={PAD.side} x2={WIDTH - PAD.side} y1={y(0)} y2={y(0)} stroke="#8a8174" />
        <text x={dir === 'rtl' ? WIDTH - 4 : 4} y={y(max) + 4} fontSize="11" textAnchor={dir === 'rtl' ? 'end' : 'start'} fill="#4a4339">{format(max)}</text>
        {points.map((p, i) => (
          <rect key={p.at} x={x(i) + step * 0.15} width={step * 0.7} y={y(p.plays)} height={Math.max(0, y(0) - y(p.plays))} fill="#2a6f97">
            <title>{`${p.label}: ${p.plays} / ${p.listeners}`}</title>
          </rect>
        ))}
        {points.length > 1 ? <path d={line} fill="none" stroke="#c2571a" strokeWidth="2" /> : null}
        {points.map((p, i) => (i % ticks === 0 ? (
          <text key={`l-${p.at}`} x={x(i) + step / 2} y={HEIGHT - 8} fontSize="11" textAnchor="middle" fill="#4a4339">{p.label}</text>
        ) : null))}
      </svg>
      <figcaption className="chart-legend">
        <span><span className="swatch" style={{ background: '#2a6f97' }} aria-hidden="true" /> {legend.plays}</span>
        <span><span className="swatch" style={{ background: '#c2571a' }} aria-hidden="true" /> {legend.listeners}</span>
      </figcaption>
    </figure>
  );
}
