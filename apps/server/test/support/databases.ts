// Fresh, migrated databases for tests, on both backends. Each call gives an isolated database:
// PGlite loaded from the template tarball, or a PostgreSQL database cloned from the template.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { Db } from '../../src/platform/db/db.js';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import { TEST_DATABASE_URL } from './services.js';
// What inject() returns here is declared beside the global setup that provides it.
import type {} from './global-setup.js';

export type Backend = 'pglite' | 'postgres';

let templateBlob: Blob | undefined;

export async function openTestPglite(): Promise<Db> {
  templateBlob ??= new Blob([readFileSync(inject('pgliteTemplate'))]);
  return openPglite({ loadDataDir: templateBlob });
}

/**
 * Unpacks this run's migrated PGlite template into `<dataDir>/pglite`, where `thmnayah start` and the
 * other commands open the embedded database. A child process started on it skips PGlite's initdb and
 * the migrations (about 6 s of CPU on this machine, most of a server's start). Tests of a first start
 * on an empty DATA_DIR, and of `thmnayah migrate`, leave it out (test/cli/cli.test.ts).
 */
export function unpackPgliteTemplate(dataDir: string): void {
  const target = join(dataDir, 'pglite');
  mkdirSync(target, { recursive: true });
  // The tarball's members are absolute (/base/..., /PG_VERSION); GNU tar writes them under -C.
  const untar = spawnSync('tar', ['-xf', inject('pgliteTemplate'), '-C', target], { encoding: 'utf8' });
  if (untar.status !== 0) throw new Error(`unpacking the PGlite template into ${target} failed: ${untar.stderr}`);
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
