// `thmnayah reindex`: rebuilds the Discovery read model from content and then the search index from the
// read model, with progress. For a new deployment, a changed document shape or analyzer, or a repair.
import { Type } from 'typebox';
import { defineTask } from '../../platform/tasks.js';
import { Projector, type DocumentListener } from '../projection.js';
import { rebuildReadModel } from '../rebuild.js';
import { searchIndexListener } from './listener.js';
import { rebuildSearchIndex } from './rebuild.js';

export const reindexTask = defineTask({
  name: 'reindex',
  description: 'Rebuild the Discovery read model and the search index from content',
  args: Type.Object({}, { additionalProperties: false }),
  async run({ platform, progress }) {
    // The projector indexes each document it changes in the same transaction (so search follows the
    // read model batch by batch); the second pass analyses the rest, which the read model already had.
    const indexed = new Set<string>();
    const recording: DocumentListener = {
      async program(tx, id, doc) {
        await searchIndexListener.program(tx, id, doc);
        indexed.add(id);
      },
      async episode(tx, id, doc) {
        await searchIndexListener.episode(tx, id, doc);
        indexed.add(id);
      },
    };
    const readModel = await rebuildReadModel(platform.db, new Projector(recording), (done, total, label) => progress(done, total, `read model: ${label ?? ''}`));
    const search = await rebuildSearchIndex(platform.db, progress, indexed);
    return { readModel, search };
  },
});
