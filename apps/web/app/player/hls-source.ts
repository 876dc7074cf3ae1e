// Puts an HLS playlist into a media element: natively where the browser plays HLS (Safari, iOS), else
// through hls.js (its light build, fetched on first use, never on page load). Shared by the site's player
// (PlayerProvider) and the studio's rendition player.
import { HLS_TYPE } from './sources';

export interface HlsHandle {
  destroy(): void;
}

/**
 * Loads `url` into `media`. Returns the hls.js instance to destroy later (null when native), or
 * 'unsupported' when this browser plays HLS neither way (the caller falls back to the MP3).
 */
export async function attachHls(
  media: HTMLMediaElement,
  url: string,
  options: { startPosition?: number; onFatal: () => void },
): Promise<HlsHandle | null | 'unsupported'> {
  if (media.canPlayType(HLS_TYPE)) {
    media.src = url;
    return null;
  }
  const { default: Hls } = await import('hls.js/light');
  if (!Hls.isSupported()) return 'unsupported';
  const instance = new Hls({ startPosition: options.startPosition && options.startPosition > 0 ? options.startPosition : -1 });
  instance.on(Hls.Events.ERROR, (_event, data) => {
    if (data.fatal) options.onFatal();
  });
  instance.loadSource(url);
  instance.attachMedia(media);
  return instance;
}
