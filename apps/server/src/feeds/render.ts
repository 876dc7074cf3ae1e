// A program's podcast feed: RSS 2.0 with the iTunes (Apple) and Podcasting 2.0 namespaces, made from
// public documents only (feeds/read.ts). The choices, and which Apple/Spotify rules they satisfy, are in
// docs/feeds.md; test/feeds/checks.ts checks a feed against those rules.
//
// Text: titles and names are escaped text; descriptions go out twice: <description> as plain text cut to
// Apple's 4000 bytes, and <content:encoded> as the full text in HTML paragraphs inside CDATA (podcast apps
// show it with its paragraphs; the importer reads it back to the same text).
import type { PublicEpisode, PublicMedia, PublicPersonRef } from '../discovery/documents.js';
import { appleCategoryFor } from './apple-categories.js';
import { podcastGuid } from './guid.js';
import type { FeedContent } from './read.js';
import { cdata, element, textElement } from './xml.js';

export interface FeedSettings {
  /** PUBLIC_URL: the base of the links in the feed. */
  publicUrl: string;
  /** itunes:owner e-mail (FEEDS_OWNER_EMAIL), when configured. */
  ownerEmail?: string | undefined;
}

export const NAMESPACES = {
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  podcast: 'https://podcastindex.org/namespace/1.0',
  content: 'http://purl.org/rss/1.0/modules/content/',
  atom: 'http://www.w3.org/2005/Atom',
} as const;

/** Apple's limit for <description> (channel and item). */
export const DESCRIPTION_MAX_BYTES = 4000;

/** The canonical feed path: by id, so renaming a program (its slug) never moves its feed. */
function feedPath(programId: string): string {
  return `/feeds/${programId}.xml`;
}

function rfc2822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** Cuts text to at most `max` UTF-8 bytes, on a character boundary, ending with "…" when cut. */
export function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = '';
  let bytes = 3; // the ellipsis
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > max) break;
    out += char;
    bytes += size;
  }
  return `${out.trimEnd()}…`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Plain text (paragraphs separated by blank lines) as HTML paragraphs with line breaks. */
export function textToHtml(text: string): string {
  return text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
}

// Apple lists audio/x-m4a for AAC audio; the CMS stores the registered name audio/mp4.
const ENCLOSURE_TYPES: Record<string, string> = { 'audio/mp4': 'audio/x-m4a' };
const enclosureType = (mime: string) => ENCLOSURE_TYPES[mime] ?? mime;

function playable(media: PublicMedia[]): PublicMedia[] {
  return media.filter((m) => (m.kind === 'audio' || m.kind === 'video') && /^(audio|video)\//.test(m.mimeType));
}

// CMS roles in the Podcast Taxonomy (podcasttaxonomy.com): role and group.
const TAXONOMY: Record<string, { role: string; group: string }> = {
  host: { role: 'host', group: 'cast' },
  'co-host': { role: 'co-host', group: 'cast' },
  guest: { role: 'guest', group: 'cast' },
  narrator: { role: 'narrator', group: 'cast' },
  producer: { role: 'producer', group: 'creative direction' },
  editor: { role: 'editor', group: 'writing' },
};

function personElements(people: PublicPersonRef[], content: FeedContent): string[] {
  return people.map((p) => {
    const taxonomy = (Object.hasOwn(TAXONOMY, p.role) ? TAXONOMY[p.role] : undefined) ?? { role: p.role, group: 'cast' };
    return textElement('podcast:person', p.name, {
      role: taxonomy.role,
      group: taxonomy.group === 'cast' ? undefined : taxonomy.group,
      img: content.people.get(p.id)?.imageUrl ?? undefined,
    });
  });
}

function descriptionElements(text: string): string[] {
  if (!text) return [];
  return [
    textElement('description', truncateBytes(text, DESCRIPTION_MAX_BYTES)),
    element('content:encoded', {}, cdata(textToHtml(text))),
  ];
}

function itemElements(episode: PublicEpisode, content: FeedContent, settings: FeedSettings): string[] | null {
  const files = playable(episode.media);
  const [main, ...alternates] = files;
  // Without a playable file an item is not an episode to Apple or Spotify (both reject it). Without a guid
  // the read model predates guids (rebuild it): better no item than one whose guid would change later.
  if (!main || !episode.guid) return null;
  const image = episode.media.find((m) => m.kind === 'image');
  const lines = [
    textElement('title', episode.title),
    textElement('guid', episode.guid, { isPermaLink: 'false' }),
    textElement('link', `${settings.publicUrl}/api/discovery/episodes/${episode.id}`),
    textElement('pubDate', rfc2822(episode.publishAt)),
    ...descriptionElements(episode.description),
    // Apple requires a length; 0 says "unknown" until the media pipeline has measured the file.
    element('enclosure', { url: main.url, length: main.byteSize ?? 0, type: enclosureType(main.mimeType) }),
    ...(episode.durationSeconds !== null ? [textElement('itunes:duration', episode.durationSeconds)] : []),
    textElement('itunes:explicit', episode.explicit ? 'true' : 'false'),
    textElement('itunes:episodeType', episode.episodeType),
    ...(episode.season !== null ? [textElement('itunes:season', episode.season)] : []),
    // Apple takes only non-zero episode numbers; podcast:episode carries a 0.
    ...(episode.number !== null ? [episode.number > 0 ? textElement('itunes:episode', episode.number) : textElement('podcast:episode', episode.number)] : []),
    ...(image ? [element('itunes:image', { href: image.url })] : []),
    ...alternates.map((m) => element('podcast:alternateEnclosure', { type: enclosureType(m.mimeType), length: m.byteSize ?? undefined }, element('podcast:source', { uri: m.url }))),
    ...episode.media.filter((m) => m.kind === 'transcript').map((m) => element('podcast:transcript', { url: m.url, type: m.mimeType })),
    ...episode.media.filter((m) => m.kind === 'chapters').slice(0, 1).map((m) => element('podcast:chapters', { url: m.url, type: m.mimeType })),
    ...personElements(episode.people, content),
    ...episode.tags.map((tag) => textElement('category', tag)),
  ];
  return lines;
}

export function renderFeed(content: FeedContent, settings: FeedSettings): string {
  const { program } = content;
  const feedUrl = `${settings.publicUrl}${feedPath(program.id)}`;
  const link = `${settings.publicUrl}/api/discovery/programs/${encodeURIComponent(program.slug)}`;
  const hosts = program.people.filter((p) => p.role === 'host' || p.role === 'co-host').map((p) => p.name);
  const author = hosts.length > 0 ? hosts.join(', ') : null;
  const category = appleCategoryFor(content.categories.map((c) => ({ nameEn: c.nameEn, slug: c.slug })));
  const items = content.episodes.map((e) => itemElements(e, content, settings)).filter((i): i is string[] => i !== null);

  const channel = [
    textElement('title', program.title),
    textElement('link', link),
    element('atom:link', { href: feedUrl, rel: 'self', type: 'application/rss+xml' }),
    textElement('description', truncateBytes(program.description || program.title, DESCRIPTION_MAX_BYTES)),
    textElement('language', program.language),
    textElement('generator', 'Thmnayah'),
    ...(content.episodes[0] ? [textElement('pubDate', rfc2822(content.episodes[0].publishAt))] : []),
    ...(author ? [textElement('itunes:author', author)] : []),
    ...(settings.ownerEmail
      ? [element('itunes:owner', {}, textElement('itunes:name', author ?? program.title) + textElement('itunes:email', settings.ownerEmail))]
      : []),
    ...(program.artworkUrl
      ? [
        element('itunes:image', { href: program.artworkUrl }),
        element('image', {}, textElement('url', program.artworkUrl) + textElement('title', program.title) + textElement('link', link)),
      ]
      : []),
    ...(category
      ? [element('itunes:category', { text: category.category }, category.subcategory ? element('itunes:category', { text: category.subcategory }) : undefined)]
      : []),
    textElement('itunes:explicit', program.explicit ? 'true' : 'false'),
    textElement('itunes:type', 'episodic'),
    textElement('podcast:guid', podcastGuid(program.id)),
    ...personElements(program.people, content),
    ...program.tags.map((tag) => textElement('category', tag)),
  ];

  const indent = (lines: string[], depth: number) => lines.map((line) => `${'  '.repeat(depth)}${line}`).join('\n');
  const xmlns = Object.entries(NAMESPACES).map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`).join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0"${xmlns}>`,
    '  <channel>',
    indent(channel, 2),
    ...items.map((item) => `    <item>\n${indent(item, 3)}\n    </item>`),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

