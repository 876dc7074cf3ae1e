// Search analytics end to end in Debian's Chromium: searches on the site (Arabic and English, one that
// finds nothing), a click on a result sent by the search page's beacon, and the studio's "Search
// analytics" screen showing top queries, zero-result queries and click-through, with period and view
// chosen by label, in Arabic (RTL) and English. Screenshots are checked to be non-blank (and looked at).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launch } from './support/browser.js';
import { expectAccessible, expectScreenshot, openPage, signInAs } from './support/studio.js';
import { startServer, waitUntil, type Json, type RunningServer } from './support/server.js';

const enabled = chromiumAvailable();
const NOTHING = 'زنجبيلستان';

describe.skipIf(!enabled)('search analytics from the site to the studio, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let word: string;

  beforeAll(async () => {
    // Counts reach the database within a fifth of a second, so the studio sees them without waiting.
    server = await startServer({ env: { SEARCH_ANALYTICS_FLUSH_MS: '200' } });
    browser = await launch();
    const program = await waitUntil('the seeded catalogue', async () => {
      const { status, body } = await server.api('GET', '/api/discovery/programs?limit=5');
      return status === 200 && (body.items as Json[]).find((p) => p.language === 'ar');
    }, 120_000);
    word = [...(program.title as string).split(/\s+/)].sort((a, b) => b.length - a.length)[0]!;
    const { status, body } = await server.api('POST', '/api/cms/admin/tasks/users.add', { token: server.token('admin'), body: { sub: 'omar', name: 'Omar', roles: ['viewer'] } });
    expect(status, JSON.stringify(body)).toBe(200);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('counts searches on the site and the result a visitor clicks', { timeout: 90_000 }, async () => {
    const page = await openPage(browser, `${server.url}/ar/search?q=${encodeURIComponent(word)}`);
    const first = page.locator('.hits .hit-title').first();
    await first.waitFor();
    const beacon = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/discovery/search/clicks');
    await first.click();
    const sent = JSON.parse((await beacon).postData() ?? '{}');
    expect(sent).toMatchObject({ q: word, rank: 1 });
    expect(Object.keys(sent).sort()).toEqual(['id', 'q', 'rank', 'type']);
    await page.waitForURL(/\/ar\/(programs|episodes)\//);
    // Once more, from the English site, and a search that finds nothing.
    await page.goto(`${server.url}/en/search?q=${encodeURIComponent(word)}`);
    await page.goto(`${server.url}/ar/search?q=${encodeURIComponent(NOTHING)}`);
    await page.getByText('لا نتائج', { exact: false }).first().waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
    // The page and its data request (client-side navigation) carry the result count the server counts.
    const document = await fetch(`${server.url}/en/search?q=${encodeURIComponent(NOTHING)}`);
    expect(document.headers.get('x-search-total')).toBe('0');
    const dataRequest = await fetch(`${server.url}/en/search.data?q=${encodeURIComponent(NOTHING)}`);
    expect(dataRequest.status).toBe(200);
    expect(dataRequest.headers.get('x-search-total')).toBe('0');
    await waitUntil('the counts in the database', async () => {
      const { body } = await server.api('GET', '/api/cms/analytics/search/queries?sort=searches', { token: server.token('viewer') });
      const row = (body.items as Json[] | undefined)?.find((item) => item.sample === word);
      return row && row.searches >= 2 && row.clicks === 1 ? row : undefined;
    });
  });

  it('shows top queries, zero-result queries and click-through in the studio, in Arabic', { timeout: 90_000 }, async () => {
    const page = await signInAs(browser, server.url, 'ar', 'Omar');
    await page.getByRole('navigation', { name: 'أقسام الاستوديو' }).getByRole('link', { name: 'تحليلات البحث' }).click();
    await page.getByRole('heading', { level: 1, name: 'تحليلات البحث' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const top = page.getByRole('table', { name: 'الأكثر بحثًا' });
    const row = top.getByRole('row').filter({ has: page.getByRole('rowheader', { name: word }) });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    // searches, no results, mean results, clicks, click-through (Arabic digits).
    expect(cells[0]).toBe('٢');
    expect(cells[1]).toBe('٠');
    expect(cells[3]).toBe('١');
    expect(cells[4]).toMatch(/٥٠/);
    await expectScreenshot(page, 'studio-search-analytics-ar');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'بلا نتائج' }).click();
    await page.waitForURL(/view=zero/);
    const zero = page.getByRole('table', { name: 'بلا نتائج' });
    await zero.getByRole('rowheader', { name: NOTHING }).waitFor();
    expect(await zero.getByRole('rowheader', { name: word }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'بلا نتائج' }).getAttribute('aria-pressed')).toBe('true');
    await expectScreenshot(page, 'studio-search-analytics-zero-ar');

    // A period before any search: nothing to show.
    await page.getByLabel('الفترة').selectOption({ label: 'آخر ٢٤ ساعة' });
    await page.waitForURL(/days=1/);
    await zero.getByRole('rowheader', { name: NOTHING }).waitFor(); // today's searches are in the last 24 hours
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('shows the same in English, with click-through as its own view', { timeout: 90_000 }, async () => {
    const page = await signInAs(browser, server.url, 'en', 'Omar', { path: '/analytics/search?view=ctr&days=30' });
    await page.getByRole('heading', { level: 1, name: 'Search analytics' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.getByLabel('Period').inputValue()).toBe('30');
    expect(await page.getByRole('button', { name: 'Lowest click-through' }).getAttribute('aria-pressed')).toBe('true');
    // Click-through needs 5 searches with results; two is too few, so the list says so.
    await page.getByText('No searches in this period.').waitFor();
    await page.getByRole('button', { name: 'Top queries' }).click();
    const row = page.getByRole('table', { name: 'Top queries' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: word }) });
    await row.waitFor();
    expect((await row.getByRole('cell').allInnerTexts())[4]).toBe('50%');
    const totals = page.getByRole('definition');
    expect(await totals.count()).toBe(5);
    await expectScreenshot(page, 'studio-search-analytics-en');
    await expectAccessible(page);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
