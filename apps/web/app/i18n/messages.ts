// Interface text in both languages. Arabic is the first language of the site: every key exists in
// both, and the type makes a missing translation a compile error.
const ar = {
  siteName: 'ثمنية',
  // The Arabic zero (٠) looks like a middle dot, so Arabic lists are separated by the Arabic comma.
  sep: '، ',
  tagline: 'برامج صوتية ومرئية بالعربية والإنجليزية',
  skipToContent: 'انتقل إلى المحتوى',
  mainNav: 'التنقل الرئيسي',
  home: 'الرئيسية',
  categories: 'التصنيفات',
  search: 'بحث',
  searchPlaceholder: 'ابحث عن برنامج أو حلقة أو شخص',
  searchLabel: 'ابحث في البرامج والحلقات',
  suggestions: 'اقتراحات',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  latest: 'أحدث الحلقات',
  featured: 'برامج مختارة',
  forYou: 'مختارات لك',
  moreLikeThis: 'حلقات مشابهة',
  alsoPlayed: 'استمع إليها أيضًا مستمعو هذه الحلقة',
  programs: 'البرامج',
  episodes: 'الحلقات',
  people: 'المشاركون',
  loadMore: 'المزيد من الحلقات',
  loading: 'جارٍ التحميل…',
  subscribe: 'اشترك',
  rssFeed: 'خلاصة RSS',
  copyFeedUrl: 'انسخ رابط الخلاصة',
  copied: 'نُسخ الرابط',
  play: 'تشغيل',
  pause: 'إيقاف مؤقت',
  playEpisode: 'شغّل الحلقة',
  notPlayable: 'لا يتوفر ملف صوتي لهذه الحلقة بعد',
  back15: 'رجوع ١٥ ثانية',
  forward30: 'تقديم ٣٠ ثانية',
  speed: 'سرعة التشغيل',
  seek: 'موضع التشغيل',
  player: 'المشغّل',
  nowPlaying: 'يُشغَّل الآن',
  chapters: 'الفصول',
  episodeNumber: 'الحلقة',
  season: 'الموسم',
  minutes: 'دقيقة',
  notFoundTitle: 'الصفحة غير موجودة',
  notFoundText: 'لم نجد ما تبحث عنه. ربما نُقل أو لم يُنشر بعد.',
  badRequestTitle: 'طلب غير صالح',
  badRequestText: 'في الرابط ما لا يمكن فهمه. عُد إلى الرئيسية أو ابحث من جديد.',
  errorTitle: 'حدث خطأ',
  errorText: 'تعذّر تحميل هذه الصفحة الآن. حاول بعد قليل.',
  unavailableTitle: 'الخدمة غير متاحة مؤقتاً',
  previewBanner: 'معاينة — غير منشور',
  previewBannerText: 'هكذا ستبدو الصفحة بعد النشر. لا يراها إلا من معه هذا الرابط، حتى تنتهي صلاحيته.',
  previewExpiredTitle: 'انتهت صلاحية رابط المعاينة',
  previewInvalidTitle: 'رابط المعاينة غير صالح',
  previewErrorText: 'روابط المعاينة قصيرة العمر وخاصة بعنصر واحد. اطلب رابطاً جديداً من الاستوديو.',
  backHome: 'العودة إلى الرئيسية',
  tryAgain: 'حاول مجدداً',
  results: 'النتائج',
  resultsCount: (n: string) => `${n} نتيجة`,
  noResults: 'لا نتائج. جرّب كلمات أخرى أو أزل بعض المرشحات.',
  filters: 'تصفية النتائج',
  type: 'النوع',
  typeProgram: 'برامج',
  typeEpisode: 'حلقات',
  language: 'اللغة',
  languageAr: 'العربية',
  languageEn: 'الإنجليزية',
  kind: 'الشكل',
  kindPodcast: 'بودكاست',
  kindSeries: 'سلسلة',
  kindDocumentary: 'وثائقي',
  category: 'التصنيف',
  all: 'الكل',
  clearFilters: 'إزالة المرشحات',
  sort: 'الترتيب',
  sortRelevance: 'الأكثر صلة',
  sortNewest: 'الأحدث',
  similarNote: 'لم نجد الكلمات كما كُتبت؛ هذه عناوين قريبة منها.',
  programOf: 'من برنامج',
  appearsIn: 'يشارك في',
  footerData: 'بيانات العرض التجريبي: جمل من Tatoeba (CC BY 2.0 FR).',
  episodesCount: (n: string) => `${n} حلقة`,
  breadcrumb: 'مسار التنقل',
  videoEpisode: 'حلقة مرئية',
  description: 'الوصف',
  role_host: 'مقدّم',
  role_guest: 'ضيف',
} as const;

type Messages = { [K in keyof typeof ar]: (typeof ar)[K] extends (n: string) => string ? (n: string) => string : string };

const en: Messages = {
  siteName: 'Thmnayah',
  sep: ' · ',
  tagline: 'Audio and video programs in Arabic and English',
  skipToContent: 'Skip to content',
  mainNav: 'Main navigation',
  home: 'Home',
  categories: 'Categories',
  search: 'Search',
  searchPlaceholder: 'Search programs, episodes and people',
  searchLabel: 'Search programs and episodes',
  suggestions: 'Suggestions',
  switchLanguage: 'العربية',
  switchLanguageLabel: 'التبديل إلى العربية',
  latest: 'Latest episodes',
  featured: 'Featured programs',
  forYou: 'For you',
  moreLikeThis: 'More like this',
  alsoPlayed: 'Listeners also played',
  programs: 'Programs',
  episodes: 'Episodes',
  people: 'People',
  loadMore: 'More episodes',
  loading: 'Loading…',
  subscribe: 'Subscribe',
  rssFeed: 'RSS feed',
  copyFeedUrl: 'Copy feed URL',
  copied: 'Link copied',
  play: 'Play',
  pause: 'Pause',
  playEpisode: 'Play episode',
  notPlayable: 'No audio for this episode yet',
  back15: 'Back 15 seconds',
  forward30: 'Forward 30 seconds',
  speed: 'Playback speed',
  seek: 'Playback position',
  player: 'Player',
  nowPlaying: 'Now playing',
  chapters: 'Chapters',
  episodeNumber: 'Episode',
  season: 'Season',
  minutes: 'min',
  notFoundTitle: 'Page not found',
  notFoundText: 'We could not find what you were looking for. It may have moved or not be published yet.',
  badRequestTitle: 'Bad request',
  badRequestText: 'Something in this link cannot be understood. Go back home or search again.',
  errorTitle: 'Something went wrong',
  errorText: 'This page could not be loaded right now. Please try again shortly.',
  unavailableTitle: 'Temporarily unavailable',
  previewBanner: 'Preview — not published',
  previewBannerText: 'This is how the page will look once published. Only people with this link can see it, until it expires.',
  previewExpiredTitle: 'This preview link has expired',
  previewInvalidTitle: 'This preview link is not valid',
  previewErrorText: 'Preview links are short-lived and made for one item. Ask the studio for a new one.',
  backHome: 'Back to home',
  tryAgain: 'Try again',
  results: 'Results',
  resultsCount: (n: string) => `${n} results`,
  noResults: 'No results. Try other words or remove some filters.',
  filters: 'Filter results',
  type: 'Type',
  typeProgram: 'Programs',
  typeEpisode: 'Episodes',
  language: 'Language',
  languageAr: 'Arabic',
  languageEn: 'English',
  kind: 'Format',
  kindPodcast: 'Podcast',
  kindSeries: 'Series',
  kindDocumentary: 'Documentary',
  category: 'Category',
  all: 'All',
  clearFilters: 'Clear filters',
  sort: 'Sort',
  sortRelevance: 'Most relevant',
  sortNewest: 'Newest',
  similarNote: 'The words were not found as typed; these titles are close to them.',
  programOf: 'From',
  appearsIn: 'Appears in',
  footerData: 'Demo catalogue: sentences from Tatoeba (CC BY 2.0 FR).',
  episodesCount: (n: string) => `${n} episodes`,
  breadcrumb: 'Breadcrumb',
  videoEpisode: 'Video episode',
  description: 'Description',
  role_host: 'Host',
  role_guest: 'Guest',
};

export const LOCALES = ['ar', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const MESSAGES: Record<Locale, Messages> = { ar: ar as unknown as Messages, en };
export type { Messages };

export function isLocale(value: string | undefined): value is Locale {
  return value === 'ar' || value === 'en';
}

/** Where the locale sits in a path's segments: /ar/... for the site, /studio/ar/... for the studio. */
export function localeSegment(pathname: string): number {
  return pathname.split('/')[1] === 'studio' ? 2 : 1;
}

/** The locale a path is in (its locale segment), Arabic when it names none. */
export function localeOfPath(pathname: string): Locale {
  const segment = pathname.split('/')[localeSegment(pathname)];
  return isLocale(segment) ? segment : 'ar';
}

/** The best locale for an Accept-Language header (q-values honoured), Arabic when neither is asked for. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return 'ar';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      // A q that is not a number makes the entry malformed (NaN), and it is dropped below.
      const q = params.map((p) => /^\s*q=(.*)$/.exec(p)?.[1]?.trim()).find((v) => v !== undefined);
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : /^[0-9.]+$/.test(q) ? Number(q) : Number.NaN, index };
    })
    .filter((entry) => entry.q > 0 && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'ar' || primary === 'en') return primary;
  }
  return 'ar';
}
