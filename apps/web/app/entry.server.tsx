// Server rendering: the whole page is rendered before the response starts (onAllReady), because the
// web role caches each page's HTML per read-model generation and crawlers want it complete anyway.
import { PassThrough } from 'node:stream';
import type { EntryContext } from 'react-router';
import { ServerRouter } from 'react-router';
import { renderToPipeableStream } from 'react-dom/server';

export const streamTimeout = 5_000;

export default function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext) {
  return new Promise<Response>((resolve, reject) => {
    let failed = false;
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={context} url={request.url} />, {
      onAllReady() {
        const chunks: Buffer[] = [];
        const sink = new PassThrough();
        sink.on('data', (chunk: Buffer) => chunks.push(chunk));
        sink.on('end', () => {
          headers.set('content-type', 'text/html; charset=utf-8');
          resolve(new Response(Buffer.concat(chunks), { status: failed ? 500 : status, headers }));
        });
        pipe(sink);
      },
      onShellError: reject,
      onError(error) {
        failed = true;
        if (!request.signal.aborted) console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1_000);
  });
}
