// PGlite adapter: real PostgreSQL compiled to WebAssembly, running in this process with its files
// in DATA_DIR. It serves one process per data directory, so the server takes a lock file (see
// data-dir-lock.ts) and CLI commands talk to a running server through its API instead.
import { mkdirSync } from 'node:fs';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { Db, Queryable, Row } from './db.js';
import { SpanKind, inSpan } from '../telemetry/tracing.js';

// Extensions must be passed at creation and again at every open.
const extensions = { pg_trgm, unaccent };

// Same value shapes as the PostgreSQL adapter: bigint columns as numbers (ids and counts stay far
// below 2^53), timestamps as Date, json as objects.
const parsers = { [types.INT8]: (value: string) => Number(value) };

export interface PgliteOptions {
  /** A directory for a persistent database; in memory when absent. */
  dataDir?: string;
  /** A tarball from dumpDataDir() to start from (tests copy one migrated template this way). */
  loadDataDir?: Blob;
}

export async function openPglite(options: PgliteOptions = {}): Promise<Db & { dump(): Promise<Blob> }> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pg = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions,
    parsers,
  });
  // PGlite runs in this thread and answers through promises that settle without I/O, so a long run
  // of queries (a seed, an import) would keep the event loop in microtasks and starve HTTP, timers
  // and signals. Each top-level statement or transaction first lets one turn of the loop through.
  const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
  // No instrumentation knows PGlite: its statements get client spans here, as pg's do from the
  // pg instrumentation (only inside a traced operation; a no-op when tracing is off).
  const wrap = (q: PGlite | Transaction): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return inSpan(statementName(sql), statementSpan(sql), async () => (await q.query<T>(sql, params as unknown[])).rows);
    },
    async exec(sql: string) {
      await inSpan(statementName(sql), statementSpan(sql), async () => void (await q.exec(sql)));
    },
  });
  const root = wrap(pg);
  return {
    kind: 'pglite',
    async query(sql, params) {
      await yieldToLoop();
      return root.query(sql, params);
    },
    exec: root.exec,
    // PGlite serialises work on its single connection; a transaction holds it until it ends.
    async transaction(fn) {
      await yieldToLoop();
      return inSpan('transaction (pglite)', { kind: SpanKind.CLIENT, requireParent: true, attributes: { 'db.system.name': 'postgresql' } }, () => pg.transaction((tx) => fn(wrap(tx))));
    },
    async ping() {
      await pg.query('select 1');
    },
    async close() {
      if (!pg.closed) await pg.close();
    },
    async dump() {
      return (await pg.dumpDataDir('none')) as Blob;
    },
  };
}

/** `insert (pglite)`: the statement's first word, as pg's spans name theirs by operation. */
function statementName(sql: string): string {
  const verb = /^\s*(?:with\b[\s\S]*?\)\s*)?([a-z]+)/i.exec(sql)?.[1]?.toLowerCase() ?? 'query';
  return `${verb} (pglite)`;
}

function statementSpan(sql: string) {
  return { kind: SpanKind.CLIENT, requireParent: true, attributes: { 'db.system.name': 'postgresql', 'db.system': 'postgresql', 'db.query.text': sql.length > 4000 ? `${sql.slice(0, 4000)}…` : sql } };
}
