import { useLocation } from 'react-router';
import { MESSAGES, localeOfPath, localeSegment, type Locale, type Messages } from './messages';

/** The page's locale (from its URL) and its messages. Works on error pages too (no loader data needed). */
export function useLocale(): { locale: Locale; t: Messages; dir: 'rtl' | 'ltr' } {
  const locale = localeOfPath(useLocation().pathname);
  return { locale, t: MESSAGES[locale], dir: locale === 'ar' ? 'rtl' : 'ltr' };
}

/** The same path in the other locale (query kept), for the language switch and hreflang. */
export function switchLocalePath(pathname: string, search: string, to: Locale): string {
  const parts = pathname.split('/');
  const at = localeSegment(pathname);
  if (parts[at] === 'ar' || parts[at] === 'en') parts[at] = to;
  else parts.splice(at, 0, to);
  return `${parts.join('/').replace(/\/$/, '') || `/${to}`}${search}`;
}
