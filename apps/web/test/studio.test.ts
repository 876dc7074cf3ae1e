// The editors' studio (/studio) as editors use it, in Debian's Chromium against a real server on
// embedded defaults: sign-in through the development issuer (OIDC code + PKCE, oidc-client-ts), found
// by role and label in Arabic and English; lists with their state in the URL; edit forms with server
// validation on the field, the conflict screen after a stale save, the unsaved-change warning and
// Ctrl+S; publishing, scheduling in the editor's time zone, bulk publish; a viewer's read-only studio;
// sign-out. axe-core on list and edit screens; screenshots checked to be non-blank.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ffmpegBinary } from './support/media.js';
import { chromiumAvailable, launch } from './support/browser.js';
import { expectAccessible, expectScreenshot, openPage, signInAs } from './support/studio.js';
import { startServer, waitUntil, type Json, type RunningServer } from './support/server.js';

const enabled = chromiumAvailable();

describe.skipIf(!enabled)('the editors’ studio in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let editorToken: string;
  let program: Json; // created through the studio in Arabic
  let episode: Json;
  const work = mkdtempSync(join(tmpdir(), 'thmnayah-studio-test-'));

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    editorToken = server.token('editor');
    await waitUntil('the seeded catalogue', async () => {
      const { status, body } = await server.api('GET', '/api/cms/episodes?limit=60', { token: editorToken });
      return status === 200 && body.items.length === 60;
    }, 120_000);
    // The people the development issuer's sign-in page lists (the server seeds no CMS users).
    for (const user of [
      { sub: 'huda', name: 'هدى', roles: ['editor'] },
      { sub: 'omar', name: 'Omar', roles: ['viewer'] },
      { sub: 'salma', name: 'Salma', roles: ['admin'] },
    ]) {
      const { status, body } = await server.api('POST', '/api/cms/admin/tasks/users.add', { token: server.token('admin'), body: user });
      expect(status, JSON.stringify(body)).toBe(200);
      expect(typeof body === 'string' ? body : JSON.stringify(body)).toContain('"result"');
    }
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const open = (path: string, options: { width?: number; timezoneId?: string } = {}) => openPage(browser, `${server.url}${path}`, options);

  const signIn = (locale: 'ar' | 'en', name: string, options: { width?: number; timezoneId?: string; path?: string } = {}) => signInAs(browser, server.url, locale, name, options);


  const statusBadge = (page: Page, text: string) => page.locator('.title-row .status', { hasText: text });

  it('serves the shell never cached nor indexed, in the editor’s language, with the sign-in configuration', async () => {
    const shell = await fetch(`${server.url}/studio/ar/programs`);
    expect(shell.status).toBe(200);
    expect(shell.headers.get('cache-control')).toBe('no-store');
    expect(shell.headers.get('x-robots-tag')).toContain('noindex');
    const html = await shell.text();
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(html).not.toContain('site-header'); // the listeners' header and player stay out of the studio
    const english = await fetch(`${server.url}/studio/en`);
    expect(await english.text()).toMatch(/<html lang="en" dir="ltr">/);
    const redirect = await fetch(`${server.url}/studio/`, { redirect: 'manual', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/studio/en');
    const config = await server.api('GET', '/api/studio/config');
    expect(config.body).toMatchObject({ authority: `${server.url}/auth/dev`, redirectUri: `${server.url}/studio/auth/callback` });
  });

  it('signs an editor in through the development issuer (Arabic): name and role shown, no admin screens, tokens renewed silently', async () => {
    const page = await open('/studio/ar/programs');
    await page.getByRole('heading', { name: 'الدخول إلى الاستوديو' }).waitFor();
    await expectScreenshot(page, 'studio-sign-in-ar-desktop');
    await page.close();

    const signedIn = await signIn('ar', 'هدى', { path: '/programs?status=published' });
    // Back on the page that asked, query included.
    expect(new URL(signedIn.url()).pathname).toBe('/studio/ar/programs');
    expect(new URL(signedIn.url()).searchParams.get('status')).toBe('published');
    await signedIn.getByRole('heading', { level: 1, name: 'البرامج' }).waitFor();
    expect(await signedIn.locator('.user-role').innerText()).toBe('محرر');
    const nav = signedIn.getByRole('navigation', { name: 'أقسام الاستوديو' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['البرامج', 'الحلقات', 'التصنيفات', 'الأشخاص', 'الاستيراد', 'الاشتراكات', 'الاستماع', 'تحليلات البحث', 'المهملات']);

    // An expired access token is renewed with the refresh token (rotation) on the next request.
    const key = await signedIn.evaluate(() => Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))!);
    const before = await signedIn.evaluate((k) => JSON.parse(sessionStorage.getItem(k)!), key);
    await signedIn.evaluate(([k, user]) => sessionStorage.setItem(k, JSON.stringify({ ...user, expires_at: Math.floor(Date.now() / 1000) - 60 })), [key, before] as const);
    await signedIn.reload();
    await signedIn.getByRole('heading', { level: 1, name: 'البرامج' }).waitFor();
    const after = await signedIn.evaluate((k) => JSON.parse(sessionStorage.getItem(k)!), key);
    expect(after.access_token).not.toBe(before.access_token);
    expect(after.refresh_token).not.toBe(before.refresh_token);
    expect((signedIn as Page & { errors: string[] }).errors).toEqual([]);
    await signedIn.close();
  });

  it('shows an admin the users screen (English)', async () => {
    const page = await signIn('en', 'Salma');
    await page.getByRole('navigation', { name: 'Studio sections' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('cell', { name: 'هدى' }).waitFor();
    expect(await page.locator('.user-role').innerText()).toBe('Administrator');
    await page.close();
  }, 90_000);

  it('keeps list state in the URL: search, filters, sort and cursor paging', async () => {
    const page = await signIn('ar', 'هدى', { path: '/episodes' });
    await page.getByRole('heading', { level: 1, name: 'الحلقات' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-episodes-ar-desktop');

    // Cursor paging: the next page has other rows, the URL holds the cursor, "first page" goes back.
    const firstRows = await page.locator('tbody tr').allInnerTexts();
    await page.getByRole('link', { name: 'الصفحة التالية' }).click();
    await page.waitForURL(/cursor=/);
    await page.getByRole('link', { name: 'الصفحة الأولى' }).waitFor();
    await page.waitForFunction((first) => document.querySelector('tbody tr')?.textContent !== first, firstRows[0]);
    expect(await page.locator('tbody tr').count()).toBe(25);

    // Filters and sort by their labels; the form drops the cursor (new filters start at page one).
    const programs = await server.api('GET', '/api/cms/programs?limit=1&sort=title', { token: editorToken });
    const seeded = programs.body.items[0];
    await page.getByLabel('البرنامج', { exact: true }).selectOption(seeded.id);
    await page.getByLabel('الترتيب').selectOption('title');
    await page.getByRole('button', { name: 'تطبيق' }).click();
    await page.waitForURL((url) => url.searchParams.get('programId') === seeded.id && url.searchParams.get('sort') === 'title' && !url.searchParams.has('cursor'));
    const expected = await server.api('GET', `/api/cms/episodes?programId=${seeded.id}&sort=title&limit=25`, { token: editorToken });
    await page.getByRole('link', { name: expected.body.items[0].title, exact: true }).waitFor();
    const titles = await page.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(titles).toEqual(expected.body.items.map((e: Json) => e.title));

    // Search: the word comes back in the field after a reload (state in the URL).
    const word = expected.body.items[0].title.split(' ')[0];
    await page.getByLabel('بحث في العناوين').fill(word);
    await page.getByRole('button', { name: 'تطبيق' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === word);
    await page.reload();
    await page.locator('tbody tr').first().waitFor();
    expect(await page.getByLabel('بحث في العناوين').inputValue()).toBe(word);
    // The CMS search ignores case ("Can" finds "I can't"), so compare as it does.
    for (const title of await page.locator('tbody tr td:nth-child(2)').allInnerTexts()) expect(title.toLowerCase()).toContain(word.toLowerCase());
    await page.close();

    // The programs list at phone width, and in English.
    const phone = await signIn('en', 'هدى', { width: 390, path: '/programs' });
    await phone.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();
    await phone.locator('tbody tr').first().waitFor();
    await expectAccessible(phone);
    await expectScreenshot(phone, 'studio-programs-en-phone');
    await phone.close();
  }, 90_000);

  it('creates a program and an episode in Arabic, shows server validation on the field, publishes, and the episode is on the public site', async () => {
    const page = await signIn('ar', 'هدى', { path: '/programs' });
    await page.getByRole('link', { name: 'برنامج جديد' }).click();
    await page.getByRole('heading', { level: 1, name: 'برنامج جديد' }).waitFor();
    const title = page.getByLabel('العنوان');
    expect(await title.getAttribute('dir')).toBe('auto');
    await title.fill('برنامج الاستوديو: حكايات القهوة');
    await page.getByLabel('الوصف').fill('قصص عن القهوة العربية، mixed with English words, في حلقات قصيرة.');
    await page.getByLabel('الوسوم (مفصولة بفواصل)').fill('قهوة، تاريخ');
    // A slug the server refuses: its message appears on that field, and nothing is created.
    await page.getByLabel('الاسم في الرابط').fill('Bad Slug!');
    await page.getByRole('button', { name: 'إنشاء', exact: true }).click();
    const slug = page.getByLabel('الاسم في الرابط');
    await page.waitForFunction(() => document.querySelector('input[name="slug"]')?.getAttribute('aria-invalid') === 'true');
    const describedBy = (await slug.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).innerText()).toMatch(/\S/);
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-program-validation-ar-desktop');

    await slug.fill('');
    await page.getByRole('button', { name: 'إنشاء', exact: true }).click();
    await page.waitForURL(/\/studio\/ar\/programs\/[0-9a-f-]{36}$/);
    await statusBadge(page, 'مسودة').waitFor();
    const programId = page.url().split('/').pop()!;
    program = (await server.api('GET', `/api/cms/programs/${programId}`, { token: editorToken })).body;
    expect(program).toMatchObject({ title: 'برنامج الاستوديو: حكايات القهوة', tags: ['قهوة', 'تاريخ'], status: 'draft' });
    await page.getByRole('button', { name: 'نشر', exact: true }).click();
    await statusBadge(page, 'منشور').waitFor();

    // An episode of it, from the episodes list.
    await page.getByRole('navigation', { name: 'أقسام الاستوديو' }).getByRole('link', { name: 'الحلقات' }).click();
    await page.getByRole('link', { name: 'حلقة جديدة' }).click();
    await page.getByRole('heading', { level: 1, name: 'حلقة جديدة' }).waitFor(); // the list has a "program" filter too
    await page.getByLabel('البرنامج').selectOption(programId);
    await page.getByLabel('العنوان').fill('الحلقة الأولى: فنجان في الصباح');
    await page.getByLabel('الوصف').fill('حديث عن طقوس القهوة في الصباح.');
    await page.getByLabel('الموسم').fill('1');
    await page.getByLabel('رقم الحلقة').fill('1');
    await page.keyboard.press('Control+s'); // the save shortcut creates too
    await page.waitForURL(/\/studio\/ar\/episodes\/[0-9a-f-]{36}$/);
    await statusBadge(page, 'مسودة').waitFor();
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-episode-edit-ar-desktop');
    const episodeId = page.url().split('/').pop()!;
    await page.keyboard.press('Control+Shift+P'); // the publish shortcut
    await statusBadge(page, 'منشور').waitFor();
    episode = (await server.api('GET', `/api/cms/episodes/${episodeId}`, { token: editorToken })).body;
    expect(episode).toMatchObject({ programId, season: 1, number: 1, status: 'published' });

    await waitUntil('the episode in Discovery', async () => (await server.api('GET', `/api/discovery/episodes/${episodeId}`)).status === 200);
    await page.getByRole('link', { name: 'اعرضه في الموقع' }).click();
    await page.getByRole('heading', { level: 1, name: 'الحلقة الأولى: فنجان في الصباح' }).waitFor();
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('uploads a generated audio file with byte progress and follows its processing to "ready" (Arabic)', async () => {
    const audio = join(work, 'نغمة.wav');
    execFileSync(ffmpegBinary(), ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=6', '-ar', '44100', '-ac', '1', audio]);
    const page = await signIn('ar', 'هدى', { path: `/episodes/${episode.id}` });
    const media = page.getByRole('region', { name: 'الوسائط' });
    await media.getByLabel('ملف صوتي أو مرئي أو صورة').setInputFiles(audio);
    await page.waitForFunction(() => (document.querySelector('.media progress') as HTMLProgressElement | null)?.value === 100);
    await media.getByRole('status').filter({ hasText: 'جاهز' }).waitFor({ timeout: 120_000 });
    await media.scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-upload-ar-desktop');
    // The episode changed by itself (duration, playback links); the screen took the new version.
    const processed = (await server.api('GET', `/api/cms/episodes/${episode.id}`, { token: editorToken })).body;
    expect(processed.durationSeconds).toBeGreaterThan(5);
    await page.locator('.form-actions', { hasText: `("${processed.version}")` }).waitFor();
    await page.close();
  }, 180_000);

  it('turns a save on a stale version into the conflict screen (reload theirs / compare), and warns before leaving unsaved changes', async () => {
    const page = await signIn('en', 'هدى', { path: `/episodes/${episode.id}` });
    await page.getByRole('heading', { level: 1, name: episode.title }).waitFor();
    // Someone else saves meanwhile.
    const current = (await server.api('GET', `/api/cms/episodes/${episode.id}`, { token: editorToken })).body;
    const theirs = await server.api('PATCH', `/api/cms/episodes/${episode.id}`, {
      token: editorToken, headers: { 'if-match': `"${current.version}"` }, body: { title: 'الحلقة الأولى (نسخة زميلة)' },
    });
    expect(theirs.status).toBe(200);

    await page.getByLabel('Description').fill('My description, بالعربية أيضاً.');
    await page.getByText('Unsaved changes').waitFor();
    // Leaving asks first; "Stay" keeps the edits.
    await page.getByRole('link', { name: 'Back to the list' }).click();
    const leave = page.getByRole('alertdialog', { name: 'You have unsaved changes. Leave the page and lose them?' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Stay' }).click();
    expect(new URL(page.url()).pathname).toBe(`/studio/en/episodes/${episode.id}`);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = page.getByRole('alertdialog', { name: 'Someone else saved this item' });
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Compare' }).click();
    await conflict.getByRole('cell', { name: 'الحلقة الأولى (نسخة زميلة)' }).waitFor();
    await conflict.getByRole('cell', { name: 'My description, بالعربية أيضاً.' }).waitFor();
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-conflict-en-desktop');
    // Nothing of ours was saved.
    expect((await server.api('GET', `/api/cms/episodes/${episode.id}`, { token: editorToken })).body.description).toBe(current.description);

    await conflict.getByRole('button', { name: 'Reload their version' }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Title').inputValue()).toBe('الحلقة الأولى (نسخة زميلة)');
    expect(await page.getByLabel('Description').inputValue()).toBe(current.description);
    // Then an edit on their version saves (with their ETag).
    await page.getByLabel('Description').fill('وصف جديد بعد المراجعة');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect((await server.api('GET', `/api/cms/episodes/${episode.id}`, { token: editorToken })).body).toMatchObject({ title: 'الحلقة الأولى (نسخة زميلة)', description: 'وصف جديد بعد المراجعة' });
    await page.close();
  }, 90_000);

  it('shows an item’s revisions as a timeline with a field diff between two versions, and restores one', async () => {
    const page = await signIn('en', 'هدى', { path: `/episodes/${episode.id}` });
    const history = page.getByRole('region', { name: 'Revisions' });
    await history.getByRole('listitem').first().waitFor();
    const current = (await server.api('GET', `/api/cms/episodes/${episode.id}`, { token: editorToken })).body;
    expect(await history.getByRole('listitem').count()).toBe(current.version);
    await history.getByLabel('Compare from').selectOption('1');
    await history.getByLabel('to').selectOption(String(current.version));
    const diff = history.getByRole('table', { name: `Differences between version 1 and version ${current.version}` });
    await diff.getByRole('row', { name: /Title/ }).waitFor();
    expect(await diff.getByRole('row', { name: /Title/ }).innerText()).toContain('الحلقة الأولى: فنجان في الصباح');
    expect(await diff.getByRole('row', { name: /Title/ }).innerText()).toContain('الحلقة الأولى (نسخة زميلة)');
    await expectAccessible(page);
    await history.scrollIntoViewIfNeeded();
    await expectScreenshot(page, 'studio-revisions-en-desktop');

    // The audit log of the item names who changed it and which fields.
    const audit = page.getByRole('region', { name: 'Audit log' });
    await audit.getByRole('cell', { name: 'هدى' }).first().waitFor();
    expect(await audit.getByRole('row').count()).toBeGreaterThan(2);
    await history.getByRole('button', { name: 'Restore version 1' }).click();
    await page.waitForFunction(() => (document.querySelector('input[name="title"]') as HTMLInputElement | null)?.value === 'الحلقة الأولى: فنجان في الصباح');
    const restored = (await server.api('GET', `/api/cms/episodes/${episode.id}`, { token: editorToken })).body;
    expect(restored).toMatchObject({ title: 'الحلقة الأولى: فنجان في الصباح', description: 'حديث عن طقوس القهوة في الصباح.', version: current.version + 1 });
    await page.close();
  }, 90_000);

  it('schedules in the editor’s time zone (stored in UTC) and bulk-publishes a list selection', async () => {
    const drafts: Json[] = [];
    for (const title of ['مسودة أولى للنشر الجماعي', 'مسودة ثانية للنشر الجماعي']) {
      const { status, body } = await server.api('POST', '/api/cms/episodes', { token: editorToken, body: { programId: program.id, title } });
      expect(status).toBe(201);
      drafts.push(body);
    }
    // Riyadh is UTC+3 all year: 10:00 there is 07:00 UTC.
    const page = await signIn('ar', 'هدى', { timezoneId: 'Asia/Riyadh', path: `/episodes/${drafts[0].id}` });
    await page.getByLabel('موعد النشر (بتوقيتك المحلي)').fill('2031-01-15T10:00');
    expect(await page.getByText('المنطقة الزمنية: Asia/Riyadh').count()).toBe(1);
    await page.getByRole('button', { name: 'جدولة', exact: true }).click();
    await statusBadge(page, 'مجدولة').waitFor();
    expect((await server.api('GET', `/api/cms/episodes/${drafts[0].id}`, { token: editorToken })).body).toMatchObject({ status: 'scheduled', publishAt: '2031-01-15T07:00:00.000Z' });

    await page.goto(`${server.url}/studio/ar/episodes?programId=${program.id}&status=draft`);
    const box = page.getByRole('checkbox', { name: `تحديد «${drafts[1].title}»` });
    await box.check();
    await page.getByRole('button', { name: /انشر المحدد/ }).click();
    await page.getByRole('status').filter({ hasText: 'نُشر ١، وتعذّر ٠.' }).waitFor();
    expect((await server.api('GET', `/api/cms/episodes/${drafts[1].id}`, { token: editorToken })).body.status).toBe('published');
    await page.close();
  }, 90_000);

  it('imports a shared test feed from a file with progress, then shows its summary (Arabic)', async () => {
    const feed = fileURLToPath(new URL('../../server/fixtures/feeds/derived_ar_replyall-structure.xml', import.meta.url));
    const page = await signIn('ar', 'هدى', { path: '/imports' });
    await page.getByRole('heading', { level: 1, name: 'الاستيراد' }).waitFor();
    await page.getByLabel('أو ملف خلاصة (XML)').setInputFiles(feed);
    // The preview step (studio-admin.test.ts tests it in full), then the import itself.
    await page.getByRole('button', { name: 'اعرض ما سيُستورد' }).click();
    await page.getByRole('region', { name: 'معاينة الاستيراد' }).getByRole('button', { name: 'أكّد الاستيراد' }).click();
    const run = page.getByRole('region', { name: /^استيراد / });
    await run.getByLabel('تقدّم الاستيراد').waitFor();
    await run.getByRole('status').filter({ hasText: 'اكتمل الاستيراد' }).waitFor({ timeout: 60_000 });
    const { body } = await server.api('GET', '/api/cms/imports?limit=1', { token: editorToken });
    const summary = body.items[0].summary;
    expect(summary.episodes.new).toBeGreaterThan(0);
    const table = run.getByRole('table', { name: 'ملخص الحلقات' });
    expect(await table.getByRole('row', { name: /جديدة/ }).innerText()).toContain(new Intl.NumberFormat('ar-EG-u-nu-arab').format(summary.episodes.new));
    await run.getByRole('link', { name: summary.program.title }).waitFor();
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-import-ar-desktop');
    await page.close();
  }, 120_000);

  it('moves an episode to the trash and restores it from the trash view (English)', async () => {
    const { body: draft } = await server.api('POST', '/api/cms/episodes', { token: editorToken, body: { programId: program.id, title: 'حلقة ستُحذف ثم تعود' } });
    const page = await signIn('en', 'هدى', { path: `/episodes/${draft.id}` });
    await page.getByRole('heading', { level: 1, name: draft.title }).waitFor();
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.waitForURL((url) => url.pathname === '/studio/en/episodes');
    expect((await server.api('GET', `/api/cms/episodes/${draft.id}`, { token: editorToken })).status).toBe(404);

    await page.getByRole('navigation', { name: 'Studio sections' }).getByRole('link', { name: 'Trash' }).click();
    const episodes = page.getByRole('table', { name: 'Episodes' });
    await episodes.getByRole('cell', { name: draft.title, exact: true }).waitFor();
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-trash-en-desktop');
    await episodes.getByRole('button', { name: `Restore “${draft.title}”` }).click();
    await page.getByRole('status').getByRole('link', { name: draft.title }).waitFor();
    await episodes.getByRole('cell', { name: draft.title, exact: true }).waitFor({ state: 'detached' });
    expect((await server.api('GET', `/api/cms/episodes/${draft.id}`, { token: editorToken })).body.deletedAt).toBeNull();
    await page.close();
  }, 90_000);

  it('gives a viewer everything read-only (English), then signs out', async () => {
    const page = await signIn('en', 'Omar', { path: '/programs' });
    await page.getByRole('note').filter({ hasText: 'Read only' }).waitFor();
    expect(await page.getByRole('link', { name: 'New program' }).count()).toBe(0);
    await page.getByRole('link', { name: program.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: program.title }).waitFor();
    expect(await page.getByLabel('Title').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Unpublish', exact: true }).count()).toBe(0);
    await page.keyboard.press('Control+s'); // the shortcut does nothing either
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-program-viewer-en-desktop');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/studio/**`);
    await page.getByRole('button', { name: /^(Sign in|تسجيل الدخول)$/ }).waitFor();
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:')))).toEqual([]);
    await page.close();
  }, 90_000);
});
