#!/usr/bin/env node
// The `thmnayah` command. In a checkout it runs the TypeScript sources through tsx (no build step, so
// `npm start` works right after `npm ci`); a container image ships the bundled dist/ and no sources.
import { existsSync } from 'node:fs';

const source = new URL('../src/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/main.js', import.meta.url).href);
}
