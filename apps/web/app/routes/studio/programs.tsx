// /studio/:lang/programs — programs with search, filters, sort and cursor paging, all in the URL, and bulk
// publishing of the selected rows.
import { Link } from 'react-router';
import { cms, type ProgramQuery } from '../../studio/cms';
import { FilterForm, FilterSelect, Pager, SearchField, StatusBadge, formatDateTime, useListParams } from '../../studio/list';
import { useSession, useStudioLocale } from '../../studio/session';
import { useLoad } from '../../studio/use-load';
import { BulkPublishBar, SelectCell, SelectHeader, useBulkPublish } from '../../studio/bulk-publish';

const KEYS = ['q', 'status', 'kind', 'language', 'sort'] as const;

export default function Programs() {
  const { locale, t, path } = useStudioLocale();
  const { canEdit } = useSession();
  const { params, key } = useListParams(KEYS, { sort: '-updatedAt' });
  const list = useLoad(key, () => cms().GET('/api/cms/programs', { params: { query: { ...params, limit: 25 } as ProgramQuery } }));
  const bulk = useBulkPublish('program', key, list.reload);
  const all: [string, string] = ['', t.all];
  return (
    <section aria-labelledby="programs-title">
      <div className="title-row">
        <h1 id="programs-title">{t.programs}</h1>
        {canEdit ? <Link className="button" to={path('programs/new')}>{t.newProgram}</Link> : null}
      </div>
      <FilterForm label={t.filters} t={t}>
        <SearchField label={t.search} value={params.q} />
        <FilterSelect name="status" label={t.status} value={params.status} options={[all, ['draft', t.status_draft], ['published', t.status_published], ['archived', t.status_archived]]} />
        <FilterSelect name="kind" label={t.kind} value={params.kind} options={[all, ['podcast', t.kind_podcast], ['series', t.kind_series], ['documentary', t.kind_documentary]]} />
        <FilterSelect name="language" label={t.language} value={params.language} options={[all, ['ar', t.language_ar], ['en', t.language_en]]} />
        <FilterSelect name="sort" label={t.sort} value={params.sort} options={[['-updatedAt', t.sort_updated], ['-createdAt', t.sort_created], ['title', t.sort_title], ['-publishedAt', t.sort_published]]} />
      </FilterForm>
      {canEdit ? <BulkPublishBar bulk={bulk} t={t} locale={locale} /> : null}
      {list.loading ? <p role="status">{t.loading}</p> : null}
      {list.problem ? <p role="alert">{list.problem.detail ?? t.errorGeneric}</p> : null}
      {list.data ? (
        list.data.items.length === 0 ? <p>{t.noItems}</p> : (
          <div className="table-wrap">
            <table className="studio-table">
              <caption className="visually-hidden">{t.programs}</caption>
              <thead>
                <tr>{canEdit ? <SelectHeader t={t} /> : null}<th scope="col">{t.title}</th><th scope="col">{t.status}</th><th scope="col">{t.kind}</th><th scope="col">{t.episodes}</th><th scope="col">{t.updated}</th></tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={p.id}>
                    {canEdit ? <SelectCell bulk={bulk} id={p.id} title={p.title} t={t} /> : null}
                    <td><Link to={path(`programs/${p.id}`)} dir="auto">{p.title}</Link></td>
                    <td><StatusBadge status={p.status} t={t} /></td>
                    <td>{t[`kind_${p.kind}`]}</td>
                    <td>{p.episodeCount}</td>
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
