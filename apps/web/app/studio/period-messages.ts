// The period choice the studio's analytics screens share (Listening, Search analytics): one wording in
// each language, so the two screens name the same span the same way.
import { useLocale } from '../i18n/use-locale';

interface PeriodMessages {
  period: string;
  /** "Last 24 hours" for one day, else "Last N days". */
  lastDays: (days: number) => string;
}

const arabic = new Intl.NumberFormat('ar-EG');

const PERIOD_MESSAGES: Record<'ar' | 'en', PeriodMessages> = {
  ar: {
    period: 'الفترة',
    // Arabic counts: 3–10 take a plural (أيام), 11 and more a singular accusative (يومًا). Numerals as the
    // screens' tables write them (Arabic-Indic).
    lastDays: (days) => (days === 1 ? `آخر ${arabic.format(24)} ساعة` : days <= 10 ? `آخر ${arabic.format(days)} أيام` : `آخر ${arabic.format(days)} يومًا`),
  },
  en: {
    period: 'Period',
    lastDays: (days) => (days === 1 ? 'Last 24 hours' : `Last ${days} days`),
  },
};

export function usePeriodMessages(): PeriodMessages {
  return PERIOD_MESSAGES[useLocale().locale];
}
