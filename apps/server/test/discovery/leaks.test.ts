// Only published, due, undeleted content of published programs is public. These tests try every way
// a draft could leak through the Discovery API and its read model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { api, createEpisode, createProgram } from '../support/cms.js';
import { readModelSync } from '../support/read-model.js';
import { publishDueEpisodes } from '../../src/content/scheduler.js';

describe.each(availableBackends())('no draft leaks on %s', (backend) => {
  let t: TestApp;
  let editor: Record<string, string>;
  let sync: () => Promise<void>;
  const get = async (url: string) => {
    await sync();
    await t.discovery!.generation.refresh();
    return api(t, 'GET', url);
  };
  /** Every public surface, as text: an id or title found here is public. */
  const everything = async (slug: string) => {
    const urls = ['/api/discovery/home', '/api/discovery/home?language=ar', '/api/discovery/programs', '/api/discovery/episodes?limit=100',
      '/api/discovery/categories', '/api/discovery/people?limit=100', `/api/discovery/programs/${slug}`, `/api/discovery/programs/${slug}/episodes?limit=100`];
    const bodies = [];
    for (const url of urls) bodies.push((await get(url)).raw.body);
    return bodies.join('\n');
  };

  beforeAll(async () => {
    t = await createTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    editor = await t.auth('editor');
    sync = readModelSync(t.platform.db);
  });
  afterAll(() => t?.close());

  it('hides drafts, scheduled, archived and deleted episodes, and everything of unpublished programs', async () => {
    const host = (await api(t, 'POST', '/api/cms/people', { headers: editor, body: { name: 'Draft Only Person' }, expect: 201 })).body;
    const program = await createProgram(t, editor, { title: 'Leak Test Show', slug: `leak-${backend}`, language: 'en' });
    const visible = await createEpisode(t, editor, program.id, { title: 'VISIBLE-EPISODE' });
    const draft = await createEpisode(t, editor, program.id, { title: 'DRAFT-EPISODE', people: [{ personId: host.id, role: 'guest' }] });
    const scheduled = await createEpisode(t, editor, program.id, { title: 'SCHEDULED-EPISODE' });
    const archived = await createEpisode(t, editor, program.id, { title: 'ARCHIVED-EPISODE' });
    const deleted = await createEpisode(t, editor, program.id, { title: 'DELETED-EPISODE' });
    const unpublished = await createEpisode(t, editor, program.id, { title: 'UNPUBLISHED-EPISODE' });

    // Nothing is public while the program is a draft, even a published episode.
    await api(t, 'POST', `/api/cms/episodes/${visible.id}/publish`, { headers: editor, expect: 200 });
    let surface = await everything(program.slug);
    expect(surface).not.toContain('VISIBLE-EPISODE');
    expect(surface).not.toContain('Leak Test Show');
    expect((await get(`/api/discovery/programs/${program.slug}`)).status).toBe(404);
    expect((await get(`/api/discovery/episodes/${visible.id}`)).status).toBe(404);

    await api(t, 'POST', `/api/cms/programs/${program.id}/publish`, { headers: editor, expect: 200 });
    const due = new Date(Date.now() + 2_000);
    await api(t, 'POST', `/api/cms/episodes/${scheduled.id}/schedule`, { headers: editor, body: { publishAt: due.toISOString() }, expect: 200 });
    for (const e of [archived, deleted, unpublished]) await api(t, 'POST', `/api/cms/episodes/${e.id}/publish`, { headers: editor, expect: 200 });
    await api(t, 'POST', `/api/cms/episodes/${archived.id}/archive`, { headers: editor, expect: 200 });
    await api(t, 'DELETE', `/api/cms/episodes/${deleted.id}`, { headers: editor, expect: 200 });
    await api(t, 'POST', `/api/cms/episodes/${unpublished.id}/unpublish`, { headers: editor, expect: 200 });

    surface = await everything(program.slug);
    expect(surface).toContain('VISIBLE-EPISODE');
    for (const hidden of ['DRAFT-EPISODE', 'SCHEDULED-EPISODE', 'ARCHIVED-EPISODE', 'DELETED-EPISODE', 'UNPUBLISHED-EPISODE', 'Draft Only Person']) {
      expect(surface, hidden).not.toContain(hidden);
    }
    for (const e of [draft, scheduled, archived, deleted, unpublished]) expect((await get(`/api/discovery/episodes/${e.id}`)).status).toBe(404);
    expect((await get(`/api/discovery/people/${host.slug}`)).status).toBe(404);
    const page = await get(`/api/discovery/programs/${program.slug}`);
    expect(page.body.program.episodeCount).toBe(1);
    expect(page.body.episodes.items.map((e: { title: string }) => e.title)).toEqual(['VISIBLE-EPISODE']);

    // The scheduled episode appears by itself once due (the scheduler publishes it, the indexer projects it).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due.getTime() - Date.now() + 50)));
    expect(await publishDueEpisodes(t.platform.db)).toContain(scheduled.id);
    expect((await get(`/api/discovery/episodes/${scheduled.id}`)).status).toBe(200);

    // Publishing the draft makes its guest public; deleting the episode hides the guest again.
    await api(t, 'POST', `/api/cms/episodes/${draft.id}/publish`, { headers: editor, expect: 200 });
    expect((await get(`/api/discovery/people/${host.slug}`)).body.episodes.map((e: { id: string }) => e.id)).toEqual([draft.id]);
    await api(t, 'DELETE', `/api/cms/episodes/${draft.id}`, { headers: editor, expect: 200 });
    expect((await get(`/api/discovery/people/${host.slug}`)).status).toBe(404);

    // Archiving, unpublishing or deleting the program takes every episode with it.
    for (const [action, undo] of [['archive', 'publish'], ['unpublish', 'publish']] as const) {
      await api(t, 'POST', `/api/cms/programs/${program.id}/${action}`, { headers: editor, expect: 200 });
      surface = await everything(program.slug);
      expect(surface, action).not.toContain('VISIBLE-EPISODE');
      expect((await get(`/api/discovery/episodes/${visible.id}`)).status).toBe(404);
      await api(t, 'POST', `/api/cms/programs/${program.id}/${undo}`, { headers: editor, expect: 200 });
      expect((await get(`/api/discovery/episodes/${visible.id}`)).status).toBe(200);
    }
    await api(t, 'DELETE', `/api/cms/programs/${program.id}`, { headers: editor, expect: 200 });
    expect(await everything(program.slug)).not.toContain('VISIBLE-EPISODE');
    await api(t, 'POST', `/api/cms/programs/${program.id}/restore`, { headers: editor, expect: 200 });
    expect((await get(`/api/discovery/episodes/${visible.id}`)).status).toBe(200);
  });

  it('never serves an episode early, even if the read model holds one ahead of time', async () => {
    const program = await createProgram(t, editor, { title: 'Early', language: 'ar' });
    const episode = await createEpisode(t, editor, program.id, { title: 'EARLY-BIRD' });
    await api(t, 'POST', `/api/cms/programs/${program.id}/publish`, { headers: editor, expect: 200 });
    await api(t, 'POST', `/api/cms/episodes/${episode.id}/publish`, { headers: editor, expect: 200 });
    await sync();
    // Corrupt the read model on purpose: move the publish time into the future.
    await t.platform.db.query(`update discovery_episodes set publish_at = now() + interval '1 day' where id = $1`, [episode.id]);
    await t.platform.db.query(`update discovery_state set value = value + 1 where key = 'generation'`);
    await t.discovery!.generation.refresh();
    expect(await everything(program.slug)).not.toContain('EARLY-BIRD');
    expect((await api(t, 'GET', `/api/discovery/episodes/${episode.id}`)).status).toBe(404);
  });
});
