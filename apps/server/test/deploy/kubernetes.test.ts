// The Kubernetes manifests, as `kubectl kustomize` renders them (base, both overlays, the Argo CD
// project): every object checked against its API schema, and the rules that tie them together and to
// the server (probes on the server's health routes, configuration variables the server knows, roles
// it accepts, selectors that select something, a gateway that routes to a Service that exists…).
//
// Schemas: kubernetes-models 4.x for core kinds, @kubernetes-models/keda (ScaledObject),
// @kubernetes-models/prometheus-operator (ServiceMonitor) and @kubernetes-models/argo-cd (Application,
// AppProject) for the CRDs: the 4.x line and the CRD packages built on it run on Node 20 (5.x needs
// Node 22). Their JSON schemas allow unknown fields, so unknown-fields.ts checks field names against
// the packages' type declarations. Kong's declarative config and the Keycloak realm have no schema
// package: their structure is checked below.
import { eventMetrics } from '../../src/events/metrics.js';
import { CONSUMERS } from '../../src/app.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as core from 'kubernetes-models/v1';
import * as apps from 'kubernetes-models/apps/v1';
import * as batch from 'kubernetes-models/batch/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as policy from 'kubernetes-models/policy/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as rbac from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import * as keda from '@kubernetes-models/keda/keda.sh/v1alpha1';
import * as monitoring from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import * as argocd from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import * as certManager from '@kubernetes-models/cert-manager/cert-manager.io/v1';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, VARIABLES, loadConfig, parseRoles } from '../../src/config.js';
import { CMS_ROLES } from '../../src/platform/auth/roles.js';
import { createMetrics } from '../../src/platform/telemetry/metrics.js';
import { SERVER_ROOT } from '../../scripts/build.js';
import { REPO_ROOT, byKind, containers, find, kubectlAvailable, podTemplates, quantity, render, selects, type Any, type K8sObject, type PodTemplate } from './manifests.js';
import { unknownFields } from './unknown-fields.js';

const RENDERS = { base: 'base', local: 'overlays/local', production: 'overlays/production', onprem: 'overlays/onprem', argocd: 'argocd', clusterLocal: 'cluster/local', clusterProduction: 'cluster/production' } as const;
const OVERLAYS = ['local', 'production', 'onprem'] as const;
type Overlay = (typeof OVERLAYS)[number];

/** Secrets production creates out of band (docs/deployment.md lists them); the manifests only refer to them. */
const EXTERNAL_SECRETS = ['thmnayah-database', 'thmnayah-redis', 'thmnayah-nats', 'thmnayah-s3', 'thmnayah-media', 'thmnayah-media-job-env', 'thmnayah-database-read', 'postgres-credentials', 'postgres-backup-s3', 'redis-credentials', 'nats-credentials', 'minio-credentials', 'keycloak-db', 'keycloak-admin'];
/** Stand-ins for those Secrets' values, to load the production configuration as a pod would. */
const PRODUCTION_SECRET_VALUES: Record<string, Record<string, string>> = {
  'thmnayah-database': { url: 'postgres://thmnayah@db.example.org:5432/thmnayah' },
  'thmnayah-database-read': { url: 'postgres://thmnayah@db-replica.example.org:5432/thmnayah' },
  'thmnayah-redis': { url: 'rediss://cache.example.org:6380' },
  'thmnayah-nats': { url: 'nats://nats.nats.svc.cluster.local:4222' },
  'thmnayah-s3': { 'access-key-id': 'AKIAEXAMPLE', 'secret-access-key': 'example-secret' },
  'thmnayah-media': { 'signing-key': 'example-signing-key-of-at-least-32-characters' },
};

/** The OpenTelemetry SDK's standard variables the manifests may set (docs/operations.md, "Tracing"). */
const OTEL_VARIABLES = ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_PROTOCOL', 'OTEL_SERVICE_NAME', 'OTEL_RESOURCE_ATTRIBUTES', 'OTEL_TRACES_SAMPLER', 'OTEL_TRACES_SAMPLER_ARG'];

const MODELS = new Map<string, new (data: Any) => { validate(): void }>();
for (const module of [core, apps, batch, autoscaling, policy, networking, rbac, keda, monitoring, argocd, certManager]) {
  for (const value of Object.values(module) as Any[]) {
    if (typeof value === 'function' && typeof value.apiVersion === 'string' && typeof value.kind === 'string') MODELS.set(`${value.apiVersion}/${value.kind}`, value);
  }
}

const available = await kubectlAvailable();
const isServerImage = (image: string) => /(^|\/)thmnayah\/server:/.test(image);
const roleArg = (args: string[]) => args[args.indexOf('--roles') + 1];
const decode = (value: string) => Buffer.from(value, 'base64').toString('utf8');
/**
 * kustomize wraps long base64 Secret values over several lines; the API server's base64 decoding skips
 * line breaks, the models' "byte" format does not. Compare what the API server would store.
 */
const forSchema = (object: K8sObject): K8sObject =>
  object.kind === 'Secret' && object.data
    ? { ...object, data: Object.fromEntries(Object.entries(object.data as Record<string, string>).map(([k, v]) => [k, v.replace(/\s/g, '')])) }
    : object;

describe.skipIf(!available)('Kubernetes manifests (kubectl kustomize)', () => {
  const rendered = {} as Record<keyof typeof RENDERS, K8sObject[]>;
  beforeAll(async () => {
    await Promise.all(Object.entries(RENDERS).map(async ([key, dir]) => (rendered[key as keyof typeof RENDERS] = await render(dir))));
  }, 60_000);

  const serverTemplates = (o: Overlay) => podTemplates(rendered[o]).filter((t) => containers(t.spec).some((c) => isServerImage(c.image)));
  const configMap = (o: Overlay) => byKind(rendered[o], 'ConfigMap').find((c) => c.metadata.name.startsWith('thmnayah-config'))!.data as Record<string, string>;

  it('renders every kustomization into objects that are valid for their API, with no unknown fields', () => {
    const problems: string[] = [];
    for (const [key, objects] of Object.entries(rendered)) {
      expect(objects.length, key).toBeGreaterThan(0);
      for (const object of objects) {
        const where = `${key}: ${object.kind} ${object.metadata.name}`;
        const Model = MODELS.get(`${object.apiVersion}/${object.kind}`);
        if (!Model) {
          problems.push(`${where}: no schema for ${object.apiVersion}`);
          continue;
        }
        try {
          new Model(forSchema(object)).validate();
        } catch (error) {
          problems.push(`${where}: ${(error as Error).message}`);
        }
        for (const field of unknownFields(object)) problems.push(`${where}: unknown field ${field}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(OVERLAYS)('%s: every container has requests and limits, runs as non-root with no capabilities, from a pinned image', (overlay) => {
    const problems: string[] = [];
    for (const template of podTemplates(rendered[overlay])) {
      const pod = template.spec;
      const owner = `${template.owner.kind} ${template.owner.metadata.name}`;
      if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault') problems.push(`${owner}: seccompProfile RuntimeDefault`);
      for (const c of containers(pod)) {
        const where = `${owner}/${c.name}`;
        const [, tag] = /:([^/:@]+)$/.exec(c.image) ?? [];
        if (!tag || tag === 'latest') problems.push(`${where}: image ${c.image} needs a pinned tag`);
        for (const part of ['requests', 'limits'] as const) {
          for (const resource of ['cpu', 'memory']) if (c.resources?.[part]?.[resource] === undefined) problems.push(`${where}: no ${part}.${resource}`);
        }
        for (const resource of ['cpu', 'memory']) {
          if (c.resources?.requests?.[resource] && c.resources?.limits?.[resource] && quantity(c.resources.requests[resource]) > quantity(c.resources.limits[resource])) {
            problems.push(`${where}: ${resource} request above limit`);
          }
        }
        const nonRoot = c.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
        const user = c.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
        if (nonRoot !== true || user === 0) problems.push(`${where}: must run as non-root`);
        if (c.securityContext?.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation must be false`);
        if (!c.securityContext?.capabilities?.drop?.includes('ALL')) problems.push(`${where}: must drop ALL capabilities`);
        // Init containers run to completion before the pod serves (the API refuses probes on them).
        const initContainer = (pod.initContainers ?? []).includes(c);
        if (['Deployment', 'StatefulSet'].includes(template.owner.kind) && !initContainer && (!c.livenessProbe || !c.readinessProbe)) problems.push(`${where}: liveness and readiness probes`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(OVERLAYS)("%s: server pods probe /healthz and /readyz on the configured port, with a read-only root and tmp/data volumes", (overlay) => {
    const config = configMap(overlay);
    for (const template of serverTemplates(overlay)) {
      const c = containers(template.spec).find((x) => isServerImage(x.image));
      const where = `${template.owner.kind} ${template.owner.metadata.name}`;
      expect(c.securityContext.readOnlyRootFilesystem, where).toBe(true);
      const mounts = new Map<string, string>(c.volumeMounts.map((m: Any) => [m.mountPath, m.name]));
      const emptyDirs = new Set(template.spec.volumes.filter((v: Any) => v.emptyDir).map((v: Any) => v.name));
      expect(emptyDirs.has(mounts.get('/tmp')), `${where}: /tmp on an emptyDir`).toBe(true);
      expect(emptyDirs.has(mounts.get(config.DATA_DIR!)), `${where}: DATA_DIR on an emptyDir`).toBe(true);
      if (template.owner.kind !== 'Deployment') continue;
      const http = c.ports.find((p: Any) => p.name === 'http');
      expect(http?.containerPort, where).toBe(Number(config.PORT));
      expect(c.livenessProbe.httpGet, where).toEqual({ path: '/healthz', port: 'http' });
      expect(c.readinessProbe.httpGet, where).toEqual({ path: '/readyz', port: 'http' });
      expect(c.startupProbe.httpGet, where).toEqual({ path: '/healthz', port: 'http' });
      // SIGTERM comes after preStop; the pod must outlive preStop + SHUTDOWN_GRACE_MS.
      const grace = Number(c.env.find((e: Any) => e.name === 'SHUTDOWN_GRACE_MS')?.value ?? config.SHUTDOWN_GRACE_MS);
      const preStop = Number(c.lifecycle?.preStop?.exec?.command?.[1] ?? 0);
      expect(template.spec.terminationGracePeriodSeconds * 1000, where).toBeGreaterThan(grace + preStop * 1000);
    }
  });

  it.each(OVERLAYS)('%s: server pods set only configuration variables the server defines, and the server accepts them', (overlay) => {
    const objects = rendered[overlay];
    // The server's own variables, and the standard OpenTelemetry ones its SDK reads (components/tracing).
    const known = new Set([...VARIABLES.map((v) => v.name), ...OTEL_VARIABLES]);
    // Local Secrets are generated (with hashed names the references follow); production's are stand-ins.
    const secretValue = (name: string, key: string): string | undefined => {
      const data = find(objects, 'Secret', name)?.data as Record<string, string> | undefined;
      if (data?.[key] !== undefined) return decode(data[key]);
      // On premises Redis is reached through Sentinel: Secret thmnayah-redis (REDIS_URL) is not made.
      return overlay === 'onprem' && name === 'thmnayah-redis' ? undefined : PRODUCTION_SECRET_VALUES[name]?.[key];
    };
    for (const template of serverTemplates(overlay)) {
      const c = containers(template.spec).find((x) => isServerImage(x.image));
      const where = `${template.owner.kind} ${template.owner.metadata.name}`;
      const env: Record<string, string> = {};
      for (const from of c.envFrom ?? []) {
        expect(from.configMapRef, `${where}: envFrom only from the ConfigMap`).toBeDefined();
        Object.assign(env, find(objects, 'ConfigMap', from.configMapRef.name)!.data);
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        const value = ref ? secretValue(ref.name, ref.key) : e.value;
        if (value !== undefined) env[e.name] = value;
      }
      expect(Object.keys(env).filter((name) => !known.has(name)), where).toEqual([]);
      const config = loadConfig(env);
      // Several pods share one catalogue, one identity and one media store: no embedded default may remain.
      expect(config.databaseUrl, `${where}: DATABASE_URL`).toBeDefined();
      expect(config.oidcIssuer, `${where}: OIDC_ISSUER`).toBeDefined();
      expect(config.s3Endpoint, `${where}: S3_ENDPOINT`).toBeDefined();
      expect(config.host).toBe('0.0.0.0');
    }
  });

  it.each(OVERLAYS)('%s: Deployments run every role once, with valid roles; Jobs run CLI commands that exist', (overlay) => {
    const main = readFileSync(join(SERVER_ROOT, 'src/main.ts'), 'utf8');
    const commands = new Set([...main.matchAll(/case '([a-z][a-z-]*)':/g)].map((m) => m[1]!));
    expect(commands).toContain('start');
    const roles: string[] = [];
    for (const template of serverTemplates(overlay)) {
      const c = containers(template.spec).find((x) => isServerImage(x.image));
      const where = `${template.owner.kind} ${template.owner.metadata.name}`;
      if (template.owner.kind === 'Deployment') {
        expect(c.args[0], where).toBe('start');
        const value = roleArg(c.args);
        const parsed = parseRoles(value);
        expect(parsed.length, where).toBeGreaterThan(0);
        roles.push(...parsed);
        // The role is also the component label the Services and policies select by.
        expect(parsed, where).toContain(template.labels['app.kubernetes.io/component']);
      } else {
        // Jobs and CronJobs run a command the CLI has.
        expect([...commands], `${where}: command ${c.args[0]}`).toContain(c.args[0]);
      }
    }
    expect([...roles].sort()).toEqual([...ROLES].sort());
  });

  it.each(OVERLAYS)('%s: selectors select, Services target ports that exist, autoscalers target Deployments', (overlay) => {
    const objects = rendered[overlay];
    const templates = podTemplates(objects);
    const problems: string[] = [];
    const matching = (selector: Any) => templates.filter((t) => selects(selector, t.labels));
    const hasPort = (ts: PodTemplate[], port: string | number) => ts.some((t) => containers(t.spec).some((c) => (c.ports ?? []).some((p: Any) => p.name === port || p.containerPort === port)));
    for (const o of [...byKind(objects, 'Deployment'), ...byKind(objects, 'StatefulSet')]) {
      const spec = o.spec as Any;
      if (!selects(spec.selector, spec.template.metadata.labels)) problems.push(`${o.kind} ${o.metadata.name}: selector does not match its template`);
      for (const spread of spec.template.spec.topologySpreadConstraints ?? []) {
        if (!selects(spread.labelSelector, spec.template.metadata.labels)) problems.push(`${o.kind} ${o.metadata.name}: topology spread selects other pods`);
      }
    }
    for (const service of byKind(objects, 'Service')) {
      const selected = matching((service.spec as Any).selector);
      if (selected.length === 0) problems.push(`Service ${service.metadata.name} selects no pods`);
      for (const port of (service.spec as Any).ports) {
        if (!hasPort(selected, port.targetPort ?? port.port)) problems.push(`Service ${service.metadata.name}: no container port ${port.targetPort}`);
      }
    }
    for (const pdb of byKind(objects, 'PodDisruptionBudget')) {
      if (matching((pdb.spec as Any).selector).length === 0) problems.push(`PodDisruptionBudget ${pdb.metadata.name} selects no pods`);
    }
    const scaled = new Map<string, string>();
    for (const scaler of [...byKind(objects, 'HorizontalPodAutoscaler'), ...byKind(objects, 'ScaledObject')]) {
      const target = (scaler.spec as Any).scaleTargetRef;
      const deployment = find(objects, target.kind ?? 'Deployment', target.name);
      if (!deployment) problems.push(`${scaler.kind} ${scaler.metadata.name}: no ${target.kind ?? 'Deployment'} ${target.name}`);
      if (scaled.has(target.name)) problems.push(`${target.name} is scaled by both ${scaled.get(target.name)} and ${scaler.kind}`);
      scaled.set(target.name, scaler.kind);
      // A replicas field would reset the autoscaler's count on every apply.
      if ((deployment?.spec as Any)?.replicas !== undefined) problems.push(`${target.name} is autoscaled but sets replicas`);
      const spec = scaler.spec as Any;
      const [min, max] = scaler.kind === 'ScaledObject' ? [spec.minReplicaCount, spec.maxReplicaCount] : [spec.minReplicas, spec.maxReplicas];
      if (!(min >= 1 && max >= min)) problems.push(`${scaler.kind} ${scaler.metadata.name}: bounds ${min}..${max}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(OVERLAYS)('%s: NetworkPolicies select existing pods and ports; the CMS is reachable only from the ingress controller', (overlay) => {
    const objects = rendered[overlay];
    const templates = podTemplates(objects);
    const problems: string[] = [];
    for (const np of byKind(objects, 'NetworkPolicy')) {
      const spec = np.spec as Any;
      const selected = Object.keys(spec.podSelector.matchLabels ?? {}).length === 0 ? templates : templates.filter((t) => selects(spec.podSelector, t.labels));
      if (selected.length === 0) problems.push(`NetworkPolicy ${np.metadata.name} selects no pods`);
      for (const rule of spec.ingress ?? []) {
        for (const peer of rule.from ?? []) {
          if (peer.podSelector && !peer.namespaceSelector && !templates.some((t) => selects(peer.podSelector, t.labels))) {
            problems.push(`NetworkPolicy ${np.metadata.name}: no pod matches ${JSON.stringify(peer.podSelector)}`);
          }
        }
        for (const port of rule.ports ?? []) {
          const ok = selected.some((t) => containers(t.spec).some((c) => (c.ports ?? []).some((p: Any) => p.name === port.port || p.containerPort === port.port)));
          if (!ok) problems.push(`NetworkPolicy ${np.metadata.name}: port ${port.port} is on none of its pods`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(byKind(objects, 'NetworkPolicy').some((np) => Object.keys((np.spec as Any).podSelector.matchLabels ?? {}).length === 0 && (np.spec as Any).ingress === undefined)).toBe(true);
    const cms = find(objects, 'NetworkPolicy', 'thmnayah-cms')!.spec as Any;
    expect(cms.ingress).toEqual([{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ port: 'http' }] }]);
  });

  it.each(OVERLAYS)('%s: Ingresses send public paths to Kong and /api/cms to the CMS with an allow-list', (overlay) => {
    const objects = rendered[overlay];
    const routes: { path: string; service: string; ingress: K8sObject }[] = [];
    for (const ingress of byKind(objects, 'Ingress')) {
      for (const rule of (ingress.spec as Any).rules) {
        for (const path of rule.http.paths) {
          const service = find(objects, 'Service', path.backend.service.name);
          expect(service, `${ingress.metadata.name} → ${path.backend.service.name}`).toBeDefined();
          const port = path.backend.service.port;
          expect((service!.spec as Any).ports.some((p: Any) => p.name === port.name || p.port === port.number), `${ingress.metadata.name} port`).toBe(true);
          routes.push({ path: path.path, service: path.backend.service.name, ingress });
        }
      }
    }
    const to = (path: string) => routes.filter((r) => r.path === path);
    expect(to('/api/discovery').map((r) => r.service)).toEqual(['kong-proxy']);
    expect(to('/feeds').map((r) => r.service)).toEqual(['kong-proxy']);
    const cms = to('/api/cms');
    expect(cms.map((r) => r.service)).toEqual(['thmnayah-cms']);
    const allow = cms[0]!.ingress.metadata.annotations!['nginx.ingress.kubernetes.io/allowlist-source-range'];
    expect(allow).toMatch(/^[\d./,:a-f]+$/);
    expect(allow).not.toContain('0.0.0.0/0');
    // Every way into the CMS (its API, its uploads, the studio) carries the same allow-list.
    for (const r of routes.filter((x) => x.service === 'thmnayah-cms' || x.path.startsWith('/studio'))) {
      expect(r.ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/allowlist-source-range'], `${r.ingress.metadata.name} ${r.path}`).toBe(allow);
      expect(r.ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/whitelist-source-range'], `${r.ingress.metadata.name} ${r.path}`).toBe(allow);
    }
  });

  it.each(OVERLAYS)('%s: every Secret, ConfigMap and ServiceAccount a pod uses exists or is a documented external Secret', (overlay) => {
    const objects = rendered[overlay];
    const docs = readFileSync(join(REPO_ROOT, 'docs/deployment.md'), 'utf8');
    const problems: string[] = [];
    // A Secret exists when the overlay generates it, cert-manager writes it (a Certificate's secretName),
    // or production documents it as made out of band.
    const secretExists = (name: string) =>
      find(objects, 'Secret', name) !== undefined ||
      byKind(objects, 'Certificate').some((c) => (c.spec as Any).secretName === name) ||
      (overlay !== 'local' && EXTERNAL_SECRETS.includes(name) && docs.includes(`\`${name}\``));
    for (const template of podTemplates(objects)) {
      const where = `${template.owner.kind} ${template.owner.metadata.name}`;
      const account = template.spec.serviceAccountName;
      if (account && !find(objects, 'ServiceAccount', account)) problems.push(`${where}: ServiceAccount ${account}`);
      for (const c of containers(template.spec)) {
        for (const e of c.env ?? []) {
          const ref = e.valueFrom?.secretKeyRef;
          if (ref && !secretExists(ref.name)) problems.push(`${where}: Secret ${ref.name}`);
          if (ref && find(objects, 'Secret', ref.name) && !(find(objects, 'Secret', ref.name)!.data as Any)?.[ref.key]) problems.push(`${where}: Secret ${ref.name} has no ${ref.key}`);
        }
        for (const from of c.envFrom ?? []) if (from.configMapRef && !find(objects, 'ConfigMap', from.configMapRef.name)) problems.push(`${where}: ConfigMap ${from.configMapRef.name}`);
      }
      for (const volume of template.spec.volumes ?? []) {
        if (volume.configMap && !find(objects, 'ConfigMap', volume.configMap.name)) problems.push(`${where}: ConfigMap ${volume.configMap.name}`);
        if (volume.secret && !secretExists(volume.secret.secretName)) problems.push(`${where}: Secret ${volume.secret.secretName}`);
      }
    }
    for (const ingress of byKind(objects, 'Ingress')) {
      for (const tls of (ingress.spec as Any).tls ?? []) if (!secretExists(tls.secretName)) problems.push(`Ingress ${ingress.metadata.name}: Secret ${tls.secretName}`);
    }
    for (const binding of byKind(objects, 'RoleBinding')) {
      const spec = binding as Any;
      if (!find(objects, spec.roleRef.kind, spec.roleRef.name)) problems.push(`RoleBinding ${binding.metadata.name}: ${spec.roleRef.kind} ${spec.roleRef.name}`);
      for (const subject of spec.subjects) if (!find(objects, subject.kind, subject.name)) problems.push(`RoleBinding ${binding.metadata.name}: ${subject.kind} ${subject.name}`);
    }
    expect(problems).toEqual([]);
    // Only the worker holds an API token, and its Role reaches Jobs and pods only.
    const tokens = podTemplates(objects).filter((t) => t.spec.automountServiceAccountToken !== false && t.labels['app.kubernetes.io/name'] === 'thmnayah');
    expect(tokens.map((t) => t.owner.metadata.name)).toEqual(['thmnayah-worker']);
    const role = find(objects, 'Role', 'thmnayah-media-jobs') as Any;
    expect(role.rules.flatMap((r: Any) => r.resources).sort()).toEqual(['jobs', 'pods', 'pods/log']);
    expect(role.rules.find((r: Any) => r.resources.includes('jobs')).verbs).toContain('create');
  });

  it('production carries no Secret; local Secrets are labelled dev-only and hold only dev-only passwords', () => {
    expect(byKind(rendered.production, 'Secret')).toEqual([]);
    expect(byKind(rendered.onprem, 'Secret')).toEqual([]);
    const secrets = byKind(rendered.local, 'Secret');
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(secret.metadata.labels?.['thmnayah.io/dev-only'], secret.metadata.name).toBe('true');
      for (const [key, raw] of Object.entries(secret.data as Record<string, string>)) {
        const value = decode(raw);
        if (/password|secret/i.test(key)) expect(value, `${secret.metadata.name}.${key}`).toMatch(/^dev-only-/);
        const url = /^\w+:\/\/[^/]*@/.test(value) ? new URL(value) : undefined;
        if (url?.password) expect(url.password, `${secret.metadata.name}.${key}`).toMatch(/^dev-only-/);
        for (const match of value.matchAll(/"value": "([^"]*)"/g)) expect(match[1], `${secret.metadata.name}.${key}`).toMatch(/^dev-only-/);
      }
    }
  });

  it.each(OVERLAYS)('%s: KEDA scales the worker on the JetStream consumer of the event stream, never to zero', (overlay) => {
    const objects = rendered[overlay];
    const scaledObject = find(objects, 'ScaledObject', 'thmnayah-worker')!.spec as Any;
    expect(scaledObject.scaleTargetRef.name).toBe('thmnayah-worker');
    expect(scaledObject.minReplicaCount).toBeGreaterThanOrEqual(1);
    expect(scaledObject.fallback.replicas).toBeGreaterThanOrEqual(1);
    expect(scaledObject.fallback.replicas).toBeLessThanOrEqual(scaledObject.maxReplicaCount);
    expect(scaledObject.triggers).toHaveLength(1);
    const [trigger] = scaledObject.triggers;
    expect(trigger.type).toBe('nats-jetstream');
    const stream = VARIABLES.find((v) => v.name === 'NATS_STREAM')?.default ?? 'THMNAYAH_EVENTS';
    expect(trigger.metadata.stream).toBe(stream);
    // The consumer KEDA watches is one the worker really runs.
    expect(CONSUMERS.map((c) => c.name)).toContain(trigger.metadata.consumer);
    expect(Number(trigger.metadata.lagThreshold)).toBeGreaterThan(0);
    const [host, port] = trigger.metadata.natsServerMonitoringEndpoint.split(':');
    expect(port).toBe('8222');
    if (overlay === 'local') {
      // The in-cluster NATS: its Service, in this namespace, exposes the monitoring port.
      const namespace = (find(objects, 'Namespace', 'thmnayah') as K8sObject).metadata.name;
      expect(host).toBe(`nats.${namespace}.svc.cluster.local`);
      expect((find(objects, 'Service', 'nats')!.spec as Any).ports.map((p: Any) => p.port)).toContain(8222);
      expect(find(objects, 'StatefulSet', 'nats')!.spec).toMatchObject({ template: { spec: { containers: [{ args: expect.arrayContaining(['--jetstream']) }] } } });
    }
  });

  it.each(OVERLAYS)("%s: Kong's declarative config routes the public paths to the discovery Service with rate limiting and CORS", (overlay) => {
    const objects = rendered[overlay];
    const configMapObject = byKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('kong-config'))!;
    const kong = parseYaml((configMapObject.data as Record<string, string>)['kong.yml']!) as Any;
    expect(kong._format_version).toBe('3.0');
    const KNOWN: Record<string, string[]> = {
      'rate-limiting': ['second', 'minute', 'hour', 'day', 'month', 'year', 'limit_by', 'policy', 'hide_client_headers', 'fault_tolerant', 'header_name', 'path', 'error_code', 'error_message', 'sync_rate'],
      cors: ['origins', 'methods', 'headers', 'exposed_headers', 'credentials', 'max_age', 'preflight_continue', 'private_network'],
      prometheus: ['per_consumer', 'status_code_metrics', 'latency_metrics', 'bandwidth_metrics', 'upstream_health_metrics'],
    };
    const checkPlugins = (plugins: Any[] = []) => {
      for (const plugin of plugins) {
        expect(Object.keys(KNOWN), `plugin ${plugin.name}`).toContain(plugin.name);
        for (const key of Object.keys(plugin.config ?? {})) expect(KNOWN[plugin.name], `${plugin.name}.${key}`).toContain(key);
      }
    };
    checkPlugins(kong.plugins);
    const paths: string[] = [];
    const routeNames: string[] = [];
    for (const service of kong.services) {
      const url = new URL(service.url);
      const target = find(objects, 'Service', url.hostname.split('.')[0]!);
      expect(target, `Kong service ${service.name} → ${url.hostname}`).toBeDefined();
      expect((target!.spec as Any).ports.map((p: Any) => p.port)).toContain(Number(url.port || 80));
      checkPlugins(service.plugins);
      const names = service.plugins.map((p: Any) => p.name);
      expect(names).toEqual(expect.arrayContaining(['rate-limiting', 'cors']));
      const limit = service.plugins.find((p: Any) => p.name === 'rate-limiting').config;
      expect(limit.minute).toBeGreaterThan(0);
      expect(['local', 'redis']).toContain(limit.policy); // "cluster" needs a database; Kong runs DB-less
      expect(limit.limit_by).toBe('ip');
      for (const route of service.routes) {
        routeNames.push(route.name);
        for (const path of route.paths) {
          expect(path).toMatch(/^\//);
          paths.push(path);
        }
        expect(route.strip_path).toBe(false); // the server serves the full path
      }
      expect(target!.metadata.name).toBe('thmnayah-discovery');
    }
    expect(new Set(routeNames).size).toBe(routeNames.length);
    // Which paths must be here is the routing contract's business (routing.test.ts): every public
    // prefix the server emits. Here: some, each once.
    expect(paths).toContain('/api/discovery');
    expect(new Set(paths).size).toBe(paths.length);
    const deployment = find(objects, 'Deployment', 'kong')!.spec as Any;
    const container = deployment.template.spec.containers[0];
    const env = Object.fromEntries(container.env.map((e: Any) => [e.name, e.value]));
    expect(env.KONG_DATABASE).toBe('off');
    const mount = container.volumeMounts.find((m: Any) => env.KONG_DECLARATIVE_CONFIG.startsWith(`${m.mountPath}/`));
    const volume = deployment.template.spec.volumes.find((v: Any) => v.name === mount.name);
    expect(volume.configMap.name).toBe(configMapObject.metadata.name);
    expect(Object.keys(configMapObject.data as object)).toContain(env.KONG_DECLARATIVE_CONFIG.slice(mount.mountPath.length + 1));
  });

  it("local: Keycloak's realm has the CMS roles and client, and issues tokens the server's issuer and audience accept", () => {
    const objects = rendered.local;
    const config = configMap('local');
    const realmSecret = byKind(objects, 'Secret').find((s) => s.metadata.name.startsWith('keycloak-realm'))!;
    const realm = JSON.parse(decode((realmSecret.data as Record<string, string>)['thmnayah-realm.json']!)) as Any;
    expect(realm.realm).toBe('thmnayah');
    expect(realm.roles.realm.map((r: Any) => r.name).sort()).toEqual([...CMS_ROLES].sort());
    const client = realm.clients.find((c: Any) => c.clientId === 'thmnayah-cms');
    expect(client.publicClient).toBe(true);
    const audience = client.protocolMappers.find((m: Any) => m.protocolMapper === 'oidc-audience-mapper');
    expect(audience.config['included.client.audience']).toBe(config.OIDC_AUDIENCE);
    expect(audience.config['access.token.claim']).toBe('true');
    for (const user of realm.users) expect(CMS_ROLES).toEqual(expect.arrayContaining(user.realmRoles));
    // The studio's client: public, code + PKCE S256 only, back to PUBLIC_URL/studio, tokens for the CMS.
    const studio = realm.clients.find((c: Any) => c.clientId === loadConfig(config).oidcStudioClientId);
    expect(studio).toMatchObject({ publicClient: true, standardFlowEnabled: true, implicitFlowEnabled: false, directAccessGrantsEnabled: false });
    expect(studio.attributes['pkce.code.challenge.method']).toBe('S256');
    expect(studio.redirectUris).toEqual([`${config.PUBLIC_URL}/studio/*`]);
    expect(studio.attributes['post.logout.redirect.uris']).toBe(`${config.PUBLIC_URL}/studio/*`);
    expect(studio.webOrigins).toEqual([config.PUBLIC_URL]);
    const studioAudience = studio.protocolMappers.find((m: Any) => m.protocolMapper === 'oidc-audience-mapper');
    expect(studioAudience.config['included.client.audience']).toBe(config.OIDC_AUDIENCE);
    const keycloak = find(objects, 'Deployment', 'keycloak')!.spec as Any;
    const container = keycloak.template.spec.containers[0];
    const hostname = container.env.find((e: Any) => e.name === 'KC_HOSTNAME').value;
    expect(config.OIDC_ISSUER).toBe(`${hostname}/realms/${realm.realm}`);
    expect(container.args).toEqual(['start-dev', '--import-realm']);
    const mount = container.volumeMounts.find((m: Any) => m.mountPath === '/opt/keycloak/data/import');
    expect(keycloak.template.spec.volumes.find((v: Any) => v.name === mount.name).secret.secretName).toBe(realmSecret.metadata.name);
  });

  it('onprem: every stateful workload has a disruption budget and one pod per node; every pod is under a default-deny egress policy', () => {
    const objects = rendered.onprem;
    const pdbs = byKind(objects, 'PodDisruptionBudget');
    const stateful = [...byKind(objects, 'StatefulSet'), find(objects, 'Deployment', 'keycloak')!];
    expect(stateful.map((o) => o.metadata.name).sort()).toEqual(['keycloak', 'minio', 'nats', 'postgres', 'postgres-replica', 'redis', 'redis-sentinel']);
    for (const o of stateful) {
      const spec = o.spec as Any;
      const labels = spec.template.metadata.labels;
      const budgets = pdbs.filter((p) => selects((p.spec as Any).selector, labels));
      expect(budgets.map((p) => p.metadata.name), `${o.metadata.name}: one budget`).toHaveLength(1);
      const budget = budgets[0]!.spec as Any;
      // A budget that blocks every eviction of a multi-pod set would stall node drains forever.
      expect(budget.minAvailable, o.metadata.name).toBeGreaterThanOrEqual(1);
      if ((spec.replicas ?? 1) > 1) expect(budget.minAvailable, o.metadata.name).toBeLessThan(spec.replicas);
      const anti = spec.template.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
      expect(anti.some((term: Any) => term.topologyKey === 'kubernetes.io/hostname' && selects(term.labelSelector, labels)), `${o.metadata.name}: anti-affinity`).toBe(true);
    }
    const egress = byKind(objects, 'NetworkPolicy').filter((np) => ((np.spec as Any).policyTypes ?? []).includes('Egress'));
    const deny = egress.find((np) => Object.keys((np.spec as Any).podSelector).length === 0 && (np.spec as Any).egress === undefined);
    expect(deny?.metadata.name).toBe('default-deny-egress');
    // Each pod has allow rules of its own, except the PostgreSQL primary, which opens no connection
    // (DNS only): it answers the server, the replica and the Jobs.
    const ownRules = (t: PodTemplate) => egress.some((np) => Object.keys((np.spec as Any).podSelector).length > 0 && selects((np.spec as Any).podSelector, t.labels));
    expect(podTemplates(objects).filter((t) => !ownRules(t)).map((t) => `${t.owner.kind} ${t.owner.metadata.name}`)).toEqual(['StatefulSet postgres']);
    // Production and local keep egress open (their dependencies may be anywhere): documented, not forgotten.
    for (const o of ['production', 'local'] as const) expect(byKind(rendered[o], 'NetworkPolicy').filter((np) => ((np.spec as Any).policyTypes ?? []).includes('Egress'))).toEqual([]);
  });

  it('onprem: Keycloak runs in production mode on PostgreSQL, behind the ingress, and imports a realm with the CMS roles and clients and no users', () => {
    const objects = rendered.onprem;
    const config = configMap('onprem');
    const keycloak = find(objects, 'Deployment', 'keycloak')!.spec as Any;
    const container = keycloak.template.spec.containers[0];
    const env = Object.fromEntries(container.env.filter((e: Any) => e.value !== undefined).map((e: Any) => [e.name, e.value]));
    expect(container.args[0]).toBe('start');
    expect(container.args).not.toContain('start-dev');
    expect(env).toMatchObject({ KC_DB: 'postgres', KC_PROXY_HEADERS: 'xforwarded', KC_HTTP_ENABLED: 'true', KC_HEALTH_ENABLED: 'true', KC_CACHE_STACK: 'kubernetes' });
    expect(container.env.find((e: Any) => e.name === 'KC_DB_PASSWORD').valueFrom.secretKeyRef.name).toBe('keycloak-db');
    // Two pods on different nodes, a budget that keeps one, sessions shared through the headless Service.
    expect(keycloak.replicas).toBeGreaterThanOrEqual(2);
    expect(keycloak.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey).toBe('kubernetes.io/hostname');
    expect((find(objects, 'PodDisruptionBudget', 'keycloak')!.spec as Any).minAvailable).toBe(1);
    expect(env.JAVA_OPTS_APPEND).toContain(`-Djgroups.dns.query=keycloak-headless.thmnayah.svc.cluster.local`);
    expect((find(objects, 'Service', 'keycloak-headless')!.spec as Any).publishNotReadyAddresses).toBe(true);
    for (const [probe, path] of [['startupProbe', '/health/started'], ['readinessProbe', '/health/ready'], ['livenessProbe', '/health/live']] as const) {
      expect(container[probe].httpGet, probe).toEqual({ path, port: 'management' });
    }
    // The realm: the server's roles and both clients, production redirect URIs, no users, no password grant.
    const mount = container.volumeMounts.find((m: Any) => m.mountPath === '/opt/keycloak/data/import');
    const realmMap = find(objects, 'ConfigMap', keycloak.template.spec.volumes.find((v: Any) => v.name === mount.name).configMap.name)!;
    const realm = JSON.parse((realmMap.data as Record<string, string>)['thmnayah-realm.json']!) as Any;
    expect(`${env.KC_HOSTNAME}/realms/${realm.realm}`).toBe(config.OIDC_ISSUER);
    expect(realm.roles.realm.map((x: Any) => x.name).sort()).toEqual([...CMS_ROLES].sort());
    expect(realm.users ?? []).toEqual([]);
    const cms = realm.clients.find((c: Any) => c.clientId === config.OIDC_AUDIENCE);
    expect(cms).toMatchObject({ publicClient: true, directAccessGrantsEnabled: false, implicitFlowEnabled: false });
    const studio = realm.clients.find((c: Any) => c.clientId === loadConfig(config).oidcStudioClientId);
    expect(studio).toMatchObject({ publicClient: true, standardFlowEnabled: true, implicitFlowEnabled: false, directAccessGrantsEnabled: false });
    expect(studio.attributes['pkce.code.challenge.method']).toBe('S256');
    expect(studio.redirectUris).toEqual([`${config.PUBLIC_URL}/studio/*`]);
    expect(studio.webOrigins).toEqual([config.PUBLIC_URL]);
    for (const client of [cms, studio]) {
      expect(client.protocolMappers.find((m: Any) => m.protocolMapper === 'oidc-audience-mapper').config['included.client.audience']).toBe(config.OIDC_AUDIENCE);
      for (const uri of client.redirectUris) expect(uri.startsWith(`${config.PUBLIC_URL}/`), uri).toBe(true);
    }
    // The admin console is not public: only the allow-listed Ingress routes /admin.
    const admin = byKind(objects, 'Ingress').filter((i) => (i.spec as Any).rules.some((rule: Any) => rule.http.paths.some((p: Any) => p.path.startsWith('/admin'))));
    expect(admin.map((i) => i.metadata.name)).toEqual(['keycloak-admin']);
    expect(admin[0]!.metadata.annotations!['nginx.ingress.kubernetes.io/allowlist-source-range']).not.toContain('0.0.0.0/0');
    // The database Job makes what Keycloak logs in with, from the same Secret.
    const job = find(objects, 'Job', 'keycloak-db')!.spec as Any;
    const jobEnv = job.template.spec.containers[0].env;
    expect(jobEnv.find((e: Any) => e.name === 'KEYCLOAK_DB_PASSWORD').valueFrom.secretKeyRef).toEqual(container.env.find((e: Any) => e.name === 'KC_DB_PASSWORD').valueFrom.secretKeyRef);
  });

  it.each(OVERLAYS)('%s: the Grafana dashboard shows requests, errors, p50/p99 latency by route and event lag, from metrics the server exports', async (overlay) => {
    const dashboardMap = find(rendered[overlay], 'ConfigMap', 'thmnayah-dashboard')!;
    expect(dashboardMap.metadata.labels?.grafana_dashboard).toBe('1');
    const dashboard = JSON.parse((dashboardMap.data as Record<string, string>)['thmnayah.json']!) as Any;
    const titles = dashboard.panels.map((p: Any) => p.title as string);
    for (const wanted of [/request rate by route/i, /error rate by route/i, /p50 by route/i, /p99 by route/i, /event lag/i]) expect(titles.some((t: string) => wanted.test(t)), String(wanted)).toBe(true);

    const registry = createMetrics({ defaultMetrics: true }).registry;
    // The event runtime registers its metrics when the event roles start.
    eventMetrics(registry);
    const exported = new Set((await registry.getMetricsAsJSON()).map((m) => m.name));
    const used = dashboard.panels.flatMap((p: Any) => p.targets.flatMap((t: Any) => [...(t.expr as string).matchAll(/([a-z_:][a-z0-9_:]*)\{/g)].map((m) => m[1]!)));
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(exported, name).toContain(name.replace(/_(bucket|sum|count)$/, ''));
    expect(used.filter((n: string) => n.startsWith('http_request'))).toEqual(expect.arrayContaining(['http_requests_total', 'http_request_duration_seconds_bucket']));
  });

  it('local: tracing — every server role exports OTLP to the Collector as its own service; the Collector receives what it listens on and exports to Jaeger', () => {
    const objects = rendered.local;
    const config = configMap('local');
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://otel-collector:4318');
    expect(config.OTEL_EXPORTER_OTLP_PROTOCOL).toBe('http/protobuf');
    expect(config.OTEL_TRACES_SAMPLER).toBe('parentbased_traceidratio');
    expect(Number(config.OTEL_TRACES_SAMPLER_ARG)).toBeGreaterThan(0);
    for (const template of serverTemplates('local').filter((t) => t.owner.kind === 'Deployment')) {
      const c = containers(template.spec).find((x) => isServerImage(x.image));
      const name = c.env.find((e: Any) => e.name === 'OTEL_SERVICE_NAME');
      expect(name?.valueFrom?.fieldRef?.fieldPath, template.owner.metadata.name).toBe("metadata.labels['app.kubernetes.io/component']");
      expect(template.labels['app.kubernetes.io/component'], template.owner.metadata.name).toBeTruthy();
    }
    // The Collector's configuration: every pipeline component is defined, and the OTLP receiver listens
    // on the container ports its Service targets.
    const collector = find(objects, 'Deployment', 'otel-collector')!.spec as Any;
    const container = collector.template.spec.containers[0];
    const volume = collector.template.spec.volumes.find((v: Any) => v.name === container.volumeMounts[0].name);
    const file = container.args[0].replace('--config=', '');
    const configMapObject = find(objects, 'ConfigMap', volume.configMap.name)!;
    const otel = parseYaml((configMapObject.data as Record<string, string>)[file.slice(container.volumeMounts[0].mountPath.length + 1)]!) as Any;
    const pipeline = otel.service.pipelines.traces;
    for (const [section, names] of [['receivers', pipeline.receivers], ['processors', pipeline.processors], ['exporters', pipeline.exporters], ['extensions', otel.service.extensions]] as const) {
      for (const n of names) expect(Object.keys(otel[section]), `${section} ${n}`).toContain(n);
    }
    const ports = new Map<string, number>(container.ports.map((p: Any) => [p.name, p.containerPort]));
    expect(otel.receivers.otlp.protocols.http.endpoint).toBe(`0.0.0.0:${ports.get('otlp-http')}`);
    expect(otel.receivers.otlp.protocols.grpc.endpoint).toBe(`0.0.0.0:${ports.get('otlp-grpc')}`);
    expect(otel.extensions.health_check.endpoint).toBe(`0.0.0.0:${ports.get('health')}`);
    expect(otel.exporters['otlp/jaeger'].endpoint).toBe('jaeger:4317');
    // Grafana finds Jaeger through a labelled data source ConfigMap.
    const datasource = find(objects, 'ConfigMap', 'grafana-datasource-jaeger')!;
    expect(datasource.metadata.labels?.grafana_datasource).toBe('1');
    expect((parseYaml((datasource.data as Record<string, string>)['grafana-datasource.yaml']!) as Any).datasources[0].url).toBe('http://jaeger.thmnayah.svc:16686');
  });

  it('local: logging — Alloy reads only pods and their logs in the namespace and pushes to Loki, which Grafana queries', () => {
    const objects = rendered.local;
    const role = find(objects, 'Role', 'alloy-logs')!;
    expect((role as Any).rules).toEqual([{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] }]);
    const binding = find(objects, 'RoleBinding', 'alloy-logs')! as Any;
    const alloy = find(objects, 'Deployment', 'alloy')!.spec as Any;
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: alloy.template.spec.serviceAccountName, namespace: 'thmnayah' }]);
    // One tailer: a second replica would ship every line twice.
    expect(alloy.replicas).toBe(1);
    const config = Object.values(find(objects, 'ConfigMap', alloy.template.spec.volumes.find((v: Any) => v.name === 'config').configMap.name)!.data as Record<string, string>)[0]!;
    expect(config).toMatch(/own_namespace = true/);
    expect(config).toMatch(/url = "http:\/\/loki:3100\/loki\/api\/v1\/push"/);
    const loki = parseYaml(Object.values(find(objects, 'ConfigMap', (find(objects, 'Deployment', 'loki')!.spec as Any).template.spec.volumes.find((v: Any) => v.name === 'config').configMap.name)!.data as Record<string, string>)[0]!) as Any;
    expect(loki.server.http_listen_port).toBe(3100);
    expect(loki.limits_config.allow_structured_metadata).toBe(true);
    expect(loki.schema_config.configs[0].schema).toBe('v13');
    const datasource = find(objects, 'ConfigMap', 'grafana-datasource-loki')!;
    expect(datasource.metadata.labels?.grafana_datasource).toBe('1');
    const source = (parseYaml((datasource.data as Record<string, string>)['grafana-datasource.yaml']!) as Any).datasources[0];
    expect(source.url).toBe('http://loki.thmnayah.svc:3100');
    expect(source.jsonData.derivedFields[0].datasourceUid).toBe('thmnayah-jaeger');
  });

  it('production leaves tracing and log shipping to the operator (opt-in components, docs/deployment.md)', () => {
    for (const name of ['otel-collector', 'jaeger', 'loki', 'alloy']) expect(find(rendered.production, 'Deployment', name), name).toBeUndefined();
    expect(configMap('production').OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
  });

  it.each(OVERLAYS)('%s: migrations run as a Job before the Deployments (Argo CD sync waves)', (overlay) => {
    const objects = rendered[overlay];
    const job = find(objects, 'Job', 'thmnayah-migrate')!;
    const wave = (o: K8sObject) => Number(o.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0);
    expect(job.metadata.annotations).toMatchObject({ 'argocd.argoproj.io/hook': 'Sync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' });
    expect(((job.spec as Any).template.spec.containers[0].args)).toEqual(['migrate']);
    const before = [...byKind(objects, 'ServiceAccount'), byKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('thmnayah-config'))!];
    for (const o of before) expect(wave(o), `${o.kind} ${o.metadata.name}`).toBeLessThan(wave(job));
    for (const d of byKind(objects, 'Deployment')) expect(wave(d), d.metadata.name).toBeGreaterThan(wave(job));
  });

  it('Argo CD syncs the production overlay within a project that allows exactly its kinds and namespace', () => {
    const app = find(rendered.argocd, 'Application', 'thmnayah')!.spec as Any;
    const project = find(rendered.argocd, 'AppProject', app.project)!.spec as Any;
    expect(app.source.path).toBe(`deploy/k8s/${RENDERS.production}`);
    expect(existsSync(join(REPO_ROOT, app.source.path, 'kustomization.yaml'))).toBe(true);
    expect(project.sourceRepos).toContain(app.source.repoURL);
    const namespaces = new Set(rendered.production.map((o) => o.metadata.namespace).filter(Boolean));
    expect([...namespaces]).toEqual([app.destination.namespace]);
    expect(project.destinations).toContainEqual({ server: app.destination.server, namespace: app.destination.namespace });
    const allowed = (list: Any[], o: K8sObject) => list.some((w) => w.kind === o.kind && w.group === (o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : ''));
    // The on-premises overlay is the same Application pointed at overlays/onprem: the project admits it too.
    for (const o of [...rendered.production, ...rendered.onprem]) {
      const list = o.kind === 'Namespace' ? project.clusterResourceWhitelist : project.namespaceResourceWhitelist;
      expect(allowed(list, o), `${o.kind} ${o.metadata.name}`).toBe(true);
    }
    expect(app.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
  });

  it('production is sized above local: more replicas, memory requests equal to limits, minAvailable budgets', () => {
    const hpa = (o: Overlay, name: string) => find(rendered[o], 'HorizontalPodAutoscaler', name)!.spec as Any;
    expect(hpa('production', 'thmnayah-cms').minReplicas).toBeGreaterThan(hpa('local', 'thmnayah-cms').minReplicas);
    expect(hpa('production', 'thmnayah-discovery').maxReplicas).toBeGreaterThan(hpa('local', 'thmnayah-discovery').maxReplicas);
    expect(hpa('production', 'thmnayah-discovery').minReplicas).toBeGreaterThanOrEqual(3);
    for (const template of serverTemplates('production').filter((t) => t.owner.kind === 'Deployment')) {
      const c = containers(template.spec)[0];
      expect(c.resources.requests.memory, template.owner.metadata.name).toBe(c.resources.limits.memory);
    }
    for (const pdb of byKind(rendered.production, 'PodDisruptionBudget')) {
      expect((pdb.spec as Any).minAvailable, pdb.metadata.name).toBeGreaterThanOrEqual(1);
      expect((pdb.spec as Any).maxUnavailable).toBeUndefined();
    }
  });
});
