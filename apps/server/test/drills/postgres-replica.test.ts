// Drill: PostgreSQL primary + streaming replica (deploy/k8s/components/postgres-ha), with the server
// writing to the primary (DATABASE_URL) and answering Discovery from the replica (DATABASE_READ_URL).
// Then the backup the CronJob runs (pg-backup.sh → the object store, s3rver here) and the restore Job's
// script (pg-restore.sh → an empty database), and a row-by-row comparison of the catalogue.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createPlatform, type Platform } from '../../src/platform.js';
import { createServer, startBackground } from '../../src/app.js';
import { discoveryIndexer } from '../../src/discovery/indexer.js';
import type { App } from '../../src/platform/http/server.js';
import { REPO_ROOT } from '../deploy/manifests.js';
import { S3RVER_CREDENTIALS, startS3rver, type RunningS3rver } from '../storage/s3rver.js';
import { drillAvailable, findBinary, run, until } from './support/processes.js';
import { caughtUp, postgresBinary, startPgCluster, type PgCluster } from './support/postgres-cluster.js';

const SCRIPTS = join(REPO_ROOT, 'deploy/k8s/components/postgres-ha/scripts');
const available = drillAvailable('PostgreSQL 15 (initdb, pg_basebackup, postgres), pg_dump, pg_restore, psql and curl', [
  postgresBinary(),
  findBinary(['/usr/bin/pg_dump']),
  findBinary(['/usr/bin/pg_restore']),
  findBinary(['/usr/bin/psql']),
  findBinary(['/usr/bin/curl']),
]);
const quiet = { error() {}, warn() {} };

describe.skipIf(!available)('drill: PostgreSQL primary and streaming replica, backup and restore', () => {
  let cluster: PgCluster;
  let platform: Platform;
  let app: App;
  let stop: () => Promise<void>;
  let s3: RunningS3rver;
  let editor: Record<string, string>;
  const dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-pg-drill-data-'));

  beforeAll(async () => {
    [cluster, s3] = await Promise.all([startPgCluster(), startS3rver(['thmnayah-backups'])]);
    await cluster.sql(cluster.primary, 'create database thmnayah');
    await until('the replica has the database', () => caughtUp(cluster));
    const config = loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      DEV_ISSUER: 'true',
      DATABASE_URL: cluster.primary.url('thmnayah'),
      DATABASE_READ_URL: cluster.replica.url('thmnayah'),
      DATABASE_POOL_MAX: '4',
      EVENT_POLL_MS: '100',
      RATE_LIMIT_PER_MINUTE: '1000000',
    });
    platform = await createPlatform(config, { defaultMetrics: false });
    ({ app } = await createServer(platform, ['cms', 'discovery'], { logger: false }));
    await app.ready();
    stop = startBackground(platform, ['relay', 'worker'], quiet, [discoveryIndexer()]);
    const token = await platform.devIssuer!.sign({ sub: 'drill-editor', roles: ['editor'], ttlSeconds: 600 });
    editor = { authorization: `Bearer ${token}` };
  }, 60_000);

  afterAll(async () => {
    await stop?.();
    await app?.close();
    await platform?.close();
    await s3?.close();
    await cluster?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = async (url: string, body?: unknown) => {
    const response = await app.inject({ method: 'POST', url, headers: editor, ...(body === undefined ? {} : { payload: body as object }) });
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };
  const publicStatus = async (url: string) => (await app.inject(url)).statusCode;

  it('reads Discovery from the replica: a publish is public once the replica replays it', async () => {
    const readyz = await app.inject('/readyz');
    expect(readyz.json().checks).toMatchObject({ database: 'ok', replica: 'ok' });
    // The read pool is on the standby and read-only.
    const { recovery, readOnly } = (await platform.readDb.query<{ recovery: boolean; readOnly: string }>('select pg_is_in_recovery() as recovery, current_setting($1) as "readOnly"', ['default_transaction_read_only']))[0]!;
    expect([recovery, readOnly]).toEqual([true, 'on']);

    const program = await post('/api/cms/programs', { kind: 'podcast', title: 'Replica drill', language: 'en' });
    await post(`/api/cms/programs/${program.id}/publish`);
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const episode = await post('/api/cms/episodes', { programId: program.id, title: `Replicated ${i}` });
      const started = performance.now();
      await post(`/api/cms/episodes/${episode.id}/publish`);
      // No refresh() here: the generation clock must notice by itself (LISTEN on the primary, polls on the replica).
      await until(`episode ${i} public through the replica`, async () => (await publicStatus(`/api/discovery/episodes/${episode.id}`)) === 200);
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    console.log(`[drill postgres] publish → public through the replica: p50 ${latencies[2]!.toFixed(0)} ms, max ${latencies[4]!.toFixed(0)} ms (5 episodes)`);

    // Proof that the answers come from the replica: with its replay paused, a published episode is in
    // the primary's read model but not public; it is once replay resumes (the generation catches up).
    await cluster.sql(cluster.replica, 'select pg_wal_replay_pause()');
    try {
      const held = await post('/api/cms/episodes', { programId: program.id, title: 'Held back' });
      await post(`/api/cms/episodes/${held.id}/publish`);
      await until('the primary indexed the held episode', async () => (await platform.db.query('select 1 from discovery_episodes where id = $1', [held.id])).length === 1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await publicStatus(`/api/discovery/episodes/${held.id}`)).toBe(404);
      await cluster.sql(cluster.replica, 'select pg_wal_replay_resume()');
      const after = await until('the held episode public after replay resumed', async () => (await publicStatus(`/api/discovery/episodes/${held.id}`)) === 200);
      console.log(`[drill postgres] replay paused: not public; ${after.toFixed(0)} ms after resuming: public`);
    } finally {
      await cluster.sql(cluster.replica, 'select pg_wal_replay_resume()').catch(() => {});
    }
    const page = await app.inject(`/api/discovery/programs/${program.slug}`);
    expect(page.json().program.episodeCount).toBe(6);
  });

  it('backs up to the object store and restores into an empty database with the same catalogue', async () => {
    // Quiet first: the relay and the indexer write their marks, which would differ from the dump's.
    await stop();
    stop = async () => {};
    const backupDir = mkdtempSync(join(tmpdir(), 'thmnayah-pg-backup-'));
    const restoreDir = mkdtempSync(join(tmpdir(), 'thmnayah-pg-restore-'));
    try {
      const common = {
        PATH: process.env.PATH,
        PGHOST: '127.0.0.1',
        PGUSER: 'postgres',
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: 'thmnayah-backups',
        S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
        S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      };
      // What the CronJob runs (its two containers run `dump` then `upload`; `all` does both).
      const backup = await run('sh', [join(SCRIPTS, 'pg-backup.sh'), 'all'], { env: { ...common, PGPORT: String(cluster.primary.port), PGDATABASE: 'thmnayah', BACKUP_DIR: backupDir } });
      console.log(`[drill postgres] ${backup.stdout.trim().replace(/\n/g, '; ')}`);
      await cluster.sql(cluster.primary, 'create database thmnayah_restored template template0');
      const restore = await run('sh', [join(SCRIPTS, 'pg-restore.sh'), 'all'], {
        env: { ...common, PGPORT: String(cluster.primary.port), PGDATABASE: 'thmnayah_restored', SOURCE_DATABASE: 'thmnayah', BACKUP_DIR: restoreDir },
      });
      console.log(`[drill postgres] ${restore.stdout.trim().replace(/\n/g, '; ')}`);
      // A second restore into the now full database is refused, not merged.
      await expect(run('sh', [join(SCRIPTS, 'pg-restore.sh'), 'restore'], { env: { ...common, PGPORT: String(cluster.primary.port), PGDATABASE: 'thmnayah_restored', BACKUP_DIR: restoreDir } })).rejects.toThrow(/refusing to restore/);

      const { tables, rows, differing } = await compareDatabases(cluster, 'thmnayah', 'thmnayah_restored');
      console.log(`[drill postgres] rows differing after restore: ${differing} (${rows} rows in ${tables} tables compared)`);
      expect(rows).toBeGreaterThan(0);
      expect(differing).toBe(0);
    } finally {
      rmSync(backupDir, { recursive: true, force: true });
      rmSync(restoreDir, { recursive: true, force: true });
    }
  }, 60_000);
});

/**
 * Every table of schema public, row by row (each row as its JSON text), as multisets: the rows one
 * database has and the other lacks, counted on both sides. Sequences' positions too.
 */
async function compareDatabases(cluster: PgCluster, a: string, b: string) {
  const tableNames = async (db: string) =>
    (await cluster.sql<{ name: string }>(cluster.primary, "select tablename as name from pg_tables where schemaname = 'public' order by 1", db)).map((r) => r.name);
  const [namesA, namesB] = [await tableNames(a), await tableNames(b)];
  expect(namesB).toEqual(namesA);
  let rows = 0;
  let differing = 0;
  for (const table of namesA) {
    const read = async (db: string) => (await cluster.sql<{ r: string }>(cluster.primary, `select to_jsonb(t)::text as r from public."${table}" t`, db)).map((x) => x.r);
    const [left, right] = [await read(a), await read(b)];
    rows += left.length;
    const counts = new Map<string, number>();
    for (const r of left) counts.set(r, (counts.get(r) ?? 0) + 1);
    for (const r of right) counts.set(r, (counts.get(r) ?? 0) - 1);
    for (const n of counts.values()) differing += Math.abs(n);
  }
  const sequences = async (db: string) =>
    (await cluster.sql<{ s: string }>(cluster.primary, "select schemaname || '.' || sequencename || '=' || coalesce(last_value, 0) as s from pg_sequences order by 1", db)).map((x) => x.s);
  expect(await sequences(b)).toEqual(await sequences(a));
  return { tables: namesA.length, rows, differing };
}
