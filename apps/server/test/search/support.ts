// A small catalogue written through the CMS API and indexed the way a worker does it (outbox → indexer
// handlers → projector with the search listener), so search tests see exactly what the public would.
import { createTestApp, type TestApp } from '../support/app.js';
import { api, type Json } from '../support/cms.js';
import { readModelSync } from '../support/read-model.js';
import type { Backend } from '../support/databases.js';
import { indexingProjector } from '../../src/discovery/search-index/listener.js';

export const DAY = 86_400_000;
/** Fixed dates, so ranking by recency does not depend on when the tests run. */
export const BASE = Date.UTC(2026, 0, 15, 12, 0, 0);
export const daysAgo = (n: number) => new Date(BASE - n * DAY).toISOString();

export interface SearchHarness {
  t: TestApp;
  editor: Record<string, string>;
  sync(): Promise<void>;
  /** GET on the public API after the indexer caught up and the cache saw the new generation. */
  get(url: string, headers?: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; body: Json; raw: { body: string } }>;
  search(params: Record<string, string | number>): Promise<Json>;
  category(body: Json): Promise<Json>;
  person(name: string): Promise<Json>;
  program(body: Json, publish?: boolean): Promise<Json>;
  episode(programId: string, body: Json, publishAt?: string | null): Promise<Json>;
  close(): Promise<void>;
}

export async function searchHarness(backend: Backend): Promise<SearchHarness> {
  const t = await createTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  const editor = await t.auth('editor');
  const sync = readModelSync(t.platform.db, indexingProjector());
  const get = async (url: string, headers: Record<string, string> = {}) => {
    await sync();
    await t.discovery!.generation.refresh();
    return api(t, 'GET', url, { headers });
  };
  return {
    t,
    editor,
    sync,
    get,
    async search(params) {
      const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]));
      const response = await get(`/api/discovery/search?${query}`);
      if (response.status !== 200) throw new Error(`search ${query} → ${response.status}: ${JSON.stringify(response.body)}`);
      return response.body;
    },
    category: async (body) => (await api(t, 'POST', '/api/cms/categories', { headers: editor, body, expect: 201 })).body,
    person: async (name) => (await api(t, 'POST', '/api/cms/people', { headers: editor, body: { name }, expect: 201 })).body,
    async program(body, publish = true) {
      const program = (await api(t, 'POST', '/api/cms/programs', { headers: editor, body: { kind: 'podcast', language: 'ar', ...body }, expect: 201 })).body;
      if (publish) await api(t, 'POST', `/api/cms/programs/${program.id}/publish`, { headers: editor, expect: 200 });
      return program;
    },
    async episode(programId, body, publishAt = daysAgo(10)) {
      const episode = (await api(t, 'POST', '/api/cms/episodes', { headers: editor, body: { programId, ...body }, expect: 201 })).body;
      if (publishAt !== null) await api(t, 'POST', `/api/cms/episodes/${episode.id}/publish`, { headers: editor, body: { publishAt }, expect: 200 });
      return episode;
    },
    close: () => t.close(),
  };
}

/** Titles of the hits, in order. */
export const titles = (result: Json): string[] => result.items.map((h: { title: string }) => h.title);
