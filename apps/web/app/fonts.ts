// Noto Sans Arabic (SIL OFL), self-hosted from @fontsource's files: no request leaves the site.
// font-display: optional — on a first visit over a slow network the page paints at once in the system
// font and never re-flows when the web font arrives late (it is cached for the next page). Not
// preloaded: measured with Lighthouse's mobile profile (bench/web.ts), `swap` moved the largest paint to
// the late swap, and preloading 100 kB of fonts delayed the first paint behind them.
import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import arabic700 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?url';
import latin400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-latin-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-latin-700-normal.woff2?url';

const ARABIC = 'U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC';
const LATIN = 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';

const face = (url: string, weight: number, range: string) =>
  `@font-face{font-family:'Noto Sans Arabic';font-style:normal;font-display:optional;font-weight:${weight};src:url(${url}) format('woff2');unicode-range:${range}}`;

export const FONT_FACES = [face(arabic400, 400, ARABIC), face(arabic700, 700, ARABIC), face(latin400, 400, LATIN), face(latin700, 700, LATIN)].join('');
