// `thmnayah reindex`: rebuilds the whole read model from content, for a new deployment, a changed
// document shape or a repair. Batches of entities per transaction keep locks short; the generation is
// bumped once at the end (and by every batch that changed something).
import type { Db } from '../platform/db/db.js';
import { allContentIds } from '../content/publication.js';
import { bumpGeneration, type Projector } from './projection.js';

const BATCH = 100;

export async function rebuildReadModel(db: Db, projector: Projector, progress: (done: number, total: number, label?: string) => void) {
  const ids = await allContentIds(db);
  // Rows for content that is no longer public go first (everything still public is rewritten below).
  const removed = await db.transaction(async (tx) => {
    const count = async (sql: string, list: string[]) => (await tx.query(sql, [list])).length;
    const stale =
      (await count('delete from discovery_episodes where id <> all($1::uuid[]) returning id', ids.episodes)) +
      (await count('delete from discovery_programs where id <> all($1::uuid[]) returning id', ids.programs)) +
      (await count('delete from discovery_categories where id <> all($1::uuid[]) returning id', ids.categories)) +
      (await count('delete from discovery_people where id <> all($1::uuid[]) returning id', ids.people));
    if (stale > 0) await bumpGeneration(tx);
    return stale;
  });
  const steps: [string, string[], (tx: Parameters<Parameters<Db['transaction']>[0]>[0], id: string) => Promise<boolean>][] = [
    ['categories', ids.categories, (tx, id) => projector.project(tx, { type: 'category', id })],
    ['programs', ids.programs, (tx, id) => projector.writeProgram(tx, id)],
    ['episodes', ids.episodes, (tx, id) => projector.writeEpisode(tx, id)],
    // Programs again, for their episode counts; people last, once their credits exist.
    ['program stats', ids.programs, (tx, id) => projector.refreshStats(tx, id)],
    ['people', ids.people, (tx, id) => projector.project(tx, { type: 'person', id })],
  ];
  const total = steps.reduce((n, [, list]) => n + list.length, 0);
  let done = 0;
  let changed = 0;
  for (const [label, list, apply] of steps) {
    for (let i = 0; i < list.length; i += BATCH) {
      const batch = list.slice(i, i + BATCH);
      changed += await db.transaction(async (tx) => {
        let n = 0;
        for (const id of batch) if (await apply(tx, id)) n++;
        if (n > 0) await bumpGeneration(tx);
        return n;
      });
      done += batch.length;
      progress(done, total, label);
    }
  }
  return { categories: ids.categories.length, programs: ids.programs.length, episodes: ids.episodes.length, changed, removed };
}
