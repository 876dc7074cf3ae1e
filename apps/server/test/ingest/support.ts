// Shared by the ingest tests: the feed fixtures, their manifest, and the CMS schema check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerAjvFormats } from '@fastify/type-provider-typebox';
import { Value } from 'typebox/value';
import { EpisodeCreateSchema } from '../../src/content/episodes.js';
import { ProgramCreateSchema } from '../../src/content/programs.js';
import { toEpisodeCreate, toProgramCreate, type ImportDraft } from '../../src/ingest/draft.js';
import { fixturesDir } from '../../src/paths.js';

export const feedsDir = join(fixturesDir, 'feeds');

export function feed(name: string): Buffer {
  return readFileSync(join(feedsDir, name));
}

export interface ManifestRow {
  file: string;
  sourceRepo: string;
  license: string;
  language: string;
  episodeCount: number;
  xmlStatus: string;
  channelTitle: string;
}

export function readManifest(): ManifestRow[] {
  const [header, ...lines] = readFileSync(join(feedsDir, 'MANIFEST.tsv'), 'utf8').trimEnd().split('\n');
  const columns = header!.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const get = (name: string) => cells[columns.indexOf(name)] ?? '';
    return {
      file: get('file'), sourceRepo: get('source_repo'), license: get('license'), language: get('language'),
      episodeCount: Number(get('episode_count')), xmlStatus: get('xml_status'), channelTitle: get('channel_title'),
    };
  });
}

const PROGRAM_ID = '0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61';

/** The CMS request schemas' verdict on a draft: an empty list when the CMS would accept all of it. */
export function cmsProblems(draft: ImportDraft): string[] {
  registerAjvFormats();
  const problems: string[] = [];
  const program = toProgramCreate(draft.program);
  for (const error of Value.Errors(ProgramCreateSchema, program)) problems.push(`program ${error.instancePath}: ${error.message}`);
  for (const episode of draft.episodes) {
    const create = toEpisodeCreate(episode, PROGRAM_ID);
    for (const error of Value.Errors(EpisodeCreateSchema, create)) problems.push(`episode ${episode.externalId} ${error.instancePath}: ${error.message}`);
  }
  return problems;
}
