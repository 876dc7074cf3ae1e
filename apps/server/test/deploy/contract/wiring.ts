// The wiring contract: every address a container is given leads somewhere that answers (a Service
// port with pods behind it that the NetworkPolicies let the container reach, or a host the overlay
// declares external), with the credentials the server at the other end was started with; every name a
// pod refers to (ConfigMap, Secret, key, ServiceAccount, PVC, volume) exists after kustomize's hashing,
// including names hidden in environment values (MEDIA_JOB_*); every NetworkPolicy peer is real.
import { byKind, containers, find, podTemplates, selects, type Any, type PodTemplate } from '../manifests.js';
import { matchIngress } from './routing.js';
import { addonNamespace, admits, containerEnv, egressAdmits, externalHosts, ingressHosts, isServer, knownNamespaces, namespaceOf, resolveService, sourceOfNamespace, sourceOfPod, type Endpoint, type Rendered } from './cluster.js';

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443, 'postgres:': 5432, 'postgresql:': 5432, 'redis:': 6379, 'rediss:': 6379, 'nats:': 4222, 'tls:': 4222 };
/** Variables that hold an address the browser (not the pod) opens: they name a public host. */
const PUBLIC_ADDRESSES = ['PUBLIC_URL', 'S3_PUBLIC_ENDPOINT'];
const isAddress = (name: string) => /(_URL|_ENDPOINT|_ISSUER)$/.test(name);

/** What the store behind an address was started with, read from its own container's environment. */
function startedWith(endpoint: Endpoint, r: Rendered): { user?: string; password?: string; database?: string; image: string; users?: { user: string; password: string }[] } | undefined {
  for (const pod of endpoint.pods) {
    for (const c of containers(pod.spec)) {
      const env = containerEnv(r, c);
      const image = String(c.image);
      if (/(^|\/)postgres:/.test(image)) return { user: env.POSTGRES_USER ?? 'postgres', password: env.POSTGRES_PASSWORD, database: env.POSTGRES_DB ?? env.POSTGRES_USER, image };
      if (/(^|\/)redis:/.test(image)) {
        const args: string[] = c.args ?? [];
        const i = args.indexOf('--requirepass');
        return { password: i >= 0 ? args[i + 1] : undefined, image };
      }
      if (/(^|\/)minio\/minio:/.test(image)) return { user: env.MINIO_ROOT_USER, password: env.MINIO_ROOT_PASSWORD, image, users: minioUsers(r) };
    }
  }
  return undefined;
}

/** Checks one address a container uses; `credentials` are those the client sends (URL userinfo or S3 keys). */
function checkAddress(
  r: Rendered,
  from: PodTemplate,
  where: string,
  value: string,
  credentials: { user?: string; password?: string } | undefined,
  problems: string[],
) {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    problems.push(`${where}: ${value} is not a URL`);
    return;
  }
  const port = Number(url.port || DEFAULT_PORTS[url.protocol] || 0);
  if (externalHosts(r).has(url.hostname)) return;
  // A public host of this very cluster (Keycloak's id.example.org): the pod goes out through the
  // ingress controller, which must route the path to a Service whose pods admit the controller.
  if (ingressHosts(r).has(url.hostname)) {
    const nginx = addonNamespace(r, 'ingress-nginx') ?? 'ingress-nginx';
    const match = matchIngress(r, url.hostname, url.pathname || '/');
    const end = match ? resolveService(r, match.service, match.port) : `no Ingress path of ${url.hostname} takes ${url.pathname}`;
    if (typeof end === 'string') problems.push(`${where}: ${end}`);
    else if (!end.pods.every((pod) => admits(r, pod, end.port, sourceOfNamespace(nginx, 'ingress-nginx')))) problems.push(`${where}: NetworkPolicy refuses ${nginx} → ${match!.service}:${end.port.name ?? end.port.number}`);
    if (!egressAdmits(r, from, { namespace: nginx, labels: {} }, url.protocol === 'https:' ? 443 : 80)) problems.push(`${where}: egress NetworkPolicy refuses ${from.owner.metadata.name} → ${nginx} (${url.hostname} through the ingress controller)`);
    return;
  }
  const endpoint = resolveService(r, url.hostname, port);
  if (typeof endpoint === 'string') {
    problems.push(`${where}: ${endpoint} (and ${url.hostname} is not a declared external host)`);
    return;
  }
  if (!endpoint.pods.every((pod) => admits(r, pod, endpoint.port, sourceOfPod(r, from)))) {
    problems.push(`${where}: NetworkPolicy refuses ${from.owner.metadata.name} → ${url.hostname}:${endpoint.port.name ?? endpoint.port.number}`);
  }
  if (!endpoint.pods.every((pod) => egressAdmits(r, from, { namespace: namespaceOf(r), labels: pod.labels }, endpoint.port))) {
    problems.push(`${where}: egress NetworkPolicy refuses ${from.owner.metadata.name} → ${url.hostname}:${endpoint.port.name ?? endpoint.port.number}`);
  }
  const store = startedWith(endpoint, r);
  if (!store) return;
  const given = credentials ?? { user: decodeURIComponent(url.username) || undefined, password: decodeURIComponent(url.password) || undefined };
  // MinIO also knows the users a setup Job creates (`mc admin user add`); the keys must be one of them.
  if (store.users?.some((u) => u.user === given.user && u.password === given.password)) return;
  if (store.password !== given.password) problems.push(`${where}: password differs from the one ${store.image} is started with${store.users ? ' and from those of the users its setup Job creates' : ''}`);
  if (store.user !== undefined && given.user !== store.user) problems.push(`${where}: user ${given.user} is not ${store.user}, the one ${store.image} is started with${store.users ? `, nor a user its setup Job creates (${store.users.map((u) => u.user).join(', ') || 'none'})` : ''}`);
  if (store.database !== undefined && /^postgres/.test(url.protocol) && url.pathname.length > 1 && url.pathname.slice(1) !== store.database) {
    problems.push(`${where}: database ${url.pathname.slice(1)} is not ${store.database}, the one ${store.image} creates`);
  }
}

export function addressProblems(r: Rendered): string[] {
  const problems: string[] = [];
  const publicHosts = new Set([...ingressHosts(r), ...externalHosts(r)]);
  for (const pod of podTemplates(r.objects)) {
    for (const c of containers(pod.spec)) {
      const env = containerEnv(r, c);
      const owner = `${r.overlay}: ${pod.owner.kind} ${pod.owner.metadata.name}`;
      for (const [name, value] of Object.entries(env)) {
        if (!isAddress(name) || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) continue;
        if (PUBLIC_ADDRESSES.includes(name)) {
          const host = new URL(value).hostname;
          if (!publicHosts.has(host)) problems.push(`${owner}: ${name}=${value}: ${host} is neither an Ingress host nor a declared external host`);
          continue;
        }
        // S3 authenticates with keys, not URL userinfo.
        const credentials = name === 'S3_ENDPOINT' ? { user: env.S3_ACCESS_KEY_ID, password: env.S3_SECRET_ACCESS_KEY } : undefined;
        checkAddress(r, pod, `${owner}: ${name}`, value, credentials, problems);
      }
      // libpq's variables (the backup and restore Jobs) name a PostgreSQL server as a URL does; the
      // database may be one the operator creates (a restore target), so only server and user count.
      if (env.PGHOST) {
        checkAddress(r, pod, `${owner}: PGHOST`, `postgres://${env.PGHOST}:${env.PGPORT ?? 5432}`, { user: env.PGUSER ?? 'postgres', password: env.PGPASSWORD }, problems);
      }
      // MinIO's client: `mc alias set NAME URL USER PASSWORD` in a setup script.
      const script = scriptOf(r, pod, c);
      for (const m of script.matchAll(/mc(?:\s+--config-dir\s+\S+)?\s+alias\s+set\s+\S+\s+(\S+)\s+(\S+)\s+(\S+)/g)) {
        const [url, user, password] = [m[1]!, m[2]!, m[3]!].map((s) => substitute(s, env));
        checkAddress(r, pod, `${owner}: mc alias`, url!, { user, password }, problems);
      }
    }
  }
  // Addresses inside configuration files mounted from ConfigMaps: the OpenTelemetry Collector's
  // exporters (`endpoint: host:port`) and Alloy's Loki writer (`url = "http://…"`).
  for (const pod of podTemplates(r.objects)) {
    for (const v of pod.spec.volumes ?? []) {
      const data = v.configMap ? (find(r.objects, 'ConfigMap', v.configMap.name)?.data as Record<string, string> | undefined) : undefined;
      for (const [file, text] of Object.entries(data ?? {})) {
        for (const m of text.matchAll(/^\s*(?:endpoint:\s*|url\s*=\s*)"?([a-z][\w.+-]*:\/\/[^\s"]+|[a-z][\w.-]*:\d+)"?\s*$/gm)) {
          if (/^0\.0\.0\.0:|^localhost:|^127\./.test(m[1]!)) continue; // a listen address, not a peer
          checkAddress(r, pod, `${r.overlay}: ${pod.owner.kind} ${pod.owner.metadata.name}: ${file}`, m[1]!, undefined, problems);
        }
      }
    }
  }
  // KEDA reads the NATS monitoring endpoint from its own namespace.
  for (const so of byKind(r.objects, 'ScaledObject')) {
    for (const trigger of (so.spec as Any).triggers ?? []) {
      const endpoint = trigger.metadata?.natsServerMonitoringEndpoint as string | undefined;
      if (!endpoint) continue;
      const url = new URL(`http://${endpoint}`);
      if (externalHosts(r).has(url.hostname)) continue;
      const target = resolveService(r, url.hostname, Number(url.port || 80));
      const keda = addonNamespace(r, 'keda') ?? 'keda';
      if (typeof target === 'string') problems.push(`${r.overlay}: ScaledObject ${so.metadata.name}: ${target}`);
      else if (!target.pods.every((pod) => admits(r, pod, target.port, sourceOfNamespace(keda, 'KEDA')))) problems.push(`${r.overlay}: ScaledObject ${so.metadata.name}: NetworkPolicy refuses ${keda} → ${endpoint}`);
    }
  }
  return problems;
}

/**
 * What a container runs: its command and arguments, and the text of every script they name that is
 * mounted from a ConfigMap (`sh /scripts/minio-setup.sh`), so checks of scripts see those files too.
 */
export function scriptOf(r: Rendered, pod: PodTemplate, c: Any): string {
  const words: string[] = [...(c.command ?? []), ...(c.args ?? [])];
  const parts = [words.join('\n')];
  for (const m of c.volumeMounts ?? []) {
    const volume = (pod.spec.volumes ?? []).find((v: Any) => v.name === m.name);
    const data = volume?.configMap ? (find(r.objects, 'ConfigMap', volume.configMap.name)?.data as Record<string, string> | undefined) : undefined;
    for (const [file, text] of Object.entries(data ?? {})) {
      const path = m.subPath ? (m.subPath === file ? m.mountPath : undefined) : `${m.mountPath}/${file}`;
      if (path && words.some((w) => w === path)) parts.push(text);
    }
  }
  return inlineFunctions(parts.join('\n'));
}

/** The MinIO users setup Jobs create: `mc admin user add ALIAS KEY SECRET`, with each Job's environment. */
function minioUsers(r: Rendered): { user: string; password: string }[] {
  const users: { user: string; password: string }[] = [];
  for (const pod of podTemplates(r.objects)) {
    for (const c of containers(pod.spec)) {
      const env = containerEnv(r, c);
      for (const m of scriptOf(r, pod, c).matchAll(/\bmc\b(?:\s+--\S+(?:\s+[^-\s]\S*)?)*\s+admin\s+user\s+add\s+\S+\s+(\S+)\s+(\S+)/g)) {
        users.push({ user: substitute(m[1]!, env), password: substitute(m[2]!, env) });
      }
    }
  }
  return users;
}

/**
 * A shell script with its functions inlined: each call `name a b` replaced by the function's body with
 * $1, $2… set to a, b…, so that what the script does with each argument is visible to the checks.
 * Functions are `name() {` … `}` with the braces at the start of a line (the style of scripts/*.sh).
 */
export function inlineFunctions(script: string): string {
  const functions = new Map<string, string>();
  const rest = script.replace(/^([A-Za-z_][A-Za-z0-9_]*)\(\)\s*\{\n([\s\S]*?)^\}\s*$/gm, (_, name: string, body: string) => {
    functions.set(name, body);
    return '';
  });
  if (functions.size === 0) return script;
  return rest.replace(/^(\s*)([A-Za-z_][A-Za-z0-9_]*)((?:[ \t]+\S+)*)[ \t]*$/gm, (line, indent: string, name: string, args: string) => {
    const body = functions.get(name);
    if (body === undefined) return line;
    const values = args.trim().split(/\s+/).filter(Boolean);
    return body.replace(/\$\{?(\d)\}?/g, (_m, i: string) => (values[Number(i) - 1] ?? '').replace(/^["']|["']$/g, '')).replace(/^/gm, indent);
  });
}

/** Shell-style $NAME / ${NAME} / "$NAME" from the container's environment. */
function substitute(text: string, env: Record<string, string>): string {
  return text.replace(/^["']|["']$/g, '').replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name) => env[name] ?? `$${name}`);
}

/** Buckets a setup Job creates (`mc mb …/BUCKET`) are the bucket the server uses. */
export function bucketProblems(r: Rendered): string[] {
  const problems: string[] = [];
  const serverBuckets = new Set<string>();
  // The buckets clients use: the server's S3_BUCKET, and that of any other S3 client (the backup Jobs).
  const usedBuckets = new Set<string>();
  for (const pod of podTemplates(r.objects)) {
    for (const c of containers(pod.spec)) {
      const env = containerEnv(r, c);
      if (isServer(c)) serverBuckets.add(env.S3_BUCKET ?? 'thmnayah-media');
      else if (env.S3_BUCKET && env.S3_ENDPOINT) usedBuckets.add(env.S3_BUCKET);
    }
  }
  for (const pod of podTemplates(r.objects)) {
    for (const c of containers(pod.spec)) {
      const env = containerEnv(r, c);
      const script = scriptOf(r, pod, c);
      for (const m of script.matchAll(/\bmb\s+(?:--\S+\s+)*(\S+)/g)) {
        const bucket = substitute(m[1]!, env).split('/').pop()!;
        if (usedBuckets.has(bucket) && !serverBuckets.has(bucket)) continue;
        if (![...serverBuckets].every((b) => b === bucket)) problems.push(`${r.overlay}: ${pod.owner.kind} ${pod.owner.metadata.name} creates bucket ${bucket}, the server uses ${[...serverBuckets].join(', ')}`);
      }
    }
  }
  return problems;
}

export function referenceProblems(r: Rendered): string[] {
  const problems: string[] = [];
  const secretExists = (name: string) =>
    find(r.objects, 'Secret', name) !== undefined || r.externalSecrets.includes(name) || byKind(r.objects, 'Certificate').some((c) => (c.spec as Any).secretName === name);
  const check = (ok: boolean, message: string) => ok || problems.push(message);
  for (const pod of podTemplates(r.objects)) {
    const where = `${r.overlay}: ${pod.owner.kind} ${pod.owner.metadata.name}`;
    const spec = pod.spec;
    if (spec.serviceAccountName) check(!!find(r.objects, 'ServiceAccount', spec.serviceAccountName), `${where}: ServiceAccount ${spec.serviceAccountName} does not exist`);
    const claims = new Set(((pod.owner.spec as Any).volumeClaimTemplates ?? []).map((t: Any) => t.metadata.name));
    const volumes = new Set([...(spec.volumes ?? []).map((v: Any) => v.name), ...claims]);
    for (const v of spec.volumes ?? []) {
      if (v.configMap) check(!!find(r.objects, 'ConfigMap', v.configMap.name) || v.configMap.optional, `${where}: volume ${v.name}: ConfigMap ${v.configMap.name} does not exist`);
      if (v.secret) check(secretExists(v.secret.secretName) || v.secret.optional, `${where}: volume ${v.name}: Secret ${v.secret.secretName} does not exist`);
      if (v.persistentVolumeClaim) check(!!find(r.objects, 'PersistentVolumeClaim', v.persistentVolumeClaim.claimName), `${where}: PVC ${v.persistentVolumeClaim.claimName} does not exist`);
    }
    for (const c of containers(spec)) {
      for (const m of c.volumeMounts ?? []) check(volumes.has(m.name), `${where}/${c.name}: mount ${m.mountPath} names no volume ${m.name}`);
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef) check(!!find(r.objects, 'ConfigMap', from.configMapRef.name) || from.configMapRef.optional, `${where}/${c.name}: ConfigMap ${from.configMapRef.name} does not exist`);
        if (from.secretRef) check(secretExists(from.secretRef.name) || from.secretRef.optional, `${where}/${c.name}: Secret ${from.secretRef.name} does not exist`);
      }
      for (const e of c.env ?? []) {
        const cm = e.valueFrom?.configMapKeyRef;
        const secret = e.valueFrom?.secretKeyRef;
        if (cm) check(find(r.objects, 'ConfigMap', cm.name) ? (find(r.objects, 'ConfigMap', cm.name)!.data as Any)?.[cm.key] !== undefined : !!cm.optional, `${where}/${c.name}: ${e.name}: ConfigMap ${cm.name} key ${cm.key} does not exist`);
        if (secret) {
          const object = find(r.objects, 'Secret', secret.name);
          check(object ? (object.data as Any)?.[secret.key] !== undefined : secretExists(secret.name) || !!secret.optional, `${where}/${c.name}: ${e.name}: Secret ${secret.name} key ${secret.key} does not exist`);
        }
      }
      if (!isServer(c)) continue;
      // Names inside values: the media runner creates Jobs from these at run time, outside kustomize.
      const env = containerEnv(r, c);
      for (const entry of (env.MEDIA_JOB_ENV_FROM ?? '').split(',').filter(Boolean)) {
        const [kind, name] = entry.split(':');
        if (kind === 'secret') check(secretExists(name!), `${where}: MEDIA_JOB_ENV_FROM names Secret ${name}, which does not exist`);
        else check(!!find(r.objects, 'ConfigMap', name!), `${where}: MEDIA_JOB_ENV_FROM names ConfigMap ${name}, which does not exist (kustomize renders ${byKind(r.objects, 'ConfigMap').map((m) => m.metadata.name).join(', ')})`);
      }
      if (env.MEDIA_JOB_SERVICE_ACCOUNT) check(!!find(r.objects, 'ServiceAccount', env.MEDIA_JOB_SERVICE_ACCOUNT), `${where}: MEDIA_JOB_SERVICE_ACCOUNT ${env.MEDIA_JOB_SERVICE_ACCOUNT} does not exist`);
      if (env.MEDIA_RUNNER === 'kubernetes') check(env.MEDIA_JOB_IMAGE === c.image, `${where}: MEDIA_JOB_IMAGE ${env.MEDIA_JOB_IMAGE} is not the pod's own image ${c.image}`);
    }
  }
  for (const binding of byKind(r.objects, 'RoleBinding')) {
    const spec = binding as Any;
    check(!!find(r.objects, spec.roleRef.kind, spec.roleRef.name), `${r.overlay}: RoleBinding ${binding.metadata.name}: ${spec.roleRef.kind} ${spec.roleRef.name} does not exist`);
    for (const s of spec.subjects) check(!!find(r.objects, s.kind, s.name), `${r.overlay}: RoleBinding ${binding.metadata.name}: ${s.kind} ${s.name} does not exist`);
  }
  return problems;
}

/** NetworkPolicy peers select pods that exist, namespaces that exist, ports those pods have. */
export function networkPolicyProblems(r: Rendered): string[] {
  const problems: string[] = [];
  const namespaces = knownNamespaces(r);
  const templates = podTemplates(r.objects);
  const ns = namespaceOf(r);
  for (const np of byKind(r.objects, 'NetworkPolicy')) {
    const spec = np.spec as Any;
    const where = `${r.overlay}: NetworkPolicy ${np.metadata.name}`;
    const selected = templates.filter((t) => selects(spec.podSelector, t.labels));
    if (selected.length === 0) problems.push(`${where} selects no pods`);
    for (const rule of spec.ingress ?? []) {
      for (const peer of rule.from ?? []) {
        const name = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
        if (peer.namespaceSelector && (!name || !namespaces.has(name))) problems.push(`${where}: namespace ${name ?? JSON.stringify(peer.namespaceSelector)} does not exist (known: ${[...namespaces].join(', ')})`);
        if (peer.podSelector && (!peer.namespaceSelector || name === ns) && !templates.some((t) => selects(peer.podSelector, t.labels))) problems.push(`${where}: no pod matches ${JSON.stringify(peer.podSelector)}`);
      }
      for (const port of rule.ports ?? []) {
        // Every long-running pod it selects (Jobs selected by a broad label take no connections).
        const serving = selected.filter((t) => t.owner.kind !== 'Job' && t.owner.kind !== 'CronJob');
        const ok = serving.length > 0 && serving.every((t) => containers(t.spec).some((c) => (c.ports ?? []).some((p: Any) => p.name === port.port || p.containerPort === port.port)));
        if (!ok) problems.push(`${where}: port ${port.port} is not on every pod it selects`);
      }
    }
  }
  // Prometheus scrapes every ServiceMonitor's endpoints from its own namespace.
  const monitoring = addonNamespace(r, 'kube-prometheus-stack') ?? 'monitoring';
  for (const sm of byKind(r.objects, 'ServiceMonitor')) {
    for (const service of byKind(r.objects, 'Service').filter((s) => selects((sm.spec as Any).selector, s.metadata.labels ?? {}))) {
      for (const endpoint of (sm.spec as Any).endpoints) {
        const target = resolveService(r, service.metadata.name, endpoint.port);
        if (typeof target === 'string') continue; // not every selected Service has the port (the checked Services do)
        if (!target.pods.every((pod) => admits(r, pod, target.port, sourceOfNamespace(monitoring, 'Prometheus')))) problems.push(`${r.overlay}: ServiceMonitor ${sm.metadata.name}: NetworkPolicy refuses ${monitoring} → ${service.metadata.name}:${endpoint.port}`);
      }
    }
  }
  return problems;
}

/**
 * DATABASE_READ_URL leads to a streaming standby of the very server DATABASE_URL names (its pods
 * clone and follow PRIMARY_HOST), and to exactly one: the server reads the read model's generation
 * and the answers cached under it from the same database, which two standbys would not be.
 */
export function replicaProblems(r: Rendered): string[] {
  const problems: string[] = [];
  for (const pod of podTemplates(r.objects)) {
    for (const c of containers(pod.spec)) {
      if (!isServer(c)) continue;
      const env = containerEnv(r, c);
      if (!env.DATABASE_READ_URL) continue;
      const where = `${r.overlay}: ${pod.owner.kind} ${pod.owner.metadata.name}: DATABASE_READ_URL`;
      if (!env.DATABASE_URL) {
        problems.push(`${where} is set without DATABASE_URL`);
        continue;
      }
      const [read, primary] = [new URL(env.DATABASE_READ_URL), new URL(env.DATABASE_URL)];
      if (externalHosts(r).has(read.hostname) || read.hostname === primary.hostname) continue;
      const readEnd = resolveService(r, read.hostname, Number(read.port || 5432));
      const primaryEnd = resolveService(r, primary.hostname, Number(primary.port || 5432));
      if (typeof readEnd === 'string' || typeof primaryEnd === 'string') continue; // addressProblems says why
      const followed = readEnd.pods.flatMap((p) => containers(p.spec).map((x: Any) => containerEnv(r, x).PRIMARY_HOST)).find(Boolean);
      if (!followed) {
        problems.push(`${where}: ${read.hostname} is not a standby (its pods name no PRIMARY_HOST to stream from)`);
        continue;
      }
      const source = resolveService(r, followed, 5432);
      if (typeof source === 'string') problems.push(`${where}: ${read.hostname} streams from ${source}`);
      else if (source.service !== primaryEnd.service) problems.push(`${where}: ${read.hostname} is a standby of ${source.service.metadata.name}, not of ${primaryEnd.service.metadata.name} (DATABASE_URL)`);
      else if (!source.pods.every((p) => admits(r, p, source.port, sourceOfPod(r, readEnd.pods[0]!)))) problems.push(`${where}: NetworkPolicy refuses ${read.hostname} → ${followed} (replication)`);
      else if (!source.pods.every((p) => egressAdmits(r, readEnd.pods[0]!, { namespace: namespaceOf(r), labels: p.labels }, source.port))) problems.push(`${where}: egress NetworkPolicy refuses ${read.hostname} → ${followed} (replication)`);
      const standbys = readEnd.pods.reduce((n, p) => n + Number((p.owner.spec as Any).replicas ?? 1), 0);
      if (standbys !== 1) problems.push(`${where}: ${read.hostname} leads to ${standbys} standbys; the generation and the answers must come from one`);
    }
  }
  return problems;
}

/**
 * REDIS_SENTINELS lead to sentinels that monitor the master REDIS_MASTER_NAME names, and those
 * sentinels reach the data nodes they watch (REDIS_SERVICE of their own environment).
 */
export function sentinelProblems(r: Rendered): string[] {
  const problems: string[] = [];
  for (const pod of podTemplates(r.objects)) {
    for (const c of containers(pod.spec)) {
      if (!isServer(c)) continue;
      const env = containerEnv(r, c);
      if (!env.REDIS_SENTINELS) continue;
      const where = `${r.overlay}: ${pod.owner.kind} ${pod.owner.metadata.name}: REDIS_SENTINELS`;
      for (const entry of env.REDIS_SENTINELS.split(',')) {
        const [host, port] = entry.trim().split(':') as [string, string];
        checkAddress(r, pod, where, `redis://${host}:${port}`, { password: env.REDIS_PASSWORD }, problems);
        const sentinels = resolveService(r, host, Number(port));
        if (typeof sentinels === 'string') continue;
        for (const sentinel of sentinels.pods) {
          const sentinelEnv = containerEnv(r, containers(sentinel.spec)[0]);
          if (sentinelEnv.MASTER_NAME !== env.REDIS_MASTER_NAME) problems.push(`${where}: the sentinels of ${host} monitor master ${sentinelEnv.MASTER_NAME ?? '(none named)'}, REDIS_MASTER_NAME is ${env.REDIS_MASTER_NAME}`);
          const data = sentinelEnv.REDIS_SERVICE ? resolveService(r, sentinelEnv.REDIS_SERVICE, 6379) : `${sentinel.owner.metadata.name} names no REDIS_SERVICE`;
          if (typeof data === 'string') problems.push(`${where}: sentinel ${sentinel.owner.metadata.name}: ${data}`);
          else if (!data.pods.every((p) => admits(r, p, data.port, sourceOfPod(r, sentinel)))) problems.push(`${where}: NetworkPolicy refuses ${sentinel.owner.metadata.name} → ${sentinelEnv.REDIS_SERVICE}:${data.port.name ?? data.port.number}`);
          else if (!data.pods.every((p) => egressAdmits(r, sentinel, { namespace: namespaceOf(r), labels: p.labels }, data.port))) problems.push(`${where}: egress NetworkPolicy refuses ${sentinel.owner.metadata.name} → ${sentinelEnv.REDIS_SERVICE}:${data.port.name ?? data.port.number}`);
        }
      }
    }
  }
  return problems;
}

/**
 * The NATS cluster a server pod's NATS_URL leads to: as many nodes as NATS_STREAM_REPLICAS asks copies
 * of the stream, and routes (nats.conf in the nodes' ConfigMap) that name those nodes through a
 * Service on its cluster port, which the NetworkPolicies let the nodes reach.
 */
export function natsProblems(r: Rendered): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const pod of podTemplates(r.objects)) {
    for (const c of containers(pod.spec)) {
      if (!isServer(c)) continue;
      const env = containerEnv(r, c);
      if (!env.NATS_URL) continue;
      const url = new URL(env.NATS_URL);
      if (externalHosts(r).has(url.hostname)) continue;
      const end = resolveService(r, url.hostname, Number(url.port || 4222));
      if (typeof end === 'string') continue; // addressProblems says why
      const where = `${r.overlay}: ${pod.owner.kind} ${pod.owner.metadata.name}: NATS_URL`;
      const nodes = end.pods.reduce((n, p) => n + Number((p.owner.spec as Any).replicas ?? 1), 0);
      const replicas = Number(env.NATS_STREAM_REPLICAS ?? 1);
      if (replicas > nodes) problems.push(`${where}: NATS_STREAM_REPLICAS=${replicas}, but ${url.hostname} has ${nodes} node(s): the stream cannot be created`);
      for (const node of end.pods) {
        if (seen.has(node.owner.metadata.name)) continue;
        seen.add(node.owner.metadata.name);
        const conf = (node.spec.volumes ?? []).map((v: Any) => v.configMap && find(r.objects, 'ConfigMap', v.configMap.name)).find((m: Any) => (m?.data as Any)?.['nats.conf']);
        const text: string = conf ? (conf.data as Any)['nats.conf'] : '';
        const routes = [...text.matchAll(/nats-route:\/\/(?:[^@\s]+@)?([a-z0-9-]+)-(\d+)\.([a-z0-9-]+):(\d+)/g)];
        const statefulSet = node.owner.metadata.name;
        if (nodes > 1 && routes.length < nodes) problems.push(`${r.overlay}: StatefulSet ${statefulSet}: ${nodes} nodes but ${routes.length} cluster routes in nats.conf`);
        for (const [route, name, ordinal, service, port] of routes) {
          if (name !== statefulSet || Number(ordinal) >= nodes) problems.push(`${r.overlay}: StatefulSet ${statefulSet}: route ${route} names no pod of it`);
          const target = resolveService(r, service!, Number(port));
          if (typeof target === 'string') problems.push(`${r.overlay}: StatefulSet ${statefulSet}: route ${route}: ${target}`);
          else if (!target.pods.some((p) => p.owner === node.owner)) problems.push(`${r.overlay}: StatefulSet ${statefulSet}: route ${route}: Service ${service} selects other pods`);
          else if (!admits(r, node, target.port, sourceOfPod(r, node))) problems.push(`${r.overlay}: StatefulSet ${statefulSet}: NetworkPolicy refuses ${statefulSet} → ${service}:${target.port.name ?? target.port.number} (cluster route)`);
        }
      }
    }
  }
  return problems;
}

/**
 * A Keycloak of the overlay (components/keycloak): runs in production mode, reaches its database
 * (KC_DB_URL_HOST) through a Service the NetworkPolicies let it use, under the user and database its
 * database Job makes; its public name (KC_HOSTNAME) plus the imported realm is the issuer the server
 * trusts (OIDC_ISSUER), served by an Ingress of that host.
 */
export function keycloakProblems(r: Rendered): string[] {
  const problems: string[] = [];
  const issuers = new Set<string>();
  for (const pod of podTemplates(r.objects)) for (const c of containers(pod.spec)) if (isServer(c) && containerEnv(r, c).OIDC_ISSUER) issuers.add(containerEnv(r, c).OIDC_ISSUER!);
  for (const pod of podTemplates(r.objects)) {
    for (const c of containers(pod.spec)) {
      if (!/(^|\/)keycloak\/keycloak:/.test(String(c.image))) continue;
      const where = `${r.overlay}: ${pod.owner.kind} ${pod.owner.metadata.name}`;
      const env = containerEnv(r, c);
      if (c.args?.[0] === 'start-dev') {
        if (r.overlay !== 'local') problems.push(`${where}: start-dev (development mode, H2 database) outside the local overlay`);
        continue;
      }
      if (env.KC_DB !== 'postgres') problems.push(`${where}: KC_DB is ${env.KC_DB ?? 'unset (H2)'}, not postgres`);
      const db = resolveService(r, env.KC_DB_URL_HOST ?? '(unset)', Number(env.KC_DB_URL_PORT ?? 5432));
      if (typeof db === 'string') problems.push(`${where}: KC_DB_URL_HOST: ${db}`);
      else {
        if (!db.pods.every((p) => admits(r, p, db.port, sourceOfPod(r, pod)))) problems.push(`${where}: KC_DB_URL_HOST: NetworkPolicy refuses keycloak → ${env.KC_DB_URL_HOST}:${db.port.name ?? db.port.number}`);
        if (!db.pods.every((p) => egressAdmits(r, pod, { namespace: namespaceOf(r), labels: p.labels }, db.port))) problems.push(`${where}: KC_DB_URL_HOST: egress NetworkPolicy refuses keycloak → ${env.KC_DB_URL_HOST}`);
      }
      // The database Job makes exactly the role and database Keycloak logs in with.
      const made = podTemplates(r.objects).map((t) => containers(t.spec).map((x: Any) => containerEnv(r, x))).flat().find((e) => e.KEYCLOAK_DB_USER);
      if (!made) problems.push(`${where}: no Job makes Keycloak's database`);
      else {
        if (made.KEYCLOAK_DB_USER !== env.KC_DB_USERNAME) problems.push(`${where}: KC_DB_USERNAME ${env.KC_DB_USERNAME} is not the role the database Job makes (${made.KEYCLOAK_DB_USER})`);
        if (made.KEYCLOAK_DB_NAME !== env.KC_DB_URL_DATABASE) problems.push(`${where}: KC_DB_URL_DATABASE ${env.KC_DB_URL_DATABASE} is not the database the Job makes (${made.KEYCLOAK_DB_NAME})`);
      }
      const realmVolume = (pod.spec.volumes ?? []).find((v: Any) => v.name === (c.volumeMounts ?? []).find((m: Any) => m.mountPath === '/opt/keycloak/data/import')?.name);
      const realmMap = realmVolume?.configMap ? find(r.objects, 'ConfigMap', realmVolume.configMap.name) : undefined;
      const realms = Object.values((realmMap?.data as Record<string, string>) ?? {}).map((t) => (JSON.parse(t) as Any).realm as string);
      if (realms.length === 0) problems.push(`${where}: imports no realm (nothing mounted at /opt/keycloak/data/import)`);
      const hostname = String(env.KC_HOSTNAME ?? '').replace(/\/$/, '');
      for (const issuer of issuers) {
        if (!realms.some((realm) => `${hostname}/realms/${realm}` === issuer)) problems.push(`${where}: the server trusts OIDC_ISSUER ${issuer}, but Keycloak issues ${realms.map((realm) => `${hostname}/realms/${realm}`).join(', ') || 'no realm'}`);
      }
      if (/^https:/.test(hostname) && env.KC_HTTP_ENABLED === 'true' && !env.KC_PROXY_HEADERS) problems.push(`${where}: plain HTTP behind a TLS proxy without KC_PROXY_HEADERS: Keycloak would build http:// URLs`);
      const host = hostname ? new URL(hostname).hostname : '';
      const route = host ? matchIngress(r, host, '/realms/x') : undefined;
      const served = route ? resolveService(r, route.service, route.port) : undefined;
      if (!served || typeof served === 'string' || !served.pods.some((p) => p.owner === pod.owner)) problems.push(`${where}: no Ingress of ${host || '(no KC_HOSTNAME)'} sends /realms to Keycloak`);
    }
  }
  return problems;
}
