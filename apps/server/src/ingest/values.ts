// Reading the loosely written values of feeds: durations, flags, dates, numbers, media types, URLs.
// Every reader returns null for what it cannot read (the mapper then records a warning); none throws.

/** itunes:duration in its forms: "1339", "1339.5", "22:19", "1:02:03", "01:02:03.5". Seconds, rounded. */
export function parseDuration(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const text = raw.trim();
  if (!/^\d+(?:\.\d+)?$|^\d+(?::\d{1,2}){1,2}(?:\.\d+)?$/.test(text)) return null;
  const parts = text.split(':').map(Number);
  let seconds = 0;
  for (const part of parts) seconds = seconds * 60 + part;
  // Read as written even when a part is 60 or more ("75:30", "00:60:05"): the meaning is clear.
  const rounded = Math.round(seconds);
  return Number.isFinite(rounded) ? rounded : null;
}

/** itunes:explicit: yes/true/explicit mean explicit; no/false/clean mean not. Anything else: unknown. */
export function parseExplicit(raw: string | undefined): boolean | null {
  switch (raw?.trim().toLowerCase()) {
    case 'yes': case 'true': case 'explicit': return true;
    case 'no': case 'false': case 'clean': return false;
    default: return null;
  }
}

export type EpisodeTypeValue = 'full' | 'trailer' | 'bonus';

export function parseEpisodeType(raw: string | undefined): EpisodeTypeValue | null {
  const value = raw?.trim().toLowerCase();
  return value === 'full' || value === 'trailer' || value === 'bonus' ? value : null;
}

/** A whole number written as digits (podcast:episode may be "2.5": not a whole number, so null). */
export function parseWholeNumber(raw: string | undefined): number | null {
  const text = raw?.trim();
  if (!text || !/^\d{1,9}$/.test(text)) return null;
  return Number(text);
}

export function parseFlag(raw: string | undefined): boolean | null {
  const value = raw?.trim().toLowerCase();
  if (value === 'yes' || value === 'true') return true;
  if (value === 'no' || value === 'false') return false;
  return null;
}

/**
 * RFC 822 dates of RSS ("Mon, 24 Nov 2014 13:00:00 -0000", "... EST", "... GMT") and ISO 8601 ones of
 * Atom. V8's Date parser reads both, named US zones included; we only guard against nonsense years.
 */
export function parseDate(raw: string | undefined): string | null {
  const text = raw?.trim();
  if (!text) return null;
  // Some feeds write "Tue, 7 Jan 2019 17:19:19 +0100 (CET)" or a trailing "Z" after a zone.
  const time = Date.parse(text.replace(/\s*\([^)]*\)\s*$/, ''));
  if (Number.isNaN(time)) return null;
  const year = new Date(time).getUTCFullYear();
  if (year < 1990 || year > 2200) return null;
  return new Date(time).toISOString();
}

const EXTENSION_TYPES: Record<string, string> = {
  mp3: 'audio/mpeg', m4a: 'audio/mp4', aac: 'audio/aac', ogg: 'audio/ogg', oga: 'audio/ogg', opus: 'audio/opus',
  wav: 'audio/wav', flac: 'audio/flac', mp4: 'video/mp4', m4v: 'video/x-m4v', mov: 'video/quicktime', webm: 'video/webm',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif',
  vtt: 'text/vtt', srt: 'application/x-subrip', json: 'application/json', html: 'text/html', txt: 'text/plain',
};
// Non-standard names feeds use for standard types.
const TYPE_ALIASES: Record<string, string> = { 'audio/mp3': 'audio/mpeg', 'audio/x-mp3': 'audio/mpeg', 'audio/mpeg3': 'audio/mpeg', 'audio/x-m4a': 'audio/mp4', 'audio/m4a': 'audio/mp4', 'image/jpg': 'image/jpeg' };
const MIME = /^[a-z]+\/[a-zA-Z0-9.+_-]+$/;

/** The CMS accepts `type/subtype` only: parameters dropped, aliases resolved, else guessed from the URL. */
export function mediaType(raw: string | undefined, url: string): string | null {
  const given = raw?.split(';')[0]?.trim().toLowerCase();
  if (given && MIME.test(given) && given !== 'application/octet-stream') return Object.hasOwn(TYPE_ALIASES, given) ? TYPE_ALIASES[given]! : given;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch { /* not a URL: try the raw string */ }
  const extension = /\.([A-Za-z0-9]{2,5})$/.exec(path)?.[1]?.toLowerCase();
  const guessed = extension && Object.hasOwn(EXTENSION_TYPES, extension) ? EXTENSION_TYPES[extension] : undefined;
  if (guessed) return guessed;
  return given && MIME.test(given) ? given : null;
}

/** An absolute http(s) URL the CMS accepts (at most 2048 characters), resolved against `base`. */
export function httpUrl(raw: string | undefined, base?: string): string | null {
  const text = raw?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const href = url.href;
  return href.length <= 2048 ? href : null;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN = /[A-Za-z\u00C0-\u024F]/g;

/**
 * The content model knows two languages, ar and en. A feed's `<language>` (en-us, ar-SA) is read by its
 * primary subtag; a feed in any other language, or one that gives none, is judged by its script.
 */
export function contentLanguage(declared: string | undefined, sample: string): { language: 'ar' | 'en'; supported: boolean } {
  const primary = declared?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'ar' || primary === 'en') return { language: primary, supported: true };
  const arabic = sample.match(ARABIC)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  return { language: arabic > latin ? 'ar' : 'en', supported: false };
}
