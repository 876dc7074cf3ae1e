// The server span of an incoming request (only when tracing is on: http/server.ts installs this then).
// The decision comes first (requestIsTraced, telemetry/tracing.ts): a request without a `traceparent`
// that the sampler's ratio does not pick costs one header read and one random draw, because the span,
// its ids, the route lookup and the context switch are only made for the requests that are traced.
//
// One Fastify hook and no more: an `onResponse` hook would cost every request a hook call, and an
// `onRequestAbort` hook a 'close' listener on every request (Fastify adds one per request when any
// such hook exists). A traced request's span is ended by a listener on its own response instead.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { endRequestSpan, requestIsTraced, runInRequestContext, startRequestSpan } from '../telemetry/tracing.js';
import { redactUrl } from './redact.js';

/** Probes and scrapes would be most of the spans and tell nothing. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

export function installRequestTracing(app: FastifyInstance): void {
  // The first onRequest hook: every later hook, the body's parsing and the handler run in the span.
  app.addHook('onRequest', (request, reply, done) => {
    if (!requestIsTraced(request.headers)) return done();
    // routeOptions builds a fresh object on every read: only traced requests pay for it.
    const route = request.routeOptions.url;
    if (route !== undefined && QUIET_ROUTES.has(route)) return done();
    const started = startRequestSpan({
      method: request.method,
      route,
      // /play/<asset>/<job>/<token>/…: secrets in the path and the query stay off the span.
      target: () => redactUrl(request.url),
      headers: request.headers,
    });
    const response: ServerResponse = reply.raw;
    // 'close' comes after 'finish' for an answer sent in full, and alone when the client went away first.
    response.once('close', () => {
      if (response.writableFinished) endRequestSpan(started.span, response.statusCode);
      else endRequestSpan(started.span, 499, new Error('the client closed the connection before the answer'));
    });
    runInRequestContext(started.context, [request.raw, response], done);
  });
}
