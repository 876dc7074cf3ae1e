// One log line per request, written when it completes, and only for the requests worth a line.
//
// Fastify's default is two info lines per request ("incoming request", "request completed"). On the
// public side that is thousands of lines a second that say what the RED metrics on /metrics already
// say, and writing them took about 40 % of a cached Discovery answer's CPU (docs/operations.md,
// "Hot path"). So (REQUEST_LOG):
//   private (default)  every request, except answers below 400 of the public reads (routes marked
//                      `config.publicRead`: Discovery, feeds, site pages), which are logged at debug
//   all                every request
//   errors             answers of 400 and up
// The line holds what both of Fastify's lines held: the request (method, redacted URL, host, address),
// the status, the response time and the request id. Errors are still logged by the error handler,
// and Fastify's own stream and error lines are untouched (they come from the same controller).
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { RequestLogPolicy } from '../../config.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public read (Discovery, feeds, site pages): its successful answers are not logged by default. */
    publicRead?: boolean;
  }
}

export class RequestLog extends LogController {
  constructor(private readonly policy: RequestLogPolicy) {
    super({});
  }

  /** Nothing when a request arrives: the completion line says it all. */
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) {
      reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
      return;
    }
    const status = reply.statusCode;
    const quiet = status < 400 && (this.policy === 'errors' || (this.policy === 'private' && request.routeOptions.config?.publicRead === true));
    if (!quiet) reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    else if (reply.log.level === 'debug' || reply.log.level === 'trace') reply.log.debug({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/** Marks every route of a scope as a public read (an onRoute hook of that scope). */
export function markPublicReads(route: { config?: unknown }): void {
  route.config = { ...(route.config as object | undefined), publicRead: true };
}
