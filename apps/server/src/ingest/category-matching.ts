// Feed categories (Apple's: "Society & Culture/History", "Technology") onto the CMS's own category tree.
// The tree is curated by editors in two languages, so an import never creates categories: it picks the
// first live category whose English name, Arabic name or slug equals the feed's subcategory, else its
// category ("History" before "Society & Culture"), comparing without case, punctuation or "&"/"and"
// differences. With no match the program stays uncategorised (categoryId null), which the CMS allows for
// drafts, and an editor files it; a wrong guess would be worse than none.
import type { Queryable } from '../platform/db/db.js';

interface CategoryRow extends Record<string, unknown> {
  id: string;
  slug: string;
  name_en: string;
  name_ar: string;
}

export function normaliseCategoryName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export class CategoryMatcher {
  private constructor(private readonly byName: Map<string, string>) {}

  static async load(q: Queryable): Promise<CategoryMatcher> {
    const rows = await q.query<CategoryRow>(
      'select id, slug, name_en, name_ar from categories where deleted_at is null order by parent_id nulls first, position, slug',
    );
    const byName = new Map<string, string>();
    for (const row of rows) {
      for (const name of [row.name_en, row.name_ar, row.slug.replace(/-/g, ' ')]) {
        const key = normaliseCategoryName(name);
        if (key && !byName.has(key)) byName.set(key, row.id);
      }
    }
    return new CategoryMatcher(byName);
  }

  /** The CMS category for a feed's categories ("Category" or "Category/Subcategory", in feed order), or null. */
  match(feedCategories: string[]): string | null {
    for (const entry of feedCategories) {
      const parts = entry.split('/').reverse(); // the most specific first
      for (const part of parts) {
        const id = this.byName.get(normaliseCategoryName(part));
        if (id) return id;
      }
    }
    return null;
  }
}
