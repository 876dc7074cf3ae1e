// Names of the processes that hold work (a media job, an import run): host, pid and a random part.
// A process that restarts after a crash (kill -9, OOM) on the same host can tell from a name that its
// holder is gone — the pid no longer runs — and take the work over at once instead of waiting for the
// holder's heartbeat to go stale. Elsewhere (another pod, another host) only staleness tells.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { processAlive } from './db/data-dir-lock.js';

export function newProcessId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * True when `id` names a process of this host that no longer runs. Containers that share a host name but
 * not a pid namespace would see a live holder as dead; the holder then finds the work taken at its next
 * heartbeat and stops (work is claimed by compare-and-set everywhere), so the cost is a repeat, not a loss.
 */
export function heldByDeadLocalProcess(id: string | null | undefined): boolean {
  if (!id) return false;
  const parts = id.split(':');
  if (parts.length < 3) return false;
  const pid = Number(parts[parts.length - 2]);
  const host = parts.slice(0, -2).join(':');
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  return !processAlive(pid);
}
