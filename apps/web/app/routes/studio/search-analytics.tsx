// /studio/:lang/analytics/search — what visitors search for (viewers and up): top queries, queries that
// found nothing, and click-through by query, over a chosen period. Reads GET
// /api/cms/analytics/search/queries; the period and view live in the URL so a view can be shared.
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { cms } from '../../studio/cms';
import { useStudioLocale } from '../../studio/session';
import { useLoad } from '../../studio/use-load';
import { useSearchAnalyticsMessages } from '../../studio/search-analytics-messages';
import { usePeriodMessages } from '../../studio/period-messages';
import { formatNumber } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';

const PERIODS = ['1', '7', '30', '90'] as const;
const VIEWS = ['searches', 'zero', 'ctr'] as const;
type View = (typeof VIEWS)[number];
const DAY_MS = 86_400_000;

const percent = (locale: Locale, value: number) =>
  new Intl.NumberFormat(locale === 'ar' ? 'ar-EG' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(value);
const decimal = (locale: Locale, value: number) =>
  new Intl.NumberFormat(locale === 'ar' ? 'ar-EG' : 'en-GB', { maximumFractionDigits: 1 }).format(value);

export default function SearchAnalytics() {
  const { locale, t } = useStudioLocale();
  const m = useSearchAnalyticsMessages();
  const pm = usePeriodMessages();
  const periodId = useId();
  const [params, setParams] = useSearchParams();
  const period = (PERIODS as readonly string[]).includes(params.get('days') ?? '') ? params.get('days')! : '7';
  const view: View = (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'searches';
  const report = useLoad(`search-analytics:${period}:${view}`, () => {
    // The current hour is included: `to` is the end of this hour.
    const to = new Date(Math.ceil((Date.now() + 1) / 3_600_000) * 3_600_000);
    const from = new Date(to.getTime() - Number(period) * DAY_MS);
    return cms().GET('/api/cms/analytics/search/queries', { params: { query: { from: from.toISOString(), to: to.toISOString(), sort: view, limit: 100 } } });
  });
  const set = (name: 'days' | 'view', value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true });
  };

  const data = report.data;
  const ctr = data && data.totals.searches > 0 ? Math.min(1, data.totals.clicks / data.totals.searches) : 0;
  return (
    <section aria-labelledby="search-analytics-title" className="search-analytics">
      <h1 id="search-analytics-title">{m.searchAnalytics}</h1>
      <p>{m.searchAnalyticsIntro}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor={periodId}>{pm.period}</label>
          <select id={periodId} value={period} onChange={(e) => set('days', e.target.value)}>
            {PERIODS.map((p) => <option key={p} value={p}>{pm.lastDays(Number(p))}</option>)}
          </select>
        </div>
        <div className="field" role="group" aria-label={m.view}>
          <span className="field-label" aria-hidden="true">{m.view}</span>
          <div className="segmented">
            {VIEWS.map((v) => (
              <button key={v} type="button" className={v === view ? 'button' : 'button secondary'} aria-pressed={v === view} onClick={() => set('view', v)}>
                {m[`view_${v}`]}
              </button>
            ))}
          </div>
        </div>
      </div>
      {report.loading && !data ? <p role="status">{t.loading}</p> : null}
      {report.problem ? <p role="alert">{report.problem.detail ?? t.errorGeneric}</p> : null}
      {data ? (
        <>
          <dl className="analytics-totals" aria-label={m.searchAnalytics}>
            <div><dt>{m.totalSearches}</dt><dd>{formatNumber(locale, data.totals.searches)}</dd></div>
            <div><dt>{m.totalZero}</dt><dd>{formatNumber(locale, data.totals.zeroResults)}</dd></div>
            <div><dt>{m.totalClicks}</dt><dd>{formatNumber(locale, data.totals.clicks)}</dd></div>
            <div><dt>{m.totalCtr}</dt><dd>{percent(locale, ctr)}</dd></div>
            <div><dt>{m.totalQueries}</dt><dd>{formatNumber(locale, data.totals.queries)}</dd></div>
          </dl>
          {view === 'ctr' ? <p className="field-hint">{m.ctrNote}</p> : null}
          {data.items.length === 0 ? <p>{m.noQueries}</p> : (
            <div className="table-wrap">
              <table className="studio-table" aria-label={m[`view_${data.sort}`]} aria-busy={report.loading}>
                <thead>
                  <tr>
                    <th scope="col">{m.query}</th>
                    <th scope="col">{m.searches}</th>
                    <th scope="col">{m.zeroResults}</th>
                    <th scope="col">{m.meanResults}</th>
                    <th scope="col">{m.clicks}</th>
                    <th scope="col">{m.ctr}</th>
                    <th scope="col">{m.meanRank}</th>
                    <th scope="col">{m.latency}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <tr key={item.query}>
                      <th scope="row"><bdi>{item.sample}</bdi>{item.sample !== item.query ? <span className="muted"> · <span aria-label={m.normalised}><bdi>{item.query}</bdi></span></span> : null}</th>
                      <td>{formatNumber(locale, item.searches)}</td>
                      <td>{formatNumber(locale, item.zeroResults)}</td>
                      <td>{decimal(locale, item.meanResults)}</td>
                      <td>{formatNumber(locale, item.clicks)}</td>
                      <td>{percent(locale, item.ctr)}</td>
                      <td>{item.meanClickRank === null ? '—' : decimal(locale, item.meanClickRank)}</td>
                      <td>{decimal(locale, item.meanLatencyMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
