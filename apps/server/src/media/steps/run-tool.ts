// Runs FFmpeg or ffprobe as a child process with a time budget, cancellation and progress.
//
// Why not fluent-ffmpeg or another wrapper: fluent-ffmpeg is deprecated and archived, and none of them
// kills a whole process group, takes an AbortSignal, or hands out an extra pipe (fd 3) for decoded PCM.
// The part that is hard to get right is small and lives here.
//
// Each child starts in its own process group (detached) so that a timeout or an abort kills the group
// (SIGKILL to -pid): FFmpeg plus anything it started. The promise settles only after the child has
// exited, so when a step rejects, no FFmpeg is left writing into its temporary directory.
import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MediaError } from './errors.js';
import type { Tool } from './binaries.js';
import { inSpan } from '../../platform/telemetry/tracing.js';

export interface RunOptions {
  /** Used in error messages: "loudness measurement", "HLS ladder" ... */
  label: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Receives stdout as it arrives; when absent, stdout is collected and returned. */
  onStdout?: ((text: string) => void) | undefined;
  /** When given, the child gets a pipe on fd 3 (FFmpeg output `pipe:3`) streamed into this sink,
   *  with backpressure: a slow sink slows FFmpeg instead of buffering the file in memory. */
  fd3?: Writable | undefined;
}

export interface RunResult {
  stdout: string;
  /** The last STDERR_KEEP bytes of stderr (FFmpeg's log: loudnorm prints its JSON there). */
  stderr: string;
}

const STDERR_KEEP = 256 * 1024;
const live = new Set<number>();

function killGroup(pid: number) {
  try {
    if (process.platform === 'win32') process.kill(pid, 'SIGKILL');
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

// A worker that exits (even on an uncaught exception) takes its FFmpeg children with it; being in their
// own process groups, they would otherwise outlive it. (A SIGKILLed worker cannot do this: its children
// die on their next write to the closed progress pipe.)
process.on('exit', () => {
  for (const pid of live) killGroup(pid);
});

/** The last few meaningful lines of a log, for an error message. */
export function lastLines(text: string, count = 4): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('Press [q]'))
    .slice(-count)
    .join(' | ');
}

export type CommandObserver = (tool: Tool, args: readonly string[], label: string) => void;
const observers = new Set<CommandObserver>();

/** Sees every command run from now on (debug logging; the benchmark replays them bare). Returns the
 *  function that stops observing. */
export function observeCommands(observer: CommandObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

export function runTool(tool: Tool, args: string[], options: RunOptions): Promise<RunResult> {
  // A span per FFmpeg or ffprobe run, under the media job's (tracing on only).
  return inSpan(`${basename(tool.path)} ${options.label}`, {
    requireParent: true,
    attributes: { 'process.executable.name': basename(tool.path), 'thmnayah.media.step': options.label, 'process.command_args.count': args.length },
  }, () => runToolUntraced(tool, args, options));
}

function runToolUntraced(tool: Tool, args: string[], options: RunOptions): Promise<RunResult> {
  const { label, timeoutMs, signal, onStdout, fd3 } = options;
  for (const observer of observers) observer(tool, args, label);
  if (signal?.aborted) return Promise.reject(new MediaError('cancelled', `${label} cancelled before it started`));

  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn(tool.path, args, {
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe', ...(fd3 ? (['pipe'] as const) : [])],
      windowsHide: true,
      ...(tool.env ? { env: { ...process.env, ...tool.env } } : {}),
    });
    let stdout = '';
    let stderr = '';
    let stopped: MediaError | undefined;
    let spawnError: Error | undefined;
    let sinkError: unknown;
    const sinkDone = fd3 ? pipeline(child.stdio[3] as Readable, fd3).catch((error: unknown) => {
      sinkError = error;
      if (child.pid) killGroup(child.pid);
    }) : Promise.resolve();

    if (child.pid) live.add(child.pid);
    const stop = (error: MediaError) => {
      if (stopped) return;
      stopped = error;
      if (child.pid) killGroup(child.pid);
    };
    const timer = setTimeout(() => stop(new MediaError('timeout', `${label} took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`, { timeoutMs })), timeoutMs);
    const onAbort = () => stop(new MediaError('cancelled', `${label} was cancelled`));
    signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      if (onStdout) onStdout(text);
      else stdout += text;
    });
    child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      if (stderr.length > 2 * STDERR_KEEP) stderr = stderr.slice(-STDERR_KEEP);
    });
    child.on('error', (error) => {
      spawnError = error;
    });
    child.on('close', (code, killedBy) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (child.pid) live.delete(child.pid);
      void sinkDone.then(() => {
        stderr = stderr.slice(-STDERR_KEEP);
        if (stopped) return reject(stopped);
        if (spawnError) {
          return reject(new MediaError('tool-missing', `${label}: cannot run ${tool.path}: ${spawnError.message}`, {}, { cause: spawnError }));
        }
        if (sinkError) {
          return reject(sinkError instanceof MediaError ? sinkError : new MediaError('transcode-failed', `${label}: reading FFmpeg's output failed: ${String(sinkError)}`, {}, { cause: sinkError }));
        }
        if (code !== 0) {
          const how = killedBy ? `was killed by ${killedBy}` : `exited with code ${code}`;
          return reject(new MediaError('transcode-failed', `${label} failed: ${tool.path.split('/').pop()} ${how}: ${lastLines(stderr) || 'no output'}`, { exitCode: code, signal: killedBy, stderr: lastLines(stderr, 20) }));
        }
        resolve({ stdout, stderr });
      });
    });
  });
}
