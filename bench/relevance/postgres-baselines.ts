// The PostgreSQL baselines, run on a real server: its `arabic` text-search configuration
// (to_tsvector('arabic', doc) @@ plainto_tsquery('arabic', query)) and ILIKE '%query%'. The documents
// go into a scratch database created for the run and dropped after it, whatever happens.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../apps/server/src/platform/db/db.js';
import { openPostgres } from '../../apps/server/src/platform/db/postgres.js';

export interface PostgresAnswers {
  /** fts[i]: documents matching query i with the `arabic` configuration. */
  fts: Set<number>[];
  /** ilike[i]: documents matching ILIKE '%query i%'. */
  ilike: Set<number>[];
  /** The server's version string, for the report. */
  version: string;
}

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function answers(db: Db, sql: string, count: number): Promise<Set<number>[]> {
  const result = Array.from({ length: count }, () => new Set<number>());
  const rows = await db.query<{ q: number; docs: number[] }>(sql);
  for (const row of rows) result[row.q] = new Set(row.docs);
  return result;
}

/**
 * Runs both baselines for every query. `adminUrl` is a PostgreSQL URL whose user may create databases
 * (the scratch database is named thmnayah_relevance_<pid>_<random>).
 */
export async function runPostgresBaselines(adminUrl: string, docs: readonly string[], queries: readonly string[]): Promise<PostgresAnswers> {
  const name = `thmnayah_relevance_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres({ connectionString: adminUrl, max: 1, applicationName: 'thmnayah-relevance' });
  try {
    await admin.exec(`create database ${name}`);
    const db = openPostgres({ connectionString: databaseUrl(adminUrl, name), max: 1, applicationName: 'thmnayah-relevance' });
    try {
      const [{ version } = { version: '' }] = await db.query<{ version: string }>('select version()');
      await db.exec(`
        create table docs (id int primary key, body text not null);
        create table queries (id int primary key, body text not null);
      `);
      await db.query('insert into docs select * from unnest($1::int[], $2::text[])', [docs.map((_, i) => i), docs]);
      await db.query('insert into queries select * from unnest($1::int[], $2::text[])', [queries.map((_, i) => i), queries]);
      // Indexes change nothing in the answers, only the time: the ILIKE join is a nested loop otherwise.
      await db.exec(`
        create index on docs using gin (to_tsvector('arabic', body));
        create extension if not exists pg_trgm;
        create index on docs using gin (body gin_trgm_ops);
        analyze docs; analyze queries;
      `);
      const fts = await answers(
        db,
        // Ranked as PostgreSQL ranks: ts_rank, then the corpus order (for hit@10).
        `select q.id as q, array_agg(d.id order by ts_rank(to_tsvector('arabic', d.body), plainto_tsquery('arabic', q.body)) desc, d.id) as docs
           from queries q
           join docs d on to_tsvector('arabic', d.body) @@ plainto_tsquery('arabic', q.body)
          group by q.id`,
        queries.length,
      );
      // Plain substring semantics: % _ and \ in the query are matched literally.
      const ilike = await answers(
        db,
        `select q.id as q, array_agg(d.id) as docs from queries q
           join docs d on d.body ilike '%' || replace(replace(replace(q.body, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
          group by q.id`,
        queries.length,
      );
      return { fts, ilike, version };
    } finally {
      await db.close();
    }
  } finally {
    await admin.exec(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.close();
  }
}
