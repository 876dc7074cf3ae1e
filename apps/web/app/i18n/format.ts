// Numbers, dates and durations per locale through Intl: Arabic pages use Arabic-Indic digits and
// Arabic month names (ar-EG-u-nu-arab), English pages Western digits. The time zone is fixed to UTC for
// server rendering so the HTML a crawler gets matches what the browser hydrates.
import type { Locale } from './messages';

const TAG: Record<Locale, string> = { ar: 'ar-EG-u-nu-arab', en: 'en-GB' };

const numberFormats = new Map<Locale, Intl.NumberFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

export function formatNumber(locale: Locale, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(TAG[locale])));
  return format.format(value);
}

export function formatDate(locale: Locale, iso: string): string {
  let format = dateFormats.get(locale);
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(TAG[locale], { dateStyle: 'long', timeZone: 'UTC' })));
  return format.format(new Date(iso));
}

/** 1:02:03 or 12:34, with the locale's digits (the player's clock). */
export function formatClock(locale: Locale, seconds: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => formatNumber(locale, n).padStart(2, formatNumber(locale, 0));
  return h > 0 ? `${formatNumber(locale, h)}:${two(m)}:${two(sec)}` : `${formatNumber(locale, m)}:${two(sec)}`;
}

/** "45 min" / "٤٥ دقيقة" for episode lists. */
export function formatMinutes(locale: Locale, seconds: number | null, word: string): string | null {
  if (seconds === null) return null;
  return `${formatNumber(locale, Math.max(1, Math.round(seconds / 60)))} ${word}`;
}
