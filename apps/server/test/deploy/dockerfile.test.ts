// The container image cannot be built here (no Docker engine on these machines), so this test reads
// deploy/docker/Dockerfile and .dockerignore and checks the rules the image must keep: pinned Node LTS
// base, a production-only dependency install, the release layout build.test.ts runs, FFmpeg, tini as
// PID 1, a numeric non-root user, no secrets, the port and health check the server really uses.
// dockerfile-ast parses the Dockerfile as Docker does (continuations, JSON forms, stages);
// @balena/dockerignore applies .dockerignore with Docker's own matching rules.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DockerfileParser, type Copy, type From, type Instruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { VARIABLES } from '../../src/config.js';
import { RUNTIME_SOURCES, SERVER_ROOT } from '../../scripts/build.js';

// CommonJS `module.exports = factory` whose types declare an ES default export: require it as it is.
const dockerignore = createRequire(import.meta.url)('@balena/dockerignore') as typeof import('@balena/dockerignore').default;
const REPO_ROOT = join(SERVER_ROOT, '../..');
const text = readFileSync(join(REPO_ROOT, 'deploy/docker/Dockerfile'), 'utf8');
const dockerfile = DockerfileParser.parse(text);
const ignore = dockerignore().add(readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8').split('\n'));

/** Variables the image sets that are Node's, not the server's configuration. */
const NODE_VARIABLES = ['NODE_ENV', 'NODE_OPTIONS'];
const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE|CREDENTIAL|ACCESS_KEY|API_KEY|SIGNING_KEY|DATABASE_URL|REDIS_URL|NATS_URL/i;

interface Stage {
  name: string;
  from: From;
  instructions: Instruction[];
}

function stages(): Stage[] {
  const result: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as From;
      result.push({ name: from.getBuildStage() ?? `#${result.length}`, from, instructions: [] });
    } else {
      result.at(-1)?.instructions.push(instruction);
    }
  }
  return result;
}

const all = stages();
const stage = (name: string): Stage => {
  const found = all.find((s) => s.name === name);
  if (!found) throw new Error(`the Dockerfile has no stage "${name}"`);
  return found;
};
const args = (i: Instruction) => i.getArguments().map((a) => a.getValue());
const runs = (s: Stage) => s.instructions.filter((i) => i.getKeyword() === 'RUN').map((i) => args(i).join(' '));
const envOf = (s: Stage) => new Map(s.instructions.flatMap((i) => (i.getKeyword() === 'ENV' ? (i as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties() : [])).map((p) => [p.getName(), p.getValue() ?? '']));
const runtime = all.at(-1)!;

describe('deploy/docker/Dockerfile (static checks: no Docker engine here to build it)', () => {
  it('builds from Node LTS on Debian bookworm-slim, pinned by major, never latest', () => {
    const nodeVersion = dockerfile.getInitialARGs().find((a) => a.getProperty()?.getName() === 'NODE_VERSION')?.getProperty()?.getValue();
    expect(nodeVersion).toMatch(/^\d+$/);
    expect(Number(nodeVersion) % 2).toBe(0); // even majors are the LTS lines
    expect(Number(nodeVersion)).toBeGreaterThanOrEqual(22);
    expect(all.map((s) => s.name)).toEqual(['build', 'prod-deps', 'runtime']);
    for (const s of all) {
      expect(s.from.getImage()).toBe('node:${NODE_VERSION}-bookworm-slim');
    }
    expect(text).not.toMatch(/:latest\b/);
  });

  it('bundles in a build stage and installs only production dependencies for the runtime', () => {
    expect(runs(stage('build'))).toEqual(expect.arrayContaining([
      expect.stringMatching(/^npm ci /),
      'node apps/web/scripts/build.mjs',
      'node apps/server/bin/run-ts.mjs apps/server/scripts/build.ts --release /release',
    ]));
    const prod = runs(stage('prod-deps')).join('\n');
    expect(prod).toMatch(/npm ci --omit=dev --workspace @thmnayah\/server --workspace @thmnayah\/web --ignore-scripts/);
    expect(runs(runtime).join('\n')).not.toMatch(/npm (ci|install)/);
    const copies = runtime.instructions.filter((i): i is Copy => i.getKeyword() === 'COPY') as Copy[];
    const fromStages = copies.map((c) => [c.getFromFlag()?.getValue(), ...args(c)]);
    expect(fromStages).toEqual([
      ['prod-deps', '/app', '/app'],
      ['build', '/release', '/app/apps/server'],
      ['build', '/src/apps/web/build', '/app/apps/web/build'],
    ]);
    // The entry point is the bin script of the release layout (it runs dist/ since no src/ ships).
    expect(RUNTIME_SOURCES).toContain('bin/thmnayah.mjs');
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    for (const s of all) {
      for (const copy of s.instructions.filter((i): i is Copy => i.getKeyword() === 'COPY') as Copy[]) {
        if (copy.getFromFlag()) continue;
        const sources = args(copy).slice(0, -1);
        for (const source of sources) {
          expect(existsSync(join(REPO_ROOT, source)), source).toBe(true);
          expect(ignore.ignores(source), `${source} is excluded by .dockerignore`).toBe(false);
        }
      }
    }
    // What the bundle and the release read must reach the build; nothing else heavy or private should.
    for (const path of ['apps/server/src/main.ts', 'apps/server/scripts/build.ts', 'packages/contracts/src/index.ts', ...RUNTIME_SOURCES.map((f) => `apps/server/${f}`)]) {
      expect(ignore.ignores(path), path).toBe(false);
    }
    for (const path of ['node_modules/fastify/package.json', 'apps/server/node_modules/x', 'apps/server/dist/main.js', '.git/config', '.env', 'apps/server/.env.production', 'data/pglite', 'apps/server/test/cli/cli.test.ts']) {
      expect(ignore.ignores(path), path).toBe(true);
    }
  });

  it('ships FFmpeg, runs under tini as PID 1, as a numeric non-root user', () => {
    const install = runs(runtime).find((r) => r.includes('apt-get install'));
    expect(install).toMatch(/apt-get install -y --no-install-recommends .*\bffmpeg\b/);
    expect(install).toMatch(/\btini\b/);
    expect(install).toMatch(/rm -rf \/var\/lib\/apt\/lists/);
    const entrypoint = runtime.instructions.find((i) => i.getKeyword() === 'ENTRYPOINT')!;
    expect(JSON.parse(entrypoint.getArgumentsContent()!)).toEqual(['/usr/bin/tini', '--', 'node', '/app/apps/server/bin/thmnayah.mjs']);
    expect(JSON.parse(runtime.instructions.find((i) => i.getKeyword() === 'CMD')!.getArgumentsContent()!)).toEqual(['start']);

    const users = runtime.instructions.filter((i) => i.getKeyword() === 'USER');
    expect(users).toHaveLength(1);
    const [uid, gid] = args(users[0]!)[0]!.split(':');
    expect(uid).toMatch(/^\d+$/);
    expect(Number(uid)).toBeGreaterThan(0);
    expect(gid).toMatch(/^\d+$/);
    expect(runs(runtime).join('\n')).toContain(`useradd --system --uid ${uid} --gid ${gid}`);
    // Nothing runs as root after the switch.
    const last = runtime.instructions.findIndex((i) => i === users[0]);
    expect(runtime.instructions.slice(last).some((i) => i.getKeyword() === 'RUN')).toBe(false);
  });

  it('listens where the server and the health check expect, with the documented variables only', () => {
    const env = envOf(runtime);
    const portDefault = VARIABLES.find((v) => v.name === 'PORT')!.default;
    expect(env.get('PORT')).toBe(portDefault);
    expect(args(runtime.instructions.find((i) => i.getKeyword() === 'EXPOSE')!)).toEqual([portDefault]);
    expect(env.get('HOST')).toBe('0.0.0.0'); // the server's own default is loopback only
    const nodeOptions = (env.get('NODE_OPTIONS') ?? '').split(/\s+/);
    expect(nodeOptions).toContain('--enable-source-maps');
    // On Node 22, AsyncLocalStorage (tracing's context) without promise hooks, or 1 % sampling costs
    // every request (docs/operations.md); Node 24 does this by default.
    const nodeVersion = Number(dockerfile.getInitialARGs().find((a) => a.getProperty()?.getName() === 'NODE_VERSION')?.getProperty()?.getValue());
    if (nodeVersion === 22) expect(nodeOptions).toContain('--experimental-async-context-frame');
    const known = new Set([...VARIABLES.map((v) => v.name), ...NODE_VARIABLES]);
    for (const name of env.keys()) expect(known, `ENV ${name}`).toContain(name);
    const healthcheck = runtime.instructions.find((i) => i.getKeyword() === 'HEALTHCHECK')!.getArgumentsContent()!;
    expect(healthcheck).toMatch(/http:\/\/127\.0\.0\.1:' \+ \(process\.env\.PORT \|\| 8080\) \+ '\/healthz'/);
  });

  it('holds no secrets: no secret-looking ENV, ARG or LABEL, no credentials in URLs, no .env copied', () => {
    for (const s of all) {
      for (const i of s.instructions) {
        if (['ENV', 'ARG', 'LABEL'].includes(i.getKeyword())) {
          for (const word of args(i)) expect(word.split('=')[0], `${i.getKeyword()} ${word}`).not.toMatch(SECRET_NAME);
        }
      }
    }
    expect(text).not.toMatch(/\w+:\/\/[^\s/:@]+:[^\s/@]+@/); // scheme://user:password@
    const copied = all.flatMap((st) => st.instructions.filter((i) => ['COPY', 'ADD'].includes(i.getKeyword())).flatMap(args));
    for (const path of copied) expect(path).not.toMatch(/(^|\/)\.env|\.pem$|\.key$|id_rsa/);
  });

  it('carries OCI labels that match the package', () => {
    const labels = runtime.instructions.filter((i) => i.getKeyword() === 'LABEL').map((i) => i.getArgumentsContent()).join(' ');
    for (const key of ['title', 'description', 'licenses', 'version', 'revision', 'created']) expect(labels).toContain(`org.opencontainers.image.${key}=`);
    const license = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).license as string;
    expect(labels).toContain(`org.opencontainers.image.licenses="${license}"`);
    const version = JSON.parse(readFileSync(join(SERVER_ROOT, 'package.json'), 'utf8')).version as string;
    expect(runtime.instructions.find((i) => i.getKeyword() === 'ARG' && args(i)[0]!.startsWith('VERSION='))?.getArgumentsContent()).toBe(`VERSION=${version}`);
  });
});
