// What the browser tests of the studio share: a page that records its script errors, sign-in through the
// development issuer's page (as editors do on embedded defaults), and the checks every screen gets (axe-core,
// a non-blank screenshot).
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshot, seriousViolations } from './browser.js';

export type WatchedPage = Page & { errors: string[] };

export interface PageOptions {
  width?: number;
  timezoneId?: string;
}

/** Opens `url` in a new page and waits for hydration; the page's uncaught errors collect in `page.errors`. */
export async function openPage(browser: Browser, url: string, options: PageOptions = {}): Promise<WatchedPage> {
  const page = (await browser.newPage({
    viewport: { width: options.width ?? 1280, height: 900 },
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  })) as WatchedPage;
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(url);
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  return page;
}

/** The studio's sign-in button → the development issuer's page → the user's button → back in the studio. */
export async function signInAs(browser: Browser, serverUrl: string, locale: 'ar' | 'en', name: string, options: PageOptions & { path?: string } = {}): Promise<WatchedPage> {
  const page = await openPage(browser, `${serverUrl}/studio/${locale}${options.path ?? ''}`, options);
  await page.getByRole('button', { name: locale === 'ar' ? 'تسجيل الدخول' : 'Sign in', exact: true }).click();
  await page.waitForURL(`${serverUrl}/auth/dev/authorize?**`);
  await page.getByRole('button', { name: locale === 'ar' ? `الدخول باسم ${name}` : `Sign in as ${name}` }).click();
  await page.waitForURL(`${serverUrl}/studio/${locale}/**`);
  await page.locator('.user-name', { hasText: name }).waitFor();
  return page;
}

/** axe-core finds no serious or critical violation. */
export async function expectAccessible(page: Page) {
  const violations = await seriousViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

/** Writes test-results/screenshots/<name>.png and checks it is not blank. */
export async function expectScreenshot(page: Page, name: string) {
  const shot = await screenshot(page, name);
  expect(shot.stdev, `${shot.path} looks blank`).toBeGreaterThan(5);
}
