// /studio/:lang/imports — import a podcast RSS or YouTube feed by URL, or a feed file, then follow the
// import (progress polled from GET /api/cms/imports/:id) to its summary: new / updated / unchanged /
// failed with reasons. Recent imports below.
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { cms, problemOf } from '../../studio/cms';
import { formatDateTime } from '../../studio/list';
import { useSession, useStudioLocale } from '../../studio/session';
import { useLoad } from '../../studio/use-load';
import { currentUser } from '../../studio/auth';
import { formatNumber } from '../../i18n/format';
import type { paths } from '../../api/schema';

type Import = paths['/api/cms/imports/{id}']['get']['responses'][200]['content']['application/json'];

/** Polls an import every half second until it is no longer running. */
function useImport(id: string | undefined): Import | undefined {
  const [run, setRun] = useState<Import>();
  useEffect(() => {
    if (!id) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const { data } = await cms().GET('/api/cms/imports/{id}', { params: { path: { id } } });
      if (!live) return;
      if (data) setRun(data);
      if (!data || data.status === 'running') timer = setTimeout(() => void poll(), 500);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id]);
  return run;
}

export default function Imports() {
  const { locale, t, path } = useStudioLocale();
  const { canEdit } = useSession();
  const urlId = useId();
  const fileId = useId();
  const publishId = useId();
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File>();
  const [publish, setPublish] = useState(false);
  const [runId, setRunId] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const run = useImport(runId);
  const recent = useLoad(`recent:${run?.status ?? ''}`, () => cms().GET('/api/cms/imports', { params: { query: { limit: 10 } } }));
  const n = (value: number) => formatNumber(locale, value);

  async function start(event: React.FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    setRunId(undefined);
    let result: { data?: { id: string }; error?: unknown; response: Response };
    if (file) {
      // The feed document itself as the body (no multipart): the endpoint reads raw XML.
      const user = await currentUser();
      const response = await fetch(`/api/cms/imports/document?${new URLSearchParams({ fileName: file.name, publish: String(publish) })}`, {
        method: 'POST', headers: { 'content-type': 'application/rss+xml', authorization: `Bearer ${user?.access_token ?? ''}` }, body: file,
      });
      const body = await response.json().catch(() => undefined);
      result = response.ok ? { data: body, response } : { error: body, response };
    } else {
      result = await cms().POST('/api/cms/imports', { body: { url, publish } });
    }
    if (result.data) setRunId(result.data.id);
    else setFailure(problemOf(result.error, result.response).detail ?? t.errorGeneric);
  }

  const summary = run?.summary;
  return (
    <section aria-labelledby="imports-title">
      <h1 id="imports-title">{t.imports}</h1>
      <form className="edit-form" aria-labelledby="imports-title" onSubmit={(e) => void start(e)}>
        <fieldset disabled={!canEdit}>
          <div className="field">
            <label htmlFor={urlId}>{t.feedUrl}</label>
            <input id={urlId} type="url" dir="ltr" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" />
          </div>
          <div className="field">
            <label htmlFor={fileId}>{t.feedFile}</label>
            <input id={fileId} type="file" accept=".xml,.rss,.atom,application/rss+xml,application/xml,text/xml" onChange={(e) => setFile(e.target.files?.[0])} />
          </div>
          <div className="field checkbox">
            <input id={publishId} type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
            <label htmlFor={publishId}>{t.publishImported}</label>
          </div>
          <button type="submit" className="button" disabled={!url && !file}>{t.startImport}</button>
        </fieldset>
      </form>
      {failure ? <p role="alert" className="field-error">{failure}</p> : null}
      {run ? (
        <section className="import-run" aria-labelledby="import-run-title">
          <h2 id="import-run-title">{t.importOf(run.source)}</h2>
          <div className="field">
            <label htmlFor={`${fileId}-progress`}>{t.importProgress}</label>
            <progress id={`${fileId}-progress`} max={Math.max(run.progress.total, 1)} value={run.progress.done} />
          </div>
          <p role="status">{(t as unknown as Record<string, string>)[`import_${run.status}`] ?? run.status}{run.error ? `: ${run.error.message}` : ''}</p>
          {summary ? (
            <>
              <table className="studio-table">
                <caption>{t.importSummary}</caption>
                <tbody>
                  <tr><th scope="row">{t.importNew}</th><td>{n(summary.episodes.new)}</td></tr>
                  <tr><th scope="row">{t.importUpdated}</th><td>{n(summary.episodes.updated)}</td></tr>
                  <tr><th scope="row">{t.importUnchanged}</th><td>{n(summary.episodes.unchanged)}</td></tr>
                  <tr><th scope="row">{t.importFailed}</th><td>{n(summary.episodes.failed)}</td></tr>
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
            <li key={r.id}><bdi dir="ltr">{r.source}</bdi> · {(t as unknown as Record<string, string>)[`import_${r.status}`] ?? r.status} · {formatDateTime(locale, r.startedAt)}</li>
          ))}
        </ul>
      ) : <p>{t.noItems}</p>}
    </section>
  );
}
