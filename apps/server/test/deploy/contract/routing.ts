// The routing contract: a request for any path the server serves (its own route table) or links to,
// sent to the public host, goes through the ingress controller (and Kong, where the ingress sends it)
// to a pod that runs a role serving that path, and every hop is let through by the NetworkPolicies.
// Paths only the cluster needs (/metrics) must not come out at any pod.
import { parse as parseYaml } from 'yaml';
import { byKind, find, type Any, type K8sObject } from '../manifests.js';
import { CLUSTER_ONLY, EMITTED_PREFIXES, NEVER_PUBLIC, WEB_PATHS, samplePath, type ServedRoute } from '../server-routes.js';
import { addonNamespace, admits, podRoles, resolveService, sourceOfNamespace, sourceOfPod, type Endpoint, type Rendered } from './cluster.js';

export interface IngressMatch {
  ingress: K8sObject;
  path: string;
  service: string;
  port: string | number;
}

/**
 * The ingress-nginx choice for a path on a host: Exact before Prefix, longest path first; Prefix
 * matches whole path elements (/play matches /play and /play/x, not /playlist).
 */
export function matchIngress(r: Rendered, host: string, path: string): IngressMatch | undefined {
  const candidates: (IngressMatch & { exact: boolean })[] = [];
  for (const ingress of byKind(r.objects, 'Ingress')) {
    for (const rule of (ingress.spec as Any).rules ?? []) {
      if (rule.host && rule.host !== host) continue;
      for (const p of rule.http?.paths ?? []) {
        const prefix = String(p.path).replace(/\/$/, '');
        const exact = p.pathType === 'Exact';
        const ok = exact ? path === p.path : prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
        if (ok) candidates.push({ ingress, path: p.path, service: p.backend.service.name, port: p.backend.service.port.name ?? p.backend.service.port.number, exact });
      }
    }
  }
  candidates.sort((a, b) => Number(b.exact) - Number(a.exact) || b.path.length - a.path.length);
  return candidates[0];
}

export interface KongRoute {
  service: Any;
  route: Any;
}

/** Kong's declarative config, from the ConfigMap the Kong Deployment mounts. */
export function kongConfig(r: Rendered): Any | undefined {
  const kong = find(r.objects, 'Deployment', 'kong');
  if (!kong) return undefined;
  const spec = (kong.spec as Any).template.spec;
  const container = spec.containers[0];
  const file = container.env.find((e: Any) => e.name === 'KONG_DECLARATIVE_CONFIG')?.value as string;
  const mount = container.volumeMounts.find((m: Any) => file.startsWith(`${m.mountPath}/`));
  const volume = spec.volumes.find((v: Any) => v.name === mount?.name);
  const map = volume?.configMap ? find(r.objects, 'ConfigMap', volume.configMap.name) : undefined;
  const text = (map?.data as Record<string, string> | undefined)?.[file.slice(mount.mountPath.length + 1)];
  return text === undefined ? undefined : parseYaml(text);
}

/** Kong's (traditional router) choice: plain paths are prefixes, the longest wins; methods must match. */
export function matchKong(config: Any, method: string, path: string): KongRoute | undefined {
  let best: (KongRoute & { length: number }) | undefined;
  for (const service of config?.services ?? []) {
    for (const route of service.routes ?? []) {
      if (route.methods && !route.methods.includes(method)) continue;
      for (const p of route.paths ?? []) {
        if (path.startsWith(p) && (!best || p.length > best.length)) best = { service, route, length: p.length };
      }
    }
  }
  return best;
}

export interface Delivery {
  /** Where the request ends: a Service's pods, or a description of where it stopped. */
  endpoint?: Endpoint;
  stop?: string;
  hops: string[];
}

/** Follows one request from the ingress controller to the pods that answer it. */
export function deliver(r: Rendered, host: string, method: string, path: string): Delivery {
  const hops: string[] = [];
  const controllerNs = addonNamespace(r, 'ingress-nginx') ?? 'ingress-nginx';
  const match = matchIngress(r, host, path);
  if (!match) return { stop: 'no Ingress path matches', hops };
  hops.push(`Ingress ${match.ingress.metadata.name} ${match.path}`);
  const first = resolveService(r, match.service, match.port);
  if (typeof first === 'string') return { stop: first, hops };
  if (!first.pods.every((pod) => admits(r, pod, first.port, sourceOfNamespace(controllerNs, 'the ingress controller')))) {
    return { stop: `NetworkPolicy refuses ${controllerNs} → ${match.service}:${first.port.name ?? first.port.number}`, hops };
  }
  if (match.service !== 'kong-proxy') return { endpoint: first, hops };
  const kong = matchKong(kongConfig(r), method, path);
  if (!kong) return { stop: 'Kong has no route for it', hops };
  hops.push(`Kong route ${kong.route.name}`);
  const url = new URL(kong.service.url);
  const target = resolveService(r, url.hostname, Number(url.port || (url.protocol === 'https:' ? 443 : 80)));
  if (typeof target === 'string') return { stop: `Kong service ${kong.service.name}: ${target}`, hops };
  const kongPod = first.pods[0]!;
  if (!target.pods.every((pod) => admits(r, pod, target.port, sourceOfPod(r, kongPod)))) {
    return { stop: `NetworkPolicy refuses Kong → ${url.hostname}:${target.port.name ?? target.port.number}`, hops };
  }
  return { endpoint: target, hops };
}

/** Every public path the server serves or links to, each with the roles that serve it. */
export function publicRequests(routes: ServedRoute[]): { method: string; path: string; roles: string[] }[] {
  const requests = routes
    // `OPTIONS *` is the discovery role's CORS preflight for any path; Kong answers preflights itself.
    .filter((route) => !CLUSTER_ONLY.includes(route.url) && route.url.startsWith('/'))
    .map((route) => ({ method: route.method, path: samplePath(route.url), roles: route.roles as string[] }));
  for (const path of WEB_PATHS) requests.push({ method: 'GET', path, roles: ['web'] });
  return requests;
}

export function routingProblems(r: Rendered, routes: ServedRoute[], publicUrl: string): string[] {
  const problems: string[] = [];
  const host = new URL(publicUrl).hostname;
  // The links the server writes (PUBLIC_URL/play/…, /media/…, /feeds/…) are served by some route.
  for (const prefix of EMITTED_PREFIXES) {
    if (!routes.some((route) => route.url.startsWith(`${prefix}/`))) problems.push(`the server emits ${prefix}/… links but serves no such route`);
  }
  for (const request of publicRequests(routes)) {
    const d = deliver(r, host, request.method, request.path);
    const where = `${r.overlay}: ${request.method} ${host}${request.path}`;
    if (d.stop) problems.push(`${where}: ${d.stop}${d.hops.length ? ` (after ${d.hops.join(' → ')})` : ''}`);
    else if (!d.endpoint!.pods.some((pod) => podRoles(pod).some((role) => request.roles.includes(role)))) {
      problems.push(`${where}: reaches Service ${d.endpoint!.service.metadata.name}, whose pods run none of the roles serving it (${request.roles.join(', ')})`);
    }
  }
  for (const path of NEVER_PUBLIC) {
    const d = deliver(r, host, 'GET', path);
    if (d.endpoint && d.endpoint.pods.some((pod) => podRoles(pod).length > 0)) problems.push(`${r.overlay}: ${path} is public (reaches ${d.endpoint.service.metadata.name})`);
  }
  return problems;
}
