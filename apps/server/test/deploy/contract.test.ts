// The deployment contract on deploy/ as it is: every public path the server serves is routed to a
// pod that serves it, every address and credential leads to what the cluster runs, every reference
// resolves after kustomize's hashing, NetworkPolicies, probes and users fit (contract/*.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { kubectlAvailable } from './manifests.js';
import { imageUser, serverRoutes } from './server-routes.js';
import { OVERLAYS, contractProblems, renderOverlay, type Rendered, type ServerKnowledge } from './contract/index.js';

const available = await kubectlAvailable();

describe.skipIf(!available)('deployment contract (kubectl kustomize + the server\'s route table)', () => {
  let server: ServerKnowledge;
  const rendered = {} as Record<(typeof OVERLAYS)[number], Rendered>;
  beforeAll(async () => {
    const [routes] = await Promise.all([serverRoutes(), ...OVERLAYS.map(async (o) => (rendered[o] = await renderOverlay(o)))]);
    server = { routes, user: imageUser() };
  }, 120_000);

  it('knows the public routes of every role from the server itself', () => {
    const urls = server.routes.map((r) => r.url);
    for (const prefix of ['/api/cms/', '/api/discovery/', '/feeds/', '/play/', '/media/', '/api/openapi.json', '/api/docs', '/auth/dev/']) {
      expect(urls.some((u) => u.startsWith(prefix)), prefix).toBe(true);
    }
    expect(server.user).toEqual({ uid: 10001, gid: 10001 });
  });

  it.each(OVERLAYS)('%s: holds', (overlay) => {
    expect(contractProblems(rendered[overlay], server)).toEqual([]);
  });
});
