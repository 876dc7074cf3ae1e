#!/usr/bin/env node
// The `thmnayah` command. In a checkout it runs the TypeScript sources through tsx (no build step, so
// `npm start` works right after `npm ci`); a container image ships the bundled dist/ and no sources.
//
// Tracing: when an OTLP endpoint is configured, the OpenTelemetry SDK starts first (tracing-start),
// so its instrumentations are in place before the application imports Fastify, pg or ioredis.
import { existsSync } from 'node:fs';

const env = process.env;
const tracing = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
  && env.OTEL_SDK_DISABLED !== 'true' && env.OTEL_TRACES_EXPORTER !== 'none';

const source = new URL('../src/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  if (tracing) await import(new URL('../src/platform/telemetry/tracing-start.ts', import.meta.url).href);
  await import(source.href);
} else {
  if (tracing) await import(new URL('../dist/tracing.js', import.meta.url).href);
  await import(new URL('../dist/main.js', import.meta.url).href);
}
