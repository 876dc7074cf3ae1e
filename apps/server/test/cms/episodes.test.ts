import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { api, createEpisode, createProgram, expectProblem } from '../support/cms.js';
import { publishDueEpisodes } from '../../src/content/scheduler.js';
import { listEvents } from '../../src/events/outbox.js';

describe.each(availableBackends())('episodes and the publishing workflow on %s', (backend) => {
  let t: TestApp;
  let editor: Record<string, string>;
  let program: { id: string };
  beforeAll(async () => {
    t = await createTestApp(backend);
    editor = await t.auth('editor');
    program = await createProgram(t, editor, { language: 'en', title: 'Episodes host' });
  });
  afterAll(() => t?.close());

  it('creates an episode with media and people, inheriting the program language', async () => {
    const person = (await api(t, 'POST', '/api/cms/people', { headers: editor, body: { name: 'Guest One' }, expect: 201 })).body;
    const episode = await createEpisode(t, editor, program.id, {
      title: 'Pilot', season: 1, number: 1, durationSeconds: 1800, explicit: true,
      people: [{ personId: person.id, role: 'guest' }],
      media: [{ kind: 'audio', url: 'https://cdn.example.org/pilot.mp3', mimeType: 'audio/mpeg', byteSize: 1234 }],
    });
    expect(episode).toMatchObject({
      language: 'en', status: 'draft', publishAt: null, season: 1, number: 1, durationSeconds: 1800, explicit: true, episodeType: 'full',
      people: [{ personId: person.id, role: 'guest' }],
      media: [{ kind: 'audio', url: 'https://cdn.example.org/pilot.mp3', mimeType: 'audio/mpeg', byteSize: 1234 }],
    });
    const duplicate = await api(t, 'POST', '/api/cms/episodes', { headers: editor, body: { programId: program.id, title: 'Dup', season: 1, number: 1 } });
    expectProblem(duplicate, 409);
  });

  it('refuses an episode for an unknown program', async () => {
    const response = await api(t, 'POST', '/api/cms/episodes', { headers: editor, body: { programId: '00000000-0000-4000-8000-000000000000', title: 'x' } });
    expectProblem(response, 400);
    expect(response.body.errors[0].pointer).toBe('/programId');
  });

  it('publishes now, keeps a back-dated time, unpublishes and archives', async () => {
    const episode = await createEpisode(t, editor, program.id, { title: 'Workflow' });
    const published = await api(t, 'POST', `/api/cms/episodes/${episode.id}/publish`, { headers: editor, expect: 200 });
    expect(published.body.status).toBe('published');
    expect(Math.abs(Date.parse(published.body.publishAt) - Date.now())).toBeLessThan(60_000);
    const draft = await api(t, 'POST', `/api/cms/episodes/${episode.id}/unpublish`, { headers: editor, expect: 200 });
    expect(draft.body.status).toBe('draft');
    const backdated = await api(t, 'POST', `/api/cms/episodes/${episode.id}/publish`, { headers: editor, body: { publishAt: '2020-01-02T03:04:05.000Z' }, expect: 200 });
    expect(backdated.body.publishAt).toBe('2020-01-02T03:04:05.000Z');
    const archived = await api(t, 'POST', `/api/cms/episodes/${episode.id}/archive`, { headers: editor, expect: 200 });
    expect(archived.body.status).toBe('archived');
    expectProblem(await api(t, 'POST', `/api/cms/episodes/${episode.id}/unpublish`, { headers: editor }), 409);
    expectProblem(await api(t, 'POST', `/api/cms/episodes/${episode.id}/publish`, { headers: editor, body: { publishAt: '2999-01-01T00:00:00Z' } }), 400);
  });

  it('publishes a scheduled episode by itself once its time arrives', async () => {
    const episode = await createEpisode(t, editor, program.id, { title: 'Scheduled' });
    expectProblem(await api(t, 'POST', `/api/cms/episodes/${episode.id}/schedule`, { headers: editor, body: { publishAt: '2001-01-01T00:00:00Z' } }), 400);
    const publishAt = new Date(Date.now() + 60 * 60_000);
    const scheduled = await api(t, 'POST', `/api/cms/episodes/${episode.id}/schedule`, { headers: editor, body: { publishAt: publishAt.toISOString() }, expect: 200 });
    expect(scheduled.body).toMatchObject({ status: 'scheduled', publishAt: publishAt.toISOString() });

    expect(await publishDueEpisodes(t.platform.db, new Date(publishAt.getTime() - 1000))).not.toContain(episode.id);
    expect(await publishDueEpisodes(t.platform.db, new Date(publishAt.getTime() + 1000))).toContain(episode.id);
    expect(await publishDueEpisodes(t.platform.db, new Date(publishAt.getTime() + 2000))).not.toContain(episode.id); // exactly once

    const after = await api(t, 'GET', `/api/cms/episodes/${episode.id}`, { headers: editor, expect: 200 });
    expect(after.body).toMatchObject({ status: 'published', publishAt: publishAt.toISOString(), updatedBy: 'system:scheduler' });
    const events = await listEvents(t.platform.db, { entityId: episode.id });
    expect(events.map((e) => e.type)).toEqual(['episode.created', 'episode.scheduled', 'episode.published']);
    expect(events[2]).toMatchObject({ actor: 'system:scheduler', data: { id: episode.id, status: 'published', programId: program.id } });
  });

  it('runs the scheduler loop of the worker role without anyone acting', async () => {
    const { startScheduler } = await import('../../src/content/scheduler.js');
    const episode = await createEpisode(t, editor, program.id, { title: 'Loop' });
    await api(t, 'POST', `/api/cms/episodes/${episode.id}/schedule`, { headers: editor, body: { publishAt: new Date(Date.now() + 300).toISOString() }, expect: 200 });
    const stop = startScheduler(t.platform.db, 100, (error) => { throw error; });
    try {
      await expect.poll(async () => (await api(t, 'GET', `/api/cms/episodes/${episode.id}`, { headers: editor })).body.status, { timeout: 10_000, interval: 100 }).toBe('published');
    } finally {
      await stop();
    }
  });

  it('bulk-publishes, reporting each item on its own', async () => {
    const a = await createEpisode(t, editor, program.id, { title: 'Bulk A' });
    const b = await createEpisode(t, editor, program.id, { title: 'Bulk B' });
    await api(t, 'DELETE', `/api/cms/episodes/${b.id}`, { headers: editor, expect: 200 });
    const missing = '00000000-0000-4000-8000-000000000001';
    const result = await api(t, 'POST', '/api/cms/episodes/bulk/publish', { headers: editor, body: { ids: [a.id, b.id, missing] }, expect: 200 });
    expect(result.body.results).toEqual([
      { id: a.id, status: 200, version: 2 },
      { id: b.id, status: 404, detail: expect.any(String) },
      { id: missing, status: 404, detail: expect.any(String) },
    ]);
    expect((await api(t, 'GET', `/api/cms/episodes/${a.id}`, { headers: editor })).body.status).toBe('published');
  });

  it('filters episodes by program, status and publish date, and pages by number', async () => {
    const other = await createProgram(t, editor, { language: 'ar', title: 'برنامج آخر' });
    for (let n = 1; n <= 5; n++) {
      const e = await createEpisode(t, editor, other.id, { title: `حلقة ${n}`, number: n });
      if (n % 2 === 1) await api(t, 'POST', `/api/cms/episodes/${e.id}/publish`, { headers: editor, body: { publishAt: `2024-0${n}-01T00:00:00Z` }, expect: 200 });
    }
    const published = await api(t, 'GET', `/api/cms/episodes?programId=${other.id}&status=published&sort=number`, { headers: editor, expect: 200 });
    expect(published.body.items.map((e: { number: number }) => e.number)).toEqual([1, 3, 5]);
    expect(published.body.items[0].language).toBe('ar');
    const range = await api(t, 'GET', `/api/cms/episodes?programId=${other.id}&publishedFrom=2024-02-01T00:00:00Z&publishedTo=2024-05-01T00:00:00Z`, { headers: editor, expect: 200 });
    expect(range.body.items.map((e: { number: number }) => e.number)).toEqual([3]);
    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { number: number }[]; nextCursor: string | null } } = await api(t, 'GET', `/api/cms/episodes?programId=${other.id}&sort=-number&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { headers: editor, expect: 200 });
      pages.push(...page.body.items.map((e) => e.number));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual([5, 4, 3, 2, 1]);
    const program = await api(t, 'GET', `/api/cms/programs/${other.id}`, { headers: editor, expect: 200 });
    expect(program.body.episodeCount).toBe(5);
  });
});
