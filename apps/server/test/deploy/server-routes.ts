// What the server itself says about the URLs it serves, for the deployment contract: the route table
// of a real server started with each role alone (so a prefix is tied to the roles that serve it), the
// prefixes of the links it writes into documents (playback, local media, feeds), and its image user.
// Started on embedded defaults (PGlite, local media, development issuer), so the routes that exist only
// there (/media, /auth/dev) are included: a deployment that falls back to them must route them too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type Role } from '../../src/config.js';
import { PLAY_PREFIX } from '../../src/media/api/playback.js';
import { MEDIA_ROUTE_PREFIX } from '../../src/platform/storage/media.routes.js';
import { createTestApp } from '../support/app.js';
import { REPO_ROOT } from './manifests.js';

export interface ServedRoute {
  method: string;
  /** Fastify's pattern, e.g. /api/discovery/programs/:id or /play/* */
  url: string;
  roles: Role[];
}

/**
 * Paths every pod answers for the cluster itself, never for the public: Prometheus scrapes /metrics
 * in-cluster (components/monitoring), the kubelet probes /healthz and /readyz.
 */
export const CLUSTER_ONLY = ['/metrics', '/healthz', '/readyz'];
/** Of those, the ones the public must not reach (metrics name routes, versions and internals). */
export const NEVER_PUBLIC = ['/metrics'];

/**
 * Sample paths of the web role (the listeners' site in both languages, the editors' studio and the
 * content-hashed assets). Its route table has `/` and a catch-all `/*` (every page URL that no API
 * route claims), so these name the paths that must reach it through each overlay's ingress.
 */
export const WEB_PATHS = ['/', '/ar/', '/en/programs', '/studio', '/studio/programs', '/assets/app-3f2a9c.js'];

/**
 * Routes every role mounts but whose answer depends on the role: the OpenAPI document and its
 * reference describe the routes of the process that serves them, so the public must get them from
 * the role whose API they document (the discovery role's public API).
 */
export const ANSWERED_BY: Record<string, Role[]> = { '/api/openapi.json': ['discovery'], '/api/docs': ['discovery'] };

export async function serverRoutes(): Promise<ServedRoute[]> {
  const byKey = new Map<string, ServedRoute>();
  // One role at a time, one after the other: a route belongs to the roles whose server has it.
  for (const role of ROLES) {
    const t = await createTestApp('pglite', { roles: [role] });
    try {
      for (const route of t.app.routeTable) {
        const key = `${route.method} ${route.url}`;
        const entry = byKey.get(key) ?? { method: route.method, url: route.url, roles: [] };
        entry.roles.push(role);
        byKey.set(key, entry);
      }
    } finally {
      await t.close();
    }
  }
  for (const route of byKey.values()) {
    const key = Object.keys(ANSWERED_BY).find((k) => route.url === k || route.url.startsWith(`${k}/`));
    if (key) route.roles = route.roles.filter((role) => ANSWERED_BY[key]!.includes(role));
  }
  return [...byKey.values()];
}

/** The prefixes of URLs the server writes into documents and answers (links it emits). */
export const EMITTED_PREFIXES = [PLAY_PREFIX, MEDIA_ROUTE_PREFIX, '/feeds'];

/** A concrete path a route pattern matches: parameters and wildcards filled in. */
export function samplePath(pattern: string): string {
  return pattern
    .split('/')
    .map((segment) => (segment === '*' ? 'x/y' : segment.replace(/^:[A-Za-z0-9_]+/, 'x')))
    .join('/');
}

/** The uid:gid the image runs as (the Dockerfile's USER). */
export function imageUser(): { uid: number; gid: number } {
  const dockerfile = readFileSync(join(REPO_ROOT, 'deploy/docker/Dockerfile'), 'utf8');
  const users = [...dockerfile.matchAll(/^USER\s+(\d+)(?::(\d+))?\s*$/gm)];
  const last = users.at(-1);
  if (!last) throw new Error('deploy/docker/Dockerfile has no numeric USER');
  return { uid: Number(last[1]), gid: Number(last[2] ?? last[1]) };
}
