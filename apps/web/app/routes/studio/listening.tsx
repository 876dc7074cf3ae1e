// /studio/:lang/listening — listening analytics for editors (GET /api/cms/analytics/...): the most played
// episodes of a period, and for the chosen one (?episode=) plays and unique listeners per hour or day as
// a chart, the same numbers as a table, and a breakdown by platform family.
import { useSearchParams } from 'react-router';
import { cms } from '../../studio/cms';
import { useStudioLocale } from '../../studio/session';
import { useLoad } from '../../studio/use-load';
import { useListeningMessages } from '../../studio/listening-messages';
import { usePeriodMessages } from '../../studio/period-messages';
import { ListeningChart } from '../../studio/listening-chart';
import { formatNumber } from '../../i18n/format';

const PERIODS = { '24h': 24, '7d': 7 * 24, '30d': 30 * 24 } as const;
type Period = keyof typeof PERIODS;

function range(period: Period) {
  const hour = 3_600_000;
  const to = new Date(Math.ceil((Date.now() + 1) / hour) * hour);
  return { from: new Date(to.getTime() - PERIODS[period] * hour).toISOString(), to: to.toISOString() };
}

export default function Listening() {
  const { locale, t, dir } = useStudioLocale();
  const m = useListeningMessages();
  const pm = usePeriodMessages();
  const [params, setParams] = useSearchParams();
  const period: Period = (params.get('period') as Period) in PERIODS ? (params.get('period') as Period) : '7d';
  const { from, to } = range(period);
  const top = useLoad(`listening-top-${period}`, () => cms().GET('/api/cms/analytics/top-episodes', { params: { query: { from, to, limit: 20 } } }));
  const chosen = params.get('episode') ?? top.data?.items[0]?.episodeId;
  const stats = useLoad(`listening-episode-${chosen ?? ''}-${period}`, async () => {
    if (!chosen) return { data: undefined, response: new Response(null, { status: 204 }) };
    return cms().GET('/api/cms/analytics/episodes/{id}', { params: { path: { id: chosen }, query: { from, to, interval: period === '24h' ? 'hour' : 'day' } } });
  });
  const n = (value: number) => formatNumber(locale, value);
  const pct = (value: number | null) => (value === null ? m.none : new Intl.NumberFormat(locale === 'ar' ? 'ar-EG' : 'en', { style: 'percent', maximumFractionDigits: 0 }).format(value));
  const label = (iso: string, interval: 'hour' | 'day') => new Intl.DateTimeFormat(locale === 'ar' ? 'ar-EG' : 'en-GB', interval === 'hour'
    ? { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(iso));
  const choose = (next: Record<string, string>) => setParams((p) => {
    const q = new URLSearchParams(p);
    for (const [k, v] of Object.entries(next)) q.set(k, v);
    return q;
  });

  const series = stats.data ? stats.data.series.map((s) => ({ ...s, label: label(s.at, stats.data!.interval) })) : [];
  const peak = series.reduce<(typeof series)[number] | undefined>((best, s) => (!best || s.plays > best.plays ? s : best), undefined);

  return (
    <section aria-labelledby="listening-title">
      <h1 id="listening-title">{m.listening}</h1>
      <p>{m.intro}</p>
      <label className="field-inline">
        {pm.period}{' '}
        <select value={period} onChange={(e) => choose({ period: e.target.value })}>
          <option value="24h">{pm.lastDays(1)}</option>
          <option value="7d">{pm.lastDays(7)}</option>
          <option value="30d">{pm.lastDays(30)}</option>
        </select>
      </label>

      <h2 id="top-title">{m.topEpisodes}</h2>
      {top.loading && !top.data ? <p role="status">{t.loading}</p> : null}
      {top.problem ? <p role="alert">{top.problem.detail ?? t.errorGeneric}</p> : null}
      {top.data && top.data.items.length === 0 ? <p>{m.noListening}</p> : null}
      {top.data && top.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="studio-table" aria-labelledby="top-title">
            <thead>
              <tr>
                <th scope="col">{m.episode}</th><th scope="col">{m.program}</th><th scope="col">{m.plays}</th><th scope="col">{m.listeners}</th>
                <th scope="col">{m.completionRate}</th><th scope="col">{m.downloads}</th>
              </tr>
            </thead>
            <tbody>
              {top.data.items.map((e) => (
                <tr key={e.episodeId} aria-current={e.episodeId === chosen ? 'true' : undefined}>
                  <th scope="row">
                    <button type="button" className="link-button" aria-label={m.show(e.title)} onClick={() => choose({ episode: e.episodeId })}>{e.title}</button>
                  </th>
                  <td>{e.programTitle}</td><td>{n(e.plays)}</td><td>{n(e.listeners)}</td><td>{pct(e.completionRate)}</td><td>{n(e.downloads)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {stats.problem ? <p role="alert">{stats.problem.detail ?? t.errorGeneric}</p> : null}
      {stats.data ? (
        <section aria-labelledby="episode-chart-title">
          <h2 id="episode-chart-title">{m.chartOf(stats.data.title)}</h2>
          <ListeningChart
            title={m.chartOf(stats.data.title)}
            summary={m.chartSummary(n(stats.data.totals.plays), n(stats.data.totals.listeners), peak && peak.plays > 0 ? `${peak.label} (${n(peak.plays)})` : m.none)}
            points={series}
            dir={dir}
            legend={{ plays: m.plays, listeners: m.listeners }}
            format={n}
          />
          <details>
            <summary>{m.seriesTable}</summary>
            <div className="table-wrap">
              <table className="studio-table" aria-label={m.seriesTable}>
                <thead>
                  <tr><th scope="col">{m.time}</th><th scope="col">{m.plays}</th><th scope="col">{m.listeners}</th><th scope="col">{m.completionRate}</th><th scope="col">{m.minutes}</th></tr>
                </thead>
                <tbody>
                  {series.map((s) => (
                    <tr key={s.at}><th scope="row">{s.label}</th><td>{n(s.plays)}</td><td>{n(s.listeners)}</td><td>{pct(s.completionRate)}</td><td>{n(Math.round(s.secondsListened / 60))}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          <h3 id="platforms-title">{m.platforms}</h3>
          <table className="studio-table" aria-labelledby="platforms-title">
            <thead><tr><th scope="col">{m.platform}</th><th scope="col">{m.plays}</th><th scope="col">{m.listeners}</th><th scope="col">{m.completionRate}</th></tr></thead>
            <tbody>
              {stats.data.platforms.map((p) => (
                <tr key={p.platform}><th scope="row">{p.platform}</th><td>{n(p.plays)}</td><td>{n(p.listeners)}</td><td>{pct(p.completionRate)}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </section>
  );
}
