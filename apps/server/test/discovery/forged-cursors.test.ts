// Forged cursors (issue 15, defect 3): a cursor is opaque, but a client can build one. A date such as
// 2026-13-01 or an integer such as 9999999999 passed the format check and PostgreSQL rejected it (SQLSTATE
// 22008 / 22003): an unauthenticated 500. Every forged value must be a 400 problem, on both databases; and a
// data exception that still reaches the error handler is a 400 too (the safety net).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor } from '../../src/platform/db/pagination.js';
import { toProblem } from '../../src/platform/http/errors.js';
import { availableBackends } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { api, expectProblem } from '../support/cms.js';

const ID = '00000000-0000-4000-8000-000000000000';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const BAD_TIMES = ['2026-13-01 00:00:00+00', '2026-02-30 00:00:00+00', '2026-01-01 25:00:00+00', '2026-01-01 00:61:00+00',
  '2026-01-01 00:00:00+99', '0000-01-01 00:00:00+00', '2026-01-01 00:00:00.1234567+00', '2026-01-01 00:00:00:00:00'];
const BAD_INTEGERS = ['9999999999', '2147483648', '-2147483649', '99999999999', '1e3'];

describe.each(availableBackends())('forged cursors on %s', (backend) => {
  let t: TestApp;
  let editor: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    editor = await t.auth('editor');
  });
  afterAll(() => t?.close());

  it('answers 400 to impossible dates on the public lists', async () => {
    for (const v of BAD_TIMES) {
      for (const [url, s] of [['/api/discovery/episodes', '-newest'], ['/api/discovery/programs', '-latest']] as const) {
        const response = await api(t, 'GET', `${url}?cursor=${b64({ s, v, i: ID })}`);
        expectProblem(response, 400);
        expect(response.body.type, `${url} ${v}`).toBe('/api/problems#bad-cursor');
      }
    }
  });

  it('answers 400 to integers out of range on /api/cms/episodes?sort=number', async () => {
    for (const v of BAD_INTEGERS) {
      const response = await api(t, 'GET', `/api/cms/episodes?sort=number&cursor=${b64({ s: 'number', v, i: ID })}`, { headers: editor });
      expectProblem(response, 400);
    }
  });

  it('still accepts the values the database writes', async () => {
    for (const v of ['2026-01-31 23:59:59.999999+00', '2024-02-29 12:00:00+03', '2026-06-01 00:00:00-09:30', '-infinity', 'infinity']) {
      await api(t, 'GET', `/api/discovery/episodes?cursor=${b64({ s: '-newest', v, i: ID })}`, { expect: 200 });
    }
    for (const v of ['2147483647', '-2147483648', '-1', '0']) {
      await api(t, 'GET', `/api/cms/episodes?sort=number&cursor=${b64({ s: 'number', v, i: ID })}`, { headers: editor, expect: 200 });
    }
  });
});

describe('cursor values are checked in full before they reach SQL', () => {
  const order = (type: 'timestamptz' | 'integer' | 'text') => ({ key: 'k', field: { expr: 'x', type }, descending: false });
  it('refuses text with NUL, which PostgreSQL text cannot hold', () => {
    expect(() => decodeCursor(b64({ s: 'k', v: 'a\u0000b', i: ID }), order('text'))).toThrow(/cursor/i);
  });
});

describe('the error handler maps PostgreSQL data exceptions (SQLSTATE class 22) to 400', () => {
  it.each(['22008', '22003', '22007', '22P02', '22012'])('%s', (code) => {
    const error = Object.assign(new Error('date/time field value out of range'), { code });
    const problem = toProblem(error);
    expect(problem.status).toBe(400);
    // The database's own message is not shown to clients: it can name columns and values.
    expect(problem.detail).not.toMatch(/out of range: "/);
  });
});
