// Conditional GET (If-None-Match, If-Modified-Since) evaluated as RFC 9110 §13.2.2 asks of an origin server.
// Why not the `fresh` package (Express's): it answers as a cache would, and a cache must not reuse a stored
// response when the request says `Cache-Control: no-cache`, so `fresh` returns "not fresh" then. But browsers'
// fetch() adds that header to every conditional request it makes itself, and an origin evaluates the
// preconditions anyway: the client holds the representation and asks whether it changed (issue 15).
import type { IncomingHttpHeaders } from 'node:http';

export interface Validators {
  /** The current entity tag, strong or weak (`"abc"` or `W/"abc"`). */
  etag?: string | undefined;
  /** The current Last-Modified, as an HTTP date. */
  lastModified?: string | undefined;
}

/** True when a GET or HEAD should answer 304 Not Modified. */
export function notModified(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>, current: Validators): boolean {
  const ifNoneMatch = single(headers['if-none-match']);
  // If-None-Match, when present, decides alone; If-Modified-Since is then ignored (§13.2.2, step 3 vs 4).
  if (ifNoneMatch !== undefined) return current.etag !== undefined && noneMatchHits(ifNoneMatch, current.etag);
  const ifModifiedSince = single(headers['if-modified-since']);
  if (ifModifiedSince === undefined || current.lastModified === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  const modified = Date.parse(current.lastModified);
  // A date that cannot be read is ignored (the full response goes out), as the RFC says.
  if (Number.isNaN(since) || Number.isNaN(modified)) return false;
  return modified <= since;
}

/** Weak comparison (§8.8.3.2): `W/"x"` and `"x"` match; `*` matches any current representation. */
function noneMatchHits(header: string, etag: string): boolean {
  const current = opaque(etag);
  for (const raw of header.split(',')) {
    const tag = raw.trim();
    if (tag === '*') return true;
    if (tag !== '' && opaque(tag) === current) return true;
  }
  return false;
}

const opaque = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
