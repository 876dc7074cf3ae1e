// The people of a program or an episode, in display order, each with a role: find a person by name, pick a
// role, add; change a role or remove a link in place. The links live in the form as one text value
// (values.ts: peopleText/peopleOf), so saving, the unsaved-change warning and the conflict check treat them
// as one field, the way the API replaces them (PATCH sends the whole list).
import { useEffect, useId, useRef, useState } from 'react';
import { cms } from './cms';
import type { StudioMessages } from './messages';
import { useLoad } from './use-load';
import { PERSON_ROLES, peopleOf, peopleText, type PersonRole } from './values';

export function PeopleField({ value, onChange, error, t }: { value: string; onChange: (value: string) => void; error?: string; t: StudioMessages }) {
  const id = useId();
  const links = peopleOf(value);
  const names = usePersonNames(links.map((link) => link.personId));
  const [query, setQuery] = useState('');
  const [pick, setPick] = useState('');
  const [role, setRole] = useState<PersonRole>('host');
  // Each keystroke asks the server; useLoad drops answers that arrive after a newer question.
  const found = useLoad(`people:${query}`, () => cms().GET('/api/cms/people', { params: { query: { ...(query.trim() ? { q: query.trim() } : {}), limit: 20, sort: 'name' } } }));
  const candidates = (found.data?.items ?? []).filter((p) => !links.some((link) => link.personId === p.id));
  const chosen = candidates.some((p) => p.id === pick) ? pick : candidates[0]?.id ?? '';
  const roleName = (r: PersonRole) => t[`personRole_${r}`];

  const update = (next: typeof links) => onChange(peopleText(next));
  return (
    <fieldset className="people-field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t.peopleLinked}</legend>
      {links.length === 0 ? <p className="muted">{t.noPeopleLinked}</p> : (
        <ol className="people-links">
          {links.map((link, index) => {
            const name = names[link.personId] ?? '…';
            return (
              <li key={link.personId}>
                <span className="person-name"><bdi>{name}</bdi></span>
                <select aria-label={t.roleOf(name)} value={link.role} onChange={(e) => update(links.map((l, i) => (i === index ? { ...l, role: e.target.value as PersonRole } : l)))}>
                  {PERSON_ROLES.map((r) => <option key={r} value={r}>{roleName(r)}</option>)}
                </select>
                <button type="button" className="button secondary" aria-label={t.removePerson(name)} onClick={() => update(links.filter((_, i) => i !== index))}>
                  {t.remove}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <div className="field-row people-add">
        <div className="field">
          <label htmlFor={`${id}-find`}>{t.findPerson}</label>
          <input id={`${id}-find`} type="search" dir="auto" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-pick`}>{t.personToAdd}</label>
          <select id={`${id}-pick`} value={chosen} onChange={(e) => setPick(e.target.value)}>
            {candidates.length === 0 ? <option value="">—</option> : null}
            {candidates.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t.personRole}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as PersonRole)}>
            {PERSON_ROLES.map((r) => <option key={r} value={r}>{roleName(r)}</option>)}
          </select>
        </div>
        <button type="button" className="button secondary" disabled={!chosen} onClick={() => { update([...links, { personId: chosen, role }]); setPick(''); }}>
          {t.addPerson}
        </button>
      </div>
      {error ? <p className="field-error" id={`${id}-error`} dir="auto">{error}</p> : null}
    </fieldset>
  );
}

/** Names of the linked people (the item's links carry only ids): read once each, kept for the page's life. */
function usePersonNames(ids: string[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const asked = useRef(new Set<string>());
  const missing = ids.filter((id) => !asked.current.has(id)).join(',');
  useEffect(() => {
    for (const personId of missing.split(',').filter(Boolean)) {
      asked.current.add(personId);
      void cms().GET('/api/cms/people/{id}', { params: { path: { id: personId } } }).then(({ data }) => {
        setNames((known) => ({ ...known, [personId]: data?.name ?? personId }));
      });
    }
  }, [missing]);
  return names;
}
