// `thmnayah start` as a child process, as it runs in production, for tests that need a real process
// (tracing starts before the application is loaded; several processes share one database).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { serverRoot } from '../../src/paths.js';
import { waitFor } from '../events/support.js';
import { bundleEnv } from './server-bundle.js';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** stdout lines parsed as JSON (pino). */
  logs: Record<string, unknown>[];
  /** Everything the process wrote, stdout and stderr, as written. */
  output(): string;
  stop(): Promise<void>;
}

/** `thmnayah start` in a child process; resolves once it listens (the URL is read from its log). */
export async function startServerProcess(args: string[], env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [join(serverRoot, 'bin', 'thmnayah.mjs'), 'start', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', LOG_LEVEL: 'info', ...bundleEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  let raw = '';
  let pending = '';
  let url: string | undefined;
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
    raw += c.toString();
  });
  child.stdout!.on('data', (c: Buffer) => {
    raw += c.toString();
    pending += c.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        const listening = /listening on (http:\/\/\S+)/.exec(String(entry.msg ?? ''));
        if (listening) url = listening[1]!.replace('0.0.0.0', '127.0.0.1');
      } catch {
        stderr += `${line}\n`; // not JSON: pretty output would be a failure of its own
      }
    }
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
    }
  };
  try {
    await waitFor(`thmnayah start ${args.join(' ')} to listen`, () => {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${stderr}`);
      return url !== undefined;
    }, 240_000); // PGlite's first start is seconds on a quiet machine, much more on a busy one
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, url: url!, logs, output: () => raw, stop };
}
