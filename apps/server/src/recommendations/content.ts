// "More like this", from content alone (no listening needed, so it works for a new episode on day one):
// the analyzer's terms in the search index (search_documents.terms, migration 0006), weighted by their
// rarity (idf) and normalised by the candidate's length, then small bonuses for the same category, the
// same language and shared people. Candidates are exactly the public documents sharing at least one
// term with the source (a GIN lookup), which also makes their count the true document frequency of each
// term, so idf needs no separate statistics table. The steps are MATERIALIZED: inlined, a planner with
// poor estimates re-ran the aggregation for every candidate (minutes instead of a fraction of a second).
import type { Queryable } from '../platform/db/db.js';
import { HttpProblem } from '../platform/http/problem.js';
import type { PublicEpisode } from '../discovery/documents.js';
import type { ProgramCard } from '../discovery/queries.js';

/** Bonuses on top of the text score (which is scaled to 0..1 among the candidates). */
const SAME_CATEGORY = 0.3;
const SAME_LANGUAGE = 0.2;
const PER_SHARED_PERSON = 0.15;
/** An episode's shelf shows at most this many episodes of one program, so it is not just "the same show". */
const PER_PROGRAM = 3;

const PROGRAM_DOC = `p.document || jsonb_build_object('episodeCount', p.episode_count, 'latestEpisodeAt', p.latest_episode_at, 'feedUrl', '/feeds/' || p.id || '.xml')`;

function similarSql(type: 'episode' | 'program', excludePlayed: boolean): string {
  const credits = (alias: string) => type === 'episode'
    ? `select person_id from discovery_credits where episode_id = ${alias}`
    : `select person_id from discovery_credits where program_id = ${alias} and episode_id is null`;
  const visible = type === 'episode'
    ? 'join discovery_episodes e on e.id = c.id and e.publish_at <= now()'
    : 'join discovery_programs p on p.id = c.id';
  return `with src as (select id, program_id, category_id, language, terms from search_documents where id = $1 and type = '${type}'),
    st as (select unnest(tsvector_to_array(src.terms)) as term from src),
    q as (select string_agg(quote_literal(term), ' | ')::tsquery as q from st),
    total as materialized (select count(*)::float8 as n from search_documents where type = '${type}'),
    cand as materialized (
      select d.id, d.program_id, d.category_id, d.language, length(d.terms) as len, d.terms
        from search_documents d, src, q
       where d.type = '${type}' and d.id <> src.id and d.terms @@ q.q
    ),
    shared as (select c.id, x.term from cand c cross join lateral unnest(tsvector_to_array(c.terms)) as x(term) join st on st.term = x.term),
    df as (select term, count(*) + 1 as df from shared group by term),
    text as materialized (
      select c.id, c.program_id, c.category_id, c.language, sum(ln(1 + total.n / df.df)) / sqrt(greatest(c.len, 1)) as t
        from shared s join df on df.term = s.term join cand c on c.id = s.id cross join total
       group by c.id, c.program_id, c.category_id, c.language, c.len
    ),
    scored as materialized (
      select c.id, c.program_id,
             c.t / nullif(max(c.t) over (), 0)
             + case when c.category_id is not distinct from src.category_id and c.category_id is not null then ${SAME_CATEGORY} else 0 end
             + case when c.language = src.language then ${SAME_LANGUAGE} else 0 end
             + ${PER_SHARED_PERSON} * (select count(*) from (${credits('c.id')} intersect ${credits('src.id')}) x) as score
        from text c cross join src
       ${excludePlayed ? 'where not exists (select 1 from listener_items li where li.listener_id = $3 and li.episode_id = c.id)' : ''}
    ),
    diverse as (select s.*, row_number() over (partition by s.program_id order by s.score desc, s.id) as nth from scored s)
    select ${type === 'episode' ? 'e.document' : `${PROGRAM_DOC} as document`}
      from diverse c ${visible}
     where ${type === 'episode' ? `c.nth <= ${PER_PROGRAM}` : 'true'}
     order by c.score desc, c.id limit $2`;
}

export async function moreLikeEpisode(q: Queryable, id: string, limit: number, listener?: string): Promise<PublicEpisode[]> {
  const [exists] = await q.query('select 1 from discovery_episodes where id = $1 and publish_at <= now()', [id]);
  if (!exists) throw new HttpProblem('not-found', `No episode ${id}.`);
  const rows = await q.query<{ document: PublicEpisode }>(similarSql('episode', listener !== undefined), listener !== undefined ? [id, limit, listener] : [id, limit]);
  return rows.map((r) => r.document);
}

export async function moreLikeProgram(q: Queryable, programId: string, limit: number): Promise<ProgramCard[]> {
  const rows = await q.query<{ document: ProgramCard }>(similarSql('program', false), [programId, limit]);
  return rows.map((r) => r.document);
}
