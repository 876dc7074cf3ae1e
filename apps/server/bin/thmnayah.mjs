#!/usr/bin/env node
// The `thmnayah` command. In a checkout it runs the TypeScript sources through tsx (no build step, so
// `npm start` works right after `npm ci`); a container image ships the bundled dist/ and no sources.
// THMNAYAH_SERVER_BUNDLE, a directory holding a bundle made by scripts/build.ts (main.js, tracing.js),
// runs that bundle even in a checkout: the test suite builds one per run and starts its child servers
// from it, skipping tsx's compile-on-load (about 3 s of CPU a start). The directory must be inside this
// package (the server finds its migrations by walking up to package.json).
//
// Tracing: when an OTLP endpoint is configured, the OpenTelemetry SDK starts first (tracing-start),
// so its instrumentations are in place before the application imports Fastify, pg or ioredis.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const env = process.env;
const tracing = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
  && env.OTEL_SDK_DISABLED !== 'true' && env.OTEL_TRACES_EXPORTER !== 'none';

const source = new URL('../src/main.ts', import.meta.url);
const bundle = env.THMNAYAH_SERVER_BUNDLE ? pathToFileURL(`${env.THMNAYAH_SERVER_BUNDLE}/`) : undefined;
if (bundle) {
  if (tracing) await import(new URL('tracing.js', bundle).href);
  await import(new URL('main.js', bundle).href);
} else if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  if (tracing) await import(new URL('../src/platform/telemetry/tracing-start.ts', import.meta.url).href);
  await import(source.href);
} else {
  if (tracing) await import(new URL('../dist/tracing.js', import.meta.url).href);
  await import(new URL('../dist/main.js', import.meta.url).href);
}
