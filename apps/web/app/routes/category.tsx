import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { must } from '../api/load';
import { programCard } from '../api/client';
import { serverApi } from '../context';
import { MESSAGES, type Locale } from '../i18n/messages';
import { useLocale } from '../i18n/use-locale';
import { ProgramCard } from '../components/cards';
import { breadcrumbs, pageMeta } from '../components/seo';
import { originOf } from './locale';

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  const cursor = new URL(request.url).searchParams.get('cursor') ?? undefined;
  const { category, programs } = await must(serverApi(context).GET('/api/discovery/categories/{slug}', { params: { path: { slug: params.slug! }, query: { ...(cursor ? { cursor } : {}), limit: 24 } } }));
  return { category, programs: { items: programs.items.map(programCard), nextCursor: programs.nextCursor } };
}

export const meta: MetaFunction<typeof loader> = ({ params, matches, data }) => {
  if (!data) return [];
  const locale = params.lang as Locale;
  const t = MESSAGES[locale];
  const origin = originOf(matches);
  const name = locale === 'ar' ? data.category.nameAr : data.category.nameEn;
  const path = `/categories/${encodeURIComponent(data.category.slug)}`;
  return pageMeta({ locale, origin, path, title: name, description: `${name} · ${t.programs}`,
    jsonLd: [breadcrumbs(origin, locale, [{ name: t.home, path: '/' }, { name: t.categories, path: '/categories' }, { name, path }])] });
};

export default function Category() {
  const { category, programs } = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  return (
    <section aria-labelledby="category-title">
      <nav aria-label={t.breadcrumb} className="breadcrumb"><Link to={`/${locale}/categories`}>{t.categories}</Link></nav>
      <h1 id="category-title">{locale === 'ar' ? category.nameAr : category.nameEn}</h1>
      <ul className="card-grid">{programs.items.map((p, i) => <ProgramCard key={p.id} program={p} eager={i < 4} />)}</ul>
      {programs.nextCursor ? (
        <p><Link className="button secondary" to={`?cursor=${encodeURIComponent(programs.nextCursor)}`}>{t.programs} {locale === 'ar' ? '←' : '→'}</Link></p>
      ) : null}
    </section>
  );
}
