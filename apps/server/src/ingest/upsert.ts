// Writing an import draft into the CMS. The rules (docs/ingest.md, "Import semantics"):
//  - Upsert by source and external id: the program by (external_source, external_id), each episode by
//    (program_id, external_id). Importing the same feed again finds what the last import made.
//  - Every change goes through the content layer (content/entity.ts), so it has its revision, audit entry
//    and outbox event. Nothing that did not change gets a new version: an item whose fields are exactly
//    what the feed said last time is not even loaded.
//  - Three-way merge: ingest_items / ingest_programs keep what the feed said last time (the base). A field
//    is written only when the feed changed it since; a field an editor changed in the CMS while the feed
//    kept it stays as the editor left it.
//  - Each episode is its own transaction: one that fails is counted with its reason, the rest go on.
//  - Items gone from the feed are flagged (ingest_items.missing_since), never deleted; flags are cleared
//    when the items come back.
//  - New content arrives as drafts, or published when the importer asks (keeping the feed's dates; a date
//    in the future schedules the episode). An existing item keeps its workflow state: a re-import never
//    publishes or unpublishes what an editor decided.
import { registerAjvFormats } from '@fastify/type-provider-typebox';
import { Compile } from 'typebox/compile';
import type { Db, Queryable } from '../platform/db/db.js';
import { SQLSTATE, sqlState } from '../platform/db/db.js';
import { HttpProblem, conflict } from '../platform/http/problem.js';
import type { ChangeContext } from '../platform/http/change-context.js';
import { createEntity, mutateEntity } from '../content/entity.js';
import { EpisodeCreateSchema, episodeKind, insertEpisode, type Episode, type EpisodeCreate, type EpisodePatch } from '../content/episodes.js';
import { ProgramCreateSchema, findProgramBySlug, insertProgram, programKind, type Program, type ProgramCreate, type ProgramPatch } from '../content/programs.js';
import type { PersonLink } from '../content/sql.js';
import { CategoryMatcher } from './category-matching.js';
import { toProgramCreate, type EpisodeDraft, type ImportDraft, type MediaDraft } from './draft.js';
import { sha256 } from './ids.js';
import { noMediaHook, type MediaHook, type MediaReference } from './media-hook.js';
import { PeopleDirectory } from './people-matching.js';
import { assertIdentityProven, type DocumentOrigin } from './identity.js';

registerAjvFormats();
export const programCheck = Compile(ProgramCreateSchema);
export const episodeCheck = Compile(EpisodeCreateSchema);

export interface UpsertOptions {
  context: ChangeContext;
  /** New programs and episodes arrive published (true) or as drafts (false). */
  publish: boolean;
  /** Import into this program instead of the one the source's id finds (a subscription's; `--program`). */
  target?: { programId: string } | { programSlug: string };
  /**
   * Where the document was read from, which proves (or not) that it is the program its id matches
   * (identity.ts). Without a target, a match that is not proven is a conflict. Undefined: an uploaded document.
   */
  origin?: DocumentOrigin;
  media?: MediaHook;
  signal?: AbortSignal;
  /** After each item: how many of how many, into which program. */
  progress?: (done: number, total: number, program: { id: string; title: string }) => void;
  now?: () => Date;
}

export type Outcome = 'new' | 'updated' | 'unchanged';

export interface EpisodeCounts {
  total: number;
  new: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Imported items no longer in the feed (flagged, not deleted), after this import. */
  missing: number;
  /** Items flagged missing before that are back in the feed. */
  returned: number;
}

export interface ItemFailure {
  externalId: string;
  title: string;
  reason: string;
}

export interface UpsertResult {
  program: { id: string; slug: string; title: string; status: Program['status']; outcome: Outcome; categoryId: string | null };
  episodes: EpisodeCounts;
  peopleCreated: number;
  failures: ItemFailure[];
  warnings: string[];
  /** Stopped before the end (shutdown): missing items were not flagged. */
  cancelled: boolean;
}

// What the feed says, in the CMS's terms: the fields an import writes and compares.
export interface ProgramForm {
  title: string;
  description: string;
  language: 'ar' | 'en';
  artworkUrl: string | null;
  tags: string[];
  explicit: boolean;
  people: PersonLink[];
  categoryId: string | null;
}

interface MediaForm {
  kind: MediaDraft['kind'];
  url: string;
  mimeType: string;
  byteSize: number | null;
}

export interface EpisodeForm {
  title: string;
  description: string;
  season: number | null;
  number: number | null;
  episodeType: Episode['episodeType'];
  durationSeconds: number | null;
  explicit: boolean;
  tags: string[];
  people: PersonLink[];
  media: MediaForm[];
  publishAt: string | null;
}

const json = (value: unknown) => JSON.stringify(value ?? null);
export const hashOf = (form: object) => sha256(json(form));

/**
 * The fields of `next` to write: those the feed changed since `base` (all of them when there is no base)
 * and that the CMS does not already hold.
 */
export function changedFields<F extends object>(next: F, base: Partial<F> | undefined, current: F, skip: readonly (keyof F)[] = []): Partial<F> {
  const patch: Partial<F> = {};
  for (const key of Object.keys(next) as (keyof F)[]) {
    if (skip.includes(key)) continue;
    const value = json(next[key]);
    if (base && key in base && json(base[key]) === value) continue;
    if (json(current[key]) === value) continue;
    patch[key] = next[key];
  }
  return patch;
}

const mediaOf = (media: { kind: MediaDraft['kind']; url: string; mimeType: string; byteSize: number | null }[]): MediaForm[] =>
  media.map((m) => ({ kind: m.kind, url: m.url, mimeType: m.mimeType, byteSize: m.byteSize }));

export function programFormOf(p: Program): ProgramForm {
  return {
    title: p.title, description: p.description, language: p.language, artworkUrl: p.artworkUrl, tags: p.tags,
    explicit: p.explicit, people: p.people, categoryId: p.categoryId,
  };
}

export function episodeFormOf(e: Episode): EpisodeForm {
  return {
    title: e.title, description: e.description, season: e.season, number: e.number, episodeType: e.episodeType,
    durationSeconds: e.durationSeconds, explicit: e.explicit, tags: e.tags, people: e.people, media: mediaOf(e.media), publishAt: e.publishAt,
  };
}

export function schemaProblem(check: typeof episodeCheck | typeof programCheck, value: unknown): string | undefined {
  if (check.Check(value)) return undefined;
  return [...check.Errors(value)].filter((e) => e.keyword !== 'boolean').slice(0, 3)
    .map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

/** Seconds precision: feed dates have no milliseconds, so a date we make up should not either. */
const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

function describeError(error: unknown): string {
  if (error instanceof HttpProblem) return error.detail;
  const state = sqlState(error);
  if (state) return `database refused the item (SQLSTATE ${state}): ${(error as Error).message}`;
  return (error as Error).message ?? String(error);
}

/** What the document itself warns about before anything is written (the preview shows the same). */
export function draftWarnings(draft: ImportDraft): string[] {
  const warnings = [...draft.warnings];
  if (draft.program.locked) warnings.unshift('the feed is locked (podcast:locked): make sure you have the owner\'s permission to import it');
  const unmatchedRoles = new Set<string>();
  for (const p of [draft.program.people, ...draft.episodes.map((e) => e.people)].flat()) if (p.role === null) unmatchedRoles.add(p.sourceRole);
  if (unmatchedRoles.size > 0) warnings.push(`people with roles the CMS has no place for were not linked: ${[...unmatchedRoles].slice(0, 10).join(', ')}`);
  return warnings;
}

/** Writes a draft into the CMS. Throws only when the program itself cannot be written. */
export async function upsertDraft(db: Db, draft: ImportDraft, options: UpsertOptions): Promise<UpsertResult> {
  const now = options.now ?? (() => new Date());
  const media = options.media ?? noMediaHook;
  const warnings = draftWarnings(draft);

  // Everything that can refuse the whole import is checked before anything is written (people included).
  const problem = schemaProblem(programCheck, toProgramCreate(draft.program));
  if (problem) throw new HttpProblem('validation-failed', `the feed's program cannot be stored: ${problem}`);
  const found = await locateProgram(db, draft, options);

  const people = new PeopleDirectory(db, options.context);
  await people.resolve([draft.program.people, ...draft.episodes.map((e) => e.people)].flat());
  const categories = await CategoryMatcher.load(db);

  const program = await upsertProgram(db, draft, options, found, people, categories, media, now);
  const counts: EpisodeCounts = { total: draft.episodes.length, new: 0, updated: 0, unchanged: 0, failed: 0, missing: 0, returned: 0 };
  const failures: ItemFailure[] = [];
  const known = new Map(
    (await db.query<{ external_id: string; episode_id: string; imported_hash: string }>(
      'select external_id, episode_id, imported_hash from ingest_items where program_id = $1', [program.id],
    )).map((r) => [r.external_id, { episodeId: r.episode_id, hash: r.imported_hash }]),
  );
  // One read for all the program's episodes with external ids, instead of one per item.
  const existing = new Map(
    (await db.query<{ external_id: string; id: string; deleted: boolean }>(
      'select external_id, id, deleted_at is not null as deleted from episodes where program_id = $1 and external_id is not null', [program.id],
    )).map((r) => [r.external_id, { id: r.id, deleted: r.deleted }]),
  );
  const item = new ItemWriter(db, program.id, options, media, now, warnings, existing);
  let cancelled = false;
  options.progress?.(0, draft.episodes.length, program);
  for (const [index, episode] of draft.episodes.entries()) {
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    try {
      const form = episodeFormFrom(episode, people);
      let outcome: Outcome;
      try {
        outcome = await item.upsert(episode, form, known.get(episode.externalId));
      } catch (error) {
        // Another import (another process) created the same episode or took the same number meanwhile:
        // once more, now finding what it wrote.
        if (sqlState(error) !== SQLSTATE.uniqueViolation) throw error;
        outcome = await item.upsert(episode, form, undefined, { recheck: true });
      }
      counts[outcome] += 1;
    } catch (error) {
      counts.failed += 1;
      failures.push({ externalId: episode.externalId, title: episode.title, reason: describeError(error) });
    }
    options.progress?.(index + 1, draft.episodes.length, program);
    // Let waiting requests in between items: on PGlite one connection serves everyone, and a long import
    // must not hold the CMS for its whole length.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!cancelled) Object.assign(counts, await flagMissing(db, program.id, draft.episodes.map((e) => e.externalId), now()));
  if (item.deletedInCms > 0) warnings.push(`${item.deletedInCms} item(s) belong to episodes deleted in the CMS; they were left deleted`);
  return { program, episodes: counts, peopleCreated: people.created, failures, warnings, cancelled };
}

export function episodeFormFrom(draft: EpisodeDraft, people: PeopleDirectory): EpisodeForm {
  return {
    title: draft.title, description: draft.description, season: draft.season, number: draft.number, episodeType: draft.episodeType,
    durationSeconds: draft.durationSeconds, explicit: draft.explicit, tags: draft.tags, people: people.links(draft.people),
    media: mediaOf(draft.media), publishAt: draft.publishAt,
  };
}

/** The program's fields as the feed gives them, in the CMS's terms (people resolved first). */
export function programFormFrom(draft: ImportDraft, people: PeopleDirectory, categories: CategoryMatcher): ProgramForm {
  const { program: p } = draft;
  return {
    title: p.title, description: p.description, language: p.language, artworkUrl: p.artworkUrl, tags: p.tags, explicit: p.explicit,
    people: people.links(p.people), categoryId: categories.match(p.categories),
  };
}

async function upsertProgram(
  db: Db, draft: ImportDraft, options: UpsertOptions, found: LocatedProgram | undefined,
  people: PeopleDirectory, categories: CategoryMatcher, media: MediaHook, now: () => Date,
): Promise<UpsertResult['program']> {
  const { program: p } = draft;
  const form = programFormFrom(draft, people, categories);
  const create: ProgramCreate = {
    kind: p.kind, title: form.title, language: form.language, description: form.description, tags: form.tags, explicit: form.explicit,
    people: form.people, externalSource: p.externalSource, externalId: p.externalId,
    ...(form.artworkUrl ? { artworkUrl: form.artworkUrl } : {}), ...(form.categoryId ? { categoryId: form.categoryId } : {}),
  };
  const problem = schemaProblem(programCheck, create);
  if (problem) throw new HttpProblem('validation-failed', `the feed's program cannot be stored: ${problem}`);
  const hash = hashOf(form);
  const summary = (entity: Program, outcome: Outcome) => ({
    id: entity.id, slug: entity.slug, title: entity.title, status: entity.status, outcome, categoryId: entity.categoryId,
  });
  const artwork = (id: string, url: string | null): MediaReference[] =>
    url ? [{ owner: { type: 'program', id }, kind: 'image', url, mimeType: imageType(url), byteSize: null }] : [];
  const remember = (tx: Queryable, id: string, imported: ProgramForm) => tx.query(
    `insert into ingest_programs (program_id, imported, imported_hash) values ($1, $2, $3)
     on conflict (program_id) do update set imported = excluded.imported, imported_hash = excluded.imported_hash, last_imported_at = now()`,
    [id, json(imported), hashOf(imported)],
  );

  if (!found) {
    const dates = draft.episodes.map((e) => e.publishAt).filter((d): d is string => d !== null && new Date(d) <= now()).sort();
    const created = await createEntity(db, programKind, options.context, async (tx) => {
      const id = await insertProgram(tx, create, options.context.actor, options.publish
        ? { status: 'published', publishedAt: dates[0] ? new Date(dates[0]) : wholeSeconds(now()) }
        : {});
      await remember(tx, id, form);
      await media.referencesImported(tx, artwork(id, form.artworkUrl));
      return id;
    }).catch(async (error: unknown) => {
      // Created by a concurrent import of the same feed: update that one instead.
      if (sqlState(error) !== SQLSTATE.uniqueViolation) throw error;
      return undefined;
    });
    if (created) return summary(created, 'new');
  }
  const target = found ?? (await locateProgram(db, draft, options));
  if (!target) throw new Error('the program vanished while importing');

  const [base] = await db.query<{ imported: ProgramForm; imported_hash: string }>('select imported, imported_hash from ingest_programs where program_id = $1', [target.id]);
  let outcome: Outcome = 'unchanged';
  const link = target.externalSource === null;
  if (base?.imported_hash === hash && !link) {
    const [entity] = await programKind.loadMany(db, [target.id]);
    return summary(entity!, outcome);
  }
  const entity = await mutateEntity(db, programKind, target.id, options.context, { action: 'updated' }, async (tx, current) => {
    // An editor's own program that a feed is imported into (--program) keeps its title, description and
    // the rest: the feed's values become the base, so only what the feed changes later is written.
    const patch = link ? {} : changedFields(form, base?.imported, programFormOf(current)) as ProgramPatch;
    await remember(tx, target.id, form);
    if (Object.keys(patch).length === 0 && !link) return 'unchanged';
    if (Object.keys(patch).length > 0) await programKind.applyPatch(tx, target.id, patch, current);
    // An editor's program imported into with --program takes the feed's id, so the next import finds it.
    if (link) await tx.query('update programs set external_source = $2, external_id = $3 where id = $1 and external_source is null', [target.id, p.externalSource, p.externalId]);
    if (patch.artworkUrl) await media.referencesImported(tx, artwork(target.id, patch.artworkUrl));
    outcome = 'updated';
  });
  return summary(entity, outcome);
}

export interface LocatedProgram {
  id: string;
  externalSource: string | null;
}

export async function locateProgram(db: Db, draft: ImportDraft, options: Pick<UpsertOptions, 'target' | 'origin'>): Promise<LocatedProgram | undefined> {
  const { externalSource, externalId } = draft.program;
  const target = options.target;
  if (target && 'programSlug' in target) {
    const id = await findProgramBySlug(db, target.programSlug);
    if (!id) throw new HttpProblem('not-found', `No program with slug "${target.programSlug}" to import into.`);
    const [row] = await db.query<{ external_source: string | null; external_id: string | null }>('select external_source, external_id from programs where id = $1', [id]);
    if (row?.external_source !== null && (row?.external_source !== externalSource || row.external_id !== externalId)) {
      throw conflict(`Program "${target.programSlug}" is linked to ${row?.external_source} ${row?.external_id}, not to this feed (${externalSource} ${externalId}); import it without --program, or into a program of its own.`);
    }
    return { id, externalSource: row.external_source };
  }
  const [row] = target
    ? await db.query<{ id: string; deleted: boolean; external_source: string | null; external_id: string | null }>(
      'select id, deleted_at is not null as deleted, external_source, external_id from programs where id = $1', [target.programId])
    : await db.query<{ id: string; deleted: boolean; external_source: string | null; external_id: string | null }>(
      'select id, deleted_at is not null as deleted, external_source, external_id from programs where external_source = $1 and external_id = $2', [externalSource, externalId]);
  if (!row) {
    if (target) throw new HttpProblem('not-found', `Program ${target.programId} does not exist.`);
    return undefined;
  }
  if (row.deleted) throw conflict(`The program this feed imports into (${row.id}) was deleted in the CMS; restore it to import into it again.`);
  // Found by the feed's own claim (not a target someone chose): the claim must be proven first.
  if (!target) await assertIdentityProven(db, { id: row.id, externalId: row.external_id }, { externalId, rule: draft.program.externalIdRule }, options.origin);
  return { id: row.id, externalSource: row.external_source };
}

/** Writes one feed item: created, updated (three-way merge) or left alone, in its own transaction. */
class ItemWriter {
  deletedInCms = 0;

  constructor(
    private readonly db: Db,
    private readonly programId: string,
    private readonly options: UpsertOptions,
    private readonly media: MediaHook,
    private readonly now: () => Date,
    private readonly warnings: string[],
    /** The program's episodes by external id when the import started. */
    private readonly existing: Map<string, { id: string; deleted: boolean }>,
  ) {}

  async upsert(draft: EpisodeDraft, form: EpisodeForm, known: { episodeId: string; hash: string } | undefined, options: { recheck?: boolean } = {}): Promise<Outcome> {
    // The feed says exactly what it said last time: nothing to do, not even a read.
    if (known && known.hash === hashOf(form)) return 'unchanged';
    const create: EpisodeCreate = {
      programId: this.programId, title: form.title, description: form.description, season: form.season, number: form.number,
      episodeType: form.episodeType, durationSeconds: form.durationSeconds, explicit: form.explicit, tags: form.tags,
      people: form.people, media: form.media, externalId: draft.externalId,
    };
    const problem = schemaProblem(episodeCheck, create);
    if (problem) throw new Error(`the item cannot be stored: ${problem}`);
    const [row] = options.recheck
      ? await this.db.query<{ id: string; deleted: boolean }>(
        'select id, deleted_at is not null as deleted from episodes where program_id = $1 and external_id = $2', [this.programId, draft.externalId],
      )
      : [this.existing.get(draft.externalId)].filter((r) => r !== undefined);
    if (!row) return this.create(draft, form, create);
    if (row.deleted) {
      this.deletedInCms += 1;
      return 'unchanged';
    }
    return this.update(row.id, draft, form);
  }

  private async create(draft: EpisodeDraft, form: EpisodeForm, create: EpisodeCreate): Promise<Outcome> {
    const now = this.now();
    const date = form.publishAt ? new Date(form.publishAt) : null;
    const status = !this.options.publish ? 'draft' : date && date > now ? 'scheduled' : 'published';
    // Drafts keep the feed's date too: publishing one later keeps it (workflow.ts keeps past dates).
    const publishAt = date ?? (status === 'draft' ? null : wholeSeconds(now));
    await createEntity(this.db, episodeKind, this.options.context, async (tx) => {
      const applied = { ...form };
      if (form.number !== null && !(await this.numberFree(tx, form.season, form.number, null))) {
        applied.number = null;
        create.number = null;
        this.numberTaken(draft, form);
      }
      const id = await insertEpisode(tx, create, this.options.context.actor, { status, publishAt });
      await this.remember(tx, draft.externalId, id, applied);
      await this.media.referencesImported(tx, references(id, form.media));
      return id;
    });
    return 'new';
  }

  private async update(id: string, draft: EpisodeDraft, form: EpisodeForm): Promise<Outcome> {
    let outcome: Outcome = 'unchanged';
    await mutateEntity(this.db, episodeKind, id, this.options.context, { action: 'updated' }, async (tx, current) => {
      const [stored] = await tx.query<{ imported: EpisodeForm }>('select imported from ingest_items where program_id = $1 and external_id = $2', [this.programId, draft.externalId]);
      const base = stored?.imported;
      const currentForm = episodeFormOf(current);
      const patch = changedFields(form, base, currentForm, ['publishAt']) as EpisodePatch & Partial<EpisodeForm>;
      const applied = { ...form };
      const season = 'season' in patch ? patch.season ?? null : current.season;
      const number = 'number' in patch ? patch.number ?? null : current.number;
      if (number !== null && ('season' in patch || 'number' in patch) && !(await this.numberFree(tx, season, number, id))) {
        applied.number = null;
        if (current.number === null) delete patch.number;
        else patch.number = null;
        this.numberTaken(draft, form);
      }
      const redate = this.redate(form.publishAt, base?.publishAt, current);
      await this.remember(tx, draft.externalId, id, applied);
      if (Object.keys(patch).length === 0 && !redate) return 'unchanged';
      if (Object.keys(patch).length > 0) await episodeKind.applyPatch(tx, id, patch, current);
      // The feed corrected the item's date: a past date replaces the old one (through this same
      // versioned change); a future one would hide a public episode, so it is left to an editor.
      if (redate) await tx.query('update episodes set publish_at = $2 where id = $1', [id, redate]);
      if (patch.media) await this.media.referencesImported(tx, references(id, patch.media));
      outcome = 'updated';
    });
    return outcome;
  }

  private redate(next: string | null, base: string | null | undefined, current: Episode): Date | null {
    return redateOf(next, base, current, this.now());
  }

  private async numberFree(tx: Queryable, season: number | null, number: number, except: string | null): Promise<boolean> {
    const rows = await tx.query(
      `select 1 from episodes where program_id = $1 and coalesce(season, 0) = $2 and number = $3 and deleted_at is null and ($4::uuid is null or id <> $4)`,
      [this.programId, season ?? 0, number, except],
    );
    return rows.length === 0;
  }

  private numberTaken(draft: EpisodeDraft, form: EpisodeForm) {
    this.warnings.push(`episode number ${form.number}${form.season ? ` of season ${form.season}` : ''} is taken by another episode; "${draft.title.slice(0, 60)}" was imported without a number`);
  }

  private remember(tx: Queryable, externalId: string, episodeId: string, imported: EpisodeForm) {
    return tx.query(
      `insert into ingest_items (program_id, external_id, episode_id, imported, imported_hash) values ($1, $2, $3, $4, $5)
       on conflict (program_id, external_id) do update set episode_id = excluded.episode_id, imported = excluded.imported, imported_hash = excluded.imported_hash`,
      [this.programId, externalId, episodeId, json(imported), hashOf(imported)],
    );
  }
}

/**
 * The date an update writes: the feed corrected the item's date to one in the past. A future one would
 * hide a public episode, so it is left to an editor; a scheduled episode keeps the date it was given.
 */
export function redateOf(next: string | null, base: string | null | undefined, current: Episode, now: Date): Date | null {
  if (!next || next === base || next === current.publishAt || current.status === 'scheduled') return null;
  const date = new Date(next);
  return date <= now ? date : null;
}

function references(episodeId: string, media: MediaForm[]): MediaReference[] {
  return media.map((m) => ({ owner: { type: 'episode', id: episodeId }, ...m }));
}

function imageType(url: string): string {
  const extension = /\.(jpe?g|png|webp|gif)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return extension ? `image/${extension === 'jpg' ? 'jpeg' : extension}` : 'image/jpeg';
}

/** Flags imported items that are no longer in the feed and clears the flag of those that came back. */
async function flagMissing(db: Db, programId: string, present: string[], at: Date): Promise<Pick<EpisodeCounts, 'missing' | 'returned'>> {
  return db.transaction(async (tx) => {
    const returned = await tx.query(
      'update ingest_items set missing_since = null where program_id = $1 and missing_since is not null and external_id = any($2::text[]) returning 1',
      [programId, present],
    );
    await tx.query(
      'update ingest_items set missing_since = $3 where program_id = $1 and missing_since is null and not (external_id = any($2::text[]))',
      [programId, present, at],
    );
    const [row] = await tx.query<{ count: number }>('select count(*)::int as count from ingest_items where program_id = $1 and missing_since is not null', [programId]);
    return { missing: row?.count ?? 0, returned: returned.length };
  });
}
