// An item's history on its edit screen: every version as a timeline (who, what, when), a field diff
// between any two versions (their snapshots compared field by field), and restore — which brings an
// old version's content back as a new version (nothing is rewritten), sent with If-Match like a save.
import { useId, useState } from 'react';
import { cms, etagOf, problemOf, type EntityType } from './cms';
import { formatDateTime } from './list';
import type { StudioMessages } from './messages';
import { useLoad } from './use-load';
import type { Locale } from '../i18n/messages';

// Bookkeeping that changes with every version and says nothing about the content.
const IGNORED = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'id']);

type Snapshot = Record<string, unknown>;

export function diffFields(a: Snapshot, b: Snapshot): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => !IGNORED.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** GET /api/cms/{collection}/{id}/revisions; one typed call per type. */
function load(type: EntityType, id: string) {
  const params = { params: { path: { id } } };
  switch (type) {
    case 'program': return cms().GET('/api/cms/programs/{id}/revisions', params);
    case 'episode': return cms().GET('/api/cms/episodes/{id}/revisions', params);
    case 'category': return cms().GET('/api/cms/categories/{id}/revisions', params);
    case 'person': return cms().GET('/api/cms/people/{id}/revisions', params);
  }
}

function restore(type: EntityType, id: string, version: number, current: number) {
  const params = { params: { path: { id, version }, header: { 'if-match': etagOf(current) } } };
  switch (type) {
    case 'program': return cms().POST('/api/cms/programs/{id}/revisions/{version}/restore', params);
    case 'episode': return cms().POST('/api/cms/episodes/{id}/revisions/{version}/restore', params);
    case 'category': return cms().POST('/api/cms/categories/{id}/revisions/{version}/restore', params);
    case 'person': return cms().POST('/api/cms/people/{id}/revisions/{version}/restore', params);
  }
}

export function Revisions<E extends { id: string; version: number }>({ type, item, canRestore, onRestored, t, locale, labels }: {
  type: EntityType; item: E; canRestore: boolean; onRestored: (next: E) => void; t: StudioMessages; locale: Locale; labels: Record<string, string>;
}) {
  const list = useLoad(`${item.id}:${item.version}`, () => load(type, item.id));
  const items = list.data?.items ?? [];
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [message, setMessage] = useState<string>();
  const fromId = useId();
  const toId = useId();
  // By default: what the newest version changed.
  const toVersion = to ?? items[0]?.version;
  const fromVersion = from ?? items[1]?.version;
  const a = items.find((r) => r.version === fromVersion)?.snapshot as Snapshot | undefined;
  const b = items.find((r) => r.version === toVersion)?.snapshot as Snapshot | undefined;
  const changed = a && b ? diffFields(a, b) : [];

  async function restoreVersion(version: number) {
    setMessage(undefined);
    const { data, error, response } = await restore(type, item.id, version, item.version);
    // The server answers with the item of this screen's type (restore of the same resource).
    if (data) onRestored(data as unknown as E);
    else setMessage(response.status === 412 ? t.conflictText : problemOf(error, response).detail ?? t.errorGeneric);
  }

  const options = items.map((r) => <option key={r.version} value={r.version}>{t.versionN(String(r.version))}</option>);
  return (
    <section className="revisions" aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t.revisions}</h2>
      {list.loading && !list.data ? <p role="status">{t.loading}</p> : null}
      {items.length > 1 ? (
        <div className="compare-pick">
          <div className="field">
            <label htmlFor={fromId}>{t.compareFrom}</label>
            <select id={fromId} value={fromVersion} onChange={(e) => setFrom(Number(e.target.value))}>{options}</select>
          </div>
          <div className="field">
            <label htmlFor={toId}>{t.compareTo}</label>
            <select id={toId} value={toVersion} onChange={(e) => setTo(Number(e.target.value))}>{options}</select>
          </div>
        </div>
      ) : null}
      {a && b ? (
        changed.length === 0 ? <p>{t.noDifferences}</p> : (
          <table className="studio-table diff">
            <caption>{t.diffCaption(String(fromVersion), String(toVersion))}</caption>
            <thead><tr><th scope="col">{t.field}</th><th scope="col">{t.versionN(String(fromVersion))}</th><th scope="col">{t.versionN(String(toVersion))}</th></tr></thead>
            <tbody>
              {changed.map((f) => (
                <tr key={f}><th scope="row">{labels[f] ?? f}</th><td dir="auto"><del>{show(a[f])}</del></td><td dir="auto"><ins>{show(b[f])}</ins></td></tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      <ol className="timeline">
        {items.map((r) => (
          <li key={r.version}>
            <span className="timeline-version">{t.versionN(String(r.version))}</span>{' '}
            <span>{r.action}</span> · <bdi>{r.actor}</bdi> · <time dateTime={r.createdAt}>{formatDateTime(locale, r.createdAt)}</time>
            {canRestore && r.version !== item.version ? (
              <> <button type="button" className="link-button" onClick={() => void restoreVersion(r.version)}>{t.restoreVersion(String(r.version))}</button></>
            ) : null}
          </li>
        ))}
      </ol>
      {message ? <p role="alert" className="field-error">{message}</p> : null}
    </section>
  );
}
