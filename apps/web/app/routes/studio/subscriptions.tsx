// /studio/:lang/subscriptions — the feeds the cron role re-reads (GET /api/cms/subscriptions): when each
// last synced, its status and last error, and what the API lets an editor do: pause or resume
// (PATCH /api/cms/subscriptions/:programId {active}) and sync now, which is an import of the feed's URL
// (POST /api/cms/imports: it goes into the subscribed program and renews the subscription), followed to
// its summary. The API has no way to remove a subscription; pausing stops the reads.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { cms, problemOf } from '../../studio/cms';
import { formatDateTime } from '../../studio/list';
import { useSession, useStudioLocale } from '../../studio/session';
import { useLoad } from '../../studio/use-load';
import { useImportRun } from '../../studio/import-run';
import { useAdminMessages } from '../../studio/admin-messages';
import { formatNumber } from '../../i18n/format';
import type { paths } from '../../api/schema';

type Subscription = paths['/api/cms/subscriptions']['get']['responses'][200]['content']['application/json']['items'][number];

/** The subscriptions with their programs' titles (one read per program: there are few subscriptions). */
async function loadSubscriptions() {
  const { data, error, response } = await cms().GET('/api/cms/subscriptions');
  if (!data) return { error, response };
  const titles = await Promise.all(data.items.map(async (s) => {
    const { data: program } = await cms().GET('/api/cms/programs/{id}', { params: { path: { id: s.programId } } });
    return program?.title ?? s.feedUrl;
  }));
  return { data: data.items.map((s, i) => ({ ...s, title: titles[i]! })), response };
}

export default function Subscriptions() {
  const { locale, t, path } = useStudioLocale();
  const a = useAdminMessages();
  const { canEdit } = useSession();
  const list = useLoad('subscriptions', loadSubscriptions);
  const [message, setMessage] = useState<string>();
  const [sync, setSync] = useState<{ runId: string; title: string }>();
  const run = useImportRun(sync?.runId);
  const n = (value: number) => formatNumber(locale, value);
  const when = (iso: string | null) => (iso ? formatDateTime(locale, iso) : a.never);

  // "Sync now" is followed to its end; then the list shows the new last-sync time.
  useEffect(() => {
    if (!sync || !run || run.status === 'running') return;
    setMessage(run.summary
      ? a.synced(sync.title, n(run.summary.episodes.new), n(run.summary.episodes.updated))
      : a.syncFailed(sync.title, run.error?.message ?? run.status));
    setSync(undefined);
    list.reload();
  }, [run?.status]); // eslint-disable-line react-hooks/exhaustive-deps

  async function setActive(s: Subscription & { title: string }, active: boolean) {
    setMessage(undefined);
    const { data, error, response } = await cms().PATCH('/api/cms/subscriptions/{programId}', { params: { path: { programId: s.programId } }, body: { active } });
    if (data) list.reload();
    else setMessage(problemOf(error, response).detail ?? t.errorGeneric);
  }

  async function syncNow(s: Subscription & { title: string }) {
    setMessage(a.syncing(s.title));
    const { data, error, response } = await cms().POST('/api/cms/imports', { body: { url: s.feedUrl, publish: s.publish } });
    if (data) setSync({ runId: data.id, title: s.title });
    else setMessage(problemOf(error, response).detail ?? t.errorGeneric);
  }

  return (
    <section aria-labelledby="subscriptions-title">
      <h1 id="subscriptions-title">{a.subscriptions}</h1>
      <p>{a.subscriptionsIntro}</p>
      {message ? <p role="status" className="note">{message}</p> : null}
      {list.loading && !list.data ? <p role="status">{t.loading}</p> : null}
      {list.problem ? <p role="alert">{list.problem.detail ?? t.errorGeneric}</p> : null}
      {list.data && list.data.length === 0 ? <p>{a.noSubscriptions}</p> : null}
      {list.data && list.data.length > 0 ? (
        <div className="table-wrap">
          <table className="studio-table" aria-labelledby="subscriptions-title">
            <thead>
              <tr>
                <th scope="col">{t.programs}</th><th scope="col">{a.feed}</th><th scope="col">{a.subscriptionState}</th>
                <th scope="col">{a.lastSync}</th><th scope="col">{a.nextSync}</th><th scope="col">{a.lastError}</th><th scope="col">{a.actions}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((s) => (
                <tr key={s.programId}>
                  <td><Link to={path(`programs/${s.programId}`)} dir="auto">{s.title}</Link></td>
                  <td><bdi dir="ltr" className="feed-url">{s.feedUrl}</bdi></td>
                  <td>
                    <span className={`status ${s.active ? 'status-published' : ''}`}>{s.active ? a.active : a.paused}</span>
                    {s.lastOutcome ? <> · {(a as unknown as Record<string, string>)[`outcomeLabel_${s.lastOutcome}`]}</> : null}
                    {s.failures > 0 ? <> · {a.failuresInRow(n(s.failures))}</> : null}
                  </td>
                  <td>{when(s.lastSuccessAt)}</td>
                  <td>{s.active ? when(s.nextAttemptAt) : '—'}</td>
                  <td>{s.lastError ? <span dir="auto" className="field-error">{s.lastError}</span> : '—'}</td>
                  <td>
                    <div className="actions">
                      <button type="button" className="button secondary" disabled={!canEdit || sync !== undefined} onClick={() => void syncNow(s)}>{a.syncNow(s.title)}</button>
                      <button type="button" className="button secondary" disabled={!canEdit} onClick={() => void setActive(s, !s.active)}>
                        {s.active ? a.pause(s.title) : a.resume(s.title)}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
