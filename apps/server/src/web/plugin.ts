// The `web` role: the listeners' site (and later the editors' studio), server-rendered by React Router
// from the web app's build (apps/web/build), in this Fastify server.
//
// - /assets/* are content-hashed files: `immutable`, a year, brotli/gzip copies made at build time.
// - Every other GET that no API route claims is a page: rendered once per read-model generation and URL
//   (PageCache), sent with a weak ETag (304 on If-None-Match) and brotli/gzip copies made once per page.
// - `/` redirects by Accept-Language and is never cached.
// - /studio (the editors' studio) is rendered per request and never stored anywhere (no-store) nor indexed:
//   its shell carries no data, but it is private to editors and changes with their sign-in.
// - A draft preview (`?preview=<token>` on a page, a link the studio makes; discovery/preview.routes.ts) is
//   rendered per request from the current draft and is never stored (not in the page cache, not in
//   Discovery's response cache, not by browsers or CDNs: no-store) nor indexed (X-Robots-Tag, and the
//   page's robots meta). A refused token is the site's error page, with the same headers.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fastifyStatic from '@fastify/static';
import { markPublicReads } from '../platform/http/request-log.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../platform.js';
import type { App } from '../platform/http/server.js';
import { sendProblem } from '../platform/http/errors.js';
import { HttpProblem } from '../platform/http/problem.js';
import { CompressedCopies, chooseEncoding } from '../platform/http/compression.js';
import { GenerationClock, ResponseCache } from '../discovery/response-cache.js';
import type { Discovery } from '../discovery/plugin.js';
import { inProcessDiscovery, remoteDiscovery, type ApiFetch } from './api-transport.js';
import { PageCache, pageOf, type Page } from './page-cache.js';
import { notModified } from '../platform/http/preconditions.js';
import { webBuildDir, webBuildPresent } from './build-dir.js';
import { SearchLog } from '../search-analytics/recorder.js';

/** Prefixes that belong to the API and media, never to pages (their unknown paths stay problem+json). */
const API_PREFIXES = ['/api', '/feeds', '/play', '/media', '/auth', '/metrics', '/healthz', '/readyz', '/livez'];

const PAGE_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=300';
const ERROR_CACHE_CONTROL = 'public, max-age=0, s-maxage=10';
const SKIPPED_HEADERS = new Set(['content-length', 'date', 'connection', 'transfer-encoding', 'set-cookie']);
/** The site's search page and its data request (client-side navigation). */
const SEARCH_PAGE = /^\/(ar|en)\/search(\.data)?$/;

/** A draft preview page (or its data request): any `preview` query parameter, valid or not. */
function isPreview(url: string): boolean {
  const query = url.indexOf('?');
  return query >= 0 && new URLSearchParams(url.slice(query + 1)).has('preview');
}

export interface WebContext {
  apiFetch: ApiFetch;
  publicUrl: string;
}

export interface Web {
  pages: PageCache;
}

export async function mountWeb(app: App, platform: Platform, discovery: Discovery | undefined, buildDir = webBuildDir): Promise<Web> {
  if (!webBuildPresent(buildDir)) {
    throw new Error(`The web role needs the web app's build in ${buildDir}: run \`npm run build\` (npm start builds it when it is missing).`);
  }
  const build = await import(pathToFileURL(join(buildDir, 'server', 'index.js')).href);
  const { createRequestHandler } = await import('react-router');
  const handle = createRequestHandler(build, 'production');

  // The generation: Discovery's when it runs here, else a clock of our own on the same database.
  let generation = discovery?.generation;
  if (!generation) {
    const clock = new GenerationClock(platform.readDb, 200, platform.config.databaseUrl);
    await clock.start((error) => app.log.warn({ err: error }, 'reading the read-model generation failed'));
    app.addHook('onClose', async () => clock.stop());
    generation = clock;
  }
  let apiFetch: ApiFetch;
  if (platform.config.webApiUrl) apiFetch = remoteDiscovery(platform.config.webApiUrl);
  else {
    const internal = await inProcessDiscovery(platform, discovery?.responses ?? new ResponseCache(platform.cache, generation));
    app.addHook('onClose', async () => internal.close());
    apiFetch = internal.fetch;
  }
  const context: WebContext = { apiFetch, publicUrl: platform.config.publicUrl };
  const searchLog = searchAnalytics(app, platform, discovery);
  const pages = new PageCache();
  const compressed = new CompressedCopies();

  // The build's files, in a scope of their own whose routes are public reads (platform/http/request-log.ts).
  await app.register(async (scope) => {
    scope.addHook('onRoute', markPublicReads);
    await scope.register(fastifyStatic, {
      root: join(buildDir, 'client'),
      prefix: '/',
      // Only the files the build made are routes (no wildcard that would swallow page URLs).
      wildcard: false,
      preCompressed: true,
      index: false,
      // Our setHeaders decides (immutable for hashed assets); the plugin's own max-age would override it.
      cacheControl: false,
      setHeaders(res, path) {
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
      },
    });
  });

  async function render(request: FastifyRequest): Promise<Page & { cacheable: boolean }> {
    const headers = new Headers();
    for (const name of ['accept-language', 'accept', 'user-agent']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    const response = await handle(new Request(`${platform.config.publicUrl}${request.url}`, { method: 'GET', headers }), context as never);
    const body = Buffer.from(await response.arrayBuffer());
    const kept: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (!SKIPPED_HEADERS.has(name)) kept.push([name, value]);
    });
    if (!response.headers.has('cache-control')) {
      kept.push(['cache-control', response.status === 200 ? PAGE_CACHE_CONTROL : response.status === 404 || response.status === 400 ? ERROR_CACHE_CONTROL : 'no-store']);
    }
    const cacheable = (response.status === 200 || response.status === 404) && !response.headers.has('set-cookie');
    return { ...pageOf(response.status, kept, body), cacheable };
  }

  async function send(request: FastifyRequest, reply: FastifyReply, page: Page) {
    for (const [name, value] of page.headers) reply.header(name, value);
    reply.header('etag', page.etag).header('vary', 'accept-encoding');
    if (page.status === 200 && notModified(request.headers, { etag: page.etag })) return reply.code(304).send();
    reply.code(page.status);
    const encoding = chooseEncoding(request.headers['accept-encoding'], page.body.length);
    if (!encoding) return reply.send(page.body);
    return reply.header('content-encoding', encoding).send(await compressed.get(`${page.etag}:${page.body.length}`, page.body, encoding));
  }

  const pageRoute = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
      return sendProblem(request, reply, new HttpProblem('not-found', `No route matches ${request.method} ${path}.`));
    }
    // `/` answers by the request's language; nothing else a page renders depends on more than its URL.
    if (path === '/') {
      const page = await render(request);
      return send(request, reply, page);
    }
    if (path === '/studio' || path.startsWith('/studio/')) {
      const page = await render(request);
      const headers = page.headers.filter(([name]) => name !== 'cache-control');
      headers.push(['cache-control', 'no-store'], ['x-robots-tag', 'noindex, nofollow']);
      return send(request, reply, { ...page, headers });
    }
    if (isPreview(request.url)) {
      const page = await render(request);
      const headers = page.headers.filter(([name]) => name !== 'cache-control');
      headers.push(['cache-control', 'no-store'], ['x-robots-tag', 'noindex, nofollow']);
      return send(request, reply, { ...page, headers });
    }
    const started = performance.now();
    const page = await pages.get(generation.value, request.url, () => render(request));
    if (searchLog && SEARCH_PAGE.test(path)) countSearchPage(searchLog, request.url, page, performance.now() - started);
    return send(request, reply, page);
  };
  // Site pages and their files are public reads: successful answers are not logged one by one by default.
  app.get('/', { schema: { hide: true }, config: { publicRead: true } }, pageRoute);
  app.get('/*', { schema: { hide: true }, config: { publicRead: true } }, pageRoute);
  return { pages };
}

/**
 * Search analytics for the site's search pages. The page cache answers repeated searches without asking
 * Discovery, so the page route counts them: every search page served, cached or rendered, with the result
 * count the page's loader put in x-search-total. The loaders' own API calls are not counted (in process
 * they go to routes without the log; over WEB_API_URL they say so with x-search-analytics: counted).
 */
function searchAnalytics(app: App, platform: Platform, discovery: Discovery | undefined): SearchLog | undefined {
  if (!platform.config.searchAnalytics) return undefined;
  if (discovery?.searchLog) return discovery.searchLog;
  const log = new SearchLog(platform.db, {
    flushMs: platform.config.searchAnalyticsFlushMs,
    onError: (error) => app.log.warn({ err: error }, 'writing search analytics failed; the counts are kept for the next flush'),
  });
  log.start();
  app.addHook('onClose', async () => log.close().catch((error: unknown) => app.log.error({ err: error }, 'writing the last search analytics failed')));
  return log;
}

function countSearchPage(log: SearchLog, url: string, page: Page, latencyMs: number) {
  if (page.status !== 200) return;
  const query = new URLSearchParams(url.slice(url.indexOf('?') + 1 || url.length));
  const q = query.get('q');
  // A next page is the same search.
  if (!q || query.has('cursor')) return;
  const total = page.headers.find(([name]) => name === 'x-search-total')?.[1];
  log.search(q, total === undefined ? undefined : Number(total), latencyMs);
}
