// Categories: a small hierarchy (e.g. Culture › History) with Arabic and English names.
import { Type, type Static } from 'typebox';
import type { Queryable } from '../platform/db/db.js';
import { HttpProblem, conflict } from '../platform/http/problem.js';
import type { EntityKind } from './entity.js';
import { fetchPage, parseSort, type SortField } from '../platform/db/pagination.js';
import { Audit, ListQueryBase, Nullable, Slug, Uuid } from '../platform/http/schemas.js';
import { slugify, uniqueSlug } from './slug.js';
import { auditFields, escapeLike, updateColumns, type AuditRow } from './sql.js';

export const CategorySchema = Type.Object(
  {
    id: Uuid,
    slug: Slug,
    parentId: Nullable(Uuid),
    nameAr: Type.String(),
    nameEn: Type.String(),
    position: Type.Integer(),
    ...Audit,
  },
  { description: 'Category' },
);
export type Category = Static<typeof CategorySchema>;

const editable = {
  slug: Slug,
  parentId: Nullable(Uuid, { description: 'Parent category; null for a top-level one' }),
  nameAr: Type.String({ minLength: 1, maxLength: 120, examples: ['تاريخ'] }),
  nameEn: Type.String({ minLength: 1, maxLength: 120, examples: ['History'] }),
  position: Type.Integer({ minimum: -100000, maximum: 100000, description: 'Order among siblings' }),
};

export const CategoryCreateSchema = Type.Object(
  {
    nameAr: editable.nameAr,
    nameEn: editable.nameEn,
    slug: Type.Optional(editable.slug),
    parentId: Type.Optional(editable.parentId),
    position: Type.Optional(editable.position),
  },
  { additionalProperties: false, examples: [{ nameAr: 'تاريخ', nameEn: 'History', slug: 'history' }] },
);
export type CategoryCreate = Static<typeof CategoryCreateSchema>;

export const CategoryPatchSchema = Type.Partial(Type.Object(editable), { additionalProperties: false, minProperties: 1 });
export type CategoryPatch = Static<typeof CategoryPatchSchema>;

export const CategoryListQuerySchema = Type.Object(
  {
    ...ListQueryBase,
    parentId: Type.Optional(Type.Union([Uuid, Type.Literal('root')], { description: 'Children of this category; "root" for top-level ones' })),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Substring of either name' })),
    sort: Type.Optional(Type.String({ description: 'position, nameEn, nameAr, createdAt, updatedAt; prefix - for descending', default: 'position' })),
  },
  { additionalProperties: false },
);
export type CategoryListQuery = Static<typeof CategoryListQuerySchema>;

interface CategoryRow extends AuditRow, Record<string, unknown> {
  id: string; slug: string; parent_id: string | null; name_ar: string; name_en: string; position: number;
}

function toCategory(r: CategoryRow): Category {
  return { id: r.id, slug: r.slug, parentId: r.parent_id, nameAr: r.name_ar, nameEn: r.name_en, position: r.position, ...auditFields(r) };
}

const COLUMNS: Record<keyof CategoryPatch, string> = { slug: 'slug', parentId: 'parent_id', nameAr: 'name_ar', nameEn: 'name_en', position: 'position' };

/** A category may not become its own ancestor; the hierarchy stays a tree. */
async function assertParentAllowed(q: Queryable, id: string | null, parentId: string | null | undefined) {
  if (!parentId) return;
  const rows = await q.query<{ id: string }>(
    `with recursive chain(id, parent_id, depth) as (
       select id, parent_id, 1 from categories where id = $1 and deleted_at is null
       union all
       select c.id, c.parent_id, chain.depth + 1 from categories c join chain on c.id = chain.parent_id where chain.depth < 50
     ) select id from chain`,
    [parentId],
  );
  if (rows.length === 0) throw new HttpProblem('validation-failed', `parentId ${parentId} is not a category`, { errors: [{ in: 'body', pointer: '/parentId', message: 'unknown category' }] });
  if (id && rows.some((r) => r.id === id)) throw conflict('A category cannot be placed under itself or one of its descendants.');
}

export const categoryKind: EntityKind<Category, CategoryPatch> = {
  type: 'category',
  table: 'categories',
  label: 'Category',
  async loadMany(q, ids) {
    const rows = await q.query<CategoryRow>('select * from categories where id = any($1::uuid[])', [ids]);
    return rows.map(toCategory);
  },
  async applyPatch(tx, id, patch) {
    await assertParentAllowed(tx, id, patch.parentId);
    await updateColumns(tx, 'categories', id, patch, COLUMNS);
  },
  editable: (s) => ({ slug: s.slug, parentId: s.parentId, nameAr: s.nameAr, nameEn: s.nameEn, position: s.position }),
  eventData: (c) => ({ id: c.id, version: c.version, slug: c.slug }),
};

export async function insertCategory(tx: Queryable, input: CategoryCreate, actor: string): Promise<string> {
  await assertParentAllowed(tx, null, input.parentId);
  const slug = input.slug ?? (await uniqueSlug(tx, 'categories', slugify(input.nameEn)));
  const [row] = await tx.query<{ id: string }>(
    `insert into categories (slug, parent_id, name_ar, name_en, position, created_by, updated_by)
     values ($1, $2, $3, $4, $5, $6, $6) returning id`,
    [slug, input.parentId ?? null, input.nameAr, input.nameEn, input.position ?? 0, actor],
  );
  return row!.id;
}

/** Deleting a category that still has live children or programs would orphan them: refuse. */
export async function assertCategoryUnused(tx: Queryable, id: string) {
  const [row] = await tx.query<{ children: number; programs: number }>(
    `select (select count(*) from categories where parent_id = $1 and deleted_at is null)::int as children,
            (select count(*) from programs where category_id = $1 and deleted_at is null)::int as programs`,
    [id],
  );
  if (row && (row.children > 0 || row.programs > 0)) {
    throw conflict(`Category ${id} still has ${row.children} subcategories and ${row.programs} programs; move them first.`);
  }
}

const SORTS: Record<string, SortField> = {
  position: { expr: 'c.position', type: 'integer' },
  nameEn: { expr: 'c.name_en', type: 'text' },
  nameAr: { expr: 'c.name_ar', type: 'text' },
  createdAt: { expr: 'c.created_at', type: 'timestamptz' },
  updatedAt: { expr: 'c.updated_at', type: 'timestamptz' },
};

export async function listCategories(q: Queryable, query: CategoryListQuery) {
  const order = parseSort(query.sort, SORTS, 'position');
  const limit = query.limit ?? 50;
  const params: unknown[] = [];
  const where: string[] = [];
  if (query.deletedOnly) where.push('c.deleted_at is not null');
  else if (!query.includeDeleted) where.push('c.deleted_at is null');
  if (query.parentId === 'root') where.push('c.parent_id is null');
  else if (query.parentId) where.push(`c.parent_id = $${params.push(query.parentId)}`);
  if (query.q) where.push(`(c.name_ar ilike $${params.push(`%${escapeLike(query.q)}%`)} or c.name_en ilike $${params.length})`);
  return fetchPage<CategoryRow, ReturnType<typeof toCategory>>(q, {
    select: 'c.*', from: 'categories c', idColumn: 'c.id', where, params, order, cursor: query.cursor, limit, map: toCategory,
  });
}
