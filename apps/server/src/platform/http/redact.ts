// URLs as they may be logged (issue 15, defect 7). Some URLs carry their own authorisation: /play links a
// token in the path (media/api/playback.ts), local signed URLs a `signature` (storage/url-signer.ts), S3 presigned
// URLs `X-Amz-Signature` and credentials. Logged at info level, they could be reused by anyone who reads the
// logs, so the logger's request serializer writes them with those parts replaced; the rest stays readable.

const REDACTED = '[redacted]';
/** /play/<asset>/<job>/<token>/... — the third segment after /play is the token. */
const PLAY_TOKEN = /^(\/play\/[^/?]+\/[^/?]+\/)([^/?]+)/;
/**
 * Query parameters that authorise a request, compared case-insensitively; and `listener`, the anonymous
 * listener id of recommendations (recommendations/routes.ts), which must not end up in logs beside addresses.
 */
export const SECRET_QUERY_PARAMS = ['signature', 'x-amz-signature', 'x-amz-credential', 'x-amz-security-token', 'token', 'access_token', 'listener'] as const;
const SECRET_PARAMS = new Set<string>(SECRET_QUERY_PARAMS);

export function redactUrl(url: string): string {
  let out = url.replace(PLAY_TOKEN, `$1${REDACTED}`);
  const q = out.indexOf('?');
  if (q < 0) return out;
  // By hand rather than URLSearchParams, which would re-encode (and so change) the parameters kept.
  const query = out.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    return SECRET_PARAMS.has(safeDecode(name).toLowerCase()) ? `${name}=${REDACTED}` : pair;
  });
  out = `${out.slice(0, q)}?${query.join('&')}`;
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
