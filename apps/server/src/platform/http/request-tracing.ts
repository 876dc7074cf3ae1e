// The server span of an incoming request (only when tracing is on: http/server.ts installs this then).
// The decision comes first (startRequestSpan, telemetry/tracing.ts): a request without a `traceparent`
// that the sampler's ratio does not pick costs one random draw here and nothing else, because the span,
// its ids and the context switch are only made for the requests that are traced.
import type { Span } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import { endRequestSpan, runInRequestContext, startRequestSpan } from '../telemetry/tracing.js';
import { redactUrl } from './redact.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** This request's server span, when it is traced. */
    traceSpan: Span | null;
  }
}

/** Probes and scrapes would be most of the spans and tell nothing. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

export function installRequestTracing(app: FastifyInstance): void {
  app.decorateRequest('traceSpan', null);
  // The first onRequest hook: every later hook, the body's parsing and the handler run in the span.
  app.addHook('onRequest', (request, reply, done) => {
    const route = request.routeOptions.url;
    if (route !== undefined && QUIET_ROUTES.has(route)) return done();
    const started = startRequestSpan({
      method: request.method,
      route,
      // /play/<asset>/<job>/<token>/…: secrets in the path and the query stay off the span.
      target: () => redactUrl(request.url),
      headers: request.headers,
    });
    if (!started) return done();
    request.traceSpan = started.span;
    runInRequestContext(started.context, [request.raw, reply.raw], done);
  });
  app.addHook('onResponse', (request, reply, done) => {
    const span = request.traceSpan;
    if (span) {
      request.traceSpan = null;
      endRequestSpan(span, reply.statusCode);
    }
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    const span = request.traceSpan;
    if (span) {
      request.traceSpan = null;
      endRequestSpan(span, 499, new Error('the client closed the connection before the answer'));
    }
    done();
  });
}
