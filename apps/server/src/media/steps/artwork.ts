// The artwork step: a program's or episode's cover image → square WebP renditions for the web and apps,
// one square JPEG for podcast feeds (Apple Podcasts and Spotify take only JPEG or PNG in a feed), and
// warnings wherever podcast directories would reject the original.
//
// Crop policy: podcast artwork is square everywhere it is shown, so every rendition is square. A
// non-square source is cropped to its centred square (the shorter side), not padded and not cropped by
// "attention": cover art is designed around its centre (title, face), centre cropping is predictable for
// the editor, and the warning tells them to upload square art if the crop cuts something.
//
// Why sharp: the maintained libvips binding; it ships its native build in per-platform npm packages (no
// download at install), decodes JPEG/PNG/WebP/AVIF/GIF/TIFF, converts to sRGB, and shrinks on load.
import { join } from 'node:path';
import sharp from 'sharp';
import { detectContentType } from './content-type.js';
import { MediaError } from './errors.js';
import { resolveLimits } from './limits.js';
import { describeOutput, sourceFacts, writeManifest, type MediaManifest, type OutputFile } from './manifest.js';
import { ProgressReporter } from './progress.js';
import type { StepOptions } from './step.js';
import { writeAtomically } from './atomic-dir.js';

const ARTWORK_SIZES = [3000, 1400, 600, 300, 150];
/** What Apple Podcasts requires (and Spotify, YouTube Music and others follow): square, 1400–3000 px. */
const DIRECTORY_MIN = 1400;
const DIRECTORY_MAX = 3000;

export interface ArtworkOptions extends Pick<StepOptions, 'signal' | 'onProgress' | 'limits' | 'claimedName' | 'timeoutMs'> {
  sizes?: number[];
  /** WebP quality 1–100. */
  quality?: number;
}

export const FEED_JPEG = 'artwork-feed.jpg';

function readable(error: unknown, name: string): MediaError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return new MediaError('too-large', `${name} has more pixels than allowed: ${message}`, {}, { cause: error });
  if (/timeout/i.test(message)) return new MediaError('timeout', `${name} took too long to convert`, {}, { cause: error });
  return new MediaError('unreadable', `${name} cannot be read as an image: ${message.replace(/^Input (file|buffer) /, '')}`, {}, { cause: error });
}

export async function processArtwork(input: string, outDir: string, options: ArtworkOptions = {}): Promise<MediaManifest> {
  if (options.signal?.aborted) throw new MediaError('cancelled', 'the step was cancelled before it started');
  const limits = resolveLimits(options.limits);
  const name = options.claimedName ? `"${options.claimedName}"` : 'the image';
  const contentType = await detectContentType(input, { accept: ['image'], ...(options.claimedName ? { claimedName: options.claimedName } : {}) });
  if (contentType.bytes > limits.maxImageBytes) {
    throw new MediaError('too-large', `${name} is ${contentType.bytes} bytes, over the limit of ${limits.maxImageBytes}`, { bytes: contentType.bytes });
  }
  // failOn 'warning': refuse truncated or damaged pixel data instead of rendering a half-grey picture.
  const open = () => sharp(input, { limitInputPixels: limits.maxImagePixels, failOn: 'warning', autoOrient: true })
    .timeout({ seconds: Math.max(1, Math.ceil((options.timeoutMs ?? 60_000) / 1000)) });
  const meta = await open().metadata().catch((error: unknown) => {
    throw readable(error, name);
  });
  const width = meta.autoOrient.width;
  const height = meta.autoOrient.height;
  if (!(width > 0 && height > 0)) throw new MediaError('unreadable', `${name} has no dimensions`);
  if (width * height > limits.maxImagePixels) {
    throw new MediaError('too-large', `${name} is ${width}×${height} px, over the limit of ${limits.maxImagePixels} pixels`);
  }

  const side = Math.min(width, height);
  const warnings: string[] = [];
  if (width !== height) warnings.push(`${name} is ${width}×${height} px, not square: podcast directories require square artwork; the renditions show its centred ${side}×${side} square`);
  if (side < DIRECTORY_MIN) warnings.push(`${name} is under ${DIRECTORY_MIN}×${DIRECTORY_MIN} px: Apple Podcasts and other directories reject it`);
  if (Math.max(width, height) > DIRECTORY_MAX) warnings.push(`${name} is over ${DIRECTORY_MAX}×${DIRECTORY_MAX} px: directories reject the original; the feed uses a ${DIRECTORY_MAX} px copy`);
  if (meta.space === 'cmyk') warnings.push(`${name} is CMYK: directories require RGB; the renditions are converted to sRGB`);
  // An alpha channel alone is common (PNG exports) and harmless; only real transparency is a problem.
  const transparent = meta.hasAlpha && !(await open().stats().catch((error: unknown) => {
    throw readable(error, name);
  })).isOpaque;
  if (transparent) warnings.push(`${name} has transparency: directories reject it; the feed JPEG is flattened onto white`);

  const wanted = (options.sizes ?? ARTWORK_SIZES).filter((size) => size <= side);
  const sizes = wanted.length > 0 ? [...new Set(wanted)].sort((a, b) => b - a) : [side];
  const feedSize = Math.min(side, DIRECTORY_MAX);
  const reporter = new ProgressReporter([{ name: 'renditions', weight: sizes.length + 1 }], options.onProgress);
  const square = (size: number) => open().resize(size, size, { fit: 'cover', position: 'centre' });

  const manifest = await writeAtomically(outDir, async (temp) => {
    const outputs: OutputFile[] = [];
    let done = 0;
    const step = () => {
      if (options.signal?.aborted) throw new MediaError('cancelled', 'artwork conversion was cancelled');
      reporter.update('renditions', ++done / (sizes.length + 1));
    };
    for (const size of sizes) {
      const file = join(temp, `artwork-${size}.webp`);
      await square(size).webp({ quality: options.quality ?? 82, effort: 4 }).toFile(file).catch((error: unknown) => {
        throw readable(error, name);
      });
      outputs.push(await describeOutput(temp, file, 'artwork', { rendition: String(size), width: size, height: size }));
      step();
    }
    const feed = join(temp, FEED_JPEG);
    await square(feedSize).flatten({ background: '#ffffff' }).jpeg({ quality: 90, mozjpeg: true }).toFile(feed).catch((error: unknown) => {
      throw readable(error, name);
    });
    outputs.push(await describeOutput(temp, feed, 'artwork-feed', { width: feedSize, height: feedSize }));
    step();

    const result: MediaManifest = {
      version: 1,
      step: 'artwork',
      source: { ...(await sourceFacts(input, contentType)), image: { format: meta.format, width, height, space: meta.space, hasAlpha: meta.hasAlpha } },
      entry: { artworkFeed: FEED_JPEG },
      outputs,
      warnings,
      tools: { sharp: sharp.versions.sharp ?? 'unknown', libvips: sharp.versions.vips },
    };
    await writeManifest(temp, result);
    return result;
  });
  reporter.done();
  return manifest;
}
