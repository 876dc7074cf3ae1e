// Apple Podcasts categories (the list Apple has used since 2019; Spotify and most directories read the same
// itunes:category values). A feed must name one from this list, spelled exactly, or Apple rejects it. CMS
// categories are our own tree in two languages, so each program's category is mapped: the category's
// English name (or slug) is looked up among Apple's categories and subcategories, then its parent's, then a
// few common synonyms of our names; no match leaves itunes:category out (test/feeds/checks.ts reports it).

/** Names compared without case, punctuation, or the difference between "&" and "and". */
function normaliseCategoryName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const APPLE_CATEGORIES: Record<string, string[]> = {
  Arts: ['Books', 'Design', 'Fashion & Beauty', 'Food', 'Performing Arts', 'Visual Arts'],
  Business: ['Careers', 'Entrepreneurship', 'Investing', 'Management', 'Marketing', 'Non-Profit'],
  Comedy: ['Comedy Interviews', 'Improv', 'Stand-Up'],
  Education: ['Courses', 'How To', 'Language Learning', 'Self-Improvement'],
  Fiction: ['Comedy Fiction', 'Drama', 'Science Fiction'],
  Government: [],
  History: [],
  'Health & Fitness': ['Alternative Health', 'Fitness', 'Medicine', 'Mental Health', 'Nutrition', 'Sexuality'],
  'Kids & Family': ['Education for Kids', 'Parenting', 'Pets & Animals', 'Stories for Kids'],
  Leisure: ['Animation & Manga', 'Automotive', 'Aviation', 'Crafts', 'Games', 'Hobbies', 'Home & Garden', 'Video Games'],
  Music: ['Music Commentary', 'Music History', 'Music Interviews'],
  News: ['Business News', 'Daily News', 'Entertainment News', 'News Commentary', 'Politics', 'Sports News', 'Tech News'],
  'Religion & Spirituality': ['Buddhism', 'Christianity', 'Hinduism', 'Islam', 'Judaism', 'Religion', 'Spirituality'],
  Science: ['Astronomy', 'Chemistry', 'Earth Sciences', 'Life Sciences', 'Mathematics', 'Natural Sciences', 'Nature', 'Physics', 'Social Sciences'],
  'Society & Culture': ['Documentary', 'Personal Journals', 'Philosophy', 'Places & Travel', 'Relationships'],
  Sports: ['Baseball', 'Basketball', 'Cricket', 'Fantasy Sports', 'Football', 'Golf', 'Hockey', 'Rugby', 'Running', 'Soccer', 'Swimming', 'Tennis', 'Volleyball', 'Wilderness', 'Wrestling'],
  Technology: [],
  'True Crime': [],
  'TV & Film': ['After Shows', 'Film History', 'Film Interviews', 'Film Reviews', 'TV Reviews'],
};

export interface AppleCategory {
  category: string;
  subcategory: string | null;
}

// Words our category names use for what Apple calls otherwise (English names, normalised).
const SYNONYMS: Record<string, string> = {
  culture: 'Society & Culture',
  society: 'Society & Culture',
  travel: 'Places & Travel',
  family: 'Kids & Family',
  kids: 'Kids & Family',
  children: 'Kids & Family',
  health: 'Health & Fitness',
  religion: 'Religion & Spirituality',
  film: 'TV & Film',
  cinema: 'TV & Film',
  television: 'TV & Film',
  language: 'Language Learning',
  languages: 'Language Learning',
  work: 'Careers',
  'everyday life': 'Personal Journals',
};

const index = new Map<string, AppleCategory>();
for (const [category, subcategories] of Object.entries(APPLE_CATEGORIES)) {
  index.set(normaliseCategoryName(category), { category, subcategory: null });
  for (const subcategory of subcategories) {
    const key = normaliseCategoryName(subcategory);
    // "Religion" is both a subcategory and part of a category name; the subcategory is the exact one.
    if (!index.has(key) || index.get(key)!.subcategory === null) index.set(key, { category, subcategory });
  }
}

function lookup(name: string): AppleCategory | undefined {
  const key = normaliseCategoryName(name);
  const exact = index.get(key);
  if (exact) return exact;
  const synonym = Object.hasOwn(SYNONYMS, key) ? SYNONYMS[key] : undefined;
  return synonym ? index.get(normaliseCategoryName(synonym)) : undefined;
}

/** Apple's category for a CMS category (names from the most specific to its ancestors), or null. */
export function appleCategoryFor(names: { nameEn: string; slug: string }[]): AppleCategory | null {
  for (const { nameEn, slug } of names) {
    const found = lookup(nameEn) ?? lookup(slug.replace(/-/g, ' '));
    if (found) return found;
  }
  return null;
}

export function isAppleCategory(category: string, subcategory: string | null): boolean {
  const subs = APPLE_CATEGORIES[category];
  return subs !== undefined && (subcategory === null || subs.includes(subcategory));
}
