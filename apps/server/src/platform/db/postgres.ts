// PostgreSQL adapter on node-postgres (pg): the most used driver, with a pool and plain SQL.
import pg from 'pg';
import type { Db, Queryable, Row } from './db.js';

// bigint (int8) as number, to match the PGlite adapter; see pglite.ts.
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
};

export interface PostgresOptions {
  connectionString: string;
  max?: number;
  applicationName?: string;
  /** Every transaction read-only (default_transaction_read_only): a pool for a replica's reads. */
  readOnly?: boolean;
}

export function openPostgres(options: PostgresOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'thmnayah',
    types: typeParsers as pg.CustomTypesConfig,
    // Fail fast instead of queueing forever when the database is gone.
    connectionTimeoutMillis: 10_000,
    // On the primary too (DATABASE_READ_URL may name it), a write on this pool fails instead of landing.
    ...(options.readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  const root = wrap(pool);
  return {
    kind: 'postgres',
    query: root.query,
    exec: root.exec,
    async transaction(fn) {
      const client = await pool.connect();
      // A checked-out client has no 'error' listener of the pool's: when PostgreSQL restarts or drops the
      // connection between two statements of the transaction (57P01 "terminating connection due to
      // administrator command"), the client emits 'error', and unheard that crashed the process.
      // Heard, the transaction's next statement fails, and the broken client is discarded, not reused.
      let broken: Error | undefined;
      const onError = (error: Error) => (broken = error);
      client.on('error', onError);
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        if (!broken) await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    async ping() {
      await pool.query('select 1');
    },
    poolStats() {
      return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: options.max ?? 10 };
    },
    async close() {
      await pool.end();
    },
  };
}
