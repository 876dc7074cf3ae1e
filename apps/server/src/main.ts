// The `thmnayah` command line: start the server in any set of roles, and run administrative tasks.
import { parseArgs } from 'node:util';
import { Compile } from 'typebox/compile';
import { ConfigError, ROLES, identityWarnings, loadConfig, parseRoles, type Config, type Role } from './config.js';
import type { Platform } from './platform.js';
import { claimDataDir, DataDirBusy, runningServer } from './platform/db/data-dir-lock.js';
import { openDevIssuer } from './platform/auth/dev-issuer.js';
import { CMS_ROLES, isCmsRole } from './platform/auth/roles.js';
import { HttpProblem } from './platform/http/problem.js';
import { UsageError, importTaskArgs } from './ingest/import-cli.js';
import { formatSummary, type ImportSummary } from './ingest/summary.js';
import { flushTracing } from './platform/telemetry/tracing.js';

// Each command loads only what it runs: the server, the domains' tasks and the storage clients take
// seconds to load, which a `token` or a Kubernetes media Job (media-task) should not pay.
const loadApp = () => import('./app.js');
const loadTasks = async () => (await import('./admin/task-list.js')).TASKS;
const loadTaskRunner = () => import('./cli/task-runner.js');
const loadMediaTask = () => import('./media/jobs/media-task.command.js');

const help = async () => `thmnayah — open content platform for Arabic and English audio and video programs

Usage:
  thmnayah start [--roles ${ROLES.join(',')}] [--no-seed]
      Start the server (all roles by default). On embedded defaults an empty catalogue is seeded
      with the demo programs unless --no-seed is given.
  thmnayah migrate                    Apply pending database migrations
  thmnayah seed                       Load the demo catalogue (idempotent)
  thmnayah import <url|file> [--program SLUG] [--publish] [--no-subscribe] [--with-media]
      Import a podcast feed (RSS/Atom) or YouTube channel feed; again to update (idempotent). New
      programs and episodes arrive as drafts, or published with --publish; a URL is subscribed.
      --with-media: the worker also fetches each enclosure and the artwork into storage and processes them.
  thmnayah reindex                    Rebuild the Discovery read model and the search index
  thmnayah token --role ${CMS_ROLES.join('|')} [--sub NAME] [--ttl SECONDS]
      Print an access token from the development issuer (embedded defaults only)
  thmnayah users [list]               List CMS users
  thmnayah users add --sub SUB [--name NAME] [--role ROLE ...]
  thmnayah users disable|enable --sub SUB
  thmnayah task [NAME [--json ARGS]]   List administrative tasks, or run one with JSON arguments
      e.g. thmnayah task events.dead-letters; thmnayah task events.replay --json '{"ids":[3]}'
${(await loadMediaTask()).MEDIA_TASK_HELP}

Configuration is by environment variables; see README.md. With PGlite, commands run through the
API of a server that holds DATA_DIR, or directly on the files when none does.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(await help());
    return command ? 0 : 2;
  }
  const config = loadConfig();
  switch (command) {
    case 'start': {
      const { values } = parseArgs({ args: rest, options: { roles: { type: 'string' }, 'no-seed': { type: 'boolean' } }, strict: true });
      await start(config, parseRoles(values.roles), { seedIfEmpty: !values['no-seed'] && !config.databaseUrl });
      return -1; // keeps running until a signal
    }
    case 'migrate':
      return task(config, 'migrate', {});
    case 'seed':
      return task(config, 'seed', {});
    case 'import': {
      const summary = (await runTask(config, 'import', importTaskArgs(rest))) as ImportSummary;
      console.log(formatSummary(summary));
      // Items that failed make the command fail, so scripts notice; the rest were imported.
      return summary.episodes.failed > 0 ? 1 : 0;
    }
    case 'reindex':
      return task(config, 'reindex', {});
    case 'token':
      return token(config, rest);
    case 'users':
      return users(config, rest);
    case 'task':
      return anyTask(config, rest);
    case 'media-task': {
      const { mediaTaskCommand } = await loadMediaTask();
      return mediaTaskCommand(rest, process, async () => (await import('./platform/storage/open.js')).openStorage(config));
    }
    default:
      console.error(`Unknown command "${command}".\n\n${await help()}`);
      return 2;
  }
}

async function runTask(config: Config, name: string, args: Record<string, unknown>): Promise<unknown> {
  const definition = (await loadTasks()).find((t) => t.name === name);
  if (!definition) throw new Error(`no task ${name}`);
  const server = config.databaseUrl ? undefined : runningServer(config.dataDir);
  const { runTaskLocally, runTaskRemotely } = await loadTaskRunner();
  return server?.url
    ? runTaskRemotely(config, server.url, name, args)
    : runTaskLocally(config, definition, args);
}

async function task(config: Config, name: string, args: Record<string, unknown>): Promise<number> {
  console.log(JSON.stringify(await runTask(config, name, args), null, 2));
  return 0;
}

async function anyTask(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'string' } }, allowPositionals: true, strict: true });
  const [name] = positionals;
  const TASKS = await loadTasks();
  const definition = TASKS.find((t) => t.name === name);
  if (!name || !definition) {
    if (name) console.error(`No task named "${name}".`);
    console.log(TASKS.map((t) => `  ${t.name.padEnd(22)} ${t.description}`).join('\n'));
    return name ? 2 : 0;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(values.json ?? '{}');
  } catch (error) {
    console.error(`--json is not valid JSON: ${(error as Error).message}`);
    return 2;
  }
  const check = Compile(definition.args);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !check.Check(parsed)) {
    const problems = [...check.Errors(parsed)].filter((e) => e.keyword !== 'boolean').slice(0, 5).map((e) => `${e.instancePath || 'arguments'} ${e.message}`);
    console.error(`Arguments of ${name} are not valid: ${problems.join('; ') || 'expected a JSON object'}`);
    return 2;
  }
  return task(config, name, parsed as Record<string, unknown>);
}

async function token(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { role: { type: 'string', multiple: true }, sub: { type: 'string' }, ttl: { type: 'string' } }, strict: true });
  if (config.oidcIssuer) {
    console.error('OIDC_ISSUER is set: tokens come from that issuer (for Keycloak, its token endpoint), not from thmnayah.');
    return 2;
  }
  if (!config.devIssuer) {
    console.error('The development issuer is off here (DATABASE_URL set, HOST not loopback, or DEV_ISSUER=false): set DEV_ISSUER=true, as for the server, to sign its tokens.');
    return 2;
  }
  const roles = values.role ?? [];
  if (roles.length === 0 || !roles.every(isCmsRole)) {
    console.error(`--role must be one of ${CMS_ROLES.join(', ')} (repeatable); got ${roles.join(', ') || 'nothing'}`);
    return 2;
  }
  const ttl = values.ttl ? Number(values.ttl) : config.devTokenTtlSeconds;
  if (!Number.isInteger(ttl) || ttl < 1) {
    console.error(`--ttl must be a whole number of seconds; got ${values.ttl}`);
    return 2;
  }
  const issuer = await openDevIssuer(config.dataDir);
  const sub = values.sub ?? `dev-${roles[0]}`;
  console.log(await issuer.sign({ sub, name: sub, roles, ttlSeconds: ttl }));
  return 0;
}

async function users(config: Config, args: string[]): Promise<number> {
  const [action = 'list', ...rest] = args[0]?.startsWith('--') ? ['list', ...args] : args;
  const { values } = parseArgs({ args: rest, options: { sub: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', multiple: true } }, strict: true });
  switch (action) {
    case 'list':
      return task(config, 'users.list', {});
    case 'add':
      return task(config, 'users.add', { sub: values.sub, ...(values.name ? { name: values.name } : {}), ...(values.role ? { roles: values.role } : {}) });
    case 'disable':
    case 'enable':
      return task(config, `users.${action}`, { sub: values.sub });
    default:
      console.error(`Unknown users action "${action}": use list, add, disable or enable.`);
      return 2;
  }
}

async function start(config: Config, roles: Role[], options: { seedIfEmpty: boolean }) {
  // A started server is a production server unless told otherwise: React (the web role's renderer)
  // picks its development build — three times slower, with dev-only checks — when NODE_ENV is unset.
  process.env.NODE_ENV ??= 'production';
  const [{ createServer, startBackground }, { createPlatform }] = await Promise.all([loadApp(), import('./platform.js')]);
  const lock = config.databaseUrl ? undefined : claimDataDir(config.dataDir);
  let platform: Platform | undefined;
  let server: Awaited<ReturnType<Awaited<ReturnType<typeof loadApp>>['createServer']>>;
  let report = (error: unknown, what: string) =>
    console.error(JSON.stringify({ level: 40, time: Date.now(), dependency: what, err: { message: (error as Error)?.message }, msg: `${what} is failing; serving without it` }));
  let address: string;
  try {
    // Redis outages are survived (misses, open rate limits) but must be visible: a warning per burst.
    platform = await createPlatform(config, { onError: (error, what) => report(error, what) });
    // On a terminal, readable lines; piped or redirected (collectors, files), JSON.
    server = await createServer(platform, roles, { pretty: process.stdout.isTTY === true && process.env.LOG_FORMAT !== 'json' });
    report = (error, what) => server.app.log.warn({ err: error, dependency: what }, `${what} is failing; serving without it`);
    address = await server.app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await platform?.close().catch(() => {});
    lock?.release();
    throw error;
  }
  const { app, readiness } = server;
  const stopBackground = startBackground(platform, roles, app.log);
  lock?.update(address.replace('0.0.0.0', '127.0.0.1').replace('[::]', '[::1]'));
  for (const warning of identityWarnings(config)) app.log.warn(warning);
  app.log.info({ roles, database: platform.db.kind, identity: platform.devIssuer ? 'development issuer' : config.oidcIssuer }, `Thmnayah ${platform.version} listening on ${address}`);

  if (options.seedIfEmpty && roles.includes('cms')) {
    const [{ count }] = (await platform.db.query<{ count: number }>('select count(*)::int as count from programs')) as [{ count: number }];
    if (count === 0) {
      app.log.info('empty catalogue: seeding the demo programs in the background (thmnayah start --no-seed skips this)');
      const seed = (await loadTasks()).find((t) => t.name === 'seed')!;
      seed.run({ platform, actor: 'system:seed', progress: () => {} }, {})
        .then((result) => app.log.info({ result }, 'demo catalogue seeded'))
        .catch((error: unknown) => app.log.error({ err: error }, 'seeding failed'));
    }
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: draining (up to ${config.shutdownGraceMs} ms)`);
    readiness.markShuttingDown();
    const force = setTimeout(() => {
      app.log.error('in-flight work did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    try {
      await app.close();
      await stopBackground();
      await platform.close();
      lock?.release();
      app.log.info('stopped cleanly');
      await flushTracing();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main(process.argv.slice(2)).then(
  async (code) => {
    if (code >= 0) {
      process.exitCode = code;
      await flushTracing(); // a command's spans (an import, a media Job) before the process ends
    }
  },
  (error: unknown) => {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\nRun thmnayah --help for usage.`);
      process.exitCode = 2;
    } else if (error instanceof UsageError) {
      console.error(`${error.message}\nRun thmnayah --help for usage.`);
      process.exitCode = 2;
    } else if (error instanceof ConfigError || error instanceof DataDirBusy) {
      console.error(error.message);
      process.exitCode = 78; // EX_CONFIG
    } else if ((error instanceof Error && error.name === 'TaskFailed') || error instanceof HttpProblem) { // TaskFailed: cli/task-runner.ts, loaded on demand
      console.error(error.message);
      process.exitCode = 1;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);
