// /studio/:lang/episodes — episodes with search, filters (program, status, language, type), sort and
// cursor paging in the URL, and bulk publishing of the selected rows.
import { Link } from 'react-router';
import { cms, type EpisodeQuery } from '../../studio/cms';
import { FilterForm, FilterSelect, Pager, SearchField, StatusBadge, formatDateTime, useListParams } from '../../studio/list';
import { useSession, useStudioLocale } from '../../studio/session';
import { useLoad } from '../../studio/use-load';
import { BulkPublishBar, SelectCell, SelectHeader, useBulkPublish } from '../../studio/bulk-publish';

const KEYS = ['q', 'programId', 'status', 'language', 'episodeType', 'sort'] as const;

export default function Episodes() {
  const { locale, t, path } = useStudioLocale();
  const { canEdit } = useSession();
  const { params, key } = useListParams(KEYS, { sort: '-updatedAt' });
  const list = useLoad(key, () => cms().GET('/api/cms/episodes', { params: { query: { ...params, limit: 25 } as EpisodeQuery } }));
  // Program names for the filter and the rows (the catalogue has tens of programs, not thousands).
  const programs = useLoad('programs', () => cms().GET('/api/cms/programs', { params: { query: { limit: 200, sort: 'title' } } }));
  const programName = new Map(programs.data?.items.map((p) => [p.id, p.title]));
  const bulk = useBulkPublish('episode', key, list.reload);

  const all: [string, string] = ['', t.all];
  return (
    <section aria-labelledby="episodes-title">
      <div className="title-row">
        <h1 id="episodes-title">{t.episodes}</h1>
        {canEdit ? <Link className="button" to={path(`episodes/new${params.programId ? `?programId=${params.programId}` : ''}`)}>{t.newEpisode}</Link> : null}
      </div>
      <FilterForm label={t.filters} t={t}>
        <SearchField label={t.search} value={params.q} />
        <FilterSelect name="programId" label={t.program} value={params.programId} options={[all, ...(programs.data?.items.map((p): [string, string] => [p.id, p.title]) ?? [])]} />
        <FilterSelect name="status" label={t.status} value={params.status} options={[all, ['draft', t.status_draft], ['scheduled', t.status_scheduled], ['published', t.status_published], ['archived', t.status_archived]]} />
        <FilterSelect name="language" label={t.language} value={params.language} options={[all, ['ar', t.language_ar], ['en', t.language_en]]} />
        <FilterSelect name="episodeType" label={t.episodeType} value={params.episodeType} options={[all, ['full', t.episodeType_full], ['trailer', t.episodeType_trailer], ['bonus', t.episodeType_bonus]]} />
        <FilterSelect name="sort" label={t.sort} value={params.sort} options={[['-updatedAt', t.sort_updated], ['-createdAt', t.sort_created], ['title', t.sort_title], ['-publishAt', t.sort_published]]} />
      </FilterForm>
      {canEdit ? <BulkPublishBar bulk={bulk} t={t} locale={locale} /> : null}
      {list.loading ? <p role="status">{t.loading}</p> : null}
      {list.problem ? <p role="alert">{list.problem.detail ?? t.errorGeneric}</p> : null}
      {list.data ? (
        list.data.items.length === 0 ? <p>{t.noItems}</p> : (
          <div className="table-wrap">
            <table className="studio-table">
              <caption className="visually-hidden">{t.episodes}</caption>
              <thead>
                <tr>
                  {canEdit ? <SelectHeader t={t} /> : null}
                  <th scope="col">{t.title}</th><th scope="col">{t.program}</th><th scope="col">{t.status}</th><th scope="col">{t.updated}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((e) => (
                  <tr key={e.id}>
                    {canEdit ? <SelectCell bulk={bulk} id={e.id} title={e.title} t={t} /> : null}
                    <td><Link to={path(`episodes/${e.id}`)} dir="auto">{e.title}</Link></td>
                    <td><bdi>{programName.get(e.programId) ?? ''}</bdi></td>
                    <td><StatusBadge status={e.status} t={t} />{e.status === 'scheduled' ? <span className="muted"> {formatDateTime(locale, e.publishAt)}</span> : null}</td>
                    <td>{formatDateTime(locale, e.updatedAt)}</td>
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
