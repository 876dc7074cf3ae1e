// The listeners' site as a person uses it, in Debian's Chromium against a real server (embedded
// defaults, the demo catalogue, an episode with real processed audio): pages found by role and label,
// Arabic (RTL) and English, playback that survives navigation, search as you type, shareable search
// URLs, error pages, server-rendered head tags for crawlers, accessibility and screenshots.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { ffmpegBinary } from './support/media.js';
import { chromiumAvailable, launch, screenshot, seriousViolations } from './support/browser.js';
import { freePort, startServer, waitUntil, type Json, type RunningServer } from './support/server.js';

const enabled = chromiumAvailable();

describe.skipIf(!enabled)('the listeners’ site in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let program: Json; // the program whose newest episode has real audio
  let episode: Json;
  let draftId: string;
  let shelf: Json; // a category shelf of the home page
  let longProgram: Json; // 30 episodes: more than one page
  let videoEpisode: Json;
  const work = mkdtempSync(join(tmpdir(), 'thmnayah-site-test-'));

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    // The demo catalogue is seeded after start: wait until the read model has it.
    const home = await waitUntil('the seeded catalogue', async () => {
      const { status, body } = await server.api('GET', '/api/discovery/home');
      return status === 200 && body.featured.length > 0 && body.categories.length > 0 ? body : undefined;
    }, 120_000);
    shelf = home.categories[0].category;
    program = home.categories[0].programs[0];
    const { body: page } = await server.api('GET', `/api/discovery/programs/${encodeURIComponent(program.slug)}`);
    episode = page.episodes.items[0];

    // 12 s of a tone, uploaded through the CMS API and processed by the worker's FFmpeg.
    const audio = join(work, 'tone.wav');
    execFileSync(ffmpegBinary(), ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=12', '-ar', '44100', '-ac', '1', audio]);
    const editor = server.token('editor');
    const form = new FormData();
    form.append('file', new Blob([readFileSync(audio)], { type: 'audio/wav' }), 'tone.wav');
    const upload = await fetch(`${server.url}/api/cms/assets?ownerType=episode&ownerId=${episode.id}&kind=audio`, {
      method: 'POST', headers: { authorization: `Bearer ${editor}` }, body: form,
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const asset = (await upload.json()) as Json;
    // A short video for the second episode: video episodes play in the page.
    videoEpisode = page.episodes.items[1];
    const mp4 = join(work, 'clip.mp4');
    execFileSync(ffmpegBinary(), ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=426x240:rate=25:duration=6', '-f', 'lavfi', '-i', 'sine=frequency=330:duration=6',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-ac', '2', mp4]);
    const video = new FormData();
    video.append('file', new Blob([readFileSync(mp4)], { type: 'video/mp4' }), 'clip.mp4');
    const videoUpload = await fetch(`${server.url}/api/cms/assets?ownerType=episode&ownerId=${videoEpisode.id}&kind=video`, {
      method: 'POST', headers: { authorization: `Bearer ${editor}` }, body: video,
    });
    expect(videoUpload.status, await videoUpload.clone().text()).toBe(201);
    const videoAsset = (await videoUpload.json()) as Json;
    for (const id of [asset.id, videoAsset.id]) {
      await waitUntil(`asset ${id} to be processed`, async () => {
        const { body } = await server.api('GET', `/api/cms/assets/${id}`, { token: editor });
        if (body.status === 'failed') throw new Error(`processing failed: ${JSON.stringify(body)}`);
        return body.status === 'ready';
      }, 180_000);
    }
    episode = await waitUntil('the playable episode in Discovery', async () => {
      const { body } = await server.api('GET', `/api/discovery/episodes/${episode.id}`);
      return body.media?.some((m: Json) => m.mimeType === 'application/vnd.apple.mpegurl') ? body : undefined;
    });
    // Artwork for the program: a PNG the media pipeline turns into WebP sizes and a feed JPEG.
    const png = join(work, 'cover.png');
    await sharp({ create: { width: 1400, height: 1400, channels: 3, background: '#2a6f97' } }).png().toFile(png);
    const art = new FormData();
    art.append('file', new Blob([readFileSync(png)], { type: 'image/png' }), 'cover.png');
    const artUpload = await fetch(`${server.url}/api/cms/assets?ownerType=program&ownerId=${program.id}&kind=image`, {
      method: 'POST', headers: { authorization: `Bearer ${editor}` }, body: art,
    });
    expect(artUpload.status, await artUpload.clone().text()).toBe(201);
    program = await waitUntil('the artwork in Discovery', async () => {
      const { body } = await server.api('GET', `/api/discovery/programs/${encodeURIComponent(program.slug)}`);
      return body.program?.artworkUrl ? body.program : undefined;
    }, 120_000);

    // A program with more episodes than one page (24), for "load more".
    const big = await server.api('POST', '/api/cms/programs', { token: editor, body: { kind: 'podcast', title: 'برنامج طويل', language: 'ar' } });
    longProgram = big.body;
    await server.api('POST', `/api/cms/programs/${longProgram.id}/publish`, { token: editor });
    for (let n = 1; n <= 30; n++) {
      const created = await server.api('POST', '/api/cms/episodes', { token: editor, body: { programId: longProgram.id, title: `الحلقة رقم ${n}`, number: n } });
      await server.api('POST', `/api/cms/episodes/${created.body.id}/publish`, { token: editor });
    }
    await waitUntil('the long program in Discovery', async () => {
      const { body } = await server.api('GET', `/api/discovery/programs/${encodeURIComponent(longProgram.slug)}/episodes?limit=100`);
      return body.items?.length === 30;
    }, 60_000);

    // A draft: it exists in the CMS, and must not exist on the site.
    const draft = await server.api('POST', '/api/cms/episodes', { token: editor, body: { programId: program.id, title: 'مسودة لم تُنشر' } });
    expect(draft.status).toBe(201);
    draftId = draft.body.id;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  /** The shortest prefix of `word` (3 letters or more) the suggest API completes. */
  async function suggestible(word: string): Promise<string> {
    for (let length = 3; length <= word.length; length++) {
      const { body } = await server.api('GET', `/api/discovery/suggest?q=${encodeURIComponent(word.slice(0, length))}`);
      if (body.items?.length > 0) return word.slice(0, length);
    }
    throw new Error(`no suggestions for any prefix of ${word}`);
  }

  async function open(path: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    (page as Page & { errors: string[] }).errors = errors;
    await page.goto(`${server.url}${path}`);
    // Typing before React has hydrated would go to the server-rendered input only.
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    return page;
  }

  it('renders on the server what crawlers and link previews read: title, og: tags, canonical, hreflang, JSON-LD', async () => {
    const response = await fetch(`${server.url}/ar/programs/${encodeURIComponent(program.slug)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain(`<title>${escape(program.title)} · ثمنية</title>`);
    expect(html).toContain(`<meta property="og:title" content="${escape(program.title)}"/>`);
    expect(html).toContain(`<meta property="og:url" content="${server.url}/ar/programs/${encodeURIComponent(program.slug)}"/>`);
    expect(html).toContain(`<link rel="canonical" href="${server.url}/ar/programs/${encodeURIComponent(program.slug)}"/>`);
    expect(html).toContain(`hrefLang="en" href="${server.url}/en/programs/${encodeURIComponent(program.slug)}"`);
    expect(html).toMatch(/<meta name="twitter:card" content="summary/);
    const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    expect(jsonLd.map((d) => d['@type'])).toEqual(expect.arrayContaining(['PodcastSeries', 'BreadcrumbList']));
    expect(jsonLd.find((d) => d['@type'] === 'PodcastSeries')).toMatchObject({ name: program.title, webFeed: `${server.url}/feeds/${program.id}.xml` });
    // The episode list is in the HTML itself, not fetched later.
    expect(html).toContain(escape(episode.title));

    const episodeHtml = await (await fetch(`${server.url}/en/episodes/${episode.id}`)).text();
    expect(episodeHtml).toMatch(/<html lang="en" dir="ltr">/);
    const episodeLd = [...episodeHtml.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    const podcastEpisode = episodeLd.find((d) => d['@type'] === 'PodcastEpisode');
    expect(podcastEpisode).toMatchObject({ name: episode.title, partOfSeries: { '@type': 'PodcastSeries', name: program.title } });
    expect(podcastEpisode.associatedMedia.contentUrl).toMatch(/\/play\//);
  });

  it('caches pages by generation with ETags, and static assets as immutable', async () => {
    // The worker may still be indexing the upload, and the seed or trending may still move the read
    // model's generation: revalidate until a page stays the same between the two requests. A 200 instead
    // of a 304 is right only when the page changed meanwhile, so it must carry another ETag.
    const path = `/ar/episodes/${episode.id}`;
    const etags: string[] = [];
    await waitUntil('a 304 for an unchanged page', async () => {
      const [a, b] = [await fetch(`${server.url}${path}`), await fetch(`${server.url}${path}`, { headers: { 'accept-encoding': 'br' } })];
      const etag = b.headers.get('etag');
      if (!etag || a.headers.get('etag') !== etag || b.headers.get('content-encoding') !== 'br') return undefined;
      expect(etag).toMatch(/^W\/"/);
      etags.push(etag);
      const again = await fetch(`${server.url}${path}`, { headers: { 'if-none-match': etag } });
      if (again.status === 304) return true;
      expect(again.status).toBe(200);
      expect(again.headers.get('etag')).not.toBe(etag);
      return undefined;
    });
    expect(etags.length).toBeGreaterThan(0);
    const html = await (await fetch(`${server.url}/ar`)).text();
    const asset = /<link rel="modulepreload" href="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const script = await fetch(`${server.url}${asset}`, { headers: { 'accept-encoding': 'br' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('content-encoding')).toBe('br');
    // `/` picks the language from Accept-Language.
    const root = await fetch(`${server.url}/`, { redirect: 'manual', headers: { 'accept-language': 'en-US,en;q=0.9,ar;q=0.5' } });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/en');
    const arabic = await fetch(`${server.url}/`, { redirect: 'manual', headers: { 'accept-language': 'fr' } });
    expect(arabic.headers.get('location')).toBe('/ar');
  });

  it('home → category → program → episode → play: time advances, seeking works, playback survives navigation', async () => {
    const page = await open('/ar');
    await expect(page.getByRole('heading', { name: 'برامج مختارة' }).isVisible()).resolves.toBe(true);

    const category = shelf;
    await page.getByRole('link', { name: category.nameAr, exact: true }).first().click();
    await page.waitForURL(`**/ar/categories/${encodeURIComponent(category.slug)}`);
    await page.getByRole('heading', { level: 1, name: category.nameAr }).waitFor();
    await page.getByRole('link', { name: new RegExp(program.title) }).first().click();
    await page.getByRole('heading', { level: 1, name: program.title }).waitFor();
    await page.getByRole('link', { name: episode.title, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: episode.title }).waitFor();
    expect(page.url()).toBe(`${server.url}/ar/episodes/${episode.id}`);

    await page.getByRole('button', { name: 'شغّل الحلقة' }).click();
    const player = page.getByRole('region', { name: 'المشغّل' });
    await player.waitFor();
    const time = () => page.evaluate(() => document.querySelector('audio')?.currentTime ?? 0);
    await waitUntil('audio time to advance', async () => (await time()) > 1, 30_000);
    await expect(player.getByRole('button', { name: 'إيقاف مؤقت' }).isVisible()).resolves.toBe(true);

    await player.getByRole('slider', { name: 'موضع التشغيل' }).fill('8');
    await waitUntil('the seek to land', async () => (await time()) >= 7.5, 10_000);

    // Navigate away by client-side routing: the same player keeps playing.
    await page.getByRole('navigation', { name: 'التنقل الرئيسي' }).getByRole('link', { name: 'الرئيسية' }).click();
    await page.getByRole('heading', { name: 'أحدث الحلقات' }).waitFor();
    await expect(player.isVisible()).resolves.toBe(true);
    await page.evaluate(() => { (document.querySelector('audio') as HTMLAudioElement).currentTime = 2; });
    const before = await time();
    await waitUntil('playback to go on after navigation', async () => (await time()) > before + 0.5, 10_000);
    // Keyboard: k pauses.
    await page.locator('body').press('k');
    await player.getByRole('button', { name: 'تشغيل' }).waitFor();
    await screenshot(page, 'player-ar-desktop');

    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('suggests as you type in Arabic, navigable with the keyboard', async () => {
    const page = await open('/ar');
    const box = page.getByRole('combobox', { name: 'ابحث في البرامج والحلقات' });
    const word = [...program.title.split(/\s+/)].sort((a, b) => b.length - a.length)[0]!;
    const prefix = await suggestible(word);
    // The answer for the whole prefix (answers for shorter prefixes come first, and are replaced).
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/discovery/suggest' && new URL(r.url()).searchParams.get('q') === prefix);
    await box.pressSequentially(prefix, { delay: 40 });
    await answered;
    const options = page.getByRole('listbox', { name: 'اقتراحات' }).getByRole('option');
    await options.first().waitFor();
    expect(await options.count()).toBeGreaterThan(0);
    await box.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    const chosen = await page.locator(`[id="${active}"]`).innerText();
    await box.press('Enter');
    await page.waitForURL(/\/ar\/(programs|episodes|people)\//);
    // The chosen page's own heading (the home page's hidden one goes when the new page renders).
    const heading = await waitUntil('the chosen page', async () => {
      const text = (await page.getByRole('heading', { level: 1 }).first().innerText()).trim();
      return text && text !== 'ثمنية' ? text : undefined;
    });
    expect(chosen).toContain(heading);
    await page.close();
  });

  it('suggests in English, and a submitted search is a URL that reloads the same results', { timeout: 60_000 }, async () => {
    const word = await waitUntil('an English title', async () => {
      const { body } = await server.api('GET', '/api/discovery/episodes?language=en&limit=100');
      return (body.items as Json[] | undefined)?.flatMap((e) => e.title.split(/[^A-Za-z]+/)).find((w: string) => w.length >= 5);
    });
    const page = await open('/en');
    const box = page.getByRole('combobox', { name: 'Search programs and episodes' });
    await box.pressSequentially(await suggestible(word), { delay: 40 });
    await page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option').first().waitFor();
    await box.fill(word);
    await box.press('Enter');
    await page.waitForURL(`**/en/search?q=${word}`);
    const titles = () => page.locator('.hits .hit-title').allInnerTexts();
    await page.getByRole('heading', { level: 1, name: `Results: ${word}` }).waitFor();
    const found = await titles();
    expect(found.length).toBeGreaterThan(0);
    expect(await page.locator('.hits mark').count()).toBeGreaterThan(0);
    // A facet is a filter in the URL.
    await page.getByRole('complementary', { name: 'Filter results' }).getByRole('link', { name: /^Episodes/ }).click();
    await page.waitForURL(/type=episode/);
    const filtered = await titles();
    const shared = page.url();
    await page.reload();
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    expect(await titles()).toEqual(filtered);
    const other = await open(new URL(shared).pathname + new URL(shared).search);
    expect(await other.locator('.hits .hit-title').allInnerTexts()).toEqual(filtered);
    await other.close();
    await page.close();
  });

  it('shows the loading bar only for a navigation slower than 300 ms', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.clock.install();
    await page.goto(`${server.url}/ar`);
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    // Hold the next page's data until released: a slow answer, on the page's own (fake) clock.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/*.data*', async (route) => {
      await held;
      await route.continue();
    });
    // Time stands still in the page from here on, except when the test moves it.
    await page.clock.pauseAt(Date.now() + 60_000);
    await page.getByRole('navigation', { name: 'التنقل الرئيسي' }).getByRole('link', { name: 'التصنيفات' }).click();
    await page.clock.runFor(299);
    expect(await page.locator('.pending.visible').count()).toBe(0);
    await page.clock.runFor(2);
    await page.locator('.pending.visible').waitFor({ state: 'attached' });
    release();
    await page.getByRole('heading', { level: 1, name: 'التصنيفات' }).waitFor();
    await waitUntil('the bar to go', async () => (await page.locator('.pending.visible').count()) === 0);
    await page.close();
  });

  it('resumes where the listener left off, changes speed, and tells the lock screen what plays', async () => {
    const page = await open(`/en/episodes/${episode.id}`);
    await page.getByRole('button', { name: 'Play episode' }).click();
    const player = page.getByRole('region', { name: 'Player' });
    const time = () => page.evaluate(() => document.querySelector('audio')?.currentTime ?? 0);
    await waitUntil('playback', async () => (await time()) > 0.5, 30_000);
    await player.getByRole('combobox', { name: 'Playback speed' }).selectOption('1.5');
    expect(await page.evaluate(() => document.querySelector('audio')!.playbackRate)).toBe(1.5);
    expect(await page.evaluate(() => navigator.mediaSession.metadata?.title)).toBe(episode.title);
    expect(await page.evaluate(() => navigator.mediaSession.metadata?.artist)).toBe(program.title);
    await player.getByRole('slider', { name: 'Playback position' }).fill('7');
    await waitUntil('the seek', async () => (await time()) >= 6.5, 10_000);
    await player.getByRole('button', { name: 'Pause' }).click();
    await page.reload();
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Play episode' }).click();
    await waitUntil('playback to resume near 7 s', async () => (await time()) >= 6.5, 30_000);
    await page.close();
  }, 60_000);

  it('shows program artwork from the WebP renditions, loads more episodes by cursor, copies the feed URL, links people', async () => {
    const page = await open(`/ar/programs/${encodeURIComponent(program.slug)}`);
    const webp = await page.locator('.program-header picture source[type="image/webp"]').getAttribute('srcset');
    expect(webp).toMatch(/artwork-300\.webp 300w/);
    const url = /(\S+artwork-300\.webp)/.exec(webp!)![1]!;
    const image = await fetch(url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toBe(program.artworkUrl);
    await page.getByRole('button', { name: 'انسخ رابط الخلاصة' }).click();
    await page.getByRole('status').filter({ hasText: 'نُسخ الرابط' }).waitFor();
    expect(await page.getByRole('link', { name: 'خلاصة RSS' }).getAttribute('href')).toBe(`/feeds/${program.id}.xml`);
    const person = program.people[0];
    if (person) {
      await page.getByRole('link', { name: person.name, exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
    }
    await page.close();

    const long = await open(`/ar/programs/${encodeURIComponent(longProgram.slug)}`);
    const rows = long.locator('.episode-list > li');
    expect(await rows.count()).toBe(24);
    await long.getByRole('button', { name: 'المزيد من الحلقات' }).click();
    await waitUntil('the next page', async () => (await rows.count()) === 30);
    await expect(long.getByRole('button', { name: 'المزيد من الحلقات' }).count()).resolves.toBe(0);
    await long.close();
  });

  it('plays an MP3-only episode and lists its chapters (Podcasting 2.0 JSON), which seek when chosen', async () => {
    // Chapters served from another loopback origin, as an imported feed's chapters file would be.
    const chapters = createHttpServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json+chapters', 'access-control-allow-origin': '*' });
      response.end(JSON.stringify({ version: '1.2.0', chapters: [{ startTime: 0, title: 'المقدمة' }, { startTime: 6, title: 'الخلاصة' }] }));
    });
    const port = await freePort();
    await new Promise<void>((resolve) => chapters.listen(port, '127.0.0.1', resolve));
    try {
      const editor = server.token('editor');
      const mp3 = episode.media.find((m: Json) => m.mimeType === 'audio/mpeg');
      const created = await server.api('POST', '/api/cms/episodes', { token: editor, body: {
        programId: program.id, title: 'حلقة بفصول',
        media: [{ kind: 'audio', url: mp3.url, mimeType: 'audio/mpeg' }, { kind: 'chapters', url: `http://127.0.0.1:${port}/chapters.json`, mimeType: 'application/json+chapters' }],
      } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      await server.api('POST', `/api/cms/episodes/${created.body.id}/publish`, { token: editor });
      await waitUntil('the episode in Discovery', async () => (await server.api('GET', `/api/discovery/episodes/${created.body.id}`)).status === 200);
      const page = await open(`/ar/episodes/${created.body.id}`);
      await page.getByRole('button', { name: 'شغّل الحلقة' }).click();
      const player = page.getByRole('region', { name: 'المشغّل' });
      const time = () => page.evaluate(() => document.querySelector('audio')?.currentTime ?? 0);
      await waitUntil('MP3 playback', async () => (await time()) > 0.5, 30_000);
      expect(await page.evaluate(() => document.querySelector('audio')!.currentSrc)).toMatch(/\.mp3$/);
      await player.getByText('الفصول').click();
      await player.getByRole('button', { name: /الخلاصة/ }).click();
      await waitUntil('the chapter seek', async () => (await time()) >= 5.5, 10_000);
      await page.close();
    } finally {
      chapters.close();
    }
  }, 60_000);

  it('plays a video episode in the page', async () => {
    await waitUntil('the video in Discovery', async () => {
      const { body } = await server.api('GET', `/api/discovery/episodes/${videoEpisode.id}`);
      return body.media?.some((m: Json) => m.kind === 'video');
    });
    const page = await open(`/en/episodes/${videoEpisode.id}`);
    await page.getByText('Video episode').waitFor();
    await page.getByRole('button', { name: 'Play episode' }).click();
    const picture = page.getByRole('region', { name: 'Player' }).locator('video');
    await picture.waitFor({ state: 'visible' });
    await waitUntil('video time to advance', async () => (await picture.evaluate((v: HTMLVideoElement) => v.currentTime)) > 1, 30_000);
    const box = (await picture.boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    expect(await picture.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    await screenshot(page, 'video-en-desktop');
    await page.close();
  }, 60_000);

  it('switches language, and the layout flips between RTL and LTR', async () => {
    const page = await open(`/ar/programs/${encodeURIComponent(program.slug)}`);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    const brandAr = (await page.getByRole('link', { name: /ثمنية/ }).first().boundingBox())!;
    expect(brandAr.x).toBeGreaterThan(640); // right-hand side
    await page.getByRole('link', { name: 'Switch to English' }).click();
    await page.waitForURL(`**/en/programs/${encodeURIComponent(program.slug)}`);
    await page.getByRole('link', { name: 'التبديل إلى العربية' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    const brandEn = (await page.getByRole('link', { name: /Thmnayah/ }).first().boundingBox())!;
    expect(brandEn.x).toBeLessThan(640);
    await expect(page.getByRole('button', { name: 'Copy feed URL' }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('answers unknown, draft and absurd URLs with its own pages, never JSON or a stack trace', async () => {
    const cases: [string, number, RegExp][] = [
      [`/ar/episodes/${draftId}`, 404, /الصفحة غير موجودة/],
      ['/ar/programs/no-such-program', 404, /الصفحة غير موجودة/],
      ['/en/episodes/not-a-uuid', 404, /Page not found/],
      ['/fr/anything', 404, /الصفحة غير موجودة/],
      ['/en/search?q=x&kind=bogus', 400, /Bad request/],
      ['/en/search?cursor=%E2%80%AEforged', 400, /Bad request/],
      [`/en/programs/${'x'.repeat(300)}`, 400, /Bad request/],
      ['/en/categories/%ZZ', 400, /./],
    ];
    for (const [path, status, text] of cases) {
      const response = await fetch(`${server.url}${path}`);
      const body = await response.text();
      expect(response.status, path).toBe(status);
      expect(response.headers.get('content-type'), path).toMatch(/text\/html|problem\+json/);
      if (response.headers.get('content-type')!.startsWith('text/html')) expect(body, path).toMatch(text);
      expect(body, path).not.toMatch(/at .*\.(js|ts):\d+/);
    }
    const page = await open(`/ar/episodes/${draftId}`);
    await page.getByRole('heading', { level: 1, name: 'الصفحة غير موجودة' }).waitFor();
    await expect(page.getByRole('link', { name: 'العودة إلى الرئيسية' }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core) on the main pages', async () => {
    const paths = ['/ar', '/en', `/ar/programs/${encodeURIComponent(program.slug)}`, `/ar/episodes/${episode.id}`, '/ar/categories', `/en/search?q=${encodeURIComponent(program.title.split(' ')[0])}`];
    for (const path of paths) {
      const page = await open(path);
      await page.waitForLoadState('networkidle');
      const violations = await seriousViolations(page);
      expect(violations, `${path}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      await page.close();
    }
  }, 60_000);

  it('writes non-blank screenshots of the main pages at phone and desktop widths', async () => {
    const pages: [string, string][] = [
      ['home-ar', '/ar'], ['home-en', '/en'], ['program-ar', `/ar/programs/${encodeURIComponent(program.slug)}`],
      ['episode-ar', `/ar/episodes/${episode.id}`], ['episode-en', `/en/episodes/${episode.id}`],
      ['search-ar', `/ar/search?q=${encodeURIComponent(program.title.split(' ')[0])}`], ['not-found-ar', '/ar/programs/no-such-program'],
    ];
    for (const [name, path] of pages) {
      for (const [width, label] of [[390, 'phone'], [1280, 'desktop']] as const) {
        const page = await open(path, width);
        await page.waitForLoadState('networkidle');
        const { stdev } = await screenshot(page, `${name}-${label}`);
        expect(stdev, `${name}-${label}`).toBeGreaterThan(10);
        // Nothing wider than the screen at 390 px.
        if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await page.close();
      }
      // The narrowest phones (320 px): still no horizontal scrolling.
      const narrow = await open(path, 320);
      await narrow.waitForLoadState('networkidle');
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth), `${name} at 320 px`).toBeLessThanOrEqual(320);
      await narrow.close();
    }
  }, 120_000);
});

describe.skipIf(!enabled)('the site while the API fails for a moment', () => {
  let upstream: RunningServer;
  let web: RunningServer;
  let proxy: Server;
  let failing = false;

  beforeAll(async () => {
    upstream = await startServer();
    await waitUntil('the seeded catalogue', async () => {
      const { body } = await upstream.api('GET', '/api/discovery/programs?limit=2');
      return body.items?.length >= 2;
    }, 120_000);
    // A loopback proxy in front of the upstream's API that can be told to answer 503.
    const port = await freePort();
    proxy = createHttpServer(async (request, response) => {
      if (failing) {
        response.writeHead(503, { 'content-type': 'application/problem+json' }).end('{"status":503}');
        return;
      }
      const answer = await fetch(`${upstream.url}${request.url}`);
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
    web = await startServer({ roles: 'web', seed: false, env: { WEB_API_URL: `http://127.0.0.1:${port}` } });
  }, 240_000);

  afterAll(async () => {
    await web?.stop();
    proxy?.close();
    await upstream?.stop();
  });

  it('keeps serving pages it has, shows its own 503 page for the rest, and recovers', async () => {
    const { body } = await upstream.api('GET', '/api/discovery/programs?limit=2');
    const [a, b] = body.items as Json[];
    const pageA = await fetch(`${web.url}/ar/programs/${encodeURIComponent(a.slug)}`);
    expect(pageA.status).toBe(200);
    failing = true;
    const again = await fetch(`${web.url}/ar/programs/${encodeURIComponent(a.slug)}`);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain(a.title.replace(/&/g, '&amp;'));
    const pageB = await fetch(`${web.url}/ar/programs/${encodeURIComponent(b.slug)}`);
    expect(pageB.status).toBe(503);
    expect(pageB.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await pageB.text()).toContain('الخدمة غير متاحة مؤقتاً');
    failing = false;
    const recovered = await fetch(`${web.url}/ar/programs/${encodeURIComponent(b.slug)}`);
    expect(recovered.status).toBe(200);
  }, 60_000);
});
