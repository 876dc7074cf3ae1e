// The `thmnayah` command line: start the server in any set of roles, and run administrative tasks.
import { parseArgs } from 'node:util';
import { ConfigError, ROLES, loadConfig, parseRoles, type Config, type Role } from './config.js';
import { createPlatform, type Platform } from './platform.js';
import { createServer, startBackground } from './app.js';
import { claimDataDir, DataDirBusy, runningServer } from './platform/db/data-dir-lock.js';
import { openDevIssuer } from './platform/auth/dev-issuer.js';
import { CMS_ROLES, isCmsRole } from './platform/auth/roles.js';
import { TASKS } from './admin/task-list.js';
import { HttpProblem } from './platform/http/problem.js';
import { TaskFailed, runTaskLocally, runTaskRemotely } from './cli/task-runner.js';

const HELP = `thmnayah — open content platform for Arabic and English audio and video programs

Usage:
  thmnayah start [--roles ${ROLES.join(',')}] [--no-seed]
      Start the server (all roles by default). On embedded defaults an empty catalogue is seeded
      with the demo programs unless --no-seed is given.
  thmnayah migrate                    Apply pending database migrations
  thmnayah seed                       Load the demo catalogue (idempotent)
  thmnayah reindex                    Rebuild the Discovery read model and the search index
  thmnayah token --role ${CMS_ROLES.join('|')} [--sub NAME] [--ttl SECONDS]
      Print an access token from the development issuer (embedded defaults only)
  thmnayah users [list]               List CMS users
  thmnayah users add --sub SUB [--name NAME] [--role ROLE ...]
  thmnayah users disable|enable --sub SUB

Configuration is by environment variables; see README.md. With PGlite, commands run through the
API of a server that holds DATA_DIR, or directly on the files when none does.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
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
    case 'reindex':
      return task(config, 'reindex', {});
    case 'token':
      return token(config, rest);
    case 'users':
      return users(config, rest);
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

async function task(config: Config, name: string, args: Record<string, unknown>): Promise<number> {
  const definition = TASKS.find((t) => t.name === name);
  if (!definition) throw new Error(`no task ${name}`);
  const server = config.databaseUrl ? undefined : runningServer(config.dataDir);
  const result = server?.url
    ? await runTaskRemotely(config, server.url, name, args)
    : await runTaskLocally(config, definition, args);
  console.log(JSON.stringify(result, null, 2));
  return 0;
}

async function token(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { role: { type: 'string', multiple: true }, sub: { type: 'string' }, ttl: { type: 'string' } }, strict: true });
  if (config.oidcIssuer) {
    console.error('OIDC_ISSUER is set: tokens come from that issuer (for Keycloak, its token endpoint), not from thmnayah.');
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
  const lock = config.databaseUrl ? undefined : claimDataDir(config.dataDir);
  let platform: Platform | undefined;
  let server: Awaited<ReturnType<typeof createServer>>;
  let address: string;
  try {
    platform = await createPlatform(config);
    server = await createServer(platform, roles);
    address = await server.app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await platform?.close().catch(() => {});
    lock?.release();
    throw error;
  }
  const { app, readiness } = server;
  const stopBackground = startBackground(platform, roles, app.log);
  lock?.update(address.replace('0.0.0.0', '127.0.0.1').replace('[::]', '[::1]'));
  app.log.info({ roles, database: platform.db.kind, identity: platform.devIssuer ? 'development issuer' : config.oidcIssuer }, `Thmnayah ${platform.version} listening on ${address}`);

  if (options.seedIfEmpty && roles.includes('cms')) {
    const [{ count }] = (await platform.db.query<{ count: number }>('select count(*)::int as count from programs')) as [{ count: number }];
    if (count === 0) {
      app.log.info('empty catalogue: seeding the demo programs in the background (thmnayah start --no-seed skips this)');
      const seed = TASKS.find((t) => t.name === 'seed')!;
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
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\nRun thmnayah --help for usage.`);
      process.exitCode = 2;
    } else if (error instanceof ConfigError || error instanceof DataDirBusy) {
      console.error(error.message);
      process.exitCode = 78; // EX_CONFIG
    } else if (error instanceof TaskFailed || error instanceof HttpProblem) {
      console.error(error.message);
      process.exitCode = 1;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);
