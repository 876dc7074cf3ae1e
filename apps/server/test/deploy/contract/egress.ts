// The egress contract, for overlays that restrict egress (overlays/onprem, components/egress-policies):
// every pod is selected by an egress policy (nothing keeps the open default by being forgotten), every
// pod can resolve names, the data tier's pods reach their own peers (the addresses they are given are
// checked in wiring.ts, where each address is followed), the worker reaches the Kubernetes API for its
// media Jobs, only the feed-fetching roles reach the internet, and nothing reaches private or metadata
// addresses outside the cluster. Egress peers name pods and namespaces that exist.
import { byKind, containers, podTemplates, selects, type Any, type PodTemplate } from '../manifests.js';
import { containerEnv, egressAdmits, isServer, knownNamespaces, namespaceOf, podRoles, type Rendered } from './cluster.js';

/** A public address (example.com's) and addresses no pod may reach outside the cluster. */
const PUBLIC_IP = '93.184.215.14';
const FORBIDDEN_IPS = ['10.20.30.40', '172.16.5.4', '192.168.1.10', '169.254.169.254', '100.64.1.1'];
/** The server roles that fetch feeds from the internet: the cron role's sync and the CMS's import by URL. */
const FETCHING_ROLES = ['cms', 'cron'];
/** CoreDNS, as every distribution labels it. */
const DNS = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } };

const restricts = (r: Rendered) => byKind(r.objects, 'NetworkPolicy').some((np) => ((np.spec as Any).policyTypes ?? []).includes('Egress'));

export function egressProblems(r: Rendered): string[] {
  if (!restricts(r)) return [];
  const problems: string[] = [];
  const ns = namespaceOf(r);
  const policies = byKind(r.objects, 'NetworkPolicy').filter((np) => ((np.spec as Any).policyTypes ?? []).includes('Egress'));
  const templates = podTemplates(r.objects);
  const namespaces = new Set([...knownNamespaces(r), 'kube-system']);
  for (const np of policies) {
    const where = `${r.overlay}: NetworkPolicy ${np.metadata.name}`;
    const spec = np.spec as Any;
    if (!templates.some((t) => selects(spec.podSelector, t.labels))) problems.push(`${where} selects no pods`);
    for (const rule of spec.egress ?? []) {
      for (const peer of rule.to ?? []) {
        const name = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
        if (peer.namespaceSelector && (!name || !namespaces.has(name))) problems.push(`${where}: egress to namespace ${name ?? JSON.stringify(peer.namespaceSelector)}, which does not exist`);
        if (peer.podSelector && (!peer.namespaceSelector || name === ns) && !templates.some((t) => selects(peer.podSelector, t.labels))) problems.push(`${where}: egress to ${JSON.stringify(peer.podSelector)}, which no pod matches`);
      }
    }
  }
  const selected = (pod: PodTemplate) => policies.some((np) => selects((np.spec as Any).podSelector, pod.labels));
  for (const pod of templates) {
    const where = `${r.overlay}: ${pod.owner.kind} ${pod.owner.metadata.name}`;
    if (!selected(pod)) {
      problems.push(`${where}: no egress NetworkPolicy selects its pods (egress stays open)`);
      continue;
    }
    if (!egressAdmits(r, pod, DNS, { name: 'dns', number: 53 })) problems.push(`${where}: egress refuses DNS (kube-system/kube-dns:53)`);
    const roles = podRoles(pod);
    const fetches = roles.some((role) => FETCHING_ROLES.includes(role));
    const internet = egressAdmits(r, pod, { ip: PUBLIC_IP }, 443) && egressAdmits(r, pod, { ip: PUBLIC_IP }, 80);
    if (fetches && !internet) problems.push(`${where}: runs ${roles.filter((x) => FETCHING_ROLES.includes(x)).join(',')}, which fetch feeds, but egress refuses public addresses on 80/443`);
    if (!fetches && egressAdmits(r, pod, { ip: PUBLIC_IP }, 443)) problems.push(`${where}: may reach the internet, though it fetches nothing from it`);
    for (const ip of FORBIDDEN_IPS) {
      for (const port of [80, 443]) if (egressAdmits(r, pod, { ip }, port) && !kubernetesApi(r, pod, ip)) problems.push(`${where}: may reach ${ip}:${port}, a private or metadata address outside the cluster`);
    }
    // The worker that runs media steps as Kubernetes Jobs needs the API server.
    const server = containers(pod.spec).find(isServer);
    if (server && containerEnv(r, server).MEDIA_RUNNER === 'kubernetes' && !apiServerBlocks(r, pod).length) problems.push(`${where}: MEDIA_RUNNER=kubernetes, but egress allows no Kubernetes API address (ipBlock on 443 or 6443)`);
  }
  // Pods that form a cluster among themselves (a headless Service publishing not-ready pods: MinIO's
  // pool, NATS routes, Redis replication, the sentinels, Keycloak's JGroups) reach each other.
  for (const service of byKind(r.objects, 'Service')) {
    const spec = service.spec as Any;
    if (spec.clusterIP !== 'None' || !spec.publishNotReadyAddresses) continue;
    const peers = templates.filter((t) => selects(spec.selector, t.labels));
    for (const pod of peers) {
      for (const port of spec.ports ?? []) {
        const target = { name: typeof port.targetPort === 'string' ? port.targetPort : port.name, number: port.port };
        if (!egressAdmits(r, pod, { namespace: ns, labels: pod.labels }, target)) problems.push(`${r.overlay}: ${pod.owner.kind} ${pod.owner.metadata.name}: egress refuses its peers on ${service.metadata.name}:${target.name ?? target.number}`);
      }
    }
  }
  return problems;
}

/** The ipBlock addresses on 443/6443 the egress policies give a pod (the API server's endpoints). */
function apiServerBlocks(r: Rendered, pod: PodTemplate): string[] {
  return byKind(r.objects, 'NetworkPolicy')
    .filter((np) => ((np.spec as Any).policyTypes ?? []).includes('Egress') && selects((np.spec as Any).podSelector, pod.labels))
    .flatMap((np) => ((np.spec as Any).egress ?? []) as Any[])
    .filter((rule) => (rule.ports ?? []).some((p: Any) => p.port === 443 || p.port === 6443))
    .flatMap((rule) => (rule.to ?? []).filter((peer: Any) => peer.ipBlock && !String(peer.ipBlock.cidr).endsWith('/0')).map((peer: Any) => peer.ipBlock.cidr as string));
}

/** Whether ip is one of the pod's API server blocks (the worker's one sanctioned private address). */
function kubernetesApi(r: Rendered, pod: PodTemplate, ip: string): boolean {
  return apiServerBlocks(r, pod).some((cidr) => cidr === `${ip}/32`);
}
