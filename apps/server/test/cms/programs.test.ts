import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { api, createProgram, expectProblem } from '../support/cms.js';

describe.each(availableBackends())('programs on %s', (backend) => {
  let t: TestApp;
  let editor: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    editor = await t.auth('editor');
  });
  afterAll(() => t?.close());

  it('creates a draft with an Arabic slug, people, tags and a category', async () => {
    const category = (await api(t, 'POST', '/api/cms/categories', { headers: editor, body: { nameAr: 'تاريخ', nameEn: 'History' }, expect: 201 })).body;
    expect(category.slug).toBe('history');
    const host = (await api(t, 'POST', '/api/cms/people', { headers: editor, body: { name: 'سارة الحربي' }, expect: 201 })).body;
    const created = await api(t, 'POST', '/api/cms/programs', {
      headers: editor,
      body: { kind: 'documentary', title: 'حكايات من التاريخ', language: 'ar', categoryId: category.id, tags: ['تاريخ'], people: [{ personId: host.id, role: 'host' }] },
      expect: 201,
    });
    expect(created.headers.location).toBe(`/api/cms/programs/${created.body.id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      slug: 'حكايات-من-التاريخ', status: 'draft', version: 1, categoryId: category.id, tags: ['تاريخ'],
      people: [{ personId: host.id, role: 'host' }], publishedAt: null, deletedAt: null, episodeCount: 0, createdBy: 'test-editor',
    });
  });

  it('makes slugs unique and refuses a taken explicit slug with 409', async () => {
    const a = await createProgram(t, editor, { title: 'Same Title', language: 'en' });
    const b = await createProgram(t, editor, { title: 'Same Title', language: 'en' });
    expect(a.slug).toBe('same-title');
    expect(b.slug).toBe('same-title-2');
    expectProblem(await api(t, 'POST', '/api/cms/programs', { headers: editor, body: { kind: 'podcast', title: 'x', language: 'en', slug: 'same-title' } }), 409);
  });

  it('updates with If-Match and bumps the version and ETag', async () => {
    const program = await createProgram(t, editor);
    const updated = await api(t, 'PATCH', `/api/cms/programs/${program.id}`, { headers: { ...editor, 'if-match': '"1"' }, body: { title: 'عنوان جديد', tags: ['a', 'b'] }, expect: 200 });
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.body).toMatchObject({ title: 'عنوان جديد', tags: ['a', 'b'], version: 2, slug: program.slug });
    const read = await api(t, 'GET', `/api/cms/programs/${program.id}`, { headers: editor, expect: 200 });
    expect(read.body.title).toBe('عنوان جديد');
    const notModified = await api(t, 'GET', `/api/cms/programs/${program.id}`, { headers: { ...editor, 'if-none-match': '"2"' } });
    expect(notModified.status).toBe(304);
  });

  it('requires If-Match on updates (428) and rejects an unknown category', async () => {
    const program = await createProgram(t, editor);
    expectProblem(await api(t, 'PATCH', `/api/cms/programs/${program.id}`, { headers: editor, body: { title: 'x' } }), 428);
    const bad = await api(t, 'PATCH', `/api/cms/programs/${program.id}`, { headers: { ...editor, 'if-match': '"1"' }, body: { categoryId: '00000000-0000-4000-8000-000000000000' } });
    expectProblem(bad, 400);
    expect(bad.body.errors[0].pointer).toBe('/categoryId');
  });

  it('publishes, unpublishes and archives through the workflow', async () => {
    const program = await createProgram(t, editor);
    const published = await api(t, 'POST', `/api/cms/programs/${program.id}/publish`, { headers: editor, expect: 200 });
    expect(published.body.status).toBe('published');
    expect(published.body.publishedAt).not.toBeNull();
    const again = await api(t, 'POST', `/api/cms/programs/${program.id}/publish`, { headers: editor, expect: 200 });
    expect(again.body.version).toBe(published.body.version); // already published: nothing changes
    const draft = await api(t, 'POST', `/api/cms/programs/${program.id}/unpublish`, { headers: editor, expect: 200 });
    expect(draft.body).toMatchObject({ status: 'draft', publishedAt: published.body.publishedAt });
    const archived = await api(t, 'POST', `/api/cms/programs/${program.id}/archive`, { headers: editor, expect: 200 });
    expect(archived.body.status).toBe('archived');
  });

  it('lists with filters, sorting and cursor pagination that visits every item once', async () => {
    const tag = `page-${backend}`;
    const titles = Array.from({ length: 7 }, (_, i) => `Paged ${String.fromCharCode(71 - i)}`); // G..A
    for (const title of titles) await createProgram(t, editor, { title, language: 'en', kind: 'series', tags: [tag] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/cms/programs?tag=${tag}&sort=title&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api(t, 'GET', url, { headers: editor, expect: 200 });
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((p: { title: string }) => p.title));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...titles].sort());
    const descending = await api(t, 'GET', `/api/cms/programs?tag=${tag}&sort=-title&limit=2`, { headers: editor, expect: 200 });
    expect(descending.body.items.map((p: { title: string }) => p.title)).toEqual(['Paged G', 'Paged F']);
    const filtered = await api(t, 'GET', `/api/cms/programs?tag=${tag}&kind=podcast`, { headers: editor, expect: 200 });
    expect(filtered.body.items).toEqual([]);
    const search = await api(t, 'GET', `/api/cms/programs?q=${encodeURIComponent('paged c')}`, { headers: editor, expect: 200 });
    expect(search.body.items.map((p: { title: string }) => p.title)).toEqual(['Paged C']);
  });

  it('keeps paging stable when items are added between pages (keyset, no duplicates)', async () => {
    const tag = `stable-${backend}`;
    for (let i = 0; i < 4; i++) await createProgram(t, editor, { title: `Stable ${i}`, language: 'en', tags: [tag] });
    const first = await api(t, 'GET', `/api/cms/programs?tag=${tag}&sort=-createdAt&limit=2`, { headers: editor, expect: 200 });
    await createProgram(t, editor, { title: 'Stable new', language: 'en', tags: [tag] });
    const second = await api(t, 'GET', `/api/cms/programs?tag=${tag}&sort=-createdAt&limit=10&cursor=${first.body.nextCursor}`, { headers: editor, expect: 200 });
    const titles = [...first.body.items, ...second.body.items].map((p: { title: string }) => p.title);
    expect(titles).toEqual(['Stable 3', 'Stable 2', 'Stable 1', 'Stable 0']);
  });
});
