// Single edits to deploy/k8s that break a deployment while keeping it renderable and schema-valid:
// the breaks a review found (issue 11) and their neighbours. The contract must catch each one, with
// a problem that names it (`expect`); mutations.test.ts applies them one by one to a copy of deploy/.
import type { Overlay } from './contract/index.js';

export interface Mutation {
  name: string;
  /** The file, relative to deploy/k8s. */
  file: string;
  /** Replace the first `find` (after `after`, when given) by `replace`; or rewrite the text. */
  edit: { find: string; replace: string; after?: string } | ((text: string) => string);
  overlays: Overlay[];
  /** A problem the contract must report. */
  expect: RegExp;
}

const both: Overlay[] = ['local', 'production'];

export const MUTATIONS: Mutation[] = [
  // Credentials and addresses in the database URL Secret.
  { name: 'wrong password in the database URL', file: 'overlays/local/kustomization.yaml', edit: { find: 'thmnayah:dev-only-postgres-password@', replace: 'thmnayah:dev-only-postgres-passw0rd@' }, overlays: ['local'], expect: /DATABASE_URL: password differs/ },
  { name: 'wrong user in the database URL', file: 'overlays/local/kustomization.yaml', edit: { find: 'url=postgres://thmnayah:', replace: 'url=postgres://thmnayah_app:' }, overlays: ['local'], expect: /DATABASE_URL: user thmnayah_app/ },
  { name: 'wrong port in the database URL', file: 'overlays/local/kustomization.yaml', edit: { find: '@postgres:5432/', replace: '@postgres:5433/' }, overlays: ['local'], expect: /DATABASE_URL: postgres: Service postgres has no port 5433/ },
  { name: '"postgress" typo in the database host', file: 'overlays/local/kustomization.yaml', edit: { find: '@postgres:5432/', replace: '@postgress:5432/' }, overlays: ['local'], expect: /DATABASE_URL: postgress: no Service postgress/ },
  { name: 'wrong database name in the URL', file: 'overlays/local/kustomization.yaml', edit: { find: '@postgres:5432/thmnayah', replace: '@postgres:5432/thmnayah_dev' }, overlays: ['local'], expect: /DATABASE_URL: database thmnayah_dev/ },
  { name: 'Redis URL on the wrong port', file: 'overlays/local/kustomization.yaml', edit: { find: 'url=redis://redis:6379', replace: 'url=redis://redis:6380' }, overlays: ['local'], expect: /REDIS_URL: redis: Service redis has no port 6380/ },
  { name: 'NATS URL to a missing Service', file: 'overlays/local/kustomization.yaml', edit: { find: 'url=nats://nats:4222', replace: 'url=nats://nats-0:4222' }, overlays: ['local'], expect: /NATS_URL: nats-0: no Service/ },
  // Object storage.
  { name: 'S3_ENDPOINT on the wrong port (MinIO console)', file: 'overlays/local/kustomization.yaml', edit: { find: 'S3_ENDPOINT=http://minio:9000', replace: 'S3_ENDPOINT=http://minio:9001' }, overlays: ['local'], expect: /S3_ENDPOINT: NetworkPolicy refuses .* minio:console/ },
  { name: 'S3 secret key not the MinIO root password', file: 'overlays/local/kustomization.yaml', edit: { find: 'secret-access-key=dev-only-minio-password', replace: 'secret-access-key=dev-only-minio-passw0rd' }, overlays: ['local'], expect: /S3_ENDPOINT: password differs/ },
  { name: 'bucket Job creates a different bucket than S3_BUCKET', file: 'overlays/local/minio.yaml', edit: { find: 'local/thmnayah-media', replace: 'local/thmnayah-uploads' }, overlays: ['local'], expect: /creates bucket thmnayah-uploads, the server uses thmnayah-media/ },
  { name: 'S3_BUCKET changed but not the bucket Job', file: 'base/config.env', edit: { find: 'S3_BUCKET=thmnayah-media', replace: 'S3_BUCKET=thmnayah-audio' }, overlays: ['local'], expect: /creates bucket thmnayah-media, the server uses thmnayah-audio/ },
  // NetworkPolicies.
  { name: 'Kong NetworkPolicy namespace typo', file: 'components/gateway/kong.yaml', edit: { find: 'kubernetes.io/metadata.name: ingress-nginx', replace: 'kubernetes.io/metadata.name: ingres-nginx' }, overlays: both, expect: /NetworkPolicy kong: namespace ingres-nginx does not exist/ },
  { name: 'Keycloak NetworkPolicy on the wrong port', file: 'overlays/local/networkpolicies.yaml', edit: { after: 'name: keycloak', find: 'port: http', replace: 'port: management' }, overlays: ['local'], expect: /OIDC_ISSUER: NetworkPolicy refuses .* keycloak:http/ },
  { name: 'discovery admits a Kong label no pod has', file: 'base/networkpolicies.yaml', edit: { find: 'app.kubernetes.io/name: kong', replace: 'app.kubernetes.io/name: kong-gateway' }, overlays: both, expect: /NetworkPolicy thmnayah-discovery: no pod matches/ },
  { name: 'PostgreSQL NetworkPolicy admits another app', file: 'overlays/local/networkpolicies.yaml', edit: { after: 'name: postgres', find: 'app.kubernetes.io/name: thmnayah', replace: 'app.kubernetes.io/name: thmnayah-server' }, overlays: ['local'], expect: /DATABASE_URL: NetworkPolicy refuses/ },
  { name: 'web NetworkPolicy without the ingress controller', file: 'base/networkpolicies.yaml', edit: { after: 'name: thmnayah-web', find: 'kubernetes.io/metadata.name: ingress-nginx', replace: 'kubernetes.io/metadata.name: monitoring' }, overlays: both, expect: /GET .*\/ar\/: NetworkPolicy refuses ingress-nginx → thmnayah-web/ },
  // Tracing and log shipping (components/tracing, components/logging).
  { name: 'OTLP endpoint names a missing Service', file: 'components/tracing/kustomization.yaml', edit: { find: 'http://otel-collector:4318', replace: 'http://otel-collectr:4318' }, overlays: ['local'], expect: /OTEL_EXPORTER_OTLP_ENDPOINT: otel-collectr: no Service/ },
  { name: 'Collector NetworkPolicy admits another app', file: 'components/tracing/networkpolicies.yaml', edit: { find: 'app.kubernetes.io/name: thmnayah', replace: 'app.kubernetes.io/name: thmnayah-server' }, overlays: ['local'], expect: /OTEL_EXPORTER_OTLP_ENDPOINT: NetworkPolicy refuses/ },
  { name: 'Collector exports to a Jaeger port that does not exist', file: 'components/tracing/collector-config.yaml', edit: { find: 'endpoint: jaeger:4317', replace: 'endpoint: jaeger:14250' }, overlays: ['local'], expect: /otel-collector: collector\.yaml: jaeger: Service jaeger has no port 14250/ },
  { name: 'Jaeger NetworkPolicy refuses the Collector', file: 'components/tracing/networkpolicies.yaml', edit: { after: 'name: jaeger', find: 'app.kubernetes.io/name: otel-collector', replace: 'app.kubernetes.io/name: collector' }, overlays: ['local'], expect: /collector\.yaml: NetworkPolicy refuses otel-collector → jaeger/ },
  { name: 'Alloy pushes to a missing Loki Service', file: 'components/logging/config.alloy', edit: { find: 'http://loki:3100', replace: 'http://loki-gateway:3100' }, overlays: ['local'], expect: /alloy: config\.alloy: loki-gateway: no Service/ },
  { name: 'Loki NetworkPolicy refuses Alloy', file: 'components/logging/networkpolicies.yaml', edit: { find: 'app.kubernetes.io/name: alloy', replace: 'app.kubernetes.io/name: promtail' }, overlays: ['local'], expect: /config\.alloy: NetworkPolicy refuses alloy → loki/ },
  { name: 'bad Loki readiness path', file: 'components/logging/loki.yaml', edit: { find: 'path: /ready', replace: 'path: /readyz' }, overlays: ['local'], expect: /loki\/loki: readinessProbe \/readyz is not a health endpoint of grafana\/loki/ },
  // Probes and users.
  { name: 'bad Kong readiness path', file: 'components/gateway/kong.yaml', edit: { find: 'path: /status/ready', replace: 'path: /status/readyz' }, overlays: both, expect: /kong\/kong: readinessProbe \/status\/readyz is not a health endpoint/ },
  { name: 'bad web readiness path', file: 'base/web.yaml', edit: { find: 'path: /readyz', replace: 'path: /ready' }, overlays: both, expect: /thmnayah-web\/thmnayah: readinessProbe \/ready is not a route/ },
  { name: 'PostgreSQL runAsUser changed', file: 'overlays/local/postgres.yaml', edit: { find: 'runAsUser: 999', replace: 'runAsUser: 1000' }, overlays: ['local'], expect: /postgres\/postgres: runAsUser 1000, postgres is built for uid 999/ },
  { name: 'server runAsUser not the image user', file: 'base/cms.yaml', edit: { find: 'runAsUser: 10001', replace: 'runAsUser: 10002' }, overlays: both, expect: /thmnayah-cms\/thmnayah: runAsUser 10002, the image's user is 10001/ },
  { name: 'server fsGroup not the image group', file: 'base/worker.yaml', edit: { find: 'fsGroup: 10001', replace: 'fsGroup: 2000' }, overlays: both, expect: /thmnayah-worker\/thmnayah: fsGroup 2000/ },
  // Routes.
  { name: 'removed /play route (ingress)', file: 'overlays/local/ingress.yaml', edit: { find: '- path: /play\n', replace: '- path: /playback\n' }, overlays: ['local'], expect: /GET thmnayah\.localhost\/play\/x\/x\/x\/x\/y: reaches Service thmnayah-web/ },
  { name: 'removed /play route (production ingress)', file: 'overlays/production/ingress.yaml', edit: { find: '- path: /play\n', replace: '- path: /playback\n' }, overlays: ['production'], expect: /GET thmnayah\.example\.org\/play\// },
  { name: 'removed /play route (Kong)', file: 'components/gateway/kong.yml', edit: { find: 'paths: ["/play"]', replace: 'paths: ["/playback"]' }, overlays: both, expect: /\/play\/.*: Kong has no route for it/ },
  { name: 'removed /feeds route (Kong)', file: 'components/gateway/kong.yml', edit: { find: 'paths: ["/feeds"]', replace: 'paths: ["/rss"]' }, overlays: both, expect: /GET .*\/feeds\/x\.xml: Kong has no route/ },
  { name: 'API reference not routed', file: 'overlays/production/ingress.yaml', edit: { find: '- path: /api/openapi.json\n', replace: '- path: /api/openapi.yaml\n' }, overlays: ['production'], expect: /GET thmnayah\.example\.org\/api\/openapi\.json: reaches Service thmnayah-web, whose pods run none of the roles serving it \(discovery\)/ },
  { name: 'CMS API sent to the discovery role', file: 'overlays/local/ingress.yaml', edit: { after: 'path: /api/cms\n', find: 'name: thmnayah-cms', replace: 'name: thmnayah-discovery' }, overlays: ['local'], expect: /POST thmnayah\.localhost\/api\/cms\/programs: NetworkPolicy refuses ingress-nginx → thmnayah-discovery/ },
  { name: 'web Deployment runs another role', file: 'base/web.yaml', edit: { find: '"--roles", "web"', replace: '"--roles", "discovery"' }, overlays: both, expect: /GET .*\/studio: reaches Service thmnayah-web, whose pods run none of the roles serving it \(web\)/ },
  { name: 'Kong points at the wrong Service port', file: 'components/gateway/kong.yml', edit: { find: 'url: http://thmnayah-discovery:80', replace: 'url: http://thmnayah-discovery:8080' }, overlays: both, expect: /Kong service discovery: thmnayah-discovery: Service thmnayah-discovery has no port 8080/ },
  { name: '/metrics left public', file: 'overlays/local/ingress.yaml', edit: { find: '- path: /metrics\n', replace: '- path: /metrics-hidden\n' }, overlays: ['local'], expect: /local: \/metrics is public/ },
  // References after kustomize's hashing.
  { name: 'MEDIA_JOB_ENV_FROM names the generated ConfigMap', file: 'overlays/production/kustomization.yaml', edit: { find: '"value": "secret:thmnayah-media-job-env"', replace: '"value": "configmap:thmnayah-config,secret:thmnayah-media-job-env"' }, overlays: ['production'], expect: /MEDIA_JOB_ENV_FROM names ConfigMap thmnayah-config, which does not exist/ },
  { name: 'MEDIA_JOB_IMAGE hand-copied (no replacement)', file: 'overlays/production/kustomization.yaml', edit: (text) => text.replace('value: set-by-replacements', 'value: registry.example.org/thmnayah/server:0.0.9').replace(/\n# The media Jobs' image[\s\S]*$/, '\n'), overlays: ['production'], expect: /MEDIA_JOB_IMAGE registry\.example\.org\/thmnayah\/server:0\.0\.9 is not the pod's own image/ },
  { name: 'MEDIA_JOB_SERVICE_ACCOUNT typo', file: 'overlays/production/kustomization.yaml', edit: { find: 'value: {name: MEDIA_JOB_SERVICE_ACCOUNT, value: thmnayah}', replace: 'value: {name: MEDIA_JOB_SERVICE_ACCOUNT, value: thmnayah-jobs}' }, overlays: ['production'], expect: /MEDIA_JOB_SERVICE_ACCOUNT thmnayah-jobs does not exist/ },
  { name: 'worker ServiceAccount typo', file: 'base/worker.yaml', edit: { find: 'serviceAccountName: thmnayah-worker', replace: 'serviceAccountName: thmnayah-wroker' }, overlays: both, expect: /ServiceAccount thmnayah-wroker does not exist/ },
  { name: 'Secret key typo', file: 'base/cms.yaml', edit: { find: 'key: signing-key', replace: 'key: signing_key' }, overlays: ['local'], expect: /MEDIA_SIGNING_KEY: Secret thmnayah-media-[a-z0-9]+ key signing_key does not exist/ },
  { name: 'volume mount names no volume or claim', file: 'overlays/local/postgres.yaml', edit: { find: '- name: data\n              mountPath: /var/lib/postgresql/data', replace: '- name: pgdata\n              mountPath: /var/lib/postgresql/data' }, overlays: ['local'], expect: /mount \/var\/lib\/postgresql\/data names no volume pgdata/ },
  // Bodies and timeouts at the edge.
  { name: 'upload ingress buffers requests', file: 'overlays/production/ingress.yaml', edit: { after: 'name: thmnayah-cms-uploads', find: 'proxy-request-buffering: "off"', replace: 'proxy-request-buffering: "on"' }, overlays: ['production'], expect: /POST .*\/api\/cms\/assets .*proxy-request-buffering must be off/ },
  { name: 'upload ingress body limit below MEDIA_MAX_BYTES', file: 'overlays/local/ingress.yaml', edit: { after: 'name: thmnayah-cms-uploads', find: 'proxy-body-size: 5121m', replace: 'proxy-body-size: 100m' }, overlays: ['local'], expect: /POST .*\/api\/cms\/assets .*proxy-body-size 100m is below MEDIA_MAX_BYTES/ },
  { name: 'upload ingress with the default read timeout', file: 'overlays/local/ingress.yaml', edit: { after: 'name: thmnayah-cms-uploads', find: 'proxy-read-timeout: "3600"', replace: 'proxy-read-timeout: "60"' }, overlays: ['local'], expect: /proxy-read-timeout 60 s is below/ },
  { name: 'CMS ingress with the 1 MiB default body limit', file: 'overlays/production/ingress.yaml', edit: { after: 'name: thmnayah-cms\n', find: 'proxy-body-size: 64m', replace: 'proxy-body-size: 1m' }, overlays: ['production'], expect: /POST .*\/api\/cms\/admin\/tasks\/x .*proxy-body-size 1m is below/ },
  { name: 'Kong buffers /media uploads', file: 'components/gateway/kong.yml', edit: { after: 'name: media', find: 'request_buffering: false', replace: 'request_buffering: true' }, overlays: both, expect: /PUT .*\/media\/x\/y .*Kong route media buffers the upload/ },
  // TLS.
  { name: 'Certificate for another host', file: 'overlays/production/tls.yaml', edit: { find: '- thmnayah.example.org', replace: '- www.example.org' }, overlays: ['production'], expect: /Certificate thmnayah-tls does not cover thmnayah\.example\.org/ },
  { name: 'Certificate names a missing ClusterIssuer', file: 'overlays/local/tls.yaml', edit: { find: 'name: thmnayah-local-ca', replace: 'name: local-ca' }, overlays: ['local'], expect: /ClusterIssuer local-ca does not exist/ },
  { name: 'HSTS off in the ingress controller', file: 'argocd/addons/ingress-nginx.yaml', edit: { find: 'hsts: "true"', replace: 'hsts: "false"' }, overlays: ['production'], expect: /production: the ingress controller .* does not send HSTS/ },
  { name: 'production Ingress without the https redirect', file: 'overlays/production/ingress.yaml', edit: { find: 'force-ssl-redirect: "true"', replace: 'force-ssl-redirect: "false"' }, overlays: ['production'], expect: /Ingress thmnayah-public: no redirect to https/ },
  // Undeclared external host.
  { name: 'OIDC issuer on an undeclared host', file: 'overlays/production/kustomization.yaml', edit: { find: 'OIDC_ISSUER=https://id.example.org/realms/thmnayah', replace: 'OIDC_ISSUER=https://sso.example.org/realms/thmnayah' }, overlays: ['production'], expect: /OIDC_ISSUER: sso\.example\.org is not a Service name \(and sso\.example\.org is not a declared external host\)/ },
  // The self-hosted PostgreSQL (components/postgres-ha, overlay onprem).
  { name: 'replica Service renamed', file: 'components/postgres-ha/postgres.yaml', edit: { find: 'kind: Service\nmetadata:\n  name: postgres-replica', replace: 'kind: Service\nmetadata:\n  name: postgres-standby' }, overlays: ['onprem'], expect: /DATABASE_READ_URL: postgres-replica: no Service postgres-replica/ },
  { name: 'replica streams from itself, not the primary', file: 'components/postgres-ha/postgres.yaml', edit: { find: 'name: PRIMARY_HOST\n              value: postgres\n', replace: 'name: PRIMARY_HOST\n              value: postgres-replica\n' }, overlays: ['onprem'], expect: /DATABASE_READ_URL: postgres-replica is a standby of postgres-replica, not of postgres/ },
  { name: 'two standbys behind DATABASE_READ_URL', file: 'components/postgres-ha/postgres.yaml', edit: { after: 'serviceName: postgres-replica', find: 'replicas: 1', replace: 'replicas: 2' }, overlays: ['onprem'], expect: /postgres-replica leads to 2 standbys/ },
  { name: 'primary NetworkPolicy refuses replication', file: 'components/postgres-ha/networkpolicies.yaml', edit: { find: 'app.kubernetes.io/name: postgres-replica', replace: 'app.kubernetes.io/name: postgres-standby' }, overlays: ['onprem'], expect: /NetworkPolicy refuses postgres-replica → postgres \(replication\)/ },
  { name: 'backup Job connects to a missing host', file: 'components/postgres-ha/kustomization.yaml', edit: { find: 'PGHOST=postgres', replace: 'PGHOST=postgres-primary' }, overlays: ['onprem'], expect: /CronJob postgres-backup: PGHOST: postgres-primary: no Service/ },
  { name: 'primary NetworkPolicy refuses the backup Job', file: 'components/postgres-ha/networkpolicies.yaml', edit: { find: 'app.kubernetes.io/name: postgres-backup', replace: 'app.kubernetes.io/name: postgres-dump' }, overlays: ['onprem'], expect: /PGHOST: NetworkPolicy refuses postgres-backup → postgres:postgres/ },
  { name: 'database created for another user than the URLs name', file: 'components/postgres-ha/kustomization.yaml', edit: { find: 'POSTGRES_USER=thmnayah', replace: 'POSTGRES_USER=thmnayah_owner' }, overlays: ['onprem'], expect: /DATABASE_READ_URL: user thmnayah is not thmnayah_owner/ },
  // Redis through Sentinel (components/redis-sentinel, overlay onprem).
  { name: 'REDIS_MASTER_NAME not the monitored master', file: 'components/redis-sentinel/kustomization.yaml', edit: { find: 'REDIS_MASTER_NAME=thmnayah', replace: 'REDIS_MASTER_NAME=mymaster' }, overlays: ['onprem'], expect: /REDIS_SENTINELS: the sentinels of redis-sentinel monitor master thmnayah, REDIS_MASTER_NAME is mymaster/ },
  { name: 'REDIS_SENTINELS on the data port', file: 'components/redis-sentinel/kustomization.yaml', edit: { find: 'REDIS_SENTINELS=redis-sentinel:26379', replace: 'REDIS_SENTINELS=redis-sentinel:6379' }, overlays: ['onprem'], expect: /REDIS_SENTINELS: redis-sentinel: Service redis-sentinel has no port 6379/ },
  { name: 'data nodes refuse the sentinels', file: 'components/redis-sentinel/networkpolicies.yaml', edit: { after: 'name: redis\n', find: '        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: redis-sentinel\n', replace: '' }, overlays: ['onprem'], expect: /NetworkPolicy refuses redis-sentinel → redis-headless:redis/ },
  { name: 'sentinels watch a missing Service', file: 'components/redis-sentinel/kustomization.yaml', edit: { find: 'REDIS_SERVICE=redis-headless', replace: 'REDIS_SERVICE=redis' }, overlays: ['onprem'], expect: /sentinel redis-sentinel: redis: no Service redis/ },
  // NATS JetStream cluster (components/nats-cluster, overlay onprem).
  { name: 'stream R3 on a 1-node NATS', file: 'components/nats-cluster/nats.yaml', edit: { find: 'replicas: 3', replace: 'replicas: 1' }, overlays: ['onprem'], expect: /NATS_STREAM_REPLICAS=3, but nats has 1 node/ },
  { name: 'route through a missing Service', file: 'components/nats-cluster/nats.conf', edit: { find: 'nats-route://nats-2.nats-headless:6222', replace: 'nats-route://nats-2.nats-cluster:6222' }, overlays: ['onprem'], expect: /route nats-route:\/\/nats-2\.nats-cluster:6222: nats-cluster: no Service nats-cluster/ },
  { name: 'route to a pod that does not exist', file: 'components/nats-cluster/nats.conf', edit: { find: 'nats-route://nats-2.nats-headless:6222', replace: 'nats-route://nats-3.nats-headless:6222' }, overlays: ['onprem'], expect: /route nats-route:\/\/nats-3\.nats-headless:6222 names no pod/ },
  { name: 'nodes refuse each other\'s routes', file: 'components/nats-cluster/nats.yaml', edit: { find: '      ports:\n        - port: cluster', replace: '      ports:\n        - port: client' }, overlays: ['onprem'], expect: /NetworkPolicy refuses nats → nats-headless:cluster \(cluster route\)/ },
  { name: 'NATS client port closed to the server', file: 'components/nats-cluster/nats.yaml', edit: { find: '              app.kubernetes.io/name: thmnayah\n      ports:\n        - port: client', replace: '              app.kubernetes.io/name: thmnayah-server\n      ports:\n        - port: client' }, overlays: ['onprem'], expect: /NATS_URL: NetworkPolicy refuses .* nats:client/ },
  // MinIO distributed (components/minio-distributed, overlay onprem).
  { name: "setup Job gives the server's user other keys", file: 'components/minio-distributed/setup-job.yaml', edit: { after: 'name: SERVER_ACCESS_KEY', find: 'name: thmnayah-s3', replace: 'name: postgres-backup-s3' }, overlays: ['onprem'], expect: /S3_ENDPOINT: user stand-in-server is not stand-in-root, .* nor a user its setup Job creates/ },
  { name: 'MinIO NetworkPolicy refuses the server', file: 'components/minio-distributed/networkpolicies.yaml', edit: { find: 'app.kubernetes.io/name: thmnayah\n', replace: 'app.kubernetes.io/name: thmnayah-server\n' }, overlays: ['onprem'], expect: /S3_ENDPOINT: NetworkPolicy refuses thmnayah-cms → minio:s3/ },
  { name: 'setup Job creates a bucket the server does not use', file: 'components/minio-distributed/kustomization.yaml', edit: { find: 'MEDIA_BUCKET=thmnayah-media', replace: 'MEDIA_BUCKET=thmnayah-medias' }, overlays: ['onprem'], expect: /Job minio-setup creates bucket thmnayah-medias, the server uses thmnayah-media/ },
  { name: 'backup Job still stores in the external S3', file: 'components/minio-distributed/kustomization.yaml', edit: { find: '                      - name: S3_ENDPOINT\n                        value: http://minio:9000\n', replace: '                      - name: S3_ENDPOINT\n                        value: https://s3.example.org\n' }, overlays: ['onprem'], expect: /CronJob postgres-backup: S3_ENDPOINT: s3\.example\.org is not a Service name/ },
  // Keycloak in production mode (components/keycloak, overlay onprem).
  { name: 'Keycloak in start-dev on premises', file: 'components/keycloak/keycloak.yaml', edit: { find: 'args: ["start", "--import-realm"]', replace: 'args: ["start-dev", "--import-realm"]' }, overlays: ['onprem'], expect: /Deployment keycloak: start-dev .* outside the local overlay/ },
  { name: 'Keycloak hostname not the issuer the server trusts', file: 'components/keycloak/keycloak.yaml', edit: { find: 'value: https://id.example.org', replace: 'value: https://sso.example.org' }, overlays: ['onprem'], expect: /trusts OIDC_ISSUER https:\/\/id\.example\.org\/realms\/thmnayah, but Keycloak issues https:\/\/sso\.example\.org/ },
  { name: 'primary refuses Keycloak', file: 'components/keycloak/kustomization.yaml', edit: { find: 'app.kubernetes.io/name: keycloak\n', replace: 'app.kubernetes.io/name: keycloak-server\n' }, overlays: ['onprem'], expect: /KC_DB_URL_HOST: NetworkPolicy refuses keycloak → postgres/ },
  { name: 'Keycloak refuses the ingress controller', file: 'components/keycloak/networkpolicies.yaml', edit: { find: 'kubernetes.io/metadata.name: ingress-nginx', replace: 'kubernetes.io/metadata.name: kong' }, overlays: ['onprem'], expect: /OIDC_ISSUER: NetworkPolicy refuses ingress-nginx → keycloak:http/ },
  { name: 'Keycloak logs in as a role the Job does not make', file: 'components/keycloak/kustomization.yaml', edit: { find: 'KEYCLOAK_DB_USER=keycloak', replace: 'KEYCLOAK_DB_USER=keycloak_owner' }, overlays: ['onprem'], expect: /KC_DB_USERNAME keycloak is not the role the database Job makes \(keycloak_owner\)/ },
];

/** Applies one mutation to a file's text; throws when the text to replace is gone (keep the list current). */
export function applyMutation(text: string, m: Mutation): string {
  if (typeof m.edit === 'function') {
    const result = m.edit(text);
    if (result === text) throw new Error(`mutation "${m.name}" changed nothing in ${m.file}`);
    return result;
  }
  const start = m.edit.after === undefined ? 0 : text.indexOf(m.edit.after);
  if (start < 0) throw new Error(`mutation "${m.name}": ${JSON.stringify(m.edit.after)} not found in ${m.file}`);
  const at = text.indexOf(m.edit.find, start);
  if (at < 0) throw new Error(`mutation "${m.name}": ${JSON.stringify(m.edit.find)} not found in ${m.file}`);
  return text.slice(0, at) + m.edit.replace + text.slice(at + m.edit.find.length);
}
