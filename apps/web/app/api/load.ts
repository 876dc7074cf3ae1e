// Loaders turn API answers into page data or into the site's own error pages: a 404 from the API is the
// site's 404 page, a 400 its "bad request" page, anything else (5xx, the API unreachable) a 503 page —
// never a stack trace.
import { data } from 'react-router';

export interface Failure {
  status: number;
  detail?: string;
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
  const status = response.status === 404 || response.status === 400 ? response.status : 503;
  const detail = (result.error as { detail?: string } | undefined)?.detail;
  throw data<Failure>({ status, ...(detail ? { detail } : {}) }, { status, ...(status === 503 ? { headers: { 'retry-after': '5' } } : {}) });
}

export function notFound(): never {
  throw data<Failure>({ status: 404 }, { status: 404 });
}
