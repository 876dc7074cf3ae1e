// Feed import into the CMS: items per second importing the 730-item Giant Bomb feed, on PGlite and PostgreSQL.
// Beside it, in the same run and on the same database:
//   - parse + map only (importDocument, no database): the part that is not the database
//   - bare insert: the same episode and media rows, one transaction per item, with plain INSERTs (no
//     revision, audit entry, event, bookkeeping or people): the floor for writing these rows item by item
//   - content layer only: the same episodes through createEntity + insertEpisode (revision, audit entry, event;
//     no bookkeeping, no people or category matching, no merge): what the CMS API itself pays per episode
//   - re-import of the unchanged feed: what a subscription re-sync costs when nothing changed
// Each round imports into a new program (a fresh external id), so every round writes 730 new episodes. The
// cases run one after another in each round and the ratios are taken per round (median over rounds), since
// this machine's speed drifts. PGlite runs in memory here (the server's is on disk).
//   node apps/server/bin/run-ts.mjs bench/ingest-import.ts [rounds]
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { importDocument, type ImportedDocument } from '../apps/server/src/ingest/registry.js';
import { upsertDraft } from '../apps/server/src/ingest/upsert.js';
import { toEpisodeCreate } from '../apps/server/src/ingest/draft.js';
import { createEntity } from '../apps/server/src/content/entity.js';
import { episodeKind, insertEpisode } from '../apps/server/src/content/episodes.js';
import { fixturesDir } from '../apps/server/src/paths.js';
import type { Db } from '../apps/server/src/platform/db/db.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { openPglite } from '../apps/server/src/platform/db/pglite.js';
import { openPostgres } from '../apps/server/src/platform/db/postgres.js';
import { table } from './support.js';

const rounds = Number(process.argv[2] ?? 3);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const bytes = readFileSync(join(fixturesDir, 'feeds', 'en_giantbomb-podcast.rss'));
const items = importDocument(bytes).episodes.length;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function forRound(draft: ImportedDocument, round: string): ImportedDocument {
  return { ...draft, program: { ...draft.program, externalId: `bench:${round}`, title: `${draft.program.title} ${round}` } };
}

/** The same rows as the import writes for episodes, inserted plainly, one transaction per item. */
async function bareInsert(db: Db, draft: ImportedDocument, round: string) {
  const [program] = await db.query<{ id: string }>(
    `insert into programs (slug, kind, title, language, external_source, external_id, created_by, updated_by)
     values ($1, 'podcast', $2, 'en', 'bench', $1, 'bench', 'bench') returning id`,
    [`bare-${round}`, `bare ${round}`],
  );
  for (const e of draft.episodes) {
    await db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string }>(
        `insert into episodes (program_id, season, number, episode_type, title, description, language, duration_seconds, explicit, tags,
                               external_id, status, publish_at, created_by, updated_by)
         values ($1, $2, null, $3, $4, $5, 'en', $6, $7, $8, $9, 'draft', $10, 'bench', 'bench') returning id`,
        [program!.id, e.season, e.episodeType, e.title, e.description, e.durationSeconds, e.explicit, e.tags, e.externalId, e.publishAt],
      );
      if (e.media.length > 0) {
        await tx.query(
          `insert into episode_media (episode_id, kind, url, mime_type, byte_size, position)
           select $1, m->>'kind', m->>'url', m->>'mimeType', (m->>'byteSize')::bigint, ordinality - 1
             from jsonb_array_elements($2::jsonb) with ordinality as x(m, ordinality)`,
          [row!.id, JSON.stringify(e.media.map((m) => ({ kind: m.kind, url: m.url, mimeType: m.mimeType, byteSize: m.byteSize })))],
        );
      }
    });
  }
}

/** The same episodes through the content layer alone, one createEntity (transaction) each. */
async function contentLayer(db: Db, draft: ImportedDocument, round: string) {
  const [program] = await db.query<{ id: string }>(
    `insert into programs (slug, kind, title, language, external_source, external_id, created_by, updated_by)
     values ($1, 'podcast', $2, 'en', 'bench', $1, 'bench', 'bench') returning id`,
    [`content-${round}`, `content ${round}`],
  );
  for (const e of draft.episodes) {
    await createEntity(db, episodeKind, { actor: 'bench' }, (tx) =>
      insertEpisode(tx, { ...toEpisodeCreate(e, program!.id), number: null }, 'bench', { status: 'published', publishAt: e.publishAt ? new Date(e.publishAt) : new Date() }));
  }
}

async function measure(label: string, db: Db) {
  await migrate(db);
  const draft = importDocument(bytes);
  const times: Record<string, number[]> = { parse: [], bare: [], content: [], import: [], reimport: [] };
  const context = { actor: 'bench' };
  for (let round = 0; round < rounds; round += 1) {
    const id = `${round}-${randomBytes(3).toString('hex')}`;
    let start = process.hrtime.bigint();
    importDocument(bytes);
    times.parse!.push(ms(start));
    start = process.hrtime.bigint();
    await bareInsert(db, draft, id);
    times.bare!.push(ms(start));
    start = process.hrtime.bigint();
    await contentLayer(db, draft, id);
    times.content!.push(ms(start));
    const roundDraft = forRound(draft, id);
    start = process.hrtime.bigint();
    const result = await upsertDraft(db, roundDraft, { context, publish: true });
    times.import!.push(ms(start));
    if (result.episodes.new !== items) throw new Error(`expected ${items} new episodes, got ${JSON.stringify(result.episodes)}`);
    start = process.hrtime.bigint();
    const again = await upsertDraft(db, roundDraft, { context, publish: true });
    times.reimport!.push(ms(start));
    if (again.episodes.unchanged !== items) throw new Error(`expected ${items} unchanged episodes, got ${JSON.stringify(again.episodes)}`);
    console.error(`${label} round ${round + 1}/${rounds}: import ${times.import!.at(-1)!.toFixed(0)} ms, content layer ${times.content!.at(-1)!.toFixed(0)} ms, bare ${times.bare!.at(-1)!.toFixed(0)} ms`);
  }
  // The machine's speed drifts between rounds; the ratio is taken within each round, then the median.
  const row = (name: string, values: number[]) => {
    const m = median(values);
    const ratio = median(values.map((v, i) => v / times.bare![i]!));
    return { database: label, case: name, 'median ms': m.toFixed(0), 'items/s': (items / (m / 1000)).toFixed(0), 'time vs bare insert (same round)': `×${ratio.toFixed(2)}` };
  };
  return [
    row('parse + map only (no database)', times.parse!),
    row('bare insert (same rows, 1 tx/item)', times.bare!),
    row('content layer only (createEntity/item)', times.content!),
    row('import: new program, 730 new episodes', times.import!),
    row('re-import: nothing changed', times.reimport!),
  ];
}

async function withScratchPostgres<T>(fn: (db: Db) => Promise<T>): Promise<T | undefined> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch {
    console.error(`PostgreSQL not reachable at ${ADMIN_URL}: skipped`);
    return undefined;
  }
  const name = `thmnayah_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = openPostgres({ connectionString: url.toString(), max: 2 });
  try {
    return await fn(db);
  } finally {
    await db.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const pglite = await openPglite();
const rows = await measure('PGlite', pglite).finally(() => pglite.close());
const pgRows = await withScratchPostgres((db) => measure('PostgreSQL', db));
console.log(`Giant Bomb feed: ${(bytes.length / 1e6).toFixed(2)} MB, ${items} items, ${rounds} rounds (median), Node ${process.version}`);
table([...rows, ...(pgRows ?? [])]);
