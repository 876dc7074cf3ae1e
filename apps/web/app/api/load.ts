// Loaders turn API answers into page data or into the site's own error pages: a 404 from the API is the
// site's 404 page, a 400 its "bad request" page, anything else (5xx, the API unreachable) a 503 page —
// never a stack trace.
import { data } from 'react-router';

export interface Failure {
  status: number;
  detail?: string;
  /** A refused draft preview link (discovery/preview.routes.ts): why — expired, forged, malformed, wrong-item. */
  preview?: string;
}

export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw data<Failure>({ status: 503 }, { status: 503 });
  }
  const { response } = result;
  if (response.ok && result.data !== undefined) return result.data;
  const reason = (result.error as { reason?: unknown } | undefined)?.reason;
  if (response.status === 403 && typeof reason === 'string') throw data<Failure>({ status: 403, preview: reason }, { status: 403 });
  const status = response.status === 404 || response.status === 400 ? response.status : 503;
  const detail = (result.error as { detail?: string } | undefined)?.detail;
  throw data<Failure>({ status, ...(detail ? { detail } : {}) }, { status, ...(status === 503 ? { headers: { 'retry-after': '5' } } : {}) });
}

export function notFound(): never {
  throw data<Failure>({ status: 404 }, { status: 404 });
}

/**
 * The draft preview token of a page request (`?preview=…`, a link made in the studio), or null for the
 * public page. The web role renders such requests per request, no-store and noindex (server web/plugin.ts).
 */
export function previewTokenOf(request: Request): string | null {
  return new URL(request.url).searchParams.get('preview');
}
