// What the public may see, decided here — in the content domain, next to the workflow — and nowhere
// else. Discovery builds its documents (discovery/documents.ts) only from rows these predicates pass.
//
// A program is public when it is published and not deleted. An episode is public when it is
// published, its publish time has come, it is not deleted, and its program is public.
import type { Queryable } from '../platform/db/db.js';

/** SQL over `programs p`. */
export const PROGRAM_IS_PUBLIC = `p.status = 'published' and p.deleted_at is null`;
/** SQL over `episodes e` (with PROGRAM_IS_PUBLIC for its program). */
export const EPISODE_IS_PUBLIC = `e.status = 'published' and e.publish_at <= now() and e.deleted_at is null`;

/** What a change to one entity may make visible or invisible elsewhere (for the read model). */
export async function dependents(q: Queryable, entity: { type: 'program' | 'episode' | 'category' | 'person'; id: string }) {
  const ids = async (sql: string) => (await q.query<{ id: string }>(sql, [entity.id])).map((r) => r.id);
  switch (entity.type) {
    case 'program':
      return {
        episodes: await ids('select id from episodes where program_id = $1'),
        people: await ids(`select person_id as id from program_people where program_id = $1
                           union select x.person_id from episode_people x join episodes e on e.id = x.episode_id where e.program_id = $1`),
        programs: [],
      };
    case 'episode':
      return { episodes: [], programs: await ids('select program_id as id from episodes where id = $1'), people: await ids('select person_id as id from episode_people where episode_id = $1') };
    case 'category':
      return { programs: await ids('select id from programs where category_id = $1'), episodes: [], people: [] };
    case 'person':
      return {
        programs: await ids('select program_id as id from program_people where person_id = $1'),
        episodes: await ids('select episode_id as id from episode_people where person_id = $1'),
        people: [],
      };
  }
}

/** Every id that could be public, for a full rebuild of the read model. */
export async function allContentIds(q: Queryable) {
  const ids = async (sql: string) => (await q.query<{ id: string }>(sql)).map((r) => r.id);
  return {
    categories: await ids('select id from categories where deleted_at is null order by id'),
    programs: await ids(`select id from programs p where ${PROGRAM_IS_PUBLIC} order by id`),
    episodes: await ids(`select e.id from episodes e join programs p on p.id = e.program_id where ${EPISODE_IS_PUBLIC} and ${PROGRAM_IS_PUBLIC} order by e.id`),
    people: await ids('select id from people where deleted_at is null order by id'),
  };
}
