// The search page. Everything is in the URL (?q=…&type=…&language=…&kind=…&category=…&sort=…&cursor=…),
// so a search can be shared, bookmarked and reloaded; facets are links that add or remove one filter.
import { Link, data, useLoaderData, useSearchParams, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import type { SearchHit } from '../api/client';
import { must } from '../api/load';
import { serverApi } from '../context';
import { MESSAGES, type Locale } from '../i18n/messages';
import { useLocale } from '../i18n/use-locale';
import { formatDate, formatNumber } from '../i18n/format';
import { Highlighted } from '../components/Highlighted';
import { PlayButton } from '../components/cards';
import { Artwork } from '../components/Artwork';
import { pageMeta } from '../components/seo';
import { originOf } from './locale';

const FILTERS = ['type', 'language', 'kind', 'category', 'sort'] as const;

/**
 * Search analytics: tells the server which result of a search was chosen (the query, its rank from 1
 * across pages, and the result's id; nothing about the visitor). sendBeacon survives the navigation the
 * click starts, and a string body goes as text/plain, which needs no CORS preflight.
 */
function reportClick(q: string, rank: number, hit: SearchHit) {
  if (!q.trim() || typeof navigator === 'undefined' || typeof navigator.sendBeacon !== 'function') return;
  try {
    navigator.sendBeacon('/api/discovery/search/clicks', JSON.stringify({ q: q.slice(0, 500), rank, id: hit.id, type: hit.type }));
  } catch {
    // Analytics never get in the way of the click.
  }
}


export async function loader({ context, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query: Record<string, string> = {};
  for (const name of ['q', ...FILTERS, 'cursor'] as const) {
    const value = url.searchParams.get(name);
    if (value !== null && value !== '') query[name] = value;
  }
  // The API validates every value: an absurd one comes back as 400, which is the site's "bad request" page.
  const result = await must(serverApi(context).GET('/api/discovery/search', { params: { query: { ...query, limit: 20 } as never } }));
  // The result count rides with the page (and its cached copy), so the server's search analytics can
  // count every search page it serves, cached or rendered (apps/server/src/web/plugin.ts).
  return data(result, { headers: { 'x-search-total': String(result.total) } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const total = loaderHeaders.get('x-search-total');
  return total === null ? new Headers() : { 'x-search-total': total };
};

export const meta: MetaFunction<typeof loader> = ({ params, matches, location }) => {
  const locale = params.lang as Locale;
  const t = MESSAGES[locale];
  const q = new URLSearchParams(location.search).get('q') ?? '';
  return pageMeta({ locale, origin: originOf(matches), path: '/search', title: q ? `${q} · ${t.search}` : t.search, description: t.searchLabel, noindex: true });
};

function Hit({ hit, onOpen }: { hit: SearchHit; onOpen: () => void }) {
  const { locale, t } = useLocale();
  if (hit.type === 'program' && hit.program) {
    return (
      <li className="hit">
        <Artwork url={hit.program.artworkUrl} title={hit.title} size={64} />
        <div>
          <Link to={`/${locale}/programs/${encodeURIComponent(hit.program.slug)}`} className="hit-title" dir="auto" onClick={onOpen}><Highlighted text={hit.title} ranges={hit.highlights.title} /></Link>
          <p className="snippet" dir="auto"><Highlighted text={hit.highlights.description.text} ranges={hit.highlights.description.highlights} /></p>
        </div>
      </li>
    );
  }
  const episode = hit.episode;
  if (!episode) return null;
  return (
    <li className="hit">
      <PlayButton episode={episode} />
      <div>
        <Link to={`/${locale}/episodes/${episode.id}`} className="hit-title" dir="auto" onClick={onOpen}><Highlighted text={hit.title} ranges={hit.highlights.title} /></Link>
        <p className="muted"><span dir="auto">{episode.program.title}</span>{t.sep}<time dateTime={episode.publishAt}>{formatDate(locale, episode.publishAt)}</time></p>
        <p className="snippet" dir="auto"><Highlighted text={hit.highlights.description.text} ranges={hit.highlights.description.highlights} /></p>
      </div>
    </li>
  );
}

export default function Search() {
  const result = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { locale, t } = useLocale();
  const q = params.get('q') ?? '';
  // Results before this page (the next-page link carries it), so a click's rank counts across pages.
  const start = Math.max(0, Math.min(100_000, Number.parseInt(params.get('start') ?? '0', 10) || 0));

  const withParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    next.delete('cursor');
    next.delete('start');
    if (value === null || next.get(name) === value) next.delete(name);
    else next.set(name, value);
    return `?${next.toString()}`;
  };
  const labels: Record<string, Record<string, string>> = {
    type: { program: t.typeProgram, episode: t.typeEpisode },
    language: { ar: t.languageAr, en: t.languageEn },
    kind: { podcast: t.kindPodcast, series: t.kindSeries, documentary: t.kindDocumentary },
  };
  const facet = (name: 'type' | 'language' | 'kind', title: string) => {
    const values = result.facets[name];
    if (values.length === 0) return null;
    return (
      <fieldset className="facet">
        <legend>{title}</legend>
        <ul>
          {values.map((v) => (
            <li key={v.value}>
              <Link to={withParam(name, v.value)} aria-current={params.get(name) === v.value ? 'true' : undefined} preventScrollReset>
                {labels[name]?.[v.value] ?? v.value} <span className="muted">({formatNumber(locale, v.count)})</span>
              </Link>
            </li>
          ))}
        </ul>
      </fieldset>
    );
  };
  const active = FILTERS.some((name) => name !== 'sort' && params.get(name));
  return (
    <section aria-labelledby="search-title" className="search-page">
      <h1 id="search-title">{q ? <>{t.results}: <span dir="auto">{q}</span></> : t.search}</h1>
      <p role="status" className="muted">{t.resultsCount(formatNumber(locale, result.total))}</p>
      <div className="search-layout">
        <aside aria-label={t.filters} className="facets">
          {facet('type', t.type)}
          {facet('language', t.language)}
          {facet('kind', t.kind)}
          {result.facets.category.length > 0 ? (
            <fieldset className="facet">
              <legend>{t.category}</legend>
              <ul>
                {result.facets.category.map((c) => (
                  <li key={c.slug}>
                    <Link to={withParam('category', c.slug)} aria-current={params.get('category') === c.slug ? 'true' : undefined} preventScrollReset>
                      {locale === 'ar' ? c.nameAr : c.nameEn} <span className="muted">({formatNumber(locale, c.count)})</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : null}
          <fieldset className="facet">
            <legend>{t.sort}</legend>
            <ul>
              <li><Link to={withParam('sort', null)} aria-current={params.get('sort') !== 'newest' ? 'true' : undefined}>{t.sortRelevance}</Link></li>
              <li><Link to={withParam('sort', 'newest')} aria-current={params.get('sort') === 'newest' ? 'true' : undefined}>{t.sortNewest}</Link></li>
            </ul>
          </fieldset>
          {active ? <Link to={`?${new URLSearchParams(q ? { q } : {}).toString()}`} className="button secondary">{t.clearFilters}</Link> : null}
        </aside>
        <div>
          {result.query.similar ? <p className="note">{t.similarNote}</p> : null}
          {result.items.length === 0 ? <p>{t.noResults}</p> : <ol className="hits">{result.items.map((hit, index) => <Hit key={`${hit.type}-${hit.id}`} hit={hit} onOpen={() => reportClick(q, start + index + 1, hit)} />)}</ol>}
          {result.nextCursor ? (
            <p><Link className="button secondary" to={`?${(() => { const n = new URLSearchParams(params); n.set('cursor', result.nextCursor!); n.set('start', String(start + result.items.length)); return n.toString(); })()}`}>{t.results} {locale === 'ar' ? '←' : '→'}</Link></p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
