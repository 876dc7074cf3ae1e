// A loopback HTTP server that serves test feeds (127.0.0.1, port 0), with ETag / Last-Modified and
// conditional GET, redirects and failures on demand, and a log of every request it got. Fetchers in tests
// are configured to allow 127.0.0.1/32 explicitly and nothing else.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import type { Db } from '../../src/platform/db/db.js';
import { parseAllowList } from '../../src/ingest/fetch/address-policy.js';
import { createFetcher } from '../../src/ingest/fetch/safe-fetch.js';
import type { IngestDeps } from '../../src/ingest/import-service.js';

export interface Route {
  status?: number;
  /** A feed as text, or a file's bytes (imported media). */
  body?: string | Buffer;
  contentType?: string;
  /** Send an ETag (derived from the body unless given); answer If-None-Match with 304. */
  etag?: boolean | string;
  /** Send Last-Modified; answer If-Modified-Since with 304. */
  lastModified?: Date;
  /** Redirect here (with status 301, 302, 307 or 308). */
  location?: string;
}

export interface FeedServer {
  url: string;
  /** Sets what a path answers. */
  route(path: string, route: Route): void;
  requests: { path: string; headers: IncomingHttpHeaders; status: number }[];
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: FeedServer['requests'] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    const route = routes.get(path);
    const answer = (status: number, headers: Record<string, string> = {}, body?: string | Buffer) => {
      requests.push({ path, headers: request.headers, status });
      response.writeHead(status, headers);
      response.end(body);
    };
    if (!route) return answer(404, { 'content-type': 'text/plain' }, 'not found');
    if (route.location) return answer(route.status ?? 301, { location: route.location });
    const status = route.status ?? 200;
    if (status !== 200) return answer(status, { 'content-type': 'text/plain' }, 'failure');
    const body = route.body ?? '';
    const headers: Record<string, string> = { 'content-type': route.contentType ?? 'application/rss+xml; charset=utf-8' };
    const etag = route.etag === true ? `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` : route.etag || undefined;
    if (etag) headers.etag = etag;
    if (route.lastModified) headers['last-modified'] = route.lastModified.toUTCString();
    const ifNoneMatch = request.headers['if-none-match'];
    const ifModifiedSince = request.headers['if-modified-since'];
    if (etag && ifNoneMatch === etag) return answer(304, headers);
    if (!ifNoneMatch && route.lastModified && ifModifiedSince && Date.parse(ifModifiedSince) >= Math.floor(route.lastModified.getTime() / 1000) * 1000) {
      return answer(304, headers);
    }
    return answer(200, headers, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    route: (path, route) => routes.set(path, route),
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A safe fetcher that may reach loopback (the feed server), for these tests only. */
export function loopbackFetcher() {
  return createFetcher({ allow: parseAllowList(['127.0.0.1/32'], []) });
}

/** Import dependencies for tests: the loopback fetcher, no media hook, and the test's clock. */
export function loopbackIngestDeps(db: Db, now: () => Date = () => new Date()): IngestDeps {
  return { db, fetcher: loopbackFetcher(), xmlLimits: {}, syncIntervalSeconds: 3600, media: { async referencesImported() {} }, now };
}
