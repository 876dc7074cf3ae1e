// Publishing actions on an edit screen: publish, unpublish, archive, and for episodes schedule. Each is
// sent with If-Match (the version on screen), so acting on a version someone replaced is refused (412)
// rather than publishing content the editor has not seen. The schedule picker is a datetime-local in the
// editor's own time zone; the API gets UTC (toISOString).
import { useEffect, useId, useRef, useState } from 'react';
import { cms, etagOf, problemOf } from './cms';
import type { StudioMessages } from './messages';
import { formatDateTime } from './list';
import type { Locale } from '../i18n/messages';

type Action = 'publish' | 'unpublish' | 'archive' | 'schedule';
interface Item { id: string; version: number; status: string }

/** POST /api/cms/{programs|episodes}/{id}/{action}; one typed call per action, the path picked here. */
function call(type: 'program' | 'episode', action: Action, id: string, version: number, publishAt?: string) {
  const options = { params: { path: { id }, header: { 'if-match': etagOf(version) } } };
  const c = cms();
  if (type === 'program') {
    if (action === 'publish') return c.POST('/api/cms/programs/{id}/publish', options);
    if (action === 'unpublish') return c.POST('/api/cms/programs/{id}/unpublish', options);
    return c.POST('/api/cms/programs/{id}/archive', options);
  }
  if (action === 'publish') return c.POST('/api/cms/episodes/{id}/publish', { ...options, body: {} });
  if (action === 'schedule') return c.POST('/api/cms/episodes/{id}/schedule', { ...options, body: { publishAt } });
  if (action === 'unpublish') return c.POST('/api/cms/episodes/{id}/unpublish', options);
  return c.POST('/api/cms/episodes/{id}/archive', options);
}

/** "2026-12-03T14:30" (local, from the picker) → ISO 8601 UTC; and back, for the picker's value. */
export const localToUtc = (local: string) => new Date(local).toISOString();
export function utcToLocal(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function Workflow<E extends Item>({ type, item, publishAt, disabledReason, onDone, t, locale }: {
  type: 'program' | 'episode'; item: E; publishAt?: string | null; disabledReason?: string | undefined; onDone: (next: E) => void; t: StudioMessages; locale: Locale;
}) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [when, setWhen] = useState(publishAt && item.status === 'scheduled' ? utcToLocal(publishAt) : '');
  const whenId = useId();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  async function run(action: Action) {
    setBusy(true);
    setMessage(undefined);
    try {
      const { data, error, response } = await call(type, action, item.id, item.version, action === 'schedule' ? localToUtc(when) : undefined);
      if (data) onDone(data as unknown as E);
      else setMessage(response.status === 412 ? t.conflictText : problemOf(error, response).detail ?? t.errorGeneric);
    } catch (error) {
      setMessage(problemOf(error).detail ?? t.errorGeneric);
    } finally {
      setBusy(false);
    }
  }

  const disabled = busy || disabledReason !== undefined;
  // Ctrl+Shift+P / Cmd+Shift+P publishes (when the Publish button is there and enabled).
  const publishRef = useRef<(() => void) | null>(null);
  publishRef.current = !disabled && item.status !== 'published' ? () => void run('publish') : null;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        publishRef.current?.();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <section className="workflow" aria-labelledby="workflow-title">
      <h2 id="workflow-title">{t.workflow}</h2>
      {disabledReason ? <p className="muted">{disabledReason}</p> : null}
      {type === 'episode' && item.status === 'scheduled' && publishAt ? <p>{t.scheduledFor(formatDateTime(locale, publishAt))}</p> : null}
      <div className="actions">
        {item.status !== 'published' ? <button type="button" className="button" disabled={disabled} onClick={() => void run('publish')} aria-keyshortcuts="Control+Shift+P Meta+Shift+P">{t.publish}</button> : null}
        {item.status === 'published' || item.status === 'scheduled' ? <button type="button" className="button secondary" disabled={disabled} onClick={() => void run('unpublish')}>{t.unpublish}</button> : null}
        {item.status !== 'archived' ? <button type="button" className="button secondary" disabled={disabled} onClick={() => void run('archive')}>{t.archive}</button> : null}
      </div>
      {item.status !== 'published' ? <p className="muted">{t.publishShortcut}</p> : null}
      {type === 'episode' ? (
        <div className="schedule">
          <div className="field">
            <label htmlFor={whenId}>{t.scheduleAt}</label>
            <input id={whenId} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} disabled={disabled} aria-describedby={`${whenId}-zone`} />
            <p className="field-hint" id={`${whenId}-zone`}>{t.timeZone(zone)}</p>
          </div>
          <button type="button" className="button secondary" disabled={disabled || !when} onClick={() => void run('schedule')}>{t.schedule}</button>
        </div>
      ) : null}
      {message ? <p role="alert" className="field-error">{message}</p> : null}
    </section>
  );
}
