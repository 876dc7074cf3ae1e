import { useEffect, useState } from 'react';
import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { apiClient, episodeRow } from '../api/client';
import { must, previewTokenOf } from '../api/load';
import { serverApi } from '../context';
import { MESSAGES, type Locale } from '../i18n/messages';
import { useLocale } from '../i18n/use-locale';
import { Paragraphs } from '../components/Paragraphs';
import { EpisodeRow } from '../components/cards';
import { Artwork } from '../components/Artwork';
import { absolute, breadcrumbs, pageMeta } from '../components/seo';
import { originOf } from './locale';
import { PreviewBanner } from '../components/PreviewBanner';

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  // A studio preview link: the current draft, through the token (never the public read model).
  const token = previewTokenOf(request);
  const { program, episodes } = await must(token !== null
    ? serverApi(context).GET('/api/discovery/preview/programs/{slug}', { params: { path: { slug: params.slug! }, query: { token } } })
    : serverApi(context).GET('/api/discovery/programs/{slug}', { params: { path: { slug: params.slug! } } }));
  return { program, episodes: { items: episodes.items.map(episodeRow), nextCursor: episodes.nextCursor }, preview: token !== null };
}

const SCHEMA_TYPE = { podcast: 'PodcastSeries', series: 'CreativeWorkSeries', documentary: 'CreativeWorkSeries' } as const;

export const meta: MetaFunction<typeof loader> = ({ params, matches, data }) => {
  if (!data) return [];
  const locale = params.lang as Locale;
  const t = MESSAGES[locale];
  const origin = originOf(matches);
  const { program, preview } = data;
  const path = `/programs/${encodeURIComponent(program.slug)}`;
  const crumbs = [{ name: t.home, path: '/' }];
  if (program.category) crumbs.push({ name: locale === 'ar' ? program.category.nameAr : program.category.nameEn, path: `/categories/${encodeURIComponent(program.category.slug)}` });
  crumbs.push({ name: program.title, path });
  return pageMeta({
    locale, origin, path, title: program.title, description: program.description, image: program.artworkUrl, type: 'music.playlist', noindex: preview,
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': SCHEMA_TYPE[program.kind],
        name: program.title,
        description: program.description,
        url: `${origin}/${locale}${path}`,
        inLanguage: program.language,
        ...(program.artworkUrl ? { image: absolute(origin, program.artworkUrl) } : {}),
        webFeed: absolute(origin, program.feedUrl),
        ...(program.people.length ? { author: program.people.map((p) => ({ '@type': 'Person', name: p.name, url: `${origin}/${locale}/people/${encodeURIComponent(p.slug)}` })) } : {}),
      },
      breadcrumbs(origin, locale, crumbs),
    ],
  });
};

export default function Program() {
  const { program, episodes, preview } = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  const [more, setMore] = useState<{ items: ReturnType<typeof episodeRow>[]; cursor: string | null }>({ items: [], cursor: episodes.nextCursor });
  const [loading, setLoading] = useState(false);
  const [copied, setCopied] = useState(false);
  // A client-side navigation to another program starts its list afresh.
  useEffect(() => setMore({ items: [], cursor: episodes.nextCursor }), [program.id, episodes.nextCursor]);

  async function loadMore() {
    if (!more.cursor) return;
    setLoading(true);
    try {
      const { data } = await apiClient().GET('/api/discovery/programs/{slug}/episodes', { params: { path: { slug: program.slug }, query: { cursor: more.cursor, limit: 24 } } });
      if (data) setMore((m) => ({ items: [...m.items, ...data.items.map(episodeRow)], cursor: data.nextCursor }));
    } finally {
      setLoading(false);
    }
  }

  const feedUrl = typeof window === 'undefined' ? program.feedUrl : new URL(program.feedUrl, window.location.href).href;
  return (
    <article className="program" aria-labelledby="program-title">
      {preview ? <PreviewBanner /> : null}
      <header className="program-header">
        <Artwork url={program.artworkUrl} title={program.title} size={200} eager />
        <div>
          {program.category ? (
            <nav aria-label={t.breadcrumb} className="breadcrumb">
              <Link to={`/${locale}/categories/${encodeURIComponent(program.category.slug)}`}>{locale === 'ar' ? program.category.nameAr : program.category.nameEn}</Link>
            </nav>
          ) : null}
          <h1 id="program-title" dir="auto">{program.title}</h1>
          <Paragraphs className="description" text={program.description} />
          {program.people.length > 0 ? (
            <p className="people">
              {program.people.map((person, i) => (
                <span key={`${person.id}-${person.role}`}>
                  {i > 0 ? '، ' : null}
                  <Link to={`/${locale}/people/${encodeURIComponent(person.slug)}`} dir="auto">{person.name}</Link>
                </span>
              ))}
            </p>
          ) : null}
          <div className="subscribe" role="group" aria-label={t.subscribe}>
            <a className="button" href={program.feedUrl} type="application/rss+xml">{t.rssFeed}</a>
            <button
              type="button"
              className="button secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(feedUrl).catch(() => {});
                setCopied(true);
                setTimeout(() => setCopied(false), 2000);
              }}
            >
              {t.copyFeedUrl}
            </button>
            <span role="status" className="muted">{copied ? t.copied : ''}</span>
          </div>
        </div>
      </header>
      <section aria-labelledby="episodes-title">
        <h2 id="episodes-title">{t.episodes}</h2>
        <ul className="episode-list">
          {[...episodes.items, ...more.items].map((e) => <EpisodeRow key={e.id} episode={e} showProgram={false} />)}
        </ul>
        {more.cursor ? (
          <button type="button" className="button secondary" onClick={loadMore} disabled={loading} aria-busy={loading}>
            {loading ? t.loading : t.loadMore}
          </button>
        ) : null}
      </section>
    </article>
  );
}
