// Reads of the Discovery read model. Every query also checks the publish time against now(), so even
// a read model that lags behind the scheduler never shows an episode early.
import type { Queryable } from '../platform/db/db.js';
import { fetchPage, parseSort, type SortField } from '../platform/db/pagination.js';
import { HttpProblem } from '../platform/http/problem.js';
import type { PublicCategory, PublicEpisode, PublicPerson, PublicProgram } from './documents.js';

export interface ProgramCard extends PublicProgram {
  episodeCount: number;
  latestEpisodeAt: string | null;
  feedUrl: string;
}

type DocRow<T> = { id: string; document: T } & Record<string, unknown>;

// feedUrl: the program's podcast feed (feeds/routes.ts), by id so that it survives a change of slug.
const PROGRAM_SELECT = `p.id, p.document || jsonb_build_object('episodeCount', p.episode_count, 'latestEpisodeAt', p.latest_episode_at,
  'feedUrl', '/feeds/' || p.id || '.xml') as document`;
const VISIBLE_EPISODE = 'e.publish_at <= now()';

const PROGRAM_SORTS: Record<string, SortField> = {
  latest: { expr: "coalesce(p.latest_episode_at, p.published_at)", type: 'timestamptz' },
  title: { expr: 'p.title', type: 'text' },
  published: { expr: 'p.published_at', type: 'timestamptz' },
};

export interface ProgramFilters {
  category?: string | undefined;
  language?: 'ar' | 'en' | undefined;
  kind?: 'podcast' | 'series' | 'documentary' | undefined;
  sort?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** Category slug → ids of it and its subcategories (browsing "Culture" includes "Books"); [] if none. */
export async function categoryTree(q: Queryable, slug: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `with recursive tree(id) as (
       select id from discovery_categories where slug = $1
       union select c.id from discovery_categories c join tree on c.parent_id = tree.id
     ) select id from tree`,
    [slug],
  );
  return rows.map((r) => r.id);
}

async function categoryIds(q: Queryable, slug: string): Promise<string[]> {
  const ids = await categoryTree(q, slug);
  if (ids.length === 0) throw new HttpProblem('not-found', `No category with slug "${slug}".`);
  return ids;
}

export async function listPrograms(q: Queryable, filters: ProgramFilters) {
  const order = parseSort(filters.sort ? (filters.sort === 'title' ? 'title' : `-${filters.sort}`) : '-latest', PROGRAM_SORTS, '-latest');
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.category) where.push(`p.category_id = any($${params.push(await categoryIds(q, filters.category))}::uuid[])`);
  if (filters.language) where.push(`p.language = $${params.push(filters.language)}`);
  if (filters.kind) where.push(`p.kind = $${params.push(filters.kind)}`);
  return fetchPage<DocRow<ProgramCard>, ProgramCard>(q, {
    select: PROGRAM_SELECT, from: 'discovery_programs p', idColumn: 'p.id', where, params, order,
    cursor: filters.cursor, limit: filters.limit ?? 24, map: (r) => r.document,
  });
}

export async function programBySlug(q: Queryable, slug: string): Promise<ProgramCard> {
  const [row] = await q.query<DocRow<ProgramCard>>(`select ${PROGRAM_SELECT} from discovery_programs p where p.slug = $1 order by p.published_at desc limit 1`, [slug]);
  if (!row) throw new HttpProblem('not-found', `No program with slug "${slug}".`);
  return row.document;
}

const EPISODE_SORTS: Record<string, SortField> = {
  newest: { expr: 'e.publish_at', type: 'timestamptz' },
  oldest: { expr: 'e.publish_at', type: 'timestamptz' },
};

export interface EpisodeFilters {
  programId?: string | undefined;
  category?: string | undefined;
  language?: 'ar' | 'en' | undefined;
  sort?: 'newest' | 'oldest' | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export async function listEpisodes(q: Queryable, filters: EpisodeFilters) {
  const sort = filters.sort ?? 'newest';
  const order = parseSort(sort === 'newest' ? '-newest' : 'oldest', EPISODE_SORTS, '-newest');
  const where = [VISIBLE_EPISODE];
  const params: unknown[] = [];
  if (filters.programId) where.push(`e.program_id = $${params.push(filters.programId)}`);
  if (filters.category) where.push(`e.category_id = any($${params.push(await categoryIds(q, filters.category))}::uuid[])`);
  if (filters.language) where.push(`e.language = $${params.push(filters.language)}`);
  return fetchPage<DocRow<PublicEpisode>, PublicEpisode>(q, {
    select: 'e.id, e.document', from: 'discovery_episodes e', idColumn: 'e.id', where, params, order,
    cursor: filters.cursor, limit: filters.limit ?? 24, map: (r) => r.document,
  });
}

export async function episodeById(q: Queryable, id: string): Promise<PublicEpisode> {
  const [row] = await q.query<DocRow<PublicEpisode>>(`select e.id, e.document from discovery_episodes e where e.id = $1 and ${VISIBLE_EPISODE}`, [id]);
  if (!row) throw new HttpProblem('not-found', `No episode ${id}.`);
  return row.document;
}

export async function categories(q: Queryable) {
  const rows = await q.query<{ document: PublicCategory; programs: number }>(
    `select c.document, (select count(*) from discovery_programs p where p.category_id = c.id)::int as programs
       from discovery_categories c order by c.parent_id nulls first, c.position, c.slug`,
  );
  return rows.map((r) => ({ ...r.document, programCount: r.programs }));
}

export async function categoryBySlug(q: Queryable, slug: string): Promise<PublicCategory> {
  const [row] = await q.query<{ document: PublicCategory }>('select document from discovery_categories where slug = $1 limit 1', [slug]);
  if (!row) throw new HttpProblem('not-found', `No category with slug "${slug}".`);
  return row.document;
}

export async function personBySlug(q: Queryable, slug: string) {
  const [row] = await q.query<{ id: string; document: PublicPerson }>('select id, document from discovery_people where slug = $1 limit 1', [slug]);
  if (!row) throw new HttpProblem('not-found', `No person with slug "${slug}".`);
  const programs = await q.query<DocRow<ProgramCard> & { roles: string[] }>(
    `select ${PROGRAM_SELECT}, array_agg(distinct c.role) as roles from discovery_credits c join discovery_programs p on p.id = c.program_id
      where c.person_id = $1 and c.episode_id is null group by p.id order by p.latest_episode_at desc nulls last limit 50`,
    [row.id],
  );
  const episodes = await q.query<DocRow<PublicEpisode>>(
    `select e.id, e.document from discovery_credits c join discovery_episodes e on e.id = c.episode_id
      where c.person_id = $1 and ${VISIBLE_EPISODE} order by e.publish_at desc limit 50`,
    [row.id],
  );
  return {
    ...row.document,
    programs: programs.map((p) => ({ ...p.document, roles: p.roles })),
    episodes: episodes.map((e) => e.document),
  };
}

export async function listPeople(q: Queryable, options: { cursor?: string | undefined; limit?: number | undefined }) {
  const order = parseSort('name', { name: { expr: 'pe.name', type: 'text' } }, 'name');
  return fetchPage<DocRow<PublicPerson>, PublicPerson>(q, {
    select: 'pe.id, pe.document', from: 'discovery_people pe', idColumn: 'pe.id', where: [], params: [], order,
    cursor: options.cursor, limit: options.limit ?? 50, map: (r) => r.document,
  });
}

/** The front page: newest episodes, most listened programs, and a shelf per top-level category. */
export async function home(q: Queryable, language?: 'ar' | 'en') {
  const params: unknown[] = language ? [language] : [];
  const lang = (alias: string) => (language ? ` and ${alias}.language = $1` : '');
  const latest = await q.query<{ document: PublicEpisode }>(
    `select e.document from discovery_episodes e where ${VISIBLE_EPISODE}${lang('e')} order by e.publish_at desc, e.id desc limit 12`, params);
  const featured = await q.query<{ document: ProgramCard }>(
    `select ${PROGRAM_SELECT} from discovery_programs p where p.episode_count > 0${lang('p')}
      order by p.popularity desc, p.latest_episode_at desc nulls last, p.id limit 8`, params);
  const shelves = await q.query<{ category: PublicCategory; programs: ProgramCard[] }>(
    `select c.document as category,
            (select coalesce(jsonb_agg(x.document order by x.latest desc nulls last), '[]'::jsonb) from (
               select ${PROGRAM_SELECT}, p.latest_episode_at as latest from discovery_programs p
                where p.category_id in (with recursive tree(id) as (select c.id union select d.id from discovery_categories d join tree on d.parent_id = tree.id) select id from tree)${lang('p')}
                order by p.latest_episode_at desc nulls last limit 8) x) as programs
       from discovery_categories c where c.parent_id is null order by c.position, c.slug`, params);
  return {
    latest: latest.map((r) => r.document),
    featured: featured.map((r) => r.document),
    categories: shelves.filter((s) => s.programs.length > 0),
  };
}
