// Small podcast feeds written for a test: each test says exactly which items its feed has, and changes
// them between imports (a new title, an item gone, a moved feed).
const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface TestPerson {
  name: string;
  role?: string;
  img?: string;
}

export interface TestItem {
  guid: string;
  title: string;
  description?: string;
  /** RFC 822 or ISO date as a feed writes it. */
  date?: string;
  enclosure?: { url: string; length?: number; type?: string } | null;
  duration?: number;
  season?: number;
  episode?: number;
  persons?: TestPerson[];
}

export interface TestFeed {
  title: string;
  description?: string;
  language?: string;
  podcastGuid?: string;
  newFeedUrl?: string;
  /** itunes:category, "Category" or "Category/Subcategory". */
  categories?: string[];
  persons?: TestPerson[];
  image?: string;
  items: TestItem[];
}

const person = (p: TestPerson) => `<podcast:person${p.role ? ` role="${esc(p.role)}"` : ''}${p.img ? ` img="${esc(p.img)}"` : ''}>${esc(p.name)}</podcast:person>`;

export function rssFeed(feed: TestFeed): string {
  const categories = (feed.categories ?? []).map((c) => {
    const [top, sub] = c.split('/');
    return sub ? `<itunes:category text="${esc(top!)}"><itunes:category text="${esc(sub)}"/></itunes:category>` : `<itunes:category text="${esc(top!)}"/>`;
  });
  const items = feed.items.map((item) => [
    '<item>',
    `<title>${esc(item.title)}</title>`,
    `<guid isPermaLink="false">${esc(item.guid)}</guid>`,
    item.description !== undefined ? `<description>${esc(item.description)}</description>` : '',
    item.date ? `<pubDate>${esc(item.date)}</pubDate>` : '',
    item.enclosure === null ? '' : (() => {
      const e = item.enclosure ?? { url: `https://media.example.org/${encodeURIComponent(item.guid)}.mp3`, length: 1234567, type: 'audio/mpeg' };
      return `<enclosure url="${esc(e.url)}" length="${e.length ?? 0}" type="${esc(e.type ?? 'audio/mpeg')}"/>`;
    })(),
    item.duration !== undefined ? `<itunes:duration>${item.duration}</itunes:duration>` : '',
    item.season !== undefined ? `<itunes:season>${item.season}</itunes:season>` : '',
    item.episode !== undefined ? `<itunes:episode>${item.episode}</itunes:episode>` : '',
    ...(item.persons ?? []).map(person),
    '</item>',
  ].filter(Boolean).join('\n'));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">',
    '<channel>',
    `<title>${esc(feed.title)}</title>`,
    `<link>https://shows.example.org/${encodeURIComponent(feed.title)}</link>`,
    `<description>${esc(feed.description ?? `About ${feed.title}`)}</description>`,
    `<language>${feed.language ?? 'en'}</language>`,
    feed.podcastGuid ? `<podcast:guid>${feed.podcastGuid}</podcast:guid>` : '',
    feed.newFeedUrl ? `<itunes:new-feed-url>${esc(feed.newFeedUrl)}</itunes:new-feed-url>` : '',
    feed.image ? `<itunes:image href="${esc(feed.image)}"/>` : '',
    ...categories,
    ...(feed.persons ?? []).map(person),
    ...items,
    '</channel>',
    '</rss>',
  ].filter(Boolean).join('\n');
}
