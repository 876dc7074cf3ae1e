// The scripts the data-tier components mount into their pods (components/*/scripts): POSIX sh, since
// the same file runs in the postgres image (dash), the curl image (busybox) and the drills on this
// machine; shellcheck as sh, and every script a kustomization ships is one of them.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL, serviceAvailable } from '../support/services.js';
import { K8S_DIR, shellcheckAvailable } from './manifests.js';

const run = promisify(execFile);
const COMPONENTS = join(K8S_DIR, 'components');
const scripts = readdirSync(COMPONENTS)
  .filter((c) => existsSync(join(COMPONENTS, c, 'scripts')))
  .flatMap((c) => readdirSync(join(COMPONENTS, c, 'scripts')).map((f) => join(COMPONENTS, c, 'scripts', f)));

const hasShellcheck = await shellcheckAvailable();

describe('data-tier component scripts', () => {
  it('exist, are POSIX sh, and each is shipped by its kustomization', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    for (const script of scripts) {
      expect(readFileSync(script, 'utf8').split('\n')[0], script).toBe('#!/bin/sh');
      const kustomization = readFileSync(join(script, '../../kustomization.yaml'), 'utf8');
      expect(kustomization, script).toContain(`scripts/${script.split('/').pop()}`);
    }
  });

  it.skipIf(!hasShellcheck)('pass shellcheck as sh', async () => {
    const result = await run('shellcheck', ['--shell=sh', '--severity=style', ...scripts]).then(
      () => '',
      (error: { stdout?: string }) => String(error.stdout),
    );
    expect(result).toBe('');
  });
});

// keycloak-db.sh against the PostgreSQL of this machine: the role and database Keycloak logs in with
// are made once, a second run changes nothing but the password, and the database belongs to the role.
const postgresUp = await serviceAvailable('PostgreSQL', TEST_DATABASE_URL, 5432);

describe.skipIf(!postgresUp)('keycloak-db.sh (components/keycloak) on a real PostgreSQL', () => {
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const [user, db] = [`kc_role_${suffix}`, `kc_db_${suffix}`];
  const url = new URL(TEST_DATABASE_URL);
  const env = {
    ...process.env,
    PGHOST: url.hostname, PGPORT: url.port || '5432', PGUSER: decodeURIComponent(url.username), PGDATABASE: url.pathname.slice(1) || 'postgres',
    ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}),
    KEYCLOAK_DB_USER: user, KEYCLOAK_DB_NAME: db, KEYCLOAK_DB_PASSWORD: "it's a p@ss; word",
  };
  const script = join(COMPONENTS, 'keycloak/scripts/keycloak-db.sh');
  const psql = async (sql: string) => (await run('psql', ['--no-psqlrc', '-Atc', sql], { env })).stdout.trim();
  afterAll(async () => {
    await psql(`DROP DATABASE IF EXISTS "${db}"`).catch(() => undefined);
    await psql(`DROP ROLE IF EXISTS "${user}"`).catch(() => undefined);
  });

  it('makes the role and the database it owns, and a second run succeeds and changes nothing else', async () => {
    await run('sh', [script], { env });
    const first = await psql(`SELECT r.rolname, r.rolcanlogin, d.datname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = '${db}'`);
    expect(first).toBe(`${user}|t|${db}`);
    const hash = await psql(`SELECT rolpassword IS NOT NULL FROM pg_authid WHERE rolname = '${user}'`);
    expect(hash).toBe('t');
    const again = await run('sh', [script], { env });
    expect(again.stdout).toContain(`database ${db} and role ${user} ready`);
    expect(await psql(`SELECT count(*) FROM pg_database WHERE datname = '${db}'`)).toBe('1');
  });
});
