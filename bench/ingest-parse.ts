// Feed import speed: parse + map of the 730-item Giant Bomb feed (1.6 MB), beside baselines measured in the
// same run on the same machine:
//   - sax alone: the underlying parser over the same text, no handlers, no tree (the floor for any sax reader)
//   - JSON.parse of the mapped result: reading the same information when it is already structured
// The cases run round-robin (one of each per round), so a busy machine slows them alike; each ratio is the
// median of the per-round ratios to the sax baseline of the same round.
// Run: node apps/server/bin/run-ts.mjs bench/ingest-parse.ts [rounds]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sax from 'sax';
import { importDocument } from '../apps/server/src/ingest/registry.js';
import { mapRss, parseRss } from '../apps/server/src/ingest/sources/rss.js';
import { readXml } from '../apps/server/src/ingest/xml.js';
import { fixturesDir } from '../apps/server/src/paths.js';

const rounds = Number(process.argv[2] ?? 30);
const bytes = readFileSync(join(fixturesDir, 'feeds', 'en_giantbomb-podcast.rss'));
const text = bytes.toString('utf8');
const items = importDocument(bytes).episodes.length;
const asJson = JSON.stringify(importDocument(bytes));
const tree = readXml(bytes);

const cases: [string, () => unknown][] = [
  ['baseline: sax parse only (no tree)', () => sax.parser(true, {}).write(text).close()],
  ['baseline: JSON.parse of the mapped drafts', () => JSON.parse(asJson)],
  ['readXml: decode + safe parse to tree', () => readXml(bytes)],
  ['parse + map from a ready tree', () => mapRss(parseRss(tree))],
  ['importDocument: decode + parse + map', () => importDocument(bytes)],
];

const time = (run: () => unknown) => {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
for (let i = 0; i < 5; i += 1) for (const [, run] of cases) run(); // warm up the JIT

const times = cases.map(() => [] as number[]);
const ratios = cases.map(() => [] as number[]);
for (let round = 0; round < rounds; round += 1) {
  const baseline = time(cases[0]![1]);
  times[0]!.push(baseline);
  ratios[0]!.push(1);
  for (let c = 1; c < cases.length; c += 1) {
    const ms = time(cases[c]![1]);
    times[c]!.push(ms);
    ratios[c]!.push(ms / baseline);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(`Giant Bomb feed: ${(bytes.length / 1e6).toFixed(2)} MB, ${items} items, ${rounds} rounds, Node ${process.version}`);
console.log(`${'case'.padEnd(44)} ${'median'.padStart(9)} ${'min'.padStart(9)} ${'items/s'.padStart(9)}  ratio to sax (median of rounds)`);
cases.forEach(([name], c) => {
  const m = median(times[c]!);
  console.log(`${name.padEnd(44)} ${`${m.toFixed(1)} ms`.padStart(9)} ${`${Math.min(...times[c]!).toFixed(1)} ms`.padStart(9)} ${(items / (m / 1000)).toFixed(0).padStart(9)}  ×${median(ratios[c]!).toFixed(2)}`);
});
const full = median(times[4]!);
console.log(`import (decode + parse + map): ${(items / (full / 1000)).toFixed(0)} items/s, ×${median(ratios[4]!).toFixed(2)} the time of a bare sax parse of the same text`);
