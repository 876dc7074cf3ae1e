// Who changed an item, when, and which fields (GET /api/cms/audit for this entity), newest first.
import { cms, type EntityType } from './cms';
import { formatDateTime } from './list';
import type { StudioMessages } from './messages';
import { useLoad } from './use-load';
import type { Locale } from '../i18n/messages';

export function AuditLog({ type, id, version, labels, t, locale }: { type: EntityType; id: string; version: number; labels: Record<string, string>; t: StudioMessages; locale: Locale }) {
  const log = useLoad(`${id}:${version}`, () => cms().GET('/api/cms/audit', { params: { query: { entityType: type, entityId: id, limit: 50 } } }));
  return (
    <section className="audit" aria-labelledby="audit-title">
      <h2 id="audit-title">{t.audit}</h2>
      {log.data ? (
        <div className="table-wrap">
          <table className="studio-table">
            <thead><tr><th scope="col">{t.when}</th><th scope="col">{t.who}</th><th scope="col">{t.action}</th><th scope="col">{t.changedFields}</th></tr></thead>
            <tbody>
              {log.data.items.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(locale, entry.at)}</td>
                  <td><bdi>{entry.actorName ?? entry.actor}</bdi></td>
                  <td>{entry.action}</td>
                  <td>{Object.keys(entry.changes).map((f) => labels[f] ?? f).join(t.listSep)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
