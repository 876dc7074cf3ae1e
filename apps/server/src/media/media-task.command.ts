// `thmnayah media-task`: runs one media step on local files and prints its manifest (JSON) on stdout,
// progress on stderr. It is how a Kubernetes Job runs the worker's code, and how an operator re-runs a
// step by hand. Exit codes: 0 done, 1 the media was refused or failed (stdout then holds
// {"error":{"code","message"}}), 2 bad usage, 130 interrupted (SIGINT/SIGTERM stop FFmpeg first).
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { MediaError } from './errors.js';
import { MEDIA_TASK_KINDS, runMediaTask, type MediaTaskKind } from './media-task.js';

export const MEDIA_TASK_HELP = `  thmnayah media-task --input FILE --out DIR [--kind ${MEDIA_TASK_KINDS.join('|')}] [--name NAME]
                      [--max-duration SECONDS] [--timeout SECONDS]
      Process one media file into DIR (audio: HLS + MP3 + waveform; video: HLS ladder + poster;
      artwork: WebP sizes + feed JPEG) and print the manifest as JSON`;

function positive(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${name} must be a positive number of seconds, got "${raw}"`);
  return value;
}

class UsageError extends Error {}

export async function mediaTaskCommand(args: string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process): Promise<number> {
  let task: Parameters<typeof runMediaTask>[0];
  let maxDuration: number | undefined;
  let timeout: number | undefined;
  try {
    const { values } = parseArgs({
      args,
      options: {
        input: { type: 'string' }, out: { type: 'string' }, kind: { type: 'string', default: 'auto' }, name: { type: 'string' },
        'max-duration': { type: 'string' }, timeout: { type: 'string' },
      },
      strict: true,
    });
    if (!values.input || !values.out) throw new UsageError('--input and --out are required');
    if (!(MEDIA_TASK_KINDS as readonly string[]).includes(values.kind)) throw new UsageError(`--kind must be one of ${MEDIA_TASK_KINDS.join(', ')}`);
    maxDuration = positive('max-duration', values['max-duration']);
    timeout = positive('timeout', values.timeout);
    task = { kind: values.kind as MediaTaskKind, input: values.input, outDir: values.out, claimedName: values.name ?? basename(values.input) };
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\nUsage:\n${MEDIA_TASK_HELP}\n`);
    return 2;
  }

  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let lastShown = -10;
  try {
    const manifest = await runMediaTask(task, {
      signal: controller.signal,
      ...(maxDuration ? { limits: { maxDurationSeconds: maxDuration } } : {}),
      ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
      onProgress: ({ percent, phase }) => {
        // A line per 5 %: readable in a terminal and in a Job's log.
        if (percent - lastShown >= 5 || percent === 100) {
          lastShown = percent;
          io.stderr.write(`progress ${percent.toFixed(1)}% ${phase}\n`);
        }
      },
    });
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
  }
}
