// The scripts the data-tier components mount into their pods (components/*/scripts): POSIX sh, since
// the same file runs in the postgres image (dash), the curl image (busybox) and the drills on this
// machine; shellcheck as sh, and every script a kustomization ships is one of them.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { K8S_DIR, shellcheckAvailable } from './manifests.js';

const run = promisify(execFile);
const COMPONENTS = join(K8S_DIR, 'components');
const scripts = readdirSync(COMPONENTS)
  .filter((c) => existsSync(join(COMPONENTS, c, 'scripts')))
  .flatMap((c) => readdirSync(join(COMPONENTS, c, 'scripts')).map((f) => join(COMPONENTS, c, 'scripts', f)));

const hasShellcheck = await shellcheckAvailable();

describe('data-tier component scripts', () => {
  it('exist, are POSIX sh, and each is shipped by its kustomization', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    for (const script of scripts) {
      expect(readFileSync(script, 'utf8').split('\n')[0], script).toBe('#!/bin/sh');
      const kustomization = readFileSync(join(script, '../../kustomization.yaml'), 'utf8');
      expect(kustomization, script).toContain(`scripts/${script.split('/').pop()}`);
    }
  });

  it.skipIf(!hasShellcheck)('pass shellcheck as sh', async () => {
    const result = await run('shellcheck', ['--shell=sh', '--severity=style', ...scripts]).then(
      () => '',
      (error: { stdout?: string }) => String(error.stdout),
    );
    expect(result).toBe('');
  });
});
