// Programs: a podcast, series or documentary, owning episodes. Slugs are unique among live programs.
import { Type, type Static } from 'typebox';
import type { Queryable } from '../platform/db/db.js';
import { HttpProblem } from '../platform/http/problem.js';
import { updateUndeletedEntityIn, type EntityKind } from './entity.js';
import type { ChangeContext } from '../platform/http/change-context.js';
import { fetchPage, parseSort, type SortField } from '../platform/db/pagination.js';
import { Audit, HttpUrl, Language, ListQueryBase, Nullable, NullableTimestamp, Slug, StringEnum, Tags, Uuid } from '../platform/http/schemas.js';
import { slugify, uniqueSlug } from './slug.js';
import { auditFields, escapeLike, peopleJson, replacePeople, updateColumns, type AuditRow, type PersonLink } from './sql.js';

export const ProgramKind = StringEnum(['podcast', 'series', 'documentary'], { examples: ['podcast'] });
const ProgramStatus = StringEnum(['draft', 'published', 'archived']);
export const PersonRole = StringEnum(['host', 'co-host', 'guest', 'producer', 'narrator', 'editor']);
export const PeopleLinks = Type.Array(
  Type.Object({ personId: Uuid, role: PersonRole }, { additionalProperties: false }),
  { maxItems: 50, description: 'People and their role, in display order' },
);

export const ProgramSchema = Type.Object(
  {
    id: Uuid,
    slug: Slug,
    kind: ProgramKind,
    title: Type.String(),
    description: Type.String(),
    language: Language,
    categoryId: Nullable(Uuid),
    artworkUrl: Nullable(Type.String()),
    tags: Type.Array(Type.String()),
    explicit: Type.Boolean(),
    people: PeopleLinks,
    status: ProgramStatus,
    publishedAt: NullableTimestamp,
    externalSource: Nullable(Type.String()),
    externalId: Nullable(Type.String()),
    episodeCount: Type.Integer({ description: 'Live (not deleted) episodes' }),
    ...Audit,
  },
  { description: 'Program' },
);
export type Program = Static<typeof ProgramSchema>;

const editable = {
  slug: Slug,
  kind: ProgramKind,
  title: Type.String({ minLength: 1, maxLength: 300, examples: ['فنجان'] }),
  description: Type.String({ maxLength: 20000 }),
  language: Language,
  categoryId: Nullable(Uuid),
  artworkUrl: Nullable(HttpUrl),
  tags: Tags,
  explicit: Type.Boolean(),
  people: PeopleLinks,
};

export const ProgramCreateSchema = Type.Object(
  {
    kind: editable.kind,
    title: editable.title,
    language: editable.language,
    slug: Type.Optional(editable.slug),
    description: Type.Optional(editable.description),
    categoryId: Type.Optional(editable.categoryId),
    artworkUrl: Type.Optional(editable.artworkUrl),
    tags: Type.Optional(editable.tags),
    explicit: Type.Optional(editable.explicit),
    people: Type.Optional(editable.people),
    externalSource: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'Where an imported program came from (e.g. rss)' })),
    externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Its id at that source' })),
  },
  {
    additionalProperties: false,
    examples: [{ kind: 'podcast', title: 'حكايات من التاريخ', language: 'ar', description: 'قصص قصيرة من التاريخ العربي', tags: ['تاريخ'] }],
  },
);
export type ProgramCreate = Static<typeof ProgramCreateSchema>;

export const ProgramPatchSchema = Type.Partial(Type.Object(editable), {
  additionalProperties: false,
  minProperties: 1,
  examples: [{ title: 'حكايات من التاريخ العربي' }],
});
export type ProgramPatch = Static<typeof ProgramPatchSchema>;

export const ProgramListQuerySchema = Type.Object(
  {
    ...ListQueryBase,
    kind: Type.Optional(ProgramKind),
    language: Type.Optional(Language),
    status: Type.Optional(ProgramStatus),
    categoryId: Type.Optional(Uuid),
    tag: Type.Optional(Type.String({ maxLength: 60 })),
    externalSource: Type.Optional(Type.String({ maxLength: 60 })),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Substring of the title' })),
    sort: Type.Optional(Type.String({ description: 'updatedAt, createdAt, title, publishedAt; prefix - for descending', default: '-updatedAt' })),
  },
  { additionalProperties: false },
);
export type ProgramListQuery = Static<typeof ProgramListQuerySchema>;

interface ProgramRow extends AuditRow, Record<string, unknown> {
  id: string; slug: string; kind: Program['kind']; title: string; description: string; language: Program['language'];
  category_id: string | null; artwork_url: string | null; tags: string[]; explicit: boolean; people: PersonLink[];
  status: Program['status']; published_at: Date | null; external_source: string | null; external_id: string | null; episode_count: number;
}

const SELECT = `p.*, ${peopleJson('program_people', 'program_id', 'p.id')} as people,
  (select count(*) from episodes e where e.program_id = p.id and e.deleted_at is null)::int as episode_count`;

function toProgram(r: ProgramRow): Program {
  return {
    id: r.id, slug: r.slug, kind: r.kind, title: r.title, description: r.description, language: r.language,
    categoryId: r.category_id, artworkUrl: r.artwork_url, tags: r.tags, explicit: r.explicit, people: r.people,
    status: r.status, publishedAt: r.published_at?.toISOString() ?? null, externalSource: r.external_source,
    externalId: r.external_id, episodeCount: r.episode_count, ...auditFields(r),
  };
}

async function assertCategory(q: Queryable, categoryId: string | null | undefined) {
  if (!categoryId) return;
  const rows = await q.query('select 1 from categories where id = $1 and deleted_at is null', [categoryId]);
  if (rows.length === 0) {
    throw new HttpProblem('validation-failed', `categoryId ${categoryId} is not a category`, { errors: [{ in: 'body', pointer: '/categoryId', message: 'unknown category' }] });
  }
}

const COLUMNS = {
  slug: 'slug', kind: 'kind', title: 'title', description: 'description', language: 'language', categoryId: 'category_id',
  artworkUrl: 'artwork_url', tags: 'tags', explicit: 'explicit',
} as const;

export const programKind: EntityKind<Program, ProgramPatch> = {
  type: 'program',
  table: 'programs',
  label: 'Program',
  async loadMany(q, ids) {
    const rows = await q.query<ProgramRow>(`select ${SELECT} from programs p where p.id = any($1::uuid[])`, [ids]);
    return rows.map(toProgram);
  },
  async applyPatch(tx, id, patch) {
    await assertCategory(tx, patch.categoryId);
    await updateColumns(tx, 'programs', id, patch, COLUMNS);
    if (patch.people) await replacePeople(tx, 'program_people', 'program_id', id, patch.people);
  },
  editable: (s) => ({
    slug: s.slug, kind: s.kind, title: s.title, description: s.description, language: s.language, categoryId: s.categoryId,
    artworkUrl: s.artworkUrl, tags: s.tags, explicit: s.explicit, people: s.people,
  }),
  eventData: (p) => ({ id: p.id, version: p.version, slug: p.slug, status: p.status }),
};

/**
 * Media processing's change to a program, in the caller's transaction and as a versioned change: its
 * artwork becomes a processed image's feed rendition. A deleted program is left alone (undefined).
 */
export async function applyProcessedArtwork(tx: Queryable, programId: string, artworkUrl: string, context: ChangeContext): Promise<Program | undefined> {
  return updateUndeletedEntityIn(tx, programKind, programId, context, async (q, current) => {
    if (current.artworkUrl === artworkUrl) return 'unchanged';
    await q.query('update programs set artwork_url = $2 where id = $1', [programId, artworkUrl]);
  });
}

/** Deleting an artwork asset: the program loses its artwork if it was one of `urls` (a versioned change). */
export async function detachArtworkUrls(tx: Queryable, programId: string, urls: readonly string[], context: ChangeContext): Promise<Program | undefined> {
  if (urls.length === 0) return undefined;
  return updateUndeletedEntityIn(tx, programKind, programId, context, async (q, current) => {
    if (!current.artworkUrl || !urls.includes(current.artworkUrl)) return 'unchanged';
    await q.query('update programs set artwork_url = null where id = $1', [programId]);
  });
}

export interface InsertProgramOptions {
  /** Imports may create a program already published, keeping the date it first went public at its source. */
  status?: 'draft' | 'published';
  publishedAt?: Date;
}

export async function insertProgram(tx: Queryable, input: ProgramCreate, actor: string, options: InsertProgramOptions = {}): Promise<string> {
  await assertCategory(tx, input.categoryId);
  if ((input.externalSource === undefined) !== (input.externalId === undefined)) {
    throw new HttpProblem('validation-failed', 'externalSource and externalId go together: give both or neither');
  }
  const slug = input.slug ?? (await uniqueSlug(tx, 'programs', slugify(input.title)));
  const status = options.status ?? 'draft';
  const [row] = await tx.query<{ id: string }>(
    `insert into programs (slug, kind, title, description, language, category_id, artwork_url, tags, explicit,
                           external_source, external_id, status, published_at, created_by, updated_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) returning id`,
    [slug, input.kind, input.title, input.description ?? '', input.language, input.categoryId ?? null, input.artworkUrl ?? null,
      input.tags ?? [], input.explicit ?? false, input.externalSource ?? null, input.externalId ?? null,
      status, status === 'published' ? (options.publishedAt ?? new Date()) : null, actor],
  );
  if (input.people?.length) await replacePeople(tx, 'program_people', 'program_id', row!.id, input.people);
  return row!.id;
}

const SORTS: Record<string, SortField> = {
  updatedAt: { expr: 'p.updated_at', type: 'timestamptz' },
  createdAt: { expr: 'p.created_at', type: 'timestamptz' },
  title: { expr: 'p.title', type: 'text' },
  publishedAt: { expr: "coalesce(p.published_at, '-infinity'::timestamptz)", type: 'timestamptz' },
};

export function listPrograms(q: Queryable, query: ProgramListQuery) {
  const order = parseSort(query.sort, SORTS, '-updatedAt');
  const params: unknown[] = [];
  const where: string[] = [];
  if (query.deletedOnly) where.push('p.deleted_at is not null');
  else if (!query.includeDeleted) where.push('p.deleted_at is null');
  if (query.kind) where.push(`p.kind = $${params.push(query.kind)}`);
  if (query.language) where.push(`p.language = $${params.push(query.language)}`);
  if (query.status) where.push(`p.status = $${params.push(query.status)}`);
  if (query.categoryId) where.push(`p.category_id = $${params.push(query.categoryId)}`);
  if (query.tag) where.push(`$${params.push(query.tag)} = any(p.tags)`);
  if (query.externalSource) where.push(`p.external_source = $${params.push(query.externalSource)}`);
  if (query.q) where.push(`p.title ilike $${params.push(`%${escapeLike(query.q)}%`)}`);
  return fetchPage<ProgramRow, Program>(q, {
    select: SELECT, from: 'programs p', idColumn: 'p.id', where, params, order, cursor: query.cursor, limit: query.limit ?? 50, map: toProgram,
  });
}

export async function findProgramBySlug(q: Queryable, slug: string): Promise<string | undefined> {
  const [row] = await q.query<{ id: string }>('select id from programs where slug = $1 and deleted_at is null', [slug]);
  return row?.id;
}
