// Starts the OpenTelemetry SDK. bin/thmnayah.mjs imports this module before the application, and
// only when OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set: without it
// nothing here is loaded and no instrumentation patches anything.
//
// Configuration is the standard OTEL_* environment: OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_PROTOCOL
// (http/protobuf by default; http/json and grpc work too), OTEL_TRACES_SAMPLER and
// OTEL_TRACES_SAMPLER_ARG (e.g. parentbased_traceidratio and 0.01), OTEL_BSP_* for batching.
// Only traces are exported; metrics stay on /metrics (Prometheus) and logs on stdout.
//
// Instrumentations: outgoing HTTP (node:http), fetch (undici), PostgreSQL (pg), Redis (ioredis). The
// application is ESM, so pg and ioredis are patched through import-in-the-middle's loader hook,
// registered here before they load.
//
// Incoming requests are not the HTTP instrumentation's: it made a span and switched context for every
// request, sampled or not, which kept cached Discovery at half its untraced rate with 1 % sampling.
// One Fastify hook (http/request-tracing.ts, requestIsTraced in tracing.ts) decides first, by one random draw
// at the sampler's root ratio, and starts the server span (named after its route) only for sampled
// requests and requests carrying a `traceparent`. The sampler below records the spans that hook has
// sampled already, and otherwise is the one OTEL_TRACES_SAMPLER names.
import { register } from 'node:module';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { tracing } from '@opentelemetry/sdk-node';
import { diag, type Attributes, type Context, type Link, type SpanKind } from '@opentelemetry/api';
import { REQUEST_SAMPLED, asyncContextFrame, markTracingEnabled } from './tracing.js';
import { SECRET_QUERY_PARAMS } from '../http/redact.js';

const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);

// Traces only: the SDK would otherwise also look for metric and log exporters in the environment.
process.env.OTEL_METRICS_EXPORTER ??= 'none';
process.env.OTEL_LOGS_EXPORTER ??= 'none';

/**
 * The sampler OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG name (the specification's values; the
 * default is parentbased_always_on), and the share of new traces it starts: the request hook's ratio.
 */
export function samplerFromEnvironment(env: NodeJS.ProcessEnv = process.env): { sampler: tracing.Sampler; rootRatio: number } {
  const name = (env.OTEL_TRACES_SAMPLER ?? 'parentbased_always_on').trim().toLowerCase();
  const arg = env.OTEL_TRACES_SAMPLER_ARG === undefined || env.OTEL_TRACES_SAMPLER_ARG.trim() === '' ? 1 : Number(env.OTEL_TRACES_SAMPLER_ARG);
  const ratio = Number.isFinite(arg) && arg >= 0 && arg <= 1 ? arg : 1;
  if (ratio !== arg) diag.warn(`OTEL_TRACES_SAMPLER_ARG=${env.OTEL_TRACES_SAMPLER_ARG} is not a ratio between 0 and 1; using 1`);
  switch (name) {
    case 'always_on': return { sampler: new tracing.AlwaysOnSampler(), rootRatio: 1 };
    case 'always_off': return { sampler: new tracing.AlwaysOffSampler(), rootRatio: 0 };
    case 'traceidratio': return { sampler: new tracing.TraceIdRatioBasedSampler(ratio), rootRatio: ratio };
    case 'parentbased_always_off': return { sampler: new tracing.ParentBasedSampler({ root: new tracing.AlwaysOffSampler() }), rootRatio: 0 };
    case 'parentbased_traceidratio': return { sampler: new tracing.ParentBasedSampler({ root: new tracing.TraceIdRatioBasedSampler(ratio) }), rootRatio: ratio };
    case 'parentbased_always_on': return { sampler: new tracing.ParentBasedSampler({ root: new tracing.AlwaysOnSampler() }), rootRatio: 1 };
    default:
      console.warn(`OTEL_TRACES_SAMPLER=${name} is not supported here; using parentbased_always_on`);
      return { sampler: new tracing.ParentBasedSampler({ root: new tracing.AlwaysOnSampler() }), rootRatio: 1 };
  }
}

/** Records request spans the request hook sampled; everything else is the configured sampler's call. */
class RequestAwareSampler implements tracing.Sampler {
  constructor(private readonly inner: tracing.Sampler) {}
  shouldSample(ctx: Context, traceId: string, name: string, kind: SpanKind, attributes: Attributes, links: Link[]): tracing.SamplingResult {
    if (ctx.getValue(REQUEST_SAMPLED) === true) return { decision: tracing.SamplingDecision.RECORD_AND_SAMPLED };
    return this.inner.shouldSample(ctx, traceId, name, kind, attributes, links);
  }
  toString() {
    return `RequestAwareSampler{${this.inner.toString()}}`;
  }
}

/** Parameter names as sent (the HTTP instrumentation compares them exactly): lower case and AWS's own. */
const REDACTED_PARAMS = [...new Set([...SECRET_QUERY_PARAMS, 'X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Security-Token', 'Signature', 'AWSAccessKeyId'])];

const { sampler, rootRatio } = samplerFromEnvironment();
const sdk = new NodeSDK({
  serviceName: process.env.OTEL_SERVICE_NAME ?? 'thmnayah',
  sampler: new RequestAwareSampler(sampler),
  instrumentations: [
    new HttpInstrumentation({
      // Server spans come from the request hook (see above); outgoing requests keep theirs.
      disableIncomingRequestInstrumentation: true,
      redactedQueryParams: REDACTED_PARAMS,
    }),
    new UndiciInstrumentation(),
    new PgInstrumentation({ requireParentSpan: true }),
    new IORedisInstrumentation({ requireParentSpan: true }),
  ],
});
sdk.start();
markTracingEnabled({ requestRatio: rootRatio });
// The loader must know which modules to wrap before the application imports them.
await waitForAllMessagesAcknowledged();

(globalThis as Record<symbol, unknown>)[Symbol.for('thmnayah.tracing.shutdown')] = () => sdk.shutdown();

// The image sets the flag (deploy/docker/Dockerfile); a NODE_OPTIONS given by a manifest replaces the
// image's and would drop it silently. Node 20 (development) has no such mode: nothing to advise there.
const major = Number(process.versions.node.split('.')[0]);
if ((major === 22 || major === 23) && !asyncContextFrame()) {
  console.warn('tracing: AsyncLocalStorage runs on promise hooks here, which costs every request once a span exists; start Node with --experimental-async-context-frame (docs/operations.md)');
}
