// The pod contract: probes ask for paths that answer (the server's own route table for its pods, the
// documented health endpoints of third-party images), on ports the container has; pods run as the
// user their image is built for, so the files the image and its volumes hold are theirs.
import { containers, podTemplates, type Any } from '../manifests.js';
import type { ServedRoute } from '../server-routes.js';
import { isServer, podRoles, type Rendered } from './cluster.js';

/**
 * Health endpoints of the third-party images, as their projects document them (Kong's status API,
 * Keycloak's management interface, MinIO's health API, NATS' monitoring port). Keyed by repository.
 */
export const KNOWN_PROBE_PATHS: Record<string, string[]> = {
  kong: ['/status', '/status/ready'],
  'quay.io/keycloak/keycloak': ['/health', '/health/started', '/health/ready', '/health/live'],
  'minio/minio': ['/minio/health/live', '/minio/health/ready', '/minio/health/cluster'],
  nats: ['/healthz', '/healthz?js-enabled-only=true', '/healthz?js-server-only=true'],
  // The Collector's health_check extension (its default path), Jaeger's admin port, Loki's and Alloy's readiness.
  'otel/opentelemetry-collector-contrib': ['/'],
  'jaegertracing/all-in-one': ['/'],
  'grafana/loki': ['/ready'],
  'grafana/alloy': ['/-/ready'],
};

/**
 * The uid each third-party image is built for: the owner of its data directory (postgres and redis
 * create uid 999 in their Debian images, Keycloak runs as 1000, Kong as 1000). Images missing here
 * run as any non-root user (MinIO, NATS, mc).
 */
export const IMAGE_USERS: Record<string, number> = {
  postgres: 999, redis: 999, 'quay.io/keycloak/keycloak': 1000, kong: 1000,
  // The observability images' own users (uid 10001 in the Collector's, Jaeger's and Loki's images; alloy is 473).
  'otel/opentelemetry-collector-contrib': 10001, 'jaegertracing/all-in-one': 10001, 'grafana/loki': 10001, 'grafana/alloy': 473,
};

const repository = (image: string) => image.replace(/[:@].*$/, '').replace(/^docker\.io\/(library\/)?/, '');

export function probeProblems(r: Rendered, routes: ServedRoute[]): string[] {
  const problems: string[] = [];
  for (const pod of podTemplates(r.objects)) {
    for (const c of containers(pod.spec)) {
      const where = `${r.overlay}: ${pod.owner.kind} ${pod.owner.metadata.name}/${c.name}`;
      for (const kind of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
        const probe = c[kind];
        const http = probe?.httpGet;
        const port = http?.port ?? probe?.tcpSocket?.port;
        if (port !== undefined && !(c.ports ?? []).some((p: Any) => p.name === port || p.containerPort === port)) problems.push(`${where}: ${kind} port ${port} is not a container port`);
        if (!http) continue;
        if (isServer(c)) {
          const roles = podRoles(pod);
          const served = routes.some((route) => route.method === 'GET' && route.url === http.path && route.roles.some((role) => roles.includes(role)));
          if (!served) problems.push(`${where}: ${kind} ${http.path} is not a route of the server's ${roles.join(',')} role`);
        } else {
          const known = KNOWN_PROBE_PATHS[repository(c.image)];
          if (!known) problems.push(`${where}: ${kind} on ${c.image}: no known health paths for this image`);
          else if (!known.includes(http.path)) problems.push(`${where}: ${kind} ${http.path} is not a health endpoint of ${repository(c.image)} (${known.join(', ')})`);
        }
      }
    }
  }
  return problems;
}

export function userProblems(r: Rendered, serverUser: { uid: number; gid: number }): string[] {
  const problems: string[] = [];
  for (const pod of podTemplates(r.objects)) {
    const podContext = pod.spec.securityContext ?? {};
    for (const c of containers(pod.spec)) {
      const where = `${r.overlay}: ${pod.owner.kind} ${pod.owner.metadata.name}/${c.name}`;
      const uid = c.securityContext?.runAsUser ?? podContext.runAsUser;
      const gid = c.securityContext?.runAsGroup ?? podContext.runAsGroup;
      if (isServer(c)) {
        if (uid !== serverUser.uid) problems.push(`${where}: runAsUser ${uid}, the image's user is ${serverUser.uid}`);
        if (gid !== serverUser.gid) problems.push(`${where}: runAsGroup ${gid}, the image's group is ${serverUser.gid}`);
        if (podContext.fsGroup !== undefined && podContext.fsGroup !== serverUser.gid) problems.push(`${where}: fsGroup ${podContext.fsGroup}, the image's group is ${serverUser.gid}`);
        continue;
      }
      const expected = IMAGE_USERS[repository(c.image)];
      if (expected !== undefined && uid !== expected) problems.push(`${where}: runAsUser ${uid}, ${repository(c.image)} is built for uid ${expected}`);
      if (expected !== undefined && podContext.fsGroup !== undefined && pod.owner.kind === 'StatefulSet' && podContext.fsGroup !== expected && podContext.fsGroup !== 0) {
        problems.push(`${where}: fsGroup ${podContext.fsGroup}: the data volume would not belong to ${expected}`);
      }
    }
  }
  return problems;
}
