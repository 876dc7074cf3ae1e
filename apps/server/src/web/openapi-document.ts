// The server's OpenAPI document without a running server: every role's routes mounted on a throwaway
// embedded database. The web app's API types are generated from it (apps/web/app/api/schema.d.ts), so
// the site and the studio are typed by the same schemas that validate the requests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig, ROLES } from '../config.js';
import { createPlatform } from '../platform.js';
import { createServer } from '../app.js';

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-openapi-'));
  try {
    const platform = await createPlatform(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), { defaultMetrics: false });
    try {
      const roles = ROLES.filter((role) => role !== 'web');
      const { app } = await createServer(platform, roles, { logger: false });
      await app.ready();
      const document = app.swagger() as unknown as Record<string, unknown>;
      await app.close();
      return document;
    } finally {
      await platform.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const API_TYPES_HEADER = "// Generated from the server's OpenAPI document by `npm run api-types`: do not edit.\n// A test fails when it is out of date.\n";

/** The TypeScript declarations (openapi-typescript) of the document. */
export async function apiTypes(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(document as never, { alphabetize: true });
  return API_TYPES_HEADER + astToString(ast);
}
