// Outputs appear whole or not at all. A step writes into a hidden temporary directory next to its
// destination (same filesystem, so rename is atomic) and renames it into place only after it succeeded.
// A crash, timeout or cancellation leaves the previous outputs (or none) and a temporary directory that
// the next run at the same destination sweeps away. Running again replaces the outputs: a re-run after
// an at-least-once redelivery is safe.
//
// Replacing an existing directory takes two renames (old aside, new in), because POSIX rename cannot
// swap directories and Node has no renameat2(RENAME_EXCHANGE): for that instant the destination is
// absent, never half-written.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export interface AtomicOptions {
  /** Temporary directories of this destination older than this are leftovers of a dead run. */
  staleAfterMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;

async function sweepStale(parent: string, base: string, staleAfterMs: number) {
  const prefixes = [`.${base}.tmp-`, `.${base}.old-`];
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!prefixes.some((prefix) => entry.startsWith(prefix))) continue;
    const path = join(parent, entry);
    const info = await stat(path).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > staleAfterMs) await rm(path, { recursive: true, force: true });
  }
}

/** Runs `work` on a fresh temporary directory and moves it to `destination` when `work` resolves. */
export async function writeAtomically<T>(destination: string, work: (tempDir: string) => Promise<T>, options: AtomicOptions = {}): Promise<T> {
  const target = resolve(destination);
  const parent = dirname(target);
  const base = basename(target);
  await mkdir(parent, { recursive: true });
  await sweepStale(parent, base, options.staleAfterMs ?? DAY);

  const id = randomUUID().slice(0, 8);
  const temp = join(parent, `.${base}.tmp-${id}`);
  await mkdir(temp);
  let result: T;
  try {
    result = await work(temp);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  const old = join(parent, `.${base}.old-${id}`);
  const hadPrevious = await rename(target, old).then(() => true, (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return false;
    throw error;
  });
  try {
    await rename(temp, target);
  } catch (error) {
    if (hadPrevious) await rename(old, target).catch(() => {});
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  if (hadPrevious) await rm(old, { recursive: true, force: true });
  return result;
}
