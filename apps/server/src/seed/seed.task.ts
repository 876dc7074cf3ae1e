// `thmnayah seed`: loads the demo catalogue (24 programs, 600 episodes, categories, people) so a
// newcomer sees a living platform. Idempotent: everything carries external ids under source "seed",
// and what exists already is left as it is.
import { Type } from 'typebox';
import type { Queryable } from '../platform/db/db.js';
import { defineTask } from '../platform/tasks.js';
import { categoryKind, insertCategory } from '../content/categories.js';
import { createEntity, type EntityKind } from '../content/entity.js';
import { episodeKind, insertEpisode } from '../content/episodes.js';
import { insertPerson, personKind } from '../content/people.js';
import { insertProgram, programKind } from '../content/programs.js';
import { slugify } from '../content/slug.js';
import { transitionProgram } from '../content/workflow.js';
import type { PersonLink } from '../content/sql.js';
import { CATEGORIES, THEMES, assignSentences, attribution, loadSentences, type SentencePair } from './catalogue.js';

const SOURCE = 'seed';
/** Fixed, so that seeded publish dates do not depend on when seeding ran. */
const BASE_DATE = Date.UTC(2026, 9, 1, 18, 0, 0);
const DAY = 86_400_000;

async function idBySlug(q: Queryable, table: 'categories' | 'people', slug: string) {
  const [row] = await q.query<{ id: string }>(`select id from ${table} where slug = $1 and deleted_at is null`, [slug]);
  return row?.id;
}

function topContributors(pairs: SentencePair[], language: 'ar' | 'en', count: number): string[] {
  const tally = new Map<string, number>();
  for (const p of pairs) {
    const author = language === 'ar' ? p.ar_author : p.en_author;
    tally.set(author, (tally.get(author) ?? 0) + 1);
  }
  return [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, count).map(([a]) => a);
}

export const seedTask = defineTask({
  name: 'seed',
  description: 'Load the demo catalogue built from Tatoeba sentences (idempotent)',
  args: Type.Object({}, { additionalProperties: false }),
  async run({ platform, progress, actor }) {
    const { db } = platform;
    const context = { actor };
    const created = { categories: 0, people: 0, programs: 0, episodes: 0 };
    const ensure = async (kind: EntityKind<{ id: string; version: number; deletedAt: string | null }, unknown>, table: 'categories' | 'people', slug: string, insert: (tx: Queryable) => Promise<string>) => {
      const existing = await idBySlug(db, table, slug);
      if (existing) return existing;
      const entity = await createEntity(db, kind, context, insert);
      created[table === 'categories' ? 'categories' : 'people']++;
      return entity.id;
    };

    const categoryIds = new Map<string, string>();
    for (const c of CATEGORIES) {
      const parentId = c.parent ? categoryIds.get(c.parent) : undefined;
      categoryIds.set(c.slug, await ensure(categoryKind as never, 'categories', c.slug, (tx) =>
        insertCategory(tx, { slug: c.slug, nameAr: c.nameAr, nameEn: c.nameEn, ...(parentId ? { parentId } : {}) }, actor)));
    }

    const sentences = assignSentences(loadSentences());
    const total = [...sentences.values()].reduce((n, list) => n + list.length, 0);
    let done = 0;
    const now = Date.now();
    for (const [p, theme] of THEMES.entries()) {
      const pairs = sentences.get(theme.slug) ?? [];
      const people: PersonLink[] = [];
      for (const author of topContributors(pairs, theme.language, 2)) {
        const slug = slugify(author);
        people.push({
          personId: await ensure(personKind as never, 'people', slug, (tx) =>
            insertPerson(tx, { slug, name: author, bio: `Tatoeba contributor (tatoeba.org/user/profile/${author}); sentences under CC BY 2.0 FR.` }, actor)),
          role: people.length === 0 ? ('host' as const) : ('co-host' as const),
        });
      }
      let [program] = await db.query<{ id: string; status: string }>('select id, status from programs where external_source = $1 and external_id = $2', [SOURCE, theme.slug]);
      if (!program) {
        const entity = await createEntity(db, programKind, context, (tx) =>
          insertProgram(tx, {
            kind: theme.kind, title: theme.title, slug: theme.slug, language: theme.language, categoryId: categoryIds.get(theme.category)!,
            description: `${theme.description}\n\nEpisode texts are sentences from Tatoeba (tatoeba.org), licensed CC BY 2.0 FR; each episode names its sentences and their contributors.`,
            tags: theme.tags, people, externalSource: SOURCE, externalId: theme.slug,
          }, actor));
        created.programs++;
        // One program stays a draft, so the workflow has something to show.
        program = p === THEMES.length - 1 ? { id: entity.id, status: 'draft' } : await transitionProgram(db, entity.id, 'publish', context);
      }
      for (const [i, pair] of pairs.entries()) {
        const externalId = `tatoeba-${pair.ar_id}-${pair.en_id}`;
        const exists = await db.query('select 1 from episodes where program_id = $1 and external_id = $2', [program.id, externalId]);
        if (exists.length === 0) {
          const [title, other] = theme.language === 'ar' ? [pair.ar, pair.en] : [pair.en, pair.ar];
          // Every 12th episode is a draft; the newest episode of every fourth program is scheduled.
          const scheduled = i === 0 && p % 4 === 0;
          const status = scheduled ? 'scheduled' : i % 12 === 11 ? 'draft' : 'published';
          const publishAt = scheduled ? new Date(now + (p + 1) * 6 * 3600_000) : new Date(BASE_DATE - (i * 7 + p) * DAY);
          await createEntity(db, episodeKind, context, (tx) =>
            insertEpisode(tx, {
              programId: program.id, title, season: 1, number: pairs.length - i, language: theme.language,
              description: `${title}\n${other}\n\n${attribution(pair)}`,
              durationSeconds: 300 + ((pair.ar_id * 37) % 3300),
              people: people.slice(0, 1), tags: theme.tags, externalId,
            }, actor, { status, publishAt }));
          created.episodes++;
        }
        progress(++done, total, theme.title);
      }
    }
    return { created, programs: THEMES.length, episodes: total };
  },
});
