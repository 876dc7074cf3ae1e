// `reindex`: rebuilds the read model and the search index from content, with progress, through the admin
// API (as the CLI does while a server holds the database) and from the command line.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, unpackPgliteTemplate } from '../support/databases.js';
import { bundleEnv } from '../support/server-bundle.js';
import { createTestApp, type TestApp } from '../support/app.js';
import type { Json } from '../support/cms.js';
import { seedTask } from '../../src/seed/seed.task.js';

describe.each(availableBackends())('reindex on %s', (backend) => {
  let t: TestApp;
  const search = async (q: string) => {
    await t.discovery!.generation.refresh();
    return JSON.parse((await t.app.inject({ url: `/api/discovery/search?q=${encodeURIComponent(q)}&limit=100` })).body);
  };
  const runTask = async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/cms/admin/tasks/reindex', headers: { ...(await t.auth('admin')), 'content-type': 'application/json' }, payload: {} });
    expect(response.statusCode).toBe(200);
    return response.body.trim().split('\n').map((line) => JSON.parse(line) as Json);
  };

  beforeAll(async () => {
    t = await createTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    await seedTask.run({ platform: t.platform, actor: 'system:seed', progress: () => {} }, {});
  });
  afterAll(() => t?.close());

  it('builds the read model and the search index from content, reporting progress', async () => {
    expect((await search('كتب')).total).toBe(0); // nothing indexed yet: no worker ran
    const lines = await runTask();
    const result = lines.at(-1);
    expect(result.type).toBe('result');
    expect(result.result.readModel).toMatchObject({ programs: 23 });
    expect(result.result.search).toMatchObject({ programs: 23, removed: 0, reanalysed: 0 });
    expect(result.result.search.episodes).toBeGreaterThan(400);
    const progress = lines.filter((l) => l.type === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.some((l) => String(l.label).startsWith('read model'))).toBe(true);

    const found = await search('الكتب');
    expect(found.items.map((i: Json) => i.program?.slug ?? i.episode?.program.slug)).toContain('bayn-al-kutub');
    // The seed's draft program and its episodes are not searchable.
    const [{ n }] = (await t.platform.db.query<{ n: number }>(
      `select count(*)::int as n from search_documents d join programs p on p.id = d.program_id where p.status <> 'published'`)) as [{ n: number }];
    expect(n).toBe(0);
    const [{ drafts }] = (await t.platform.db.query<{ drafts: number }>(
      `select count(*)::int as drafts from search_documents d join episodes e on e.id = d.id where e.status <> 'published' or e.publish_at > now()`)) as [{ drafts: number }];
    expect(drafts).toBe(0);
  });

  it('repairs an index that lost rows or kept stale ones, and analyses every document again', async () => {
    const before = await search('الكتب');
    const [{ total }] = (await t.platform.db.query<{ total: number }>('select count(*)::int as total from search_documents')) as [{ total: number }];
    await t.platform.db.exec(`delete from search_documents where id in (select id from search_documents order by id limit 50);
      insert into search_documents (id, type, program_id, language, kind, published_at, recency_at, boost, terms, head)
      values ('00000000-0000-4000-8000-000000000001', 'episode', '00000000-0000-4000-8000-000000000002', 'ar', 'podcast', now() - interval '1 day',
              now() - interval '1 day', 0, 'شبح', 'شبح:1A');
      insert into search_exact (id, exact) values ('00000000-0000-4000-8000-000000000001', 'شبح:1A');
      update discovery_state set value = value + 1 where key = 'generation';`);
    expect((await search('شبح')).total).toBe(1);
    const result = (await runTask()).at(-1).result;
    expect(result.search).toMatchObject({ removed: 1, reanalysed: total });
    expect((await search('شبح')).total).toBe(0);
    expect((await search('الكتب')).items.map((i: Json) => i.id)).toEqual(before.items.map((i: Json) => i.id));
  });
});

describe('thmnayah reindex on the command line', () => {
  let dataDir = '';
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-reindex-'));
    unpackPgliteTemplate(dataDir); // migrated already: the command runs without initdb
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs the task on the embedded database and prints its result', async () => {
    const bin = join(import.meta.dirname, '../../bin/thmnayah.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'reindex'], { env: { ...process.env, ...bundleEnv(), DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, timeout: 60_000 });
    expect(JSON.parse(stdout)).toEqual({
      readModel: { categories: 0, programs: 0, episodes: 0, changed: 0, removed: 0 },
      search: { programs: 0, episodes: 0, removed: 0, reanalysed: 0 },
    });
  }, 90_000);
});
