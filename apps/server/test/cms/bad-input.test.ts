// Bad input of every kind gets a 4xx problem+json that says what to fix — never a 5xx, never a change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { api, createProgram, expectProblem } from '../support/cms.js';

describe('bad input', () => {
  let t: TestApp;
  let editor: Record<string, string>;
  let programId: string;
  const send = (method: string, url: string, payload: string | Buffer, contentType = 'application/json', extra: Record<string, string> = {}) =>
    t.app.inject({ method: method as 'POST', url, headers: { ...editor, 'content-type': contentType, ...extra }, payload });
  const asProblem = (r: { statusCode: number; headers: Record<string, unknown>; body: string }) => ({ status: r.statusCode, headers: r.headers, body: JSON.parse(r.body) });

  beforeAll(async () => {
    t = await createTestApp('pglite', { env: { BODY_LIMIT_BYTES: '4096' } });
    editor = await t.auth('editor');
    programId = (await createProgram(t, editor, { title: 'Untouched' })).id;
  });
  afterAll(() => t?.close());

  it('rejects malformed JSON', async () => {
    for (const payload of ['{"title": ', '{title: "x"}', "{'a':1}", '[1,2', 'nul', '{"a":1}}']) {
      const problem = asProblem(await send('POST', '/api/cms/programs', payload));
      expectProblem(problem, 400);
      expect(problem.body.detail).toMatch(/JSON/);
    }
  });

  // Issue 15, defect 9b: the error used to be "Maximum call stack size exceeded" (the parser's guard recursed).
  it('rejects deeply nested JSON with a clear 400, whatever the depth', async () => {
    const deep = await createTestApp('pglite');
    try {
      const headers = { ...(await deep.auth('editor')), 'content-type': 'application/json' };
      for (const depth of [101, 5_000, 100_000]) {
        for (const [open, close] of [['[', ']'], ['{"a":', '}']] as const) {
          const payload = `${open.repeat(depth)}1${close.repeat(depth)}`;
          const response = await deep.app.inject({ method: 'POST', url: '/api/cms/programs', headers, payload });
          const problem = asProblem(response);
          expectProblem(problem, 400);
          expect(problem.body.detail).not.toMatch(/call stack/i);
          expect(problem.body.detail).toMatch(/nest/);
        }
      }
      // Nesting as deep as real bodies (and deeper) is still read: it fails the schema, not the parser.
      const fine = asProblem(await deep.app.inject({ method: 'POST', url: '/api/cms/programs', headers, payload: `{"title":${'['.repeat(50)}${']'.repeat(50)}}` }));
      expectProblem(fine, 400);
      expect(fine.body.type).toBe('/api/problems#validation-failed');
    } finally {
      await deep.close();
    }
  });

  it('rejects bodies that are not valid UTF-8', async () => {
    const payload = Buffer.concat([Buffer.from('{"kind":"podcast","language":"ar","title":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    const problem = asProblem(await send('POST', '/api/cms/programs', payload));
    expectProblem(problem, 400);
    expect(problem.body.detail).toMatch(/UTF-8/);
  });

  it('rejects wrong types, bad enums and out-of-range values with a pointer to each field', async () => {
    const cases: [unknown, string][] = [
      [{ kind: 'podcast', language: 'ar', title: 5 }, '/title'],
      [{ kind: 'radio', language: 'ar', title: 'x' }, '/kind'],
      [{ kind: 'podcast', language: 'fr', title: 'x' }, '/language'],
      [{ kind: 'podcast', language: 'ar', title: '' }, '/title'],
      [{ kind: 'podcast', language: 'ar', title: 'x'.repeat(301) }, '/title'],
      [{ kind: 'podcast', language: 'ar', title: 'x', tags: 'history' }, '/tags'],
      [{ kind: 'podcast', language: 'ar', title: 'x', tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }, '/tags'],
      [{ kind: 'podcast', language: 'ar', title: 'x', categoryId: 'not-a-uuid' }, '/categoryId'],
      [{ kind: 'podcast', language: 'ar', title: 'x', artworkUrl: 'javascript:alert(1)' }, '/artworkUrl'],
      [{ kind: 'podcast', language: 'ar', title: 'x', slug: 'Has Spaces' }, '/slug'],
      [{ kind: 'podcast', language: 'ar', title: 'x', explicit: 'yes' }, '/explicit'],
      [{ kind: 'podcast', language: 'ar' }, '/title'],
      [{ kind: 'podcast', language: 'ar', title: null }, '/title'],
    ];
    for (const [body, pointer] of cases) {
      const response = await api(t, 'POST', '/api/cms/programs', { headers: editor, body });
      expectProblem(response, 400);
      expect(response.body.errors.map((e: { pointer: string }) => e.pointer), JSON.stringify(body)).toContain(pointer);
    }
    const season = await api(t, 'POST', '/api/cms/episodes', { headers: editor, body: { programId, title: 'x', season: '1' } });
    expectProblem(season, 400); // bodies are not coerced: "1" is not a number
  });

  it('rejects unknown fields by name', async () => {
    const response = await api(t, 'POST', '/api/cms/programs', { headers: editor, body: { kind: 'podcast', language: 'ar', title: 'x', titel: 'typo' } });
    expectProblem(response, 400);
    expect(response.body.detail).toContain('"titel"');
    const patch = await api(t, 'PATCH', `/api/cms/programs/${programId}`, { headers: { ...editor, 'if-match': '"1"' }, body: { status: 'published' } });
    expectProblem(patch, 400); // status moves only through the workflow
    expect(patch.body.detail).toContain('"status"');
    expectProblem(await api(t, 'PATCH', `/api/cms/programs/${programId}`, { headers: { ...editor, 'if-match': '"1"' }, body: {} }), 400);
  });

  it('rejects prototype-pollution keys and NUL characters', async () => {
    expectProblem(asProblem(await send('POST', '/api/cms/programs', '{"kind":"podcast","language":"ar","title":"x","__proto__":{"admin":true}}')), 400);
    expectProblem(asProblem(await send('POST', '/api/cms/programs', '{"kind":"podcast","language":"ar","title":"a\\u0000b"}')), 400);
    expectProblem(await api(t, 'GET', '/api/cms/programs?q=a%00b', { headers: editor }), 400);
  });

  it('rejects oversized bodies with 413 and other media types with 415', async () => {
    const big = JSON.stringify({ kind: 'podcast', language: 'ar', title: 'x', description: 'x'.repeat(5000) });
    const tooLarge = asProblem(await send('POST', '/api/cms/programs', big));
    expectProblem(tooLarge, 413);
    expect(tooLarge.body.detail).toContain('4096');
    expectProblem(asProblem(await send('POST', '/api/cms/programs', 'kind=podcast', 'application/x-www-form-urlencoded')), 415);
    expectProblem(asProblem(await send('POST', '/api/cms/programs', '<program/>', 'application/xml')), 415);
    const empty = asProblem(await send('POST', '/api/cms/programs', ''));
    expectProblem(empty, 400);
    expect(empty.body.detail).toMatch(/a JSON body is required/);
    // A route whose body is optional takes an empty one (clients that always send Content-Type).
    const program = await createProgram(t, editor, { title: 'Empty body publish' });
    expect((await send('POST', `/api/cms/programs/${program.id}/publish`, '')).statusCode).toBe(200);
  });

  it('rejects bad cursors, unknown filters and bad query values', async () => {
    const good = await api(t, 'GET', '/api/cms/programs?limit=1&sort=title', { headers: editor, expect: 200 });
    const foreignSort = await api(t, 'GET', `/api/cms/programs?sort=-updatedAt&cursor=${good.body.nextCursor ?? 'eyJzIjoidGl0bGUiLCJ2IjoiYSIsImkiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAifQ'}`, { headers: editor });
    expectProblem(foreignSort, 400);
    expect(foreignSort.body.detail).toMatch(/sort/);
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const badCursors = [
      'not-base64!!', 'AAAA', b64('just a string'), b64({ s: 'title', v: 1, i: 'x' }), b64({ s: 'title', v: 'a', i: "'; drop table programs; --" }),
      b64({ s: '-updatedAt', v: "2024-01-01'; drop table programs; --", i: '00000000-0000-4000-8000-000000000000' }), 'x'.repeat(1025),
    ];
    for (const cursor of badCursors) {
      const response = await api(t, 'GET', `/api/cms/programs?cursor=${encodeURIComponent(cursor)}`, { headers: editor });
      expectProblem(response, 400);
    }
    // Names every object has (found by the OpenAPI fuzz: sort=valueOf was a 500) are not sort fields either.
    for (const query of ['unknown=1', 'limit=abc', 'limit=0', 'limit=100000', 'sort=password', 'sort=valueOf', 'sort=-constructor', 'sort=toString', 'sort=__proto__', 'kind=radio', 'categoryId=42', 'includeDeleted=maybe']) {
      expectProblem(await api(t, 'GET', `/api/cms/programs?${query}`, { headers: editor }), 400);
    }
    expectProblem(await api(t, 'GET', '/api/cms/episodes?publishedFrom=yesterday', { headers: editor }), 400);
    expectProblem(await api(t, 'GET', '/api/cms/audit?cursor=Zm9v', { headers: editor }), 400);
  });

  it('rejects malformed ids, URLs and headers', async () => {
    expectProblem(await api(t, 'GET', '/api/cms/programs/not-a-uuid', { headers: editor }), 400);
    expectProblem(await api(t, 'GET', `/api/cms/programs/${programId}/revisions/zero`, { headers: editor }), 400);
    expectProblem(await api(t, 'GET', '/api/cms/programs?q=%E0%A4%A', { headers: editor }), 400);
    expectProblem(await api(t, 'GET', '/api/cms/nothing-here', { headers: editor }), 404);
    expectProblem(await api(t, 'GET', '/api/cms/programs/00000000-0000-4000-8000-000000000000', { headers: editor }), 404);
  });

  it('never answers 5xx to garbage on any route', async () => {
    const victim = (await createProgram(t, editor, { title: 'Garbage target' })).id;
    const garbage = ['[]', '"text"', '123', 'null', 'true', '{"ids":"x"}', '{"ids":[]}', '{"a":'.repeat(200), JSON.stringify({ title: { nested: { deep: [1, 2, 3] } } })];
    for (const route of t.app.routeTable) {
      const url = route.url.replace(':id', victim).replace(':version', '1').replace(':name', 'users.add').replace('*', 'x');
      for (const payload of garbage) {
        const response = await t.app.inject({ method: route.method as 'POST', url, headers: { ...(await t.auth('admin')), 'content-type': 'application/json', 'if-match': '"1"' }, payload });
        expect(response.statusCode, `${route.method} ${route.url} ${payload.slice(0, 30)}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
      }
    }
  });

  it('changed nothing while rejecting all of the above', async () => {
    const program = await api(t, 'GET', `/api/cms/programs/${programId}`, { headers: editor, expect: 200 });
    expect(program.body).toMatchObject({ title: 'Untouched', version: 1 });
  });
});
