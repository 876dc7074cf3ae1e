// Draft previews and the rendition player (issue 10) in Debian's Chromium against a real server on
// embedded defaults: an editor makes a preview link of a draft episode in the studio, opens it in a new
// tab, sees the draft with the "not published" banner and plays its audio (short-lived preview playback
// links), while the public URL stays a 404; the studio's rendition player plays HLS and the MP3; a program
// preview; a forged link's error page. Arabic and English, axe-core, screenshots checked to be non-blank.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ffmpegBinary } from './support/media.js';
import { chromiumAvailable, launch } from './support/browser.js';
import { expectAccessible, expectScreenshot, signInAs } from './support/studio.js';
import { startServer, waitUntil, type Json, type RunningServer } from './support/server.js';

const enabled = chromiumAvailable();

describe.skipIf(!enabled)('draft previews and the rendition player in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let editor: string;
  let program: Json;
  let episode: Json;
  const work = mkdtempSync(join(tmpdir(), 'thmnayah-preview-test-'));

  beforeAll(async () => {
    // A shared 2-core machine can take more than a minute to start a server under load.
    server = await startServer({ seed: false, readyTimeoutMs: 240_000 });
    browser = await launch();
    editor = server.token('editor');
    const added = await server.api('POST', '/api/cms/admin/tasks/users.add', { token: server.token('admin'), body: { sub: 'huda', name: 'هدى', roles: ['editor'] } });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    // A draft program and a draft episode with Arabic text, and 8 s of a tone for the episode.
    const created = await server.api('POST', '/api/cms/programs', { token: editor, body: { kind: 'podcast', title: 'برنامج المعاينة', slug: 'preview-program', language: 'ar', description: 'برنامج لم يُنشر بعد.' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    program = created.body;
    const draft = await server.api('POST', '/api/cms/episodes', { token: editor, body: { programId: program.id, title: 'مسودة: حلقة عن القهوة', description: 'حلقة لم تُنشر، with some English.' } });
    expect(draft.status).toBe(201);
    episode = draft.body;
    const audio = join(work, 'tone.wav');
    execFileSync(ffmpegBinary(), ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=8', '-ar', '44100', '-ac', '1', audio]);
    const form = new FormData();
    form.append('file', new Blob([readFileSync(audio)], { type: 'audio/wav' }), 'نغمة.wav');
    const upload = await fetch(`${server.url}/api/cms/assets?ownerType=episode&ownerId=${episode.id}&kind=audio`, { method: 'POST', headers: { authorization: `Bearer ${editor}` }, body: form });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const asset = (await upload.json()) as Json;
    await waitUntil('the upload to be processed', async () => {
      const { body } = await server.api('GET', `/api/cms/assets/${asset.id}`, { token: editor });
      if (body.status === 'failed') throw new Error(`processing failed: ${JSON.stringify(body)}`);
      return body.status === 'ready';
    }, 120_000);
    await waitUntil('the episode to carry its media', async () => {
      const { body } = await server.api('GET', `/api/cms/episodes/${episode.id}`, { token: editor });
      return body.media.length >= 2;
    });
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const signIn = (locale: 'ar' | 'en', path: string) => signInAs(browser, server.url, locale, 'هدى', { path });


  /** Clicks "Preview", then opens the link it shows in a new tab; returns that tab and the link. */
  async function openPreview(studio: Page, locale: 'ar' | 'en'): Promise<{ tab: Page; link: string }> {
    await studio.getByRole('button', { name: locale === 'ar' ? 'معاينة' : 'Preview', exact: true }).click();
    const field = studio.getByLabel(locale === 'ar' ? 'رابط المعاينة' : 'Preview link');
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/${locale}/.+\\?preview=`));
    const [tab] = await Promise.all([
      studio.context().waitForEvent('page'),
      studio.getByRole('link', { name: locale === 'ar' ? 'افتح المعاينة' : 'Open the preview' }).click(),
    ]);
    await tab.waitForURL(link);
    await tab.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    return { tab, link };
  }

  it('previews a draft episode in a new tab (Arabic): the draft, the banner, its audio plays; the public URL is a 404', async () => {
    const studio = await signIn('ar', `/episodes/${episode.id}`);
    await studio.getByRole('heading', { level: 1, name: episode.title }).waitFor();
    await studio.getByRole('heading', { name: 'معاينة كما ستظهر في الموقع' }).waitFor();
    const { tab, link } = await openPreview(studio, 'ar');
    await studio.bringToFront();
    await studio.locator('.preview-link').scrollIntoViewIfNeeded();
    await expectAccessible(studio);
    await expectScreenshot(studio, 'studio-preview-link-ar-desktop');
    await tab.bringToFront();
    const tabErrors: string[] = [];
    tab.on('pageerror', (error) => tabErrors.push(error.message));

    await tab.getByRole('heading', { level: 1, name: 'مسودة: حلقة عن القهوة' }).waitFor();
    await tab.getByRole('complementary', { name: 'معاينة — غير منشور' }).waitFor();
    expect(await tab.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    await tab.getByRole('button', { name: 'شغّل الحلقة' }).click();
    await tab.getByRole('region', { name: 'المشغّل' }).waitFor();
    const time = () => tab.evaluate(() => document.querySelector('audio')?.currentTime ?? 0);
    await waitUntil('the draft’s audio to play', async () => (await time()) > 1, 30_000);
    const source = await tab.evaluate(() => document.querySelector('audio')?.currentSrc ?? '');
    expect(source).toMatch(/^(blob:|http)/);
    await expectAccessible(tab);
    await expectScreenshot(tab, 'preview-episode-ar-desktop');

    // The page itself: never stored, never indexed.
    const response = await fetch(link);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-robots-tag')).toContain('noindex');
    // Without the token the draft does not exist, in the browser too.
    const publicUrl = link.split('?')[0]!;
    expect((await fetch(publicUrl)).status).toBe(404);
    await tab.goto(publicUrl);
    await tab.getByRole('heading', { level: 1, name: 'الصفحة غير موجودة' }).waitFor();
    expect(await tab.content()).not.toContain('مسودة: حلقة عن القهوة');
    // A forged token gets the preview error page, and nothing of the draft.
    await tab.goto(`${link.slice(0, -3)}AAA`);
    await tab.getByRole('heading', { level: 1, name: 'رابط المعاينة غير صالح' }).waitFor();
    expect(await tab.content()).not.toContain('مسودة: حلقة عن القهوة');
    await expectScreenshot(tab, 'preview-invalid-ar-desktop');
    expect(tabErrors).toEqual([]);
    expect((studio as Page & { errors: string[] }).errors).toEqual([]);
    await tab.close();
    await studio.close();
  }, 90_000);

  it('plays the renditions in the studio’s media section (English): HLS, then the MP3', async () => {
    const studio = await signIn('en', `/episodes/${episode.id}`);
    const section = studio.getByRole('region', { name: 'Listen to the processed renditions' });
    await section.waitFor();
    const choice = section.getByLabel('Rendition');
    await choice.waitFor();
    expect(await choice.locator('option').allInnerTexts()).toEqual(expect.arrayContaining(['HLS (adaptive)', 'MP3']));
    const player = section.locator('audio');
    const play = async () => {
      await player.evaluate((audio: HTMLAudioElement) => { audio.currentTime = 0; return audio.play(); });
      await waitUntil('the rendition to play', async () => (await player.evaluate((audio: HTMLAudioElement) => audio.currentTime)) > 1, 30_000);
    };
    await play();
    await section.scrollIntoViewIfNeeded();
    await expectAccessible(studio);
    await expectScreenshot(studio, 'studio-rendition-player-en-desktop');
    await choice.selectOption({ label: 'MP3' });
    await waitUntil('the MP3 to load', async () => (await player.evaluate((audio: HTMLAudioElement) => audio.currentSrc)).includes('/audio-mp3/'), 10_000);
    await play();
    await player.evaluate((audio: HTMLAudioElement) => audio.pause());
    expect((studio as Page & { errors: string[] }).errors).toEqual([]);
    await studio.close();
  }, 90_000);

  it('previews a draft program (English) with the banner; its public page is a 404', async () => {
    const studio = await signIn('en', `/programs/${program.id}`);
    await studio.getByRole('heading', { level: 1, name: program.title }).waitFor();
    const { tab, link } = await openPreview(studio, 'en');
    await tab.getByRole('heading', { level: 1, name: 'برنامج المعاينة' }).waitFor();
    await tab.getByRole('complementary', { name: 'Preview — not published' }).waitFor();
    await expectAccessible(tab);
    await expectScreenshot(tab, 'preview-program-en-desktop');
    expect((await fetch(link.split('?')[0]!)).status).toBe(404);
    await tab.close();
    await studio.close();
  }, 90_000);
});
