// Search as you type: suggestions from /api/discovery/suggest while typing (debounced; a newer keystroke
// aborts the request in flight, so a slow stale answer never replaces a fresh one), an ARIA 1.2
// combobox navigable with the arrow keys, Enter and Escape. Submitting goes to the search page, whose URL
// holds the query so a search can be shared and reloaded.
import { useEffect, useId, useRef, useState } from 'react';
import { Form, useNavigate, useSearchParams } from 'react-router';
import { apiClient, type Suggestion } from '../api/client';
import { useLocale } from '../i18n/use-locale';
import { Highlighted } from './Highlighted';

const DEBOUNCE_MS = 150;
const api = apiClient();

function hrefOf(locale: string, item: Suggestion): string {
  if (item.type === 'program') return `/${locale}/programs/${encodeURIComponent(item.slug ?? '')}`;
  if (item.type === 'person') return `/${locale}/people/${encodeURIComponent(item.slug ?? '')}`;
  return `/${locale}/episodes/${item.id}`;
}

export function SearchBox() {
  const { locale, t } = useLocale();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const inflight = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A new search page (back/forward, a shared link) shows its own query in the box.
  const urlQuery = params.get('q') ?? '';
  useEffect(() => setQuery(urlQuery), [urlQuery]);

  useEffect(() => () => {
    clearTimeout(timer.current);
    inflight.current?.abort();
  }, []);

  function onChange(value: string) {
    setQuery(value);
    setActive(-1);
    clearTimeout(timer.current);
    inflight.current?.abort();
    if (value.trim().length < 2) {
      setItems([]);
      setOpen(false);
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      inflight.current = controller;
      try {
        const { data } = await api.GET('/api/discovery/suggest', { params: { query: { q: value, limit: 8 } }, signal: controller.signal });
        if (controller.signal.aborted) return;
        setItems(data?.items ?? []);
        setOpen((data?.items.length ?? 0) > 0);
      } catch {
        // Aborted by a newer keystroke, or the API is away for a moment: no suggestions, search still works.
      }
    }, DEBOUNCE_MS);
  }

  /** Closes the list and forgets pending suggestions, so none reopens it after the listener moved on. */
  function close() {
    clearTimeout(timer.current);
    inflight.current?.abort();
    setOpen(false);
    setActive(-1);
  }

  function choose(item: Suggestion) {
    close();
    navigate(hrefOf(locale, item));
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && items.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % items.length);
    } else if (event.key === 'ArrowUp' && items.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? items.length - 1 : i - 1));
    } else if (event.key === 'Escape') {
      close();
    } else if (event.key === 'Enter' && open && active >= 0 && items[active]) {
      event.preventDefault();
      choose(items[active]);
    }
  }

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <search className="search-box">
      <Form method="get" action={`/${locale}/search`} role="search" onSubmit={close}>
        <label htmlFor={`${listId}-input`} className="visually-hidden">{t.searchLabel}</label>
        <input
          id={`${listId}-input`}
          name="q"
          type="search"
          dir="auto"
          autoComplete="off"
          placeholder={t.searchPlaceholder}
          value={query}
          maxLength={200}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={`${listId}-list`}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onFocus={() => items.length > 0 && setOpen(true)}
        />
        <button type="submit" className="button">{t.search}</button>
      </Form>
      <ul id={`${listId}-list`} role="listbox" aria-label={t.suggestions} className="suggestions" hidden={!open}>
        {items.map((item, i) => (
          <li
            key={`${item.type}-${item.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(item);
            }}
          >
            <span dir="auto"><Highlighted text={item.title} ranges={item.highlights} /></span>
            {item.program ? <span className="muted" dir="auto">{t.sep}{item.program.title}</span> : null}
          </li>
        ))}
      </ul>
    </search>
  );
}
