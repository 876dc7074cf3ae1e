import { useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { must } from '../api/load';
import { serverApi } from '../context';
import { MESSAGES, type Locale } from '../i18n/messages';
import { useLocale } from '../i18n/use-locale';
import { Paragraphs } from '../components/Paragraphs';
import { EpisodeRow, ProgramCard } from '../components/cards';
import { breadcrumbs, pageMeta } from '../components/seo';
import { originOf } from './locale';

export async function loader({ context, params }: LoaderFunctionArgs) {
  return must(serverApi(context).GET('/api/discovery/people/{slug}', { params: { path: { slug: params.slug! } } }));
}

export const meta: MetaFunction<typeof loader> = ({ params, matches, data: person }) => {
  if (!person) return [];
  const locale = params.lang as Locale;
  const t = MESSAGES[locale];
  const origin = originOf(matches);
  const path = `/people/${encodeURIComponent(person.slug)}`;
  return pageMeta({
    locale, origin, path, title: person.name, description: person.bio || `${person.name} · ${t.siteName}`, image: person.imageUrl, type: 'profile',
    jsonLd: [
      { '@context': 'https://schema.org', '@type': 'Person', name: person.name, description: person.bio, url: `${origin}/${locale}${path}` },
      breadcrumbs(origin, locale, [{ name: t.home, path: '/' }, { name: person.name, path }]),
    ],
  });
};

export default function PersonPage() {
  const person = useLoaderData<typeof loader>();
  const { t } = useLocale();
  return (
    <article aria-labelledby="person-title">
      <h1 id="person-title" dir="auto">{person.name}</h1>
      {person.bio ? <Paragraphs className="description" text={person.bio} /> : null}
      {person.programs.length > 0 ? (
        <section aria-labelledby="person-programs">
          <h2 id="person-programs">{t.appearsIn}</h2>
          <ul className="card-grid">{person.programs.map((p) => <ProgramCard key={p.id} program={p} />)}</ul>
        </section>
      ) : null}
      {person.episodes.length > 0 ? (
        <section aria-labelledby="person-episodes">
          <h2 id="person-episodes">{t.episodes}</h2>
          <ul className="episode-list">{person.episodes.map((e) => <EpisodeRow key={e.id} episode={e} />)}</ul>
        </section>
      ) : null}
    </article>
  );
}
