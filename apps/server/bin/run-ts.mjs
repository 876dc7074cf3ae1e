#!/usr/bin/env node
// Runs a TypeScript file of this repository (benchmarks, scripts) with tsx registered.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const { register } = await import('tsx/esm/api');
register();
const [file, ...rest] = process.argv.slice(2);
if (!file) { console.error('usage: run-ts.mjs <file.ts> [args...]'); process.exit(2); }
process.argv = [process.argv[0], resolve(file), ...rest];
await import(pathToFileURL(resolve(file)).href);
