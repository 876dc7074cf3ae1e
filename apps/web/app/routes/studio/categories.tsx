// /studio/:lang/categories — categories with search (either name), a parent filter (top level or the
// children of one category), sort and cursor paging, all in the URL. Categories have no workflow (no
// status, no publishing), so there is no selection here.
import { Link } from 'react-router';
import { categoryName, cms, type CategoryQuery } from '../../studio/cms';
import { FilterForm, FilterSelect, Pager, SearchField, formatDateTime, useListParams } from '../../studio/list';
import { useSession, useStudioLocale } from '../../studio/session';
import { useLoad } from '../../studio/use-load';
import { formatNumber } from '../../i18n/format';

const KEYS = ['q', 'parentId', 'sort'] as const;

export default function Categories() {
  const { locale, t, path } = useStudioLocale();
  const { canEdit } = useSession();
  const { params, key } = useListParams(KEYS, { sort: '-updatedAt' });
  const list = useLoad(key, () => cms().GET('/api/cms/categories', { params: { query: { ...params, limit: 25 } as CategoryQuery } }));
  // Every category, for the parent filter and the parent column (a catalogue has tens of them).
  const everyCategory = useLoad('categories', () => cms().GET('/api/cms/categories', { params: { query: { limit: 200, sort: locale === 'ar' ? 'nameAr' : 'nameEn' } } }));
  const nameOf = new Map(everyCategory.data?.items.map((c) => [c.id, categoryName(locale, c)]));
  const [mine, other] = locale === 'ar' ? [t.nameAr, t.nameEn] : [t.nameEn, t.nameAr];
  return (
    <section aria-labelledby="categories-title">
      <div className="title-row">
        <h1 id="categories-title">{t.categories}</h1>
        {canEdit ? <Link className="button" to={path('categories/new')}>{t.newCategory}</Link> : null}
      </div>
      <FilterForm label={t.filters} t={t}>
        <SearchField label={t.searchNames} value={params.q} />
        <FilterSelect
          name="parentId" label={t.parentCategory} value={params.parentId}
          options={[['', t.all], ['root', t.topLevel], ...(everyCategory.data?.items.map((c): [string, string] => [c.id, categoryName(locale, c)]) ?? [])]}
        />
        <FilterSelect
          name="sort" label={t.sort} value={params.sort}
          options={[['-updatedAt', t.sort_updated], ['-createdAt', t.sort_created], ['nameAr', t.sort_nameAr], ['nameEn', t.sort_nameEn], ['position', t.sort_position]]}
        />
      </FilterForm>
      {list.loading ? <p role="status">{t.loading}</p> : null}
      {list.problem ? <p role="alert">{list.problem.detail ?? t.errorGeneric}</p> : null}
      {list.data ? (
        list.data.items.length === 0 ? <p>{t.noItems}</p> : (
          <div className="table-wrap">
            <table className="studio-table">
              <caption className="visually-hidden">{t.categories}</caption>
              <thead>
                <tr><th scope="col">{mine}</th><th scope="col">{other}</th><th scope="col">{t.parentCategory}</th><th scope="col">{t.sort_position}</th><th scope="col">{t.updated}</th></tr>
              </thead>
              <tbody>
                {list.data.items.map((c) => (
                  <tr key={c.id}>
                    <td><Link to={path(`categories/${c.id}`)} dir="auto">{categoryName(locale, c)}</Link></td>
                    <td dir="auto">{locale === 'ar' ? c.nameEn : c.nameAr}</td>
                    <td><bdi>{c.parentId ? nameOf.get(c.parentId) ?? '' : '—'}</bdi></td>
                    <td>{formatNumber(locale, c.position)}</td>
                    <td>{formatDateTime(locale, c.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <Pager nextCursor={list.data?.nextCursor} t={t} />
    </section>
  );
}
