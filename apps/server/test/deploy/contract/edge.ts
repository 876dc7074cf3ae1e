// The edge contract: what the ingress controller and Kong do to bodies and connections suits each
// route (media uploads streamed and allowed up to MEDIA_MAX_BYTES, other CMS bodies up to the largest
// the server accepts), and TLS: every Ingress host has a certificate cert-manager can issue, and an
// https PUBLIC_URL gets a redirect to https and HSTS.
import { parse as parseYaml } from 'yaml';
import { TASKS } from '../../../src/admin/task-list.js';
import { loadConfig, type Config } from '../../../src/config.js';
import { byKind, find, type Any } from '../manifests.js';
import { samplePath, type ServedRoute } from '../server-routes.js';
import { addonNamespace, type Rendered } from './cluster.js';
import { deliver, kongConfig, matchIngress, matchKong } from './routing.js';

/** Routes whose bodies are media, streamed into storage (assets.routes.ts, media.routes.ts). */
export const UPLOAD_ROUTES = [
  { method: 'POST', url: '/api/cms/assets' },
  { method: 'PUT', url: '/media/*' },
];
const BODY_METHODS = ['POST', 'PUT', 'PATCH'];
/** Shortest proxy read/send timeout (seconds) for a media upload: a slow link sends 5 GiB for minutes. */
const UPLOAD_TIMEOUT_SECONDS = 600;
const A = 'nginx.ingress.kubernetes.io/';

/** ingress-nginx sizes: "0" is unlimited; k/m/g are binary units as in NGINX. */
export function nginxSize(value: string | undefined): number {
  if (value === undefined) return 1024 * 1024; // the controller's default, 1m
  const m = /^(\d+)([kKmMgG]?)$/.exec(value.trim());
  if (!m) return Number.NaN;
  if (m[1] === '0') return Number.POSITIVE_INFINITY;
  return Number(m[1]) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[m[2]!.toLowerCase()]!;
}

export function serverConfig(r: Rendered): Config {
  const map = byKind(r.objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('thmnayah-config'));
  return loadConfig((map?.data as Record<string, string>) ?? {});
}

export function bodyProblems(r: Rendered, routes: ServedRoute[]): string[] {
  const problems: string[] = [];
  const config = serverConfig(r);
  const host = new URL(config.publicUrl).hostname;
  const largestApiBody = Math.max(config.bodyLimitBytes, ...TASKS.map((t) => t.maxBodyBytes?.(config) ?? 0));
  const kong = kongConfig(r);
  for (const upload of UPLOAD_ROUTES) {
    if (!routes.some((route) => route.method === upload.method && route.url === upload.url)) problems.push(`the server has no ${upload.method} ${upload.url} any more: update UPLOAD_ROUTES`);
  }
  for (const route of routes.filter((x) => BODY_METHODS.includes(x.method))) {
    const path = samplePath(route.url);
    const match = matchIngress(r, host, path);
    if (!match || !deliver(r, host, route.method, path).endpoint) continue; // unrouted: the routing contract says so
    const annotations = match.ingress.metadata.annotations ?? {};
    const where = `${r.overlay}: ${route.method} ${path} (Ingress ${match.ingress.metadata.name})`;
    const size = nginxSize(annotations[`${A}proxy-body-size`]);
    const isUpload = UPLOAD_ROUTES.some((u) => u.method === route.method && u.url === route.url);
    if (!isUpload) {
      // Only CMS routes take the large bodies (feed documents for import); the rest, such as the sign-in
      // form posts, take at most BODY_LIMIT_BYTES.
      const needed = route.url.startsWith('/api/cms') ? largestApiBody : config.bodyLimitBytes;
      if (!(size >= needed)) problems.push(`${where}: proxy-body-size ${annotations[`${A}proxy-body-size`] ?? '1m (default)'} is below the ${needed} bytes the server accepts`);
      continue;
    }
    if (!(size >= config.mediaMaxBytes)) problems.push(`${where}: proxy-body-size ${annotations[`${A}proxy-body-size`] ?? '1m (default)'} is below MEDIA_MAX_BYTES (${config.mediaMaxBytes})`);
    if (annotations[`${A}proxy-request-buffering`] !== 'off') problems.push(`${where}: the controller buffers the upload (proxy-request-buffering must be off)`);
    for (const timeout of ['proxy-read-timeout', 'proxy-send-timeout']) {
      if (!(Number(annotations[`${A}${timeout}`] ?? 60) >= UPLOAD_TIMEOUT_SECONDS)) problems.push(`${where}: ${timeout} ${annotations[`${A}${timeout}`] ?? '60 (default)'} s is below ${UPLOAD_TIMEOUT_SECONDS} s`);
    }
    if (match.service === 'kong-proxy') {
      const k = matchKong(kong, route.method, path);
      if (k && k.route.request_buffering !== false) problems.push(`${where}: Kong route ${k.route.name} buffers the upload (request_buffering must be false)`);
      if (k && !(Number(k.service.write_timeout ?? 60000) >= UPLOAD_TIMEOUT_SECONDS * 1000 && Number(k.service.read_timeout ?? 60000) >= UPLOAD_TIMEOUT_SECONDS * 1000)) {
        problems.push(`${where}: Kong service ${k.service.name} times out before ${UPLOAD_TIMEOUT_SECONDS} s`);
      }
    }
  }
  return problems;
}

export function tlsProblems(r: Rendered): string[] {
  const problems: string[] = [];
  const config = serverConfig(r);
  const https = new URL(config.publicUrl).protocol === 'https:';
  const publicHost = new URL(config.publicUrl).hostname;
  for (const ingress of byKind(r.objects, 'Ingress')) {
    const spec = ingress.spec as Any;
    const where = `${r.overlay}: Ingress ${ingress.metadata.name}`;
    const tlsHosts = new Set<string>((spec.tls ?? []).flatMap((t: Any) => t.hosts ?? []));
    for (const tls of spec.tls ?? []) {
      const certificate = byKind(r.objects, 'Certificate').find((c) => (c.spec as Any).secretName === tls.secretName);
      if (!certificate) {
        if (!r.externalSecrets.includes(tls.secretName)) problems.push(`${where}: no Certificate writes Secret ${tls.secretName}`);
        continue;
      }
      const cert = certificate.spec as Any;
      for (const h of tls.hosts ?? []) if (!(cert.dnsNames ?? []).includes(h)) problems.push(`${where}: Certificate ${certificate.metadata.name} does not cover ${h}`);
      const issuer = cert.issuerRef;
      const issuers = issuer.kind === 'ClusterIssuer' ? r.cluster : r.objects;
      if (!find(issuers, issuer.kind ?? 'Issuer', issuer.name)) problems.push(`${where}: Certificate ${certificate.metadata.name}: ${issuer.kind} ${issuer.name} does not exist`);
    }
    if (!https) continue;
    for (const rule of spec.rules ?? []) {
      if (rule.host === publicHost && !tlsHosts.has(rule.host)) problems.push(`${where}: ${rule.host} is served over https (PUBLIC_URL) but has no TLS`);
    }
    if (ingress.metadata.annotations?.[`${A}force-ssl-redirect`] !== 'true' && (spec.rules ?? []).some((rule: Any) => rule.host === publicHost)) problems.push(`${where}: no redirect to https`);
  }
  if (https) {
    const controller = byKind(r.addons, 'Application').find((a) => (a.spec as Any).source?.chart === 'ingress-nginx');
    const values = parseYaml(((controller?.spec as Any)?.source?.helm?.values as string) ?? '') as Any;
    if (values?.controller?.config?.hsts !== 'true') problems.push(`${r.overlay}: the ingress controller (${addonNamespace(r, 'ingress-nginx') ?? 'no Application'}) does not send HSTS`);
  }
  return problems;
}
