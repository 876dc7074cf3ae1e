// "For you" on the home page: personal, so never rendered on the server (pages are cached and shared);
// fetched in the browser after hydration with this browser's anonymous listener id. Nothing shows until
// there is something to show, and nothing at all without storage (no id).
import { useEffect, useState } from 'react';
import { apiClient, episodeRow } from '../api/client';
import { listenerId } from '../listening/listener-id';
import { useLocale } from '../i18n/use-locale';
import { EpisodeRow } from './cards';

type Row = ReturnType<typeof episodeRow>;

export function ForYouShelf() {
  const { locale, t } = useLocale();
  const [items, setItems] = useState<Row[]>([]);
  useEffect(() => {
    const listener = listenerId();
    if (!listener) return;
    let live = true;
    apiClient().GET('/api/discovery/for-you', { params: { query: { listener, language: locale, limit: 6 } } })
      .then((r) => { if (live) setItems((r.data?.items ?? []).map(episodeRow)); }, () => {});
    return () => { live = false; };
  }, [locale]);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="for-you" className="shelf">
      <h2 id="for-you">{t.forYou}</h2>
      <ul className="episode-list">{items.map((e) => <EpisodeRow key={e.id} episode={e} />)}</ul>
    </section>
  );
}
