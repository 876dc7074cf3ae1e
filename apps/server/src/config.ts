// Configuration comes from environment variables only (twelve-factor), validated once at start.
// Every variable has an embedded default or is optional, so `thmnayah start` needs none of them;
// a bad value stops the process with a message that names the variable and what it expected.
import { resolve } from 'node:path';

export const ROLES = ['cms', 'discovery', 'relay', 'worker', 'cron', 'web'] as const;
export type Role = (typeof ROLES)[number];

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; PGlite in dataDir when absent. */
  databaseUrl: string | undefined;
  databasePoolMax: number;
  redisUrl: string | undefined;
  natsUrl: string | undefined;
  /** JetStream stream of the event bus (when natsUrl is set). */
  natsStream: string;
  /** Handler attempts before an event is parked in dead letters. */
  eventMaxAttempts: number;
  /** First retry delay of a failed handler; doubles with each attempt. */
  eventRetryBaseMs: number;
  /** Fallback poll of the relay and in-process consumers when no wake-up signal comes. */
  eventPollMs: number;
  /** OIDC issuer URL (Keycloak realm URL); the built-in development issuer when absent. */
  oidcIssuer: string | undefined;
  oidcAudience: string | undefined;
  /** Base URL clients use to reach this server, for links in responses and feeds. */
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  /** How often the scheduler looks for episodes whose publish time has come. */
  schedulerIntervalMs: number;
  devTokenTtlSeconds: number;
  shutdownGraceMs: number;
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
  { name: 'DATABASE_POOL_MAX', description: 'PostgreSQL connections per process', default: '10' },
  { name: 'REDIS_URL', description: 'Redis URL for the shared cache and rate limits; in-process when unset' },
  { name: 'NATS_URL', description: 'NATS JetStream URL for the event bus; in-process when unset' },
  { name: 'NATS_STREAM', description: 'JetStream stream of the events (subjects thmnayah.events.<type>; another stream uses <stream>.<type>)', default: 'THMNAYAH_EVENTS' },
  { name: 'EVENT_MAX_ATTEMPTS', description: 'handler attempts before an event is parked in dead letters', default: '5' },
  { name: 'EVENT_RETRY_BASE_MS', description: 'first retry delay of a failed event handler; doubles each attempt', default: '1000' },
  { name: 'EVENT_POLL_MS', description: 'fallback poll of the relay and in-process consumers between wake-ups', default: '200' },
  { name: 'OIDC_ISSUER', description: 'OIDC issuer (Keycloak realm URL); built-in development issuer when unset' },
  { name: 'OIDC_AUDIENCE', description: 'required `aud` of access tokens, when set' },
  { name: 'PUBLIC_URL', description: 'base URL clients reach the server at', default: 'http://localhost:PORT' },
  { name: 'LOG_LEVEL', description: 'pino level: fatal error warn info debug trace silent', default: 'info' },
  { name: 'BODY_LIMIT_BYTES', description: 'largest JSON request body', default: '1048576' },
  { name: 'SCHEDULER_INTERVAL_MS', description: 'how often due scheduled episodes are published', default: '5000' },
  { name: 'DEV_TOKEN_TTL_SECONDS', description: 'lifetime of development-issuer tokens', default: '43200' },
  { name: 'SHUTDOWN_GRACE_MS', description: 'time in-flight requests get after SIGTERM', default: '10000' },
];

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

  const port = integer('PORT', 8080, 0, 65535);
  const logLevel = text('LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const config: Config = {
    port,
    host: text('HOST') ?? '127.0.0.1',
    dataDir: resolve(text('DATA_DIR') ?? './data'),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolMax: integer('DATABASE_POOL_MAX', 10, 1, 500),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    natsUrl: url('NATS_URL', ['nats:', 'tls:', 'ws:', 'wss:']),
    natsStream: natsStream(text('NATS_STREAM') ?? 'THMNAYAH_EVENTS', problems),
    eventMaxAttempts: integer('EVENT_MAX_ATTEMPTS', 5, 1, 100),
    eventRetryBaseMs: integer('EVENT_RETRY_BASE_MS', 1000, 1, 3_600_000),
    eventPollMs: integer('EVENT_POLL_MS', 200, 10, 60_000),
    oidcIssuer: url('OIDC_ISSUER', ['https:', 'http:']),
    oidcAudience: text('OIDC_AUDIENCE'),
    publicUrl: (url('PUBLIC_URL', ['https:', 'http:']) ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    logLevel: logLevel as Config['logLevel'],
    bodyLimitBytes: integer('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    schedulerIntervalMs: integer('SCHEDULER_INTERVAL_MS', 5000, 50, 3_600_000),
    devTokenTtlSeconds: integer('DEV_TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    shutdownGraceMs: integer('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function natsStream(name: string, problems: string[]): string {
  // JetStream stream names may not contain whitespace, ".", "*", ">", or path separators.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) problems.push(`NATS_STREAM must be 1 to 64 letters, digits, "_" or "-", got "${name}"`);
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
