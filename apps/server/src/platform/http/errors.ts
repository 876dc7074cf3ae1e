// One place turns every failure into problem+json: schema errors, unreadable bodies, database
// constraint violations, thrown HttpProblems and unexpected errors (logged, never leaked).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SQLSTATE, sqlState } from '../db/db.js';
import { HttpProblem, type ProblemBody } from './problem.js';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: HttpProblem) {
  const body: ProblemBody = { ...problem.toBody(request.url), requestId: request.id };
  if (problem.status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(body);
}

export function installErrorHandling(app: FastifyInstance, options: { bodyLimitBytes: number }) {
  // JSON bodies are decoded strictly: invalid UTF-8 is an error, not silently replaced characters.
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser(/^application\/([a-z0-9.+-]+\+)?json$/, { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    const buffer = body;
    let text: string;
    try {
      text = decoder.decode(buffer);
    } catch {
      done(new HttpProblem('malformed-body', 'The request body is not valid UTF-8.'), undefined);
      return;
    }
    // An empty body is "no body": routes whose body is optional accept it, the others answer that the
    // body is required (schema validation), instead of a JSON syntax error.
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    const depth = nestingBeyond(text, MAX_JSON_DEPTH);
    if (depth !== undefined) {
      done(new HttpProblem('malformed-body', `The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels (at character ${depth}); no request needs that.`), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text, rejectPrototypeKeys));
    } catch (error) {
      done(error instanceof HttpProblem ? error : new HttpProblem('malformed-body', `The request body is not valid JSON: ${(error as Error).message}.`), undefined);
    }
  });

  // Percent-encoding that does not decode to UTF-8 (e.g. `%E0%A4%A`) is a client error; the query
  // parser would otherwise pass the raw text on silently.
  // (A callback hook: most URLs have no '%', and an async hook costs every request a promise.)
  app.addHook('onRequest', (request, reply, done) => {
    if (!request.url.includes('%')) return done();
    try {
      decodeURIComponent(request.url);
    } catch {
      // Answered here: the request goes no further (done is not called).
      void sendProblem(request, reply, new HttpProblem('validation-failed', 'The URL has percent-encoding that is not valid UTF-8.'));
      return;
    }
    done();
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new HttpProblem('not-found', `No route matches ${request.method} ${request.url.split('?')[0]}.`)),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
      ? new HttpProblem('body-too-large', `The request body exceeds the limit of ${options.bodyLimitBytes} bytes.`)
      : toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ problem: problem.type, detail: problem.detail }, 'request rejected');
    return sendProblem(request, reply, problem);
  });
}

// JSON.parse itself is iterative, but its reviver (the guards below) recurses once per level, so a body of
// 100,000 `[` ran out of stack and the client read "Maximum call stack size exceeded" (issue 15). A linear
// pre-scan refuses deep nesting with a clear message first. No API body nests more than a few levels.
const MAX_JSON_DEPTH = 100;

/** The index of the first `[` or `{` deeper than `max` levels (outside strings), or undefined. */
function nestingBeyond(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \\ */) i += 1;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth += 1;
      if (depth > max) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth -= 1;
  }
  return undefined;
}

// Guards applied while parsing: no prototype-pollution keys (`__proto__`, `constructor`), and no
// NUL characters, which PostgreSQL text cannot store (better a clear 400 than a database error).
function rejectPrototypeKeys(key: string, value: unknown) {
  if (key === '__proto__' || key === 'constructor') {
    throw new HttpProblem('validation-failed', `The body may not contain a "${key}" key.`);
  }
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw new HttpProblem('validation-failed', `The value of "${key}" contains a NUL character (\\u0000), which is not allowed in text.`);
  }
  return value;
}

export function toProblem(error: FastifyError | Error): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const part = fastifyError.validationContext ?? 'request';
    // TypeBox reports an unknown field twice (as `additionalProperties` and as a `false` schema); keep one.
    const issues = (fastifyError.validation as ValidationIssue[]).filter((issue) => issue.keyword !== 'boolean');
    const errors = issues.slice(0, 20).map((issue) => describeIssue(part, issue));
    const detail = errors.map((e) => `${e.pointer === '' ? part : e.pointer}: ${e.message}`).join('; ');
    return new HttpProblem('validation-failed', detail, { errors });
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem('body-too-large', 'The request body exceeds the size limit.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem('unsupported-media-type', 'This route takes `application/json` bodies.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpProblem('malformed-body', 'The request body is empty; send a JSON document.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpProblem('malformed-body', 'Content-Length does not match the body.');
    case 'FST_ERR_BAD_URL':
      return new HttpProblem('validation-failed', 'The URL is not valid (bad percent-encoding).');
  }
  const diskFull = diskFullProblem(error);
  if (diskFull) return diskFull;
  if (databaseUnreachable(error)) return new HttpProblem('unavailable', 'The database is not reachable at the moment; try again shortly.');
  const state = sqlState(error);
  if (state === SQLSTATE.uniqueViolation) return new HttpProblem('conflict', 'A resource with the same unique value (slug, number or external id) already exists.');
  if (state === SQLSTATE.foreignKeyViolation) return new HttpProblem('conflict', 'A referenced resource does not exist or is still referenced.');
  if (state === SQLSTATE.checkViolation) return new HttpProblem('validation-failed', 'A value is outside what the field allows.');
  if (state === SQLSTATE.invalidTextRepresentation) return new HttpProblem('validation-failed', 'A value has the wrong format.');
  if (state === SQLSTATE.characterNotInRepertoire || state === SQLSTATE.untranslatableCharacter) {
    return new HttpProblem('validation-failed', 'A value contains a character that cannot be stored (for example NUL).');
  }
  // Safety net: any other data exception (class 22: a value out of range, an impossible date, division by
  // zero ...) comes from a value the client sent that no check above caught. It is the client's to fix, so a
  // 400, without the database's message, which can quote columns and values.
  if (state?.startsWith('22')) return new HttpProblem('validation-failed', 'A value is outside what the server can store or compare (out of range or not a real date).');
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413) return new HttpProblem('body-too-large', error.message);
    if (status === 415) return new HttpProblem('unsupported-media-type', error.message);
    return new HttpProblem('validation-failed', error.message, {}, status);
  }
  if (status === 503) return new HttpProblem('unavailable', 'The server is shutting down or not ready.');
  return new HttpProblem('internal', 'An unexpected error occurred.');
}

/** A write that found the disk (or the quota) full: 507, so a client knows it is no fault of its request. */
export function diskFullProblem(error: unknown): HttpProblem | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'ENOSPC' && code !== 'EDQUOT') return undefined;
  return new HttpProblem('insufficient-storage', 'The server has no disk space left to store this; nothing was kept. Try again later.');
}

// PostgreSQL restarting or unreachable: a 503 the client may retry, not a 500. Class 08 is connection
// exceptions; 57P01-57P03 are an administrator's shutdown, a crash shutdown and "cannot connect now"
// (starting up or in recovery); the rest are what node-postgres raises when the socket goes away.
const UNREACHABLE_CODES = new Set(['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
function databaseUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  const message = (error as Error | null)?.message ?? '';
  return /^Connection terminated|^timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable/.test(message);
}

function describeIssue(part: string, issue: ValidationIssue): { in: string; pointer: string; message: string } {
  let pointer = issue.instancePath ?? '';
  let message = issue.message ?? 'is not valid';
  const params = issue.params ?? {};
  if (issue.keyword === 'additionalProperties') {
    const extra = (params.additionalProperties ?? params.additionalProperty) as string | string[] | undefined;
    const names = Array.isArray(extra) ? extra : extra ? [extra] : [];
    message = names.length > 0 ? `unknown field(s) ${names.map((n) => `"${n}"`).join(', ')}; remove them` : 'has unknown fields';
  } else if (issue.keyword === 'required') {
    const missing = (params.requiredProperties ?? params.missingProperty) as string | string[] | undefined;
    const names = Array.isArray(missing) ? missing : missing ? [missing] : [];
    if (names.length === 1) pointer = `${pointer}/${names[0]}`;
    message = names.length > 0 ? `missing required field(s) ${names.map((n) => `"${n}"`).join(', ')}` : message;
  }
  return { in: part, pointer, message };
}
