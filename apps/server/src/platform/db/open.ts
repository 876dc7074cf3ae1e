// Chooses the database adapter from configuration: PostgreSQL when DATABASE_URL is set, else PGlite.
import { join } from 'node:path';
import type { Config } from '../../config.js';
import type { Db } from './db.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

function embeddedDatabaseDir(config: Pick<Config, 'dataDir'>) {
  return join(config.dataDir, 'pglite');
}

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'databasePoolMax' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl) return openPostgres({ connectionString: config.databaseUrl, max: config.databasePoolMax });
  return openPglite({ dataDir: embeddedDatabaseDir(config) });
}

/**
 * The pool for the public reads when DATABASE_READ_URL names a streaming replica, read-only; undefined
 * when the primary serves them too.
 */
export function openReadReplica(config: Pick<Config, 'databaseReadUrl' | 'databasePoolMax'>): Db | undefined {
  if (!config.databaseReadUrl) return undefined;
  return openPostgres({ connectionString: config.databaseReadUrl, max: config.databasePoolMax, applicationName: 'thmnayah-read', readOnly: true });
}
