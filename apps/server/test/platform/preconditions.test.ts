// Conditional GET as RFC 9110 §13.2.2 has the origin evaluate it (issue 15, defect 9d). The `fresh` package
// answers as a cache would and treats `Cache-Control: no-cache` as "send it all", so feeds and media ignored
// If-None-Match from browsers' fetch(), which adds that header to every conditional request.
import { describe, expect, it } from 'vitest';
import { notModified } from '../../src/platform/http/preconditions.js';

const validators = { etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' };

describe('notModified', () => {
  it('matches If-None-Match by weak comparison, in lists, and *', () => {
    for (const value of ['"v1"', 'W/"v1"', '"a", "v1"', '"a",W/"v1" ', '*']) expect(notModified({ 'if-none-match': value }, validators), value).toBe(true);
    for (const value of ['"v2"', '"v1x"', 'v1', '']) expect(notModified({ 'if-none-match': value }, validators), value).toBe(false);
    expect(notModified({ 'if-none-match': '"v1"' }, { etag: 'W/"v1"' })).toBe(true);
  });

  it('evaluates preconditions whatever Cache-Control or Pragma say', () => {
    for (const cacheControl of ['no-cache', 'max-age=0', 'no-store']) {
      expect(notModified({ 'if-none-match': '"v1"', 'cache-control': cacheControl }, validators)).toBe(true);
      expect(notModified({ 'if-modified-since': validators.lastModified, 'cache-control': cacheControl, pragma: 'no-cache' }, validators)).toBe(true);
    }
  });

  it('uses If-Modified-Since only without If-None-Match, and ignores a date it cannot read', () => {
    expect(notModified({ 'if-modified-since': 'Tue, 01 Dec 2026 10:00:01 GMT' }, validators)).toBe(true);
    expect(notModified({ 'if-modified-since': 'Tue, 01 Dec 2026 09:59:59 GMT' }, validators)).toBe(false);
    expect(notModified({ 'if-none-match': '"v2"', 'if-modified-since': 'Tue, 01 Dec 2026 10:00:01 GMT' }, validators)).toBe(false);
    expect(notModified({ 'if-modified-since': 'yesterday' }, validators)).toBe(false);
    expect(notModified({}, validators)).toBe(false);
    expect(notModified({ 'if-modified-since': 'Tue, 01 Dec 2026 10:00:01 GMT' }, { etag: '"v1"' })).toBe(false);
  });
});
