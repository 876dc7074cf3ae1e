// Errors as RFC 9457 problem details. Services throw HttpProblem; the error handler (errors.ts)
// turns it, and every other failure, into `application/problem+json`.

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

/** Problem types, each documented at /api/problems (so `type` is a link a developer can open). */
export const PROBLEM_TYPES = {
  'validation-failed': { status: 400, title: 'The request is not valid', help: 'A field, parameter or header failed its schema. `errors` lists each one with a JSON pointer to it.' },
  'malformed-body': { status: 400, title: 'The request body cannot be read', help: 'The body is not well-formed JSON, or is not valid UTF-8. Send UTF-8 encoded JSON.' },
  'bad-cursor': { status: 400, title: 'The cursor is not valid', help: 'Pass back the `nextCursor` of the previous page unchanged, with the same sort.' },
  unauthenticated: { status: 401, title: 'Authentication required', help: 'Send `Authorization: Bearer <access token>` with a token from the configured issuer.' },
  'oauth-error': { status: 400, title: 'The OAuth request is refused', help: 'An endpoint of the development OpenID Connect provider (`/auth/dev`) refused the request. `error` is the RFC 6749 code (invalid_request, invalid_client, invalid_grant, unsupported_grant_type, invalid_token) and `error_description` says why; the body is `application/json`, as OAuth clients expect.' },
  forbidden: { status: 403, title: 'Not allowed', help: 'The token is valid but lacks the role this route needs.' },
  'invalid-signature': { status: 403, title: 'The signed URL is not valid', help: 'Media URLs are signed and expire: the signature does not match, the URL has expired, or the upload differs from what the URL allows (type, size). Ask the API for a new URL.' },
  'invalid-preview': { status: 403, title: 'The preview link is not valid', help: 'Draft previews open with a short-lived signed token from the studio (POST /api/cms/previews), for one program or episode. `reason` says why this one is refused: malformed, forged (the signature does not match), expired (older than PREVIEW_TTL_SECONDS), or wrong-item (minted for another item). Ask the studio for a new link.' },
  'not-found': { status: 404, title: 'Not found', help: 'No such resource, or it is deleted.' },
  'method-not-allowed': { status: 405, title: 'Method not allowed', help: 'The path exists but not with this method.' },
  'request-timeout': { status: 408, title: 'Request timeout', help: 'The request did not arrive in time: its headers or body stopped, or the connection stayed silent past the limit of the route (short for the API, long for uploads). Send the whole request promptly; the connection is closed.' },
  conflict: { status: 409, title: 'Conflict', help: 'The change conflicts with the current state, for example a slug already taken or a transition the workflow does not allow.' },
  'precondition-failed': { status: 412, title: 'The resource has changed', help: 'If-Match did not match the current ETag: someone else saved first. Fetch the resource again, reapply your change, and send its new ETag.' },
  'body-too-large': { status: 413, title: 'The request body is too large', help: 'Send a smaller body; the limit is in the detail.' },
  'uri-too-long': { status: 414, title: 'URI too long', help: 'A path segment or the query is longer than the API accepts.' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type', help: 'Send `Content-Type: application/json`.' },
  'unsupported-file': { status: 415, title: 'The file is not of a kind this accepts', help: 'Uploads are judged by their bytes, not their name or claimed type: an empty file, a PDF named .mp3 or an image sent as audio is refused. `code` says why (empty-file, unsupported-type).' },
  'range-not-satisfiable': { status: 416, title: 'Range not satisfiable', help: 'No byte of the requested Range lies inside the object; Content-Range gives its size.' },
  'precondition-required': { status: 428, title: 'If-Match required', help: 'Updates must say which version they change: send the ETag you read as If-Match.' },
  'too-many-requests': { status: 429, title: 'Too many requests', help: 'Slow down; Retry-After says when to try again.' },
  internal: { status: 500, title: 'Internal server error', help: 'Something failed on our side. The request id in the response helps us find it.' },
  unavailable: { status: 503, title: 'Service unavailable', help: 'A dependency is not reachable; try again shortly.' },
  'insufficient-storage': { status: 507, title: 'Insufficient storage', help: 'The server ran out of disk space while storing the upload. Nothing was kept; try again once an operator has freed space.' },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

export function problemTypeUri(type: ProblemType): string {
  return `/api/problems#${type}`;
}

export class HttpProblem extends Error {
  readonly status: number;
  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    status?: number,
  ) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = status ?? PROBLEM_TYPES[type].status;
  }

  toBody(instance?: string): ProblemBody {
    return {
      type: problemTypeUri(this.type),
      title: PROBLEM_TYPES[this.type].title,
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...this.extensions,
    };
  }
}

export const notFound = (what: string, id: string) => new HttpProblem('not-found', `${what} ${id} does not exist or is deleted`);
export const conflict = (detail: string, extensions?: Record<string, unknown>) => new HttpProblem('conflict', detail, extensions);
export const badRequest = (detail: string, errors?: { pointer: string; message: string }[]) =>
  new HttpProblem('validation-failed', detail, errors ? { errors } : {});
