// Byte-range requests (RFC 9110 §14) for serving media: players seek by asking for byte ranges, and
// Safari will not play audio or video from a server that does not answer them. Parsing is range-parser
// (jshttp, the parser behind Express's `send`), which handles the corner cases (suffix ranges, ranges
// past the end, overlapping ranges); this module adds the decisions around it: If-Range, and what to do
// with several ranges.
import rangeParser from 'range-parser';

export type RangeDecision =
  /** Send the whole representation (no Range, a Range we ignore, or one If-Range says is stale). */
  | { kind: 'full' }
  /** 206 with these inclusive offsets. */
  | { kind: 'partial'; start: number; end: number }
  /** 416; the Content-Range header then gives the size (see unsatisfiedRange). */
  | { kind: 'unsatisfiable' };

export interface RangeRequest {
  range: string | undefined;
  ifRange: string | undefined;
}

export interface Validators {
  /** Strong ETag, without quotes. */
  etag: string;
  lastModified: Date;
}

/**
 * Decides how to answer a GET with a Range header for a representation of `size` bytes.
 * - No Range, a malformed one, or a unit other than `bytes`: full (RFC 9110 lets a server ignore Range).
 * - If-Range that does not match the current ETag (or exact Last-Modified date): full, so a client never
 *   splices bytes of two versions.
 * - One range (after merging overlapping/adjacent ones): partial, or unsatisfiable when it lies wholly
 *   past the end (any range of a 0-byte object is unsatisfiable).
 * - Several disjoint ranges: full. multipart/byteranges is rarely used by players, and a 200 with the
 *   whole body is a correct answer to a multi-range request.
 */
export function decideRange(request: RangeRequest, size: number, validators: Validators): RangeDecision {
  if (request.range === undefined || request.range.trim() === '') return { kind: 'full' };
  if (request.ifRange !== undefined && !ifRangeMatches(request.ifRange, validators)) return { kind: 'full' };
  const parsed = rangeParser(size, clampSuffixes(request.range, size), { combine: true });
  if (parsed === -2) return { kind: 'full' };
  if (parsed === -1) return { kind: 'unsatisfiable' };
  if (parsed.type !== 'bytes' || parsed.length !== 1) return { kind: 'full' };
  const only = parsed[0]!;
  return { kind: 'partial', start: only.start, end: only.end };
}

/**
 * range-parser 1.x calls a suffix longer than the object (`bytes=-5000` of 1000 bytes) unsatisfiable,
 * while RFC 9110 §14.1.2 says it selects the whole object; range-parser 2 fixes this but needs Node 22.
 * Until then, such suffixes are shortened to the object size before parsing.
 */
function clampSuffixes(header: string, size: number): string {
  return header.replace(/([=,]\s*)-(\d+)(?=\s*(,|$))/g, (match, lead: string, digits: string) => (Number(digits) > size ? `${lead}-${size}` : match));
}

/** If-Range holds a strong ETag or an HTTP date; only an exact match keeps the Range in force. */
function ifRangeMatches(ifRange: string, validators: Validators): boolean {
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith('W/')) return value === `"${validators.etag}"`; // weak tags never match
  const date = Date.parse(value);
  return Number.isFinite(date) && Math.floor(date / 1000) === Math.floor(validators.lastModified.getTime() / 1000);
}

export const contentRange = (start: number, end: number, size: number) => `bytes ${start}-${end}/${size}`;
export const unsatisfiedRange = (size: number) => `bytes */${size}`;
