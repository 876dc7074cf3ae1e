#!/usr/bin/env node
// Builds the web app (React Router + Vite: build/client and build/server), then writes brotli and gzip
// copies of the text assets so the server sends them without compressing per request. Records a hash
// of the sources, so `ensure-build.mjs` (run by `npm start` and the tests) rebuilds only when they changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { sourceHash, webRoot } from './source-hash.mjs';

const cli = [join(webRoot, 'node_modules', '.bin', 'react-router'), join(webRoot, '..', '..', 'node_modules', '.bin', 'react-router')].find((path) => existsSync(path)) ?? 'react-router';
// NODE_ENV picks React's production build for the client bundle (Vite alone left the development one in).
const result = spawnSync(cli, ['build'], { cwd: webRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
if (result.status !== 0) process.exit(result.status ?? 1);

const COMPRESSIBLE = /\.(js|mjs|css|svg|json|webmanifest|txt|map)$/;
function* files(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}
for (const path of files(join(webRoot, 'build', 'client'))) {
  if (!COMPRESSIBLE.test(path)) continue;
  const body = readFileSync(path);
  if (body.length < 1024) continue;
  writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
}
writeFileSync(join(webRoot, 'build', '.source-hash'), sourceHash());
console.log('web build ready');
