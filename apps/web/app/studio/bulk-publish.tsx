// Selecting rows of a list and publishing them in one request (POST /api/cms/{programs|episodes}/bulk/publish):
// the selection, the bar with its button and result, and the per-row checkbox. The selection is
// cleared whenever the list's query changes (other rows are on screen) and after publishing.
import { useEffect, useState } from 'react';
import { cms } from './cms';
import type { StudioMessages } from './messages';
import type { Locale } from '../i18n/messages';
import { formatNumber } from '../i18n/format';

type Publishable = 'program' | 'episode';

function publish(type: Publishable, ids: string[]) {
  return type === 'program'
    ? cms().POST('/api/cms/programs/bulk/publish', { body: { ids } })
    : cms().POST('/api/cms/episodes/bulk/publish', { body: { ids } });
}

export function useBulkPublish(type: Publishable, listKey: string, onPublished: () => void) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [state, setState] = useState<{ busy: boolean; message?: string }>({ busy: false });
  useEffect(() => setSelected(new Set()), [listKey]);

  const toggle = (id: string, on: boolean) => setSelected((s) => {
    const next = new Set(s);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });

  async function run(t: StudioMessages, locale: Locale) {
    setState({ busy: true });
    const { data, error, response } = await publish(type, [...selected]);
    if (!data) return setState({ busy: false, message: (error as { detail?: string } | undefined)?.detail ?? `${t.errorGeneric} (${response.status})` });
    const ok = data.results.filter((r) => r.status === 200).length;
    setState({ busy: false, message: t.bulkResult(formatNumber(locale, ok), formatNumber(locale, data.results.length - ok)) });
    setSelected(new Set());
    onPublished();
  }

  return { selected, toggle, run, ...state };
}

export type BulkPublish = ReturnType<typeof useBulkPublish>;

/** "Publish selected (n)" and what the last bulk publish did. */
export function BulkPublishBar({ bulk, t, locale }: { bulk: BulkPublish; t: StudioMessages; locale: Locale }) {
  return (
    <div className="bulk-bar">
      <button type="button" className="button" disabled={bulk.selected.size === 0 || bulk.busy} onClick={() => void bulk.run(t, locale)}>
        {t.publishSelected}{bulk.selected.size ? ` (${formatNumber(locale, bulk.selected.size)})` : ''}
      </button>
      {bulk.message ? <p role="status">{bulk.message}</p> : null}
    </div>
  );
}

/** The header cell above the checkboxes (named for screen readers only). */
export function SelectHeader({ t }: { t: StudioMessages }) {
  return <th scope="col"><span className="visually-hidden">{t.select}</span></th>;
}

/** A row's checkbox, labelled with the row's title. */
export function SelectCell({ bulk, id, title, t }: { bulk: BulkPublish; id: string; title: string; t: StudioMessages }) {
  return (
    <td>
      <input type="checkbox" id={`select-${id}`} checked={bulk.selected.has(id)} onChange={(ev) => bulk.toggle(id, ev.target.checked)} />
      <label htmlFor={`select-${id}`} className="visually-hidden">{t.selectItem(title)}</label>
    </td>
  );
}
