// Writes the web app's API types from the server's OpenAPI document (see src/web/openapi-document.ts).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiTypes, openApiDocument } from '../src/web/openapi-document.js';

const target = fileURLToPath(new URL('../../web/app/api/schema.d.ts', import.meta.url));
writeFileSync(target, await apiTypes(await openApiDocument()));
console.log(`wrote ${target}`);
