// One error type for everything that can go wrong while importing: the code says what kind of problem it
// is (so callers can map it to an HTTP status or a retry decision), the message says it in words a person
// can act on ("not well-formed XML at line 109, column 11: ...").
import { HttpProblem } from '../platform/http/problem.js';

export type IngestErrorCode =
  // reading the document
  | 'empty-document'
  | 'not-xml'
  | 'not-well-formed'
  | 'html-page'
  | 'not-a-feed'
  | 'unsupported-encoding'
  | 'document-too-large'
  | 'too-deep'
  // fetching it
  | 'invalid-url'
  | 'address-refused'
  | 'dns-failed'
  | 'connect-failed'
  | 'timeout'
  | 'too-many-redirects'
  | 'redirect-refused'
  | 'http-status'
  | 'response-too-large'
  | 'bad-encoding';

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    readonly details: { line?: number; column?: number; status?: number; url?: string; address?: string } = {},
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

export function isIngestError(error: unknown, code?: IngestErrorCode): error is IngestError {
  return error instanceof IngestError && (code === undefined || error.code === code);
}

const DOCUMENT_CODES = new Set<IngestErrorCode>(['empty-document', 'not-xml', 'not-well-formed', 'html-page', 'not-a-feed', 'unsupported-encoding', 'document-too-large', 'too-deep']);
const REFUSED_CODES = new Set<IngestErrorCode>(['invalid-url', 'address-refused', 'redirect-refused']);

/**
 * The HTTP status of an import error: 422 for a document that is not a feed we can read, 400 for a URL the
 * fetch policy refuses, 504 for a timeout and 502 for the other failures of the feed's server.
 */
function ingestErrorStatus(code: IngestErrorCode): number {
  if (DOCUMENT_CODES.has(code)) return 422;
  if (REFUSED_CODES.has(code)) return 400;
  return code === 'timeout' ? 504 : 502;
}

/** An import error as the HTTP problem the APIs answer with: its status, its message, its code. */
export function ingestProblem(error: IngestError): HttpProblem {
  const status = ingestErrorStatus(error.code);
  return new HttpProblem(status >= 500 ? 'unavailable' : 'validation-failed', error.message, { code: error.code }, status);
}
