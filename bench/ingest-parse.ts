// Feed import speed: parse + map of the 730-item Giant Bomb feed (1.6 MB), beside baselines measured in the
// same run on the same machine:
//   - sax alone: the underlying parser over the same text, no handlers, no tree (the floor for any sax reader)
//   - JSON.parse of the mapped result: reading the same information when it is already structured
// Run: node apps/server/bin/run-ts.mjs bench/ingest-parse.ts [iterations]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sax from 'sax';
import { fixturesDir } from '../apps/server/src/paths.js';
import { importDocument } from '../apps/server/src/ingest/registry.js';
import { parseRss, mapRss } from '../apps/server/src/ingest/sources/rss.js';
import { readXml } from '../apps/server/src/ingest/xml.js';

const iterations = Number(process.argv[2] ?? 30);
const bytes = readFileSync(join(fixturesDir, 'feeds', 'en_giantbomb-podcast.rss'));
const text = bytes.toString('utf8');
const items = importDocument(bytes).episodes.length;
const asJson = JSON.stringify(importDocument(bytes));

function measure(run: () => unknown): { median: number; min: number } {
  for (let i = 0; i < 5; i += 1) run(); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]! };
}

// Interleave nothing: each case runs its iterations in turn, baselines first and last to expose drift.
const results: [string, { median: number; min: number }][] = [
  ['baseline: sax parse only (no tree)', measure(() => sax.parser(true, {}).write(text).close())],
  ['baseline: JSON.parse of the mapped drafts', measure(() => JSON.parse(asJson))],
  ['readXml: decode + safe parse to tree', measure(() => readXml(bytes))],
  ['importDocument: decode + parse + map', measure(() => importDocument(bytes))],
  ['parse + map from a ready tree', (() => {
    const doc = readXml(bytes);
    return measure(() => mapRss(parseRss(doc)));
  })()],
  ['baseline again: sax parse only', measure(() => sax.parser(true, {}).write(text).close())],
];

const baseline = Math.min(results[0]![1].median, results[5]![1].median);
const full = results[3]![1].median;
console.log(`Giant Bomb feed: ${(bytes.length / 1e6).toFixed(2)} MB, ${items} items, ${iterations} iterations (median ms; ratio to the sax-only baseline)`);
for (const [name, { median, min }] of results) {
  console.log(`${name.padEnd(44)} ${median.toFixed(1).padStart(7)} ms (min ${min.toFixed(1).padStart(6)})  ${(items / (median / 1000)).toFixed(0).padStart(7)} items/s  ×${(median / baseline).toFixed(2)}`);
}
console.log(`import (parse + map) runs at ${(items / (full / 1000)).toFixed(0)} items/s, ${(full / baseline).toFixed(2)}× the time of a bare sax parse of the same text`);
