// A media task on stored files: fetch the original from storage into a scratch directory, run the step
// on local files (media-task.ts), put every output under the job's own folders, and return the
// manifest. The worker runs this in its own process (local runner); a Kubernetes Job runs exactly the
// same function through `thmnayah media-task --asset … --job …` and leaves its outcome in storage
// (result.json) for the worker to read.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer as readAll } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { isStorageError, type Storage } from '../../platform/storage/storage.js';
import { originalKey, outputKey, resultKey } from '../api/asset-keys.js';
import { MediaError, type MediaErrorCode } from '../steps/errors.js';
import type { MediaManifest } from '../steps/manifest.js';
import { runMediaTask, type MediaTaskControl, type MediaTaskKind } from './media-task.js';

export interface StoredTask {
  assetId: string;
  jobId: string;
  kind: MediaTaskKind;
  /** The uploader's file name, only for messages. */
  claimedName?: string | undefined;
  /** Read the original only if it still has this ETag (the version the upload checked). */
  originalEtag?: string | undefined;
}

export interface StoredTaskControl extends MediaTaskControl {
  /** Where the scratch directory goes (default the OS temp dir; a Job mounts an emptyDir there). */
  workDir?: string | undefined;
  /** Parallel uploads of outputs (HLS has many small segments). */
  uploadConcurrency?: number;
}

/** Share of the overall percentage the step itself gets; the rest is download and upload. */
const STEP_SHARE = 0.9;

export async function processStoredAsset(storage: Storage, task: StoredTask, control: StoredTaskControl = {}): Promise<MediaManifest> {
  const { signal, onProgress } = control;
  const work = await mkdtemp(join(control.workDir ?? tmpdir(), 'thmnayah-job-'));
  try {
    onProgress?.({ percent: 0, phase: 'download' });
    const input = join(work, 'source');
    await download(storage, originalKey(task.assetId), input, signal, task.originalEtag);
    const outDir = join(work, 'out');
    const manifest = await runMediaTask(
      { kind: task.kind, input, outDir, claimedName: task.claimedName },
      {
        ...control,
        onProgress: (progress) => onProgress?.({ percent: Math.min(99.9, 5 + progress.percent * STEP_SHARE), phase: progress.phase }),
      },
    );
    onProgress?.({ percent: 95, phase: 'upload' });
    await uploadOutputs(storage, task, manifest, outDir, control);
    onProgress?.({ percent: 99.9, phase: 'uploaded' });
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function download(storage: Storage, key: string, path: string, signal: AbortSignal | undefined, etag: string | undefined) {
  let body;
  try {
    ({ body } = await storage.get(key, etag ? { ifMatch: etag } : {}));
  } catch (error) {
    if (isStorageError(error, 'not-found')) throw new MediaError('unreadable', 'the uploaded file is no longer in storage', { key });
    // Someone wrote to the original after its upload was checked (a presigned PUT URL used again).
    if (isStorageError(error, 'precondition-failed')) {
      throw new MediaError('unreadable', 'the uploaded file was replaced after its upload was completed; upload it again', { key, etag });
    }
    throw error;
  }
  try {
    await pipeline(body, createWriteStream(path), ...(signal ? [{ signal }] : []));
  } catch (error) {
    if (signal?.aborted) throw new MediaError('cancelled', 'fetching the original was cancelled');
    throw error;
  }
}

async function uploadOutputs(storage: Storage, task: StoredTask, manifest: MediaManifest, outDir: string, control: StoredTaskControl) {
  const queue = [...manifest.outputs];
  const worker = async () => {
    for (let output = queue.shift(); output; output = queue.shift()) {
      if (control.signal?.aborted) throw new MediaError('cancelled', 'uploading the renditions was cancelled');
      const key = outputKey(task.assetId, task.jobId, manifest.step, output);
      await storage.put(key, createReadStream(join(outDir, ...output.path.split('/'))), { contentType: output.mimeType, size: output.bytes });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, control.uploadConcurrency ?? 4) }, worker));
}

/** What a job left in storage: its manifest, or why it failed. */
export type TaskResult = { ok: true; manifest: MediaManifest } | { ok: false; error: { code: MediaErrorCode | 'internal'; message: string } };

export async function writeResult(storage: Storage, assetId: string, jobId: string, result: TaskResult): Promise<void> {
  await storage.put(resultKey(assetId, jobId), Buffer.from(JSON.stringify(result)), { contentType: 'application/json' });
}

/** The result a job wrote, or undefined when it wrote none (it died first). */
export async function readResult(storage: Storage, assetId: string, jobId: string): Promise<TaskResult | undefined> {
  try {
    const { body } = await storage.get(resultKey(assetId, jobId));
    return JSON.parse((await readAll(body)).toString('utf8')) as TaskResult;
  } catch (error) {
    if (isStorageError(error, 'not-found')) return undefined;
    throw error;
  }
}
