import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { must } from '../api/load';
import { episodeRow, programCard } from '../api/client';
import { serverApi } from '../context';
import { MESSAGES, type Locale } from '../i18n/messages';
import { useLocale } from '../i18n/use-locale';
import { EpisodeRow, ProgramCard } from '../components/cards';
import { pageMeta } from '../components/seo';
import { originOf } from './locale';
import { ForYouShelf } from '../components/ForYouShelf';

export async function loader({ context }: LoaderFunctionArgs) {
  const home = await must(serverApi(context).GET('/api/discovery/home'));
  return {
    latest: home.latest.map(episodeRow),
    featured: home.featured.map(programCard),
    categories: home.categories.map(({ category, programs }) => ({ category, programs: programs.map(programCard) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ params, matches }) => {
  const locale = params.lang as Locale;
  const t = MESSAGES[locale];
  return pageMeta({
    locale, origin: originOf(matches), path: '/', title: t.siteName, description: t.tagline,
    jsonLd: [{ '@context': 'https://schema.org', '@type': 'WebSite', name: t.siteName, url: `${originOf(matches)}/${locale}`,
      potentialAction: { '@type': 'SearchAction', target: `${originOf(matches)}/${locale}/search?q={query}`, 'query-input': 'required name=query' } }],
  });
};

export default function Home() {
  const home = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  return (
    <>
      <h1 className="visually-hidden">{t.siteName}</h1>
      <ForYouShelf />
      {home.featured.length > 0 ? (
        <section aria-labelledby="featured" className="shelf">
          <h2 id="featured">{t.featured}</h2>
          <ul className="card-grid">{home.featured.map((p, i) => <ProgramCard key={p.id} program={p} eager={i < 4} />)}</ul>
        </section>
      ) : null}
      <section aria-labelledby="latest" className="shelf">
        <h2 id="latest">{t.latest}</h2>
        <ul className="episode-list">{home.latest.map((e) => <EpisodeRow key={e.id} episode={e} />)}</ul>
      </section>
      {home.categories.map(({ category, programs }) => (
        <section key={category.id} aria-labelledby={`shelf-${category.slug}`} className="shelf">
          <h2 id={`shelf-${category.slug}`}>
            <Link to={`/${locale}/categories/${encodeURIComponent(category.slug)}`}>{locale === 'ar' ? category.nameAr : category.nameEn}</Link>
          </h2>
          <ul className="card-grid">{programs.map((p) => <ProgramCard key={p.id} program={p} />)}</ul>
        </section>
      ))}
    </>
  );
}
