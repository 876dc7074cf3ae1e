// The studio's media section in Chromium against a real server on embedded defaults (PGlite, local
// storage, the worker in the same process), with MEDIA_PRESIGNED_UPLOAD_BYTES lowered to 64 KiB so the
// generated files take the presigned path: the studio asks for an upload URL (the server signs its own
// /media URL), PUTs the bytes with byte progress (the upload throttled through the DevTools protocol so
// progress is seen between 0 and 100), completes, and follows processing to "ready". Cancel while the
// bytes travel and while FFmpeg runs; process again; program artwork shown with its warnings beside
// it, in English and Arabic; axe-core on the upload screen; screenshots.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ffmpegBinary } from './support/media.js';
import { chromiumAvailable, launch } from './support/browser.js';
import { expectAccessible, expectScreenshot, signInAs } from './support/studio.js';
import { startServer, waitUntil, type Json, type RunningServer } from './support/server.js';

const enabled = chromiumAvailable();

describe.skipIf(!enabled)('the studio’s media section in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let editorToken: string;
  let program: Json;
  let episode: Json;
  const work = mkdtempSync(join(tmpdir(), 'thmnayah-studio-media-'));
  const file = (name: string) => join(work, name);
  const ffmpeg = (args: string[]) => execFileSync(ffmpegBinary(), ['-v', 'error', '-y', ...args]);

  beforeAll(async () => {
    server = await startServer({ seed: false, env: { MEDIA_PRESIGNED_UPLOAD_BYTES: '65536' } });
    browser = await launch();
    editorToken = server.token('editor');
    const added = await server.api('POST', '/api/cms/admin/tasks/users.add', { token: server.token('admin'), body: { sub: 'huda', name: 'هدى', roles: ['editor'] } });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    program = (await server.api('POST', '/api/cms/programs', { token: editorToken, body: { kind: 'podcast', title: 'برنامج الوسائط', language: 'ar' } })).body;
    episode = (await server.api('POST', '/api/cms/episodes', { token: editorToken, body: { programId: program.id, title: 'حلقة بصوت مولَّد' } })).body;
    expect(episode.id).toBeTruthy();
    // 6 s tone (about 530 KB), 20 s of noise (1.8 MB, to cancel in flight), a 5-minute MP3 (to cancel while
    // FFmpeg runs), and an 800×600 cover: not square, under 1400 px.
    ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=440:duration=6', '-ar', '44100', '-ac', '1', file('tone.wav')]);
    ffmpeg(['-f', 'lavfi', '-i', 'anoisesrc=color=pink:duration=20:amplitude=0.2', '-ar', '44100', '-ac', '1', file('noise.wav')]);
    ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=300:duration=300', '-ac', '1', '-b:a', '64k', file('long.mp3')]);
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#0f3d3e' } })
      .composite([{ input: Buffer.from('<svg width="800" height="600"><circle cx="400" cy="300" r="220" fill="#b4451f"/></svg>') }])
      .png().toFile(file('cover.png'));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const signIn = (locale: 'ar' | 'en', path: string) => signInAs(browser, server.url, locale, 'هدى', { path });

  /** Slows uploads (bytes per second) so progress can be watched and an upload cancelled in flight. */
  async function throttleUploads(page: Page, bytesPerSecond: number) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
  }

  /** Records every value the upload's progress bar takes, and the requests the page makes. */
  async function watchUpload(page: Page) {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { seen: number[] }).seen = seen;
      setInterval(() => {
        const bar = document.querySelector<HTMLProgressElement>('.upload-run progress');
        if (bar && seen.at(-1) !== bar.value) seen.push(bar.value);
      }, 20);
    });
    return { requests, seen: () => page.evaluate(() => (window as unknown as { seen: number[] }).seen) };
  }


  const item = (section: Locator, name: string) => section.getByRole('listitem').filter({ hasText: name });

  it('uploads a large file through the presigned path with byte progress, follows it to "ready", then processes it again (Arabic)', async () => {
    const page = await signIn('ar', `/episodes/${episode.id}`);
    const media = page.getByRole('region', { name: 'الوسائط' });
    await media.getByText('لم يُرفع ملف بعد.').or(media.getByLabel('ملف صوتي أو مرئي أو صورة')).first().waitFor();
    await throttleUploads(page, 200 * 1024);
    const upload = await watchUpload(page);
    await media.getByLabel('ملف صوتي أو مرئي أو صورة').setInputFiles(file('tone.wav'));
    await media.getByText('ملف كبير: يُرفع مباشرة إلى التخزين ثم يُتحقق منه.', { exact: false }).waitFor();
    await media.getByRole('status').filter({ hasText: 'اكتمل الرفع.' }).waitFor({ timeout: 30_000 });
    const seen = await upload.seen();
    expect(seen.at(-1)).toBe(100);
    expect(seen.some((v) => v > 0 && v < 100), `progress values seen: ${seen.join(', ')}`).toBe(true);
    // The bytes went to the server's own signed /media URL, not through the CMS upload route.
    expect(upload.requests).toContain('POST /api/cms/assets/uploads');
    expect(upload.requests.some((r) => /^PUT \/media\/assets\/[0-9a-f-]+\/original\/source$/.test(r))).toBe(true);
    expect(upload.requests.some((r) => /^POST \/api\/cms\/assets\/[0-9a-f-]+\/complete$/.test(r))).toBe(true);
    expect(upload.requests).not.toContain('POST /api/cms/assets');
    expect(await media.locator('.upload-run').innerText()).toMatch(/tone\.wav: .*٥٢٩.* من .*٥٢٩/) // 529 kB, in Arabic digits;

    const tone = item(media, 'tone.wav');
    await tone.getByRole('status').filter({ hasText: 'جاهز' }).waitFor({ timeout: 120_000 });
    await expectAccessible(page);
    await media.scrollIntoViewIfNeeded();
    await expectScreenshot(page, 'studio-media-ready-ar');

    // Process again: back through the queue to "ready", a second job.
    await tone.getByRole('button', { name: 'أعد المعالجة' }).click();
    await tone.getByRole('button', { name: 'ألغِ المعالجة' }).or(tone.getByRole('status').filter({ hasText: 'جاهز' })).first().waitFor();
    await waitUntil('the second job', async () => {
      const assets = await server.api('GET', `/api/cms/assets?ownerType=episode&ownerId=${episode.id}`, { token: editorToken });
      const asset = assets.body.items.find((a: Json) => a.original.fileName === 'tone.wav');
      const jobs = await server.api('GET', `/api/cms/assets/${asset.id}/jobs`, { token: editorToken });
      return asset.status === 'ready' && jobs.body.items.length === 2 && jobs.body.items[0].reason === 'reprocess';
    }, 120_000);
    await tone.getByRole('status').filter({ hasText: 'جاهز' }).waitFor({ timeout: 30_000 });
    await tone.getByRole('button', { name: 'أعد المعالجة' }).waitFor();
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('cancels an upload while its bytes travel, and processing while FFmpeg runs (English)', async () => {
    const page = await signIn('en', `/episodes/${episode.id}`);
    const media = page.getByRole('region', { name: 'Media' });
    await item(media, 'tone.wav').waitFor();
    await throttleUploads(page, 100 * 1024);
    const upload = await watchUpload(page);
    await media.getByLabel('Audio, video or image file').setInputFiles(file('noise.wav'));
    await waitUntil('some bytes sent', async () => (await upload.seen()).some((v) => v > 0));
    await media.getByRole('button', { name: 'Cancel upload' }).click();
    await media.getByRole('status').filter({ hasText: 'Upload cancelled.' }).waitFor();
    expect((await upload.seen()).at(-1)).toBeLessThan(100);
    await waitUntil('the pending upload cancelled', async () => {
      const assets = await server.api('GET', `/api/cms/assets?ownerType=episode&ownerId=${episode.id}`, { token: editorToken });
      return assets.body.items.find((a: Json) => a.original.fileName === 'noise.wav')?.status === 'cancelled';
    });

    // Full speed again: a 5-minute file, cancelled once FFmpeg reports progress.
    await throttleUploads(page, -1);
    await media.getByLabel('Audio, video or image file').setInputFiles(file('long.mp3'));
    const long = item(media, 'long.mp3');
    await long.getByRole('status').filter({ hasText: /Processing \d+%/ }).waitFor({ timeout: 120_000 });
    await long.getByLabel('Processing progress').waitFor();
    await media.scrollIntoViewIfNeeded();
    await expectScreenshot(page, 'studio-media-processing-en');
    await expectAccessible(page);
    await long.getByRole('button', { name: 'Cancel processing' }).click();
    await long.getByRole('status').filter({ hasText: 'Cancelled' }).waitFor({ timeout: 30_000 });
    // A cancelled asset can be processed again; nothing was left running.
    await long.getByRole('button', { name: 'Process again' }).waitFor();
    const assets = await server.api('GET', `/api/cms/assets?ownerType=episode&ownerId=${episode.id}`, { token: editorToken });
    const cancelled = assets.body.items.find((a: Json) => a.original.fileName === 'long.mp3');
    expect(cancelled).toMatchObject({ status: 'cancelled', job: { status: 'cancelled' } });
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('shows program artwork with the directories’ warnings beside it, in English and Arabic', async () => {
    const page = await signIn('en', `/programs/${program.id}`);
    const artwork = page.getByRole('region', { name: 'Artwork' });
    await artwork.getByLabel('Artwork image').setInputFiles(file('cover.png'));
    const cover = item(artwork, 'cover.png');
    await cover.getByRole('status').filter({ hasText: 'Ready' }).waitFor({ timeout: 120_000 });
    const image = cover.getByRole('img', { name: 'Preview of the image cover.png' });
    await image.waitFor();
    await page.waitForFunction(() => ((document.querySelector('.asset-preview img') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0);
    // The 300 px WebP of the centred square (the renditions are 600, 300 and 150 px: never upscaled).
    expect(await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([300, 300]);
    const warnings = cover.getByRole('group', { name: 'Warnings' });
    expect(await warnings.getByRole('listitem').allInnerTexts()).toEqual([
      'The image is 800×600 px, not square: podcast directories require square artwork; the renditions show its centred 600×600 square.',
      'The image is under 1,400×1,400 px: Apple Podcasts and other directories reject it.',
    ]);
    // Beside the image: on one row at desktop width.
    const [imageBox, warningsBox] = [await image.boundingBox(), await warnings.boundingBox()];
    expect(Math.abs(imageBox!.y - warningsBox!.y)).toBeLessThan(40);
    expect(warningsBox!.x).toBeGreaterThan(imageBox!.x + imageBox!.width - 1);
    await cover.scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await expectScreenshot(page, 'studio-media-artwork-en');
    await page.close();

    const arabic = await signIn('ar', `/programs/${program.id}`);
    const section = arabic.getByRole('region', { name: 'الغلاف' });
    const coverAr = item(section, 'cover.png');
    await coverAr.getByRole('status').filter({ hasText: 'جاهز' }).waitFor();
    await coverAr.getByRole('img', { name: 'معاينة الصورة cover.png' }).waitFor();
    const arWarnings = await coverAr.getByRole('group', { name: 'تنبيهات' }).getByRole('listitem').allInnerTexts();
    expect(arWarnings[0]).toContain('الصورة ٨٠٠×٦٠٠ بكسل وليست مربعة');
    expect(arWarnings[1]).toContain('أصغر من ١٬٤٠٠×١٬٤٠٠ بكسل');
    // In right-to-left, the warnings sit to the left of the image.
    const [imgBox, listBox] = [await coverAr.getByRole('img').boundingBox(), await coverAr.getByRole('group').boundingBox()];
    expect(listBox!.x + listBox!.width).toBeLessThan(imgBox!.x + 1);
    await coverAr.scrollIntoViewIfNeeded();
    await expectAccessible(arabic);
    await expectScreenshot(arabic, 'studio-media-artwork-ar');
    // The program now carries the feed JPEG as its artwork.
    const saved = await server.api('GET', `/api/cms/programs/${program.id}`, { token: editorToken });
    expect(saved.body.artworkUrl).toMatch(/artwork-feed\.jpg$/);
    expect((arabic as Page & { errors: string[] }).errors).toEqual([]);
    await arabic.close();
  }, 180_000);
});
