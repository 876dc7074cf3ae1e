// Only public content is searchable: drafts, scheduled (not yet due), archived, unpublished and deleted
// episodes, and everything of a program that is not public, never appear in search or suggest — and
// disappear from both the moment they stop being public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { api, type Json } from '../support/cms.js';
import { searchHarness, type SearchHarness } from './support.js';
import { publishDueEpisodes } from '../../src/content/scheduler.js';

describe.each(availableBackends())('search visibility on %s', (backend) => {
  let h: SearchHarness;

  beforeAll(async () => {
    h = await searchHarness(backend);
  });
  afterAll(() => h?.close());

  /** Which of the words can the public find, through search (words and blank query) or suggest? */
  const findable = async (words: string[]) => {
    const everything = JSON.stringify((await h.search({ q: '', limit: 100 })).items);
    const found: string[] = [];
    for (const word of words) {
      const searched = (await h.search({ q: word })).items.some((i: Json) => i.title.includes(word));
      const suggested = (await h.get(`/api/discovery/suggest?q=${word.slice(0, 6)}`)).body.items.some((i: Json) => i.title.includes(word));
      if (searched || suggested || everything.includes(word)) found.push(word);
    }
    return found;
  };
  const post = (url: string, body?: Json) => api(h.t, 'POST', url, { headers: h.editor, ...(body ? { body } : {}), expect: 200 });

  it('never shows drafts, scheduled, archived, unpublished or deleted content, and follows every change at once', async () => {
    const program = await h.program({ title: 'Leakshow programme', slug: `leakshow-${backend}`, language: 'en' }, false);
    const visible = await h.episode(program.id, { title: 'Leakvisible episode' });
    const draft = await h.episode(program.id, { title: 'Leakdraft episode' }, null);
    const scheduled = await h.episode(program.id, { title: 'Leakscheduled episode' }, null);
    const archived = await h.episode(program.id, { title: 'Leakarchived episode' });
    const deleted = await h.episode(program.id, { title: 'Leakdeleted episode' });
    const unpublished = await h.episode(program.id, { title: 'Leakunpublished episode' });
    const all = ['Leakshow', 'Leakvisible', 'Leakdraft', 'Leakscheduled', 'Leakarchived', 'Leakdeleted', 'Leakunpublished'];

    // The program is a draft: nothing of it is public, not even its published episodes.
    expect(await findable(all)).toEqual([]);

    await post(`/api/cms/programs/${program.id}/publish`);
    const due = new Date(Date.now() + 1_500);
    await post(`/api/cms/episodes/${scheduled.id}/schedule`, { publishAt: due.toISOString() });
    await post(`/api/cms/episodes/${archived.id}/archive`);
    await post(`/api/cms/episodes/${unpublished.id}/unpublish`);
    await api(h.t, 'DELETE', `/api/cms/episodes/${deleted.id}`, { headers: h.editor, expect: 200 });
    expect(await findable(all)).toEqual(['Leakshow', 'Leakvisible']);
    const rows = await h.t.platform.db.query<{ id: string }>('select id from search_documents where program_id = $1', [program.id]);
    expect(rows.map((r) => r.id).sort()).toEqual([program.id, visible.id].sort());

    // The scheduled episode becomes searchable when it is due (the scheduler publishes it).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due.getTime() - Date.now() + 50)));
    expect(await publishDueEpisodes(h.t.platform.db)).toContain(scheduled.id);
    expect(await findable(all)).toEqual(['Leakshow', 'Leakvisible', 'Leakscheduled']);

    // Unpublishing, archiving or deleting the program takes all its episodes out at once.
    for (const [action, undo] of [['unpublish', 'publish'], ['archive', 'publish']] as const) {
      await post(`/api/cms/programs/${program.id}/${action}`);
      expect(await findable(all), action).toEqual([]);
      expect(await h.t.platform.db.query('select owner_id from search_completions where owner_id = any($1::uuid[])', [[program.id, visible.id, scheduled.id]])).toEqual([]);
      await post(`/api/cms/programs/${program.id}/${undo}`);
      expect(await findable(all)).toEqual(['Leakshow', 'Leakvisible', 'Leakscheduled']);
    }
    await api(h.t, 'DELETE', `/api/cms/programs/${program.id}`, { headers: h.editor, expect: 200 });
    expect(await findable(all)).toEqual([]);
    await post(`/api/cms/programs/${program.id}/restore`);
    expect(await findable(all)).toEqual(['Leakshow', 'Leakvisible', 'Leakscheduled']);

    // An edit is searchable under its new words and no longer under the old ones.
    const current = (await api(h.t, 'GET', `/api/cms/episodes/${visible.id}`, { headers: h.editor })).body;
    await api(h.t, 'PATCH', `/api/cms/episodes/${visible.id}`, { headers: { ...h.editor, 'if-match': `"${current.version}"` }, body: { title: 'Leakrenamed episode' }, expect: 200 });
    expect(await findable(['Leakvisible', 'Leakrenamed'])).toEqual(['Leakrenamed']);
    // Draft content never reached the index at all.
    expect(await h.t.platform.db.query('select id from search_documents where id = any($1::uuid[])', [[draft.id, archived.id, deleted.id, unpublished.id]])).toEqual([]);
  });

  it('makes a published episode searchable as soon as the indexer has seen the event (publish → searchable)', async () => {
    const program = await h.program({ title: 'Timing show', language: 'en' });
    await h.sync();
    const episode = await h.episode(program.id, { title: 'Quasar measurement', description: 'Timing the path from the CMS to search.' }, null);
    await h.sync();
    const started = performance.now();
    await post(`/api/cms/episodes/${episode.id}/publish`);
    const published = performance.now();
    await h.sync(); // what the event runtime's indexer consumer does for this event
    const indexed = performance.now();
    const result = await h.search({ q: 'quasar' });
    const found = performance.now();
    expect(result.items.map((i: Json) => i.id)).toEqual([episode.id]);
    // No threshold here (timing belongs in benchmarks); the numbers show where the time goes.
    console.log(`${backend}: publish ${(published - started).toFixed(1)} ms, index ${(indexed - published).toFixed(1)} ms, first search ${(found - indexed).toFixed(1)} ms`);
  });
});
