// Recommendation shelves of the listeners' site in Chromium, Arabic (RTL) and English: "more like this"
// rendered on the server on the episode page, and "for you" on the home page, fetched in the browser
// after hydration with the anonymous listener id (cold start here: a new browser has no history, so it
// gets trending and newest episodes in the page's language).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launch, screenshot } from './support/browser.js';
import { startServer, waitUntil, type Json, type RunningServer } from './support/server.js';

describe.skipIf(!chromiumAvailable())('recommendation shelves in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let episode: Json;

  beforeAll(async () => {
    server = await startServer({ readyTimeoutMs: 240_000 });
    browser = await launch();
    const home = await waitUntil('the seeded catalogue', async () => {
      const { status, body } = await server.api('GET', '/api/discovery/home');
      return status === 200 && body.latest.length > 0 ? body : undefined;
    }, 120_000);
    // The seed writes one language after the other: "for you" in English needs the English half too.
    await waitUntil('English episodes in Discovery', async () => {
      const { status, body } = await server.api('GET', '/api/discovery/home?language=en');
      return status === 200 && body.latest.length > 0;
    }, 180_000);
    episode = home.latest.find((e: Json) => e.language === 'ar') ?? home.latest[0];
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each([['ar', 'حلقات مشابهة', 'rtl'], ['en', 'More like this', 'ltr']] as const)('%s: the episode page shows "more like this", rendered on the server', async (lang, heading, dir) => {
    const html = await (await fetch(`${server.url}/${lang}/episodes/${episode.id}`)).text();
    expect(html).toContain(heading);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/${lang}/episodes/${episode.id}`);
    expect(await page.getAttribute('html', 'dir')).toBe(dir);
    const shelf = page.getByRole('region', { name: heading });
    await shelf.scrollIntoViewIfNeeded();
    const links = shelf.getByRole('link');
    expect(await links.count()).toBeGreaterThan(2);
    await screenshot(page, `recs-episode-${lang}`);
    await page.close();
  }, 90_000);

  it.each([['ar', 'مختارات لك'], ['en', 'For you']] as const)('%s: the home page fetches "for you" after hydration with the listener id', async (lang, heading) => {
    const html = await (await fetch(`${server.url}/${lang}`)).text();
    expect(html).not.toContain(heading); // personal: never in the shared, cacheable page
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const asked: string[] = [];
    const seen: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/discovery/for-you')) asked.push(r.url()); });
    page.on('response', (r) => { if (r.url().includes('/api/discovery/for-you')) void r.text().then((b) => seen.push(`${r.status()} ${r.url()} ${b.slice(0, 300)}`)); });
    page.on('console', (m) => { if (m.type() === 'error') seen.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
    await page.goto(`${server.url}/${lang}`);
    const shelf = page.getByRole('region', { name: heading });
    await shelf.waitFor({ timeout: 60_000 }).catch((error: unknown) => { throw new Error(`${String(error)}; seen: ${JSON.stringify(seen)}`); });
    expect(await shelf.getByRole('listitem').count()).toBeGreaterThan(0);
    const id = await page.evaluate(() => localStorage.getItem('thmnayah.listener'));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new URL(asked[0]!).searchParams.get('listener')).toBe(id);
    expect(new URL(asked[0]!).searchParams.get('language')).toBe(lang);
    await screenshot(page, `recs-home-${lang}`);
    await page.close();
  }, 90_000);
});
