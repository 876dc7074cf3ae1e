// The deployment contract as one function over rendered objects, so the same checks run on deploy/
// (contract.test.ts) and on deliberately broken copies of it (mutations.test.ts).
import { K8S_DIR, render } from '../manifests.js';
import type { ServedRoute } from '../server-routes.js';
import type { Rendered } from './cluster.js';
import { bodyProblems, serverConfig, tlsProblems } from './edge.js';
import { probeProblems, userProblems } from './pods.js';
import { routingProblems } from './routing.js';
import { addressProblems, bucketProblems, networkPolicyProblems, referenceProblems } from './wiring.js';

export type { Rendered } from './cluster.js';

export interface ServerKnowledge {
  routes: ServedRoute[];
  user: { uid: number; gid: number };
}

export const OVERLAYS = ['local', 'production'] as const;
export type Overlay = (typeof OVERLAYS)[number];

/** Secrets production creates out of band (docs/deployment.md, "Secrets"). */
export const EXTERNAL_SECRETS: Record<Overlay, string[]> = {
  local: [],
  production: ['thmnayah-database', 'thmnayah-redis', 'thmnayah-nats', 'thmnayah-s3', 'thmnayah-media', 'thmnayah-media-job-env'],
};

/**
 * Renders an overlay with its cluster-scoped objects and the add-ons, from deploy/k8s or a copy of it.
 * `reuse` supplies renders known to be unchanged (the mutation check edits one file at a time).
 */
export async function renderOverlay(overlay: Overlay, root = K8S_DIR, reuse: Partial<Pick<Rendered, 'cluster' | 'addons'>> = {}): Promise<Rendered> {
  const [objects, cluster, addons] = await Promise.all([
    render(`overlays/${overlay}`, root),
    reuse.cluster ?? render(`cluster/${overlay}`, root),
    reuse.addons ?? render('argocd', root),
  ]);
  return { overlay, objects, cluster, addons, externalSecrets: EXTERNAL_SECRETS[overlay] };
}

/** Every way the overlay breaks the contract, as readable sentences; empty when it holds. */
export function contractProblems(r: Rendered, server: ServerKnowledge): string[] {
  let publicUrl: string;
  try {
    publicUrl = serverConfig(r).publicUrl;
  } catch (error) {
    return [`${r.overlay}: the server refuses the ConfigMap: ${(error as Error).message}`];
  }
  return [
    ...routingProblems(r, server.routes, publicUrl),
    ...addressProblems(r),
    ...bucketProblems(r),
    ...referenceProblems(r),
    ...networkPolicyProblems(r),
    ...probeProblems(r, server.routes),
    ...userProblems(r, server.user),
    ...bodyProblems(r, server.routes),
    ...tlsProblems(r),
  ];
}
