// `npm run bench -- <name> [args]` runs bench/<name>.ts; without a name it lists the benchmarks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = import.meta.dirname;
const benches = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['run.ts', 'support.ts'].includes(f)).map((f) => f.slice(0, -3));
const [name, ...rest] = process.argv.slice(2);
if (!name || !benches.includes(name)) {
  if (name) console.error(`No benchmark "${name}".`);
  console.log('Benchmarks (npm run bench -- <name>):');
  for (const bench of benches) {
    const first = readFileSync(join(dir, `${bench}.ts`), 'utf8').split('\n')[0]!.replace(/^\/\/\s*/, '');
    console.log(`  ${bench.padEnd(22)} ${first}`);
  }
  process.exit(name ? 2 : 0);
}
process.argv = [process.argv[0]!, join(dir, `${name}.ts`), ...rest];
await import(pathToFileURL(join(dir, `${name}.ts`)).href);
