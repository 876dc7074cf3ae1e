// Request, header and idle timeouts, each suited to its route (issue 15, defect 5): a multipart upload
// complete by Content-Length but without its closing boundary got no answer for minutes. These tests talk
// to a real listening server on 127.0.0.1 through raw sockets, with the timeouts shortened by configuration.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createProgram } from '../support/cms.js';

interface Exchange {
  /** Everything the server sent until it closed the connection. */
  text: string;
  /** Whether the server had answered or closed when `checkAfterMs` passed (if asked). */
  earlyState?: { answered: boolean; closed: boolean };
}

/** Sends raw bytes, then waits for the server to close the connection (the test's own timeout bounds it). */
function exchange(port: number, raw: string | Buffer, options: { checkAfterMs?: number } = {}): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let closed = false;
    let earlyState: Exchange['earlyState'];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      closed = true;
      resolve({ text: Buffer.concat(chunks).toString('utf8'), ...(earlyState ? { earlyState } : {}) });
    });
    socket.write(raw);
    if (options.checkAfterMs) setTimeout(() => (earlyState = { answered: chunks.length > 0, closed }), options.checkAfterMs);
  });
}

const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);

describe('timeouts on a listening server', () => {
  let t: TestApp;
  let port: number;
  let token: string;
  let programId: string;

  beforeAll(async () => {
    t = await createTestApp('pglite', {
      env: { HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_IDLE_TIMEOUT_MS: '600', HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_UPLOAD_IDLE_TIMEOUT_MS: '2500', HTTP_UPLOAD_TIMEOUT_MS: '60000' },
    });
    const editor = await t.auth('editor');
    token = editor.authorization!;
    programId = (await createProgram(t, editor, { title: 'Timeouts' })).id;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as { port: number }).port;
  });
  afterAll(() => t?.close());

  it('answers a multipart upload that never closes its form (complete by Content-Length)', async () => {
    const boundary = 'xBOUNDARYx';
    // A file part that starts and never ends: no closing boundary, and nothing more will come.
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n${'A'.repeat(2000)}`;
    const head = `POST /api/cms/assets?ownerType=program&ownerId=${programId}&kind=image HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${token}\r\n` +
      `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
    // Answered as soon as the body is complete (a cut form is a 400), not only when the upload idle time
    // (2.5 s here) would have closed it.
    const { text, earlyState } = await exchange(port, head + body, { checkAfterMs: 1500 });
    // No early state means the exchange had ended (answered and closed) before the check.
    expect(earlyState === undefined || earlyState.answered, text.slice(0, 300)).toBe(true);
    expect(statusOf(text), text.slice(0, 300)).toBe(400);
    expect(text).toMatch(/application\/problem\+json/);
    expect(text).toMatch(/malformed-body/);
  }, 20_000);

  it('times out an API request whose body stops arriving, after the short API idle time', async () => {
    const head = `POST /api/cms/programs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
    const { text } = await exchange(port, `${head}{"title":`);
    expect(statusOf(text), text.slice(0, 300)).toBe(408);
    expect(text).toMatch(/"type":"\/api\/problems#request-timeout"/);
  }, 20_000);

  it('gives an upload longer: still waiting after the API idle time, answered after the upload idle time', async () => {
    const boundary = 'yBOUNDARYy';
    const partial = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nAAAA`;
    const head = `POST /api/cms/assets?ownerType=program&ownerId=${programId}&kind=image HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${token}\r\n` +
      `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 100000\r\n\r\n`;
    const { text, earlyState } = await exchange(port, head + partial, { checkAfterMs: 1500 });
    expect(earlyState).toEqual({ answered: false, closed: false });
    expect(statusOf(text), text.slice(0, 300)).toBe(408);
  }, 20_000);

  it('closes a connection whose headers never end (slowloris)', async () => {
    const { text } = await exchange(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n');
    expect(text === '' || statusOf(text) === 408, text.slice(0, 200)).toBe(true);
  }, 20_000);

  it('keeps answering normal requests on the same server', async () => {
    const { text } = await exchange(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(statusOf(text)).toBe(200);
  }, 20_000);
});
