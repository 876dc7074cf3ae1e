// Throughput of the analyzer against the cheapest possible "analysis", measured in the same run:
//   node apps/server/bin/run-ts.mjs bench/analyzer.ts [--seconds S]
// Input: the Tatoeba Arabic and English sentences, joined into documents of about 60 words (the size of
// an episode description). Baseline: text.toLowerCase().split(/\s+/) — no normalisation, no offsets, no
// stemming. Reported: tokens per second of each and the ratio (how many times slower ours is).
import { analyze } from '../apps/server/src/search/analysis/analyzer.js';
import { normalize } from '../apps/server/src/search/analysis/normalize.js';
import { loadTatoeba } from './relevance/tatoeba.js';

const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 4;
if (!(seconds > 0 && seconds <= 60)) {
  console.error('--seconds expects a number in (0, 60]');
  process.exit(2);
}

function documents(pick: (row: { ar: string; en: string }) => string): string[] {
  const docs: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const row of loadTatoeba()) {
    const sentence = pick(row);
    current.push(sentence);
    words += sentence.split(' ').length;
    if (words >= 60) {
      docs.push(current.join(' '));
      current = [];
      words = 0;
    }
  }
  if (current.length > 0) docs.push(current.join(' '));
  return docs;
}

const WHITESPACE = /\s+/;
const baseline = (text: string) => text.toLowerCase().split(WHITESPACE).length;
const ours = (text: string) => analyze(text).length;
const oursQuery = (text: string) => analyze(text, { mode: 'query' }).length;
const normalizeOnly = (text: string) => (normalize(text).length > 0 ? 1 : 0);

/** Tokens per second of one timed slice: `fn` over the documents for about `ms` milliseconds. */
function slice(docs: readonly string[], fn: (text: string) => number, tokensPerPass: number, ms: number): number {
  let passes = 0;
  let sink = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (const d of docs) sink += fn(d);
    passes++;
    elapsed = performance.now() - started;
  }
  if (sink < 0) console.log(sink); // keeps the work observable
  return (tokensPerPass * passes) / (elapsed / 1000);
}

/**
 * Best throughput of each contender over ROUNDS interleaved slices. Interleaving and taking the best
 * slice keep the ratio fair on a shared, busy machine: both see the same disturbances.
 */
const ROUNDS = 5;
function measureAll(docs: readonly string[], contenders: Record<string, (text: string) => number>, tokensPerPass: number): Record<string, number> {
  const best: Record<string, number> = {};
  for (const fn of Object.values(contenders)) for (const d of docs) fn(d); // warm-up: JIT both first
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(contenders)) {
      best[name] = Math.max(best[name] ?? 0, slice(docs, fn, tokensPerPass, (seconds * 1000) / ROUNDS));
    }
  }
  return best;
}

const format = (n: number) => `${(n / 1e6).toFixed(2)} M tokens/s`;
console.log(`analyzer throughput (${seconds} s per contender, best of ${ROUNDS} interleaved slices, Node ${process.version})`);
for (const [name, docs] of [
  ['Arabic', documents((r) => r.ar)],
  ['English', documents((r) => r.en)],
] as const) {
  // Both are credited with the same token count (ours), so the ratio is a ratio of time per text.
  const words = (text: string) => analyze(text).length;
  const tokens = docs.reduce((sum, d) => sum + words(d), 0);
  const r = measureAll(docs, { baseline, normalizeOnly, ours, oursQuery }, tokens);
  const base = r.baseline as number;
  const ratio = (x: number | undefined) => `${(base / (x as number)).toFixed(1)}× the baseline's time`;
  console.log(`\n${name}: ${docs.length} documents, ${tokens} tokens`);
  console.log(`  baseline toLowerCase().split(/\\s+/)  ${format(base)}`);
  console.log(`  normalize() only                      ${format(r.normalizeOnly as number)}   (${ratio(r.normalizeOnly)})`);
  console.log(`  analyze() index mode                  ${format(r.ours as number)}   (${ratio(r.ours)})`);
  console.log(`  analyze() query mode                  ${format(r.oursQuery as number)}   (${ratio(r.oursQuery)})`);
}
