// Configuration comes from environment variables only (twelve-factor), validated once at start.
// Every variable has an embedded default or is optional, so `thmnayah start` needs none of them;
// a bad value stops the process with a message that names the variable and what it expected.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import ipaddr from 'ipaddr.js';
import type { HttpTimeouts } from './platform/http/timeouts.js';

export const ROLES = ['cms', 'discovery', 'relay', 'worker', 'cron', 'web'] as const;
export type Role = (typeof ROLES)[number];

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; PGlite in dataDir when absent. */
  databaseUrl: string | undefined;
  /** A streaming replica for Discovery's reads (the read model); DATABASE_URL serves every read otherwise. */
  databaseReadUrl: string | undefined;
  databasePoolMax: number;
  redisUrl: string | undefined;
  /** Redis through Sentinel: the sentinels' addresses, the monitored master's name, the password of both. */
  redisSentinels: { host: string; port: number }[];
  redisMasterName: string | undefined;
  redisPassword: string | undefined;
  natsUrl: string | undefined;
  /** JetStream stream of the event bus (when natsUrl is set). */
  natsStream: string;
  /** JetStream replicas of the event stream (R3 on a 3-node cluster). */
  natsStreamReplicas: number;
  /** JetStream stream listening beacons are appended to (when natsUrl is set; listening/listening-stream.ts). */
  natsListeningStream: string;
  /** How long that stream remembers beacon ids, so a replay within it is dropped and reported as a duplicate. */
  natsListeningDuplicateWindowSeconds: number;
  /** Handler attempts before an event is parked in dead letters. */
  eventMaxAttempts: number;
  /** First retry delay of a failed handler; doubles with each attempt. */
  eventRetryBaseMs: number;
  /** Fallback poll of the relay and in-process consumers when no wake-up signal comes. */
  eventPollMs: number;
  eventRetentionDays: number;
  /** Count searches and result clicks (search analytics); off only to measure what it costs. */
  searchAnalytics: boolean;
  /** How often Discovery writes its in-memory search counts to the database. */
  searchAnalyticsFlushMs: number;
  searchAnalyticsRetentionDays: number;
  /** Days raw listening events and everything else that names a listener are kept (listening/privacy.ts). */
  listeningRetentionDays: number;
  /** OIDC issuer URL (Keycloak realm URL); the built-in development issuer when absent. */
  oidcIssuer: string | undefined;
  oidcAudience: string | undefined;
  /**
   * The built-in development issuer is active: no OIDC_ISSUER, and either DEV_ISSUER=true or embedded
   * defaults bound to loopback (no DATABASE_URL, a loopback HOST). Never switched on otherwise.
   */
  devIssuer: boolean;
  /** DEV_ISSUER as given: true/false when set explicitly, undefined for "decide from the defaults". */
  devIssuerExplicit: boolean | undefined;
  /** Client id of the editors' studio at the OIDC issuer (a public client using code + PKCE). */
  oidcStudioClientId: string;
  /** Base URL clients use to reach this server, for links in responses and feeds. */
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Which requests get their completion line at info (platform/http/request-log.ts). */
  requestLog: RequestLogPolicy;
  bodyLimitBytes: number;
  /** How often the scheduler looks for episodes whose publish time has come. */
  schedulerIntervalMs: number;
  devTokenTtlSeconds: number;
  shutdownGraceMs: number;
  /** How long a pod trusts its last check that a /play link's owner is public (media/api/play-access.ts). */
  playbackAccessCacheMs: number;
  /** How long a draft preview link (content/preview-tokens.ts) stays valid. */
  previewTtlSeconds: number;
  /** HTTP timeouts (platform/http/timeouts.ts): headers, API requests, uploads. */
  http: HttpTimeouts;
  /** Requests per minute per client address on the public API. */
  rateLimitPerMinute: number;
  /** Fastify trustProxy: false, true, a hop count or a list of trusted proxy addresses/CIDRs. */
  trustProxy: boolean | number | string[];
  /** Origins allowed by CORS on the public API; ['*'] for any. */
  corsOrigins: string[];
  /** S3/MinIO endpoint; media lives in DATA_DIR/media when absent. */
  s3Endpoint: string | undefined;
  /** Endpoint written into presigned URLs (what browsers reach); s3Endpoint when absent. */
  s3PublicEndpoint: string | undefined;
  s3Bucket: string;
  s3Region: string;
  s3AccessKeyId: string | undefined;
  s3SecretAccessKey: string | undefined;
  s3ForcePathStyle: boolean;
  /** Largest media object accepted by uploads and signed PUT URLs. */
  mediaMaxBytes: number;
  /** Files at least this large are uploaded by the studio with a presigned PUT (advertised at /api/cms/assets/upload-settings). */
  mediaPresignedUploadBytes: number;
  /** Secret for local signed media URLs and playback tokens; generated in DATA_DIR/identity when absent. */
  mediaSigningKey: string | undefined;
  /** Where media jobs run: child processes of the worker, or one Kubernetes Job per job. */
  mediaRunner: 'local' | 'kubernetes';
  /** Media jobs one worker process runs at the same time. */
  mediaConcurrency: number;
  /** Attempts of a media job that fails for a transient reason (timeout, FFmpeg crash, storage down). */
  mediaMaxAttempts: number;
  /** First retry delay of a media job; doubles each attempt. */
  mediaRetryBaseMs: number;
  /** A media job running longer than this is stopped (FFmpeg killed; Kubernetes activeDeadlineSeconds). */
  mediaJobTimeoutSeconds: number;
  /** Longest media accepted (checked from ffprobe before any transcoding). */
  mediaMaxDurationSeconds: number;
  /** How often an idle worker looks for queued media jobs (a local signal wakes it sooner). */
  mediaPollMs: number;
  /** Kubernetes runner: namespace of the Jobs (the worker's own namespace when unset). */
  kubernetesNamespace: string | undefined;
  /** Kubernetes runner: image of the Jobs (the server image; its entrypoint is `thmnayah`). */
  mediaJobImage: string | undefined;
  mediaJobServiceAccount: string | undefined;
  /** ConfigMaps and Secrets whose keys become the Job's environment (storage credentials). */
  mediaJobEnvFrom: { kind: 'configmap' | 'secret'; name: string }[];
  /** CPU and memory of a Job's container (request = limit: predictable transcoding, Guaranteed QoS). */
  mediaJobCpu: string;
  mediaJobMemory: string;
  /** Networks (CIDR) the feed importer may fetch from although they are private, loopback, etc. */
  ingestAllowedNetworks: string[];
  /** Host names (or *.suffix) the feed importer may fetch from although they resolve to private addresses. */
  ingestAllowedHosts: string[];
  ingestMaxBytes: number;
  ingestTimeoutMs: number;
  /** Time limit for fetching one media file of an import with media. */
  ingestMediaTimeoutMs: number;
  /** How often the worker looks for media files of imports to fetch. */
  ingestMediaCheckMs: number;
  /** How often the cron role reads a subscribed feed again. */
  ingestSyncIntervalSeconds: number;
  /** How often the cron role looks for subscribed feeds that are due. */
  ingestSyncCheckMs: number;
  /** Owner e-mail written into published podcast feeds (itunes:owner), which Apple and Spotify use to verify ownership. */
  feedsOwnerEmail: string | undefined;
  /** Discovery API the web role's pages read (a Service URL); the in-process API when absent. */
  webApiUrl: string | undefined;
  /** Trending: an hour of listening counts half as much every this many hours. */
  trendingHalfLifeHours: number;
  /** How often the cron role recomputes trending (0: never; the task `trending.refresh` still runs it). */
  trendingRefreshMs: number;
  /** How often the cron role rebuilds the recommendation model (0: never; the task `recs.rebuild` still runs it). */
  recsRebuildMs: number;
  /** Days of listener_items (by last listen) a model build trains on. */
  recsTrainingDays: number;
  /** Neighbours kept per episode in a model. */
  recsNeighbours: number;
  /** Model versions kept for rollback (the active one is always kept). */
  recsKeepVersions: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

interface VariableSpec {
  name: string;
  description: string;
  default?: string;
}

/** The documented variables; README's configuration table lists exactly these (a test checks it). */
export const VARIABLES: VariableSpec[] = [
  { name: 'PORT', description: 'HTTP port', default: '8080' },
  { name: 'HOST', description: 'interface to listen on', default: '127.0.0.1' },
  { name: 'DATA_DIR', description: 'embedded database, development issuer keys and local media', default: './data' },
  { name: 'DATABASE_URL', description: 'PostgreSQL URL; PGlite in DATA_DIR when unset' },
  { name: 'DATABASE_READ_URL', description: 'PostgreSQL URL of a streaming replica for the public reads (Discovery API, search, site pages); DATABASE_URL when unset. Needs DATABASE_URL' },
  { name: 'DATABASE_POOL_MAX', description: 'PostgreSQL connections per process', default: '10' },
  { name: 'REDIS_URL', description: 'Redis URL for the shared cache and rate limits; in-process when unset' },
  { name: 'REDIS_SENTINELS', description: 'Redis through Sentinel instead of REDIS_URL: comma-separated host:port of the sentinels (the master is asked of them and followed across failovers)' },
  { name: 'REDIS_MASTER_NAME', description: 'the master name the sentinels monitor (with REDIS_SENTINELS)' },
  { name: 'REDIS_PASSWORD', description: 'password of the Redis master and replicas and of the sentinels (with REDIS_SENTINELS)' },
  { name: 'NATS_URL', description: 'NATS JetStream URL for the event bus; in-process when unset' },
  { name: 'NATS_STREAM', description: 'JetStream stream of the events (subjects thmnayah.events.<type>; another stream uses <stream>.<type>)', default: 'THMNAYAH_EVENTS' },
  { name: 'NATS_STREAM_REPLICAS', description: 'copies JetStream keeps of the event stream (3 on a 3-node NATS cluster); an existing stream is scaled to it at start', default: '1' },
  { name: 'NATS_LISTENING_STREAM', description: 'JetStream stream listening beacons are appended to and the worker drains (subjects thmnayah.listening.<listener>; another stream uses <stream>.<listener>); with another NATS_STREAM, <NATS_STREAM>_LISTENING', default: 'THMNAYAH_LISTENING' },
  { name: 'NATS_LISTENING_DUPLICATE_WINDOW_SECONDS', description: 'how long the listening stream remembers beacon ids: a beacon sent again within it is answered as a duplicate at once (later replays are still counted once, by the database)', default: '600' },
  { name: 'EVENT_MAX_ATTEMPTS', description: 'handler attempts before an event is parked in dead letters', default: '5' },
  { name: 'EVENT_RETRY_BASE_MS', description: 'first retry delay of a failed event handler; doubles each attempt', default: '1000' },
  { name: 'EVENT_POLL_MS', description: 'fallback poll of the relay and in-process consumers between wake-ups', default: '200' },
  { name: 'EVENT_RETENTION_DAYS', description: 'days published outbox rows and consumers\' processed marks are kept (rows a consumer has not read stay)', default: '14' },
  { name: 'SEARCH_ANALYTICS', description: 'count searches and result clicks per hour and normalised query (no listener id, address or user agent is kept): true or false', default: 'true' },
  { name: 'SEARCH_ANALYTICS_FLUSH_MS', description: 'how often each Discovery process adds its in-memory search counts to the database (and at shutdown)', default: '5000' },
  { name: 'SEARCH_ANALYTICS_RETENTION_DAYS', description: 'days of hourly search analytics kept; older hours are deleted by the relay\'s hourly housekeeping', default: '395' },
  { name: 'LISTENING_RETENTION_DAYS', description: 'days raw listening events, per-listener history and unique-listener marks are kept (hourly counts without a listener id are kept); trimmed hourly by the relay', default: '90' },
  { name: 'OIDC_ISSUER', description: 'OIDC issuer (Keycloak realm URL); built-in development issuer when unset' },
  { name: 'OIDC_AUDIENCE', description: 'required `aud` of access tokens, when set' },
  { name: 'OIDC_STUDIO_CLIENT_ID', description: "the editors' studio's client id at OIDC_ISSUER (a public client, code + PKCE)", default: 'thmnayah-studio' },
  { name: 'DEV_ISSUER', description: 'run the built-in development issuer: true or false; when unset, only on embedded defaults bound to loopback (no DATABASE_URL, a loopback HOST)' },
  { name: 'PUBLIC_URL', description: 'base URL clients reach the server at', default: 'http://localhost:PORT' },
  { name: 'LOG_LEVEL', description: 'pino level: fatal error warn info debug trace silent', default: 'info' },
  { name: 'REQUEST_LOG', description: 'one line per request when it completes, at info: `private` (every request except the public API\'s, feeds\' and site\'s answers below 400, which go at debug), `all`, or `errors` (status 400 and up)', default: 'private' },
  { name: 'LOG_FORMAT', description: '`json` forces JSON log lines on a terminal too (thmnayah start prints readable lines on a terminal, JSON otherwise)' },
  { name: 'BODY_LIMIT_BYTES', description: 'largest JSON request body', default: '1048576' },
  { name: 'SCHEDULER_INTERVAL_MS', description: 'how often due scheduled episodes are published', default: '5000' },
  { name: 'DEV_TOKEN_TTL_SECONDS', description: 'lifetime of development-issuer tokens', default: '43200' },
  { name: 'SHUTDOWN_GRACE_MS', description: 'time in-flight requests get after SIGTERM', default: '10000' },
  { name: 'HTTP_HEADERS_TIMEOUT_MS', description: 'time a client has to send a request\'s headers', default: '15000' },
  { name: 'HTTP_IDLE_TIMEOUT_MS', description: 'API requests: longest silence while the body arrives or the answer is made', default: '30000' },
  { name: 'HTTP_REQUEST_TIMEOUT_MS', description: 'API requests: time to receive the whole body', default: '60000' },
  { name: 'HTTP_UPLOAD_IDLE_TIMEOUT_MS', description: 'uploads (media, feed documents): longest silence while the body arrives', default: '120000' },
  { name: 'HTTP_UPLOAD_TIMEOUT_MS', description: 'uploads: time to receive the whole body', default: '14400000' },
  { name: 'RATE_LIMIT_PER_MINUTE', description: 'public API requests per minute per client address', default: '1200' },
  { name: 'TRUST_PROXY', description: 'trust X-Forwarded-For from: false, true, a hop count, or comma-separated addresses/CIDRs', default: 'false' },
  { name: 'CORS_ORIGINS', description: 'origins allowed to call the public API, comma-separated, or *', default: '*' },
  { name: 'S3_ENDPOINT', description: 'S3/MinIO URL for media; DATA_DIR/media when unset' },
  { name: 'S3_PUBLIC_ENDPOINT', description: 'S3 URL clients reach, used in presigned URLs', default: 'S3_ENDPOINT' },
  { name: 'S3_BUCKET', description: 'bucket for media objects', default: 'thmnayah-media' },
  { name: 'S3_REGION', description: 'S3 region (MinIO accepts any)', default: 'us-east-1' },
  { name: 'S3_ACCESS_KEY_ID', description: 'S3 access key; the AWS SDK default chain when unset' },
  { name: 'S3_SECRET_ACCESS_KEY', description: 'S3 secret key; set with S3_ACCESS_KEY_ID' },
  { name: 'S3_FORCE_PATH_STYLE', description: 'path-style URLs (http://host/bucket/key), needed by MinIO: true or false', default: 'true' },
  { name: 'MEDIA_MAX_BYTES', description: 'largest media upload in bytes', default: '5368709120' },
  { name: 'MEDIA_PRESIGNED_UPLOAD_BYTES', description: 'files at least this large are uploaded by the studio with a presigned PUT instead of one multipart request', default: '33554432' },
  { name: 'PLAYBACK_ACCESS_CACHE_MS', description: 'how long a pod trusts its last check that a /play link\'s episode or program is still public (at most 30000)', default: '15000' },
  { name: 'PREVIEW_TTL_SECONDS', description: 'how long a draft preview link from the studio stays valid (60 to 86400)', default: '1800' },
  { name: 'MEDIA_SIGNING_KEY', description: 'secret (32+ characters) for local signed media URLs and playback links; generated in DATA_DIR when unset (set it when several pods serve media)' },
  { name: 'MEDIA_RUNNER', description: 'where media jobs run: local (FFmpeg child processes of the worker) or kubernetes (a Job per media job)', default: 'local' },
  { name: 'MEDIA_CONCURRENCY', description: 'media jobs one worker process runs at the same time', default: '1' },
  { name: 'MEDIA_MAX_ATTEMPTS', description: 'attempts of a media job failing for a transient reason (timeout, crash, storage)', default: '3' },
  { name: 'MEDIA_RETRY_BASE_MS', description: 'first retry delay of a media job; doubles each attempt', default: '30000' },
  { name: 'MEDIA_JOB_TIMEOUT_SECONDS', description: 'a media job running longer is stopped', default: '14400' },
  { name: 'MEDIA_MAX_DURATION_SECONDS', description: 'longest audio or video accepted', default: '21600' },
  { name: 'MEDIA_POLL_MS', description: 'how often an idle worker looks for queued media jobs', default: '1000' },
  { name: 'FFMPEG_PATH', description: 'ffmpeg binary; PATH, then the npm-shipped build when unset' },
  { name: 'FFPROBE_PATH', description: 'ffprobe binary; PATH, then the npm-shipped build when unset' },
  { name: 'KUBERNETES_NAMESPACE', description: 'namespace of media Jobs (MEDIA_RUNNER=kubernetes)', default: "the worker's namespace" },
  { name: 'MEDIA_JOB_IMAGE', description: 'image of media Jobs, the server image (required with MEDIA_RUNNER=kubernetes)' },
  { name: 'MEDIA_JOB_SERVICE_ACCOUNT', description: 'service account of media Jobs' },
  { name: 'MEDIA_JOB_ENV_FROM', description: 'comma-separated secret:NAME / configmap:NAME whose keys become the environment of media Jobs (storage credentials)' },
  { name: 'MEDIA_JOB_CPU', description: 'CPU request and limit of a media Job', default: '2' },
  { name: 'MEDIA_JOB_MEMORY', description: 'memory request and limit of a media Job', default: '2Gi' },
  { name: 'INGEST_ALLOWED_NETWORKS', description: 'comma-separated CIDRs the feed importer may fetch from although private/loopback (e.g. 10.1.2.0/24)' },
  { name: 'INGEST_ALLOWED_HOSTS', description: 'comma-separated host names (or *.domain) the feed importer may fetch from although they resolve to private addresses (never metadata)' },
  { name: 'INGEST_MAX_BYTES', description: 'largest feed the importer reads (decompressed bytes)', default: '33554432' },
  { name: 'INGEST_TIMEOUT_MS', description: 'time limit for one feed fetch, redirects included', default: '60000' },
  { name: 'INGEST_MEDIA_TIMEOUT_MS', description: 'time limit for fetching one media file of an import with media (--with-media), redirects included', default: '1800000' },
  { name: 'INGEST_MEDIA_CHECK_MS', description: 'how often the worker looks for media files of imports to fetch', default: '5000' },
  { name: 'INGEST_SYNC_INTERVAL_SECONDS', description: 'how often the cron role reads a subscribed feed again', default: '3600' },
  { name: 'INGEST_SYNC_CHECK_MS', description: 'how often the cron role looks for subscribed feeds that are due', default: '60000' },
  { name: 'FEEDS_OWNER_EMAIL', description: 'owner e-mail in published podcast feeds (itunes:owner), used by Apple and Spotify to verify ownership' },
  { name: 'TRENDING_HALF_LIFE_HOURS', description: 'trending score: an hour of listening counts half as much every this many hours', default: '48' },
  { name: 'TRENDING_REFRESH_MS', description: 'how often the cron role recomputes trending (0: never)', default: '300000' },
  { name: 'RECS_REBUILD_MS', description: 'how often the cron role rebuilds the recommendation model, `recs.rebuild` (0: never)', default: '21600000' },
  { name: 'RECS_TRAINING_DAYS', description: 'days of listening history a recommendation model trains on', default: '90' },
  { name: 'RECS_NEIGHBOURS', description: 'neighbours kept per episode in a recommendation model', default: '50' },
  { name: 'RECS_KEEP_VERSIONS', description: 'recommendation model versions kept for rollback', default: '5' },
  { name: 'WEB_API_URL', description: 'Discovery API base URL the web role renders pages from (e.g. the discovery Service); the in-process API when unset' },
];

const REQUEST_LOG_POLICIES = ['private', 'all', 'errors'] as const;
export type RequestLogPolicy = (typeof REQUEST_LOG_POLICIES)[number];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    if (/^(true|1|yes)$/i.test(raw)) return true;
    if (/^(false|0|no)$/i.test(raw)) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must be a ${protocols.join(' or ')} URL, got protocol "${parsed.protocol}"`);
      }
      return raw;
    } catch {
      problems.push(`${name} must be a URL (${protocols.join(' or ')}), got "${raw}"`);
      return undefined;
    }
  };

  const list = (name: string, valid: (entry: string) => boolean, expected: string): string[] => {
    const entries = (text(name) ?? '').split(',').map((e) => e.trim()).filter(Boolean);
    const bad = entries.filter((e) => !valid(e));
    if (bad.length > 0) problems.push(`${name} must be a comma-separated list of ${expected}, got "${bad.join('", "')}"`);
    return entries;
  };

  const oneOf = <const V extends readonly string[]>(name: string, values: V, fallback: V[number]): V[number] => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    if (!values.includes(raw)) {
      problems.push(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
      return fallback;
    }
    return raw as V[number];
  };
  const dnsLabel = (name: string): string | undefined => {
    const raw = text(name);
    if (raw !== undefined && !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(raw)) {
      problems.push(`${name} must be a Kubernetes name (lowercase letters, digits and "-", at most 63), got "${raw}"`);
    }
    return raw;
  };
  const quantity = (name: string, fallback: string, pattern: RegExp, expected: string): string => {
    const raw = text(name) ?? fallback;
    if (!pattern.test(raw)) problems.push(`${name} must be ${expected}, got "${raw}"`);
    return raw;
  };

  const port = integer('PORT', 8080, 0, 65535);
  const logLevel = text('LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const requestLog = text('REQUEST_LOG') ?? 'private';
  if (!(REQUEST_LOG_POLICIES as readonly string[]).includes(requestLog)) {
    problems.push(`REQUEST_LOG must be one of ${REQUEST_LOG_POLICIES.join(', ')}, got "${requestLog}"`);
  }
  const config: Config = {
    port,
    host: text('HOST') ?? '127.0.0.1',
    dataDir: resolve(text('DATA_DIR') ?? './data'),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databaseReadUrl: url('DATABASE_READ_URL', ['postgres:', 'postgresql:']),
    databasePoolMax: integer('DATABASE_POOL_MAX', 10, 1, 500),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    redisSentinels: list('REDIS_SENTINELS', (e) => /^[A-Za-z0-9.-]+:\d{1,5}$/.test(e), 'host:port pairs like redis-sentinel:26379').map((e) => {
      const [host, port] = e.split(':') as [string, string];
      return { host, port: Number(port) };
    }),
    redisMasterName: text('REDIS_MASTER_NAME'),
    redisPassword: text('REDIS_PASSWORD'),
    natsUrl: url('NATS_URL', ['nats:', 'tls:', 'ws:', 'wss:']),
    natsStream: natsStream(text('NATS_STREAM') ?? 'THMNAYAH_EVENTS', problems),
    natsStreamReplicas: integer('NATS_STREAM_REPLICAS', 1, 1, 5),
    // An install with its own event stream (NATS_STREAM: staging sharing a NATS, each test) gets its own listening stream too.
    natsListeningStream: natsStream(text('NATS_LISTENING_STREAM')
      ?? (text('NATS_STREAM') && text('NATS_STREAM') !== 'THMNAYAH_EVENTS' ? `${text('NATS_STREAM')}_LISTENING` : 'THMNAYAH_LISTENING'), problems, 'NATS_LISTENING_STREAM'),
    natsListeningDuplicateWindowSeconds: integer('NATS_LISTENING_DUPLICATE_WINDOW_SECONDS', 600, 1, 86_400),
    eventMaxAttempts: integer('EVENT_MAX_ATTEMPTS', 5, 1, 100),
    eventRetryBaseMs: integer('EVENT_RETRY_BASE_MS', 1000, 1, 3_600_000),
    eventPollMs: integer('EVENT_POLL_MS', 200, 10, 60_000),
    eventRetentionDays: integer('EVENT_RETENTION_DAYS', 14, 1, 3650),
    searchAnalytics: bool('SEARCH_ANALYTICS', true),
    searchAnalyticsFlushMs: integer('SEARCH_ANALYTICS_FLUSH_MS', 5000, 100, 3_600_000),
    searchAnalyticsRetentionDays: integer('SEARCH_ANALYTICS_RETENTION_DAYS', 395, 1, 3650),
    // At least 2: the aggregation accepts events up to 24 h old, and their hour must still be whole.
    listeningRetentionDays: integer('LISTENING_RETENTION_DAYS', 90, 2, 3650),
    oidcIssuer: url('OIDC_ISSUER', ['https:', 'http:']),
    oidcAudience: text('OIDC_AUDIENCE'),
    devIssuer: false, // decided below, from the values around it
    devIssuerExplicit: text('DEV_ISSUER') === undefined ? undefined : bool('DEV_ISSUER', false),
    oidcStudioClientId: text('OIDC_STUDIO_CLIENT_ID') ?? 'thmnayah-studio',
    publicUrl: (url('PUBLIC_URL', ['https:', 'http:']) ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    logLevel: logLevel as Config['logLevel'],
    requestLog: requestLog as RequestLogPolicy,
    bodyLimitBytes: integer('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    schedulerIntervalMs: integer('SCHEDULER_INTERVAL_MS', 5000, 50, 3_600_000),
    devTokenTtlSeconds: integer('DEV_TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    shutdownGraceMs: integer('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    // At most 30 s, so that with 30 s of client caching a link stops within 60 s (media/api/play-access.ts).
    playbackAccessCacheMs: integer('PLAYBACK_ACCESS_CACHE_MS', 15_000, 0, 30_000),
    previewTtlSeconds: integer('PREVIEW_TTL_SECONDS', 1800, 60, 24 * 3600),
    http: {
      headersMs: integer('HTTP_HEADERS_TIMEOUT_MS', 15_000, 100, 600_000),
      api: { idleMs: integer('HTTP_IDLE_TIMEOUT_MS', 30_000, 100, 3_600_000), bodyMs: integer('HTTP_REQUEST_TIMEOUT_MS', 60_000, 100, 3_600_000) },
      upload: { idleMs: integer('HTTP_UPLOAD_IDLE_TIMEOUT_MS', 120_000, 100, 3_600_000), bodyMs: integer('HTTP_UPLOAD_TIMEOUT_MS', 4 * 3_600_000, 1000, 48 * 3_600_000) },
    },
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 1200, 1, 10_000_000),
    trustProxy: parseTrustProxy(text('TRUST_PROXY')),
    corsOrigins: (text('CORS_ORIGINS') ?? '*').split(',').map((o) => o.trim()).filter(Boolean),
    s3Endpoint: url('S3_ENDPOINT', ['https:', 'http:']),
    s3PublicEndpoint: url('S3_PUBLIC_ENDPOINT', ['https:', 'http:']),
    s3Bucket: text('S3_BUCKET') ?? 'thmnayah-media',
    s3Region: text('S3_REGION') ?? 'us-east-1',
    s3AccessKeyId: text('S3_ACCESS_KEY_ID'),
    s3SecretAccessKey: text('S3_SECRET_ACCESS_KEY'),
    s3ForcePathStyle: bool('S3_FORCE_PATH_STYLE', true),
    // S3 takes at most 5 GiB in one PUT, which is what a presigned upload is.
    mediaMaxBytes: integer('MEDIA_MAX_BYTES', 5 * 1024 ** 3, 1024, 5 * 1024 ** 3),
    // 32 MiB: below it one streamed request is simplest; above it the bytes go straight to storage (S3) and
    // never through the CMS pods or their ingress body limit.
    mediaPresignedUploadBytes: integer('MEDIA_PRESIGNED_UPLOAD_BYTES', 32 * 1024 ** 2, 1, 5 * 1024 ** 3),
    mediaSigningKey: text('MEDIA_SIGNING_KEY'),
    mediaRunner: oneOf('MEDIA_RUNNER', ['local', 'kubernetes'] as const, 'local'),
    mediaConcurrency: integer('MEDIA_CONCURRENCY', 1, 1, 64),
    mediaMaxAttempts: integer('MEDIA_MAX_ATTEMPTS', 3, 1, 20),
    mediaRetryBaseMs: integer('MEDIA_RETRY_BASE_MS', 30_000, 1, 3_600_000),
    mediaJobTimeoutSeconds: integer('MEDIA_JOB_TIMEOUT_SECONDS', 4 * 3600, 1, 7 * 24 * 3600),
    mediaMaxDurationSeconds: integer('MEDIA_MAX_DURATION_SECONDS', 6 * 3600, 1, 7 * 24 * 3600),
    mediaPollMs: integer('MEDIA_POLL_MS', 1000, 10, 600_000),
    kubernetesNamespace: dnsLabel('KUBERNETES_NAMESPACE'),
    mediaJobImage: text('MEDIA_JOB_IMAGE'),
    mediaJobServiceAccount: dnsLabel('MEDIA_JOB_SERVICE_ACCOUNT'),
    mediaJobEnvFrom: list('MEDIA_JOB_ENV_FROM', (e) => /^(secret|configmap):[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/.test(e), 'secret:NAME or configmap:NAME').map((e) => {
      const [kind, name] = e.split(':') as ['configmap' | 'secret', string];
      return { kind, name };
    }),
    mediaJobCpu: quantity('MEDIA_JOB_CPU', '2', /^\d+(\.\d+)?m?$/, 'a CPU quantity like 2 or 500m'),
    mediaJobMemory: quantity('MEDIA_JOB_MEMORY', '2Gi', /^\d+(Ki|Mi|Gi|Ti|K|M|G|T)?$/, 'a memory quantity like 2Gi or 512Mi'),
    ingestAllowedNetworks: list('INGEST_ALLOWED_NETWORKS', (e) => (e.includes('/') ? ipaddr.isValidCIDR(e) && isIP(e.split('/')[0]!) !== 0 : isIP(e) !== 0), 'IP networks like 10.1.2.0/24'),
    ingestAllowedHosts: list('INGEST_ALLOWED_HOSTS', (e) => /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(e), 'host names like feeds.example.org or *.example.org'),
    ingestMaxBytes: integer('INGEST_MAX_BYTES', 32 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    ingestTimeoutMs: integer('INGEST_TIMEOUT_MS', 60_000, 100, 3_600_000),
    ingestMediaTimeoutMs: integer('INGEST_MEDIA_TIMEOUT_MS', 1_800_000, 1000, 24 * 3_600_000),
    ingestMediaCheckMs: integer('INGEST_MEDIA_CHECK_MS', 5000, 50, 3_600_000),
    ingestSyncIntervalSeconds: integer('INGEST_SYNC_INTERVAL_SECONDS', 3600, 60, 30 * 24 * 3600),
    ingestSyncCheckMs: integer('INGEST_SYNC_CHECK_MS', 60_000, 50, 3_600_000),
    feedsOwnerEmail: text('FEEDS_OWNER_EMAIL'),
    webApiUrl: url('WEB_API_URL', ['https:', 'http:'])?.replace(/\/+$/, ''),
    trendingHalfLifeHours: integer('TRENDING_HALF_LIFE_HOURS', 48, 1, 24 * 365),
    trendingRefreshMs: integer('TRENDING_REFRESH_MS', 300_000, 0, 24 * 3_600_000),
    recsRebuildMs: integer('RECS_REBUILD_MS', 6 * 3_600_000, 0, 30 * 24 * 3_600_000),
    recsTrainingDays: integer('RECS_TRAINING_DAYS', 90, 1, 3650),
    recsNeighbours: integer('RECS_NEIGHBOURS', 50, 1, 500),
    recsKeepVersions: integer('RECS_KEEP_VERSIONS', 5, 2, 100),
  };
  if (config.feedsOwnerEmail !== undefined && !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(config.feedsOwnerEmail)) {
    problems.push(`FEEDS_OWNER_EMAIL must be an e-mail address, got "${config.feedsOwnerEmail}"`);
  }
  if ((config.s3AccessKeyId === undefined) !== (config.s3SecretAccessKey === undefined)) {
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(config.s3Bucket)) {
    problems.push(`S3_BUCKET must be an S3 bucket name (3-63 lowercase letters, digits, "." or "-"), got "${config.s3Bucket}"`);
  }
  if (config.mediaSigningKey !== undefined && config.mediaSigningKey.length < 32) {
    problems.push('MEDIA_SIGNING_KEY must be at least 32 characters');
  }
  if (config.mediaRunner === 'kubernetes') {
    // A Job runs in its own pod: it reaches the media through S3, never through this pod's DATA_DIR.
    if (!config.s3Endpoint) problems.push('MEDIA_RUNNER=kubernetes needs S3 storage (S3_ENDPOINT): a Job cannot read the worker\'s DATA_DIR');
    if (!config.mediaJobImage) problems.push('MEDIA_RUNNER=kubernetes needs MEDIA_JOB_IMAGE (the server image)');
  }
  if (config.redisSentinels.length > 0 && !config.redisMasterName) problems.push('REDIS_SENTINELS needs REDIS_MASTER_NAME: the name of the master the sentinels monitor');
  if (config.redisMasterName && config.redisSentinels.length === 0) problems.push('REDIS_MASTER_NAME needs REDIS_SENTINELS');
  if (config.redisSentinels.length > 0 && config.redisUrl) problems.push('REDIS_URL and REDIS_SENTINELS cannot both be set: Redis is reached one way');
  if (config.redisPassword && config.redisSentinels.length === 0) problems.push('REDIS_PASSWORD goes with REDIS_SENTINELS (with REDIS_URL the password is in the URL)');
  if (config.databaseReadUrl && !config.databaseUrl) {
    problems.push('DATABASE_READ_URL needs DATABASE_URL: a replica serves reads of a PostgreSQL primary, never of the embedded database');
  }
  if (config.devIssuerExplicit === true && config.oidcIssuer) {
    problems.push('DEV_ISSUER=true and OIDC_ISSUER cannot both be set: tokens come from one issuer');
  }
  config.devIssuer = !config.oidcIssuer && (config.devIssuerExplicit ?? (!config.databaseUrl && isLoopbackHost(config.host)));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** 127.0.0.0/8, ::1 and localhost: an address only this machine reaches. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (bare.toLowerCase() === 'localhost') return true;
  return isIP(bare) !== 0 && ipaddr.process(bare).range() === 'loopback';
}

/** What to warn about at start: settings that run, but are risky outside a laptop. */
export function identityWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (config.oidcIssuer && !config.oidcAudience) {
    warnings.push('OIDC_AUDIENCE is not set: any token of OIDC_ISSUER is accepted, whichever client it was issued for. Set OIDC_AUDIENCE (e.g. thmnayah-cms).');
  }
  if (config.devIssuer && config.devIssuerExplicit && (config.databaseUrl || !isLoopbackHost(config.host))) {
    warnings.push(`DEV_ISSUER=true: the development issuer signs in anyone who reaches ${config.publicUrl}/auth/dev as any CMS user. Never in production.`);
  }
  return warnings;
}

/**
 * Why no token issuer is configured, or undefined when one is: the server refuses to start without
 * one rather than switching the development issuer on where others can reach it (issue 15 #4).
 */
export function identityProblem(config: Config): string | undefined {
  if (config.oidcIssuer || config.devIssuer) return undefined;
  const why = config.devIssuerExplicit === false
    ? 'DEV_ISSUER=false'
    : [config.databaseUrl ? 'DATABASE_URL is set' : '', isLoopbackHost(config.host) ? '' : `HOST=${config.host} is not a loopback address`].filter(Boolean).join(' and ');
  return `OIDC_ISSUER must be set: no token issuer is configured (${why}, so the built-in development issuer stays off; ` +
    'it runs by itself only on embedded defaults bound to loopback). Set OIDC_ISSUER to your identity provider, or DEV_ISSUER=true to run the development issuer anyway.';
}

function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}

function natsStream(name: string, problems: string[], variable = 'NATS_STREAM'): string {
  // JetStream stream names may not contain whitespace, ".", "*", ">", or path separators.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) problems.push(`${variable} must be 1 to 64 letters, digits, "_" or "-", got "${name}"`);
  return name;
}

export function parseRoles(value: string | undefined): Role[] {
  if (value === undefined || value.trim() === '' || value.trim() === 'all') return [...ROLES];
  const roles = value.split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) {
    throw new ConfigError([`--roles has unknown role(s) ${unknown.join(', ')}; known roles: ${ROLES.join(', ')}`]);
  }
  return [...new Set(roles)] as Role[];
}
