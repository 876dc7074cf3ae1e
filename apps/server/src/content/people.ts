// People: hosts, guests, narrators and producers, linked to programs and episodes with a role.
import { Type, type Static } from 'typebox';
import type { Queryable } from '../platform/db/db.js';
import type { EntityKind } from './entity.js';
import { fetchPage, parseSort, type SortField } from '../platform/db/pagination.js';
import { Audit, HttpUrl, ListQueryBase, Nullable, Slug, Uuid } from '../platform/http/schemas.js';
import { slugify, uniqueSlug } from './slug.js';
import { auditFields, escapeLike, updateColumns, type AuditRow } from './sql.js';

export const PersonSchema = Type.Object(
  {
    id: Uuid,
    slug: Slug,
    name: Type.String(),
    bio: Type.String(),
    imageUrl: Nullable(Type.String()),
    ...Audit,
  },
  { description: 'Person' },
);
export type Person = Static<typeof PersonSchema>;

const editable = {
  slug: Slug,
  name: Type.String({ minLength: 1, maxLength: 200, examples: ['عبدالرحمن أبومالح'] }),
  bio: Type.String({ maxLength: 5000 }),
  imageUrl: Nullable(HttpUrl),
};

export const PersonCreateSchema = Type.Object(
  {
    name: editable.name,
    slug: Type.Optional(editable.slug),
    bio: Type.Optional(editable.bio),
    imageUrl: Type.Optional(editable.imageUrl),
  },
  { additionalProperties: false, examples: [{ name: 'Sara Al-Harbi', bio: 'Host of the weekly history program.' }] },
);
export type PersonCreate = Static<typeof PersonCreateSchema>;

export const PersonPatchSchema = Type.Partial(Type.Object(editable), { additionalProperties: false, minProperties: 1 });
export type PersonPatch = Static<typeof PersonPatchSchema>;

export const PersonListQuerySchema = Type.Object(
  {
    ...ListQueryBase,
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Substring of the name' })),
    sort: Type.Optional(Type.String({ description: 'name, createdAt, updatedAt; prefix - for descending', default: 'name' })),
  },
  { additionalProperties: false },
);
export type PersonListQuery = Static<typeof PersonListQuerySchema>;

interface PersonRow extends AuditRow, Record<string, unknown> {
  id: string; slug: string; name: string; bio: string; image_url: string | null;
}

function toPerson(r: PersonRow): Person {
  return { id: r.id, slug: r.slug, name: r.name, bio: r.bio, imageUrl: r.image_url, ...auditFields(r) };
}

export const personKind: EntityKind<Person, PersonPatch> = {
  type: 'person',
  table: 'people',
  label: 'Person',
  async loadMany(q, ids) {
    const rows = await q.query<PersonRow>('select * from people where id = any($1::uuid[])', [ids]);
    return rows.map(toPerson);
  },
  applyPatch: (tx, id, patch) => updateColumns(tx, 'people', id, patch, { slug: 'slug', name: 'name', bio: 'bio', imageUrl: 'image_url' }),
  editable: (s) => ({ slug: s.slug, name: s.name, bio: s.bio, imageUrl: s.imageUrl }),
  eventData: (p) => ({ id: p.id, version: p.version, slug: p.slug }),
};

export async function insertPerson(tx: Queryable, input: PersonCreate, actor: string): Promise<string> {
  const slug = input.slug ?? (await uniqueSlug(tx, 'people', slugify(input.name)));
  const [row] = await tx.query<{ id: string }>(
    `insert into people (slug, name, bio, image_url, created_by, updated_by) values ($1, $2, $3, $4, $5, $5) returning id`,
    [slug, input.name, input.bio ?? '', input.imageUrl ?? null, actor],
  );
  return row!.id;
}

const SORTS: Record<string, SortField> = {
  name: { expr: 'p.name', type: 'text' },
  createdAt: { expr: 'p.created_at', type: 'timestamptz' },
  updatedAt: { expr: 'p.updated_at', type: 'timestamptz' },
};

export async function listPeople(q: Queryable, query: PersonListQuery) {
  const order = parseSort(query.sort, SORTS, 'name');
  const limit = query.limit ?? 50;
  const params: unknown[] = [];
  const where: string[] = [];
  if (query.deletedOnly) where.push('p.deleted_at is not null');
  else if (!query.includeDeleted) where.push('p.deleted_at is null');
  if (query.q) where.push(`p.name ilike $${params.push(`%${escapeLike(query.q)}%`)}`);
  return fetchPage<PersonRow, ReturnType<typeof toPerson>>(q, {
    select: 'p.*', from: 'people p', idColumn: 'p.id', where, params, order, cursor: query.cursor, limit, map: toPerson,
  });
}
