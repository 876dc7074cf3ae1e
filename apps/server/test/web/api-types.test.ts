// The web app's API types are generated from the server's OpenAPI document; this fails when a route or
// schema changed and `npm run api-types` was not run, so the site and studio never drift from the API.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypes, openApiDocument } from '../../src/web/openapi-document.js';

describe('web API types', () => {
  it('are current (npm run api-types)', async () => {
    const committed = readFileSync(new URL('../../../web/app/api/schema.d.ts', import.meta.url), 'utf8');
    expect(committed === (await apiTypes(await openApiDocument())), 'apps/web/app/api/schema.d.ts is stale: run `npm run api-types`').toBe(true);
  }, 120_000);
});
