// deploy/image/build-and-run.sh: the image built from the unchanged Dockerfile on a locally made base,
// run as the manifests run it, with a smoke flow. Always checked with shellcheck; run end to end only
// where podman is installed and THMNAYAH_IMAGE_TEST=1 asks for it (it downloads a Debian root
// filesystem and npm packages and takes minutes on a busy machine).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './manifests.js';

const run = promisify(execFile);
const SCRIPT = join(REPO_ROOT, 'deploy/image/build-and-run.sh');
const has = (command: string) => run(command, ['--version']).then(() => true, () => false);
const [shellcheck, podman] = await Promise.all([has('shellcheck'), has('podman')]);

describe('deploy/image/build-and-run.sh', () => {
  it.skipIf(!shellcheck)('passes shellcheck', async () => {
    const out = await run('shellcheck', ['--severity=style', SCRIPT]).then(() => '', (error: { stdout: string }) => String(error.stdout));
    expect(out).toBe('');
  });

  // THMNAYAH_IMAGE_TEST=1 runs the script here (.ci/run does, after the suite). THMNAYAH_IMAGE_RESULT
  // instead names the output of a run made elsewhere (in the background): the test waits for it and
  // checks what it printed.
  const background = process.env.THMNAYAH_IMAGE_RESULT;
  it.skipIf(!podman || (process.env.THMNAYAH_IMAGE_TEST !== '1' && !background))('builds the image, runs it as uid 10001 on a read-only root, and passes the smoke flow', async () => {
    try {
      let stdout: string;
      if (background) {
        const deadline = Date.now() + 40 * 60_000;
        while (!existsSync(`${background}.exit`)) {
          if (Date.now() > deadline) throw new Error('the background image run did not finish in 40 minutes');
          await new Promise((resolve) => setTimeout(resolve, 2000));
        }
        stdout = readFileSync(background, 'utf8');
        expect(readFileSync(`${background}.exit`, 'utf8').trim(), stdout.slice(-4000)).toBe('0');
      } else {
        stdout = (await run('bash', [SCRIPT, 'all'], { maxBuffer: 64 * 1024 * 1024, timeout: 40 * 60_000 })).stdout;
      }
      expect(stdout).toMatch(/user 10001:10001/);
      expect(stdout).toMatch(/search finds episode/);
      expect(stdout).toMatch(/the site renders episode/);
      expect(stdout).toMatch(/asset [0-9a-f-]+: ready/);
    } finally {
      await run('bash', [SCRIPT, 'stop']);
    }
  }, 45 * 60_000);
});
