// The search index's side of the Discovery projection: the Projector calls this in its transaction
// whenever a public program or episode appears, changes or disappears (unpublished, archived, deleted,
// not yet due), so the index is never ahead of or behind the read model.
import type { Queryable } from '../../platform/db/db.js';
import type { PublicEpisode, PublicProgram } from '../documents.js';
import { Projector, type DocumentListener } from '../projection.js';
import { episodeEntry, programEntry } from './document.js';
import { removeDocuments, removeProgram, writeEntries } from './store.js';

class SearchIndexListener implements DocumentListener {
  async program(tx: Queryable, id: string, doc: PublicProgram | null): Promise<void> {
    if (doc) await writeEntries(tx, [programEntry(doc)]);
    else await removeProgram(tx, id);
  }

  async episode(tx: Queryable, id: string, doc: PublicEpisode | null): Promise<void> {
    if (doc) await writeEntries(tx, [episodeEntry(doc)]);
    else await removeDocuments(tx, [id]);
  }
}

export const searchIndexListener = new SearchIndexListener();

/** The projector the indexer (event consumer) should use: read model and search index together. */
export function indexingProjector(): Projector {
  return new Projector(searchIndexListener);
}
