// Tracing as the code sees it: a few helpers over the OpenTelemetry API. The SDK (exporter,
// instrumentations) is started by tracing-start.ts before the application is loaded, and only when
// OTEL_EXPORTER_OTLP_ENDPOINT is set. Without it `tracingEnabled()` is false and every helper here
// runs its function directly: no span object, no context switch, no carrier — nothing on the hot path.
//
// Trace context crosses process boundaries as a W3C carrier ({ traceparent, tracestate }): stored in
// the outbox row, sent in NATS message headers, handed to a Kubernetes media Job as TRACEPARENT.
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  createContextKey,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';

export { SpanKind };

/** W3C trace context headers as a plain object (what is stored and carried). */
export type TraceCarrier = Record<string, string>;

const ENABLED = Symbol.for('thmnayah.tracing.enabled');

/** True once tracing-start.ts has started the SDK in this process. */
export function tracingEnabled(): boolean {
  return (globalThis as Record<symbol, unknown>)[ENABLED] === true;
}

const REQUEST_RATIO = Symbol.for('thmnayah.tracing.requestRatio');

/**
 * Called by tracing-start.ts only. `requestRatio` is the share of incoming requests without a
 * `traceparent` that start a trace: the root ratio of the configured sampler (OTEL_TRACES_SAMPLER).
 */
export function markTracingEnabled(options: { requestRatio: number }): void {
  const globals = globalThis as Record<symbol, unknown>;
  globals[REQUEST_RATIO] = options.requestRatio;
  globals[ENABLED] = true;
}

/**
 * Set on the parent context of a request span whose sampling the request hook decided already: the
 * sampler (tracing-start.ts) records it without rolling again, which would sample ratio² of requests.
 */
export const REQUEST_SAMPLED = createContextKey('thmnayah.tracing.requestSampled');

const tracer = () => trace.getTracer('thmnayah');

/** What the request hook knows of an incoming request (Fastify's request, without importing Fastify). */
export interface IncomingRequest {
  method: string;
  /** The route template (`/api/discovery/programs/:slug`), undefined when no route matched. */
  route: string | undefined;
  /** The path and query, with their secrets already redacted. */
  target: () => string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Whether an incoming request is traced, decided before any span or context exists: one carrying a
 * `traceparent` is (its caller's trace continues, sampled as the caller decided), and any other at the
 * sampler's root ratio, by one random draw. An untraced request costs this and nothing else: no ids, no
 * non-recording span, no context switch (the HTTP instrumentation is off for incoming requests:
 * tracing-start.ts).
 */
export function requestIsTraced(headers: IncomingRequest['headers']): boolean {
  if (headers.traceparent !== undefined) return true;
  const ratio = (globalThis as Record<symbol, unknown>)[REQUEST_RATIO] as number;
  return ratio >= 1 || Math.random() < ratio;
}

/**
 * The server span of a request that requestIsTraced() picked, and the context to run the rest of the
 * request in. A request without a `traceparent` is recorded without the sampler rolling again.
 */
export function startRequestSpan(request: IncomingRequest): { span: Span; context: Context } {
  const traceparent = request.headers.traceparent;
  const parent = typeof traceparent === 'string' ? propagation.extract(ROOT_CONTEXT, request.headers) : ROOT_CONTEXT.setValue(REQUEST_SAMPLED, true);
  const target = request.target();
  const span = tracer().startSpan(request.route ? `${request.method} ${request.route}` : request.method, {
    kind: SpanKind.SERVER,
    attributes: {
      'http.request.method': request.method,
      'url.path': target.split('?')[0] ?? target,
      'http.target': target,
      ...(request.route ? { 'http.route': request.route } : {}),
      ...(typeof request.headers['user-agent'] === 'string' ? { 'user_agent.original': request.headers['user-agent'] } : {}),
    },
  }, parent);
  // The sampling mark stays off the children's context: they follow their parent like any span.
  return { span, context: trace.setSpan(typeof traceparent === 'string' ? parent : ROOT_CONTEXT, span) };
}

/** Ends a request's server span with its status code (5xx: an error, as HTTP semantic conventions say). */
export function endRequestSpan(span: Span, statusCode: number, error?: unknown): void {
  span.setAttribute('http.response.status_code', statusCode);
  if (error !== undefined) failSpan(span, error);
  else if (statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/**
 * Runs fn in ctx, and binds the request's and response's event emitters to it: listeners added later
 * (the body parser's 'data' and 'end', the response's 'finish') run in the request's trace too.
 */
export function runInRequestContext<T>(ctx: Context, emitters: NodeJS.EventEmitter[], fn: () => T): T {
  for (const emitter of emitters) context.bind(ctx, emitter);
  return context.with(ctx, fn);
}

/** trace_id and span_id of a span, for a log line written outside its context. */
export function spanLogFields(span: Span): Record<string, string> {
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  links?: Link[];
  /** Parent context (a carried carrier, extracted); the active context by default. */
  parent?: Context;
  /** Start only under an active span (DB statements, cache calls): background polls make no traces. */
  requireParent?: boolean;
}

/**
 * Runs fn in a new active span, ended when fn settles; an error is recorded on it and rethrown.
 * Tracing off: fn() and nothing else.
 */
export function inSpan<T>(name: string, options: SpanOptions, fn: (span: Span | undefined) => Promise<T>): Promise<T> {
  if (!tracingEnabled()) return fn(undefined);
  const parent = options.parent ?? context.active();
  if (options.requireParent && !trace.getSpan(parent)) return fn(undefined);
  const span = tracer().startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes ?? {}, links: options.links ?? [] }, parent);
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await fn(span);
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Starts a span that the caller ends (a span around several awaits that are not one function). */
export function startSpan(name: string, options: SpanOptions = {}): Span | undefined {
  if (!tracingEnabled()) return undefined;
  const parent = options.parent ?? context.active();
  if (options.requireParent && !trace.getSpan(parent)) return undefined;
  return tracer().startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes ?? {}, links: options.links ?? [] }, parent);
}

/** Runs fn with span as the active span (no-op without one). */
export function withActiveSpan<T>(span: Span | undefined, fn: () => T): T {
  return span ? context.with(trace.setSpan(context.active(), span), fn) : fn();
}

export function failSpan(span: Span | undefined, error: unknown): void {
  if (!span) return;
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/** The active context (or a span's) as a carrier; undefined when tracing is off or nothing is active. */
export function currentCarrier(span?: Span): TraceCarrier | undefined {
  if (!tracingEnabled()) return undefined;
  const ctx = span ? trace.setSpan(context.active(), span) : context.active();
  if (!trace.getSpan(ctx)) return undefined;
  const carrier: TraceCarrier = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent ? carrier : undefined;
}

/** A context to parent spans on, from a carried carrier (the active context if there is none). */
export function contextFrom(carrier: TraceCarrier | null | undefined): Context {
  if (!carrier || !tracingEnabled()) return context.active();
  return propagation.extract(context.active(), carrier);
}

/** A link to the span a carrier names, for spans that follow several others (a relay batch). */
export function linkFrom(carrier: TraceCarrier | null | undefined): Link | undefined {
  if (!carrier || !tracingEnabled()) return undefined;
  const spanContext = trace.getSpanContext(propagation.extract(context.active(), carrier));
  return spanContext ? { context: spanContext } : undefined;
}

/** `traceparent` alone → a carrier (TRACEPARENT in a media Job's environment). */
export function carrierFromTraceparent(traceparent: string | undefined): TraceCarrier | undefined {
  return traceparent && /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/.test(traceparent) ? { traceparent } : undefined;
}

/**
 * pino mixin: trace_id and span_id of the active span on every log line written inside one.
 * Installed only when tracing is on (a mixin runs for every line).
 */
export function traceLogFields(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}

/** Exports the spans still buffered and stops the SDK (before the process exits); no-op when off. */
export async function flushTracing(): Promise<void> {
  const shutdown = (globalThis as Record<symbol, unknown>)[Symbol.for('thmnayah.tracing.shutdown')];
  if (typeof shutdown === 'function') await (shutdown as () => Promise<void>)().catch(() => {});
}

/**
 * Whether AsyncLocalStorage (the SDK's context manager) runs on V8's continuation-preserved data rather
 * than on promise hooks: the default from Node 24, behind --experimental-async-context-frame on Node 22,
 * absent before. On promise hooks, the first span's context switch turns them on for the whole process,
 * and every promise of every request pays from then on, sampled or not: 1 % sampling then cost cached
 * Discovery far more than the spans themselves (docs/operations.md, "Benchmarks").
 */
export function asyncContextFrame(version = process.versions.node, flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]): boolean {
  const major = Number(version.split('.')[0]);
  if (flags.includes('--no-async-context-frame')) return false;
  return major >= 24 || ((major === 22 || major === 23) && flags.includes('--experimental-async-context-frame'));
}
