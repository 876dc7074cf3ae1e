// The OpenAPI fuzz with many more cases than CI runs: every route, requests from its schemas, no 5xx allowed.
// Run: node apps/server/bin/run-ts.mjs bench/api-fuzz.ts [runs per route, default 200] [first seed, default 1] [seeds, default 3]
// Each seed is one vitest run of apps/server/test/fault/openapi-fuzz.test.ts (PGlite, and PostgreSQL when
// reachable); a failure prints the shrunk request that broke a property, with its seed to replay it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 200);
const firstSeed = Number(process.argv[3] ?? 1);
const seeds = Number(process.argv[4] ?? 3);
const root = join(import.meta.dirname, '..');
let failed = 0;
for (let seed = firstSeed; seed < firstSeed + seeds; seed += 1) {
  const started = Date.now();
  const result = spawnSync('npx', ['vitest', 'run', 'apps/server/test/fault/openapi-fuzz.test.ts'], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
  });
  const summary = `${result.stdout}`.split('\n').filter((l) => /fuzz on|Counterexample|Caused by|statuses the OpenAPI|^\s{2}[A-Z]+ \//.test(l));
  console.log(`seed ${seed}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  for (const line of summary) console.log(`  ${line.trim()}`);
  if (result.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
