import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { seedTask } from '../../src/seed/seed.task.js';

describe.each(availableBackends())('demo catalogue on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t?.close());

  it('seeds at least 20 programs and 500 episodes of real Arabic and English text, with attribution, once', async () => {
    const progress: number[] = [];
    const first = (await seedTask.run({ platform: t.platform, actor: 'system:seed', progress: (done) => progress.push(done) }, {})) as { created: Record<string, number> };
    expect(first.created.programs).toBeGreaterThanOrEqual(20);
    expect(first.created.episodes).toBeGreaterThanOrEqual(500);
    expect(progress.at(-1)).toBe(first.created.episodes);

    const [languages] = await t.platform.db.query<{ ar: number; en: number; attributed: number; total: number; scheduled: number; drafts: number }>(`
      select count(*) filter (where language = 'ar')::int as ar, count(*) filter (where language = 'en')::int as en,
             count(*) filter (where description ~ 'Tatoeba #[0-9]+ \\(.+\\) & #[0-9]+ \\(.+\\), CC BY 2\\.0 FR')::int as attributed,
             count(*)::int as total, count(*) filter (where status = 'scheduled')::int as scheduled, count(*) filter (where status = 'draft')::int as drafts
        from episodes`);
    expect(languages!.ar).toBeGreaterThan(300);
    expect(languages!.en).toBeGreaterThan(100);
    expect(languages!.attributed).toBe(languages!.total);
    expect(languages!.scheduled).toBeGreaterThan(0);
    expect(languages!.drafts).toBeGreaterThan(0);
    const arabicTitle = await t.platform.db.query<{ title: string }>(`select title from episodes where language = 'ar' limit 1`);
    expect(arabicTitle[0]!.title).toMatch(/[\u0600-\u06FF]/);

    const second = (await seedTask.run({ platform: t.platform, actor: 'system:seed', progress: () => {} }, {})) as { created: Record<string, number> };
    expect(second.created).toEqual({ categories: 0, people: 0, programs: 0, episodes: 0 });
  });
});
