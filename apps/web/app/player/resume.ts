// Where each episode was left, kept in this browser only (localStorage), so a listener who comes back
// resumes there. Near the end counts as finished: the next play starts from the beginning.
const KEY = (episodeId: string) => `thmnayah:position:${episodeId}`;

export function savedPosition(episodeId: string): number {
  try {
    const value = Number(localStorage.getItem(KEY(episodeId)));
    return Number.isFinite(value) && value > 0 ? value : 0;
  } catch {
    return 0;
  }
}

export function savePosition(episodeId: string, seconds: number, duration: number) {
  try {
    if (duration > 0 && duration - seconds < 15) localStorage.removeItem(KEY(episodeId));
    else if (seconds > 5) localStorage.setItem(KEY(episodeId), String(Math.floor(seconds)));
  } catch {
    // Storage full or disabled (private mode): resuming is a nicety.
  }
}
