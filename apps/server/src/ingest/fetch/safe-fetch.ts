// Fetching feeds from addresses a user typed in, without becoming a way into our own network (SSRF).
//
// Built on node:http/https rather than undici or fetch(): the `lookup` option of a request is the exact
// point where the socket gets its address, so we resolve the name ourselves, vet every address
// (address-policy.ts), and hand the socket only the vetted addresses through `lookup`. There is no second
// DNS query between check and connect for a rebinding attacker to answer differently, while the Host
// header and TLS SNI/certificate check still use the name. Each redirect goes through the same steps.
// No connection pooling (agent: false): a pooled socket vetted under one policy is never reused by another.
//
// Limits: total and connect timeouts, at most N redirects, and a body limit counted on DECODED bytes as
// they stream out of gunzip/inflate/brotli, so a small compressed bomb is cut off at the limit.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { pipeline, Transform, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { IngestError } from '../errors.js';
import { checkAddress, hostAllowed, NO_EXCEPTIONS, type AllowList } from './address-policy.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The operating system's resolver (getaddrinfo: /etc/hosts, then DNS), every address it returns. */
const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => {
      if (error) reject(error);
      else resolve(addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })));
    });
  });

export interface FetchPolicy {
  allow: AllowList;
  /** Largest response body, counted after decompression. */
  maxBytes: number;
  connectTimeoutMs: number;
  /** For the whole fetch, redirects and body included. */
  totalTimeoutMs: number;
  maxRedirects: number;
  /** Follow a redirect from https to http? Off: a feed asked for over TLS is not read in clear text. */
  allowHttpsDowngrade: boolean;
  userAgent: string;
  resolve: Resolver;
  /** Trusted CA certificates (PEM) replacing the default set: for private PKI and for tests. */
  ca?: string | string[];
}

const DEFAULT_FETCH_POLICY: FetchPolicy = {
  allow: NO_EXCEPTIONS,
  maxBytes: 32 * 1024 * 1024,
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 60_000,
  maxRedirects: 5,
  allowHttpsDowngrade: false,
  userAgent: 'Thmnayah-Ingest/0.1 (podcast importer)',
  resolve: systemResolver,
};

export interface FetchRequest {
  /** ETag of the copy we have: sent as If-None-Match. */
  etag?: string;
  /** Last-Modified of the copy we have: sent as If-Modified-Since. */
  lastModified?: string;
  accept?: string;
  signal?: AbortSignal;
}

export interface Redirect {
  status: number;
  from: string;
  to: string;
}

interface ResultBase {
  /** The URL asked for. */
  url: string;
  /** The URL that answered, after redirects. */
  finalUrl: string;
  /** Where the feed now lives when every redirect was permanent (301/308): update the subscription. */
  permanentUrl: string | null;
  redirects: Redirect[];
  /** The address the answer came from (vetted). */
  address: string;
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult =
  | (ResultBase & { status: 304; notModified: true })
  | (ResultBase & { status: number; notModified: false; body: Buffer; contentType: string | null });

/** A file streamed rather than read into memory (imported media): consume `body` or destroy it. */
export interface OpenedFile extends ResultBase {
  status: number;
  body: Readable;
  contentType: string | null;
  contentLength: number | null;
}

export interface Fetcher {
  fetch(url: string, request?: FetchRequest): Promise<FetchResult>;
  /** The same vetting and redirects as fetch(), for one large file: its body as a stream cut off at maxBytes. */
  open(url: string, request: FetchRequest & { maxBytes: number; totalTimeoutMs: number }): Promise<OpenedFile>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function parseTarget(raw: string | URL, via?: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new IngestError('invalid-url', `"${String(raw)}" is not a URL`, { url: String(raw) });
  }
  const what = via ? `a redirect from ${via} to ${url.href}` : url.href;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new IngestError(via ? 'redirect-refused' : 'invalid-url', `only http and https URLs can be fetched, not ${url.protocol} (${what})`, { url: url.href });
  }
  if (url.username || url.password) {
    throw new IngestError(via ? 'redirect-refused' : 'invalid-url', `URLs with a user name or password are not fetched (${what})`, { url: url.href });
  }
  return url;
}

function raceSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Resolves the host and applies the address policy to EVERY address; returns the vetted ones. */
async function vet(url: URL, policy: FetchPolicy, signal: AbortSignal): Promise<ResolvedAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  const literal = isIP(host);
  if (literal) {
    addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await raceSignal(policy.resolve(host), signal);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw new IngestError('dns-failed', `cannot resolve ${host}: ${(error as Error).message}`, { url: url.href });
    }
    if (addresses.length === 0) throw new IngestError('dns-failed', `${host} has no addresses`, { url: url.href });
  }
  const allowedHost = !literal && hostAllowed(host, policy.allow.hosts);
  for (const { address } of addresses) {
    const verdict = checkAddress(address, policy.allow, { hostAllowed: allowedHost });
    // One refused address refuses the host: a name that mixes public and internal addresses is a trick.
    if (!verdict.allowed) {
      throw new IngestError('address-refused', `refused to connect to ${host}: ${verdict.address} is ${verdict.range}`, { url: url.href, address });
    }
  }
  return addresses;
}

/** A `lookup` that answers only for the vetted name, only with the vetted addresses, and never asks DNS. */
function pinnedLookup(hostname: string, addresses: ResolvedAddress[]): LookupFunction {
  return (name, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
    if (name !== hostname || wanted.length === 0) {
      const error = Object.assign(new Error(`no vetted address for ${name}`), { code: 'ENOTFOUND' });
      callback(error, '', 4);
      return;
    }
    if (options.all) callback(null, wanted.map((a) => ({ address: a.address, family: a.family })));
    else callback(null, wanted[0]!.address, wanted[0]!.family);
  };
}

function send(url: URL, addresses: ResolvedAddress[], headers: Record<string, string>, policy: FetchPolicy, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const options: https.RequestOptions = {
      host,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers,
      agent: false,
      signal,
      lookup: pinnedLookup(host, addresses),
      ...(secure && !isIP(host) ? { servername: host } : {}),
      ...(secure && policy.ca ? { ca: policy.ca } : {}),
    };
    const request = (secure ? https : http).request(options);
    const connectTimer = setTimeout(() => {
      request.destroy(new IngestError('timeout', `no connection to ${url.host} within ${policy.connectTimeoutMs} ms`, { url: url.href }));
    }, policy.connectTimeoutMs);
    request.on('socket', (socket) => {
      socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    request.on('response', (response) => {
      clearTimeout(connectTimer);
      resolve(response);
    });
    request.on('error', (error) => {
      clearTimeout(connectTimer);
      reject(error);
    });
    request.end();
  });
}

function decoderFor(encoding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress {
  switch (encoding) {
    case 'gzip': case 'x-gzip': return zlib.createGunzip();
    case 'deflate': return zlib.createInflate();
    case 'br': return zlib.createBrotliDecompress();
    default: throw new IngestError('bad-encoding', `the response uses content encoding "${encoding}", which is not supported`);
  }
}

async function readBody(response: IncomingMessage, url: URL, policy: FetchPolicy): Promise<Buffer> {
  const { maxBytes } = policy;
  const tooLarge = () => new IngestError('response-too-large', `the response from ${url.host} is larger than ${maxBytes} bytes`, { url: url.href });
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const encodings = (response.headers['content-encoding'] ?? '')
    .split(',').map((e) => e.trim().toLowerCase()).filter((e) => e !== '' && e !== 'identity');
  let decoders: ReturnType<typeof decoderFor>[];
  try {
    // Content-Encoding lists encodings in the order they were applied; undo them last to first.
    decoders = encodings.reverse().map(decoderFor);
  } catch (error) {
    response.destroy();
    throw error;
  }
  // The compressed bytes count too: a stream that inflates to nothing must not run on forever.
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > maxBytes ? tooLarge() : null, chunk);
    },
  });
  const tail: Readable = decoders.length === 0
    ? response
    : (pipeline as unknown as (...streams: unknown[]) => Readable)(response, counter, ...decoders, () => { /* errors surface through the iteration below */ });
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of tail) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    response.destroy();
    tail.destroy();
    if (error instanceof IngestError || decoders.length === 0) throw error;
    throw new IngestError('bad-encoding', `the response says content encoding ${encodings.join(', ')} but does not decode: ${(error as Error).message}`, { url: url.href });
  }
  return Buffer.concat(chunks, size);
}

function connectError(error: unknown, url: URL, signal: AbortSignal): unknown {
  if (signal.aborted) return signal.reason;
  if (error instanceof IngestError) return error;
  const e = error as NodeJS.ErrnoException;
  return new IngestError('connect-failed', `cannot fetch ${url.href}: ${e.code ? `${e.code} ` : ''}${e.message}`, { url: url.href });
}

export function createFetcher(overrides: Partial<FetchPolicy> = {}): Fetcher {
  const policy: FetchPolicy = { ...DEFAULT_FETCH_POLICY, ...overrides };
  return {
    async fetch(raw, request = {}) {
      const answer = await connect(raw, request, policy, { 'accept-encoding': 'gzip, deflate, br' }, policy.totalTimeoutMs);
      try {
        if (answer.status === 304) return { ...answer.base, status: 304, notModified: true };
        let body: Buffer;
        try {
          body = await readBody(answer.response, new URL(answer.finalUrl), policy);
        } catch (error) {
          throw connectError(error, new URL(answer.finalUrl), answer.signal);
        }
        return { ...answer.base, status: answer.status, notModified: false, body, contentType: answer.response.headers['content-type'] ?? null };
      } finally {
        answer.done();
      }
    },
    async open(raw, request) {
      // Media files: no content coding asked for (audio and video do not compress), so the bytes counted
      // are the bytes stored; the limit and the timeout are the caller's (a file is larger and slower than a feed).
      const answer = await connect(raw, request, policy, { 'accept-encoding': 'identity' }, request.totalTimeoutMs);
      if (answer.status === 304) {
        answer.done();
        throw new IngestError('http-status', `${answer.finalUrl} answered 304 to a request that was not conditional`, { url: answer.finalUrl, status: 304 });
      }
      const url = new URL(answer.finalUrl);
      const tooLarge = () => new IngestError('response-too-large', `the file at ${url.href} is larger than ${request.maxBytes} bytes`, { url: url.href });
      const declared = Number(answer.response.headers['content-length']);
      if (Number.isFinite(declared) && declared > request.maxBytes) {
        answer.response.destroy();
        answer.done();
        throw tooLarge();
      }
      let received = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, next) {
          received += chunk.length;
          next(received > request.maxBytes ? tooLarge() : null, chunk);
        },
      });
      const body = (pipeline as unknown as (...streams: unknown[]) => Readable)(answer.response, counter, (error: unknown) => {
        answer.done();
        if (error && !counter.destroyed) counter.destroy(connectError(error, url, answer.signal) as Error);
      });
      return {
        ...answer.base, status: answer.status, body, contentType: answer.response.headers['content-type'] ?? null,
        contentLength: Number.isFinite(declared) ? declared : null,
      };
    },
  };
}

interface Answer {
  status: number;
  base: ResultBase;
  finalUrl: string;
  response: IncomingMessage;
  signal: AbortSignal;
  /** Clears the timer and the caller's abort listener: call once the body is read or dropped. */
  done(): void;
}

/** Vets, connects and follows redirects up to a final answer: a 2xx (its body unread) or a 304. */
async function connect(
  raw: string, request: FetchRequest, policy: FetchPolicy, extraHeaders: Record<string, string>, totalTimeoutMs: number,
): Promise<Answer> {
  const start = parseTarget(raw);
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new IngestError('timeout', `fetching ${start.href} took longer than ${totalTimeoutMs} ms`, { url: start.href }));
  }, totalTimeoutMs);
  const onCallerAbort = () => controller.abort(request.signal?.reason);
  request.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const done = () => {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onCallerAbort);
  };
  const { signal } = controller;

  const headers: Record<string, string> = {
    'user-agent': policy.userAgent,
    accept: request.accept ?? '*/*',
    ...extraHeaders,
  };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;

  const redirects: Redirect[] = [];
  let url = start;
  try {
    for (;;) {
      const addresses = await vet(url, policy, signal);
      let response: IncomingMessage;
      try {
        response = await send(url, addresses, headers, policy, signal);
      } catch (error) {
        throw connectError(error, url, signal);
      }
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        response.destroy();
        if (redirects.length >= policy.maxRedirects) {
          throw new IngestError('too-many-redirects', `more than ${policy.maxRedirects} redirects fetching ${start.href} (last: ${url.href} → ${location})`, { url: start.href });
        }
        const next = parseTarget(new URL(location, url), url.href);
        if (url.protocol === 'https:' && next.protocol === 'http:' && !policy.allowHttpsDowngrade) {
          throw new IngestError('redirect-refused', `refused a redirect from https to http (${url.href} → ${next.href})`, { url: next.href });
        }
        redirects.push({ status, from: url.href, to: next.href });
        url = next;
        continue;
      }
      const base: ResultBase = {
        url: start.href,
        finalUrl: url.href,
        permanentUrl: redirects.length > 0 && redirects.every((r) => r.status === 301 || r.status === 308) ? url.href : null,
        redirects,
        address: response.socket?.remoteAddress ?? addresses[0]!.address,
        etag: response.headers.etag ?? null,
        lastModified: response.headers['last-modified'] ?? null,
      };
      if (status === 304) {
        response.destroy();
        return { status: 304, base, finalUrl: url.href, response, signal, done };
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw new IngestError('http-status', `${url.href} answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`, { url: url.href, status });
      }
      return { status, base, finalUrl: url.href, response, signal, done };
    }
  } catch (error) {
    done();
    throw error;
  }
}
