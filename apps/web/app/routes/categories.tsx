import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { must } from '../api/load';
import { serverApi } from '../context';
import { MESSAGES, type Locale } from '../i18n/messages';
import { useLocale } from '../i18n/use-locale';
import { formatNumber } from '../i18n/format';
import { breadcrumbs, pageMeta } from '../components/seo';
import { originOf } from './locale';

export async function loader({ context }: LoaderFunctionArgs) {
  return must(serverApi(context).GET('/api/discovery/categories'));
}

export const meta: MetaFunction<typeof loader> = ({ params, matches }) => {
  const locale = params.lang as Locale;
  const t = MESSAGES[locale];
  const origin = originOf(matches);
  return pageMeta({ locale, origin, path: '/categories', title: t.categories, description: `${t.categories} · ${t.tagline}`,
    jsonLd: [breadcrumbs(origin, locale, [{ name: t.home, path: '/' }, { name: t.categories, path: '/categories' }])] });
};

export default function Categories() {
  const { items } = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  const top = items.filter((c) => !c.parentId);
  const children = (id: string) => items.filter((c) => c.parentId === id);
  const name = (c: { nameAr: string; nameEn: string }) => (locale === 'ar' ? c.nameAr : c.nameEn);
  return (
    <section aria-labelledby="categories-title">
      <h1 id="categories-title">{t.categories}</h1>
      <ul className="category-list">
        {top.map((category) => (
          <li key={category.id}>
            <Link to={`/${locale}/categories/${encodeURIComponent(category.slug)}`}>{name(category)}</Link>{' '}
            <span className="muted">({formatNumber(locale, category.programCount)})</span>
            {children(category.id).length > 0 ? (
              <ul>
                {children(category.id).map((child) => (
                  <li key={child.id}>
                    <Link to={`/${locale}/categories/${encodeURIComponent(child.slug)}`}>{name(child)}</Link>{' '}
                    <span className="muted">({formatNumber(locale, child.programCount)})</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
