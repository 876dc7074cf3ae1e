// Program artwork: the WebP sizes the media pipeline made (srcset), its feed JPEG as the fallback, lazy
// loaded below the fold. Artwork that is not ours (an imported feed's URL) is shown as it is; none at all
// is a tile with the title's first letter, so a shelf never has holes.
const FEED_JPEG = '/image/artwork-feed.jpg';
const WEBP_SIZES = [150, 300, 600];

function webpSet(url: string): string | undefined {
  if (!url.includes('/play/') || !url.endsWith(FEED_JPEG)) return undefined;
  const base = url.slice(0, -FEED_JPEG.length);
  return WEBP_SIZES.map((size) => `${base}/image/artwork-${size}.webp ${size}w`).join(', ');
}

export function Artwork({ url, title, size, eager = false }: { url: string | null; title: string; size: number; eager?: boolean }) {
  if (!url) {
    // The letter after the Arabic article (الأسرة → أ), or every tile of a shelf would show ا.
    const letter = [...title.trim().replace(/^ال(?=\S)/, '')][0] ?? '·';
    let hue = 0;
    for (const ch of title) hue = (hue * 31 + ch.charCodeAt(0)) % 360;
    return (
      <span className="artwork placeholder" style={{ width: size, height: size, ['--hue' as string]: hue }} aria-hidden="true">
        {letter}
      </span>
    );
  }
  const srcSet = webpSet(url);
  return (
    <picture>
      {srcSet ? <source type="image/webp" srcSet={srcSet} sizes={`${size}px`} /> : null}
      <img className="artwork" src={url} alt="" width={size} height={size} loading={eager ? 'eager' : 'lazy'} decoding="async" />
    </picture>
  );
}
