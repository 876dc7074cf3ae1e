// Head tags for a public page, as React Router meta descriptors: title, description, canonical URL,
// hreflang alternates (ar, en, x-default), Open Graph and Twitter cards, and JSON-LD. Crawlers and link
// previews read them from the server-rendered HTML.
import type { MetaDescriptor } from 'react-router';
import type { Locale } from '../i18n/messages';
import { MESSAGES } from '../i18n/messages';

export interface PageSeo {
  locale: Locale;
  origin: string;
  /** The path without its locale, e.g. /programs/fenjan */
  path: string;
  title: string;
  description: string;
  image?: string | null;
  type?: 'website' | 'music.playlist' | 'music.song' | 'profile' | 'video.episode';
  jsonLd?: Record<string, unknown>[];
  noindex?: boolean;
}

export function absolute(origin: string, url: string): string {
  try {
    return new URL(url, origin).href;
  } catch {
    return url;
  }
}

/** Descriptions are cut at a word boundary for previews (about 160 characters). */
export function summary(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

export function pageMeta(seo: PageSeo): MetaDescriptor[] {
  const site = MESSAGES[seo.locale].siteName;
  const url = `${seo.origin}/${seo.locale}${seo.path === '/' ? '' : seo.path}`;
  const alternate = (locale: Locale) => `${seo.origin}/${locale}${seo.path === '/' ? '' : seo.path}`;
  const title = seo.title === site ? site : `${seo.title} · ${site}`;
  const description = summary(seo.description);
  const image = seo.image ? absolute(seo.origin, seo.image) : undefined;
  const tags: MetaDescriptor[] = [
    { title },
    { name: 'description', content: description },
    { tagName: 'link', rel: 'canonical', href: url },
    { tagName: 'link', rel: 'alternate', hrefLang: 'ar', href: alternate('ar') },
    { tagName: 'link', rel: 'alternate', hrefLang: 'en', href: alternate('en') },
    { tagName: 'link', rel: 'alternate', hrefLang: 'x-default', href: alternate('ar') },
    { property: 'og:site_name', content: site },
    { property: 'og:type', content: seo.type ?? 'website' },
    { property: 'og:title', content: seo.title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: url },
    { property: 'og:locale', content: seo.locale === 'ar' ? 'ar_AR' : 'en_GB' },
    { property: 'og:locale:alternate', content: seo.locale === 'ar' ? 'en_GB' : 'ar_AR' },
    { name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: seo.title },
    { name: 'twitter:description', content: description },
  ];
  if (image) tags.push({ property: 'og:image', content: image }, { name: 'twitter:image', content: image });
  if (seo.noindex) tags.push({ name: 'robots', content: 'noindex' });
  for (const ld of seo.jsonLd ?? []) tags.push({ 'script:ld+json': ld });
  return tags;
}

export function breadcrumbs(origin: string, locale: Locale, items: { name: string; path: string }[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: `${origin}/${locale}${item.path === '/' ? '' : item.path}`,
    })),
  };
}

/** ISO 8601 duration (PT1H2M3S) for schema.org. */
export function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}
