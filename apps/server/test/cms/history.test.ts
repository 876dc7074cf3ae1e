// Concurrent edits, revisions, audit entries, soft delete and the outbox: the CMS never loses data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { api, createEpisode, createProgram, expectProblem } from '../support/cms.js';
import { listEvents } from '../../src/events/outbox.js';

describe.each(availableBackends())('history and safety on %s', (backend) => {
  let t: TestApp;
  let alice: Record<string, string>;
  let bob: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    alice = await t.auth('editor', 'alice');
    bob = await t.auth('editor', 'bob');
  });
  afterAll(() => t?.close());

  it('gives a stale write 412 and keeps the first write', async () => {
    const program = await createProgram(t, alice);
    const first = await api(t, 'PATCH', `/api/cms/programs/${program.id}`, { headers: { ...alice, 'if-match': '"1"' }, body: { title: 'Alice was here' }, expect: 200 });
    const stale = await api(t, 'PATCH', `/api/cms/programs/${program.id}`, { headers: { ...bob, 'if-match': '"1"' }, body: { title: 'Bob overwrote' } });
    expectProblem(stale, 412);
    expect(stale.body.currentEtag).toBe(first.headers.etag);
    const current = await api(t, 'GET', `/api/cms/programs/${program.id}`, { headers: bob, expect: 200 });
    expect(current.body).toMatchObject({ title: 'Alice was here', version: 2, updatedBy: 'alice' });
    // A weak validator never satisfies If-Match (RFC 9110 strong comparison).
    expectProblem(await api(t, 'PATCH', `/api/cms/programs/${program.id}`, { headers: { ...bob, 'if-match': 'W/"2"' }, body: { title: 'x' } }), 412);
  });

  it('lets exactly one of many simultaneous writers with the same ETag win', async () => {
    const episode = await createEpisode(t, alice, (await createProgram(t, alice)).id);
    const writers = Array.from({ length: 8 }, (_, i) =>
      t.app.inject({ method: 'PATCH', url: `/api/cms/episodes/${episode.id}`, headers: { ...alice, 'if-match': '"1"' }, payload: { title: `writer ${i}` } }));
    const responses = await Promise.all(writers);
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 412, 412, 412, 412, 412, 412, 412]);
    const winner = responses.find((r) => r.statusCode === 200)!.json();
    const current = await api(t, 'GET', `/api/cms/episodes/${episode.id}`, { headers: alice, expect: 200 });
    expect(current.body).toMatchObject({ title: winner.title, version: 2 });
    const revisions = await api(t, 'GET', `/api/cms/episodes/${episode.id}/revisions`, { headers: alice, expect: 200 });
    expect(revisions.body.items.map((r: { version: number }) => r.version)).toEqual([2, 1]);
  });

  it('records every change as a revision and restores an old one as a new version', async () => {
    const program = await createProgram(t, alice, { title: 'Version one', description: 'first' });
    await api(t, 'PATCH', `/api/cms/programs/${program.id}`, { headers: { ...alice, 'if-match': '"1"' }, body: { title: 'Version two', description: 'second' }, expect: 200 });
    await api(t, 'PATCH', `/api/cms/programs/${program.id}`, { headers: { ...bob, 'if-match': '"2"' }, body: { title: 'Version three' }, expect: 200 });
    const revisions = await api(t, 'GET', `/api/cms/programs/${program.id}/revisions`, { headers: alice, expect: 200 });
    expect(revisions.body.items.map((r: { version: number; action: string; actor: string }) => [r.version, r.action, r.actor])).toEqual([
      [3, 'updated', 'bob'], [2, 'updated', 'alice'], [1, 'created', 'alice'],
    ]);
    const one = await api(t, 'GET', `/api/cms/programs/${program.id}/revisions/1`, { headers: alice, expect: 200 });
    expect(one.body.snapshot).toMatchObject({ title: 'Version one', description: 'first', version: 1 });

    expectProblem(await api(t, 'POST', `/api/cms/programs/${program.id}/revisions/1/restore`, { headers: { ...alice, 'if-match': '"2"' } }), 412);
    const restored = await api(t, 'POST', `/api/cms/programs/${program.id}/revisions/1/restore`, { headers: { ...alice, 'if-match': '"3"' }, expect: 200 });
    expect(restored.body).toMatchObject({ title: 'Version one', description: 'first', version: 4, slug: program.slug });
    expectProblem(await api(t, 'POST', `/api/cms/programs/${program.id}/revisions/99/restore`, { headers: alice }), 404);

    const audit = await api(t, 'GET', `/api/cms/audit?entityId=${program.id}`, { headers: alice, expect: 200 });
    expect(audit.body.items.map((a: { action: string; actor: string }) => [a.action, a.actor])).toEqual([
      ['program.reverted', 'alice'], ['program.updated', 'bob'], ['program.updated', 'alice'], ['program.created', 'alice'],
    ]);
    expect(audit.body.items[1].changes).toEqual({ title: { from: 'Version two', to: 'Version three' } });
    expect(audit.body.items[1].actorName).toBe('bob');
    expect(audit.body.items[0].requestId).toEqual(expect.any(String));
  });

  it('restores an episode revision including its people and media', async () => {
    const program = await createProgram(t, alice);
    const person = (await api(t, 'POST', '/api/cms/people', { headers: alice, body: { name: 'Host' }, expect: 201 })).body;
    const episode = await createEpisode(t, alice, program.id, {
      people: [{ personId: person.id, role: 'host' }],
      media: [{ kind: 'audio', url: 'https://cdn.example.org/a.mp3', mimeType: 'audio/mpeg' }],
    });
    await api(t, 'PATCH', `/api/cms/episodes/${episode.id}`, { headers: { ...alice, 'if-match': '"1"' }, body: { people: [], media: [] }, expect: 200 });
    const restored = await api(t, 'POST', `/api/cms/episodes/${episode.id}/revisions/1/restore`, { headers: alice, expect: 200 });
    expect(restored.body.people).toEqual([{ personId: person.id, role: 'host' }]);
    expect(restored.body.media).toMatchObject([{ kind: 'audio', url: 'https://cdn.example.org/a.mp3', mimeType: 'audio/mpeg', byteSize: null }]);
  });

  it('soft-deletes and restores, hiding deleted items from reads and lists', async () => {
    const program = await createProgram(t, alice, { title: 'To delete', tags: [`del-${backend}`] });
    const deleted = await api(t, 'DELETE', `/api/cms/programs/${program.id}`, { headers: { ...alice, 'if-match': '"1"' }, expect: 200 });
    expect(deleted.body.deletedAt).not.toBeNull();
    expectProblem(await api(t, 'GET', `/api/cms/programs/${program.id}`, { headers: alice }), 404);
    expectProblem(await api(t, 'PATCH', `/api/cms/programs/${program.id}`, { headers: { ...alice, 'if-match': '"2"' }, body: { title: 'x' } }), 404);
    expect((await api(t, 'GET', `/api/cms/programs?tag=del-${backend}`, { headers: alice })).body.items).toEqual([]);
    expect((await api(t, 'GET', `/api/cms/programs?tag=del-${backend}&includeDeleted=true`, { headers: alice })).body.items).toHaveLength(1);
    // The trash view: only deleted items.
    expect((await api(t, 'GET', `/api/cms/programs?tag=del-${backend}&deletedOnly=true`, { headers: alice })).body.items.map((p: { id: string }) => p.id)).toEqual([program.id]);
    expect((await api(t, 'GET', `/api/cms/programs/${program.id}?includeDeleted=true`, { headers: alice, expect: 200 })).body.deletedAt).not.toBeNull();
    // The slug is free while the program is deleted; restoring into a taken slug is a conflict.
    const squatter = await createProgram(t, alice, { title: 'To delete' });
    expect(squatter.slug).toBe(program.slug);
    expectProblem(await api(t, 'POST', `/api/cms/programs/${program.id}/restore`, { headers: alice }), 409);
    await api(t, 'DELETE', `/api/cms/programs/${squatter.id}`, { headers: alice, expect: 200 });
    const restored = await api(t, 'POST', `/api/cms/programs/${program.id}/restore`, { headers: alice, expect: 200 });
    expect(restored.body).toMatchObject({ deletedAt: null, title: 'To delete', version: 3 });
    expectProblem(await api(t, 'POST', `/api/cms/programs/${program.id}/restore`, { headers: alice }), 409);
  });

  it('refuses to delete a category that still has programs or subcategories', async () => {
    const parent = (await api(t, 'POST', '/api/cms/categories', { headers: alice, body: { nameAr: 'علوم', nameEn: 'Science' }, expect: 201 })).body;
    const child = (await api(t, 'POST', '/api/cms/categories', { headers: alice, body: { nameAr: 'فلك', nameEn: 'Astronomy', parentId: parent.id }, expect: 201 })).body;
    expectProblem(await api(t, 'DELETE', `/api/cms/categories/${parent.id}`, { headers: alice }), 409);
    expectProblem(await api(t, 'PATCH', `/api/cms/categories/${parent.id}`, { headers: { ...alice, 'if-match': '"1"' }, body: { parentId: child.id } }), 409);
    await api(t, 'DELETE', `/api/cms/categories/${child.id}`, { headers: alice, expect: 200 });
    await api(t, 'DELETE', `/api/cms/categories/${parent.id}`, { headers: alice, expect: 200 });
  });

  it('writes exactly one outbox event per change, in the same transaction', async () => {
    const program = await createProgram(t, alice);
    await api(t, 'PATCH', `/api/cms/programs/${program.id}`, { headers: { ...alice, 'if-match': '"1"' }, body: { title: 'Evented' }, expect: 200 });
    // A failed change (stale ETag) leaves no event behind.
    await api(t, 'PATCH', `/api/cms/programs/${program.id}`, { headers: { ...alice, 'if-match': '"1"' }, body: { title: 'Stale' } });
    // A change that fails inside its transaction (unknown category) leaves none either.
    await api(t, 'PATCH', `/api/cms/programs/${program.id}`, { headers: { ...alice, 'if-match': '"2"' }, body: { categoryId: '00000000-0000-4000-8000-000000000000' } });
    await api(t, 'POST', `/api/cms/programs/${program.id}/publish`, { headers: alice, expect: 200 });
    await api(t, 'DELETE', `/api/cms/programs/${program.id}`, { headers: alice, expect: 200 });
    const events = await listEvents(t.platform.db, { entityId: program.id });
    expect(events.map((e) => [e.type, 'version' in e.data ? e.data.version : undefined])).toEqual([
      ['program.created', 1], ['program.updated', 2], ['program.published', 3], ['program.deleted', 4],
    ]);
    expect(events[2]!.data).toEqual({ id: program.id, version: 3, slug: program.slug, status: 'published' });
    expect(events.every((e) => e.actor === 'alice')).toBe(true);
  });
});
