// What a file is, judged from its bytes (magic numbers), never from its name or the type an uploader
// claimed. Only an allowlist passes: anything FFmpeg could be talked into opening (playlists, concat
// lists, text) is refused here, before any FFmpeg runs, because such "media" can make FFmpeg read other
// files or URLs.
//
// Why file-type: the well-kept magic-number library for Node (hundreds of formats, reads only the first
// few KB). Version 21 is the last major that supports Node 20 (v22 needs Node 22).
import { stat } from 'node:fs/promises';
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import { MediaError } from './errors.js';

export type ContentFamily = 'media' | 'image';

export interface ContentType {
  /** e.g. "audio/mpeg", "video/mp4", "image/png" (as file-type names it). */
  mime: string;
  /** e.g. "mp3", "mp4", "png". */
  ext: string;
  /** media: FFmpeg probes it next (audio or video is decided by its streams); image: sharp reads it. */
  family: ContentFamily;
  bytes: number;
}

// Containers whose audio/video FFmpeg decodes. Whether an MP4 holds video or only audio is the probe's call.
const MEDIA = new Set([
  'audio/aac', 'audio/aiff', 'audio/amr', 'audio/flac', 'audio/mp4', 'audio/mpeg', 'audio/ogg', 'audio/ogg; codecs=opus',
  'audio/wav', 'audio/x-m4a', 'audio/x-ms-asf', 'audio/wavpack', 'application/ogg', 'application/mxf',
  'video/3gpp', 'video/3gpp2', 'video/matroska', 'video/mp2t', 'video/mp4', 'video/mpeg', 'video/MP1S', 'video/MP2P',
  'video/ogg', 'video/quicktime', 'video/vnd.avi', 'video/webm', 'video/x-flv', 'video/x-m4v', 'video/x-ms-asf',
]);

// What sharp's prebuilt libvips reads (HEIC is not among them: it needs a patent-encumbered decoder).
const IMAGES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif', 'image/tiff']);

const FRIENDLY: Record<string, string> = {
  'application/pdf': 'a PDF document',
  'application/zip': 'a ZIP archive',
  'application/x-msdownload': 'a Windows program',
  'application/x-elf': 'a Linux program',
  'text/vtt': 'a WebVTT subtitle file',
  'application/xml': 'an XML document',
  'image/heic': 'a HEIC image (export it as JPEG or PNG)',
  'image/heif': 'a HEIF image (export it as JPEG or PNG)',
  'image/vnd.adobe.photoshop': 'a Photoshop document (export it as JPEG or PNG)',
};

export interface DetectOptions {
  /** What the file may be: media (audio/video), image, or either. */
  accept?: ContentFamily[];
  /** The name the uploader gave, only to make the error message concrete. */
  claimedName?: string;
}

export async function detectContentType(path: string, options: DetectOptions = {}): Promise<ContentType> {
  const accept = options.accept ?? ['media', 'image'];
  const named = options.claimedName ? `"${options.claimedName}"` : 'the file';
  let bytes: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new MediaError('unreadable', `${named} is not a regular file`);
    bytes = info.size;
  } catch (error) {
    if (error instanceof MediaError) throw error;
    throw new MediaError('unreadable', `${named} cannot be read: ${(error as Error).message}`, {}, { cause: error });
  }
  if (bytes === 0) throw new MediaError('empty-file', `${named} is empty (0 bytes)`);

  return classify(await fileTypeFromFile(path), bytes, accept, named);
}

/**
 * The same judgement from the first bytes of a file (an upload still streaming into storage): `head`
 * is its start, `bytes` its size when known. Formats whose signature lies further in are rare among
 * the accepted ones; the worker checks the whole file again before any FFmpeg runs.
 */
export async function detectContentTypeOfHead(head: Uint8Array, bytes: number | undefined, options: DetectOptions = {}): Promise<ContentType> {
  const accept = options.accept ?? ['media', 'image'];
  const named = options.claimedName ? `"${options.claimedName}"` : 'the file';
  if (head.length === 0) throw new MediaError('empty-file', `${named} is empty (0 bytes)`);
  return classify(await fileTypeFromBuffer(head), bytes ?? head.length, accept, named);
}

function classify(found: { mime: string; ext: string } | undefined, bytes: number, accept: ContentFamily[], named: string): ContentType {
  const wanted = accept.includes('media') ? (accept.includes('image') ? 'audio, video or an image' : 'audio or video') : 'an image';
  if (!found) {
    throw new MediaError('unsupported-type', `${named} is not ${wanted}: its bytes match no known audio, video or image format`, { bytes });
  }
  const family: ContentFamily | undefined = MEDIA.has(found.mime) ? 'media' : IMAGES.has(found.mime) ? 'image' : undefined;
  if (!family || !accept.includes(family)) {
    const what = FRIENDLY[found.mime] ?? `${found.mime} (.${found.ext})`;
    throw new MediaError('unsupported-type', `${named} is not ${wanted}: its bytes are ${what}`, { mime: found.mime, ext: found.ext, bytes });
  }
  return { mime: found.mime, ext: found.ext, family, bytes };
}
