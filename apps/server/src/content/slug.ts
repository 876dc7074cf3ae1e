// Slugs from titles in any script: Arabic titles keep Arabic slugs (browsers show them readably).
import type { Queryable } from '../platform/db/db.js';

const ARABIC_DIACRITICS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKC')
    .replace(ARABIC_DIACRITICS, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // Latin accents: é → e
    .normalize('NFC')
    .replace(/[^\p{Ll}\p{Lo}\p{Nd}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug === '' ? 'untitled' : slug;
}

/** The first of slug, slug-2, slug-3 ... not used by a live row of `table`. */
export async function uniqueSlug(q: Queryable, table: 'programs' | 'people' | 'categories', base: string): Promise<string> {
  const rows = await q.query<{ slug: string }>(
    `select slug from ${table} where deleted_at is null and (slug = $1 or slug like $2)`,
    [base, `${base.replace(/[\\%_]/g, '\\$&')}-%`],
  );
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
