import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ConfigError, VARIABLES, identityProblem, identityWarnings, isLoopbackHost, loadConfig, parseRoles } from '../../src/config.js';
import { createPlatform } from '../../src/platform.js';

describe('configuration', () => {
  it('has embedded defaults for everything', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', databaseUrl: undefined, redisUrl: undefined, natsUrl: undefined, oidcIssuer: undefined, publicUrl: 'http://localhost:8080' });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('names every bad variable and what it expected', () => {
    try {
      loadConfig({ PORT: '80a', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', REDIS_URL: 'not a url', BODY_LIMIT_BYTES: '1' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('PORT must be a whole number from 0 to 65535, got "80a"');
      expect(message).toContain('DATABASE_URL must be a postgres: or postgresql: URL');
      expect(message).toContain('LOG_LEVEL must be one of');
      expect(message).toContain('REDIS_URL must be a URL');
      expect(message).toContain('BODY_LIMIT_BYTES must be a whole number from 1024');
    }
  });

  describe('the development issuer (issue 15 #4)', () => {
    it('runs by itself only on embedded defaults bound to loopback', () => {
      expect(loadConfig({}).devIssuer).toBe(true);
      expect(loadConfig({ HOST: '::1' }).devIssuer).toBe(true);
      expect(loadConfig({ HOST: '127.0.0.2' }).devIssuer).toBe(true);
      expect(loadConfig({ HOST: 'localhost' }).devIssuer).toBe(true);
      expect(loadConfig({ HOST: '0.0.0.0' }).devIssuer).toBe(false);
      expect(loadConfig({ HOST: '::' }).devIssuer).toBe(false);
      expect(loadConfig({ HOST: '10.0.0.5' }).devIssuer).toBe(false);
      expect(loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/x' }).devIssuer).toBe(false);
      expect(loadConfig({ OIDC_ISSUER: 'https://id.example.org/realms/t' }).devIssuer).toBe(false);
      expect(isLoopbackHost('::ffff:127.0.0.1')).toBe(true);
      expect(isLoopbackHost('example.org')).toBe(false);
    });

    it('runs when DEV_ISSUER=true, never with DEV_ISSUER=false or beside OIDC_ISSUER', () => {
      expect(loadConfig({ DEV_ISSUER: 'true', HOST: '0.0.0.0', DATABASE_URL: 'postgres://127.0.0.1/x' }).devIssuer).toBe(true);
      expect(loadConfig({ DEV_ISSUER: 'false' }).devIssuer).toBe(false);
      expect(() => loadConfig({ DEV_ISSUER: 'maybe' })).toThrow(/DEV_ISSUER must be true or false/);
      expect(() => loadConfig({ DEV_ISSUER: 'true', OIDC_ISSUER: 'https://id.example.org/realms/t' })).toThrow(/DEV_ISSUER=true and OIDC_ISSUER cannot both be set/);
    });

    it('without it and without OIDC_ISSUER the server refuses to start, naming OIDC_ISSUER', async () => {
      expect(identityProblem(loadConfig({}))).toBeUndefined();
      expect(identityProblem(loadConfig({ HOST: '0.0.0.0' }))).toMatch(/^OIDC_ISSUER must be set.*HOST=0\.0\.0\.0 is not a loopback address.*DEV_ISSUER=true/);
      expect(identityProblem(loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/x' }))).toMatch(/OIDC_ISSUER must be set.*DATABASE_URL is set/);
      expect(identityProblem(loadConfig({ DEV_ISSUER: 'false' }))).toMatch(/OIDC_ISSUER must be set.*DEV_ISSUER=false/);
      const dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-config-'));
      try {
        // Refused before the database is even opened.
        await expect(createPlatform(loadConfig({ DATA_DIR: dataDir, HOST: '0.0.0.0' }))).rejects.toThrow(ConfigError);
        await expect(createPlatform(loadConfig({ DATA_DIR: dataDir, HOST: '0.0.0.0' }))).rejects.toThrow(/OIDC_ISSUER must be set/);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });

    it('warns when an external issuer has no audience, and when DEV_ISSUER=true is reachable from elsewhere', () => {
      expect(identityWarnings(loadConfig({}))).toEqual([]);
      expect(identityWarnings(loadConfig({ OIDC_ISSUER: 'https://id.example.org/realms/t', OIDC_AUDIENCE: 'thmnayah-cms' }))).toEqual([]);
      expect(identityWarnings(loadConfig({ OIDC_ISSUER: 'https://id.example.org/realms/t' }))).toEqual([expect.stringMatching(/^OIDC_AUDIENCE is not set/)]);
      expect(identityWarnings(loadConfig({ DEV_ISSUER: 'true', HOST: '0.0.0.0' }))).toEqual([expect.stringMatching(/^DEV_ISSUER=true: .* Never in production/)]);
    });
  });

  it('parses roles and refuses unknown ones', () => {
    expect(parseRoles(undefined)).toHaveLength(6);
    expect(parseRoles('cms, discovery,cms')).toEqual(['cms', 'discovery']);
    expect(() => parseRoles('cms,frontend')).toThrow(/unknown role\(s\) frontend/);
  });

  it('is documented: README lists exactly the configuration variables', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../../../README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(VARIABLES.map((v) => v.name)));
  });
});
