// Starts the OpenTelemetry SDK. bin/thmnayah.mjs imports this module before the application, and
// only when OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set: without it
// nothing here is loaded and no instrumentation patches anything.
//
// Configuration is the standard OTEL_* environment: OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_PROTOCOL
// (http/protobuf by default; http/json and grpc work too), OTEL_TRACES_SAMPLER and
// OTEL_TRACES_SAMPLER_ARG (e.g. parentbased_traceidratio and 0.01), OTEL_BSP_* for batching.
// Only traces are exported; metrics stay on /metrics (Prometheus) and logs on stdout.
//
// Instrumentations: incoming and outgoing HTTP (node:http), fetch (undici), PostgreSQL (pg), Redis
// (ioredis). The request span is named after its Fastify route by one onRequest hook (http/server.ts,
// nameRequestSpan) rather than @fastify/otel, whose span per request and per hook cost more than the
// rest. The application is ESM, so pg and ioredis are patched through import-in-the-middle's loader
// hook, registered here before they load.
import { register } from 'node:module';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import type { IncomingMessage } from 'node:http';
import { markTracingEnabled } from './tracing.js';
import { SECRET_QUERY_PARAMS, redactUrl } from '../http/redact.js';

const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);

// Traces only: the SDK would otherwise also look for metric and log exporters in the environment.
process.env.OTEL_METRICS_EXPORTER ??= 'none';
process.env.OTEL_LOGS_EXPORTER ??= 'none';

/** Probes and scrapes would be most of the spans and tell nothing. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);
/** Parameter names as sent (the HTTP instrumentation compares them exactly): lower case and AWS's own. */
const REDACTED_PARAMS = [...new Set([...SECRET_QUERY_PARAMS, 'X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Security-Token', 'Signature', 'AWSAccessKeyId'])];

const sdk = new NodeSDK({
  serviceName: process.env.OTEL_SERVICE_NAME ?? 'thmnayah',
  instrumentations: [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => QUIET_PATHS.has((request.url ?? '').split('?')[0] ?? ''),
      redactedQueryParams: REDACTED_PARAMS,
      redactedQueryParamsServer: REDACTED_PARAMS,
      // /play/<asset>/<job>/<token>/...: the token is in the path, which the query redaction misses.
      requestHook: (span, request) => {
        const url = (request as IncomingMessage).url;
        if (typeof url === 'string' && 'headers' in request && !('setHeader' in request)) {
          span.setAttribute('http.target', redactUrl(url));
          span.setAttribute('url.path', redactUrl(url.split('?')[0] ?? ''));
        }
      },
    }),
    new UndiciInstrumentation(),
    new PgInstrumentation({ requireParentSpan: true }),
    new IORedisInstrumentation({ requireParentSpan: true }),
  ],
});
sdk.start();
markTracingEnabled();
// The loader must know which modules to wrap before the application imports them.
await waitForAllMessagesAcknowledged();

(globalThis as Record<symbol, unknown>)[Symbol.for('thmnayah.tracing.shutdown')] = () => sdk.shutdown();
