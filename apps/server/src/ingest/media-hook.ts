// Where imported media meets the media pipeline. An import records enclosures, alternates, episode
// images, transcripts, chapters and program artwork as media references (URLs in episode_media and
// programs.artwork_url); pulling the files in (probe, renditions, storage) is the media pipeline's job.
// It plugs in here: the hook is called inside the transaction that writes the references, for new and
// changed references only, so a pipeline can enqueue its work atomically with the import (an outbox
// row or a job row) and never sees references of an item that rolled back. The default does nothing.
import type { Queryable } from '../platform/db/db.js';

export interface MediaReference {
  owner: { type: 'program' | 'episode'; id: string };
  kind: 'audio' | 'video' | 'image' | 'transcript' | 'chapters';
  url: string;
  mimeType: string;
  byteSize: number | null;
}

export interface MediaHook {
  referencesImported(tx: Queryable, references: MediaReference[]): Promise<void>;
}

export const noMediaHook: MediaHook = {
  async referencesImported() {},
};
