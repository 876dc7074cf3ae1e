// Listening in Chromium: the site's player sends batched beacons (navigator.sendBeacon, text/plain JSON)
// with the anonymous listener id from localStorage; the server records them once and the worker
// aggregates them; a viewer sees them on the studio's Listening screen, in Arabic (RTL) and English, as an
// accessible SVG chart and data tables.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Request } from 'playwright-core';
import { ffmpegBinary } from './support/media.js';
import { chromiumAvailable, launch } from './support/browser.js';
import { startServer, waitUntil, type Json, type RunningServer } from './support/server.js';
import { expectAccessible, expectScreenshot, openPage, signInAs } from './support/studio.js';

const enabled = chromiumAvailable();

describe.skipIf(!enabled)('listening beacons and the studio’s Listening screen in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let episode: Json;
  let platform = 'web-chrome';
  let listener = '';
  const work = mkdtempSync(join(tmpdir(), 'thmnayah-listening-test-'));

  beforeAll(async () => {
    server = await startServer({ readyTimeoutMs: 180_000 });
    browser = await launch();
    const home = await waitUntil('the seeded catalogue', async () => {
      const { status, body } = await server.api('GET', '/api/discovery/home');
      return status === 200 && body.latest.length > 0 ? body : undefined;
    }, 120_000);
    episode = home.latest[0];
    const audio = join(work, 'tone.wav');
    execFileSync(ffmpegBinary(), ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=12', '-ar', '44100', '-ac', '1', audio]);
    const editor = server.token('editor');
    const form = new FormData();
    form.append('file', new Blob([readFileSync(audio)], { type: 'audio/wav' }), 'tone.wav');
    const upload = await fetch(`${server.url}/api/cms/assets?ownerType=episode&ownerId=${episode.id}&kind=audio`, { method: 'POST', headers: { authorization: `Bearer ${editor}` }, body: form });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const asset = (await upload.json()) as Json;
    await waitUntil('the audio to be processed', async () => {
      const { body } = await server.api('GET', `/api/cms/assets/${asset.id}`, { token: editor });
      if (body.status === 'failed') throw new Error(JSON.stringify(body));
      return body.status === 'ready';
    }, 180_000);
    episode = await waitUntil('the playable episode in Discovery', async () => {
      const { body } = await server.api('GET', `/api/discovery/episodes/${episode.id}`);
      return body.media?.length > 0 ? body : undefined;
    });
    const added = await server.api('POST', '/api/cms/admin/tasks/users.add', { token: server.token('admin'), body: { sub: 'nour', name: 'نور', roles: ['viewer'] } });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('sends batched beacons (on the end of an episode and when the page is hidden) that the server counts and aggregates', async () => {
    const page = await openPage(browser, `${server.url}/en/episodes/${episode.id}`);
    // Playwright does not expose a beacon's Blob body, so requests are counted here and their content is
    // checked on the server: the analytics below, and the deletion by this listener id (last test).
    const beacons: string[] = [];
    page.on('request', (request: Request) => {
      if (request.url().endsWith('/api/discovery/listening/events') && request.method() === 'POST') beacons.push(request.url());
    });
    await page.getByRole('button', { name: 'Play episode' }).click();
    const time = () => page.evaluate(() => document.querySelector('audio')?.currentTime ?? 0);
    await waitUntil('audio to play', async () => (await time()) > 1, 30_000);
    await page.getByRole('region', { name: 'Player' }).getByRole('slider', { name: 'Playback position' }).fill('9');
    // The end of the episode flushes the queue: play, seek and complete in one batch.
    await waitUntil('a beacon batch', async () => beacons.length > 0, 30_000);
    listener = (await page.evaluate(() => localStorage.getItem('thmnayah.listener')))!;
    expect(listener).toMatch(/^[0-9a-f-]{36}$/);
    // Hiding the page (another tab) flushes too: play again, then hide.
    await page.getByRole('region', { name: 'Player' }).getByRole('button', { name: 'Play' }).click();
    await waitUntil('a second play', async () => (await time()) > 0.5 && (await time()) < 9, 30_000);
    const before = beacons.length;
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitUntil('a batch sent on visibility hidden', async () => beacons.length > before, 10_000);
    expect(page.errors).toEqual([]);
    await page.close();

    // The worker aggregates them: the episode's analytics count this listener once.
    const viewer = server.token('viewer');
    const stats = await waitUntil('the plays in the analytics', async () => {
      const { body } = await server.api('GET', `/api/cms/analytics/episodes/${episode.id}`, { token: viewer });
      return body.totals?.plays >= 2 ? body : undefined;
    }, 30_000);
    expect(stats.totals).toMatchObject({ plays: 2, listeners: 1, completes: 1 });
    // The user agent reduced to its family: headless Chromium says HeadlessChrome, which counts as a bot.
    const userAgent = await browser.newPage().then(async (p) => [await p.evaluate(() => navigator.userAgent), await p.close()][0] as string);
    platform = /HeadlessChrome/.test(userAgent) ? 'bot' : 'web-chrome';
    expect(stats.platforms.map((p: Json) => p.platform)).toEqual([platform]);
  }, 120_000);

  for (const locale of ['ar', 'en'] as const) {
    it(`shows the Listening screen in ${locale === 'ar' ? 'Arabic (RTL)' : 'English'}: top episodes, a chart and its table`, async () => {
      const page = await signInAs(browser, server.url, locale, 'نور', { path: '/listening' });
      const ar = locale === 'ar';
      expect(await page.locator('html').getAttribute('dir')).toBe(ar ? 'rtl' : 'ltr');
      await page.getByRole('heading', { level: 1, name: ar ? 'الاستماع' : 'Listening' }).waitFor();
      const top = page.getByRole('table', { name: ar ? 'الحلقات الأكثر استماعًا' : 'Most played episodes' });
      await top.waitFor();
      const row = top.getByRole('row').filter({ hasText: episode.title });
      await expect(row.count()).resolves.toBe(1);
      const chart = page.getByRole('img', { name: ar ? `الاستماع إلى «${episode.title}»` : `Listening to “${episode.title}”` });
      await chart.waitFor();
      const description = await chart.evaluate((svg) => svg.querySelector('desc')?.textContent ?? '');
      expect(description).toMatch(ar ? /تشغيلًا/ : /2 plays and 1 unique listeners/);
      await page.getByText(ar ? 'الأرقام في جدول' : 'The numbers as a table').click();
      const table = page.getByRole('table', { name: ar ? 'الأرقام في جدول' : 'The numbers as a table' });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBeGreaterThan(1);
      const platforms = page.getByRole('table', { name: ar ? 'حسب المنصة' : 'By platform' });
      await expect(platforms.getByRole('row', { name: new RegExp(platform) }).count()).resolves.toBe(1);
      // The 24-hour period: an hourly chart.
      const period = page.getByRole('combobox', { name: ar ? 'الفترة' : 'Period' });
      await period.selectOption('24h');
      await page.waitForURL(/period=24h/);
      // The wording the analytics screens share (studio/period-messages.ts).
      await expect(period.locator('option[value="24h"]').textContent()).resolves.toBe(ar ? 'آخر ٢٤ ساعة' : 'Last 24 hours');
      await expect(period.locator('option').allTextContents()).resolves.toEqual(ar ? ['آخر ٢٤ ساعة', 'آخر ٧ أيام', 'آخر ٣٠ يومًا'] : ['Last 24 hours', 'Last 7 days', 'Last 30 days']);
      await chart.waitFor();
      await expectAccessible(page);
      await expectScreenshot(page, `studio-listening-${locale}`);
      expect(page.errors).toEqual([]);
      await page.close();
    }, 60_000);
  }

  it('deletes the listener’s history by the id the browser kept', async () => {
    const deleted = await fetch(`${server.url}/api/discovery/listening/listeners/${listener}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    const counts = (await deleted.json()) as Json;
    expect(counts.events).toBeGreaterThanOrEqual(4); // play, seek, complete, play (and progress when 30 s passed)
    expect(counts.items).toBe(1);
    const { body } = await server.api('GET', `/api/cms/analytics/episodes/${episode.id}`, { token: server.token('viewer') });
    expect(body.totals).toMatchObject({ plays: 0, listeners: 0, completes: 0 });
  });
});
