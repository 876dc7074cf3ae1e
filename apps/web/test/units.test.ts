// The web app's pure functions: language choice, locale paths, number and clock formats, player sources,
// waveform bars, and head-tag helpers.
import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, localeOfPath } from '../app/i18n/messages.js';
import { switchLocalePath } from '../app/i18n/use-locale.js';
import { formatClock, formatMinutes, formatNumber } from '../app/i18n/format.js';
import { sourcesOf, waveformUrl } from '../app/player/sources.js';
import { barHeights } from '../app/player/Waveform.js';
import { isoDuration, pageMeta, summary } from '../app/components/seo.js';

describe('language', () => {
  it('chooses from Accept-Language by q-value, Arabic unless English is preferred', () => {
    expect(localeFromAcceptLanguage(undefined)).toBe('ar');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9,en;q=0.5,ar;q=0.8')).toBe('ar');
    expect(localeFromAcceptLanguage('fr, de')).toBe('ar');
    expect(localeFromAcceptLanguage('ar-SA;q=0, en;q=0.1')).toBe('en');
    expect(localeFromAcceptLanguage('en;q=abc, ar')).toBe('ar');
  });

  it('reads the locale from the path and switches it, keeping the rest', () => {
    expect(localeOfPath('/en/programs/x')).toBe('en');
    expect(localeOfPath('/fr/x')).toBe('ar');
    expect(switchLocalePath('/ar/search', '?q=كتاب', 'en')).toBe('/en/search?q=كتاب');
    expect(switchLocalePath('/ar', '', 'en')).toBe('/en');
    expect(switchLocalePath('/programs/x', '', 'en')).toBe('/en/programs/x');
  });
});

describe('formats', () => {
  it('uses Arabic-Indic digits on Arabic pages', () => {
    expect(formatNumber('ar', 2026)).toBe('٢٬٠٢٦');
    expect(formatNumber('en', 2026)).toBe('2,026');
    expect(formatClock('en', 3723)).toBe('1:02:03');
    expect(formatClock('en', 75)).toBe('1:15');
    expect(formatClock('ar', 75)).toBe('١:١٥');
    expect(formatClock('en', Number.NaN)).toBe('0:00');
    expect(formatMinutes('en', 29, 'min')).toBe('1 min');
    expect(formatMinutes('en', null, 'min')).toBeNull();
  });
});

describe('player sources', () => {
  const base = 'http://h/play/a/j/TOKEN';
  it('prefers HLS, keeps the MP3 as fallback, and finds the waveform beside the HLS rendition', () => {
    const s = sourcesOf([
      { kind: 'audio', url: `${base}/audio-hls/hls/master.m3u8`, mimeType: 'application/vnd.apple.mpegurl', byteSize: null },
      { kind: 'audio', url: `${base}/audio-mp3/audio.mp3`, mimeType: 'audio/mpeg', byteSize: 1 },
    ]);
    expect(s).toMatchObject({ hls: `${base}/audio-hls/hls/master.m3u8`, progressive: `${base}/audio-mp3/audio.mp3`, video: false, waveform: `${base}/waveform/waveform.json` });
    expect(waveformUrl('https://cdn.example/feed/episode.m3u8')).toBeUndefined();
    expect(sourcesOf([{ kind: 'video', url: `${base}/video-hls/master.m3u8`, mimeType: 'application/vnd.apple.mpegurl', byteSize: null }]).video).toBe(true);
    expect(sourcesOf([{ kind: 'image', url: 'x', mimeType: 'image/jpeg', byteSize: null }])).toMatchObject({ hls: undefined, progressive: undefined });
  });

  it('folds waveform peaks into bar heights', () => {
    expect(barHeights([], 10)).toEqual([]);
    expect(barHeights([-64, 64, -128, 127, 0, 0, -32, 32], 2)).toEqual([1, 0.25]);
    expect(barHeights([-128, 128], 3)).toHaveLength(3);
  });
});

describe('head tags', () => {
  it('cuts descriptions at a word, and writes ISO 8601 durations', () => {
    expect(summary('short')).toBe('short');
    const long = summary('كلمة '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(161);
    expect(long.endsWith('…')).toBe(true);
    expect(isoDuration(3723)).toBe('PT1H2M3S');
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(120)).toBe('PT2M');
  });

  it('gives canonical, hreflang alternates and og: tags for a path', () => {
    const tags = pageMeta({ locale: 'ar', origin: 'https://t.example', path: '/programs/x', title: 'عنوان', description: 'وصف', image: '/play/a.jpg' });
    expect(tags).toEqual(expect.arrayContaining([
      { title: 'عنوان · ثمنية' },
      { tagName: 'link', rel: 'canonical', href: 'https://t.example/ar/programs/x' },
      { tagName: 'link', rel: 'alternate', hrefLang: 'en', href: 'https://t.example/en/programs/x' },
      { property: 'og:image', content: 'https://t.example/play/a.jpg' },
    ]));
  });
});
