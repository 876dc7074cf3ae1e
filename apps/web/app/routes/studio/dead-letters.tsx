// /studio/:lang/admin/dead-letters (admins only) — events a consumer gave up on. The admin API has them as
// tasks: `events.dead-letters` lists them (by status), `events.replay` asks the running consumers to
// handle them again (retry). Each row opens to the event and the full error. There is no discard in the
// API: a retried dead letter stays on record as "replayed".
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../studio/list';
import { useStudioLocale } from '../../studio/session';
import { useLoad } from '../../studio/use-load';
import { runTask } from '../../studio/tasks';
import { AdminOnly } from '../../studio/admin-only';
import { useAdminMessages } from '../../studio/admin-messages';
import { formatNumber } from '../../i18n/format';
import type { Problem } from '../../studio/cms';

interface DeadLetter {
  id: number;
  consumer: string;
  eventId: string;
  eventType: string;
  attempts: number;
  lastError: string;
  status: 'dead' | 'replay' | 'replayed';
  deadAt: string;
  event: unknown;
}

const STATUSES = ['open', 'dead', 'replay', 'replayed', 'all'] as const;

/** A task's answer in the shape useLoad takes. */
async function taskResult<T>(name: string, args: Record<string, unknown>): Promise<{ data?: T; error?: unknown; response: Response }> {
  try {
    return { data: (await runTask(name, args)) as T, response: new Response(null, { status: 200 }) };
  } catch (error) {
    return { error, response: new Response(null, { status: (error as Problem).status || 500 }) };
  }
}

function DeadLetters() {
  const { locale, t } = useStudioLocale();
  const a = useAdminMessages();
  const statusId = useId();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? params.get('status')! : 'open';
  const list = useLoad(`dead-letters:${status}`, () => taskResult<{ deadLetters: DeadLetter[] }>('events.dead-letters', { status, limit: 200 }));
  const [message, setMessage] = useState<string>();

  async function retry(id: number) {
    setMessage(undefined);
    try {
      const result = (await runTask('events.replay', { ids: [id] })) as { requested: number[]; note: string };
      setMessage(`${a.retryRequested(result.requested.map((r) => formatNumber(locale, r)).join(t.listSep) || '—')} ${result.note}`);
      list.reload();
    } catch (error) {
      setMessage((error as Problem).detail ?? t.errorGeneric);
    }
  }

  const letters = list.data?.deadLetters;
  return (
    <section aria-labelledby="dead-letters-title">
      <h1 id="dead-letters-title">{a.deadLetters}</h1>
      <p>{a.deadLettersIntro}</p>
      <p className="field-hint">{a.discardUnsupported}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor={statusId}>{a.dlStatus}</label>
          <select id={statusId} value={status} onChange={(e) => setParams({ status: e.target.value })}>
            {STATUSES.map((s) => <option key={s} value={s}>{(a as unknown as Record<string, string>)[`dlStatus_${s}`]}</option>)}
          </select>
        </div>
      </div>
      {message ? <p role="status" className="note" dir="auto">{message}</p> : null}
      {list.loading && !list.data ? <p role="status">{t.loading}</p> : null}
      {list.problem ? <p role="alert">{list.problem.detail ?? t.errorGeneric}</p> : null}
      {letters && letters.length === 0 ? <p>{a.noDeadLetters}</p> : null}
      {letters && letters.length > 0 ? (
        <div className="table-wrap">
          <table className="studio-table" aria-labelledby="dead-letters-title">
            <thead>
              <tr>
                <th scope="col">#</th><th scope="col">{a.consumer}</th><th scope="col">{a.eventType}</th><th scope="col">{a.attempts}</th>
                <th scope="col">{a.deadAt}</th><th scope="col">{t.status}</th><th scope="col">{a.lastError}</th><th scope="col">{a.actions}</th>
              </tr>
            </thead>
            <tbody>
              {letters.map((d) => (
                <tr key={d.id}>
                  <td>{formatNumber(locale, d.id)}</td>
                  <td dir="ltr">{d.consumer}</td>
                  <td dir="ltr">{d.eventType}</td>
                  <td>{formatNumber(locale, d.attempts)}</td>
                  <td>{formatDateTime(locale, d.deadAt)}</td>
                  <td>{(a as unknown as Record<string, string>)[`dlStatus_${d.status}`] ?? d.status}</td>
                  <td>
                    <span dir="auto">{d.lastError.slice(0, 80)}{d.lastError.length > 80 ? '…' : ''}</span>
                    <details>
                      <summary>{a.inspect(formatNumber(locale, d.id))}</summary>
                      <pre dir="ltr" className="json">{d.lastError}</pre>
                      <p><strong>{a.eventBody}</strong> <code dir="ltr">{d.eventId}</code></p>
                      <pre dir="ltr" className="json">{JSON.stringify(d.event, null, 2)}</pre>
                    </details>
                  </td>
                  <td>
                    {d.status === 'dead' ? (
                      <button type="button" className="button secondary" onClick={() => void retry(d.id)}>{a.retry(formatNumber(locale, d.id))}</button>
                    ) : null}
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

export default function DeadLettersScreen() {
  return <AdminOnly><DeadLetters /></AdminOnly>;
}
