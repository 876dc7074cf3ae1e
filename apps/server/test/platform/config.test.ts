import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, VARIABLES, loadConfig, parseRoles } from '../../src/config.js';

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
