// Search over the index: parse the words, match them with the GIN index, rank by field weights, exact
// forms, recency and popularity, count facets over the whole match set, page with a (score, id) cursor,
// fall back to trigram similarity on titles when the words find little, and highlight the page's hits.
import type { Db, Queryable } from '../../platform/db/db.js';
import { HttpProblem } from '../../platform/http/problem.js';
import type { PublicCategory, PublicEpisode, PublicProgram } from '../documents.js';
import type { SearchType } from '../search-index/document.js';
import { EXACT_MARK, quoteLexeme } from '../../search/index/tsvector.js';
import { decodeSearchCursor, encodeSearchCursor, searchDigest, type CursorKey, type SearchSort } from './cursor.js';
import { highlighter, type Range, type Snippet } from '../../search/query/highlight.js';
import { CUT_OFF_ABOVE, parseQuery, QueryTooComplex, type ParsedQuery } from '../../search/query/parse.js';
import { allOf, allOfAny, allPhrases, anyOf, anyPhrase } from '../../search/query/tsquery.js';
import { lookupTypos, type Correction } from '../../search/typos/candidates.js';
import { maxEdits } from '../../search/typos/edit-distance.js';
import { categoryTree } from '../queries.js';

export interface SearchRequest {
  q?: string | undefined;
  type?: SearchType | undefined;
  program?: string | undefined;
  category?: string | undefined;
  language?: 'ar' | 'en' | undefined;
  kind?: 'podcast' | 'series' | 'documentary' | undefined;
  durationMin?: number | undefined;
  durationMax?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: SearchSort | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface ProgramCard extends PublicProgram {
  episodeCount: number;
  latestEpisodeAt: string | null;
}

/** Hits carry their document without the description: the snippet stands in for it (and a page of hits stays small). */
export type ProgramHitDocument = Omit<ProgramCard, 'description'>;
export type EpisodeHitDocument = Omit<PublicEpisode, 'description'>;

export interface SearchHit {
  type: SearchType;
  id: string;
  /** Relevance sort: the ranking score (higher first); null when sorted by date. */
  score: number | null;
  /** How the hit matched: the words, or (typo tolerance) a title similar to them; "all" without words. */
  match: 'words' | 'similar' | 'all';
  title: string;
  highlights: { title: Range[]; description: Snippet };
  program?: ProgramHitDocument;
  episode?: EpisodeHitDocument;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface CategoryFacet {
  slug: string;
  nameAr: string;
  nameEn: string;
  parentSlug: string | null;
  count: number;
}

export interface SearchResult {
  query: { terms: string[]; optional: string[]; phrases: string[]; excluded: string[]; similar: boolean };
  total: number;
  items: SearchHit[];
  nextCursor: string | null;
  facets: { type: FacetValue[]; language: FacetValue[]; kind: FacetValue[]; category: CategoryFacet[] };
}

/** Field weights for ts_rank, in PostgreSQL's order {D, C, B, A}: description, people/tags, program name, title. */
const FIELD_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';
/** Fewer hits than this on the words, and hits of typo corrections of the words are added after them. */
export const SIMILAR_BELOW = 5;
/** The rank of a match in the description only (a title match of one word ranks 0.5 to 1). */
const DESCRIPTION_RANK = 0.05;
/** Hits found only through typo corrections rank below every hit of the words as typed: their score is lowered by this. */
const SIMILAR_PENALTY = 1000;

const badRequest = (pointer: string, detail: string) =>
  new HttpProblem('validation-failed', detail, { errors: [{ in: 'querystring', pointer, message: detail }] });

function parse(q: string | undefined): ParsedQuery {
  try {
    return parseQuery(q);
  } catch (error) {
    if (error instanceof QueryTooComplex) throw badRequest('/q', error.message);
    throw error;
  }
}

/** PostgreSQL has no year 0: the first instant it accepts in a timestamp. */
const FIRST_DAY = Date.parse('0001-01-01T00:00:00Z');

/** A date (whole day, UTC) or a date-time; `end` makes a date mean the end of that day. */
function parseDate(value: string, name: string, end: boolean): Date {
  const dateOnly = /^\d{4}-\d\d-\d\d$/.test(value);
  const time = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  // Date.parse rolls 2026-02-31 over into March: a date must come back as written.
  const day = value.slice(0, 10);
  const dayTime = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time) || Number.isNaN(dayTime) || time < FIRST_DAY || new Date(dayTime).toISOString().slice(0, 10) !== day) {
    throw badRequest(`/${name}`, `${name} must be a date (2026-01-31) or a date-time (2026-01-31T18:00:00Z) from year 1 to 9999; got "${value}".`);
  }
  return new Date(dateOnly && end ? time + 86_400_000 : time);
}

async function categoryIds(q: Queryable, slug: string): Promise<string[]> {
  const ids = await categoryTree(q, slug);
  if (ids.length === 0) throw badRequest('/category', `No category with slug "${slug}".`);
  return ids;
}

async function programIds(q: Queryable, slug: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>('select id from discovery_programs where slug = $1', [slug]);
  if (rows.length === 0) throw badRequest('/program', `No program with slug "${slug}".`);
  return rows.map((r) => r.id);
}

interface Plan {
  where: string[];
  params: unknown[];
  /** SQL for the ranking score of a row `d` (its parameters are added only when it is used). */
  score: (p: (value: unknown) => string) => string;
  /** SQL: did the words as typed match (rather than only a typo correction of them)? */
  words: string;
  similar: boolean;
  /** SQL: how many of the query's optional (stop) words a row has, for the rank cut-off. */
  optional?: string | undefined;
  cutOff?: ParsedQuery['cutOff'];
}

/**
 * The SQL of one search: filter conditions, text conditions and the score, with their parameters.
 * `corrections` (typo tolerance): for each typed word, the terms of dictionary words close to it; a
 * hit may have any of them instead of the word, and ranks after every hit of the words as typed.
 */
async function plan(db: Queryable, parsed: ParsedQuery, request: SearchRequest, corrections?: Map<string, string[]>): Promise<Plan> {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const where = ['d.published_at <= now()'];
  if (request.type) where.push(`d.type = ${p(request.type)}`);
  if (request.program) where.push(`d.program_id = any(${p(await programIds(db, request.program))}::uuid[])`);
  if (request.category) where.push(`d.category_id = any(${p(await categoryIds(db, request.category))}::uuid[])`);
  if (request.language) where.push(`d.language = ${p(request.language)}`);
  if (request.kind) where.push(`d.kind = ${p(request.kind)}`);
  if (request.durationMin !== undefined) where.push(`d.duration_seconds >= ${p(request.durationMin)}`);
  if (request.durationMax !== undefined) where.push(`d.duration_seconds <= ${p(request.durationMax)}`);
  if (request.from) where.push(`d.published_at >= ${p(parseDate(request.from, 'from', false).toISOString())}::timestamptz`);
  if (request.to) {
    const dateOnly = /^\d{4}-\d\d-\d\d$/.test(request.to);
    const end = parseDate(request.to, 'to', true);
    // The day after 9999-12-31 has no four-digit year: every document is before it.
    where.push(`d.published_at ${dateOnly ? '<' : '<='} ${p(end.getUTCFullYear() > 9999 ? 'infinity' : end.toISOString())}::timestamptz`);
  }
  const exact = (tsquery: string) => `exists (select 1 from search_exact x where x.id = d.id and x.exact @@ ${p(tsquery)}::tsquery)`;
  if (parsed.excludedTerms.length > 0) where.push(`not (d.terms @@ ${p(anyOf(parsed.excludedTerms))}::tsquery)`);
  if (parsed.excludedPhrases.length > 0) where.push(`not ${exact(anyPhrase(parsed.excludedPhrases))}`);
  if (parsed.required.length === 0) return { where, params, score: () => 'd.boost', words: 'true', similar: false };

  // The precision lever, twice. A long query needs most of its words, stop words included (parse.ts);
  // and no hit may have fewer of the query's stop words than the best one has (the rank cut-off in
  // execute): when some text has the whole question, texts with only its content words are left out,
  // and when none has, the texts with the most of it are still found.
  const optional = parsed.cutOff !== 'never' || parsed.minimumOptional > 0
    ? `(${parsed.optional.map((t) => `(d.terms @@ ${p(quoteLexeme(t))}::tsquery)::int`).join(' + ')})`
    : undefined;
  if (optional && parsed.minimumOptional > 0) where.push(`${optional} >= ${parsed.minimumOptional}`);
  const words = [`d.terms @@ ${p(allOf(parsed.required))}::tsquery`];
  // Phrases are checked on their positions only for rows that have all their words.
  if (parsed.phrases.length > 0) words.push(exact(allPhrases(parsed.phrases)));
  const matched = words.join(' and ');
  // Rank: the short fields (title, program name, people, tags) by weight, counting the query's stop
  // words and its exact forms (marked), so texts with them and with the form typed rank higher. A match
  // only in the description ranks by the floor, newest and most popular first among them.
  const rankOf = (terms: readonly string[]) => anyOf([...terms, ...parsed.optional, ...parsed.exactForms.map((e) => EXACT_MARK + e)]);
  const rank = (q: (value: unknown) => string, terms: readonly string[]) =>
    `ln(ts_rank('${FIELD_WEIGHTS}', d.head, ${q(rankOf(terms))}::tsquery) + ${DESCRIPTION_RANK}) + d.boost`;
  if (!corrections) return { where: [...where, matched], params, score: (q) => rank(q, parsed.required), words: 'true', similar: false, optional: parsed.cutOff !== 'never' ? optional : undefined, cutOff: parsed.cutOff };
  // Typo tolerance: every required term, or any correction of it. A superset of the words as typed, so
  // those hits are found too, and rank first.
  const groups = parsed.required.map((term) => [term, ...(corrections.get(term) ?? [])]);
  const corrected = groups.flat();
  return {
    where: [...where, `d.terms @@ ${p(allOfAny(groups))}::tsquery`],
    params,
    score: (q) => `case when ${matched} then ${rank(q, parsed.required)} else ${rank(q, corrected)} - ${SIMILAR_PENALTY} end`,
    words: matched,
    similar: true,
    optional: parsed.cutOff !== 'never' ? optional : undefined,
    cutOff: parsed.cutOff,
  };
}

/** Corrections of the typed words, as terms per required term; null when no word has any. */
async function typoCorrections(db: Queryable, parsed: ParsedQuery): Promise<{ terms: Map<string, string[]>; found: Correction[] } | null> {
  const words = parsed.typoWords.filter((w) => maxEdits(w.letters) > 0 && parsed.required.includes(w.term));
  if (words.length === 0) return null;
  const byWord = await lookupTypos(db, words);
  const terms = new Map<string, string[]>();
  const found: Correction[] = [];
  for (const word of words) {
    const list = byWord.get(word.exact) ?? [];
    found.push(...list);
    const known = terms.get(word.term) ?? [];
    terms.set(word.term, [...new Set([...known, ...list.map((c) => c.term)])]);
  }
  return found.length > 0 ? { terms, found } : null;
}

type Row = {
  hit: boolean;
  id: string | null;
  type: string | null;
  language: string | null;
  kind: string | null;
  category_id: string | null;
  score: number | null;
  sort_value: string | null;
  words: boolean | null;
  n: number | null;
  count: number | null;
};

interface Executed {
  page: { id: string; type: SearchType; score: number | null; sort_value: string | null; words: boolean }[];
  more: boolean;
  total: number;
  type: FacetValue[];
  language: FacetValue[];
  kind: FacetValue[];
  categories: Map<string, number>;
}

/**
 * One statement, one pass over the matching rows: they are scored once into `m`, and both the page and
 * the facet counts (over every match, not the page) are read from there.
 */
async function execute(db: Queryable, plan: Plan, sort: SearchSort, after: CursorKey | undefined, limit: number): Promise<Executed> {
  const params = [...plan.params];
  const p = (value: unknown) => `$${params.push(value)}`;
  const key = sort === 'newest' ? 'd.published_at' : `(${plan.score(p)})::float8`;
  const keyset = after ? `where (m.key, m.id) < (${p(after.value)}::${sort === 'newest' ? 'timestamptz' : 'float8'}, ${p(after.id)}::uuid)` : '';
  const rows = await db.query<Row>(
    `with ${plan.optional ? 'all_matches' : 'm'} as materialized (
       select d.id, d.type, d.language, d.kind, d.category_id, ${key} as key, ${plan.words} as words
              ${plan.optional ? `, ${plan.optional} as optional` : ''}
         from search_documents d where ${plan.where.join(' and ')}
     ), ${plan.optional ? `m as (
       -- The rank cut-off: no fewer of the query's stop words than the best match has.
       select * from all_matches where optional >= (select max(optional) from all_matches)
       ${plan.cutOff === 'many' ? `or (select count(*) from all_matches) <= ${CUT_OFF_ABOVE}` : ''}
     ), ` : ''}page as (
       select m.id, m.type, m.key, m.words, row_number() over (order by m.key desc, m.id desc) as n
         from m ${keyset} order by m.key desc, m.id desc limit ${p(limit + 1)}
     ), facets as (
       -- One count per combination (a few hundred at most); the per-facet sums are made below. Cheaper
       -- than grouping sets, which hash every row once per facet.
       select m.type, m.language, m.kind, m.category_id, count(*)::int as count from m group by 1, 2, 3, 4
     )
     select true as hit, id, type, null as language, null as kind, null::uuid as category_id,
            ${sort === 'newest' ? 'null::float8' : 'key::float8'} as score,
            ${sort === 'newest' ? `to_char(key at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : 'null'} as sort_value, words, n, null::int as count
       from page
     union all
     select false, null, type, language, kind, category_id, null, null, null, null, count from facets`,
    params,
  );
  const hits = rows.filter((r) => r.hit).sort((a, b) => Number(a.n) - Number(b.n));
  const sums = { type: new Map<string, number>(), language: new Map<string, number>(), kind: new Map<string, number>(), category: new Map<string, number>() };
  const add = (map: Map<string, number>, key: string | null, count: number) => key !== null && map.set(key, (map.get(key) ?? 0) + count);
  for (const r of rows) {
    if (r.hit) continue;
    add(sums.type, r.type, r.count ?? 0);
    add(sums.language, r.language, r.count ?? 0);
    add(sums.kind, r.kind, r.count ?? 0);
    add(sums.category, r.category_id, r.count ?? 0);
  }
  const values = (map: Map<string, number>) => [...map].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const type = values(sums.type);
  return {
    page: hits.slice(0, limit).map((r) => ({ id: r.id!, type: r.type as SearchType, score: r.score, sort_value: r.sort_value, words: r.words === true })),
    more: hits.length > limit,
    total: type.reduce((n, v) => n + v.count, 0),
    type,
    language: values(sums.language),
    kind: values(sums.kind),
    categories: sums.category,
  };
}

/** Counts per category, each including its subcategories (as the category filter does). */
async function categoryFacets(db: Queryable, counts: Map<string, number>): Promise<CategoryFacet[]> {
  if (counts.size === 0) return [];
  const rows = await db.query<{ id: string; document: PublicCategory }>('select id, document from discovery_categories');
  const byId = new Map(rows.map((r) => [r.id, r.document]));
  const totals = new Map<string, number>();
  for (const [id, count] of counts) {
    // Walk up to the root; a cycle (impossible by construction, but cheap to survive) stops the walk.
    const seen = new Set<string>();
    for (let at: string | null = id; at && byId.has(at) && !seen.has(at); at = byId.get(at)!.parentId) {
      seen.add(at);
      totals.set(at, (totals.get(at) ?? 0) + count);
    }
  }
  return [...totals].map(([id, count]) => {
    const c = byId.get(id)!;
    return { slug: c.slug, nameAr: c.nameAr, nameEn: c.nameEn, parentSlug: c.parentId ? byId.get(c.parentId)?.slug ?? null : null, count };
  }).sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug));
}

async function loadDocuments(db: Queryable, ids: string[]) {
  if (ids.length === 0) return new Map<string, ProgramCard | PublicEpisode>();
  const rows = await db.query<{ id: string; document: ProgramCard | PublicEpisode }>(
    `select p.id, p.document || jsonb_build_object('episodeCount', p.episode_count, 'latestEpisodeAt', p.latest_episode_at) as document
       from discovery_programs p where p.id = any($1::uuid[])
     union all
     select e.id, e.document from discovery_episodes e where e.id = any($1::uuid[]) and e.publish_at <= now()`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.document]));
}

const phraseText = (words: { exact: string }[]) => words.map((w) => w.exact).join(' ');

export async function search(db: Db, request: SearchRequest): Promise<SearchResult> {
  const parsed = parse(request.q);
  const sort = request.sort ?? 'relevance';
  const limit = request.limit ?? 20;
  if (request.durationMin !== undefined && request.durationMax !== undefined && request.durationMin > request.durationMax) {
    throw badRequest('/durationMin', `durationMin (${request.durationMin}) is greater than durationMax (${request.durationMax}).`);
  }
  const { cursor: _cursor, limit: _limit, ...identity } = request;
  const digest = searchDigest({ ...identity, sort });
  const after = request.cursor ? decodeSearchCursor(request.cursor, sort, digest) : undefined;
  const echo = {
    terms: parsed.required, optional: parsed.optional, phrases: parsed.phrases.map(phraseText),
    excluded: [...parsed.excludedTerms, ...parsed.excludedPhrases.map(phraseText)], similar: false,
  };
  const empty = { type: [], language: [], kind: [], category: [] };
  if (parsed.matchesNothing) {
    // Validate the filters all the same: a bad filter is a 400 whatever the words.
    await plan(db, parsed, request);
    return { query: echo, total: 0, items: [], nextCursor: null, facets: empty };
  }

  let current = await plan(db, parsed, request);
  let result = await execute(db, current, sort, after, limit);
  let corrections: Correction[] = [];
  if (result.total < SIMILAR_BELOW && parsed.phrases.length === 0) {
    const typos = await typoCorrections(db, parsed);
    if (typos) {
      corrections = typos.found;
      current = await plan(db, parsed, request, typos.terms);
      result = await execute(db, current, sort, after, limit);
    }
  }
  const { page, more } = result;
  const [documents, category] = await Promise.all([loadDocuments(db, page.map((r) => r.id)), categoryFacets(db, result.categories)]);
  const words = highlighter(parsed);
  const similar = highlighter(parsed, { corrections: corrections.map((c) => c.term) });
  const items: SearchHit[] = [];
  for (const row of page) {
    const doc = documents.get(row.id);
    if (!doc) continue; // the read model lost it after the index matched it: never show what is not public
    const match = parsed.required.length === 0 ? 'all' : row.words ? 'words' : 'similar';
    const h = match === 'similar' ? similar : words;
    const { description, ...rest } = doc;
    items.push({
      type: row.type,
      id: row.id,
      score: row.score,
      match,
      title: doc.title,
      highlights: { title: h.ranges(doc.title), description: h.snippet(description) },
      ...(row.type === 'program' ? { program: rest as ProgramHitDocument } : { episode: rest as EpisodeHitDocument }),
    });
  }
  const last = page[page.length - 1];
  const nextCursor = more && last
    ? encodeSearchCursor(sort, digest, { value: sort === 'newest' ? last.sort_value! : last.score!, id: last.id })
    : null;
  return {
    query: { ...echo, similar: current.similar },
    total: result.total,
    items,
    nextCursor,
    facets: { type: result.type, language: result.language, kind: result.kind, category },
  };
}
