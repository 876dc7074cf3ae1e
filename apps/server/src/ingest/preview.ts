// An import's preview (a dry run): what importing a document would create, update or leave alone, and
// what it would warn about, with no write at all. It reads the document with the same parser, finds the
// program and the episodes with the same matching (identity proof, subscription target, --program) and
// compares with the same three-way rules as upsert.ts, but only reads: people who would be created are
// counted, not made. An item the real import would write may still fail then (a race with an editor, a
// database refusal); the preview says what the data says now.
import { Type, type Static } from 'typebox';
import type { Db } from '../platform/db/db.js';
import { HttpProblem } from '../platform/http/problem.js';
import { Nullable, StringEnum, Uuid } from '../platform/http/schemas.js';
import { episodeKind, type Episode, type EpisodeCreate } from '../content/episodes.js';
import { programKind } from '../content/programs.js';
import { CategoryMatcher } from './category-matching.js';
import { toProgramCreate, type ImportDraft } from './draft.js';
import { PeopleDirectory } from './people-matching.js';
import { capped } from './summary.js';
import {
  changedFields, draftWarnings, episodeCheck, episodeFormFrom, episodeFormOf, hashOf, locateProgram, programCheck, programFormFrom, programFormOf,
  redateOf, schemaProblem, type EpisodeForm, type Outcome, type ProgramForm, type UpsertOptions,
} from './upsert.js';

const OutcomeSchema = StringEnum(['new', 'updated', 'unchanged']);

export const ImportPreviewSchema = Type.Object({
  source: Type.String({ description: 'The URL or file previewed' }),
  program: Type.Object({
    id: Nullable(Uuid, { description: 'The existing program it imports into; null when it would be created' }),
    slug: Nullable(Type.String()),
    title: Type.String({ description: 'The title the feed gives' }),
    kind: StringEnum(['podcast', 'series', 'documentary']),
    language: StringEnum(['ar', 'en']),
    outcome: OutcomeSchema,
  }),
  episodes: Type.Object({
    total: Type.Integer({ description: 'Items in the feed' }),
    new: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    failed: Type.Integer({ description: 'Items the CMS would refuse (see failures)' }),
    missing: Type.Integer({ description: 'Imported items that would be flagged as gone from the feed' }),
    returned: Type.Integer({ description: 'Items flagged missing before that are back' }),
  }),
  peopleToCreate: Type.Integer({ description: 'People named in the feed that match nobody in the CMS' }),
  items: Type.Array(Type.Object({
    externalId: Type.String(),
    title: Type.String(),
    publishAt: Nullable(Type.String()),
    outcome: StringEnum(['new', 'updated', 'unchanged', 'failed']),
  }), { description: 'The first 100 items, in feed order' }),
  failures: Type.Array(Type.Object({ externalId: Type.String(), title: Type.String(), reason: Type.String() })),
  warnings: Type.Array(Type.String()),
  feed: Nullable(Type.Object({
    url: Type.String({ description: 'Where the feed lives (after a move)' }),
    subscribedProgramId: Nullable(Uuid, { description: 'The program already subscribed to this feed, if any' }),
  }), { description: 'For previews of a URL' }),
});
export type ImportPreview = Static<typeof ImportPreviewSchema>;

const MAX_ITEMS = 100;

/** Compares a draft with the CMS as upsertDraft would, without writing. */
export async function previewDraft(
  db: Db,
  draft: ImportDraft,
  options: Pick<UpsertOptions, 'target' | 'origin' | 'context'> & { now: Date },
): Promise<Omit<ImportPreview, 'source' | 'feed'>> {
  const warnings = draftWarnings(draft);
  const problem = schemaProblem(programCheck, toProgramCreate(draft.program));
  if (problem) throw new HttpProblem('validation-failed', `the feed's program cannot be stored: ${problem}`);
  // Throws as the import would: an unproven identity claim, a program deleted in the CMS, a wrong --program.
  const found = await locateProgram(db, draft, options);

  const people = new PeopleDirectory(db, options.context, { dryRun: true });
  await people.resolve([draft.program.people, ...draft.episodes.map((e) => e.people)].flat());
  const categories = await CategoryMatcher.load(db);
  const form = programFormFrom(draft, people, categories);
  const current = found ? (await programKind.loadMany(db, [found.id]))[0] : undefined;
  const programOutcome = found && current ? await compareProgram(db, found.id, form, programFormOf(current), found.externalSource === null) : 'new';

  const known = new Map<string, { episodeId: string; hash: string; imported: EpisodeForm; missing: boolean }>();
  const existing = new Map<string, { id: string; deleted: boolean }>();
  if (found) {
    for (const r of await db.query<{ external_id: string; episode_id: string; imported_hash: string; imported: EpisodeForm; missing: boolean }>(
      'select external_id, episode_id, imported_hash, imported, missing_since is not null as missing from ingest_items where program_id = $1', [found.id],
    )) known.set(r.external_id, { episodeId: r.episode_id, hash: r.imported_hash, imported: r.imported, missing: r.missing });
    for (const r of await db.query<{ external_id: string; id: string; deleted: boolean }>(
      'select external_id, id, deleted_at is not null as deleted from episodes where program_id = $1 and external_id is not null', [found.id],
    )) existing.set(r.external_id, { id: r.id, deleted: r.deleted });
  }

  // First the outcomes that need no episode read; then one read for the episodes to compare.
  const counts = { total: draft.episodes.length, new: 0, updated: 0, unchanged: 0, failed: 0, missing: 0, returned: 0 };
  const failures: ImportPreview['failures'] = [];
  const outcomes: (Outcome | 'failed' | { compare: string; form: EpisodeForm; base: EpisodeForm | undefined })[] = [];
  let deletedInCms = 0;
  for (const episode of draft.episodes) {
    const form = episodeFormFrom(episode, people);
    const item = known.get(episode.externalId);
    if (item && item.hash === hashOf(form)) {
      outcomes.push('unchanged');
      continue;
    }
    const create: EpisodeCreate = {
      programId: found?.id ?? '00000000-0000-4000-8000-000000000000', title: form.title, description: form.description, season: form.season,
      number: form.number, episodeType: form.episodeType, durationSeconds: form.durationSeconds, explicit: form.explicit, tags: form.tags,
      people: form.people.map((p) => (p.personId.startsWith('to-create:') ? { ...p, personId: '00000000-0000-4000-8000-000000000000' } : p)),
      media: form.media, externalId: episode.externalId,
    };
    const refused = schemaProblem(episodeCheck, create);
    if (refused) {
      outcomes.push('failed');
      failures.push({ externalId: episode.externalId, title: episode.title, reason: `the item cannot be stored: ${refused}` });
      continue;
    }
    const row = existing.get(episode.externalId);
    if (!row) outcomes.push('new');
    else if (row.deleted) {
      deletedInCms += 1;
      outcomes.push('unchanged');
    } else outcomes.push({ compare: row.id, form, base: item?.imported });
  }
  const ids = outcomes.flatMap((o) => (typeof o === 'object' ? [o.compare] : []));
  const episodes = new Map<string, Episode>((ids.length ? await episodeKind.loadMany(db, ids) : []).map((e) => [e.id, e]));
  const resolved = outcomes.map((o): Outcome | 'failed' => {
    if (typeof o !== 'object') return o;
    const stored = episodes.get(o.compare);
    if (!stored) return 'new';
    const patch = changedFields(o.form, o.base, episodeFormOf(stored), ['publishAt']);
    return Object.keys(patch).length > 0 || redateOf(o.form.publishAt, o.base?.publishAt, stored, options.now) ? 'updated' : 'unchanged';
  });
  for (const outcome of resolved) counts[outcome] += 1;

  const present = new Set(draft.episodes.map((e) => e.externalId));
  for (const [externalId, item] of known) {
    if (!present.has(externalId)) counts.missing += 1;
    else if (item.missing) counts.returned += 1;
  }
  if (deletedInCms > 0) warnings.push(`${deletedInCms} item(s) belong to episodes deleted in the CMS; they would be left deleted`);
  if (people.created > 0) warnings.push(`${people.created} person(s) named in the feed match nobody in the CMS and would be created`);

  return {
    program: {
      id: found?.id ?? null, slug: current?.slug ?? null, title: draft.program.title, kind: draft.program.kind, language: draft.program.language,
      outcome: programOutcome,
    },
    episodes: counts,
    peopleToCreate: people.created,
    items: draft.episodes.slice(0, MAX_ITEMS).map((e, i) => ({ externalId: e.externalId, title: e.title, publishAt: e.publishAt, outcome: resolved[i]! })),
    failures: capped(failures, (rest) => ({ externalId: '…', title: '…', reason: `${rest} more failures` })),
    warnings: capped(warnings, (rest) => `${rest} more warnings`),
  };
}

/** The program's outcome as upsertProgram decides it (an editor's program taking the feed's id is an update). */
async function compareProgram(db: Db, id: string, form: ProgramForm, current: ProgramForm, link: boolean): Promise<Outcome> {
  if (link) return 'updated';
  const [base] = await db.query<{ imported: ProgramForm; imported_hash: string }>('select imported, imported_hash from ingest_programs where program_id = $1', [id]);
  if (base?.imported_hash === hashOf(form)) return 'unchanged';
  return Object.keys(changedFields(form, base?.imported, current)).length > 0 ? 'updated' : 'unchanged';
}
