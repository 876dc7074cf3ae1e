// The anonymous listener id: a random UUID kept in this browser (localStorage `thmnayah.listener`), sent
// with listening beacons and used for "for you". There are no accounts; clearing site data, or asking the
// server to delete the id's history (DELETE /api/discovery/listening/listeners/{id}), forgets it.
// null on the server (no browser), or when storage is unavailable and no id can persist.
const KEY = 'thmnayah.listener';

export function listenerId(): string | null {
  if (typeof window === 'undefined') return null;
  try {
    const existing = window.localStorage.getItem(KEY);
    if (existing) return existing;
    const id = crypto.randomUUID();
    window.localStorage.setItem(KEY, id);
    return id;
  } catch {
    return null;
  }
}
