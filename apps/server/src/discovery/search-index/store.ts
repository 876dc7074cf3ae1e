// Writes of the search index: upserts of analysed documents (one or thousands per statement), removals,
// and the boosts that depend on other rows (a program's recency is its newest episode). Every function
// takes the caller's transaction, so the index changes together with the read model.
import type { Queryable } from '../../platform/db/db.js';
import { COMPLETION_BONUS, type IndexEntry, type SearchType } from './document.js';
import { countWords, forgetWords } from '../../search/typos/dictionary.js';

const bonusSql = (column: string) =>
  `case ${column} when 'program' then ${COMPLETION_BONUS.program} when 'person' then ${COMPLETION_BONUS.person} else ${COMPLETION_BONUS.episode} end`;

/** Inserts or replaces the entries (and their completion rows) in a few statements, whatever their number. */
export async function writeEntries(tx: Queryable, given: readonly IndexEntry[]): Promise<void> {
  if (given.length === 0) return;
  // One statement cannot upsert a row twice: the last entry of an id wins.
  const entries = [...new Map(given.map((e) => [e.id, e])).values()];
  const rows = entries.map((e) => ({
    id: e.id, type: e.type, program_id: e.programId, category_id: e.categoryId, language: e.language, kind: e.kind,
    duration_seconds: e.durationSeconds, published_at: e.publishedAt, terms: e.terms, head: e.head,
  }));
  const ids = entries.map((e) => e.id);
  // The typo dictionary counts documents per word: the replaced versions' words first go out.
  await forgetWords(tx, ids);
  // Popularity lives in the read model (whatever measures it writes it there); a program's recency is
  // its newest episode, so a show that is still running ranks as recent as its latest episode.
  await tx.query(
    `insert into search_documents (id, type, program_id, category_id, language, kind, duration_seconds, published_at,
                                   recency_at, popularity, boost, terms, head)
     select x.id, x.type, x.program_id, x.category_id, x.language, x.kind, x.duration_seconds, x.published_at,
            r.at, pop.value, search_boost(r.at, pop.value), x.terms::tsvector, x.head::tsvector
       from jsonb_to_recordset($1::jsonb) as x(id uuid, type text, program_id uuid, category_id uuid, language text, kind text,
                                              duration_seconds integer, published_at timestamptz, terms text, head text)
       cross join lateral (select coalesce(case x.type when 'program' then (select p.popularity from discovery_programs p where p.id = x.id)
                                                       else (select e.popularity from discovery_episodes e where e.id = x.id) end, 0)::real as value) pop
       cross join lateral (select case x.type when 'program'
                                    then greatest(x.published_at, coalesce((select max(e.published_at) from search_documents e
                                                                            where e.program_id = x.id and e.type = 'episode'), x.published_at))
                                    else x.published_at end as at) r
     on conflict (id) do update set
       type = excluded.type, program_id = excluded.program_id, category_id = excluded.category_id, language = excluded.language,
       kind = excluded.kind, duration_seconds = excluded.duration_seconds, published_at = excluded.published_at,
       recency_at = excluded.recency_at, popularity = excluded.popularity, boost = excluded.boost,
       terms = excluded.terms, head = excluded.head`,
    [JSON.stringify(rows)],
  );
  await tx.query(
    `insert into search_exact (id, exact) select x.id, x.exact::tsvector from jsonb_to_recordset($1::jsonb) as x(id uuid, exact text)
     on conflict (id) do update set exact = excluded.exact`,
    [JSON.stringify(entries.map((e) => ({ id: e.id, exact: e.exact })))],
  );
  await countWords(tx, ids);
  const completions = entries.flatMap((e) => e.completions.map((c) => ({ word: c.word, owner_id: e.id, target_type: c.targetType, target_id: c.targetId })));
  await tx.query('delete from search_completions where owner_id = any($1::uuid[])', [ids]);
  if (completions.length > 0) {
    await tx.query(
      `insert into search_completions (word, owner_id, target_type, target_id, score)
       select w.word, w.owner_id, w.target_type, w.target_id, d.boost + ${bonusSql('w.target_type')}
         from jsonb_to_recordset($1::jsonb) as w(word text, owner_id uuid, target_type text, target_id uuid)
         join search_documents d on d.id = w.owner_id`,
      [JSON.stringify(completions)],
    );
  }
  const programs = [...new Set(entries.filter((e) => e.type === 'episode').map((e) => e.programId))];
  await refreshProgramRecency(tx, programs);
}

/** Removes documents (and their completions); programs of removed episodes get their recency again. */
export async function removeDocuments(tx: Queryable, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  await tx.query('delete from search_completions where owner_id = any($1::uuid[])', [ids]);
  await forgetWords(tx, ids);
  const removed = await tx.query<{ program_id: string; type: SearchType }>(
    'delete from search_documents where id = any($1::uuid[]) returning program_id, type', [ids]);
  await refreshProgramRecency(tx, [...new Set(removed.filter((r) => r.type === 'episode').map((r) => r.program_id))]);
  return removed.length;
}

/**
 * Removes a program and all its episodes. The read model drops a program's episodes by cascade, without
 * telling the listener about each, so the index must not wait to be told either.
 */
export async function removeProgram(tx: Queryable, programId: string): Promise<number> {
  const ids = (await tx.query<{ id: string }>('select id from search_documents where program_id = $1', [programId])).map((r) => r.id);
  return removeDocuments(tx, ids);
}

/** A program ranks as recent as its newest public episode; its completions follow its boost. */
async function refreshProgramRecency(tx: Queryable, programIds: readonly string[]): Promise<void> {
  if (programIds.length === 0) return;
  await tx.query(
    `with r as (
       select p.id, greatest(p.published_at, coalesce((select max(e.published_at) from search_documents e
                                                       where e.program_id = p.id and e.type = 'episode'), p.published_at)) as at
         from search_documents p where p.id = any($1::uuid[]) and p.type = 'program'
     ), changed as (
       update search_documents p set recency_at = r.at, boost = search_boost(r.at, p.popularity)
         from r where p.id = r.id and p.recency_at is distinct from r.at
       returning p.id, p.boost
     )
     update search_completions c set score = changed.boost + ${bonusSql('c.target_type')}
       from changed where c.owner_id = changed.id`,
    [programIds],
  );
}

/**
 * Records a document's popularity (e.g. recent plays) in the read model and the search index, for
 * whatever measures it. The new boost applies to the next search (and the next generation of cached
 * responses, which the caller bumps).
 */
export async function setPopularity(tx: Queryable, type: SearchType, id: string, popularity: number): Promise<void> {
  if (!Number.isFinite(popularity) || popularity < 0) throw new RangeError(`popularity must be a finite number >= 0, got ${popularity}`);
  await tx.query(`update ${type === 'program' ? 'discovery_programs' : 'discovery_episodes'} set popularity = $2 where id = $1`, [id, popularity]);
  await tx.query(
    `with changed as (
       update search_documents set popularity = $2, boost = search_boost(recency_at, $2) where id = $1 returning id, boost
     )
     update search_completions c set score = changed.boost + ${bonusSql('c.target_type')} from changed where c.owner_id = changed.id`,
    [id, popularity],
  );
}

/**
 * setPopularity for a whole type at once (trending, recommendations/trending.ts): every public document
 * of `type` takes its value from `values`, 0 when absent. Values within `tolerance` (relative) of the
 * stored one are left alone, so a refresh that only ages every score a little rewrites nothing. Returns
 * how many documents changed; the caller bumps the generation when that is not 0.
 */
export async function replacePopularity(
  tx: Queryable, type: SearchType, values: ReadonlyMap<string, number>, tolerance = 0,
): Promise<number> {
  for (const [id, value] of values) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`popularity of ${id} must be a finite number >= 0, got ${value}`);
  }
  const table = type === 'program' ? 'discovery_programs' : 'discovery_episodes';
  const rows = await tx.query<{ n: number }>(
    `with given as (select x.id, x.p from jsonb_to_recordset($1::jsonb) as x(id uuid, p real)),
     target as (
       select d.id, coalesce(g.p, 0)::real as p from ${table} d left join given g on g.id = d.id
        where d.popularity is distinct from coalesce(g.p, 0)
          and (d.popularity = 0 or coalesce(g.p, 0) = 0 or abs(d.popularity - g.p) > $2 * greatest(d.popularity, g.p))
     ),
     changed as (update ${table} d set popularity = t.p from target t where d.id = t.id returning d.id, d.popularity),
     indexed as (
       update search_documents s set popularity = c.popularity, boost = search_boost(s.recency_at, c.popularity)
         from changed c where s.id = c.id returning s.id, s.boost
     ),
     completions as (
       update search_completions c set score = indexed.boost + ${bonusSql('c.target_type')} from indexed where c.owner_id = indexed.id returning 1
     )
     select (select count(*) from changed)::int as n, (select count(*) from completions)::int as completions`,
    [JSON.stringify([...values].map(([id, p]) => ({ id, p }))), tolerance],
  );
  return rows[0]?.n ?? 0;
}
