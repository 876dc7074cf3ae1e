// Interface text of the studio's search analytics screen, Arabic first; kept apart so the analytics
// screens' words stay together. The type makes a missing English string a compile error.
import { useLocale } from '../i18n/use-locale';

const ar = {
  searchAnalytics: 'تحليلات البحث',
  searchAnalyticsIntro: 'ما يبحث عنه الزوار في الموقع، وما لا يجدون له نتيجة، وكم مرة يختارون نتيجة. تُجمع عبارات البحث بصيغتها المعيارية (المكتبة ومكتبه بحث واحد)، ولا يُحفظ أي معرّف للزائر.',
  view: 'العرض',
  view_searches: 'الأكثر بحثًا',
  view_zero: 'بلا نتائج',
  view_ctr: 'أدنى نسبة نقر',
  totalSearches: 'عمليات البحث',
  totalZero: 'بلا نتائج',
  totalClicks: 'نقرات على النتائج',
  totalCtr: 'نسبة النقر',
  totalQueries: 'عبارات مختلفة',
  query: 'عبارة البحث',
  normalised: 'الصيغة المعيارية',
  searches: 'مرات البحث',
  zeroResults: 'بلا نتائج',
  meanResults: 'متوسط النتائج',
  clicks: 'النقرات',
  ctr: 'نسبة النقر',
  meanRank: 'متوسط ترتيب النتيجة المختارة',
  latency: 'متوسط زمن الإجابة (مللي ثانية)',
  noQueries: 'لا عمليات بحث في هذه الفترة.',
  ctrNote: 'نسبة النقر: النقرات لكل عملية بحث (بحد أقصى 100٪)، للعبارات التي بُحث عنها 5 مرات على الأقل ووجدت نتائج.',
};

type Messages = typeof ar;

const en: Messages = {
  searchAnalytics: 'Search analytics',
  searchAnalyticsIntro: 'What visitors search for on the site, what finds nothing, and how often they choose a result. Searches are grouped by their normal form (“Libraries” and “library” are one query); no visitor identifier is kept.',
  view: 'View',
  view_searches: 'Top queries',
  view_zero: 'No results',
  view_ctr: 'Lowest click-through',
  totalSearches: 'Searches',
  totalZero: 'No results',
  totalClicks: 'Clicks on results',
  totalCtr: 'Click-through',
  totalQueries: 'Distinct queries',
  query: 'Query',
  normalised: 'Normal form',
  searches: 'Searches',
  zeroResults: 'No results',
  meanResults: 'Mean results',
  clicks: 'Clicks',
  ctr: 'Click-through',
  meanRank: 'Mean rank clicked',
  latency: 'Mean answer time (ms)',
  noQueries: 'No searches in this period.',
  ctrNote: 'Click-through: clicks per search (at most 100 %), for queries searched at least 5 times with results.',
};

const SEARCH_ANALYTICS_MESSAGES = { ar: ar as unknown as Messages, en };

export function useSearchAnalyticsMessages(): Messages {
  return SEARCH_ANALYTICS_MESSAGES[useLocale().locale];
}
