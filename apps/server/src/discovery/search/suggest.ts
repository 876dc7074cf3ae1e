// As-you-type completion: the words typed so far must be in the title, the last (unfinished) word is
// a prefix of one of its words. Prefixes are normalised like everything else (احم finds أحمد) and
// matched against both the exact form and the stem of every title word (كتا finds الكتاب through كتاب).
// Served by a byte-ordered B-tree on the words (a range scan), not by the GIN index: see docs/search.md.
import { analyze, type AnalyzedToken } from '../../search/analysis/index.js';
import type { Queryable } from '../../platform/db/db.js';
import type { CompletionTarget } from '../search-index/document.js';
import type { Range } from '../../search/query/highlight.js';

export interface Suggestion {
  type: CompletionTarget;
  id: string;
  /** A program's or episode's title, or a person's name. */
  title: string;
  /** The typed words and prefix in `title`, as UTF-16 [start, end) ranges. */
  highlights: Range[];
  /** Programs and people: their slug. */
  slug: string | null;
  /** Episodes: their program. */
  program: { id: string; slug: string; title: string } | null;
}

/**
 * A one-letter prefix would read a large part of the table for suggestions nobody wants. In Arabic the
 * article does not count: ال and الك are not yet a word (every other noun starts so), الكت is.
 */
export const MIN_PREFIX = 2;

function prefixLength(prefix: string): number {
  const letters = [...prefix].length;
  return prefix.startsWith('ال') ? letters - 2 : letters;
}
/** Each target can appear several times (exact form and stem, several people rows): read some spare. */
const OVERFETCH = 5;
const WHOLE_WORD_BONUS = 1;
const LAST = String.fromCodePoint(0x10ffff);

interface Parsed {
  /** Finished words: their terms must all be title words. */
  words: string[];
  /** The unfinished last word (normalised), or null when the text ends with a space. */
  prefix: string | null;
  /** With no prefix, the last finished word ranks titles that have it as a whole word. */
  last: string;
}

export function parseSuggestQuery(q: string): Parsed | null {
  const tokens = analyze(q, { mode: 'query', keepStopWords: true });
  const lastToken = tokens[tokens.length - 1];
  if (!lastToken) return null;
  // Anything after the last word (a space, punctuation) means it is finished.
  const finished = lastToken.end < q.length;
  const before = finished ? tokens : tokens.slice(0, -1);
  // Stop words are not completion words (see completionWords), unless they are all there is.
  const content = before.filter((t) => !t.stop);
  const words = [...new Set((content.length > 0 || !finished ? content : before).map((t) => t.term))];
  if (finished) {
    const last = words[words.length - 1];
    return last === undefined ? null : { words, prefix: null, last };
  }
  return { words, prefix: lastToken.exact, last: lastToken.exact };
}

type Row = {
  target_type: CompletionTarget;
  target_id: string;
  score: number;
};

export async function suggest(db: Queryable, q: string, limit = 8): Promise<{ items: Suggestion[] }> {
  const parsed = parseSuggestQuery(q);
  if (!parsed || (parsed.prefix !== null && prefixLength(parsed.prefix) < MIN_PREFIX)) return { items: [] };
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  const last = p(parsed.last);
  if (parsed.prefix !== null) where.push(`c.word >= ${last} and c.word < ${p(parsed.prefix + LAST)}`);
  else where.push(`c.word = ${last}`);
  const required = parsed.prefix !== null ? parsed.words : parsed.words.slice(0, -1);
  if (required.length > 0) {
    where.push(`c.target_id in (select target_id from search_completions where word = any(${p(required)}::text[])
                                 group by target_id having count(distinct word) = ${p(new Set(required).size)})`);
  }
  const rows = await db.query<Row>(
    `select c.target_type, c.target_id, c.score + case when c.word = ${last} then ${WHOLE_WORD_BONUS} else 0 end as score
       from search_completions c where ${where.join(' and ')}
      order by 3 desc limit ${p(limit * OVERFETCH)}`,
    params,
  );
  const targets: Row[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.target_id)) continue;
    seen.add(row.target_id);
    targets.push(row);
    if (targets.length === limit) break;
  }
  if (targets.length === 0) return { items: [] };
  const found = await db.query<{ type: CompletionTarget; id: string; title: string; slug: string | null; program: Suggestion['program'] }>(
    `select 'program' as type, p.id, p.title, p.slug, null::jsonb as program from discovery_programs p where p.id = any($1::uuid[])
     union all
     select 'episode', e.id, e.document->>'title', null, jsonb_build_object('id', pr.id, 'slug', pr.slug, 'title', pr.title)
       from discovery_episodes e join discovery_programs pr on pr.id = e.program_id where e.id = any($1::uuid[]) and e.publish_at <= now()
     union all
     select 'person', pe.id, pe.name, pe.slug, null from discovery_people pe where pe.id = any($1::uuid[])`,
    [targets.map((t) => t.target_id)],
  );
  const byId = new Map(found.map((f) => [f.id, f]));
  const words = new Set(parsed.words);
  const items: Suggestion[] = [];
  for (const t of targets) {
    const f = byId.get(t.target_id);
    if (!f) continue;
    items.push({ type: f.type, id: f.id, title: f.title, highlights: marks(f.title, words, parsed), slug: f.slug, program: f.program });
  }
  return { items };
}

function marks(title: string, words: Set<string>, parsed: Parsed): Range[] {
  const out: Range[] = [];
  const hit = (t: AnalyzedToken) =>
    words.has(t.term) || (parsed.prefix !== null ? t.exact.startsWith(parsed.prefix) || t.term.startsWith(parsed.prefix) : t.term === parsed.last);
  for (const t of analyze(title, { mode: 'index' })) {
    if (!hit(t)) continue;
    const previous = out[out.length - 1];
    if (previous && t.start <= previous[1]) previous[1] = Math.max(previous[1], t.end);
    else out.push([t.start, t.end]);
  }
  return out;
}
