// Runs an administrative task for the CLI: in this process, or through a running server's API when
// that server holds the embedded database. Either way the user sees the same progress and result.
import { SingleBar, Presets } from 'cli-progress';
import type { Config } from '../config.js';
import type { Task } from '../platform/tasks.js';
import type { TaskLine } from '../admin/admin.routes.js';
import { createPlatform } from '../platform.js';
import { claimDataDir } from '../platform/db/data-dir-lock.js';
import { openDevIssuer } from '../platform/auth/dev-issuer.js';

export class TaskFailed extends Error {
  override name = 'TaskFailed';
}

function progressReporter(label: string) {
  if (!process.stderr.isTTY) {
    let lastPercent = -10;
    return {
      update(done: number, total: number) {
        const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
        if (percent >= lastPercent + 10) {
          lastPercent = percent;
          process.stderr.write(`${label}: ${done}/${total} (${percent}%)\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} {label}`, stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  let started = false;
  return {
    update(done: number, total: number, text = '') {
      if (!started) {
        bar.start(total, done, { label: text });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { label: text });
    },
    stop: () => started && bar.stop(),
  };
}

export async function runTaskLocally(config: Config, task: Task, args: Record<string, unknown>): Promise<unknown> {
  const lock = config.databaseUrl ? undefined : claimDataDir(config.dataDir);
  const reporter = progressReporter(task.name);
  try {
    // A task in this process serves no HTTP: it needs no token issuer.
    const platform = await createPlatform(config, { migrate: task.name !== 'migrate', defaultMetrics: false, identity: false });
    try {
      return await task.run({ platform, actor: `cli:${process.env.USER ?? 'unknown'}`, progress: (d, t, l) => reporter.update(d, t, l) }, args as never);
    } finally {
      await platform.close();
    }
  } finally {
    reporter.stop();
    lock?.release();
  }
}

export async function runTaskRemotely(config: Config, url: string, name: string, args: Record<string, unknown>): Promise<unknown> {
  const token = process.env.THMNAYAH_TOKEN ?? (!config.devIssuer ? undefined : await (await openDevIssuer(config.dataDir)).sign({ sub: 'cli', name: 'thmnayah CLI', roles: ['admin'], ttlSeconds: 600 }));
  if (!token) throw new TaskFailed('The development issuer is off here (OIDC_ISSUER set, or DEV_ISSUER=false): set THMNAYAH_TOKEN to an admin access token.');
  process.stderr.write(`(running through the server at ${url}, which holds ${config.dataDir})\n`);
  const response = await fetch(`${url}/api/cms/admin/tasks/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  if (!response.ok || !response.body) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new TaskFailed(`${name} failed: ${response.status} ${problem.detail ?? response.statusText}`);
  }
  const reporter = progressReporter(name);
  let result: unknown;
  let buffered = '';
  const decoder = new TextDecoder();
  try {
    for await (const chunk of response.body) {
      buffered += decoder.decode(chunk as Uint8Array, { stream: true });
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffered.slice(0, newline)) as TaskLine;
        buffered = buffered.slice(newline + 1);
        if (line.type === 'progress') reporter.update(line.done ?? 0, line.total ?? 0, line.label);
        else if (line.type === 'result') result = line.result;
        else throw new TaskFailed(`${name} failed: ${(line.problem as { detail?: string }).detail ?? 'unknown error'}`);
      }
    }
  } finally {
    reporter.stop();
  }
  return result;
}
