// Pieces the studio's lists share. The list's state lives in the URL (filters, sort, cursor), so a list
// can be bookmarked, shared and reloaded; a filter form is a GET form, which drops the cursor (new
// filters start at the first page, as cursors belong to one sort and filter set).
import { Form, Link, useLocation, useSearchParams } from 'react-router';
import type { ReactNode } from 'react';
import type { Locale } from '../i18n/messages';
import type { StudioMessages } from './messages';

/** The URL's query as the API's list parameters: empty values left out, `limit` fixed. */
export function useListParams(keys: readonly string[], defaults: Record<string, string>): { params: Record<string, string>; key: string } {
  const [search] = useSearchParams();
  const params: Record<string, string> = { ...defaults };
  for (const key of [...keys, 'cursor']) {
    const value = search.get(key);
    if (value) params[key] = value;
  }
  return { params, key: JSON.stringify(params) };
}

/** A date and time in the editor's own time zone and language. */
export function formatDateTime(locale: Locale, iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-EG-u-nu-arab' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function StatusBadge({ status, t }: { status: string; t: StudioMessages }) {
  const label = (t as unknown as Record<string, string>)[`status_${status}`] ?? status;
  return <span className={`status status-${status}`}>{label}</span>;
}

export function FilterForm({ label, children, t }: { label: string; children: ReactNode; t: StudioMessages }) {
  const location = useLocation();
  return (
    <Form method="get" className="filters" aria-label={label} role="search">
      {children}
      <div className="filter-actions">
        <button type="submit" className="button">{t.apply}</button>
        {location.search ? <Link to={location.pathname}>{t.clear}</Link> : null}
      </div>
    </Form>
  );
}

/** "First page" (when not on it) and "Next page" (when there is one), keeping filters and sort. */
export function Pager({ nextCursor, t }: { nextCursor: string | null | undefined; t: StudioMessages }) {
  const [search] = useSearchParams();
  const location = useLocation();
  const withCursor = (cursor: string | null) => {
    const next = new URLSearchParams(search);
    if (cursor) next.set('cursor', cursor);
    else next.delete('cursor');
    const query = next.toString();
    return `${location.pathname}${query ? `?${query}` : ''}`;
  };
  return (
    <nav className="pager" aria-label={`${t.firstPage} / ${t.nextPage}`}>
      {search.get('cursor') ? <Link to={withCursor(null)}>{t.firstPage}</Link> : null}
      {nextCursor ? <Link to={withCursor(nextCursor)} rel="next">{t.nextPage}</Link> : null}
    </nav>
  );
}

/** A labelled <select> of a filter; its value comes from the URL. */
export function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: [string, string][] }) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ''} key={value ?? ''}>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </div>
  );
}

export function SearchField({ label, value }: { label: string; value: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor="filter-q">{label}</label>
      <input id="filter-q" type="search" name="q" dir="auto" defaultValue={value ?? ''} key={value ?? ''} />
    </div>
  );
}
