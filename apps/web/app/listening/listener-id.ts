// The anonymous listener id: a random UUID kept in this browser's localStorage (no account, no cookie).
// Listening beacons and "for you" recommendations name the listener by it. null on the server, and
// where storage is unavailable (private modes that throw), so callers simply skip personal features.
const KEY = 'thmnayah.listener';

export function listenerId(): string | null {
  if (typeof window === 'undefined') return null;
  try {
    let id = window.localStorage.getItem(KEY);
    if (!id) {
      id = crypto.randomUUID();
      window.localStorage.setItem(KEY, id);
    }
    return id;
  } catch {
    return null;
  }
}
