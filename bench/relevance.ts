// Relevance of our Arabic-first analyzer against PostgreSQL's `arabic` text search and ILIKE substring
// search, over the Tatoeba sentences, in one run:
//   node apps/server/bin/run-ts.mjs bench/relevance.ts [--words N]
// PostgreSQL: $TEST_DATABASE_URL, else $DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres
// (a user that may create a scratch database, dropped at the end). Without a reachable server the
// PostgreSQL rows are skipped and the in-memory substring rule stands in for ILIKE.
import { reachable } from '../apps/server/test/support/services.js';
import { evaluateRelevance, formatReport } from './relevance/evaluate.js';

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const wordsArg = process.argv.indexOf('--words');
const words = wordsArg > 0 ? Number(process.argv[wordsArg + 1]) : undefined;
if (words !== undefined && !(Number.isInteger(words) && words > 0)) {
  console.error('--words expects a positive integer');
  process.exit(2);
}

const started = performance.now();
const available = await reachable(url, 5432);
const report = await evaluateRelevance({
  postgresUrl: available ? url : null,
  skipReason: `not reachable at ${new URL(url).host}`,
  ...(words !== undefined ? { words } : {}),
});
console.log(formatReport(report));
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
