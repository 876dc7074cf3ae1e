// /studio/:lang/people — hosts, guests and other people, with search by name, sort and cursor paging in
// the URL. People have no workflow (no status), so there is no selection here.
import { Link } from 'react-router';
import { cms, type PersonQuery } from '../../studio/cms';
import { FilterForm, FilterSelect, Pager, SearchField, formatDateTime, useListParams } from '../../studio/list';
import { useSession, useStudioLocale } from '../../studio/session';
import { useLoad } from '../../studio/use-load';

const KEYS = ['q', 'sort'] as const;

export default function People() {
  const { locale, t, path } = useStudioLocale();
  const { canEdit } = useSession();
  const { params, key } = useListParams(KEYS, { sort: '-updatedAt' });
  const list = useLoad(key, () => cms().GET('/api/cms/people', { params: { query: { ...params, limit: 25 } as PersonQuery } }));
  return (
    <section aria-labelledby="people-title">
      <div className="title-row">
        <h1 id="people-title">{t.people}</h1>
        {canEdit ? <Link className="button" to={path('people/new')}>{t.newPerson}</Link> : null}
      </div>
      <FilterForm label={t.filters} t={t}>
        <SearchField label={t.searchNames} value={params.q} />
        <FilterSelect name="sort" label={t.sort} value={params.sort} options={[['-updatedAt', t.sort_updated], ['-createdAt', t.sort_created], ['name', t.sort_name]]} />
      </FilterForm>
      {list.loading ? <p role="status">{t.loading}</p> : null}
      {list.problem ? <p role="alert">{list.problem.detail ?? t.errorGeneric}</p> : null}
      {list.data ? (
        list.data.items.length === 0 ? <p>{t.noItems}</p> : (
          <div className="table-wrap">
            <table className="studio-table">
              <caption className="visually-hidden">{t.people}</caption>
              <thead>
                <tr><th scope="col">{t.personName}</th><th scope="col">{t.slug}</th><th scope="col">{t.updated}</th></tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={p.id}>
                    <td><Link to={path(`people/${p.id}`)} dir="auto">{p.name}</Link></td>
                    <td dir="auto">{p.slug}</td>
                    <td>{formatDateTime(locale, p.updatedAt)}</td>
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
