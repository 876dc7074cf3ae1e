// Response caches turn over as soon as the read model changes: the generation clock is woken by the
// projection (in this process) and by NOTIFY (other processes on PostgreSQL), not only by its poll.
import { describe, expect, it } from 'vitest';
import { GenerationClock } from '../../src/discovery/response-cache.js';
import { bumpGeneration } from '../../src/discovery/projection.js';
import { openTestPglite, openTestPostgres, availableBackends } from '../support/databases.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import { waitFor } from '../events/support.js';

const quiet = () => {};

describe('generation clock wake-ups', () => {
  it('hears a bump in this process at once (PGlite), with polling set to a minute', async () => {
    const db = await openTestPglite();
    const clock = new GenerationClock(db, 60_000);
    await clock.start(quiet);
    try {
      const before = clock.value;
      await db.transaction((tx) => bumpGeneration(tx));
      await waitFor('the clock to see the new generation', () => clock.value === before + 1, 2000);
    } finally {
      await clock.stop();
      await db.close();
    }
  });

  it.runIf(availableBackends().includes('postgres'))('hears a bump made by another process through LISTEN/NOTIFY (PostgreSQL)', async () => {
    const database = await openTestPostgres();
    // "Another process": its own pool, and a bump written by hand, without this process's signal.
    const writer = openPostgres({ connectionString: database.url, max: 1 });
    const clock = new GenerationClock(database.db, 60_000, database.url);
    await clock.start(quiet);
    try {
      const before = clock.value;
      await writer.transaction(async (tx) => {
        await tx.query(`update discovery_state set value = value + 1 where key = 'generation'`);
        await tx.query(`select pg_notify('thmnayah_generation', '')`);
      });
      await waitFor('the clock to see the new generation', () => clock.value === before + 1, 2000);
    } finally {
      await clock.stop();
      await writer.close();
      await database.close();
    }
  });
});
