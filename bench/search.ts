// Search at 100,000 episodes: cached and uncached search and suggest on PGlite and PostgreSQL, against a bare node:http server.
//   node apps/server/bin/run-ts.mjs bench/search.ts [--duration 5] [--episodes 100000] [--backends pglite,postgres] [--explain]
//
// The catalogue is built from the Tatoeba sentence pairs (apps/server/fixtures/tatoeba, CC BY 2.0 FR) and
// written straight into the read model and the search index in bulk (the same writeEntries the indexer
// uses), not through 100k CMS requests. Then `thmnayah start --roles discovery` serves it from a child
// process and autocannon loads it over loopback. Every request of an "uncached" workload has a URL no
// earlier request had (a date filter that every document passes makes repeated words unique), so each
// one runs the full search in the database.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { load, startBareServer, startThmnayah, table, type Load, withScratchDatabase } from './support.js';
import { loadSentences, type SentencePair } from '../apps/server/src/seed/catalogue.js';
import { analyze } from '../apps/server/src/search/analysis/index.js';
import { episodeEntry, programEntry } from '../apps/server/src/discovery/search-index/document.js';
import { writeEntries } from '../apps/server/src/discovery/search-index/store.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { openPglite } from '../apps/server/src/platform/db/pglite.js';
import { openPostgres } from '../apps/server/src/platform/db/postgres.js';
import type { Db } from '../apps/server/src/platform/db/db.js';
import type { PublicCategory, PublicEpisode, PublicPersonRef, PublicProgram } from '../apps/server/src/discovery/documents.js';
import { search } from '../apps/server/src/discovery/search/search.js';
import { suggest } from '../apps/server/src/discovery/search/suggest.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    episodes: { type: 'string', default: '100000' },
    backends: { type: 'string', default: 'pglite,postgres' },
    explain: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const EPISODES = Number(values.episodes);
const PROGRAMS = Math.max(2, Math.round(EPISODES / 500));

/** A small deterministic generator (mulberry32): the same catalogue and queries on every run. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

const uuid = (r: ReturnType<typeof random>) => {
  const hex = Array.from({ length: 32 }, () => r.int(16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export interface Catalogue {
  categories: PublicCategory[];
  people: PublicPersonRef[];
  programs: PublicProgram[];
  episodes: PublicEpisode[];
}

export function buildCatalogue(pairs: SentencePair[]): Catalogue {
  const r = random(20260115);
  const text = (language: 'ar' | 'en', pair: SentencePair) => (language === 'ar' ? pair.ar : pair.en);
  const top = ['culture', 'science', 'history', 'society', 'sports', 'technology', 'health', 'business'];
  const categories: PublicCategory[] = [];
  for (const [i, slug] of top.entries()) {
    const parent = { id: uuid(r), slug, nameAr: `تصنيف ${i + 1}`, nameEn: slug, parentId: null, position: i };
    categories.push(parent, { id: uuid(r), slug: `${slug}-more`, nameAr: `فرع ${i + 1}`, nameEn: `${slug} more`, parentId: parent.id, position: 0 });
  }
  const authors = [...new Set(pairs.flatMap((p) => [p.ar_author, p.en_author]))];
  const people: PublicPersonRef[] = authors.slice(0, 150).map((name) => ({ id: uuid(r), slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name, role: 'host' }));
  const now = Date.now();
  const programs: PublicProgram[] = [];
  for (let i = 0; i < PROGRAMS; i++) {
    const language = i % 2 === 0 ? 'ar' : 'en';
    const category = categories[r.int(categories.length)]!;
    const words = text(language, r.pick(pairs)).split(/\s+/).slice(0, 4).join(' ');
    programs.push({
      id: uuid(r), slug: `program-${i}`, kind: (['podcast', 'series', 'documentary'] as const)[i % 3]!, title: words,
      description: Array.from({ length: 3 }, () => text(language, r.pick(pairs))).join(' '), language,
      category: { id: category.id, slug: category.slug, nameAr: category.nameAr, nameEn: category.nameEn }, artworkUrl: null,
      tags: [text(language, r.pick(pairs)).split(/\s+/)[0]!.replace(/[^\p{L}\p{N}]/gu, '') || 'tag'], explicit: false,
      people: [r.pick(people), r.pick(people)].filter((p, j, list) => list.findIndex((q) => q.id === p.id) === j),
      publishedAt: new Date(now - (5 * 365 + r.int(365)) * 86_400_000).toISOString(), updatedAt: new Date(now).toISOString(),
    });
  }
  const episodes: PublicEpisode[] = [];
  for (let i = 0; i < EPISODES; i++) {
    const program = programs[i % PROGRAMS]!;
    const pair = r.pick(pairs);
    const sentences = Array.from({ length: 4 + r.int(7) }, () => text(program.language, r.pick(pairs)));
    const publishAt = new Date(now - r.int(5 * 365 * 86_400) * 1000 - 60_000).toISOString();
    const id = uuid(r);
    episodes.push({
      id,
      guid: `urn:uuid:${id}`,
      program: { id: program.id, slug: program.slug, title: program.title, kind: program.kind, artworkUrl: null, categoryId: program.category!.id },
      season: 1, number: Math.floor(i / PROGRAMS) + 1, episodeType: 'full', title: text(program.language, pair),
      description: `${sentences.join(' ')}\n\n${program.language === 'ar' ? pair.en : pair.ar}`, language: program.language,
      durationSeconds: 300 + r.int(5100), publishAt, explicit: false, tags: program.tags, people: program.people.slice(0, 1),
      media: [{ kind: 'audio', url: `https://media.example/${i}.mp3`, mimeType: 'audio/mpeg', byteSize: 1_000_000 + r.int(50_000_000) }],
      updatedAt: publishAt,
    });
  }
  return { categories, people, programs, episodes };
}

export async function loadCatalogue(db: Db, c: Catalogue) {
  await migrate(db);
  const json = (rows: unknown[]) => [JSON.stringify(rows)];
  await db.query(`insert into discovery_categories (id, slug, parent_id, position, document)
    select (x->>'id')::uuid, x->>'slug', (x->>'parentId')::uuid, (x->>'position')::int, x from jsonb_array_elements($1::jsonb) x`, json(c.categories));
  await db.query(`insert into discovery_people (id, slug, name, document)
    select (x->>'id')::uuid, x->>'slug', x->>'name', x from jsonb_array_elements($1::jsonb) x`, json(c.people));
  await db.query(`insert into discovery_programs (id, slug, kind, language, category_id, title, published_at, document)
    select (x->>'id')::uuid, x->>'slug', x->>'kind', x->>'language', (x#>>'{category,id}')::uuid, x->>'title', (x->>'publishedAt')::timestamptz, x
      from jsonb_array_elements($1::jsonb) x`, json(c.programs));
  await db.transaction((tx) => writeEntries(tx, c.programs.map(programEntry)));
  const started = performance.now();
  const BATCH = 1000;
  for (let i = 0; i < c.episodes.length; i += BATCH) {
    const batch = c.episodes.slice(i, i + BATCH);
    // Popularity for one episode in ten (a long tail), as a plays counter would write it.
    const popularity = batch.map((_, j) => ((i + j) % 10 === 0 ? Math.floor(10_000 / (1 + ((i + j) % 997))) : 0));
    await db.transaction(async (tx) => {
      await tx.query(`insert into discovery_episodes (id, program_id, kind, language, category_id, duration_seconds, publish_at, popularity, document)
        select (x->>'id')::uuid, (x#>>'{program,id}')::uuid, x#>>'{program,kind}', x->>'language', (x#>>'{program,categoryId}')::uuid,
               (x->>'durationSeconds')::int, (x->>'publishAt')::timestamptz, (p.value)::real, x
          from jsonb_array_elements($1::jsonb) with ordinality as e(x, n) join jsonb_array_elements($2::jsonb) with ordinality as p(value, n) using (n)`,
      [JSON.stringify(batch), JSON.stringify(popularity)]);
      await writeEntries(tx, batch.map(episodeEntry));
    });
    if ((i / BATCH) % 10 === 9) process.stderr.write(`  ${i + BATCH} episodes (${((i + BATCH) / ((performance.now() - started) / 1000)).toFixed(0)}/s)\n`);
  }
  await db.query(`update discovery_programs p set episode_count = s.count, latest_episode_at = s.latest
    from (select program_id, count(*)::int as count, max(publish_at) as latest from discovery_episodes group by program_id) s where s.program_id = p.id`);
  await db.exec('vacuum analyze');
  return (performance.now() - started) / 1000;
}

/**
 * Search words as people type them: one word (60%) or two words of one sentence (40%), as written there.
 * `typical`: each distinct content word of the corpus equally likely (the long tail that reaches the
 * database; popular queries are answered by the response cache). `frequent`: words drawn as often as
 * they occur (the worst case: in Tatoeba, Tom/توم is in 4 of 10 English sentences).
 */
export function queryWords(pairs: SentencePair[], language: 'ar' | 'en', seed: number, mode: 'typical' | 'frequent' = 'typical') {
  const r = random(seed);
  const sentences = pairs.map((p) => (language === 'ar' ? p.ar : p.en));
  const contentWords = (sentence: string) => analyze(sentence).filter((t) => !t.stop && t.exact.length >= 3).map((t) => sentence.slice(t.start, t.end));
  const bySentence = sentences.map(contentWords);
  const byWord = new Map<string, [number, number][]>();
  bySentence.forEach((words, i) => {
    words.forEach((w, j) => {
      const key = analyze(w)[0]?.term ?? w;
      const list = byWord.get(key);
      if (list) list.push([i, j]);
      else byWord.set(key, [[i, j]]);
    });
  });
  const vocabulary = [...byWord.values()];
  const out: string[] = [];
  while (out.length < 5000) {
    let sentence: number;
    let first: number;
    if (mode === 'frequent') {
      sentence = r.int(sentences.length);
      first = r.int(Math.max(1, bySentence[sentence]!.length));
    } else {
      [sentence, first] = r.pick(r.pick(vocabulary));
    }
    const words = bySentence[sentence]!;
    if (words.length === 0) continue;
    out.push(r.next() < 0.6 || words.length < 2 ? words[first]! : `${words[first]} ${words[(first + 1 + r.int(words.length - 1)) % words.length]}`);
  }
  return out;
}

/** The same queries with one letter left out of each word of 5 letters or more (a typo the index cannot match). */
export function misspell(queries: string[], seed: number) {
  const r = random(seed);
  return queries.map((q) => q.split(' ').map((w) => {
    const chars = [...w];
    if (chars.length < 5) return w;
    chars.splice(1 + r.int(chars.length - 2), 1);
    return chars.join('');
  }).join(' '));
}

export function prefixes(c: Catalogue, seed: number) {
  const r = random(seed);
  const out: string[] = [];
  while (out.length < 5000) {
    const title = r.pick(c.episodes).title;
    const words = analyze(title).filter((t) => !t.stop && t.end - t.start >= 3).map((t) => title.slice(t.start, t.end));
    if (words.length > 0) {
      const word = r.pick(words);
      out.push(word.slice(0, 2 + r.int(Math.min(4, word.length - 1))));
    }
  }
  return out;
}

/** Unique URLs: the n-th request uses word n mod N, and a `from` date far before every document that is unique per round. */
function uniquePaths(path: string, queries: string[]) {
  let n = 0;
  return () => {
    const i = n++;
    const round = Math.floor(i / queries.length);
    const from = new Date(Date.UTC(1900, 0, 1) + round * 86_400_000).toISOString().slice(0, 10);
    return `${path}?q=${encodeURIComponent(queries[i % queries.length]!)}${path.endsWith('search') ? `&from=${from}` : `&limit=${8 + (round % 12)}`}`;
  };
}

const interleave = (a: string[], b: string[]) => a.flatMap((x, i) => (b[i] === undefined ? [x] : [x, b[i]!]));

/** A bare node:http server answering `body` (bytes, with these headers): the ceiling for responses of that size on this machine. */
async function bareWithBody(body: string | Buffer, headers: Record<string, string> = {}): Promise<Load> {
  const child = spawn(process.execPath, ['-e', `
    const http = require('node:http');
    const body = Buffer.from(process.env.BODY, 'base64');
    const headers = { 'content-type': 'application/json; charset=utf-8', ...JSON.parse(process.env.HEADERS) };
    const server = http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); });
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));
  `], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BODY: Buffer.from(body).toString('base64'), HEADERS: JSON.stringify(headers) } });
  try {
    const port = await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d).trim())));
    return await load({ url: `http://127.0.0.1:${port}`, duration });
  } finally {
    child.kill('SIGTERM');
  }
}

const roundRobin = (urls: string[]) => {
  let n = 0;
  return () => urls[n++ % urls.length]!;
};

interface Row extends Load {
  /** req/s of the bare node:http server, measured just before this workload. */
  ceiling: number;
  /** For cached pages: req/s of a bare server answering the same bytes (and Content-Encoding), also just before. */
  sameBody?: number;
}

async function measure(label: string, env: Record<string, string>, bareUrl: string, sets: Record<string, string[]>): Promise<Record<string, Row>> {
  const server = await startThmnayah({ ...env, RATE_LIMIT_PER_MINUTE: '10000000' }, ['--roles', 'discovery']);
  try {
    // Each workload right after the ceiling it is compared with: the machine is shared and its speed drifts.
    const run = async (name: string, next: () => string, connections = 10, headers: Record<string, string> = {}): Promise<Row> => {
      console.error(`${label}: ${name} …`);
      const ceiling = await load({ url: bareUrl, duration });
      const result = await load({ url: server.url, duration, connections, headers, requests: [{ setupRequest: (request) => ({ ...request, path: next() }) }] });
      return { ...result, ceiling: ceiling.requestsPerSecond };
    };
    const cachedUrls = [...sets.ar!.slice(0, 10), ...sets.en!.slice(0, 10)].map((q) => `/api/discovery/search?q=${encodeURIComponent(q)}`);
    const bodies: string[] = [];
    for (const url of cachedUrls) bodies.push(await fetch(server.url + url, { headers: { 'accept-encoding': 'identity' } }).then((r) => r.text()));
    const suggestUrls = sets.prefix!.slice(0, 20).map((q) => `/api/discovery/suggest?q=${encodeURIComponent(q)}`);
    for (const url of suggestUrls) await fetch(server.url + url).then((r) => r.text());
    const median = [...bodies].sort((a, b) => a.length - b.length)[Math.floor(bodies.length / 2)]!;
    const results: Record<string, Row> = {};
    console.error(`${label}: bare node:http with a ${Buffer.byteLength(median)}-byte body …`);
    const sameBody = (await bareWithBody(median)).requestsPerSecond;
    results[`cached search (20 URLs, ~${(Buffer.byteLength(median) / 1024).toFixed(0)} kB)`] = { ...(await run('cached', roundRobin(cachedUrls))), sameBody };
    // What browsers and CDNs send: the cache keeps a compressed copy of each entry (made once).
    const compressed = { 'accept-encoding': 'gzip, deflate, br' };
    const brotliOf = async (url: string) => Buffer.from(await new Promise<Buffer>((resolve, reject) => {
      // node:http, not fetch: fetch decodes the body, and the bare server must send the very bytes we send.
      httpGet(server.url + url, { headers: compressed }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
      }).on('error', reject);
    }));
    const medianUrl = cachedUrls[bodies.indexOf(median)] ?? cachedUrls[0]!;
    const medianBr = await brotliOf(medianUrl);
    const sameBodyBr = (await bareWithBody(medianBr, { 'content-encoding': 'br' })).requestsPerSecond;
    results[`cached search, br (20 URLs, ~${(medianBr.length / 1024).toFixed(0)} kB)`] = { ...(await run('cached br', roundRobin(cachedUrls), 10, compressed)), sameBody: sameBodyBr };
    results['cached suggest (20 URLs)'] = await run('cached suggest', roundRobin(suggestUrls));
    const home = await fetch(server.url + '/api/discovery/home', { headers: { 'accept-encoding': 'identity' } }).then((r) => r.text());
    const homeBr = await brotliOf('/api/discovery/home');
    const sameHome = (await bareWithBody(home)).requestsPerSecond;
    results[`cached home page (~${(Buffer.byteLength(home) / 1024).toFixed(0)} kB)`] = { ...(await run('home', () => '/api/discovery/home')), sameBody: sameHome };
    const sameHomeBr = (await bareWithBody(homeBr, { 'content-encoding': 'br' })).requestsPerSecond;
    results[`cached home page, br (~${(homeBr.length / 1024).toFixed(0)} kB)`] = { ...(await run('home br', () => '/api/discovery/home', 10, compressed)), sameBody: sameHomeBr };
    // Warm-up: the first seconds of a fresh server page the index into memory.
    const warm = uniquePaths('/api/discovery/search', sets.warm!);
    await load({ url: server.url, duration: 2, connections: 10, requests: [{ setupRequest: (request) => ({ ...request, path: warm() }) }] });
    results['uncached search, Arabic'] = await run('Arabic', uniquePaths('/api/discovery/search', sets.ar!));
    results['uncached search, English'] = await run('English', uniquePaths('/api/discovery/search', sets.en!));
    results['uncached search, Arabic + English, 1 connection'] = await run('1 connection', uniquePaths('/api/discovery/search', interleave(sets.ar!.slice(2500), sets.en!.slice(2500))), 1);
    results['uncached search, frequent words (worst case)'] = await run('frequent words', uniquePaths('/api/discovery/search', sets.frequent!));
    results['uncached search, misspelt words'] = await run('misspelt words', uniquePaths('/api/discovery/search', sets.typos!));
    results['uncached suggest'] = await run('suggest', uniquePaths('/api/discovery/suggest', sets.prefix!));
    return results;
  } finally {
    await server.stop();
  }
}

export async function explain(db: Db, sets: Record<string, string[]>) {
  // Where the time goes, per query: the slowest of a sample, timed in-process, then EXPLAIN ANALYZE of the page query.
  const timings: { q: string; ms: number; total: number }[] = [];
  for (const q of [...sets.ar!.slice(0, 100), ...sets.en!.slice(0, 100), ...sets.frequent!.slice(0, 100)]) {
    const started = performance.now();
    const result = await search(db, { q });
    timings.push({ q, ms: performance.now() - started, total: result.total });
  }
  timings.sort((a, b) => b.ms - a.ms);
  console.log('slowest searches (in-process):');
  for (const t of timings.slice(0, 8)) console.log(`  ${t.ms.toFixed(1)} ms  ${t.total} hits  ${t.q}`);
  const p = (x: number) => timings.map((t) => t.ms).sort((a, b) => a - b)[Math.floor(x * (timings.length - 1))]!.toFixed(1);
  console.log(`  p50 ${p(0.5)} ms, p99 ${p(0.99)} ms over ${timings.length}`);
  const s: number[] = [];
  for (const q of sets.prefix!.slice(0, 200)) {
    const started = performance.now();
    await suggest(db, q);
    s.push(performance.now() - started);
  }
  s.sort((a, b) => a - b);
  console.log(`suggest (in-process): p50 ${s[100]!.toFixed(1)} ms, p99 ${s[198]!.toFixed(1)} ms`);
  const worst = timings[0]!.q;
  const rows = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) select d.id from search_documents d
     where d.published_at <= now() and d.terms @@ $1::tsquery`, [analyze(worst, { mode: 'query' }).map((t) => `'${t.term.replaceAll("'", "''")}'`).join(' & ')]);
  console.log(`plan of the match for "${worst}":\n${rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
}


// Run only as a script: the profiling scripts import the catalogue builder from here.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

async function main() {
  const pairs = loadSentences();
  const catalogue = buildCatalogue(pairs);
  const sets = {
    ar: queryWords(pairs, 'ar', 1), en: queryWords(pairs, 'en', 2), warm: interleave(queryWords(pairs, 'ar', 3), queryWords(pairs, 'en', 4)),
    frequent: interleave(queryWords(pairs, 'ar', 6, 'frequent'), queryWords(pairs, 'en', 7, 'frequent')), prefix: prefixes(catalogue, 5),
    typos: misspell(interleave(queryWords(pairs, 'ar', 8), queryWords(pairs, 'en', 9)), 10),
  };

  const bare = await startBareServer();
  const results: Record<string, Record<string, Row>> = {};
  const loadTimes: Record<string, number> = {};
  const backends = values.backends.split(',');
  if (backends.includes('pglite')) {
    const dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-bench-search-'));
    try {
      console.error(`PGlite: loading ${EPISODES} episodes …`);
      const db = await openPglite({ dataDir: join(dataDir, 'pglite') });
      loadTimes.PGlite = await loadCatalogue(db, catalogue);
      if (values.explain) await explain(db, sets);
      await db.close();
      results.PGlite = await measure('PGlite', { DATA_DIR: dataDir }, bare.url, sets);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (backends.includes('postgres')) {
    results.PostgreSQL = await withScratchDatabase(async (url) => {
      console.error(`PostgreSQL: loading ${EPISODES} episodes …`);
      const db = openPostgres({ connectionString: url, max: 4 });
      loadTimes.PostgreSQL = await loadCatalogue(db, catalogue);
      if (values.explain) await explain(db, sets);
      await db.close();
      return measure('PostgreSQL', { DATABASE_URL: url }, bare.url, sets);
    });
  }

  await bare.stop();
  const percent = (a: number, b: number) => `${((a / b) * 100).toFixed(1)}%`;
  const row = (name: string, l: Row) => ({
    workload: name, 'req/s': l.requestsPerSecond.toFixed(0), 'p50 ms': l.p50, 'p99 ms': l.p99,
    'bare req/s': l.ceiling.toFixed(0), 'vs bare': percent(l.requestsPerSecond, l.ceiling),
    'vs bare, same body': l.sameBody ? percent(l.requestsPerSecond, l.sameBody) : '', errors: l.errors + l.non2xx,
  });
  console.log(`\nSearch over ${EPISODES.toLocaleString('en')} episodes and ${PROGRAMS} programs, ${duration} s per workload, 10 connections unless noted (loopback, one machine);`);
  console.log('each workload is compared with a bare node:http server (53-byte body) measured just before it.');
  console.log(`Bulk load into read model + search index: ${Object.entries(loadTimes).map(([db, s]) => `${db} ${s.toFixed(0)} s (${(EPISODES / s).toFixed(0)} episodes/s)`).join(', ')}\n`);
  table(Object.entries(results).flatMap(([db, r]) => Object.entries(r).map(([name, l]) => row(`${db}: ${name}`, l))));
}
