// Child servers in tests start from a bundle of the server, not through tsx: the global setup bundles
// src/ once per run (esbuild, about a second) and bin/thmnayah.mjs runs that bundle when
// THMNAYAH_SERVER_BUNDLE names its directory. tsx compiles every module on load, about 3 s of CPU per
// start; the suite starts dozens of servers and CLI commands.
//
// The bundle is what the image runs (build.test.ts checks that one on its own release layout); the
// source mode, what `npm start` runs, keeps its own test: cli.test.ts starts its server that way.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { processAlive } from '../../src/platform/db/data-dir-lock.js';
import { serverRoot } from '../../src/paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    serverBundle: string;
  }
}

// Inside the package (the bundle finds migrations and fixtures by walking up to package.json); .cache/
// is ignored by git.
const BUNDLES = join(serverRoot, '.cache', 'test-bundle');

let building: Promise<string> | undefined;

/**
 * Bundles the server for this run: a directory named for this process (pid and start time, so a
 * recycled pid never reuses an old bundle), built once however many projects ask. Bundles of runs that
 * have ended are removed.
 */
export function buildTestBundle(): Promise<string> {
  building ??= (async () => {
    const { buildServer } = await import('../../scripts/build.js');
    if (existsSync(BUNDLES)) {
      for (const name of readdirSync(BUNDLES)) {
        const pid = Number(/^\d+/.exec(name)?.[0]);
        if (pid !== process.pid && !processAlive(pid)) rmSync(join(BUNDLES, name), { recursive: true, force: true });
      }
    }
    const dir = join(BUNDLES, `${process.pid}-${Math.round(performance.timeOrigin)}`);
    if (existsSync(dir)) return dir;
    // Built beside it and renamed into place: a directory that exists is always a whole bundle.
    const partial = `${dir}.partial-${randomBytes(4).toString('hex')}`;
    await buildServer({ outDir: partial });
    try {
      renameSync(partial, dir);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // built meanwhile by another setup of this run
    }
    return dir;
  })();
  return building;
}

/** The environment that makes bin/thmnayah.mjs run this run's bundle; spread into a child's env. */
export function bundleEnv(): { THMNAYAH_SERVER_BUNDLE: string } {
  return { THMNAYAH_SERVER_BUNDLE: inject('serverBundle') };
}
