// Search cursors: opaque to clients (base64url JSON), stable because they hold the last hit's sort key
// and id rather than an offset. Relevance pages continue after (score, id) — scores do not depend on
// the time of the request (see search_boost), so the same document has the same score on every page.
// A cursor also carries a short digest of the search it belongs to, so a cursor pasted onto another
// query is refused rather than silently skipping results.
import { createHash } from 'node:crypto';
import { HttpProblem } from '../../platform/http/problem.js';

export type SearchSort = 'relevance' | 'newest';

export interface CursorKey {
  /** Relevance: the score (a float8, exact through JSON); newest: published_at in UTC to the microsecond. */
  value: number | string;
  id: string;
}

interface State {
  s: SearchSort;
  v: number | string;
  i: string;
  q: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

/** A timestamp PostgreSQL will accept: the format we issue, and a real date and time (not 2026-02-31). */
function validTimestamp(value: string): boolean {
  if (!TIMESTAMP.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}

/** A short digest of a search's words, filters and sort, whatever the order of its parameters. */
export function searchDigest(parts: Record<string, unknown>): string {
  const canonical = Object.keys(parts).filter((k) => parts[k] !== undefined).sort().map((k) => [k, parts[k]]);
  return createHash('sha1').update(JSON.stringify(canonical)).digest('base64url').slice(0, 10);
}

export function encodeSearchCursor(sort: SearchSort, digest: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify({ s: sort, v: key.value, i: key.id, q: digest } satisfies State)).toString('base64url');
}

const bad = (detail = 'The cursor is not one this API issued. Pass back nextCursor unchanged.') => new HttpProblem('bad-cursor', detail);

export function decodeSearchCursor(cursor: string, sort: SearchSort, digest: string): CursorKey {
  let state: Partial<State>;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<State>;
  } catch {
    throw bad();
  }
  if (typeof state !== 'object' || state === null || typeof state.i !== 'string' || !UUID.test(state.i)) throw bad();
  if (state.s !== sort) throw bad(`The cursor belongs to sort "${String(state.s)}", but this request sorts by "${sort}". Keep the same sort while paging.`);
  if (state.q !== digest) throw bad('The cursor belongs to another search (different words or filters). Keep them the same while paging.');
  if (sort === 'relevance' && !(typeof state.v === 'number' && Number.isFinite(state.v))) throw bad('The cursor is damaged.');
  if (sort === 'newest' && !(typeof state.v === 'string' && validTimestamp(state.v))) throw bad('The cursor is damaged.');
  return { value: state.v as number | string, id: state.i };
}
