// deploy/image/build-and-run.sh: the image built from the unchanged Dockerfile on a locally made base,
// run as the manifests run it, with a smoke flow. Always checked with shellcheck; run end to end only
// where podman is installed and THMNAYAH_IMAGE_TEST=1 asks for it (it downloads a Debian root
// filesystem and npm packages and takes minutes on a busy machine).
import { execFile } from 'node:child_process';
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

  it.skipIf(!podman || process.env.THMNAYAH_IMAGE_TEST !== '1')('builds the image, runs it as uid 10001 on a read-only root, and passes the smoke flow', async () => {
    try {
      const { stdout } = await run('bash', [SCRIPT, 'all'], { maxBuffer: 64 * 1024 * 1024, timeout: 40 * 60_000 });
      expect(stdout).toMatch(/user 10001:10001/);
      expect(stdout).toMatch(/search finds episode/);
      expect(stdout).toMatch(/asset [0-9a-f-]+: ready/);
    } finally {
      await run('bash', [SCRIPT, 'stop']);
    }
  }, 45 * 60_000);
});
