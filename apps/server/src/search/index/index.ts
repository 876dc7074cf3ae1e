// The search index: storage of analysed public documents, kept current by the projection's listener.
export { SearchIndexListener, searchIndexListener, indexingProjector } from './listener.js';
export { episodeEntry, programEntry, completionWords, COMPLETION_BONUS } from './document.js';
export type { IndexEntry, Completion, SearchType, CompletionTarget } from './document.js';
export { writeEntries, removeDocuments, removeProgram, refreshProgramRecency, setPopularity } from './store.js';
export { rebuildSearchIndex } from './rebuild.js';
export { reindexTask } from './reindex.task.js';
export { weightedTsvector, lexemeSet, quoteLexeme, FIELD_GAP, EXACT_MARK } from './tsvector.js';
