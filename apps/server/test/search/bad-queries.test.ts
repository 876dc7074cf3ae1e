// Hostile and broken input: search and suggest answer 4xx problems or (empty) results, never a 5xx,
// whatever is typed — tsquery and SQL syntax, control characters, unbalanced quotes, huge queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { expectProblem, type Json } from '../support/cms.js';
import { searchHarness, titles, type SearchHarness } from './support.js';

/** Queries that are odd but legitimate: 200, whatever they find. */
const ODD = [
  '', ' ', '!!!', '...', '؟؟؟', '—', "'", "''", '"', '""', '"""', '«', '\\', '\\\\', '$1', '%', '_', '*', ':*', '(', ')', '()', '&', '|', '!', '<->', '<2>',
  "' OR 1=1 --", "'; drop table search_documents; --", 'history & war', 'history | war', '!history', 'history:*', 'history:A', '(history', 'history)',
  "'history'", "histor'y", 'a:b', 'history <-> war', '"history', 'history"', '"a" "b', '«تاريخ', 'تاريخ»', '-', '--', '-"', '- "', '-""', '-"-"',
  '\u0000', 'history\u0000war', '\u0007\u001b[31mhistory', '\u202ehistory\u202c', '\u200bhistory', '\ufeff', '\u00a0', '\uFFFD', '\u{1F600}', '\u{1F600}history',
  'ﷺ', 'ﻻ', 'x'.repeat(120), `${'ب'.repeat(150)} تاريخ`, 'e-mail', '-e-mail', '1,000', '٣٫٥', 'null', 'undefined', '[object Object]', '<script>alert(1)</script>',
];

describe.each(availableBackends())('bad queries on %s', (backend) => {
  let h: SearchHarness;

  beforeAll(async () => {
    h = await searchHarness(backend);
    const program = await h.program({ title: 'History Hour', language: 'en' });
    await h.episode(program.id, { title: 'History of war' });
    await h.episode(program.id, { title: 'تاريخ الأندلس', language: 'ar' });
  });
  afterAll(() => h?.close());

  const search = (q: string, extra = '') => h.get(`/api/discovery/search?q=${encodeURIComponent(q)}${extra}`);

  it('answers odd queries with results, never an error', async () => {
    for (const q of ODD) {
      for (const url of [`/api/discovery/search?q=${encodeURIComponent(q)}`, `/api/discovery/suggest?q=${encodeURIComponent(q)}`]) {
        const response = await h.get(url);
        expect(response.status, `${url}: ${JSON.stringify(response.body)}`).toBe(200);
        expect(Array.isArray(response.body.items)).toBe(true);
      }
    }
  });

  it('reads operators as separators, not as syntax', async () => {
    expect(titles((await search('history & war')).body)).toEqual(['History of war']);
    expect(titles((await search('history | war')).body)).toEqual(['History of war']);
    expect(titles((await search("' OR 1=1 --")).body)).toEqual([]);
    expect((await search('history:*')).body.total).toBe(3); // the Arabic episode too, through its program's name
    // Only punctuation: nothing to search for, so nothing found (not everything).
    for (const q of ['!!!', '"', '()', '-']) expect((await search(q)).body.total, q).toBe(0);
    // The widest dates there are.
    expect((await h.get('/api/discovery/search?from=0001-01-01&to=9999-12-31')).body.total).toBe(3);
    // A blank query is a browse: every public document.
    expect((await search('  ')).body.total).toBe(3);
    // The index is intact after all of the above.
    expect((await h.t.platform.db.query<{ n: number }>('select count(*)::int as n from search_documents'))[0]!.n).toBe(3);
  });

  it('refuses what is not a search with a 400 problem', async () => {
    const bad = [
      `q=${'x'.repeat(10_000)}`,
      `q=${encodeURIComponent('تاريخ '.repeat(2000))}`,
      `q=${encodeURIComponent(Array.from({ length: 70 }, (_, i) => `w${i}`).join(' '))}`,
      'q=a&q=b', 'unknown=1', 'q=a&filter=x', 'type=person', 'language=fr', 'kind=radio', 'durationMin=-1', 'durationMin=abc', 'durationMin=600&durationMax=60',
      'from=yesterday', 'from=2026-13-01', 'from=2026-02-31', 'from=0000-01-01', 'to=0001-01-01T00:00:00%2B01:00', 'to=2026-01-31T23:59:60Z', 'to=2026-01-31T25:00Z', 'from=2026-01-31T10:00', 'category=nope', 'program=nope', 'category=UPPER',
      'category=%00', 'program=a%00b', 'limit=0', 'limit=101', 'limit=x', 'sort=random', 'cursor=%00', `cursor=${'A'.repeat(2000)}`,
    ];
    for (const query of bad) expectProblem(await h.get(`/api/discovery/search?${query}`), 400);
    for (const query of ['', `q=${'x'.repeat(300)}`, 'q=a&q=b', 'q=ab&limit=0', 'q=ab&other=1']) expectProblem(await h.get(`/api/discovery/suggest?${query}`), 400);
  });

  it('survives malformed URLs and byte sequences with a 4xx or a result', async () => {
    for (const query of ['q=%E0%A4%A', 'q=%ED%A0%80', 'q=%C0%AF', 'q=%FF%FE', 'q=%', 'q=%%', 'q=%u0041', 'q[]=a', 'q[a]=b', 'q=a&', '&&&', '=&=']) {
      for (const path of ['/api/discovery/search', '/api/discovery/suggest']) {
        const response = await h.get(`${path}?${query}`);
        expect(response.status, `${path}?${query}: ${JSON.stringify(response.body)}`).toBeLessThan(500);
      }
    }
  });

  it('keeps the problem detail helpful', async () => {
    const tooMany: Json = (await h.get(`/api/discovery/search?q=${encodeURIComponent(Array.from({ length: 70 }, (_, i) => `w${i}`).join(' '))}`)).body;
    expect(tooMany.detail).toMatch(/at most 64/);
    const category: Json = (await h.get('/api/discovery/search?category=nope')).body;
    expect(category.detail).toMatch(/No category with slug "nope"/);
  });
});
