// Timeouts suited to each route (issue 15, defect 5). Fastify sets none by default (no request timeout, no
// idle timeout), so a multipart upload that was complete by Content-Length but never closed its form got no
// answer for minutes, and any client could hold a connection and a handler open by sending nothing.
//
// - Headers: the whole header section within `headersMs` (Node's headersTimeout, checked every second so a
//   short value is exact; Node answers 408 and closes).
// - Each route has a class (`config.timeouts`):
//     api     short: `idleMs` of silence while the body arrives or the answer is made, the body within `bodyMs`
//     upload  long: media uploads and feed documents are big and slow links are real; only silence is short-ish
//     stream  the answer is a long stream that may be silent for a while (server-sent events, administrative
//             tasks): the body has the upload limits, and once it has arrived there is no idle limit
// - When a limit passes before the answer started: 408 problem+json and `Connection: close` (the rest of the
//   body would be read as a next request otherwise); after it started: the connection is closed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './errors.js';
import { HttpProblem } from './problem.js';

export interface TimeoutPolicy {
  /** Longest silence on the connection while the request is handled; 0 for none. */
  idleMs: number;
  /** Time to receive the whole body, from the end of the headers. */
  bodyMs: number;
}

export interface HttpTimeouts {
  headersMs: number;
  api: TimeoutPolicy;
  upload: TimeoutPolicy;
}

export type TimeoutClass = 'api' | 'upload' | 'stream';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Which timeouts apply (platform/http/timeouts.ts); `api` when absent. */
    timeouts?: TimeoutClass;
  }
}

/** Options for Fastify and the Node server it creates. */
export function serverTimeoutOptions(timeouts: HttpTimeouts) {
  return {
    // Node checks headers and request timeouts on this interval (default 30 s, too coarse for short limits).
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: Math.min(1000, timeouts.headersMs) },
    // Node's whole-request timeout would cut long uploads; the per-route body limits below replace it.
    requestTimeout: 0,
    // A connection that never sends a request is idle like an API request.
    connectionTimeout: timeouts.api.idleMs,
  };
}

export function installTimeouts(app: FastifyInstance, timeouts: HttpTimeouts) {
  app.addHook('onRequest', (request, reply, done) => {
    const kind = request.routeOptions.config?.timeouts ?? 'api';
    const policy: TimeoutPolicy = kind === 'api' ? timeouts.api : timeouts.upload;
    const socket = request.raw.socket;
    // inject() has no socket timeouts to set; its requests cannot stall anyway.
    if (typeof socket?.setTimeout !== 'function' || typeof (socket as { destroy?: unknown }).destroy !== 'function') return done();
    // The socket's timer is reset by any traffic; on silence Node emits 'timeout' on the response (and
    // destroys the socket itself only when nobody listens).
    socket.setTimeout(policy.idleMs);
    reply.raw.once('timeout', () => expire(request, reply, `nothing was received or sent for ${policy.idleMs} ms`));
    if (kind === 'stream') {
      if (request.raw.complete) socket.setTimeout(0);
      else request.raw.once('end', () => socket.setTimeout(0));
    }
    if (!request.raw.complete) {
      const timer = setTimeout(() => {
        if (!request.raw.complete) expire(request, reply, `the request body did not arrive within ${policy.bodyMs} ms`);
      }, policy.bodyMs);
      timer.unref();
      const clear = () => clearTimeout(timer);
      request.raw.once('end', clear);
      reply.raw.once('close', clear);
    }
    done();
  });
}

function expire(request: FastifyRequest, reply: FastifyReply, why: string) {
  const socket = request.raw.socket;
  if (socket.destroyed) return;
  request.log.info({ timeout: why }, 'request timed out');
  if (reply.sent || reply.raw.headersSent) {
    socket.destroy();
    return;
  }
  reply.header('connection', 'close');
  void sendProblem(request, reply, new HttpProblem('request-timeout', `The request timed out: ${why}.`));
  // The handler may still be waiting for the body that will not come; closing the connection after the
  // answer ends that wait (the body stream errors) instead of leaving it pending.
  reply.raw.once('finish', () => socket.destroySoon());
}
