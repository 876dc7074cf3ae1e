// Who makes a change, as every write records it (revisions, audit, outbox): the signed-in user's subject
// and the request id, or `system:<part>` for automatic changes. Every domain's write routes take it from
// the request the same way.
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.js';
// The request's principal is declared by the auth plugin (a Fastify request decoration).
import type {} from '../auth/plugin.js';

export interface ChangeContext {
  /** Subject of the user, or `system:<part>` for automatic changes. */
  actor: string;
  requestId?: string | undefined;
}

export function changeContext(request: FastifyRequest): ChangeContext {
  if (!request.principal) throw new HttpProblem('unauthenticated', 'No authenticated user.');
  return { actor: request.principal.sub, requestId: request.id };
}
