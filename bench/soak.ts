// Soak: a server process under a mixed load for minutes (reads, writes, imports, uploads); RSS, heap and event-loop delay over time, and errors.
// One `thmnayah start` (cms, discovery, relay, worker) on PGlite or PostgreSQL; virtual users in this process,
// each in a closed loop: Discovery reads (most), CMS writes (create, publish, update episodes), feed
// imports (a new 20-item feed, or an unchanged one again), and audio uploads that the worker transcodes.
// Every DURATION/40 (at least 10 s) the server's own /metrics is read: resident memory, V8 heap used and
// the event-loop delay p99 (prom-client's monitor). At the end: the samples, memory growth (mean of the
// last quarter over the mean of the second quarter, after warm-up), error count and latency per kind.
//   npm run bench -- soak [minutes=10] [pglite|postgres] [users=6]
import { spawnSync } from 'node:child_process';
import { BIN, startThmnayah, table, withScratchDatabase, type ChildServer } from './support.js';

const minutes = Number(process.argv[2] ?? 10);
const database = (process.argv[3] ?? 'pglite') as 'pglite' | 'postgres';
const users = Number(process.argv[4] ?? 6);
const durationMs = minutes * 60_000;
const sampleEveryMs = Math.max(10_000, durationMs / 40);

type Kind = 'read' | 'write' | 'import' | 'upload';
const latencies: Record<Kind, number[]> = { read: [], write: [], import: [], upload: [] };
const errors: { kind: Kind; status: number; detail: string }[] = [];

function wav(seconds: number): Buffer {
  const rate = 16_000;
  const data = Buffer.alloc(seconds * rate * 2);
  for (let i = 0; i < seconds * rate; i++) data.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0); header.writeUInt32LE(36 + data.length, 4); header.write('WAVE', 8); header.write('fmt ', 12);
  header.writeUInt32LE(16, 16); header.writeUInt16LE(1, 20); header.writeUInt16LE(1, 22); header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); header.writeUInt16LE(2, 32); header.writeUInt16LE(16, 34); header.write('data', 36); header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

function feed(id: number, items: number): string {
  const entries = Array.from({ length: items }, (_, i) =>
    `<item><guid>soak-${id}-${i}</guid><title>Soak ${id} episode ${i}</title><pubDate>${new Date(Date.UTC(2024, 0, 1 + i)).toUTCString()}</pubDate>` +
    `<description>حلقة ${i} من برنامج الاختبار ${id}</description></item>`).join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>Soak feed ${id}</title>` +
    `<language>ar</language><description>برنامج ${id}</description><podcast:guid>00000000-0000-4000-8000-${String(id).padStart(12, '0')}</podcast:guid>${entries}</channel></rss>`;
}

async function soak(server: ChildServer): Promise<void> {
  const env = { ...process.env, DATA_DIR: server.dataDir, DEV_ISSUER: 'true' };
  const token = spawnSync(process.execPath, [BIN, 'token', '--role', 'editor', '--sub', 'soak'], { env, encoding: 'utf8' }).stdout.trim().split('\n').pop()!;
  const auth = { authorization: `Bearer ${token}` };

  async function call(kind: Kind, method: string, path: string, init: { body?: unknown; raw?: string | Buffer | FormData; headers?: Record<string, string> } = {}) {
    const started = performance.now();
    const headers: Record<string, string> = { ...(kind === 'read' ? {} : auth), ...init.headers };
    let body = init.raw;
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    let status = 0;
    let text = '';
    try {
      const response = await fetch(`${server.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
      status = response.status;
      text = await response.text();
    } catch (error) {
      text = String(error);
    }
    latencies[kind].push(performance.now() - started);
    if (status < 200 || status >= 300) errors.push({ kind, status, detail: `${method} ${path}: ${text.slice(0, 200)}` });
    try {
      return { status, body: JSON.parse(text) };
    } catch {
      return { status, body: undefined };
    }
  }

  // A published program to write into and read from.
  const program = (await call('write', 'POST', '/api/cms/programs', { body: { kind: 'podcast', title: 'برنامج الاختبار الطويل', language: 'ar' } })).body;
  await call('write', 'POST', `/api/cms/programs/${program.id}/publish`);
  const episodes: string[] = [];
  const audio = wav(5);
  let feeds = 0;
  let lastImport = 0;
  let lastUpload = 0;

  const step = async (user: number, i: number) => {
    const now = Date.now();
    const roll = Math.random();
    if (user === 0 && now - lastUpload > 20_000 && episodes.length > 0) {
      lastUpload = now;
      const form = new FormData();
      form.append('file', new Blob([audio], { type: 'audio/wav' }), 'soak.wav');
      await call('upload', 'POST', `/api/cms/assets?ownerType=episode&ownerId=${episodes[Math.floor(Math.random() * episodes.length)]}&kind=audio`, { raw: form });
    } else if (user === 1 && now - lastImport > 5_000) {
      lastImport = now;
      // Alternately a new feed and an unchanged one again (a re-sync that writes nothing).
      const id = feeds % 2 === 0 ? feeds : feeds - 1;
      feeds += 1;
      await call('import', 'POST', `/api/cms/imports/document?publish=true&fileName=soak-${id}.xml`, { raw: feed(id, 20), headers: { 'content-type': 'application/rss+xml' } });
    } else if (roll < 0.15) {
      const created = await call('write', 'POST', '/api/cms/episodes', { body: { programId: program.id, title: `حلقة ${user}-${i}`, description: 'وصف '.repeat(50) } });
      if (created.status === 201) {
        episodes.push(created.body.id);
        await call('write', 'POST', `/api/cms/episodes/${created.body.id}/publish`);
      }
    } else if (roll < 0.2 && episodes.length > 0) {
      const id = episodes[Math.floor(Math.random() * episodes.length)]!;
      const current = await fetch(`${server.url}/api/cms/episodes/${id}`, { headers: auth });
      const etag = current.headers.get('etag') ?? '';
      await current.arrayBuffer();
      const updated = await call('write', 'PATCH', `/api/cms/episodes/${id}`, { body: { title: `حلقة محدثة ${i}` }, headers: { 'if-match': etag } });
      if (updated.status === 412) errors.pop(); // another user saved first: expected under concurrency
    } else {
      const reads = [
        `/api/discovery/programs/${program.slug}`, `/api/discovery/programs/${program.slug}/episodes?limit=20`, '/api/discovery/home',
        '/api/discovery/programs?limit=20', `/api/discovery/search?q=${encodeURIComponent(['حلقة', 'Soak', 'episode', 'برنامج'][i % 4]!)}`,
        `/api/discovery/episodes?limit=10`,
      ];
      await call('read', 'GET', reads[Math.floor(Math.random() * reads.length)]!);
    }
  };

  const samples: Record<string, string | number>[] = [];
  const started = Date.now();
  const metric = (text: string, name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
  const sample = async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const requests = Object.values(latencies).reduce((n, l) => n + l.length, 0);
    samples.push({
      minute: ((Date.now() - started) / 60_000).toFixed(1),
      'rss MB': (metric(text, 'process_resident_memory_bytes') / 2 ** 20).toFixed(0),
      'heap used MB': (metric(text, 'nodejs_heap_size_used_bytes') / 2 ** 20).toFixed(0),
      'event loop p99 ms': (metric(text, 'nodejs_eventloop_lag_p99_seconds') * 1000).toFixed(1),
      requests,
      errors: errors.length,
    });
  };
  await sample();
  const sampler = setInterval(() => void sample().catch(() => {}), sampleEveryMs);
  await Promise.all(Array.from({ length: users }, async (_, user) => {
    for (let i = 0; Date.now() - started < durationMs; i++) await step(user, i);
  }));
  clearInterval(sampler);
  await sample();

  table(samples);
  const values = (key: string) => samples.map((s) => Number(s[key]));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const growth = (key: string) => {
    const xs = values(key);
    const second = mean(xs.slice(quarter, 2 * quarter));
    const last = mean(xs.slice(-quarter));
    return `${((last / second - 1) * 100).toFixed(1)} %`;
  };
  const pct = (xs: number[], p: number) => ([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0).toFixed(0);
  console.log(`\n${minutes} min, ${database}, ${users} virtual users; samples every ${(sampleEveryMs / 1000).toFixed(0)} s`);
  console.log(`RSS growth (last quarter vs second quarter): ${growth('rss MB')}; heap: ${growth('heap used MB')}; event-loop p99 max ${Math.max(...values('event loop p99 ms')).toFixed(1)} ms`);
  table((Object.keys(latencies) as Kind[]).map((kind) => ({ kind, requests: latencies[kind].length, 'p50 ms': pct(latencies[kind], 0.5), 'p99 ms': pct(latencies[kind], 0.99), errors: errors.filter((e) => e.kind === kind).length })));
  for (const error of errors.slice(0, 10)) console.log(`error: ${error.kind} ${error.status} ${error.detail}`);
  if (errors.length > 0) process.exitCode = 1;
}

const roles = ['--roles', 'cms,discovery,relay,worker'];
if (database === 'postgres') {
  await withScratchDatabase(async (url) => {
    const server = await startThmnayah({ DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: '10000000' }, roles);
    try {
      await soak(server);
    } finally {
      await server.stop();
    }
  });
} else {
  const server = await startThmnayah({ RATE_LIMIT_PER_MINUTE: '10000000' }, roles);
  try {
    await soak(server);
  } finally {
    await server.stop();
  }
}
