// What a podcast feed shows, read from the Discovery read model only: the public program document, its
// public episodes whose time has come, and public people and categories. The read model holds nothing
// but public content, so a draft, a scheduled episode before its time or a deleted one cannot reach a feed.
import type { Queryable } from '../platform/db/db.js';
import type { PublicCategory, PublicEpisode, PublicPerson, PublicProgram } from '../discovery/documents.js';

export interface FeedContent {
  program: PublicProgram;
  episodes: PublicEpisode[];
  /** Public documents of the people the feed names (for their images). */
  people: Map<string, PublicPerson>;
  /** The program's category and its ancestors, most specific first. */
  categories: PublicCategory[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadFeed(q: Queryable, ref: string): Promise<FeedContent | null> {
  const [row] = UUID.test(ref)
    ? await q.query<{ document: PublicProgram }>('select document from discovery_programs where id = $1', [ref.toLowerCase()])
    : await q.query<{ document: PublicProgram }>('select document from discovery_programs where slug = $1 order by published_at desc limit 1', [ref]);
  if (!row) return null;
  const program = row.document;
  const episodes = (await q.query<{ document: PublicEpisode }>(
    'select document from discovery_episodes where program_id = $1 and publish_at <= now() order by publish_at desc, id desc',
    [program.id],
  )).map((r) => r.document);
  const personIds = [...new Set([...program.people, ...episodes.flatMap((e) => e.people)].map((p) => p.id))];
  const people = new Map(
    personIds.length === 0 ? [] : (await q.query<{ id: string; document: PublicPerson }>(
      'select id, document from discovery_people where id = any($1::uuid[])', [personIds],
    )).map((r) => [r.id, r.document]),
  );
  const categories = program.category
    ? (await q.query<{ document: PublicCategory }>(
      `with recursive chain(id, parent_id, document, depth) as (
         select id, parent_id, document, 0 from discovery_categories where id = $1
         union all
         select c.id, c.parent_id, c.document, chain.depth + 1 from discovery_categories c join chain on c.id = chain.parent_id where chain.depth < 20
       ) select document from chain order by depth`,
      [program.category.id],
    )).map((r) => r.document)
    : [];
  return { program, episodes, people, categories };
}
