// Publish → searchable: how long after a CMS publish a listener's search finds the episode, through the
// whole path (outbox, relay, bus, indexer, search index, response cache generation), on PGlite and
// PostgreSQL, with the in-process bus and with NATS JetStream. Baseline in the same run: the publish
// request's own round trip.   node apps/server/bin/run-ts.mjs bench/publish-latency.ts [samples]
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { BIN, startThmnayah, table, withScratchDatabase } from './support.js';
import { openJetStreamBus } from '../apps/server/src/events/jetstream-bus.js';

const SAMPLES = Number(process.argv[2] ?? 100);
const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(label: string, env: Record<string, string>) {
  const server = await startThmnayah({ RATE_LIMIT_PER_MINUTE: '10000000', ...env });
  try {
    const token = execFileSync(process.execPath, [BIN, 'token', '--role', 'editor'], { env: { ...process.env, DATA_DIR: server.dataDir } }).toString().trim();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ id: string }>;
    };
    const program = await call('POST', '/api/cms/programs', { kind: 'podcast', title: `Latency ${label}`, language: 'en' });
    await call('POST', `/api/cms/programs/${program.id}/publish`);
    const visible: number[] = [];
    const publishRoundTrip: number[] = [];
    console.error(`${label}: ${SAMPLES} publishes …`);
    for (let i = 0; i < SAMPLES; i++) {
      const word = `quokka${randomBytes(5).toString('hex').replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!)}`;
      const episode = await call('POST', '/api/cms/episodes', { programId: program.id, title: `Episode ${word}` });
      const started = performance.now();
      await call('POST', `/api/cms/episodes/${episode.id}/publish`);
      publishRoundTrip.push(performance.now() - started);
      for (;;) {
        const result = (await (await fetch(`${server.url}/api/discovery/search?q=${word}`)).json()) as { total: number };
        if (result.total > 0) break;
        if (performance.now() - started > 10_000) throw new Error(`${label}: not searchable after 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      visible.push(performance.now() - started);
    }
    visible.sort((a, b) => a - b);
    publishRoundTrip.sort((a, b) => a - b);
    return { label, visible, publishRoundTrip };
  } finally {
    await server.stop();
    if (env.NATS_STREAM) {
      const bus = await openJetStreamBus({ servers: NATS_URL, stream: env.NATS_STREAM });
      await bus.deleteStream();
      await bus.close();
    }
  }
}


const stream = () => `BENCH_${process.pid}_${randomBytes(3).toString('hex')}`;
const results = [
  await measure('PGlite + in-process', {}),
  await measure('PGlite + JetStream', { NATS_URL, NATS_STREAM: stream() }),
  await withScratchDatabase((url) => measure('PostgreSQL + in-process', { DATABASE_URL: url })),
  await withScratchDatabase((url) => measure('PostgreSQL + JetStream', { DATABASE_URL: url, NATS_URL, NATS_STREAM: stream() })),
];
console.log(`\nPublish → found by search, ${SAMPLES} episodes each (ms; loopback, one 2-core machine)\n`);
table(results.map((r) => ({
  path: r.label,
  'p50': percentile(r.visible, 50).toFixed(0),
  'p99': percentile(r.visible, 99).toFixed(0),
  'max': r.visible.at(-1)!.toFixed(0),
  'publish request p50 (baseline)': percentile(r.publishRoundTrip, 50).toFixed(1),
  'p50 / baseline': (percentile(r.visible, 50) / percentile(r.publishRoundTrip, 50)).toFixed(1),
})));
