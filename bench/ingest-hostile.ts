// Hostile feed markup (issue 15): time to read documents of unclosed `<!--` / `<![CDATA[` of growing size.
// Linear parsing means each doubling of the input about doubles the time (ratio ~2); the regex this replaced
// made it ~4 (80 KB 1.0 s, 160 KB 3.4 s). Compared with the 1.6 MB Giant Bomb feed read in the same run.
// Run: node apps/server/bin/run-ts.mjs bench/ingest-hostile.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readXml } from '../apps/server/src/ingest/xml.js';
import { fixturesDir } from '../apps/server/src/paths.js';

function time(run: () => unknown, rounds = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = process.hrtime.bigint();
    try {
      run();
    } catch {
      // Refused documents are the expected outcome; the time to refuse is what is measured.
    }
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

const real = readFileSync(join(fixturesDir, 'feeds', 'en_giantbomb-podcast.rss'));
console.log(`baseline: 1.6 MB real feed  ${time(() => readXml(real)).toFixed(1)} ms`);
for (const [label, build] of [
  ['<!-- unclosed', (n: number) => `<rss>${'<!--'.repeat(n / 4)}`],
  ['<![CDATA[ unclosed', (n: number) => `<rss>${'<![CDATA['.repeat(n / 9)}`],
  ['<!-- after the root', (n: number) => `<rss></rss>${'<!--'.repeat(n / 4)}`],
] as const) {
  let previous: number | undefined;
  for (const kb of [256, 512, 1024, 2048, 4096]) {
    const text = build(kb * 1024);
    const ms = time(() => readXml(text));
    console.log(`${label.padEnd(20)} ${String(kb).padStart(5)} KB  ${ms.toFixed(1).padStart(7)} ms${previous ? `  ×${(ms / previous).toFixed(2)} of half the size` : ''}`);
    previous = ms;
  }
}
