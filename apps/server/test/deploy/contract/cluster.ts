// A small model of what a cluster would do with the rendered objects, enough for the deployment
// contract: which pods a Service reaches on which container port, what environment a container sees,
// whether the NetworkPolicies let one pod talk to another, and which namespaces exist.
import { byKind, containers, find, podTemplates, selects, type Any, type K8sObject, type PodTemplate } from '../manifests.js';

/** One overlay as rendered, with what it lives beside: its cluster-scoped objects and the add-ons. */
export interface Rendered {
  overlay: string;
  objects: K8sObject[];
  /** deploy/k8s/cluster/<overlay>: ClusterIssuers and the like. */
  cluster: K8sObject[];
  /** deploy/k8s/argocd: the add-on Applications (their namespaces are where ingress-nginx, Prometheus… run). */
  addons: K8sObject[];
  /** Secrets created out of band (production); references to them count as resolved. */
  externalSecrets: string[];
  /** Stand-in keys of some of those Secrets (addresses of the overlay's own Services). */
  externalSecretValues?: Record<string, Record<string, string>>;
}

/** A client of the network: a pod of this namespace, or any pod of another namespace. */
export interface Source {
  namespace: string;
  labels: Record<string, string>;
  name: string;
}

export interface Endpoint {
  service: K8sObject;
  pods: PodTemplate[];
  /** The container port the Service port leads to, by name and number. */
  port: { name?: string; number: number };
}

export const SERVER_IMAGE = /(^|\/)thmnayah\/server(:|@|$)/;
export const isServer = (c: Any) => SERVER_IMAGE.test(c.image ?? '');

/** The namespace the overlay deploys into (kustomize's `namespace:`). */
export function namespaceOf(r: Rendered): string {
  const ns = r.objects.find((o) => o.kind !== 'Namespace' && o.metadata.namespace)?.metadata.namespace;
  if (!ns) throw new Error(`${r.overlay}: no namespaced object`);
  return ns;
}

/** Namespaces that exist: the overlay's own, and those the pinned add-ons install into. */
export function knownNamespaces(r: Rendered): Set<string> {
  const names = new Set(byKind(r.objects, 'Namespace').map((n) => n.metadata.name));
  names.add(namespaceOf(r));
  for (const app of byKind(r.addons, 'Application')) {
    const ns = (app.spec as Any).destination?.namespace;
    if (ns) names.add(ns);
  }
  return names;
}

/** The namespace an add-on chart runs in, from its Argo CD Application (e.g. ingress-nginx, monitoring). */
export function addonNamespace(r: Rendered, chart: string): string | undefined {
  const app = byKind(r.addons, 'Application').find((a) => (a.spec as Any).source?.chart === chart);
  return (app?.spec as Any)?.destination?.namespace;
}

/** Hosts the overlay declares as outside the cluster (annotation on its Namespace). */
export function externalHosts(r: Rendered): Set<string> {
  const hosts = new Set<string>();
  for (const ns of byKind(r.objects, 'Namespace')) {
    for (const h of (ns.metadata.annotations?.['thmnayah.io/external-hosts'] ?? '').split(',')) if (h.trim()) hosts.add(h.trim());
  }
  return hosts;
}

/** Hosts the overlay's Ingresses answer for. */
export function ingressHosts(r: Rendered): Set<string> {
  return new Set(byKind(r.objects, 'Ingress').flatMap((i) => ((i.spec as Any).rules ?? []).map((rule: Any) => rule.host).filter(Boolean)));
}

const decode = (value: string) => Buffer.from(value.replace(/\s/g, ''), 'base64').toString('utf8');

/** A key of a rendered ConfigMap or Secret (undefined when the object or key is not rendered). */
export function keyOf(r: Rendered, kind: 'ConfigMap' | 'Secret', name: string, key: string): string | undefined {
  const o = find(r.objects, kind, name);
  if (!o && kind === 'Secret' && r.externalSecrets.includes(name)) return r.externalSecretValues?.[name]?.[key];
  const value = (o?.data as Record<string, string> | undefined)?.[key];
  if (value === undefined) return undefined;
  return kind === 'Secret' ? decode(value) : value;
}

/** The environment a container sees, as far as the rendered objects tell (external Secrets are absent). */
export function containerEnv(r: Rendered, c: Any): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of c.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    const o = find(r.objects, from.configMapRef ? 'ConfigMap' : 'Secret', ref.name);
    for (const [k, v] of Object.entries((o?.data as Record<string, string>) ?? {})) env[`${from.prefix ?? ''}${k}`] = from.secretRef ? decode(v) : v;
  }
  for (const e of c.env ?? []) {
    const cm = e.valueFrom?.configMapKeyRef;
    const secret = e.valueFrom?.secretKeyRef;
    const value = cm ? keyOf(r, 'ConfigMap', cm.name, cm.key) : secret ? keyOf(r, 'Secret', secret.name, secret.key) : e.value;
    if (value !== undefined) env[e.name] = value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m: string, name: string) => env[name] ?? m);
  }
  return env;
}

/** Pod templates a label selector picks. */
export function podsSelected(r: Rendered, selector: Any): PodTemplate[] {
  return podTemplates(r.objects).filter((t) => selects(selector, t.labels));
}

function containerPort(pods: PodTemplate[], target: string | number): { name?: string; number: number } | undefined {
  for (const t of pods) {
    for (const c of containers(t.spec)) {
      const p = (c.ports ?? []).find((x: Any) => x.name === target || x.containerPort === target);
      if (p) return { name: p.name, number: p.containerPort };
    }
  }
  return undefined;
}

/**
 * Where `host:port` leads inside the cluster: a Service of this overlay (by short name, name.namespace
 * or the full svc.cluster.local name), its pods and the container port. A string says what is wrong.
 */
export function resolveService(r: Rendered, host: string, port: number | string): Endpoint | string {
  const ns = namespaceOf(r);
  const parts = host.replace(/\.svc(\.cluster\.local)?$/, '').split('.');
  if (parts.length > 2) return `${host} is not a Service name`;
  const [name, namespace = ns] = parts;
  if (namespace !== ns) return `${host}: no Service ${name} in namespace ${namespace} (this overlay deploys into ${ns})`;
  const service = find(r.objects, 'Service', name!);
  if (!service) return `${host}: no Service ${name}`;
  const servicePort = ((service.spec as Any).ports ?? []).find((p: Any) => p.port === port || p.name === port);
  if (!servicePort) return `${host}: Service ${name} has no port ${port}`;
  const pods = podsSelected(r, (service.spec as Any).selector);
  if (pods.length === 0) return `${host}: Service ${name} selects no pods`;
  const target = containerPort(pods, servicePort.targetPort ?? servicePort.port);
  if (!target) return `${host}: Service ${name} port ${port} leads to no container port (${servicePort.targetPort})`;
  return { service, pods, port: target };
}

/** Whether the NetworkPolicies of the overlay let `source` open a connection to `pod` on `port`. */
export function admits(r: Rendered, pod: PodTemplate, port: { name?: string; number: number }, source: Source): boolean {
  const ns = namespaceOf(r);
  const policies = byKind(r.objects, 'NetworkPolicy').filter((np) => {
    const spec = np.spec as Any;
    return selects(spec.podSelector, pod.labels) && (spec.policyTypes ?? ['Ingress']).includes('Ingress');
  });
  if (policies.length === 0) return true;
  const peerMatches = (peer: Any) => {
    if (peer.ipBlock) return false; // pods are not addressed by CIDR here
    const namespaceOk = peer.namespaceSelector
      ? selects(peer.namespaceSelector, { 'kubernetes.io/metadata.name': source.namespace })
      : source.namespace === ns;
    const podOk = peer.podSelector ? selects(peer.podSelector, source.labels) : true;
    return namespaceOk && podOk;
  };
  const portMatches = (rulePort: Any) => rulePort.port === undefined || rulePort.port === port.name || rulePort.port === port.number;
  return policies.some((np) =>
    ((np.spec as Any).ingress ?? []).some((rule: Any) => (rule.from === undefined || rule.from.some(peerMatches)) && (rule.ports === undefined || rule.ports.some(portMatches))),
  );
}

/** The server roles a pod runs (`start --roles a,b`), empty for other pods. */
export function podRoles(pod: PodTemplate): string[] {
  const c = containers(pod.spec).find(isServer);
  if (!c || c.args?.[0] !== 'start') return [];
  const i = (c.args as string[]).indexOf('--roles');
  return i < 0 ? ['cms', 'discovery', 'relay', 'worker', 'cron', 'web'] : String(c.args[i + 1]).split(',');
}

export const sourceOfPod = (r: Rendered, pod: PodTemplate): Source => ({ namespace: namespaceOf(r), labels: pod.labels, name: `${pod.owner.kind} ${pod.owner.metadata.name}` });
export const sourceOfNamespace = (namespace: string, what: string): Source => ({ namespace, labels: {}, name: what });

/** Where a pod's connection goes: a pod (its labels) in a namespace; an address outside the cluster has none. */
export interface Destination {
  namespace?: string;
  labels?: Record<string, string>;
  /** An IP address outside the cluster (an ipBlock peer). */
  ip?: string;
}

/**
 * Whether the egress NetworkPolicies selecting `pod` let it open a connection to `to` on `port` (a
 * number, or the container port by name and number). No egress policy selecting the pod: open.
 */
export function egressAdmits(r: Rendered, pod: PodTemplate, to: Destination, port: number | { name?: string; number: number }): boolean {
  const ns = namespaceOf(r);
  const policies = byKind(r.objects, 'NetworkPolicy').filter((np) => {
    const spec = np.spec as Any;
    return selects(spec.podSelector, pod.labels) && (spec.policyTypes ?? []).includes('Egress');
  });
  if (policies.length === 0) return true;
  const [name, number] = typeof port === 'number' ? [undefined, port] : [port.name, port.number];
  const peerMatches = (peer: Any) => {
    if (peer.ipBlock) return to.ip !== undefined && inCidr(to.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c: string) => inCidr(to.ip!, c));
    if (to.namespace === undefined) return false;
    const namespaceOk = peer.namespaceSelector ? selects(peer.namespaceSelector, { 'kubernetes.io/metadata.name': to.namespace }) : to.namespace === ns;
    const podOk = peer.podSelector ? selects(peer.podSelector, to.labels ?? {}) : true;
    return namespaceOk && podOk;
  };
  const portMatches = (rulePort: Any) => rulePort.port === undefined || (name !== undefined && rulePort.port === name) || rulePort.port === number;
  return policies.some((np) => ((np.spec as Any).egress ?? []).some((rule: Any) => (rule.to === undefined || rule.to.some(peerMatches)) && (rule.ports === undefined || rule.ports.some(portMatches))));
}

/** IPv4 only (the policies here use IPv4 blocks). */
export function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/') as [string, string];
  const n = (a: string) => a.split('.').reduce((acc, x) => acc * 256 + Number(x), 0);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip) || !/^\d+\.\d+\.\d+\.\d+$/.test(base)) return false;
  const size = 2 ** (32 - Number(bits));
  return Math.floor(n(ip) / size) === Math.floor(n(base) / size);
}
