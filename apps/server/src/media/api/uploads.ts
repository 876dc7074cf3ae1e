// Uploads: what a file is, decided from its first bytes while it streams into storage (never from its
// name or the type the client claimed), and the answer an editor gets when it is not what the asset
// takes. Nothing is held in memory but the first SAMPLE_BYTES.
import { PassThrough, type Readable } from 'node:stream';
import { HttpProblem } from '../../platform/http/problem.js';
import type { AssetKind } from './assets.js';
import { detectContentTypeOfHead, type ContentType } from '../steps/content-type.js';
import { isMediaError } from '../steps/errors.js';

/** Enough for every accepted container's signature (and an ID3 tag's header before an MP3). */
export const SAMPLE_BYTES = 64 * 1024;

/**
 * Reads up to `size` bytes from the start of `source` and gives them back with a stream of the whole
 * content (those bytes, then the rest as it arrives, with backpressure).
 */
export async function peek(source: Readable, size: number): Promise<{ head: Buffer; whole: Readable }> {
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  await new Promise<void>((resolve, reject) => {
    // A stream that failed or closed before we got to it emits nothing more: without these checks a form cut
    // off inside its file (no closing boundary) left the upload waiting for ever (issue 15).
    if (source.errored) return reject(source.errored);
    if (source.destroyed) return reject(new Error('the upload stream closed before its end'));
    const cleanup = () => {
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onError);
      source.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= size) {
        source.pause();
        cleanup();
        resolve();
      }
    };
    const onEnd = () => {
      ended = true;
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    // Closed without 'end' (destroyed without an error): the rest will never come.
    const onClose = () => {
      cleanup();
      reject(new Error('the upload stream closed before its end'));
    };
    source.on('data', onData);
    source.once('end', onEnd);
    source.once('error', onError);
    source.once('close', onClose);
  });
  const head = Buffer.concat(chunks);
  const whole = new PassThrough();
  whole.write(head);
  if (ended) whole.end();
  else {
    source.once('error', (error) => whole.destroy(error));
    source.pipe(whole);
  }
  return { head: head.subarray(0, size), whole };
}

/** The detected type of an upload for an asset of `kind`, or the problem to answer (415). */
export async function checkUpload(head: Buffer, kind: AssetKind, fileName: string, bytes?: number): Promise<ContentType> {
  try {
    return await detectContentTypeOfHead(head, bytes, { accept: [kind === 'image' ? 'image' : 'media'], ...(fileName ? { claimedName: fileName } : {}) });
  } catch (error) {
    if (isMediaError(error)) {
      throw new HttpProblem('unsupported-file', `${error.message}. Upload ${kind === 'image' ? 'a JPEG, PNG, WebP, AVIF, GIF or TIFF image' : 'an audio or video file (MP3, M4A, WAV, FLAC, OGG, MP4, MOV, MKV, WebM …)'}.`, { code: error.code });
    }
    throw error;
  }
}

/** Presigned upload URLs stay valid this long: enough for a few GB on a slow connection. */
export const UPLOAD_URL_SECONDS = 6 * 3600;
