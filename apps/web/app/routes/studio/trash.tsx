// /studio/:lang/trash — deleted programs, episodes, categories and people (deletes are soft), newest
// first, each with Restore. A restore can be refused (409: e.g. the slug was taken meanwhile); the
// reason is shown on its row.
import { useState } from 'react';
import { Link } from 'react-router';
import { COLLECTION, categoryName, cms, problemOf, type EntityType } from '../../studio/cms';
import { formatDateTime } from '../../studio/list';
import { useSession, useStudioLocale } from '../../studio/session';
import { useLoad } from '../../studio/use-load';

interface Row { id: string; title: string; deletedAt: string | null; kind: EntityType }

const trashed = { query: { deletedOnly: true, sort: '-updatedAt', limit: 50 } } as const;

/** POST /api/cms/{collection}/{id}/restore; one typed call per type. */
function restoreCall(kind: EntityType, id: string) {
  const params = { params: { path: { id } } };
  switch (kind) {
    case 'program': return cms().POST('/api/cms/programs/{id}/restore', params);
    case 'episode': return cms().POST('/api/cms/episodes/{id}/restore', params);
    case 'category': return cms().POST('/api/cms/categories/{id}/restore', params);
    case 'person': return cms().POST('/api/cms/people/{id}/restore', params);
  }
}

export default function Trash() {
  const { locale, t, path } = useStudioLocale();
  const { canEdit } = useSession();
  const [tick, setTick] = useState(0);
  const programs = useLoad(`p${tick}`, () => cms().GET('/api/cms/programs', { params: trashed }));
  const episodes = useLoad(`e${tick}`, () => cms().GET('/api/cms/episodes', { params: trashed }));
  const categories = useLoad(`c${tick}`, () => cms().GET('/api/cms/categories', { params: trashed }));
  const people = useLoad(`h${tick}`, () => cms().GET('/api/cms/people', { params: trashed }));
  const [messages, setMessages] = useState<Record<string, string>>({});
  const [restored, setRestored] = useState<Row[]>([]);

  async function restore(row: Row) {
    const { data, error, response } = await restoreCall(row.kind, row.id);
    if (data) {
      setRestored((r) => [...r, row]);
      setTick((n) => n + 1);
    } else setMessages((m) => ({ ...m, [row.id]: problemOf(error, response).detail ?? t.errorGeneric }));
  }

  const table = (caption: string, rows: Row[], heading = t.title) => (
    <div className="table-wrap">
      <table className="studio-table">
        <caption>{caption}</caption>
        <thead><tr><th scope="col">{heading}</th><th scope="col">{t.deletedAt}</th>{canEdit ? <th scope="col"><span className="visually-hidden">{t.restore}</span></th> : null}</tr></thead>
        <tbody>
          {rows.length === 0 ? <tr><td colSpan={3}>{t.trashEmpty}</td></tr> : rows.map((row) => (
            <tr key={row.id}>
              <td dir="auto">{row.title}</td>
              <td>{formatDateTime(locale, row.deletedAt)}</td>
              {canEdit ? (
                <td>
                  <button type="button" className="button secondary" onClick={() => void restore(row)} aria-label={t.restoreItem(row.title)}>{t.restore}</button>
                  {messages[row.id] ? <p role="alert" className="field-error">{messages[row.id]}</p> : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  const loading = programs.loading || episodes.loading || categories.loading || people.loading;
  return (
    <section aria-labelledby="trash-title">
      <h1 id="trash-title">{t.trash}</h1>
      {restored.length ? (
        <div role="status">
          {restored.map((row) => <p key={row.id}>{t.restoredItem} <Link to={path(`${COLLECTION[row.kind]}/${row.id}`)} dir="auto">{row.title}</Link></p>)}
        </div>
      ) : null}
      {loading ? <p role="status">{t.loading}</p> : null}
      {programs.data ? table(t.programs, programs.data.items.map((p) => ({ id: p.id, title: p.title, deletedAt: p.deletedAt, kind: 'program' }))) : null}
      {episodes.data ? table(t.episodes, episodes.data.items.map((e) => ({ id: e.id, title: e.title, deletedAt: e.deletedAt, kind: 'episode' }))) : null}
      {categories.data ? table(t.categories, categories.data.items.map((c) => ({ id: c.id, title: categoryName(locale, c), deletedAt: c.deletedAt, kind: 'category' })), t.personName) : null}
      {people.data ? table(t.people, people.data.items.map((p) => ({ id: p.id, title: p.name, deletedAt: p.deletedAt, kind: 'person' })), t.personName) : null}
    </section>
  );
}
