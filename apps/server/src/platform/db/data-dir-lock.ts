// PGlite allows one process per data directory. The server that opens it writes DATA_DIR/server.json
// (pid and URL); CLI commands that find a live server there go through its API instead of the files.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServerRecord {
  pid: number;
  url: string;
  startedAt: string;
}

const recordPath = (dataDir: string) => join(dataDir, 'server.json');

/** Whether a process with this pid exists on this machine (ours or another user's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server currently holding dataDir, if any (a record left by a dead process does not count). */
export function runningServer(dataDir: string): ServerRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(recordPath(dataDir), 'utf8')) as ServerRecord;
    return record.pid !== process.pid && processAlive(record.pid) ? record : undefined;
  } catch {
    return undefined;
  }
}

export class DataDirBusy extends Error {
  constructor(readonly holder: ServerRecord, dataDir: string) {
    super(`DATA_DIR ${dataDir} is in use by a Thmnayah server (pid ${holder.pid}, ${holder.url}). Stop it or use another DATA_DIR.`);
  }
}

/** Claims dataDir for this process; `url` may be filled in later with update(). */
export function claimDataDir(dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  const holder = runningServer(dataDir);
  if (holder) throw new DataDirBusy(holder, dataDir);
  const write = (url: string) =>
    writeFileSync(recordPath(dataDir), JSON.stringify({ pid: process.pid, url, startedAt: new Date().toISOString() } satisfies ServerRecord));
  write('');
  return {
    update: write,
    release() {
      try {
        const record = JSON.parse(readFileSync(recordPath(dataDir), 'utf8')) as ServerRecord;
        if (record.pid === process.pid) rmSync(recordPath(dataDir));
      } catch {
        // already gone
      }
    },
  };
}
