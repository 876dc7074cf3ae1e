// The mutation check: each single edit of mutations.ts, applied to a fresh copy of deploy/k8s, must
// render and make the deployment contract fail with a problem that names the break. A mutation the
// contract misses means a real break of that kind would go unnoticed.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { K8S_DIR, kubectlAvailable } from './manifests.js';
import { imageUser, serverRoutes } from './server-routes.js';
import { OVERLAYS, contractProblems, renderOverlay, type Rendered, type ServerKnowledge } from './contract/index.js';
import { MUTATIONS, applyMutation } from './mutations.js';

const available = await kubectlAvailable();

describe.skipIf(!available)('deployment contract: mutations of deploy/k8s', () => {
  let server: ServerKnowledge;
  const original = {} as Record<(typeof OVERLAYS)[number], Rendered>;
  const scratch = mkdtempSync(join(tmpdir(), 'thmnayah-mutations-'));
  beforeAll(async () => {
    const [routes] = await Promise.all([serverRoutes(), ...OVERLAYS.map(async (o) => (original[o] = await renderOverlay(o)))]);
    server = { routes, user: imageUser() };
  }, 120_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('lists distinct mutations', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(MUTATIONS.map((m) => m.name)).size).toBe(MUTATIONS.length);
  });

  it.concurrent.each(MUTATIONS.map((m, i) => [m.name, i] as const))('fails on: %s', async (_name, index) => {
    const mutation = MUTATIONS[index]!;
    const root = join(scratch, String(index));
    cpSync(K8S_DIR, root, { recursive: true });
    const file = join(root, mutation.file);
    writeFileSync(file, applyMutation(readFileSync(file, 'utf8'), mutation));
    for (const overlay of mutation.overlays) {
      // Only what the edited file belongs to is rendered again.
      const reuse = {
        ...(mutation.file.startsWith('cluster/') ? {} : { cluster: original[overlay].cluster }),
        ...(mutation.file.startsWith('argocd/') ? {} : { addons: original[overlay].addons }),
      };
      const problems = contractProblems(await renderOverlay(overlay, root, reuse), server);
      expect(problems.some((p) => mutation.expect.test(p)), `${overlay}: expected a problem matching ${mutation.expect}, got:\n${problems.join('\n')}`).toBe(true);
    }
  }, 60_000);
});
