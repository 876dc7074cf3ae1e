// The studio's import, subscriptions and admin screens, and its production sign-in path, in Debian's
// Chromium. The server runs with OIDC_ISSUER pointing at a Keycloak-shaped issuer on loopback (realm
// URLs, login page, code + PKCE, refresh, end-session: ../../server/test/support/realm-issuer.ts), so
// every sign-in here is the one production uses. A shared test feed is served on loopback and imported
// through preview → confirm → progress → summary; its subscription is listed, paused, resumed and synced
// now; dead letters (one parked in the database before the server starts) and admin tasks are shown to
// an admin only; a 401 in mid-session brings the editor back to sign-in on the same page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launch } from './support/browser.js';
import { expectAccessible, expectScreenshot, openPage } from './support/studio.js';
import { migratedDataDir, startServer, type RunningServer } from './support/server.js';
import { startRealmIssuer, type RealmIssuer } from '../../server/test/support/realm-issuer.js';
import { startFeedServer, type FeedServer } from '../../server/test/ingest/feed-server.js';
import { openPglite } from '../../server/src/platform/db/pglite.js';

const enabled = chromiumAvailable();
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../server/fixtures/feeds/${name}`, import.meta.url)), 'utf8');

describe.skipIf(!enabled)('the studio’s import, subscriptions and admin screens, signed in through a realm-shaped OIDC issuer', () => {
  let realm: RealmIssuer;
  let feeds: FeedServer;
  let server: RunningServer;
  let browser: Browser;
  let editorToken: string;
  let adminToken: string;
  let feedUrl: string;
  let programTitle: string;

  beforeAll(async () => {
    realm = await startRealmIssuer({
      clientId: 'thmnayah-studio', audience: 'thmnayah-cms',
      users: [
        { username: 'huda', password: 'huda-pass', name: 'هدى', roles: ['editor'] },
        { username: 'salma', password: 'salma-pass', name: 'Salma', roles: ['admin'] },
      ],
    });
    feeds = await startFeedServer();
    feedUrl = `${feeds.url}/arabic.xml`;
    // Its files point at this loopback server too (an import with media fetches them; nothing leaves the machine).
    let file = 0;
    const arabic = fixture('derived_ar_replyall-structure.xml')
      .replace(/(<enclosure\b[^>]*\burl=")[^"]+(")/g, (_m, a: string, b: string) => `${a}${feeds.url}/media/${++file}.mp3${b}`)
      .replace(/(<itunes:image\b[^>]*\bhref=")[^"]+(")/g, (_m, a: string, b: string) => `${a}${feeds.url}/art.png${b}`);
    feeds.route('/arabic.xml', { body: arabic, etag: true });
    for (let i = 1; i <= 3; i++) feeds.route(`/media/${i}.mp3`, { status: 404 });
    feeds.route('/art.png', { status: 404 });
    // A dead letter parked before the server starts (a migrated data directory, insert, close it):
    // nothing in a healthy test run would make one.
    const dataDir = migratedDataDir('thmnayah-web-admin-');
    const db = await openPglite({ dataDir: join(dataDir, 'pglite') });
    await db.query(
      `insert into event_dead_letters (consumer, event_id, event_type, event, attempts, last_error) values ($1, $2, $3, $4, $5, $6)`,
      ['web-test-mailer', '0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61', 'episode.published',
        JSON.stringify({ id: '0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61', type: 'episode.published', data: { title: 'حلقة تجريبية' } }), 8,
        'Error: SMTP server 127.0.0.1:2525 refused the connection (ECONNREFUSED)'],
    );
    await db.close();
    server = await startServer({
      dataDir, seed: false,
      env: { OIDC_ISSUER: realm.issuer, OIDC_AUDIENCE: 'thmnayah-cms', OIDC_STUDIO_CLIENT_ID: 'thmnayah-studio', INGEST_ALLOWED_NETWORKS: '127.0.0.1/32' },
    });
    browser = await launch();
    editorToken = await realm.accessToken('huda');
    adminToken = await realm.accessToken('salma');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await feeds?.close();
    await realm?.close();
  });

  const open = (path: string) => openPage(browser, `${server.url}${path}`);

  /** The studio's sign-in button → the realm's login page → username and password → back in the studio. */
  async function logIn(page: Page, locale: 'ar' | 'en', username: string) {
    await page.getByRole('button', { name: locale === 'ar' ? 'تسجيل الدخول' : 'Sign in', exact: true }).click();
    await page.waitForURL(`${realm.issuer}/protocol/openid-connect/auth?**`);
    await page.getByLabel('Username or email').fill(username);
    await page.getByLabel('Password').fill(`${username}-pass`);
    await page.getByRole('button', { name: 'Sign In' }).click();
    await page.waitForURL(`${server.url}/studio/${locale}/**`);
  }

  async function signIn(locale: 'ar' | 'en', username: string, name: string, path = ''): Promise<Page> {
    const page = await open(`/studio/${locale}${path}`);
    await logIn(page, locale, username);
    await page.locator('.user-name', { hasText: name }).waitFor();
    return page;
  }


  it('signs an editor in through the realm-shaped issuer (code + PKCE): back on the page that asked, no admin screens', async () => {
    expect((await server.api('GET', '/api/studio/config')).body).toMatchObject({ authority: realm.issuer, clientId: 'thmnayah-studio', provider: 'oidc' });
    // The development issuer is off: the production path is the only one.
    expect((await server.api('GET', '/auth/dev/.well-known/openid-configuration')).status).toBe(404);
    const page = await signIn('ar', 'huda', 'huda', '/imports');
    expect(new URL(page.url()).pathname).toBe('/studio/ar/imports');
    // The CMS names a realm user by preferred_username, as Keycloak sends it (verifier.ts).
    expect((await server.api('GET', '/api/cms/me', { token: editorToken })).body).toEqual({ sub: 'sub-huda', name: 'huda', roles: ['editor'] });
    expect(await page.locator('.user-role').innerText()).toBe('محرر');
    const nav = page.getByRole('navigation', { name: 'أقسام الاستوديو' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['البرامج', 'الحلقات', 'التصنيفات', 'الأشخاص', 'الاستيراد', 'الاشتراكات', 'الاستماع', 'تحليلات البحث', 'المهملات']);
    // The code was redeemed at the realm's token endpoint with a PKCE verifier.
    expect(realm.requests).toEqual(expect.arrayContaining(['/realms/thmnayah/protocol/openid-connect/auth', '/realms/thmnayah/protocol/openid-connect/token']));
    await page.close();
  }, 90_000);

  it('imports a shared test feed from a loopback URL: preview (nothing written) → confirm → progress → summary (Arabic)', async () => {
    const page = await signIn('ar', 'huda', 'huda', '/imports');
    await page.getByRole('heading', { level: 1, name: 'الاستيراد' }).waitFor();
    await page.getByLabel('رابط خلاصة RSS أو قناة يوتيوب').fill(feedUrl);
    await page.getByRole('button', { name: 'اعرض ما سيُستورد' }).click();
    const preview = page.getByRole('region', { name: 'معاينة الاستيراد' });
    await preview.waitFor();
    const { body: previewed } = await server.api('POST', '/api/cms/imports/preview', { token: editorToken, body: { url: feedUrl } });
    programTitle = previewed.program.title;
    expect(previewed.episodes).toMatchObject({ total: 3, new: 3 });
    expect(await preview.getByText('برنامج جديد سيُنشأ').count()).toBe(1);
    await preview.getByText(programTitle).first().waitFor();
    const counts = preview.getByRole('table', { name: 'ما سيحدث للحلقات' });
    expect(await counts.getByRole('row', { name: /جديدة/ }).innerText()).toContain('٣');
    expect(await preview.getByRole('table', { name: 'أول حلقات الخلاصة' }).getByRole('row').count()).toBe(4); // header + 3 items
    // Previewing wrote nothing.
    expect((await server.api('GET', '/api/cms/imports', { token: editorToken })).body.items).toEqual([]);
    expect((await server.api('GET', '/api/cms/subscriptions', { token: editorToken })).body.items).toEqual([]);
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-import-preview-ar-desktop');

    // Bringing the media along: the summary says how many files the worker will fetch and process.
    await page.getByLabel('انقل الصوت والفيديو والصور إلى تخزيننا وعالجها').check();
    await preview.getByRole('button', { name: 'أكّد الاستيراد' }).click();
    const run = page.getByRole('region', { name: /^استيراد / });
    await run.getByLabel('تقدّم الاستيراد').waitFor();
    await run.getByRole('status').filter({ hasText: 'اكتمل الاستيراد' }).waitFor({ timeout: 60_000 });
    const summary = (await server.api('GET', '/api/cms/imports?limit=1', { token: editorToken })).body.items[0].summary;
    expect(summary.episodes).toMatchObject({ new: 3, updated: 0, unchanged: 0, failed: 0 });
    expect(await run.getByRole('table', { name: 'ملخص الحلقات' }).getByRole('row', { name: /جديدة/ }).innerText()).toContain('٣');
    expect(summary.mediaQueued).toBe(4); // three enclosures and the program's artwork
    expect(await run.getByRole('table', { name: 'ملخص الحلقات' }).getByRole('row', { name: /ملفات وسائط ستُنقل/ }).innerText()).toContain('٤');
    await run.getByRole('link', { name: summary.program.title }).waitFor();
    await expectScreenshot(page, 'studio-import-summary-ar-desktop');

    // Previewed again: the subscribed program, nothing new.
    await page.getByRole('button', { name: 'اعرض ما سيُستورد' }).click();
    await preview.getByText('برنامج موجود بلا تغيير').waitFor();
    await preview.getByText('هذه الخلاصة مشترك فيها', { exact: false }).waitFor();
    await page.close();
  }, 120_000);

  it('answers a URL that is not a feed with the reason, before anything is imported (English)', async () => {
    feeds.route('/page.html', { body: '<!DOCTYPE html><html><head><title>Moved</title></head><body>moved</body></html>', contentType: 'text/html' });
    const page = await signIn('en', 'huda', 'huda', '/imports');
    await page.getByLabel('Podcast RSS or YouTube feed URL').fill(`${feeds.url}/page.html`);
    await page.getByRole('button', { name: 'Preview import' }).click();
    await page.getByRole('alert').filter({ hasText: 'an HTML page, not a feed' }).waitFor();
    expect(await page.getByRole('region', { name: 'Import preview' }).count()).toBe(0);
    await page.close();
  }, 60_000);

  it('lists the subscription with its last sync; pauses, resumes and syncs it now (English)', async () => {
    const page = await signIn('en', 'huda', 'huda', '/subscriptions');
    await page.getByRole('heading', { level: 1, name: 'Subscriptions' }).waitFor();
    const table = page.getByRole('table', { name: 'Subscriptions' });
    const row = table.getByRole('row').filter({ hasText: programTitle });
    await row.waitFor();
    expect(await row.innerText()).toContain(feedUrl);
    expect(await row.innerText()).toContain('Active');
    expect(await row.innerText()).toContain('imported');
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-subscriptions-en-desktop');

    await row.getByRole('button', { name: `Pause “${programTitle}”` }).click();
    await row.getByRole('button', { name: `Resume “${programTitle}”` }).waitFor();
    expect(await row.innerText()).toContain('Paused');
    const { body } = await server.api('GET', '/api/cms/subscriptions', { token: editorToken });
    expect(body.items[0]).toMatchObject({ active: false, feedUrl });
    await row.getByRole('button', { name: `Resume “${programTitle}”` }).click();
    await row.getByRole('button', { name: `Pause “${programTitle}”` }).waitFor();

    const before = body.items[0].lastSuccessAt;
    await row.getByRole('button', { name: `Sync “${programTitle}” now` }).click();
    await page.getByRole('status').filter({ hasText: `Synced “${programTitle}”: 0 new, 0 updated.` }).waitFor({ timeout: 60_000 });
    const after = (await server.api('GET', '/api/cms/subscriptions', { token: editorToken })).body.items[0];
    expect(after.active).toBe(true);
    expect(Date.parse(after.lastSuccessAt)).toBeGreaterThan(Date.parse(before));
    await page.close();
  }, 90_000);

  it('keeps admin screens from an editor: no links, and a clear "not allowed" at their URLs (both languages)', async () => {
    const page = await signIn('en', 'huda', 'huda', '/admin/tasks');
    await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('for administrators only');
    const nav = page.getByRole('navigation', { name: 'Studio sections' });
    for (const name of ['Users', 'Dead letters', 'Admin tasks']) expect(await nav.getByRole('link', { name }).count()).toBe(0);
    await page.goto(`${server.url}/studio/ar/admin/dead-letters`);
    await page.getByRole('heading', { level: 1, name: 'غير مسموح' }).waitFor();
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-not-allowed-ar-desktop');
    // The API agrees.
    expect((await server.api('GET', '/api/cms/admin/tasks', { token: editorToken })).status).toBe(403);
    await page.close();
  }, 60_000);

  it('shows an admin the dead letters: list, inspect, retry (English), and the list in Arabic', async () => {
    const page = await signIn('en', 'salma', 'Salma', '/programs');
    const nav = page.getByRole('navigation', { name: 'Studio sections' });
    await nav.getByRole('link', { name: 'Dead letters' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dead letters' }).waitFor();
    const table = page.getByRole('table', { name: 'Dead letters' });
    const row = table.getByRole('row').filter({ hasText: 'web-test-mailer' });
    await row.waitFor();
    expect(await row.innerText()).toContain('episode.published');
    await row.getByText('Details of dead letter 1').click();
    await row.getByText('"title": "حلقة تجريبية"', { exact: false }).waitFor();
    await row.getByText('ECONNREFUSED', { exact: false }).first().waitFor();
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-dead-letters-en-desktop');

    await row.getByRole('button', { name: 'Retry dead letter 1' }).click();
    await page.getByRole('status').filter({ hasText: 'Retry requested: 1' }).waitFor();
    // Still open while no consumer of that name has replayed it; shown as waiting.
    await row.getByRole('cell', { name: 'Waiting for retry' }).waitFor();
    const { body } = await server.api('POST', '/api/cms/admin/tasks/events.dead-letters', { token: adminToken, body: { status: 'all' } });
    expect(typeof body === 'string' ? body : JSON.stringify(body)).toContain('"status":"replay"');

    await page.goto(`${server.url}/studio/ar/admin/dead-letters?status=all`);
    await page.getByRole('heading', { level: 1, name: 'الرسائل المتعذّرة' }).waitFor();
    await page.getByRole('table', { name: 'الرسائل المتعذّرة' }).getByRole('cell', { name: 'بانتظار الإعادة' }).waitFor();
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-dead-letters-ar-desktop');
    await page.close();
  }, 90_000);

  it('lists admin tasks and runs one with its parameters, showing its streamed result (Arabic, then English)', async () => {
    const page = await signIn('ar', 'salma', 'Salma', '/admin/tasks');
    await page.getByRole('heading', { level: 1, name: 'المهام الإدارية' }).waitFor();
    await page.locator('dt', { hasText: 'events.dead-letters' }).waitFor();
    await page.getByLabel('المهمة').selectOption('events.dead-letters');
    const form = page.getByRole('form', { name: 'events.dead-letters' });
    await form.getByLabel('status').selectOption('all');
    await form.getByLabel('limit').fill('5');
    await form.getByRole('button', { name: 'شغّل المهمة' }).click();
    await form.getByRole('status').filter({ hasText: 'انتهت المهمة' }).waitFor();
    expect(await form.getByLabel('المخرجات', { exact: true }).last().innerText()).toContain('web-test-mailer');
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-tasks-ar-desktop');

    // Bad parameters come back as the server's problem, on the form.
    await page.goto(`${server.url}/studio/en/admin/tasks?task=events.replay`);
    const replay = page.getByRole('form', { name: 'events.replay' });
    await replay.getByRole('button', { name: 'Run task' }).click();
    await replay.getByRole('alert').filter({ hasText: 'Say which dead letters to replay' }).waitFor();
    await replay.getByLabel('ids (JSON)').fill('[1');
    await replay.getByRole('button', { name: 'Run task' }).click();
    await replay.getByRole('alert').filter({ hasText: 'ids is not valid JSON' }).waitFor();
    await replay.getByLabel('ids (JSON)').fill('[1]');
    await replay.getByRole('button', { name: 'Run task' }).click();
    await replay.getByRole('status').filter({ hasText: 'Task finished' }).waitFor();
    expect(await replay.getByLabel('Output', { exact: true }).last().innerText()).toContain('"requested"');
    await expectScreenshot(page, 'studio-tasks-en-desktop');
    await page.close();
  }, 90_000);

  it('brings an editor whose token is refused mid-session back to sign-in on the same page, then back to work', async () => {
    const page = await signIn('en', 'huda', 'huda', '/episodes?status=draft');
    await page.getByRole('heading', { level: 1, name: 'Episodes' }).waitFor();
    // The session is revoked at the realm and the access token no longer verifies (as after a key
    // rotation): the next CMS request answers 401.
    realm.revokeAll();
    await page.evaluate(() => {
      for (const key of Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:'))) {
        const user = JSON.parse(sessionStorage.getItem(key)!) as { access_token: string };
        user.access_token = `${user.access_token.slice(0, -8)}AAAAAAAA`;
        sessionStorage.setItem(key, JSON.stringify(user));
      }
    });
    await page.getByRole('navigation', { name: 'Studio sections' }).getByRole('link', { name: 'Subscriptions' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your session has ended' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/studio/en/subscriptions');
    await page.getByRole('heading', { name: 'Sign in to the studio' }).waitFor();
    await expectScreenshot(page, 'studio-session-ended-en-desktop');
    await logIn(page, 'en', 'huda');
    expect(new URL(page.url()).pathname).toBe('/studio/en/subscriptions');
    await page.getByRole('table', { name: 'Subscriptions' }).getByRole('row').filter({ hasText: programTitle }).waitFor();
    await page.close();
  }, 90_000);

  it('refuses a token of the realm for another audience, and anything without a token', async () => {
    const other = await server.api('GET', '/api/cms/programs', { token: await realm.accessToken('huda', { audience: 'account' }) });
    expect(other.status).toBe(401);
    expect(other.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await server.api('GET', '/api/cms/programs')).status).toBe(401);
    expect((await server.api('GET', '/api/cms/programs', { token: editorToken })).status).toBe(200);
  });

});
