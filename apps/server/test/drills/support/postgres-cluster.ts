// A PostgreSQL primary and a streaming replica as the postgres-ha component runs them (one primary,
// one hot standby made by pg_basebackup -R streaming from it), as processes on loopback.
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../../deploy/manifests.js';
import { findBinary, freePort, run, serviceUser, startChild, tempDir, until, type Child } from './processes.js';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const postgresBinary = () => findBinary([join(PG_BIN, 'postgres')]);

export interface PgNode {
  port: number;
  dir: string;
  url(database: string): string;
  child: Child;
}

export interface PgCluster {
  primary: PgNode;
  replica: PgNode;
  /** Runs one statement as the superuser. */
  sql<T extends pg.QueryResultRow>(node: PgNode, text: string, database?: string): Promise<T[]>;
  close(): Promise<void>;
}

// Fast and small: a drill is about replication and failure, not durability of the test's own disk.
const SLOT = 'postgres_replica_0';

const SETTINGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'shared_buffers=16MB', '-c', 'max_connections=60'];

export async function startPgCluster(): Promise<PgCluster> {
  const user = await serviceUser('postgres');
  
  const root = tempDir('thmnayah-pg-drill-', user);
  // As the server's user, in a directory it may enter.
  const as = { ...(user ?? {}), cwd: root };
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const nodes: PgNode[] = [];
  const start = async (dir: string, port: number): Promise<PgNode> => {
    const child = startChild(join(PG_BIN, 'postgres'), ['-D', dir, '-p', String(port), '-k', root, ...SETTINGS], { user, cwd: root });
    const node: PgNode = { port, dir, child, url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}` };
    nodes.push(node);
    await until(`PostgreSQL on port ${port}\n${child.output()}`, async () => {
      const client = new pg.Client({ connectionString: node.url('postgres') });
      await client.connect();
      await client.end();
      return true;
    });
    return node;
  };
  const sql = async <T extends pg.QueryResultRow>(node: PgNode, text: string, database = 'postgres') => {
    const client = new pg.Client({ connectionString: node.url(database) });
    await client.connect();
    try {
      return (await client.query<T>(text)).rows;
    } finally {
      await client.end();
    }
  };
  try {
    const primaryDir = join(root, 'primary');
    // trust on loopback, replication connections included (initdb's pg_hba.conf allows them).
    await run(join(PG_BIN, 'initdb'), ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8'], as);
    const primary = await start(primaryDir, primaryPort);
    const replicaDir = join(root, 'replica');
    // What the replica's init container does: a base backup that streams WAL, with -R writing
    // standby.signal and primary_conninfo (and the slot), so the server starts as a hot standby.
    // It is the component's own init script (replica-clone.sh), copied where the postgres user reads it.
    await sql(primary, `select pg_create_physical_replication_slot('${SLOT}')`);
    copyFileSync(join(REPO_ROOT, 'deploy/k8s/components/postgres-ha/scripts/replica-clone.sh'), join(root, 'replica-clone.sh'));
    await run('sh', [join(root, 'replica-clone.sh')], {
      ...as,
      env: { PATH: `${PG_BIN}:${process.env.PATH}`, PGDATA: replicaDir, PRIMARY_HOST: '127.0.0.1', PRIMARY_PORT: String(primaryPort), REPLICATION_USER: 'postgres', REPLICATION_SLOT: SLOT },
    });
    const replica = await start(replicaDir, replicaPort);
    const { in_recovery } = (await sql<{ in_recovery: boolean }>(replica, 'select pg_is_in_recovery() as in_recovery'))[0]!;
    if (!in_recovery) throw new Error('the replica did not start as a standby');
    return {
      primary,
      replica,
      sql,
      async close() {
        // Fast shutdown (SIGINT): the replica first, so it does not wait on a gone primary.
        for (const node of [...nodes].reverse()) await node.child.stop('SIGINT');
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const node of [...nodes].reverse()) await node.child.stop('SIGINT');
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/** Whether the replica has replayed everything the primary has written so far. */
export async function caughtUp(cluster: PgCluster): Promise<boolean> {
  const { lsn } = (await cluster.sql<{ lsn: string }>(cluster.primary, 'select pg_current_wal_lsn()::text as lsn'))[0]!;
  const { behind } = (await cluster.sql<{ behind: boolean }>(cluster.replica, `select pg_last_wal_replay_lsn() < '${lsn}'::pg_lsn as behind`))[0]!;
  return !behind;
}
