// Runs once per test run: builds one migrated database template per backend, so each test file
// starts from a copy in well under a second instead of initialising and migrating its own.
//  - PGlite: a data-directory tarball in the OS temp dir, keyed by the migrations' hash (reused
//    across runs until a migration changes).
//  - PostgreSQL: a template database, keyed the same way; test files clone it with CREATE DATABASE.
// And it bundles the server once, for the child servers tests start (server-bundle.ts).
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync, renameSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadMigrations, migrate } from '../../src/platform/db/migrate.js';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import { TEST_DATABASE_URL, serviceAvailable } from './services.js';
import { processAlive } from '../../src/platform/db/data-dir-lock.js';
import { buildTestBundle } from './server-bundle.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
    migrationsHash: string;
  }
}

function migrationsHash(): string {
  const pglite = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;
  const hash = createHash('sha256').update(pglite);
  for (const m of loadMigrations()) hash.update(`${m.version}:${m.sql}`);
  return hash.digest('hex').slice(0, 12);
}

async function pgliteTemplate(hash: string): Promise<string> {
  const path = join(tmpdir(), `thmnayah-pglite-template-${hash}.tar`);
  if (existsSync(path)) return path;
  const db = await openPglite();
  await migrate(db);
  const dump = await db.dump();
  await db.close();
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
  return path;
}

async function postgresTemplate(hash: string): Promise<string | null> {
  if (!(await serviceAvailable('PostgreSQL', TEST_DATABASE_URL, 5432))) return null;
  const name = `thmnayah_template_${hash}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_build_${process.pid}`;
      await admin.query(`create database ${building}`);
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${building}`;
      const db = openPostgres({ connectionString: url.toString(), max: 1 });
      await migrate(db);
      await db.close();
      await admin.query(`alter database ${building} rename to ${name}`).catch(async () => {
        await admin.query(`drop database if exists ${building}`); // another run won the race
      });
    }
    // Drop test databases left by killed runs: their names carry the pid of the process that made
    // them, so databases of runs still going (another checkout, say) are left alone. Templates of
    // other migration sets are kept: another checkout may be using them.
    const leftovers = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'thmnayah\\_t\\_%'`);
    for (const { datname } of leftovers.rows) {
      const pid = Number(/^thmnayah_t_(\d+)_/.exec(datname)?.[1]);
      if (pid && !processAlive(pid)) await admin.query(`drop database if exists ${datname} with (force)`).catch(() => {});
    }
  } finally {
    await admin.end();
  }
  return name;
}


export default async function setup(project: TestProject) {
  const hash = migrationsHash();
  const [pgliteTar, postgres, bundle] = await Promise.all([pgliteTemplate(hash), postgresTemplate(hash), buildTestBundle()]);
  project.provide('serverBundle', bundle);
  project.provide('pgliteTemplate', pgliteTar);
  project.provide('postgresTemplate', postgres);
  project.provide('migrationsHash', hash);
}
