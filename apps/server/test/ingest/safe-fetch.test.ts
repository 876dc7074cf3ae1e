// The safe fetcher against real HTTP(S) servers on loopback. Every connection in this file goes to
// 127.0.0.1 or ::1. Refusals of other addresses are tested through an injected resolver that answers,
// e.g., 10.0.0.1 for a made-up name: the fetcher must refuse before any connection is attempted.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { generate } from 'selfsigned';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.js';
import { parseAllowList } from '../../src/ingest/fetch/address-policy.js';
import { createFetcher, type FetchPolicy, type Resolver } from '../../src/ingest/fetch/safe-fetch.js';
import { importFromUrl } from '../../src/ingest/registry.js';
import { feed } from './support.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** One loopback server whose behaviour each test sets; it counts and records the requests it gets. */
class TestServer {
  handler: Handler = (_req, res) => res.end('ok');
  requests: IncomingMessage[] = [];
  port = 0;
  constructor(readonly server: Server) {
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.requests.push(req);
      this.handler(req, res);
    });
  }
  async listen(host = '127.0.0.1') {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, host, () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }
  reset() {
    this.requests = [];
    this.handler = (_req, res) => res.end('ok');
  }
  close() {
    this.server.closeAllConnections?.();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const LOOPBACK = parseAllowList(['127.0.0.0/8', '::1/128'], []);

/** A resolver with a fixed table: no DNS, and made-up names can point anywhere without us connecting. */
function resolverFor(table: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }));
  };
  return Object.assign(resolve, { calls });
}

async function failure(promise: Promise<unknown>): Promise<IngestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail');
}

const http = new TestServer(createHttpServer());
const other = new TestServer(createHttpServer());
let https: TestServer;
let certificate = '';

beforeAll(async () => {
  await http.listen();
  await other.listen();
  const pems = await generate([{ name: 'commonName', value: 'feed.test' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'feed.test' }] },
    ],
  });
  certificate = pems.cert;
  https = await new TestServer(createHttpsServer({ key: pems.private, cert: pems.cert })).listen();
});
afterEach(() => {
  http.reset();
  other.reset();
  https?.reset();
});
afterAll(async () => {
  await Promise.all([http.close(), other.close(), https.close()]);
});

const url = (server: TestServer, path = '/feed.xml', host = '127.0.0.1') => `http://${host}:${server.port}${path}`;
const fetcher = (policy: Partial<FetchPolicy> = {}) => createFetcher({ allow: LOOPBACK, ...policy });

describe('addresses', () => {
  it('refuses a loopback server under the default policy, without sending it a request', async () => {
    const error = await failure(createFetcher().fetch(url(http)));
    expect(error.code).toBe('address-refused');
    expect(error.message).toBe(`refused to connect to 127.0.0.1: 127.0.0.1 is loopback 127.0.0.0/8`);
    expect(http.requests).toHaveLength(0);
  });

  it('refuses "localhost" after resolving it (system resolver, /etc/hosts)', async () => {
    const error = await failure(createFetcher().fetch(url(http, '/', 'localhost')));
    expect(error.code).toBe('address-refused');
    expect(error.message).toMatch(/^refused to connect to localhost: (127\.0\.0\.1|::1) is loopback/);
    expect(http.requests).toHaveLength(0);
  });

  it('fetches the loopback server when configuration allows loopback', async () => {
    http.handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end('<rss/>');
    const result = await fetcher().fetch(url(http));
    expect(result).toMatchObject({ status: 200, notModified: false, contentType: 'application/rss+xml; charset=utf-8', address: '127.0.0.1', redirects: [], permanentUrl: null });
    expect(result.notModified === false && result.body.toString()).toBe('<rss/>');
    expect(http.requests[0]!.headers).toMatchObject({ 'accept-encoding': 'gzip, deflate, br', 'user-agent': expect.stringMatching(/^Thmnayah-Ingest/) });
  });

  it('connects to the vetted address and keeps the name in the Host header', async () => {
    const resolve = resolverFor({ 'feed.test': ['127.0.0.1'] });
    await fetcher({ resolve }).fetch(url(http, '/x', 'feed.test'));
    expect(resolve.calls).toEqual(['feed.test']);
    expect(http.requests[0]!.headers.host).toBe(`feed.test:${http.port}`);
  });

  it('asks DNS once per hop and connects to that answer (a rebinding second answer is never asked for)', async () => {
    const answers = ['127.0.0.1', '10.0.0.1', '169.254.169.254'];
    const calls: string[] = [];
    const rebinding: Resolver = async (hostname) => {
      calls.push(hostname);
      return [{ address: answers.shift()!, family: 4 }];
    };
    const result = await fetcher({ resolve: rebinding }).fetch(url(http, '/', 'rebind.test'));
    expect(result).toMatchObject({ status: 200, address: '127.0.0.1' });
    expect(calls).toEqual(['rebind.test']);
  });

  it('refuses a name that resolves to a private address, before connecting', async () => {
    const resolve = resolverFor({ 'internal.test': ['10.0.0.1'] });
    const error = await failure(fetcher({ resolve }).fetch('http://internal.test/feed.xml'));
    expect(error).toMatchObject({ code: 'address-refused', details: { address: '10.0.0.1' } });
    expect(error.message).toBe('refused to connect to internal.test: 10.0.0.1 is private network 10.0.0.0/8');
    expect(resolve.calls).toEqual(['internal.test']);
  });

  it('refuses a name with any refused address among its answers', async () => {
    const resolve = resolverFor({ 'mixed.test': ['127.0.0.1', '169.254.169.254'] });
    const error = await failure(fetcher({ resolve }).fetch(url(http, '/', 'mixed.test')));
    expect(error.message).toMatch(/169\.254\.169\.254 is cloud metadata/);
    expect(http.requests).toHaveLength(0);
  });

  it('refuses IP literals in any notation the URL parser understands', async () => {
    for (const target of ['http://169.254.169.254/latest/meta-data/', 'http://[::ffff:169.254.169.254]/', 'http://0x7f.1/', 'http://2130706433/', 'http://[::1]:1/', 'http://0/']) {
      const error = await failure(createFetcher().fetch(target));
      expect(error.code, target).toBe('address-refused');
    }
  });

  it('lets an allowed host name resolve to a private address (never metadata)', async () => {
    const resolve = resolverFor({ 'feeds.internal': ['127.0.0.1'], 'meta.internal': ['169.254.169.254'] });
    const policy = { resolve, allow: parseAllowList([], ['feeds.internal', 'meta.internal']) };
    const result = await createFetcher(policy).fetch(url(http, '/', 'feeds.internal'));
    expect(result.status).toBe(200);
    expect((await failure(createFetcher(policy).fetch('http://meta.internal/'))).code).toBe('address-refused');
  });

  it('reports a name that does not resolve', async () => {
    const error = await failure(fetcher({ resolve: resolverFor({}) }).fetch('http://nowhere.test/'));
    expect(error.code).toBe('dns-failed');
    expect(error.message).toMatch(/^cannot resolve nowhere\.test: getaddrinfo ENOTFOUND/);
  });

  it('fetches over IPv6 loopback when the host has it', async (context) => {
    const v6 = new TestServer(createHttpServer());
    try {
      await v6.listen('::1');
    } catch {
      context.skip();
    }
    try {
      v6.handler = (_req, res) => res.end('v6');
      const result = await fetcher().fetch(`http://[::1]:${v6.port}/`);
      expect(result.notModified === false && result.body.toString()).toBe('v6');
      expect(v6.requests[0]!.headers.host).toBe(`[::1]:${v6.port}`);
    } finally {
      await v6.close();
    }
  });
});

describe('URLs and redirects', () => {
  it('fetches only http and https URLs without credentials', async () => {
    for (const [target, message] of [
      ['file:///etc/passwd', /only http and https URLs can be fetched, not file:/],
      ['ftp://example.com/feed', /not ftp:/],
      ['gopher://127.0.0.1:70/', /not gopher:/],
      [`http://user:secret@127.0.0.1:${http.port}/`, /user name or password/],
      ['not a url', /is not a URL/],
    ] as const) {
      const error = await failure(fetcher().fetch(target));
      expect(error.code, target).toBe('invalid-url');
      expect(error.message).toMatch(message);
    }
    expect(http.requests).toHaveLength(0);
  });

  it('follows redirects and tells whether the move is permanent', async () => {
    http.handler = (req, res) => {
      if (req.url === '/old') res.writeHead(301, { location: '/older' }).end();
      else if (req.url === '/older') res.writeHead(308, { location: url(other, '/new') }).end();
      else if (req.url === '/temp') res.writeHead(302, { location: '/older' }).end();
      else res.writeHead(404).end();
    };
    other.handler = (_req, res) => res.end('moved here');
    const permanent = await fetcher().fetch(url(http, '/old'));
    expect(permanent).toMatchObject({ status: 200, finalUrl: url(other, '/new'), permanentUrl: url(other, '/new') });
    expect(permanent.redirects.map((r) => r.status)).toEqual([301, 308]);
    const temporary = await fetcher().fetch(url(http, '/temp'));
    expect(temporary).toMatchObject({ finalUrl: url(other, '/new'), permanentUrl: null });
  });

  it('refuses a redirect to a refused address (DNS answer checked on every hop)', async () => {
    const resolve = resolverFor({ 'feed.test': ['127.0.0.1'], 'internal.test': ['10.0.0.1'] });
    http.handler = (_req, res) => res.writeHead(302, { location: 'http://internal.test/secret' }).end();
    const error = await failure(fetcher({ resolve }).fetch(url(http, '/', 'feed.test')));
    expect(error.code).toBe('address-refused');
    expect(error.message).toBe('refused to connect to internal.test: 10.0.0.1 is private network 10.0.0.0/8');
    expect(http.requests).toHaveLength(1);
    expect(resolve.calls).toEqual(['feed.test', 'internal.test']);
  });

  it('refuses a redirect to a metadata address or a non-http scheme', async () => {
    http.handler = (req, res) => res.writeHead(302, { location: req.url === '/a' ? 'http://169.254.169.254/latest/meta-data/' : 'file:///etc/passwd' }).end();
    expect((await failure(fetcher().fetch(url(http, '/a')))).message).toMatch(/169\.254\.169\.254 is cloud metadata/);
    const error = await failure(fetcher().fetch(url(http, '/b')));
    expect(error.code).toBe('redirect-refused');
    expect(error.message).toMatch(/only http and https URLs can be fetched, not file: \(a redirect from/);
  });

  it('stops after the configured number of redirects', async () => {
    http.handler = (req, res) => res.writeHead(302, { location: `/hop${Number(req.url!.slice(4) || 0) + 1}` }).end();
    const error = await failure(fetcher({ maxRedirects: 3 }).fetch(url(http, '/hop0')));
    expect(error.code).toBe('too-many-redirects');
    expect(error.message).toMatch(/^more than 3 redirects fetching/);
    expect(http.requests.map((r) => r.url)).toEqual(['/hop0', '/hop1', '/hop2', '/hop3']);
  });

  it('reports HTTP errors with their status', async () => {
    http.handler = (_req, res) => res.writeHead(404, 'Not Found').end('nope');
    const error = await failure(fetcher().fetch(url(http)));
    expect(error).toMatchObject({ code: 'http-status', details: { status: 404 } });
    expect(error.message).toBe(`${url(http)} answered 404 Not Found`);
  });
});

describe('https', () => {
  const tls = () => ({ ca: certificate, resolve: resolverFor({ 'feed.test': ['127.0.0.1'], 'other.test': ['127.0.0.1'] }) });

  it('connects to the vetted address with the name for SNI and the certificate check', async () => {
    https.handler = (req, res) => res.end(`tls ${(req.socket as import('node:tls').TLSSocket).servername}`);
    const result = await fetcher(tls()).fetch(`https://feed.test:${https.port}/`);
    expect(result.notModified === false && result.body.toString()).toBe('tls feed.test');
    // The certificate is for feed.test only: another name on the same address fails verification.
    const error = await failure(fetcher(tls()).fetch(`https://other.test:${https.port}/`));
    expect(error.code).toBe('connect-failed');
    expect(error.message).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID|does not match/);
  });

  it('refuses a redirect from https to http by default, and follows it when configured', async () => {
    https.handler = (_req, res) => res.writeHead(301, { location: url(http, '/plain') }).end();
    http.handler = (_req, res) => res.end('plain');
    const error = await failure(fetcher(tls()).fetch(`https://feed.test:${https.port}/`));
    expect(error.code).toBe('redirect-refused');
    expect(error.message).toBe(`refused a redirect from https to http (https://feed.test:${https.port}/ → ${url(http, '/plain')})`);
    expect(http.requests).toHaveLength(0);
    const allowed = await fetcher({ ...tls(), allowHttpsDowngrade: true }).fetch(`https://feed.test:${https.port}/`);
    expect(allowed.notModified === false && allowed.body.toString()).toBe('plain');
  });

  it('follows a redirect from http to https', async () => {
    http.handler = (_req, res) => res.writeHead(301, { location: `https://feed.test:${https.port}/secure` }).end();
    https.handler = (_req, res) => res.end('secure');
    const result = await fetcher(tls()).fetch(url(http, '/', 'feed.test'));
    expect(result).toMatchObject({ finalUrl: `https://feed.test:${https.port}/secure`, permanentUrl: `https://feed.test:${https.port}/secure` });
  });
});

describe('bodies: limits and content encodings', () => {
  const xml = feed('en_replyall-sample-ordering.xml');

  it.each([
    ['gzip', zlib.gzipSync],
    ['x-gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync],
  ] as const)('decodes %s', async (encoding, compress) => {
    http.handler = (_req, res) => res.writeHead(200, { 'content-encoding': encoding }).end(compress(xml));
    const result = await fetcher().fetch(url(http));
    expect(result.notModified === false && result.body.equals(xml)).toBe(true);
  });

  it('refuses a body over the limit, with or without Content-Length', async () => {
    const big = Buffer.alloc(300_000, 'a');
    http.handler = (req, res) => {
      if (req.url === '/sized') res.writeHead(200, { 'content-length': big.length }).end(big);
      else {
        res.writeHead(200); // chunked, no length
        for (let i = 0; i < 30; i += 1) res.write(big.subarray(0, 10_000));
        res.end();
      }
    };
    for (const path of ['/sized', '/chunked']) {
      const error = await failure(fetcher({ maxBytes: 100_000 }).fetch(url(http, path)));
      expect(error.code, path).toBe('response-too-large');
      expect(error.message).toBe(`the response from 127.0.0.1:${http.port} is larger than 100000 bytes`);
    }
    const fits = await fetcher({ maxBytes: 300_000 }).fetch(url(http, '/sized'));
    expect(fits.notModified === false && fits.body.length).toBe(300_000);
  });

  it('applies the limit to decoded bytes: a gzip bomb stops at the limit', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024)); // 64 MiB of zeros, ~65 KB compressed
    expect(bomb.length).toBeLessThan(100_000);
    http.handler = (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': bomb.length }).end(bomb);
    const error = await failure(fetcher({ maxBytes: 1024 * 1024 }).fetch(url(http)));
    expect(error.code).toBe('response-too-large');
  });

  it('reports bodies that do not decode, and encodings it does not know', async () => {
    http.handler = (req, res) => res.writeHead(200, { 'content-encoding': req.url === '/zstd' ? 'zstd' : 'gzip' }).end('not gzip at all');
    const corrupt = await failure(fetcher().fetch(url(http, '/gz')));
    expect(corrupt.code).toBe('bad-encoding');
    expect(corrupt.message).toMatch(/^the response says content encoding gzip but does not decode/);
    const unknown = await failure(fetcher().fetch(url(http, '/zstd')));
    expect(unknown.message).toBe('the response uses content encoding "zstd", which is not supported');
  });
});

describe('conditional GET', () => {
  const etag = '"v1-abc"';
  const lastModified = 'Wed, 21 Oct 2015 07:28:00 GMT';
  beforeAll(() => undefined);

  function conditionalServer() {
    http.handler = (req, res) => {
      const fresh = req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === lastModified);
      if (fresh) res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      else res.writeHead(200, { etag, 'last-modified': lastModified, 'content-type': 'application/rss+xml' }).end('<rss/>');
    };
  }

  it('sends the validators and returns a 304 as "not modified"', async () => {
    conditionalServer();
    const first = await fetcher().fetch(url(http));
    expect(first).toMatchObject({ status: 200, notModified: false, etag, lastModified });
    const byEtag = await fetcher().fetch(url(http), { etag: first.etag!, lastModified: first.lastModified! });
    expect(byEtag).toMatchObject({ status: 304, notModified: true, etag });
    expect(http.requests[1]!.headers).toMatchObject({ 'if-none-match': etag, 'if-modified-since': lastModified });
    const byDate = await fetcher().fetch(url(http), { lastModified });
    expect(byDate).toMatchObject({ status: 304, notModified: true });
    const stale = await fetcher().fetch(url(http), { etag: '"v0"' });
    expect(stale).toMatchObject({ status: 200, notModified: false });
  });

  it('imports through importFromUrl, then gets "not modified"', async () => {
    conditionalServer();
    const body = zlib.gzipSync(feed('p20_podcastindex-example.xml'));
    const inner = http.handler;
    http.handler = (req, res) => {
      if (req.headers['if-none-match']) return inner(req, res);
      res.writeHead(200, { etag, 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' }).end(body);
    };
    const first = await importFromUrl(url(http), { fetcher: fetcher() });
    expect(first.notModified).toBe(false);
    if (first.notModified) return;
    expect(first.draft.episodes).toHaveLength(3);
    expect(first.draft.program.feedUrl).toBe(url(http));
    expect(first.fetch.etag).toBe(etag);
    const second = await importFromUrl(url(http), { fetcher: fetcher(), etag: first.fetch.etag! });
    expect(second.notModified).toBe(true);
  });
});

describe('time limits', () => {
  it('gives up on a server that never answers (total timeout)', async () => {
    http.handler = () => { /* accept the request, never answer */ };
    const error = await failure(fetcher({ totalTimeoutMs: 200 }).fetch(url(http)));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/took longer than 200 ms/);
  });

  it('gives up on a connection that never completes (connect timeout: a TCP server that never speaks TLS)', async () => {
    const sockets: import('node:net').Socket[] = [];
    const silent = createNetServer((socket) => sockets.push(socket)); // accept, say nothing
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      const resolve = resolverFor({ 'feed.test': ['127.0.0.1'] });
      const error = await failure(fetcher({ resolve, connectTimeoutMs: 200, totalTimeoutMs: 30_000 }).fetch(`https://feed.test:${port}/`));
      expect(error.code).toBe('timeout');
      expect(error.message).toBe(`no connection to feed.test:${port} within 200 ms`);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('gives up on a resolver that never answers', async () => {
    const error = await failure(fetcher({ totalTimeoutMs: 200, resolve: () => new Promise(() => undefined) }).fetch('http://slow.test/'));
    expect(error.code).toBe('timeout');
  });

  it('stops when the caller aborts', async () => {
    http.handler = () => undefined;
    const controller = new AbortController();
    const pending = fetcher().fetch(url(http), { signal: controller.signal });
    setTimeout(() => controller.abort(new IngestError('timeout', 'caller gave up')), 50);
    await expect(pending).rejects.toThrow('caller gave up');
  });
});
