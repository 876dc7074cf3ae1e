// Keyset (cursor) pagination: stable under concurrent inserts and as fast on page 1,000 as on page 1.
// The cursor is opaque to clients: base64url JSON of the sort key, the last row's sort value (as
// PostgreSQL's own text, so no precision is lost) and its id as the tie-breaker.
import type { Queryable } from './db.js';
import { HttpProblem } from '../http/problem.js';

export interface SortField {
  /** SQL expression to order by; nullable columns are wrapped in coalesce so the keyset is total. */
  expr: string;
  /** PostgreSQL type to cast the cursor value back to. */
  type: 'timestamptz' | 'text' | 'integer';
}

export interface ListOrder {
  key: string;
  field: SortField;
  descending: boolean;
}

export function parseSort(sort: string | undefined, fields: Record<string, SortField>, fallback: string): ListOrder {
  const raw = sort ?? fallback;
  const descending = raw.startsWith('-');
  const key = descending ? raw.slice(1) : raw;
  // Own keys only: `valueOf`, `constructor` and the like are on every object and were taken for fields (a 500).
  const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
  if (!field) {
    throw new HttpProblem('validation-failed', `sort must be one of ${Object.keys(fields).flatMap((k) => [k, `-${k}`]).join(', ')}; got "${raw}"`, {
      errors: [{ in: 'querystring', pointer: '/sort', message: 'unknown sort field' }],
    });
  }
  return { key: raw, field, descending };
}

interface CursorState {
  s: string;
  v: string;
  i: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function encodeCursor(order: ListOrder, value: string, id: string): string {
  return Buffer.from(JSON.stringify({ s: order.key, v: value, i: id } satisfies CursorState)).toString('base64url');
}

export function decodeCursor(cursor: string, order: ListOrder): { value: string; id: string } {
  let state: Partial<CursorState>;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorState>;
  } catch {
    throw new HttpProblem('bad-cursor', 'The cursor is not one this API issued. Pass back nextCursor unchanged.');
  }
  if (typeof state !== 'object' || state === null || typeof state.v !== 'string' || typeof state.i !== 'string' || !UUID.test(state.i)) {
    throw new HttpProblem('bad-cursor', 'The cursor is not one this API issued. Pass back nextCursor unchanged.');
  }
  if (state.s !== order.key) {
    throw new HttpProblem('bad-cursor', `The cursor belongs to sort "${state.s}", but this request sorts by "${order.key}". Keep the same sort while paging.`);
  }
  if (!validSortValue(order.field.type, state.v)) throw new HttpProblem('bad-cursor', 'The cursor is damaged.');
  return { value: state.v, id: state.i };
}

// The value goes to SQL as a parameter cast to the sort column's type, so it must be one PostgreSQL accepts
// for that type in full: a format check alone let `2026-13-01` and `9999999999` through to a database error
// (SQLSTATE 22008, 22003), an unauthenticated 500 (issue 15).
const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;
// `::text` of a timestamptz as both databases write it (ISO DateStyle): date, time, up to 6 fraction digits,
// and the session's UTC offset as +HH, +HH:MM or +HH:MM:SS. `T` is accepted too (ISO 8601 as clients write it).
const TIMESTAMPTZ = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.\d{1,6})?(?:Z|[+-](\d\d)(?::(\d\d)(?::(\d\d))?)?)$/;

function validSortValue(type: SortField['type'], value: string): boolean {
  if (value.length > 1000 || value.includes('\u0000')) return false;
  switch (type) {
    case 'text':
      return true;
    case 'integer': {
      if (!/^-?\d{1,10}$/.test(value)) return false;
      const n = Number(value);
      return n >= INT4_MIN && n <= INT4_MAX;
    }
    case 'timestamptz': {
      if (value === 'infinity' || value === '-infinity') return true;
      const m = TIMESTAMPTZ.exec(value);
      if (!m) return false;
      const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
      const [offsetHours, offsetMinutes, offsetSeconds] = m.slice(7, 10).map((x) => Number(x ?? 0)) as [number, number, number];
      // Year 0 does not exist in PostgreSQL's calendar; Date.UTC rolls 2026-02-30 over to March, so compare.
      const date = new Date(Date.UTC(year, month - 1, day));
      const realDay = year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
      return realDay && hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 15 && offsetMinutes <= 59 && offsetSeconds <= 59;
    }
  }
}

/**
 * Builds `where` additions, `order by` and limit for one page. Pushes its parameters onto `params`.
 * The query must select `${order.field.expr}::text as sort_value` and the id column `idColumn`.
 */
function pageClauses(order: ListOrder, cursor: string | undefined, limit: number, params: unknown[], idColumn: string) {
  const direction = order.descending ? 'desc' : 'asc';
  let where = '';
  if (cursor) {
    const { value, id } = decodeCursor(cursor, order);
    params.push(value, id);
    const cmp = order.descending ? '<' : '>';
    where = ` and (${order.field.expr}, ${idColumn}) ${cmp} ($${params.length - 1}::${order.field.type}, $${params.length}::uuid)`;
  }
  params.push(limit + 1);
  return {
    where,
    orderBy: ` order by ${order.field.expr} ${direction}, ${idColumn} ${direction} limit $${params.length}`,
    sortValueSelect: `(${order.field.expr})::text as sort_value`,
  };
}

/** Trims the extra row fetched to know whether another page exists, and makes its cursor. */
function finishPage<R extends { sort_value: string; id: string }>(rows: R[], limit: number, order: ListOrder) {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { rows: page, nextCursor: more && last ? encodeCursor(order, last.sort_value, last.id) : null };
}

/** Runs one page of a list query: `select <select>, sort_value from <from> where <where...>` + keyset. */
export async function fetchPage<R extends Record<string, unknown> & { id: string }, T>(
  q: Queryable,
  spec: {
    select: string;
    from: string;
    idColumn: string;
    where: string[];
    params: unknown[];
    order: ListOrder;
    cursor: string | undefined;
    limit: number;
    map: (row: R) => T;
  },
): Promise<{ items: T[]; nextCursor: string | null }> {
  const page = pageClauses(spec.order, spec.cursor, spec.limit, spec.params, spec.idColumn);
  const rows = await q.query<R & { sort_value: string }>(
    `select ${spec.select}, ${page.sortValueSelect} from ${spec.from}
      where true${spec.where.map((w) => ` and ${w}`).join('')}${page.where}${page.orderBy}`,
    spec.params,
  );
  const { rows: pageRows, nextCursor } = finishPage(rows, spec.limit, spec.order);
  return { items: pageRows.map(spec.map), nextCursor };
}
