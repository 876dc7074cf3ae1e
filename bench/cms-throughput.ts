// CMS create and list throughput on PGlite and on PostgreSQL, beside a bare node:http server's
// throughput measured in the same run (the ceiling of this machine at this moment).
//   node apps/server/bin/run-ts.mjs bench/cms-throughput.ts [--duration 5]
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { BIN, load, startBareServer, startThmnayah, table, type Load, withScratchDatabase } from './support.js';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '5' } } });
const duration = Number(values.duration);

function token(dataDir: string) {
  return execFileSync(process.execPath, [BIN, 'token', '--role', 'editor'], { env: { ...process.env, DATA_DIR: dataDir } }).toString().trim();
}


async function measureThmnayah(label: string, env: Record<string, string>): Promise<Record<string, Load>> {
  const server = await startThmnayah(env, ['--roles', 'cms']);
  try {
    const headers = { authorization: `Bearer ${token(server.dataDir)}`, 'content-type': 'application/json' };
    let n = 0;
    console.error(`${label}: create …`);
    const create = await load({
      url: `${server.url}/api/cms/programs`, method: 'POST', headers, duration,
      requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ kind: 'podcast', language: 'ar', title: `برنامج ${n++} ${randomBytes(3).toString('hex')}`, tags: ['bench'] }) }) }],
    });
    console.error(`${label}: list …`);
    const list = await load({ url: `${server.url}/api/cms/programs?limit=20`, headers, duration });
    return { create, list };
  } finally {
    await server.stop();
  }
}

const bare = await startBareServer();
console.error('bare node:http …');
const ceiling = await load({ url: bare.url, duration });
await bare.stop();

const results: Record<string, Record<string, Load>> = {
  PGlite: await measureThmnayah('PGlite', {}),
  PostgreSQL: await withScratchDatabase((url) => measureThmnayah('PostgreSQL', { DATABASE_URL: url })),
};

const row = (name: string, l: Load) => ({
  workload: name, 'req/s': l.requestsPerSecond.toFixed(0), 'p50 ms': l.p50, 'p99 ms': l.p99,
  'vs bare': `${((l.requestsPerSecond / ceiling.requestsPerSecond) * 100).toFixed(1)}%`, errors: l.errors + l.non2xx,
});
console.log(`\nCMS throughput, ${duration} s per workload, 10 connections (loopback, one machine)\n`);
table([
  row('bare node:http (ceiling)', ceiling),
  ...Object.entries(results).flatMap(([db, r]) => [row(`${db}: create program`, r.create!), row(`${db}: list programs (20)`, r.list!)]),
]);
