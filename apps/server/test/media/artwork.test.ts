// The artwork step with sharp on generated images: WebP sizes capped by the source, a square feed JPEG,
// the warnings podcast directories would give, and clear errors for images that are not.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processArtwork } from '../../src/media/steps/artwork.js';
import { MediaError } from '../../src/media/steps/errors.js';
import { cutOff, ffmpeg, lavfi, scratchDir } from './media-fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir());
});
afterAll(() => cleanup());

async function png(path: string, width: number, height: number) {
  await ffmpeg([...lavfi(`smptebars=size=${width}x${height}`), '-frames:v', '1', path]);
}

describe('processArtwork', () => {
  it('turns a square PNG into WebP sizes up to its own size and a feed JPEG, with no warnings', async () => {
    const input = join(dir, 'cover.png');
    await png(input, 1600, 1600);
    const out = join(dir, 'cover-out');
    const percents: number[] = [];
    const manifest = await processArtwork(input, out, { onProgress: (p) => percents.push(p.percent) });

    expect(manifest.warnings).toEqual([]);
    expect(manifest.source).toMatchObject({ contentType: 'image/png', image: { format: 'png', width: 1600, height: 1600 } });
    // 3000 is above the source: not made (never upscale)
    expect(manifest.outputs.map((o) => o.path)).toEqual(['artwork-1400.webp', 'artwork-600.webp', 'artwork-300.webp', 'artwork-150.webp', 'artwork-feed.jpg']);
    for (const output of manifest.outputs) {
      const meta = await sharp(join(out, output.path)).metadata();
      expect(meta.format).toBe(output.mimeType === 'image/webp' ? 'webp' : 'jpeg');
      expect([meta.width, meta.height]).toEqual([output.width, output.height]);
    }
    expect(manifest.outputs.at(-1)).toMatchObject({ role: 'artwork-feed', mimeType: 'image/jpeg', width: 1600, height: 1600 });
    expect(manifest.entry.artworkFeed).toBe('artwork-feed.jpg');
    expect((await readdir(out)).sort()).toEqual([...manifest.outputs.map((o) => o.path), 'manifest.json'].sort());
    expect(percents.at(-1)).toBe(100);
  });

  it('centre-crops a wide image to a square and warns as directories would', async () => {
    const input = join(dir, 'wide.png');
    // left half red, right half blue: the centred square must show both
    await sharp({ create: { width: 1200, height: 600, channels: 3, background: '#ff0000' } })
      .composite([{ input: { create: { width: 600, height: 600, channels: 3, background: '#0000ff' } }, left: 600, top: 0 }])
      .png().toFile(input);
    const out = join(dir, 'wide-out');
    const manifest = await processArtwork(input, out);
    expect(manifest.warnings).toEqual([
      'the image is 1200×600 px, not square: podcast directories require square artwork; the renditions show its centred 600×600 square',
      'the image is under 1400×1400 px: Apple Podcasts and other directories reject it',
    ]);
    expect(manifest.outputs.map((o) => o.path)).toEqual(['artwork-600.webp', 'artwork-300.webp', 'artwork-150.webp', 'artwork-feed.jpg']);
    const { data, info } = await sharp(join(out, 'artwork-600.webp')).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(pixel(10, 300)[0]).toBeGreaterThan(200); // red on the left
    expect(pixel(590, 300)[2]).toBeGreaterThan(200); // blue on the right
  });

  it('warns about oversized, transparent artwork and makes a 3000 px feed copy flattened on white', async () => {
    const input = join(dir, 'huge.png');
    await sharp({ create: { width: 3200, height: 3200, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } }).png().toFile(input);
    const manifest = await processArtwork(input, join(dir, 'huge-out'));
    expect(manifest.warnings.join('\n')).toMatch(/over 3000×3000 px/);
    expect(manifest.warnings.join('\n')).toMatch(/transparency/);
    expect(manifest.outputs[0]).toMatchObject({ path: 'artwork-3000.webp', width: 3000 });
    const feed = await sharp(join(dir, 'huge-out', 'artwork-feed.jpg')).metadata();
    expect([feed.width, feed.height, feed.hasAlpha]).toEqual([3000, 3000, false]);
  }, 30_000);

  it('applies the EXIF orientation of camera JPEGs before judging the shape', async () => {
    const input = join(dir, 'rotated.jpg');
    await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#888888' } }).jpeg().withMetadata({ orientation: 6 }).toFile(input);
    const manifest = await processArtwork(input, join(dir, 'rotated-out'));
    expect(manifest.source.image).toMatchObject({ width: 600, height: 1000 });
    expect(manifest.warnings[0]).toMatch(/600×1000 px, not square/);
  });

  it('refuses bytes that are not an image, a cut-off image, and an image over the pixel limit', async () => {
    const text = join(dir, 'cover.png.txt');
    await writeFile(text, 'not an image at all');
    const notImage = await processArtwork(text, join(dir, 'x-out'), { claimedName: 'cover.png' }).catch((e: unknown) => e);
    expect(notImage).toBeInstanceOf(MediaError);
    expect(notImage).toMatchObject({ code: 'unsupported-type', message: '"cover.png" is not an image: its bytes match no known audio, video or image format' });

    const mp3Named = join(dir, 'art.jpg');
    await ffmpeg([...lavfi('sine=duration=1'), '-c:a', 'libmp3lame', '-f', 'mp3', mp3Named]);
    expect(await processArtwork(mp3Named, join(dir, 'y-out'), { claimedName: 'art.jpg' }).catch((e: unknown) => e)).toMatchObject({ code: 'unsupported-type', message: '"art.jpg" is not an image: its bytes are audio/mpeg (.mp3)' });

    const whole = join(dir, 'whole.png');
    await png(whole, 800, 800);
    const cut = join(dir, 'cut.png');
    await cutOff(whole, cut, 0.5);
    const cutError = await processArtwork(cut, join(dir, 'cut-out'), { claimedName: 'cut.png' }).catch((e: unknown) => e);
    expect(cutError).toMatchObject({ code: 'unreadable' });
    expect((cutError as Error).message).toMatch(/^"cut\.png" cannot be read as an image: /);
    expect((await readdir(dir)).filter((name) => name.includes('cut-out'))).toEqual([]);

    const tooMany = await processArtwork(whole, join(dir, 'z-out'), { limits: { maxImagePixels: 100_000 } }).catch((e: unknown) => e);
    expect(tooMany).toMatchObject({ code: 'too-large' });
    expect((tooMany as Error).message).toMatch(/800×800|pixel/);
  });

  it('writes the manifest next to the renditions', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'cover-out', 'manifest.json'), 'utf8')) as { step: string };
    expect(manifest.step).toBe('artwork');
  });
});
