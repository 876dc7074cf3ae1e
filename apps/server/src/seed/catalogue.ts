// The demo catalogue's shape: themed programs whose episodes are real Arabic and English sentences
// from Tatoeba (CC BY 2.0 FR), each carrying its attribution. Deterministic: the same input always
// gives the same catalogue, so seeding twice changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../paths.js';

export interface SentencePair {
  en: string;
  ar: string;
  en_id: number;
  en_author: string;
  ar_id: number;
  ar_author: string;
  license: string;
}

export interface CategorySeed {
  slug: string;
  nameAr: string;
  nameEn: string;
  parent?: string;
}

export interface ThemeSeed {
  slug: string;
  language: 'ar' | 'en';
  kind: 'podcast' | 'series' | 'documentary';
  title: string;
  description: string;
  category: string;
  tags: string[];
  /** English keywords that pick the theme's sentences. */
  keywords: string;
}

export const CATEGORIES: CategorySeed[] = [
  { slug: 'culture', nameAr: 'ثقافة', nameEn: 'Culture' },
  { slug: 'books', nameAr: 'كتب', nameEn: 'Books', parent: 'culture' },
  { slug: 'arts', nameAr: 'فنون', nameEn: 'Arts', parent: 'culture' },
  { slug: 'society', nameAr: 'مجتمع', nameEn: 'Society' },
  { slug: 'family', nameAr: 'أسرة', nameEn: 'Family', parent: 'society' },
  { slug: 'work', nameAr: 'عمل', nameEn: 'Work', parent: 'society' },
  { slug: 'life', nameAr: 'حياة يومية', nameEn: 'Everyday life' },
  { slug: 'travel', nameAr: 'سفر', nameEn: 'Travel', parent: 'life' },
  { slug: 'food', nameAr: 'طعام', nameEn: 'Food', parent: 'life' },
  { slug: 'science', nameAr: 'علوم', nameEn: 'Science' },
  { slug: 'health', nameAr: 'صحة', nameEn: 'Health', parent: 'science' },
  { slug: 'technology', nameAr: 'تقنية', nameEn: 'Technology', parent: 'science' },
  { slug: 'language', nameAr: 'لغة', nameEn: 'Language' },
  { slug: 'sports', nameAr: 'رياضة', nameEn: 'Sports' },
];

export const THEMES: ThemeSeed[] = [
  { slug: 'bayn-al-kutub', language: 'ar', kind: 'podcast', title: 'بين الكتب', description: 'حديث عن القراءة والكتب والمكتبات.', category: 'books', tags: ['كتب', 'قراءة'], keywords: 'book|books|read|reading|library|novel' },
  { slug: 'ala-al-maida', language: 'ar', kind: 'podcast', title: 'على المائدة', description: 'عن الطعام والطبخ ووجبات اليوم.', category: 'food', tags: ['طعام', 'طبخ'], keywords: 'eat|ate|food|cook|dinner|breakfast|lunch|hungry' },
  { slug: 'rihla', language: 'ar', kind: 'series', title: 'رحلة', description: 'سلسلة عن السفر والقطارات والمطارات.', category: 'travel', tags: ['سفر'], keywords: 'train|travel|airport|trip|plane|journey' },
  { slug: 'al-usra', language: 'ar', kind: 'podcast', title: 'الأسرة', description: 'أحاديث عن الأم والأب والإخوة والبيت.', category: 'family', tags: ['أسرة'], keywords: 'mother|father|family|brother|sister|parents' },
  { slug: 'fi-al-maktab', language: 'ar', kind: 'podcast', title: 'في المكتب', description: 'عن العمل والوظيفة وزملاء المكتب.', category: 'work', tags: ['عمل'], keywords: 'work|job|office|boss|company' },
  { slug: 'al-madrasa', language: 'ar', kind: 'series', title: 'المدرسة', description: 'سلسلة عن المدرسة والمعلمين والطلاب.', category: 'society', tags: ['تعليم'], keywords: 'school|study|teacher|student|class|exam' },
  { slug: 'al-taqs', language: 'ar', kind: 'podcast', title: 'الطقس اليوم', description: 'المطر والثلج والحر والبرد.', category: 'life', tags: ['طقس'], keywords: 'rain|snow|weather|cold|hot|wind' },
  { slug: 'nagham', language: 'ar', kind: 'podcast', title: 'نغم', description: 'عن الموسيقى والغناء والآلات.', category: 'arts', tags: ['موسيقى'], keywords: 'music|song|sing|piano|guitar|violin' },
  { slug: 'sihhatak', language: 'ar', kind: 'documentary', title: 'صحتك', description: 'وثائقي عن الطبيب والمستشفى والدواء.', category: 'health', tags: ['صحة'], keywords: 'doctor|sick|hospital|health|medicine|ill' },
  { slug: 'al-souq', language: 'ar', kind: 'podcast', title: 'السوق', description: 'عن المال والشراء والأسعار.', category: 'life', tags: ['مال', 'تسوق'], keywords: 'money|buy|bought|price|pay|expensive|cheap' },
  { slug: 'hayawanat', language: 'ar', kind: 'documentary', title: 'عالم الحيوان', description: 'وثائقي عن الكلاب والقطط والخيول والطيور.', category: 'science', tags: ['حيوانات'], keywords: 'dog|cat|animal|horse|bird|fish' },
  { slug: 'mashaer', language: 'ar', kind: 'podcast', title: 'مشاعر', description: 'عن الفرح والحزن والخوف والغضب.', category: 'society', tags: ['مشاعر'], keywords: 'happy|sad|afraid|angry|glad|worried' },
  { slug: 'sadaqa', language: 'ar', kind: 'podcast', title: 'صداقة', description: 'عن الأصدقاء والحب والزواج.', category: 'society', tags: ['صداقة'], keywords: 'friend|friends|love|marry|married' },
  { slug: 'al-waqt', language: 'ar', kind: 'series', title: 'الوقت', description: 'سلسلة عن الساعة والمواعيد والتأخير.', category: 'life', tags: ['وقت'], keywords: 'time|clock|hour|minute|late|early' },
  { slug: 'al-madina', language: 'ar', kind: 'documentary', title: 'المدينة', description: 'وثائقي عن المدن والبيوت والشوارع.', category: 'life', tags: ['مدن'], keywords: 'city|house|home|room|street|town' },
  { slug: 'al-lugha', language: 'ar', kind: 'podcast', title: 'لغتي', description: 'عن اللغات: العربية والإنجليزية والفرنسية.', category: 'language', tags: ['لغة', 'عربية'], keywords: 'language|arabic|english|french|speak|word' },
  { slug: 'on-the-road', language: 'en', kind: 'podcast', title: 'On the Road', description: 'Cars, buses and the roads between.', category: 'travel', tags: ['travel', 'cars'], keywords: 'car|drive|bus|road|taxi' },
  { slug: 'letters', language: 'en', kind: 'series', title: 'Letters', description: 'Writing, letters, pens and paper.', category: 'culture', tags: ['writing'], keywords: 'letter|write|wrote|pen|paper' },
  { slug: 'night-shift', language: 'en', kind: 'podcast', title: 'Night Shift', description: 'Sleep, dreams and the night.', category: 'life', tags: ['sleep'], keywords: 'sleep|dream|night|bed|tired' },
  { slug: 'game-day', language: 'en', kind: 'podcast', title: 'Game Day', description: 'Football, tennis, swimming and play.', category: 'sports', tags: ['sports'], keywords: 'game|play|football|tennis|swim|sport|soccer' },
  { slug: 'screen-time', language: 'en', kind: 'podcast', title: 'Screen Time', description: 'Films, television and what we watch.', category: 'arts', tags: ['film', 'tv'], keywords: 'movie|film|watch|television|tv' },
  { slug: 'connected', language: 'en', kind: 'documentary', title: 'Connected', description: 'Computers, phones and the internet.', category: 'technology', tags: ['technology'], keywords: 'computer|phone|internet|email|telephone' },
  { slug: 'green-world', language: 'en', kind: 'documentary', title: 'Green World', description: 'Seas, rivers, trees and mountains.', category: 'science', tags: ['nature'], keywords: 'sea|river|tree|mountain|flower|garden|lake' },
  { slug: 'kings-and-wars', language: 'en', kind: 'series', title: 'Kings and Wars', description: 'History, countries and the people who ruled them.', category: 'culture', tags: ['history'], keywords: 'war|king|history|country|queen|president' },
];

const EPISODES_PER_PROGRAM = 25;

export function loadSentences(): SentencePair[] {
  return readFileSync(join(fixturesDir, 'tatoeba', 'tatoeba-ara-eng.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SentencePair);
}

export function attribution(pair: SentencePair): string {
  return `Tatoeba #${pair.ar_id} (${pair.ar_author}) & #${pair.en_id} (${pair.en_author}), CC BY 2.0 FR — tatoeba.org`;
}

/** Assigns each theme its sentences: each sentence to at most one episode, first theme wins. */
export function assignSentences(pairs: SentencePair[]): Map<string, SentencePair[]> {
  const used = new Set<number>();
  const byTheme = new Map<string, SentencePair[]>();
  for (const theme of THEMES) {
    const pattern = new RegExp(`\\b(${theme.keywords})\\b`, 'i');
    const picked: SentencePair[] = [];
    const seenTitles = new Set<string>();
    for (const pair of pairs) {
      if (picked.length >= EPISODES_PER_PROGRAM) break;
      const title = theme.language === 'ar' ? pair.ar : pair.en;
      if (used.has(pair.ar_id) || seenTitles.has(title) || pair.en.length < 12 || !pattern.test(pair.en)) continue;
      used.add(pair.ar_id);
      seenTitles.add(title);
      picked.push(pair);
    }
    byTheme.set(theme.slug, picked);
  }
  return byTheme;
}
