// The studio's categories and people screens in Debian's Chromium against a real server on embedded
// defaults, found by role and label in Arabic and English: create a category and a person with Arabic
// text, the server's validation message on the field it names, edit (Ctrl+S), the conflict screen after
// someone else saved, revisions and audit, trash and restore, list search/sort/paging kept in the URL
// across a reload, a viewer's read-only screens; axe-core on list and edit screens, screenshots checked
// to be non-blank (desktop, and the lists at phone width).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launch } from './support/browser.js';
import { expectAccessible, expectScreenshot, signInAs } from './support/studio.js';
import { startServer, type Json, type RunningServer } from './support/server.js';

const enabled = chromiumAvailable();

describe.skipIf(!enabled)('the studio’s categories and people in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let editorToken: string;
  let culture: Json; // a seeded top-level category
  let category: Json; // created through the studio in Arabic
  // 26 people sharing a name prefix: one more than a page of the list.
  const GUEST = 'ضيف الحلقة';
  const guests: Json[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    editorToken = server.token('editor');
    // The program editor's test edits a seeded program: the seed must not be writing to it meanwhile.
    await server.seeded();
    culture = (await server.api('GET', '/api/cms/categories?q=Culture&limit=5', { token: editorToken })).body.items.find((c: Json) => c.slug === 'culture');
    for (const user of [{ sub: 'huda', name: 'هدى', roles: ['editor'] }, { sub: 'omar', name: 'Omar', roles: ['viewer'] }]) {
      const { status, body } = await server.api('POST', '/api/cms/admin/tasks/users.add', { token: server.token('admin'), body: user });
      expect(status, JSON.stringify(body)).toBe(200);
    }
    for (let i = 1; i <= 26; i++) {
      const { status, body } = await server.api('POST', '/api/cms/people', { token: editorToken, body: { name: `${GUEST} ${String(i).padStart(2, '0')}`, bio: 'ضيف في حلقة تجريبية.' } });
      expect(status, JSON.stringify(body)).toBe(201);
      guests.push(body);
    }
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });


  const signIn = (locale: 'ar' | 'en', name: string, path: string, width?: number) => signInAs(browser, server.url, locale, name, { path, width });


  /** Waits for the server's message on a field: aria-invalid, and a non-empty text it is described by. */
  async function fieldError(page: Page, name: string): Promise<string> {
    await page.waitForFunction((n) => document.querySelector(`[name="${n}"]`)?.getAttribute('aria-invalid') === 'true', name);
    const describedBy = (await page.locator(`[name="${name}"]`).getAttribute('aria-describedby'))!;
    return page.locator(`[id="${describedBy.split(' ').pop()}"]`).innerText();
  }

  const cms = (path: string) => server.api('GET', path, { token: editorToken }).then((r) => r.body);

  it('creates a category in Arabic (server validation on the field), edits it, and offers the conflict screen after someone else saved', async () => {
    const page = await signIn('ar', 'هدى', '/categories');
    const nav = page.getByRole('navigation', { name: 'أقسام الاستوديو' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['البرامج', 'الحلقات', 'التصنيفات', 'الأشخاص', 'الاستيراد', 'الاشتراكات', 'الاستماع', 'تحليلات البحث', 'المهملات']);
    await page.getByRole('heading', { level: 1, name: 'التصنيفات' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-categories-ar-desktop');

    await page.getByRole('link', { name: 'تصنيف جديد' }).click();
    await page.getByRole('heading', { level: 1, name: 'تصنيف جديد' }).waitFor();
    const nameAr = page.getByLabel('الاسم بالعربية');
    expect(await nameAr.getAttribute('dir')).toBe('auto');
    expect(await page.getByLabel('الاسم بالإنجليزية').getAttribute('dir')).toBe('auto');
    await nameAr.fill('تاريخ الأندلس');
    await page.getByLabel('الاسم بالإنجليزية').fill('Andalusian history');
    await page.getByLabel('التصنيف الأعلى').selectOption(culture.id);
    // A URL name the server refuses: the message is on that field, and nothing is created.
    await page.getByLabel('الاسم في الرابط').fill('Bad Slug!');
    await page.getByRole('button', { name: 'إنشاء', exact: true }).click();
    expect(await fieldError(page, 'slug')).toMatch(/\S/);
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-category-validation-ar-desktop');
    expect((await cms('/api/cms/categories?q=Andalusian')).items).toEqual([]);

    await page.getByLabel('الاسم في الرابط').fill('');
    await page.getByRole('button', { name: 'إنشاء', exact: true }).click();
    await page.waitForURL(/\/studio\/ar\/categories\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'تاريخ الأندلس' }).waitFor();
    category = await cms(`/api/cms/categories/${page.url().split('/').pop()}`);
    expect(category).toMatchObject({ nameAr: 'تاريخ الأندلس', nameEn: 'Andalusian history', parentId: culture.id, slug: 'andalusian-history', version: 1 });

    // Edit and save with Ctrl+S; the revisions and the audit log show the change.
    await page.getByLabel('الترتيب بين التصنيفات الشقيقة').fill('3');
    await page.getByLabel('الاسم بالإنجليزية').fill('History of al-Andalus');
    await page.keyboard.press('Control+s');
    await page.getByRole('status').filter({ hasText: 'حُفظ.' }).waitFor();
    expect(await cms(`/api/cms/categories/${category.id}`)).toMatchObject({ position: 3, nameEn: 'History of al-Andalus', version: 2 });
    const history = page.getByRole('region', { name: 'سجل النسخ' });
    await history.getByRole('listitem').nth(1).waitFor();
    expect(await history.getByRole('row', { name: /الاسم بالإنجليزية/ }).innerText()).toContain('History of al-Andalus');
    await page.getByRole('region', { name: 'سجل التدقيق' }).getByRole('cell', { name: 'هدى' }).first().waitFor();
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-category-edit-ar-desktop');

    // Someone else saves meanwhile: our save is refused (412) and the conflict screen offers their version.
    const theirs = await server.api('PATCH', `/api/cms/categories/${category.id}`, { token: editorToken, headers: { 'if-match': '"2"' }, body: { nameAr: 'تاريخ الأندلس (نسخة زميلة)' } });
    expect(theirs.status).toBe(200);
    await page.getByLabel('الترتيب بين التصنيفات الشقيقة').fill('4');
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    const conflict = page.getByRole('alertdialog', { name: 'حفظ شخص آخر هذا العنصر' });
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'قارن' }).click();
    await conflict.getByRole('cell', { name: 'تاريخ الأندلس (نسخة زميلة)' }).waitFor();
    await conflict.getByRole('button', { name: 'حمّل نسختهم' }).click();
    expect(await nameAr.inputValue()).toBe('تاريخ الأندلس (نسخة زميلة)');
    expect(await page.getByLabel('الترتيب بين التصنيفات الشقيقة').inputValue()).toBe('3');
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('creates a person with Arabic text (the image URL’s error on its field), edits, moves it to the trash and restores it (English)', async () => {
    const page = await signIn('en', 'هدى', '/people');
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await page.getByRole('link', { name: 'New person' }).click();
    await page.getByRole('heading', { level: 1, name: 'New person' }).waitFor();
    const name = page.getByLabel('Name', { exact: true });
    expect(await name.getAttribute('dir')).toBe('auto');
    expect(await page.getByLabel('Biography').getAttribute('dir')).toBe('auto');
    await name.fill('سارة الحربي');
    await page.getByLabel('Biography').fill('مقدّمة برنامج التاريخ الأسبوعي، host of the weekly history show.');
    await page.getByLabel('Image URL').fill('not a web address');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    expect(await fieldError(page, 'imageUrl')).toMatch(/\S/);
    await page.getByRole('alert').filter({ hasText: 'Check the marked fields.' }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Image URL').fill('https://example.org/sara.jpg');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/studio\/en\/people\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'سارة الحربي' }).waitFor();
    const id = page.url().split('/').pop()!;
    expect(await cms(`/api/cms/people/${id}`)).toMatchObject({ name: 'سارة الحربي', imageUrl: 'https://example.org/sara.jpg', version: 1 });

    // Edit: emptying the image URL sends null.
    await page.getByLabel('Biography').fill('مقدّمة ومعدّة برامج تاريخية.');
    await page.getByLabel('Image URL').fill('');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await cms(`/api/cms/people/${id}`)).toMatchObject({ bio: 'مقدّمة ومعدّة برامج تاريخية.', imageUrl: null, version: 2 });
    await page.getByRole('region', { name: 'Revisions' }).getByRole('listitem').nth(1).waitFor();
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-person-edit-en-desktop');

    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.waitForURL((url) => url.pathname === '/studio/en/people');
    expect((await server.api('GET', `/api/cms/people/${id}`, { token: editorToken })).status).toBe(404);
    await page.getByRole('navigation', { name: 'Studio sections' }).getByRole('link', { name: 'Trash' }).click();
    const trashed = page.getByRole('table', { name: 'People' });
    await trashed.getByRole('cell', { name: 'سارة الحربي', exact: true }).waitFor();
    await expectAccessible(page);
    await trashed.getByRole('button', { name: 'Restore “سارة الحربي”' }).click();
    await page.getByRole('status').getByRole('link', { name: 'سارة الحربي' }).click();
    await page.getByRole('heading', { level: 1, name: 'سارة الحربي' }).waitFor();
    expect((await cms(`/api/cms/people/${id}`)).deletedAt).toBeNull();
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('sets a program’s category and links people with their roles in the program editor (Arabic)', async () => {
    const programs = await cms('/api/cms/programs?limit=1&sort=title');
    const program = programs.items[0];
    const page = await signIn('ar', 'هدى', `/programs/${program.id}`);
    await page.getByRole('heading', { level: 1, name: program.title }).waitFor();
    const people = page.getByRole('group', { name: 'الأشخاص وأدوارهم' });
    // Find a guest by part of the name, link them as a guest, and a second one as host; then save.
    await people.getByLabel('ابحث عن شخص').fill(`${GUEST} 03`);
    await people.getByLabel('الشخص المراد إضافته').locator('option', { hasText: `${GUEST} 03` }).waitFor({ state: 'attached' });
    // Choose the person as someone would: the list may still show an earlier search's first match.
    await people.getByLabel('الشخص المراد إضافته').selectOption({ label: `${GUEST} 03` });
    await people.getByLabel('الدور', { exact: true }).selectOption('guest');
    await people.getByRole('button', { name: 'أضف الشخص' }).click();
    await people.getByLabel('ابحث عن شخص').fill(`${GUEST} 07`);
    await people.getByLabel('الشخص المراد إضافته').locator('option', { hasText: `${GUEST} 07` }).waitFor({ state: 'attached' });
    // Choose the person as someone would: the list may still show an earlier search's first match.
    await people.getByLabel('الشخص المراد إضافته').selectOption({ label: `${GUEST} 07` });
    await people.getByLabel('الدور', { exact: true }).selectOption('host');
    await people.getByRole('button', { name: 'أضف الشخص' }).click();
    await people.getByLabel(`دور ${GUEST} 07`).waitFor();
    await page.getByLabel('التصنيف', { exact: true }).selectOption(culture.id);
    await page.getByText('تغييرات غير محفوظة').waitFor();
    await expectAccessible(page);
    await people.scrollIntoViewIfNeeded();
    await expectScreenshot(page, 'studio-program-people-ar-desktop');
    await page.keyboard.press('Control+s');
    await page.getByRole('status').filter({ hasText: 'حُفظ' }).waitFor();
    const saved = await cms(`/api/cms/programs/${program.id}`);
    const id = (label: string) => guests.find((g) => g.name === `${GUEST} ${label}`).id;
    expect(saved.categoryId).toBe(culture.id);
    expect(saved.people).toEqual([...program.people, { personId: id('03'), role: 'guest' }, { personId: id('07'), role: 'host' }]);

    // After a reload the links show by name; changing a role and removing a link saves the whole list.
    await page.reload();
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await people.getByLabel(`دور ${GUEST} 03`).selectOption('co-host');
    await people.getByRole('button', { name: `أزل ${GUEST} 07` }).click();
    await page.getByLabel('التصنيف', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'حُفظ' }).waitFor();
    const again = await cms(`/api/cms/programs/${program.id}`);
    expect(again.categoryId).toBeNull();
    expect(again.people).toEqual([...program.people, { personId: id('03'), role: 'co-host' }]);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('keeps the people list’s search, sort and page in the URL across a reload (Arabic, phone width)', async () => {
    const page = await signIn('ar', 'هدى', '/people', 390);
    await page.locator('tbody tr').first().waitFor();
    await page.getByLabel('بحث في الأسماء').fill(GUEST);
    await page.getByLabel('الترتيب').selectOption('name');
    await page.getByRole('button', { name: 'تطبيق' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === GUEST && url.searchParams.get('sort') === 'name');
    await page.getByRole('link', { name: `${GUEST} 01`, exact: true }).waitFor();
    expect(await page.locator('tbody tr td:first-child').allInnerTexts()).toEqual(guests.slice(0, 25).map((g) => g.name));
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-people-ar-phone');

    await page.getByRole('link', { name: 'الصفحة التالية' }).click();
    await page.waitForURL(/cursor=/);
    await page.getByRole('link', { name: `${GUEST} 26`, exact: true }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: `${GUEST} 26`, exact: true }).waitFor();
    expect(await page.locator('tbody tr td:first-child').allInnerTexts()).toEqual([`${GUEST} 26`]);
    expect(await page.getByLabel('بحث في الأسماء').inputValue()).toBe(GUEST);
    expect(await page.getByLabel('الترتيب').inputValue()).toBe('name');
    expect(await page.getByRole('link', { name: 'الصفحة التالية' }).count()).toBe(0);
    await page.getByRole('link', { name: 'الصفحة الأولى' }).click();
    await page.getByRole('link', { name: `${GUEST} 01`, exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.has('cursor')).toBe(false);
    await page.close();

    // The categories list at phone width in English, filtered to top-level ones by the parent filter.
    const phone = await signIn('en', 'هدى', '/categories', 390);
    await phone.getByLabel('Parent category').selectOption('root');
    await phone.getByRole('button', { name: 'Apply' }).click();
    await phone.waitForURL((url) => url.searchParams.get('parentId') === 'root');
    await phone.getByRole('link', { name: 'Culture', exact: true }).waitFor();
    const expected = await cms('/api/cms/categories?parentId=root&sort=-updatedAt&limit=25');
    expect(await phone.locator('tbody tr td:first-child').allInnerTexts()).toEqual(expected.items.map((c: Json) => c.nameEn));
    expect(await phone.getByRole('link', { name: 'History of al-Andalus' }).count()).toBe(0); // it has a parent
    await expectAccessible(phone);
    await expectScreenshot(phone, 'studio-categories-en-phone');
    await phone.close();
  }, 120_000);

  it('gives a viewer categories and people read-only (English)', async () => {
    const page = await signIn('en', 'Omar', '/categories');
    await page.getByRole('note').filter({ hasText: 'Read only' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    expect(await page.getByRole('link', { name: 'New category' }).count()).toBe(0);
    await page.goto(`${server.url}/studio/en/categories/${category.id}`);
    await page.getByRole('heading', { level: 1, name: 'History of al-Andalus' }).waitFor();
    expect(await page.getByLabel('Arabic name').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Move to trash' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Restore version/ }).count()).toBe(0);
    await page.keyboard.press('Control+s'); // the shortcut does nothing either
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-category-viewer-en-desktop');

    await page.getByRole('navigation', { name: 'Studio sections' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    expect(await page.getByRole('link', { name: 'New person' }).count()).toBe(0);
    await page.getByLabel('Search names').fill(guests[0].name);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('link', { name: guests[0].name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: guests[0].name }).waitFor();
    expect(await page.getByLabel('Name', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Move to trash' }).count()).toBe(0);
    expect((await cms(`/api/cms/categories/${category.id}`)).version).toBe(3);
    await page.close();
  }, 120_000);
});
