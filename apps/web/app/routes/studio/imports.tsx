// /studio/:lang/imports — import a podcast RSS or YouTube feed by URL, or a feed file, in four steps:
// paste the URL (or pick the file) → preview what will be created (POST /api/cms/imports/preview: the
// program, how many episodes are new / updated / unchanged, warnings; nothing written) → confirm → the
// import with live progress (GET /api/cms/imports/:id) → its summary: new / updated / unchanged / failed
// with reasons. Recent imports below.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { authorizedFetch, cms, problemOf } from '../../studio/cms';
import { formatDateTime } from '../../studio/list';
import { useSession, useStudioLocale } from '../../studio/session';
import { useLoad } from '../../studio/use-load';
import { useImportRun, type ImportPreview } from '../../studio/import-run';
import { useAdminMessages } from '../../studio/admin-messages';
import { formatNumber } from '../../i18n/format';

/** The feed document itself as the body (no multipart): the endpoints read raw XML. */
async function postDocument<T>(path: string, file: File, query: Record<string, string>): Promise<{ data?: T; error?: unknown; response: Response }> {
  const response = await authorizedFetch(`${path}?${new URLSearchParams({ fileName: file.name, ...query })}`, {
    method: 'POST', headers: { 'content-type': 'application/rss+xml' }, body: file,
  });
  const body = await response.json().catch(() => undefined);
  return response.ok ? { data: body as T, response } : { error: body, response };
}

export default function Imports() {
  const { locale, t, path } = useStudioLocale();
  const a = useAdminMessages();
  const { canEdit } = useSession();
  const urlId = useId();
  const fileId = useId();
  const publishId = useId();
  const withMediaId = useId();
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File>();
  const [publish, setPublish] = useState(false);
  // Moving a back catalogue off its old host: the worker fetches each file and processes it like an upload.
  const [withMedia, setWithMedia] = useState(false);
  const [preview, setPreview] = useState<ImportPreview>();
  const [previewing, setPreviewing] = useState(false);
  const [runId, setRunId] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const run = useImportRun(runId);
  const recent = useLoad(`recent:${run?.status ?? ''}`, () => cms().GET('/api/cms/imports', { params: { query: { limit: 10 } } }));
  const n = (value: number) => formatNumber(locale, value);
  const label = (key: string) => (t as unknown as Record<string, string>)[key] ?? (a as unknown as Record<string, string>)[key] ?? key;

  // A new URL or file makes the preview stale: it is previewed again before anything is imported.
  const changed = () => {
    setPreview(undefined);
    setFailure(undefined);
  };

  async function showPreview(event: React.FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    setPreview(undefined);
    setRunId(undefined);
    setPreviewing(true);
    try {
      const result = file
        ? await postDocument<ImportPreview>('/api/cms/imports/document/preview', file, {})
        : await cms().POST('/api/cms/imports/preview', { body: { url } });
      if (result.data) setPreview(result.data);
      else setFailure(problemOf(result.error, result.response).detail ?? t.errorGeneric);
    } finally {
      setPreviewing(false);
    }
  }

  async function confirm() {
    setFailure(undefined);
    const result = file
      ? await postDocument<{ id: string }>('/api/cms/imports/document', file, { publish: String(publish), withMedia: String(withMedia) })
      : await cms().POST('/api/cms/imports', { body: { url, publish, withMedia } });
    if (result.data) {
      setPreview(undefined);
      setRunId(result.data.id);
    } else setFailure(problemOf(result.error, result.response).detail ?? t.errorGeneric);
  }

  const summary = run?.summary;
  return (
    <section aria-labelledby="imports-title">
      <h1 id="imports-title">{t.imports}</h1>
      <form className="edit-form" aria-labelledby="imports-title" onSubmit={(e) => void showPreview(e)}>
        <fieldset disabled={!canEdit || previewing}>
          <div className="field">
            <label htmlFor={urlId}>{t.feedUrl}</label>
            <input id={urlId} type="url" dir="ltr" value={url} onChange={(e) => { setUrl(e.target.value); changed(); }} placeholder="https://…" />
          </div>
          <div className="field">
            <label htmlFor={fileId}>{t.feedFile}</label>
            <input id={fileId} type="file" accept=".xml,.rss,.atom,application/rss+xml,application/xml,text/xml" onChange={(e) => { setFile(e.target.files?.[0]); changed(); }} />
          </div>
          <div className="field checkbox">
            <input id={publishId} type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
            <label htmlFor={publishId}>{t.publishImported}</label>
          </div>
          <div className="field checkbox">
            <input id={withMediaId} type="checkbox" checked={withMedia} onChange={(e) => setWithMedia(e.target.checked)} />
            <label htmlFor={withMediaId}>{t.importWithMedia}</label>
          </div>
          <button type="submit" className="button" disabled={!url && !file}>{a.previewImport}</button>
        </fieldset>
        {previewing ? <p role="status">{a.previewing}</p> : null}
      </form>
      {failure ? <p role="alert" className="field-error">{failure}</p> : null}

      {preview ? (
        <section className="import-run import-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">{a.previewTitle}</h2>
          <p className="note">{a.previewNote}</p>
          <dl className="facts">
            <dt>{a.previewProgram}</dt>
            <dd><bdi dir="auto">{preview.program.title}</bdi> — {label(`programOutcome_${preview.program.outcome}`)}</dd>
            <dt>{a.episodeCount}</dt>
            <dd>{n(preview.episodes.total)}</dd>
            {preview.peopleToCreate ? <><dt>{a.peopleToCreate}</dt><dd>{n(preview.peopleToCreate)}</dd></> : null}
          </dl>
          {preview.feed?.subscribedProgramId ? <p>{a.subscribedAlready}</p> : null}
          <table className="studio-table">
            <caption>{a.previewCounts}</caption>
            <tbody>
              <tr><th scope="row">{t.importNew}</th><td>{n(preview.episodes.new)}</td></tr>
              <tr><th scope="row">{t.importUpdated}</th><td>{n(preview.episodes.updated)}</td></tr>
              <tr><th scope="row">{t.importUnchanged}</th><td>{n(preview.episodes.unchanged)}</td></tr>
              <tr><th scope="row">{t.importFailed}</th><td>{n(preview.episodes.failed)}</td></tr>
              {preview.episodes.missing ? <tr><th scope="row">{a.importMissing}</th><td>{n(preview.episodes.missing)}</td></tr> : null}
              {preview.episodes.returned ? <tr><th scope="row">{a.importReturned}</th><td>{n(preview.episodes.returned)}</td></tr> : null}
            </tbody>
          </table>
          {preview.warnings.length ? (
            <section aria-labelledby="preview-warnings"><h3 id="preview-warnings">{a.warnings}</h3>
              <ul>{preview.warnings.map((w) => <li key={w} dir="auto">{w}</li>)}</ul></section>
          ) : null}
          {preview.failures.length ? (
            <section aria-labelledby="preview-failures"><h3 id="preview-failures">{a.failures}</h3>
              <ul>{preview.failures.map((f) => <li key={f.externalId}><bdi>{f.title}</bdi>: <span dir="auto">{f.reason}</span></li>)}</ul></section>
          ) : null}
          <div className="table-wrap">
            <table className="studio-table">
              <caption>{a.previewItems}</caption>
              <thead><tr><th scope="col">{a.itemTitle}</th><th scope="col">{t.when}</th><th scope="col">{a.itemOutcome}</th></tr></thead>
              <tbody>
                {preview.items.slice(0, 20).map((item) => (
                  <tr key={item.externalId}>
                    <td dir="auto">{item.title}</td>
                    <td>{item.publishAt ? formatDateTime(locale, item.publishAt) : '—'}</td>
                    <td>{label(`outcome_${item.outcome}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <button type="button" className="button" disabled={!canEdit} onClick={() => void confirm()}>{a.confirmImport}</button>
            <button type="button" className="button secondary" onClick={changed}>{a.cancelPreview}</button>
          </div>
        </section>
      ) : null}

      {run ? (
        <section className="import-run" aria-labelledby="import-run-title">
          <h2 id="import-run-title">{t.importOf(run.source)}</h2>
          <div className="field">
            <label htmlFor={`${fileId}-progress`}>{t.importProgress}</label>
            <progress id={`${fileId}-progress`} max={Math.max(run.progress.total, 1)} value={run.progress.done} />
          </div>
          <p role="status">{label(`import_${run.status}`)}{run.error ? `: ${run.error.message}` : ''}</p>
          {summary ? (
            <>
              <table className="studio-table">
                <caption>{t.importSummary}</caption>
                <tbody>
                  <tr><th scope="row">{t.importNew}</th><td>{n(summary.episodes.new)}</td></tr>
                  <tr><th scope="row">{t.importUpdated}</th><td>{n(summary.episodes.updated)}</td></tr>
                  <tr><th scope="row">{t.importUnchanged}</th><td>{n(summary.episodes.unchanged)}</td></tr>
                  <tr><th scope="row">{t.importFailed}</th><td>{n(summary.episodes.failed)}</td></tr>
                  {summary.mediaQueued !== undefined ? <tr><th scope="row">{t.importMediaQueued}</th><td>{n(summary.mediaQueued)}</td></tr> : null}
                </tbody>
              </table>
              {summary.failures.length ? (
                <ul>{summary.failures.map((f) => <li key={f.externalId}><bdi>{f.title}</bdi>: {f.reason}</li>)}</ul>
              ) : null}
              <p><Link to={path(`programs/${summary.program.id}`)} dir="auto">{summary.program.title}</Link></p>
            </>
          ) : null}
        </section>
      ) : null}
      <h2>{t.recentImports}</h2>
      {recent.data?.items.length ? (
        <ul className="recent-imports">
          {recent.data.items.map((r) => (
            <li key={r.id}><bdi dir="ltr">{r.source}</bdi> · {label(`import_${r.status}`)} · {formatDateTime(locale, r.startedAt)}</li>
          ))}
        </ul>
      ) : <p>{t.noItems}</p>}
    </section>
  );
}
