// The deployment contract as one function over rendered objects, so the same checks run on deploy/
// (contract.test.ts) and on deliberately broken copies of it (mutations.test.ts).
import { K8S_DIR, render } from '../manifests.js';
import type { ServedRoute } from '../server-routes.js';
import type { Rendered } from './cluster.js';
import { bodyProblems, serverConfig, tlsProblems } from './edge.js';
import { egressProblems } from './egress.js';
import { probeProblems, userProblems } from './pods.js';
import { routingProblems } from './routing.js';
import { addressProblems, bucketProblems, keycloakProblems, natsProblems, networkPolicyProblems, referenceProblems, replicaProblems, sentinelProblems } from './wiring.js';

export type { Rendered } from './cluster.js';

export interface ServerKnowledge {
  routes: ServedRoute[];
  user: { uid: number; gid: number };
}

export const OVERLAYS = ['local', 'production', 'onprem'] as const;
export type Overlay = (typeof OVERLAYS)[number];

const PRODUCTION_SECRETS = ['thmnayah-database', 'thmnayah-redis', 'thmnayah-nats', 'thmnayah-s3', 'thmnayah-media', 'thmnayah-media-job-env'];

/** Secrets production creates out of band (docs/deployment.md, "Secrets" and "On-premises data tier"). */
export const EXTERNAL_SECRETS: Record<Overlay, string[]> = {
  local: [],
  production: PRODUCTION_SECRETS,
  // Redis through Sentinel: thmnayah-redis (REDIS_URL) is not made; redis-credentials holds the password.
  onprem: [...PRODUCTION_SECRETS.filter((s) => s !== 'thmnayah-redis'), 'thmnayah-database-read', 'postgres-credentials', 'postgres-backup-s3', 'redis-credentials', 'nats-credentials', 'minio-credentials', 'keycloak-db', 'keycloak-admin'],
};

/**
 * What the out-of-band Secrets hold where their addresses are Services of the overlay itself (the
 * self-hosted data tier): the values docs/deployment.md's commands create, less the passwords. The
 * contract follows these addresses as it follows generated ones, so a component that renames a
 * Service or a database breaks the contract, not the first start.
 */
export const EXTERNAL_SECRET_VALUES: Record<Overlay, Record<string, Record<string, string>>> = {
  local: {},
  production: {},
  onprem: {
    'thmnayah-database': { url: 'postgres://thmnayah@postgres:5432/thmnayah' },
    'thmnayah-database-read': { url: 'postgres://thmnayah@postgres-replica:5432/thmnayah' },
    'thmnayah-nats': { url: 'nats://thmnayah@nats:4222' },
    // MinIO's keys (stand-ins): the root account only the setup Job uses, and the two users it creates
    // with the keys of thmnayah-s3 and postgres-backup-s3, which the server and the backup Jobs send.
    'minio-credentials': { 'root-user': 'stand-in-root', 'root-password': 'stand-in-root-password' },
    'thmnayah-s3': { 'access-key-id': 'stand-in-server', 'secret-access-key': 'stand-in-server-secret' },
    'postgres-backup-s3': { 'access-key-id': 'stand-in-backup', 'secret-access-key': 'stand-in-backup-secret' },
  },
};

/** The cluster-scoped objects an overlay lives beside (deploy/k8s/cluster/<name>). */
const CLUSTER_OF: Record<Overlay, string> = { local: 'local', production: 'production', onprem: 'production' };

/**
 * Renders an overlay with its cluster-scoped objects and the add-ons, from deploy/k8s or a copy of it.
 * `reuse` supplies renders known to be unchanged (the mutation check edits one file at a time).
 */
export async function renderOverlay(overlay: Overlay, root = K8S_DIR, reuse: Partial<Pick<Rendered, 'cluster' | 'addons'>> = {}): Promise<Rendered> {
  const [objects, cluster, addons] = await Promise.all([
    render(`overlays/${overlay}`, root),
    reuse.cluster ?? render(`cluster/${CLUSTER_OF[overlay]}`, root),
    reuse.addons ?? render('argocd', root),
  ]);
  return { overlay, objects, cluster, addons, externalSecrets: EXTERNAL_SECRETS[overlay], externalSecretValues: EXTERNAL_SECRET_VALUES[overlay] };
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
    ...replicaProblems(r),
    ...sentinelProblems(r),
    ...natsProblems(r),
    ...bucketProblems(r),
    ...keycloakProblems(r),
    ...referenceProblems(r),
    ...networkPolicyProblems(r),
    ...egressProblems(r),
    ...probeProblems(r, server.routes),
    ...userProblems(r, server.user),
    ...bodyProblems(r, server.routes),
    ...tlsProblems(r),
  ];
}
