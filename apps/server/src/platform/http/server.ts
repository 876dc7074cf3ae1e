// The Fastify instance every role mounts its routes on: schema validation with TypeBox, problem+json
// errors, request ids in logs and responses, OpenAPI 3.1 from the route schemas, and route metrics.
import { randomUUID } from 'node:crypto';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { TypeBoxValidatorCompiler, registerAjvFormats, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Metrics } from '../telemetry/metrics.js';
import { installErrorHandling, sendProblem } from './errors.js';
import { HttpProblem, PROBLEM_TYPES, problemTypeUri } from './problem.js';
import { installTimeouts, serverTimeoutOptions, type HttpTimeouts } from './timeouts.js';
import { redactUrl } from './redact.js';
import { traceLogFields, tracingEnabled } from '../telemetry/tracing.js';
import { installRequestTracing } from './request-tracing.js';
import { RequestLog } from './request-log.js';
import type { RequestLogPolicy } from '../../config.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface HttpOptions {
  logLevel: string;
  bodyLimitBytes: number;
  metrics: Metrics;
  publicUrl: string;
  version: string;
  trustProxy?: boolean | number | string[];
  timeouts: HttpTimeouts;
  /** Pretty request logs are for people; JSON lines are for collectors. Default JSON. */
  logger?: FastifyServerOptions['logger'];
  /** Readable lines (pino-pretty) instead of JSON: `thmnayah start` on a terminal. */
  pretty?: boolean;
  /** Which requests get a completion line at info (request-log.ts); `private` by default. */
  requestLog?: RequestLogPolicy;
}

export interface RouteEntry {
  method: string;
  url: string;
  role: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export async function createHttpServer(options: HttpOptions): Promise<App> {
  registerAjvFormats();
  const logger: FastifyServerOptions['logger'] = options.logger ?? {
    level: options.logLevel,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    // trace_id and span_id on every line written inside a span (only when tracing is on: a mixin
    // runs for every line).
    ...(tracingEnabled() ? { mixin: traceLogFields } : {}),
    ...(options.pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
  };
  const app = Fastify({
    // Whoever configures the logger, requests are logged with URLs whose tokens and signatures are redacted.
    logger: typeof logger === 'object' ? { ...logger, serializers: { ...logger.serializers, req: requestForLog } } : logger,
    // One line per request when it completes, for the requests the policy names (request-log.ts).
    logController: new RequestLog(options.requestLog ?? 'private'),
    bodyLimit: options.bodyLimitBytes,
    // A hop count is valid at run time (proxy-addr) though Fastify's types omit it.
    trustProxy: (options.trustProxy ?? false) as boolean,
    // Honour a request id from the ingress (so one id follows a request across services), else make one.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    ...serverTimeoutOptions(options.timeouts),
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // Errors the router raises before any route runs (bad percent-encoding, over-long path
    // parameters) are problems too, not Fastify's default error shape.
    frameworkErrors: (error, request, reply) => {
      const problem = error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new HttpProblem('uri-too-long', 'A path segment is longer than this API accepts (500 characters).')
        : new HttpProblem('validation-failed', 'The URL is not valid (bad percent-encoding).');
      void sendProblem(request, reply, problem);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler((route) => {
    const validate = TypeBoxValidatorCompiler(route);
    // A route whose body has no required field (e.g. publish with an optional publishAt) also
    // accepts no body at all: absent means "{}".
    const schema = route.schema as { type?: string; required?: string[] };
    if (route.httpPart !== 'body') return validate;
    if (schema.type !== 'object' || (schema.required?.length ?? 0) > 0) {
      const bodyRequired = [{ keyword: 'type', instancePath: '', schemaPath: '#', message: 'a JSON body is required', params: {} }];
      // Fastify hands an empty body over as null.
      return (value: unknown) => (value === undefined || value === null ? { error: bodyRequired } : validate(value));
    }
    return (value: unknown) => validate(value ?? {});
  });
  // Every route with its required role, for the role-matrix test and the route listing in docs.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routeTable.push({ method, url: route.url, role: (route.config as { role?: string } | undefined)?.role ?? null });
    }
  });
  // With tracing on, the server span of a sampled request (or one carrying a traceparent), named after
  // its route; first, so that every later hook runs in it. Nothing at all when tracing is off.
  if (tracingEnabled()) installRequestTracing(app);
  installErrorHandling(app, { bodyLimitBytes: options.bodyLimitBytes });
  installTimeouts(app, options.timeouts);

  // Callback hooks, not async ones: an async hook costs a promise and a trip through the microtask
  // queue on every request, which showed in profiles of cached Discovery answers.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    options.metrics.httpRequests.inc(labels);
    options.metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    done();
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Thmnayah API',
        version: options.version,
        description:
          'CMS (private, bearer token with a role) and Discovery (public) APIs of Thmnayah. ' +
          'Errors are RFC 9457 problem details (`application/problem+json`); see /api/problems.',
      },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: true } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/problems', { schema: { hide: true } }, async () =>
    Object.entries(PROBLEM_TYPES).map(([type, p]) => ({ type: problemTypeUri(type as keyof typeof PROBLEM_TYPES), status: p.status, title: p.title, help: p.help })),
  );
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(options.metrics.registry.contentType);
    return options.metrics.registry.metrics();
  });
  return app as unknown as App;
}

/** Fastify's request log fields, with the URL's secrets (playback tokens, signatures) redacted. */
function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
