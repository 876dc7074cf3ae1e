// Fresh, migrated databases for tests, on both backends. Each call gives an isolated database:
// PGlite loaded from the template tarball, or a PostgreSQL database cloned from the template.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { Db } from '../../src/platform/db/db.js';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import { TEST_DATABASE_URL } from './services.js';

export type Backend = 'pglite' | 'postgres';

let templateBlob: Blob | undefined;

export async function openTestPglite(): Promise<Db> {
  templateBlob ??= new Blob([readFileSync(inject('pgliteTemplate'))]);
  return openPglite({ loadDataDir: templateBlob });
}

export interface TestPostgres {
  db: Db;
  url: string;
  close(): Promise<void>;
}

export async function openTestPostgres(): Promise<TestPostgres> {
  const template = inject('postgresTemplate');
  if (!template) throw new Error('PostgreSQL is not available for tests');
  const name = `thmnayah_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const db = openPostgres({ connectionString: url.toString(), max: 5 });
  return {
    db,
    url: url.toString(),
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`).finally(() => cleanup.end());
    },
  };
}

/** The backends this run can test: PGlite always, PostgreSQL when its template was built. */
export function availableBackends(): Backend[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

export async function openTestDb(backend: Backend): Promise<{ db: Db; close(): Promise<void> }> {
  if (backend === 'pglite') {
    const db = await openTestPglite();
    return { db, close: () => db.close() };
  }
  const postgres = await openTestPostgres();
  return { db: postgres.db, close: postgres.close };
}
