// Rebuilds the search index from the read model: every public document analysed again (after an
// analyzer change, or to repair), rows for documents that are no longer public removed. Batches per
// transaction keep locks short; searches keep working on the old rows until each batch commits.
import type { Db, Queryable } from '../../platform/db/db.js';
import type { PublicEpisode, PublicProgram } from '../documents.js';
import { bumpGeneration } from '../projection.js';
import { episodeEntry, programEntry } from './document.js';
import { removeDocuments, writeEntries } from './store.js';
import { pruneWords } from '../../search/typos/dictionary.js';

const BATCH = 500;

export type Progress = (done: number, total: number, label?: string) => void;

async function removeOrphans(tx: Queryable): Promise<number> {
  const orphans = `select d.id from search_documents d
                    where not exists (select 1 from discovery_programs p where p.id = d.id)
                      and not exists (select 1 from discovery_episodes e where e.id = d.id and e.publish_at <= now())`;
  // Through removeDocuments, so the typo dictionary forgets their words and programs get their recency.
  const ids = (await tx.query<{ id: string }>(orphans)).map((r) => r.id);
  const removed = await removeDocuments(tx, ids);
  await pruneWords(tx);
  return removed;
}

/** `skip`: ids analysed already in this run (by the projector's listener during a read-model rebuild). */
export async function rebuildSearchIndex(db: Db, progress: Progress = () => {}, skip: ReadonlySet<string> = new Set()) {
  const removed = await db.transaction(removeOrphans);
  const [counts] = await db.query<{ programs: number; episodes: number }>(
    `select (select count(*) from discovery_programs)::int as programs,
            (select count(*) from discovery_episodes where publish_at <= now())::int as episodes`,
  );
  const total = (counts?.programs ?? 0) + (counts?.episodes ?? 0);
  let done = 0;
  let reanalysed = 0;
  const steps = [
    { label: 'search: programs', table: 'discovery_programs', where: 'true', entry: (doc: unknown) => programEntry(doc as PublicProgram) },
    { label: 'search: episodes', table: 'discovery_episodes', where: 'publish_at <= now()', entry: (doc: unknown) => episodeEntry(doc as PublicEpisode) },
  ];
  for (const step of steps) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await db.query<{ id: string; document: unknown }>(
        `select id, document from ${step.table} where ${step.where} and id > $1 order by id limit ${BATCH}`, [after]);
      if (rows.length === 0) break;
      const fresh = rows.filter((r) => !skip.has(r.id));
      reanalysed += fresh.length;
      if (fresh.length > 0) await db.transaction((tx) => writeEntries(tx, fresh.map((r) => step.entry(r.document))));
      after = rows[rows.length - 1]!.id;
      done += rows.length;
      progress(done, total, step.label);
    }
  }
  await db.transaction(bumpGeneration);
  return { programs: counts?.programs ?? 0, episodes: counts?.episodes ?? 0, removed, reanalysed };
}
