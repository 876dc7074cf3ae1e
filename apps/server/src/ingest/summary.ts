// What an import reports when it ends: the CLI prints it, the CMS API returns it, the run keeps it.
import { Type, type Static } from 'typebox';
import { Nullable, StringEnum, Uuid } from '../platform/http/schemas.js';

export const ImportSummarySchema = Type.Object({
  runId: Uuid,
  source: Type.String({ description: 'The URL or file imported' }),
  program: Type.Object({
    id: Uuid,
    slug: Type.String(),
    title: Type.String(),
    status: StringEnum(['draft', 'published', 'archived']),
    outcome: StringEnum(['new', 'updated', 'unchanged']),
    categoryId: Nullable(Uuid),
  }),
  episodes: Type.Object({
    total: Type.Integer({ description: 'Items in the feed' }),
    new: Type.Integer(),
    updated: Type.Integer({ description: 'Changed since the last import: a new revision each' }),
    unchanged: Type.Integer({ description: 'No new revision' }),
    failed: Type.Integer({ description: 'Items that could not be written (see failures); the others were' }),
    missing: Type.Integer({ description: 'Imported items no longer in the feed: flagged, not deleted' }),
    returned: Type.Integer({ description: 'Items flagged missing before that are back' }),
  }),
  peopleCreated: Type.Integer(),
  failures: Type.Array(Type.Object({ externalId: Type.String(), title: Type.String(), reason: Type.String() })),
  warnings: Type.Array(Type.String()),
  feed: Nullable(Type.Object({
    url: Type.String({ description: 'Where the feed lives now (after a move)' }),
    movedFrom: Nullable(Type.String({ description: 'The URL it was read from, when it has moved' })),
    subscribed: Type.Boolean(),
  }), { description: 'For imports from a URL' }),
  cancelled: Type.Boolean({ description: 'Stopped early (server shutdown); run it again to finish' }),
  mediaQueued: Type.Optional(Type.Integer({ description: 'With withMedia: files queued to be fetched into storage and processed by the worker (GET /api/cms/imports/media/{programId})' })),
});
export type ImportSummary = Static<typeof ImportSummarySchema>;

const MAX_LISTED = 100;

/** Long lists are cut for the summary; the counts stay exact. */
export function capped<T>(list: T[], note: (rest: number) => T): T[] {
  return list.length <= MAX_LISTED ? list : [...list.slice(0, MAX_LISTED - 1), note(list.length - MAX_LISTED + 1)];
}

/** The summary as a few lines for a terminal. */
export function formatSummary(s: ImportSummary): string {
  const e = s.episodes;
  const lines = [
    `${s.program.title} (${s.program.slug}, ${s.program.status}): program ${s.program.outcome}`,
    `episodes: ${e.total} in the feed — new ${e.new}, updated ${e.updated}, unchanged ${e.unchanged}, missing ${e.missing}, failed ${e.failed}` +
      (e.returned ? `, back in the feed ${e.returned}` : ''),
  ];
  if (s.peopleCreated) lines.push(`people created: ${s.peopleCreated}`);
  if (s.feed) lines.push(`feed: ${s.feed.url}${s.feed.movedFrom ? ` (moved from ${s.feed.movedFrom})` : ''}${s.feed.subscribed ? ', subscribed' : ''}`);
  for (const f of s.failures) lines.push(`failed: "${f.title}" (${f.externalId}): ${f.reason}`);
  for (const w of s.warnings.slice(0, 20)) lines.push(`warning: ${w}`);
  if (s.warnings.length > 20) lines.push(`(${s.warnings.length - 20} more warnings in the run's summary: GET /api/cms/imports/${s.runId})`);
  if (s.mediaQueued !== undefined) lines.push(`media: ${s.mediaQueued} file(s) queued for the worker to fetch and process`);
  if (s.cancelled) lines.push('stopped early (the server is shutting down); run the import again to finish');
  return lines.join('\n');
}
