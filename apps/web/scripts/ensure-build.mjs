#!/usr/bin/env node
// Builds the web app when build/ is missing or older than its sources (npm start, the test setup);
// a no-op otherwise. A checkout without the web app's dev dependencies (an image) never gets here.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { sourceHash, webRoot } from './source-hash.mjs';

const marker = join(webRoot, 'build', '.source-hash');
const current = existsSync(marker) && readFileSync(marker, 'utf8') === sourceHash();
if (!current) {
  console.log('building the web app (apps/web)…');
  const result = spawnSync(process.execPath, [join(webRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
