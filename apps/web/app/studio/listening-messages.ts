// Interface text of the studio's Listening screen, Arabic first; the type makes a missing English string
// a compile error.
import { useLocale } from '../i18n/use-locale';

const ar = {
  listening: 'الاستماع',
  intro: 'أكثر الحلقات استماعًا في الفترة، ومنحنى الحلقة المختارة ساعةً بساعة أو يومًا بيوم (بتوقيت UTC).',
  topEpisodes: 'الحلقات الأكثر استماعًا',
  noListening: 'لا استماع مسجّل في هذه الفترة.',
  episode: 'الحلقة',
  program: 'البرنامج',
  plays: 'مرات التشغيل',
  downloads: 'التنزيلات',
  listeners: 'مستمعون فريدون',
  completionRate: 'نسبة الإكمال',
  minutes: 'دقائق الاستماع',
  show: (title: string) => `اعرض منحنى «${title}»`,
  chartOf: (title: string) => `الاستماع إلى «${title}»`,
  chartSummary: (plays: string, listeners: string, peak: string) => `${plays} تشغيلًا و${listeners} مستمعًا فريدًا؛ الذروة ${peak}.`,
  time: 'الوقت',
  seriesTable: 'الأرقام في جدول',
  platforms: 'حسب المنصة',
  platform: 'المنصة',
  none: '—',
};

type Messages = { [K in keyof typeof ar]: (typeof ar)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const en: Messages = {
  listening: 'Listening',
  intro: 'The most played episodes of the period, and the chosen episode hour by hour or day by day (UTC).',
  topEpisodes: 'Most played episodes',
  noListening: 'No listening recorded in this period.',
  episode: 'Episode',
  program: 'Program',
  plays: 'Plays',
  downloads: 'Downloads',
  listeners: 'Unique listeners',
  completionRate: 'Completion rate',
  minutes: 'Minutes listened',
  show: (title: string) => `Show the chart of “${title}”`,
  chartOf: (title: string) => `Listening to “${title}”`,
  chartSummary: (plays: string, listeners: string, peak: string) => `${plays} plays and ${listeners} unique listeners; the peak was ${peak}.`,
  time: 'Time',
  seriesTable: 'The numbers as a table',
  platforms: 'By platform',
  platform: 'Platform',
  none: '—',
};

const LISTENING_MESSAGES = { ar: ar as unknown as Messages, en };

export function useListeningMessages(): Messages {
  return LISTENING_MESSAGES[useLocale().locale];
}
