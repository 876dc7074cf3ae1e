// Route guard: a route declares `config: { role: 'viewer' | 'editor' | 'admin' }`; this hook
// authenticates the bearer token (401) and checks the role (403) before the body is even read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendProblem } from '../http/errors.js';
import { HttpProblem } from '../http/problem.js';
import { hasRole, type CmsRole, type Principal } from './roles.js';
import type { UserDirectory } from './users.js';
import { InvalidToken, type TokenVerifier } from './verifier.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The least CMS role that may call the route; absent for public routes. */
    role?: CmsRole;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function installAuth(app: FastifyInstance, verify: TokenVerifier, users: UserDirectory) {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    const role = (route.config as { role?: CmsRole } | undefined)?.role;
    if (role && route.schema) {
      route.schema.security = [{ bearer: [] }];
      route.schema.description = `${route.schema.description ?? ''}\n\nRequires role: **${role}** (or higher).`.trim();
    }
  });
  // A callback hook: public routes (no role) pass with one property read, not an async function's promise.
  app.addHook('onRequest', (request, reply, done) => {
    const role = request.routeOptions.config.role;
    if (!role) return done();
    authorize(request, role, verify, users).then((problem) => {
      // Refused: answered here, and the request goes no further (done is not called).
      if (problem) void sendProblem(request, reply, problem);
      else done();
    }, (error: Error) => done(error));
  });
}

async function authorize(request: FastifyRequest, role: CmsRole, verify: TokenVerifier, users: UserDirectory): Promise<HttpProblem | null> {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(header) : null;
  if (!match) return new HttpProblem('unauthenticated', 'This route needs `Authorization: Bearer <access token>`.');
  let principal: Principal;
  try {
    principal = await verify(match[1]!);
  } catch (error) {
    if (error instanceof InvalidToken) return new HttpProblem('unauthenticated', `Rejected token: ${error.message}.`);
    throw error;
  }
  if (!hasRole(principal, role)) {
    return new HttpProblem('forbidden', `This route needs the ${role} role; your token has ${principal.roles.length ? principal.roles.join(', ') : 'no Thmnayah role'}.`);
  }
  if ((await users.touch(principal)).disabled) return new HttpProblem('forbidden', `User ${principal.sub} is disabled.`);
  request.principal = principal;
  return null;
}
