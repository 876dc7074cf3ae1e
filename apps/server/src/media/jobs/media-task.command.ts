// `thmnayah media-task`: runs one media step and prints its manifest (JSON) on stdout, progress on
// stderr. Two modes:
//  - files:   --input FILE --out DIR — an operator re-running a step by hand;
//  - storage: --asset UUID --job UUID — what a Kubernetes Job runs: the original is read from storage
//             (configured by the environment, as for the server), the renditions are written under the
//             job's folders, and the outcome (manifest or error) is left in storage as result.json for
//             the worker that launched the Job.
// Exit codes: 0 done, 1 the media was refused or failed (stdout then holds {"error":{"code","message"}}),
// 2 bad usage, 130 interrupted (SIGINT/SIGTERM stop FFmpeg first).
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Storage } from '../../platform/storage/storage.js';
import { MediaError } from '../steps/errors.js';
import type { MediaManifest } from '../steps/manifest.js';
import { MEDIA_TASK_KINDS, runMediaTask, type MediaTaskControl, type MediaTaskKind } from './media-task.js';
import { processStoredAsset, writeResult } from './stored-task.js';
import { carrierFromTraceparent, contextFrom, inSpan } from '../../platform/telemetry/tracing.js';

export const MEDIA_TASK_HELP = `  thmnayah media-task --input FILE --out DIR [--kind ${MEDIA_TASK_KINDS.join('|')}] [--name NAME]
                      [--max-duration SECONDS] [--timeout SECONDS]
  thmnayah media-task --asset UUID --job UUID [--kind …] [--name NAME] [--max-duration SECONDS] [--timeout SECONDS] [--original-etag ETAG]
      Process one media file (audio: HLS + MP3 + waveform; video: HLS ladder + poster; artwork: WebP
      sizes + feed JPEG) and print the manifest as JSON: from FILE into DIR, or from an asset's original
      in storage into the job's storage folders (what a Kubernetes media Job runs)`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function positive(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${name} must be a positive number of seconds, got "${raw}"`);
  return value;
}

class UsageError extends Error {}

type Mode =
  | { kind: 'files'; input: string; out: string }
  | { kind: 'storage'; assetId: string; jobId: string; originalEtag: string | undefined };

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * In a Kubernetes Job the task continues the worker's job span: the worker passes its context as
 * TRACEPARENT (kubernetes-job.ts). Without tracing this is the task itself.
 */
export function mediaTaskCommand(args: string[], io: Io = process, openStorage?: () => Promise<Storage>): Promise<number> {
  return inSpan('media task', { parent: contextFrom(carrierFromTraceparent(process.env.TRACEPARENT)) }, () => mediaTask(args, io, openStorage));
}

async function mediaTask(args: string[], io: Io, openStorage?: () => Promise<Storage>): Promise<number> {
  let mode: Mode;
  let kind: MediaTaskKind;
  let name: string | undefined;
  let maxDuration: number | undefined;
  let timeout: number | undefined;
  try {
    const { values } = parseArgs({
      args,
      options: {
        input: { type: 'string' }, out: { type: 'string' }, asset: { type: 'string' }, job: { type: 'string' },
        kind: { type: 'string', default: 'auto' }, name: { type: 'string' },
        'max-duration': { type: 'string' }, timeout: { type: 'string' }, 'original-etag': { type: 'string' },
      },
      strict: true,
    });
    const files = values.input !== undefined || values.out !== undefined;
    const stored = values.asset !== undefined || values.job !== undefined;
    if (files === stored) throw new UsageError('give either --input and --out, or --asset and --job');
    if (files) {
      if (!values.input || !values.out) throw new UsageError('--input and --out are required');
      mode = { kind: 'files', input: values.input, out: values.out };
    } else {
      if (!values.asset || !values.job || !UUID.test(values.asset) || !UUID.test(values.job)) throw new UsageError('--asset and --job must be lowercase UUIDs');
      if (!openStorage) throw new UsageError('storage mode is not available here');
      mode = { kind: 'storage', assetId: values.asset, jobId: values.job, originalEtag: values['original-etag'] };
    }
    if (!(MEDIA_TASK_KINDS as readonly string[]).includes(values.kind)) throw new UsageError(`--kind must be one of ${MEDIA_TASK_KINDS.join(', ')}`);
    kind = values.kind as MediaTaskKind;
    maxDuration = positive('max-duration', values['max-duration']);
    timeout = positive('timeout', values.timeout);
    name = values.name ?? (mode.kind === 'files' ? basename(mode.input) : undefined);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\nUsage:\n${MEDIA_TASK_HELP}\n`);
    return 2;
  }

  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let lastShown = -10;
  const control: MediaTaskControl = {
    signal: controller.signal,
    ...(maxDuration ? { limits: { maxDurationSeconds: maxDuration } } : {}),
    ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
    onProgress: ({ percent, phase }) => {
      // A line per 5 %: readable in a terminal and in a Job's log (the Kubernetes runner reads it).
      if (percent - lastShown >= 5 || percent === 100) {
        lastShown = percent;
        io.stderr.write(`progress ${percent.toFixed(1)}% ${phase}\n`);
      }
    },
  };
  let storage: Storage | undefined;
  try {
    let manifest: MediaManifest;
    if (mode.kind === 'files') {
      manifest = await runMediaTask({ kind, input: mode.input, outDir: mode.out, claimedName: name }, control);
    } else {
      storage = await openStorage!();
      const task = { assetId: mode.assetId, jobId: mode.jobId, kind, claimedName: name, originalEtag: mode.originalEtag };
      try {
        manifest = await processStoredAsset(storage, task, control);
      } catch (error) {
        const code = error instanceof MediaError ? error.code : 'internal';
        const message = error instanceof MediaError ? error.message : `media-task crashed: ${(error as Error).message ?? String(error)}`;
        await writeResult(storage, mode.assetId, mode.jobId, { ok: false, error: { code, message } }).catch(() => {});
        throw error;
      }
      await writeResult(storage, mode.assetId, mode.jobId, { ok: true, manifest });
      control.onProgress?.({ percent: 100, phase: 'done' });
    }
    io.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof MediaError)) throw error;
    io.stderr.write(`media-task failed (${error.code}): ${error.message}\n`);
    io.stdout.write(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
    return error.code === 'cancelled' ? 130 : 1;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    await storage?.close();
  }
}
