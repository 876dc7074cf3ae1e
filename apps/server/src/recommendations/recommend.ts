// Serving "listeners also played", "for you" and the trending shelf from the read model, the active
// model version and the listener's current listener_items rows (so a listen counts at once, without
// waiting for the next build). Everything returned is public now, and never what the listener played.
import type { Queryable } from '../platform/db/db.js';
import { HttpProblem } from '../platform/http/problem.js';
import type { PublicEpisode } from '../discovery/documents.js';
import { categoryTree, type ProgramCard } from '../discovery/queries.js';
import { ACTIVE_VERSION, MAX_HISTORY, alsoPlayedSql, forYouSql, versionNeighbours } from './scoring.js';
import { activeVersion } from './models.js';

/** Stands for "no listener" in the scoring SQL: no listener_items row has it (ids are 8+ characters). */
const NOBODY = '-';
const PROGRAM_DOC = `p.document || jsonb_build_object('episodeCount', p.episode_count, 'latestEpisodeAt', p.latest_episode_at, 'feedUrl', '/feeds/' || p.id || '.xml')`;

export async function alsoPlayed(q: Queryable, episodeId: string, limit: number, listener?: string) {
  const [exists] = await q.query('select 1 from discovery_episodes where id = $1 and publish_at <= now()', [episodeId]);
  if (!exists) throw new HttpProblem('not-found', `No episode ${episodeId}.`);
  const rows = await q.query<{ document: PublicEpisode }>(
    `with r as (${alsoPlayedSql({
      seeds: '(select $1::text as listener_id, $2::uuid as episode_id)',
      neighbours: versionNeighbours(ACTIVE_VERSION),
      played: '(select listener_id, episode_id from listener_items where listener_id = $1)',
      limit: '$3',
    })}) select e.document from r join discovery_episodes e on e.id = r.episode_id order by r.rank`,
    [listener ?? NOBODY, episodeId, limit]);
  return { items: rows.map((r) => r.document), modelVersion: await activeVersion(q) };
}

export interface ForYouOptions {
  listener: string;
  limit: number;
  /** Cold start (and filling a short list): the language and category slugs the listener chose. */
  language?: 'ar' | 'en' | undefined;
  categories?: string[] | undefined;
}

export async function forYou(q: Queryable, o: ForYouOptions) {
  const personal = await q.query<{ id: string; document: PublicEpisode }>(
    `with r as (${forYouSql({
      history: `(select listener_id, episode_id, last_at, completed from listener_items where listener_id = $1 order by last_at desc limit ${MAX_HISTORY})`,
      neighbours: versionNeighbours(ACTIVE_VERSION),
      played: 'listener_items',
      now: 'now()',
      limit: '$2',
    })}) select e.id, e.document from r join discovery_episodes e on e.id = r.episode_id order by r.rank`,
    [o.listener, o.limit]);
  const items = personal.map((r) => r.document);
  let basis: 'history' | 'cold-start' | 'mixed' = items.length > 0 ? 'history' : 'cold-start';
  if (items.length < o.limit) {
    // Cold start, or a history whose neighbours are too few: trending (then newest) in the chosen
    // language and categories; with no language chosen, the language the listener mostly plays.
    const language = o.language ?? (await dominantLanguage(q, o.listener));
    const categoryIds = (await Promise.all((o.categories ?? []).map((slug) => categoryTree(q, slug)))).flat();
    const params: unknown[] = [o.listener, personal.map((r) => r.id), o.limit - items.length];
    const where = ['e.publish_at <= now()', 'e.id <> all($2::uuid[])', 'not exists (select 1 from listener_items li where li.listener_id = $1 and li.episode_id = e.id)'];
    if (language) where.push(`e.language = $${params.push(language)}`);
    if (o.categories?.length) where.push(`e.category_id = any($${params.push(categoryIds)}::uuid[])`);
    const fill = await q.query<{ document: PublicEpisode }>(
      `select e.document from discovery_episodes e where ${where.join(' and ')} order by e.popularity desc, e.publish_at desc, e.id limit $3`, params);
    if (items.length > 0 && fill.length > 0) basis = 'mixed';
    items.push(...fill.map((r) => r.document));
  }
  return { items, basis, modelVersion: await activeVersion(q) };
}

async function dominantLanguage(q: Queryable, listener: string): Promise<'ar' | 'en' | undefined> {
  const [row] = await q.query<{ language: 'ar' | 'en' }>(
    `select e.language from listener_items li join discovery_episodes e on e.id = li.episode_id
      where li.listener_id = $1 group by e.language order by count(*) desc, e.language limit 1`, [listener]);
  return row?.language;
}

/** The trending shelf: the highest time-decayed popularity (recommendations/trending.ts) first. */
export async function trending(q: Queryable, options: { language?: 'ar' | 'en' | undefined; limit: number }) {
  const params: unknown[] = [options.limit];
  const lang = (alias: string) => (options.language ? ` and ${alias}.language = $${params.length === 1 ? params.push(options.language) : 2}` : '');
  const episodesWhere = `e.popularity > 0 and e.publish_at <= now()${lang('e')}`;
  const episodes = await q.query<{ document: PublicEpisode }>(
    `select e.document from discovery_episodes e where ${episodesWhere} order by e.popularity desc, e.publish_at desc, e.id limit $1`, params);
  const programs = await q.query<{ document: ProgramCard }>(
    `select ${PROGRAM_DOC} as document from discovery_programs p where p.popularity > 0 and p.episode_count > 0${lang('p')}
      order by p.popularity desc, p.latest_episode_at desc nulls last, p.id limit $1`, params);
  return { episodes: episodes.map((r) => r.document), programs: programs.map((r) => r.document) };
}
