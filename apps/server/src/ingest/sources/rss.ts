// Podcast feeds: RSS 2.0 with the iTunes and Podcasting 2.0 namespaces (also RSS 1.0 and plain Atom).
// parse() reads what the feed says, as strings, close to the XML; map() applies the rules of
// docs/ingest.md (which field wins, what is dropped, how ids are made) and produces the CMS drafts.
import { IngestError } from '../errors.js';
import { CMS_LIMITS, type CmsPersonRole, type EpisodeDraft, type ImportDraft, type MediaDraft, type MediaKind, type PersonDraft, type ProgramDraft } from '../draft.js';
import { disambiguatedId, episodeExternalId, programExternalId, sha256 } from '../ids.js';
import { fetchFeed, type MapContext, type Source } from '../source.js';
import { htmlToText, oneLine, truncate } from '../text.js';
import { contentLanguage, httpUrl, mediaType, parseDate, parseDuration, parseEpisodeType, parseExplicit, parseFlag, parseWholeNumber } from '../values.js';
import { Warnings } from '../warnings.js';
import { child, childText, childrenNamed, deepText, type XmlDocument, type XmlElement } from '../xml.js';

// ---------------------------------------------------------------------------------------------------
// What the feed says

export interface RawPerson { name: string; role?: string; group?: string; img?: string; href?: string }
export interface RawEnclosure { url: string; length?: string; type?: string }
export interface RawAlternate { type?: string; length?: string; bitrate?: string; height?: string; title?: string; isDefault: boolean; sources: string[] }
export interface RawLinked { url: string; type?: string; language?: string; rel?: string }

export interface RssChannel {
  title?: string;
  description?: string;
  summary?: string;
  subtitle?: string;
  link?: string;
  selfLink?: string;
  language?: string;
  itunesImage?: string;
  podcastImage?: string;
  imageUrl?: string;
  thumbnail?: string;
  explicit?: string;
  author?: string;
  owner?: { name?: string; email?: string };
  categories: string[];
  rssCategories: string[];
  keywords?: string;
  newFeedUrl?: string;
  podcastGuid?: string;
  locked?: { value: string; owner?: string };
  funding: { url: string; title: string }[];
  persons: RawPerson[];
  block?: string;
  complete?: string;
  type?: string;
}

export interface RssItem {
  title?: string;
  itunesTitle?: string;
  description?: string;
  contentEncoded?: string;
  summary?: string;
  subtitle?: string;
  link?: string;
  guid?: string;
  date?: string;
  enclosures: RawEnclosure[];
  duration?: string;
  explicit?: string;
  episodeType?: string;
  season?: string;
  episode?: string;
  image?: string;
  keywords?: string;
  categories: string[];
  transcripts: RawLinked[];
  chapters?: RawLinked;
  persons: RawPerson[];
  alternateEnclosures: RawAlternate[];
}

export interface RssParsed {
  format: 'rss2' | 'rss1' | 'atom';
  channel: RssChannel;
  items: RssItem[];
  /** podcast:liveItem elements: live streams, not episodes; counted, not imported. */
  liveItems: number;
  xmlWarnings: string[];
}

const attr = (element: XmlElement | undefined, name: string): string | undefined => {
  const value = element?.attrs[name]?.trim();
  return value ? value : undefined;
};

function persons(element: XmlElement): RawPerson[] {
  return childrenNamed(element, 'podcast:person').flatMap((p) => {
    const name = oneLine(p.text);
    return name ? [{ name, role: attr(p, 'role'), group: attr(p, 'group'), img: attr(p, 'img'), href: attr(p, 'href') }] : [];
  });
}

function podcastImage(element: XmlElement): string | undefined {
  const images = childrenNamed(element, 'podcast:image');
  const artwork = images.find((i) => attr(i, 'purpose')?.split(/\s+/).includes('artwork')) ?? images[0];
  return attr(artwork, 'href');
}

/** itunes:image is `<itunes:image href="..."/>`; some feeds put the URL in the text instead. */
function itunesImage(element: XmlElement): string | undefined {
  const image = child(element, 'itunes:image');
  return attr(image, 'href') ?? (image?.text.trim() || undefined);
}

/** itunes:keywords is a comma-separated text; some feeds put it in a `text` attribute instead. */
function keywords(element: XmlElement): string | undefined {
  const k = child(element, 'itunes:keywords');
  return k ? (k.text.trim() || attr(k, 'text')) : undefined;
}

function readChannel(channel: XmlElement): RssChannel {
  const owner = child(channel, 'itunes:owner');
  const locked = child(channel, 'podcast:locked');
  const atomLinks = childrenNamed(channel, 'atom:link');
  const self = atomLinks.find((l) => attr(l, 'rel') === 'self') ?? atomLinks.find((l) => !attr(l, 'rel'));
  return {
    title: childText(channel, 'title'),
    description: childText(channel, 'description'),
    summary: childText(channel, 'itunes:summary'),
    subtitle: childText(channel, 'itunes:subtitle'),
    link: childText(channel, 'link'),
    selfLink: attr(self, 'href') ?? (self?.text.trim() || undefined),
    language: childText(channel, 'language') ?? childText(channel, 'dc:language'),
    itunesImage: itunesImage(channel),
    podcastImage: podcastImage(channel),
    imageUrl: childText(child(channel, 'image'), 'url'),
    thumbnail: attr(child(channel, 'media:thumbnail'), 'url'),
    explicit: childText(channel, 'itunes:explicit'),
    author: childText(channel, 'itunes:author') ?? childText(channel, 'managingEditor') ?? childText(channel, 'dc:creator'),
    owner: owner ? { name: childText(owner, 'itunes:name'), email: childText(owner, 'itunes:email') } : undefined,
    categories: childrenNamed(channel, 'itunes:category').flatMap((c) => {
      const name = attr(c, 'text');
      if (!name) return [];
      const subs = childrenNamed(c, 'itunes:category').map((s) => attr(s, 'text')).filter((s): s is string => !!s);
      return subs.length ? subs.map((s) => `${name}/${s}`) : [name];
    }),
    rssCategories: childrenNamed(channel, 'category').map((c) => oneLine(c.text)).filter(Boolean),
    keywords: keywords(channel),
    newFeedUrl: childText(channel, 'itunes:new-feed-url'),
    podcastGuid: childText(channel, 'podcast:guid'),
    locked: locked ? { value: locked.text.trim(), owner: attr(locked, 'owner') } : undefined,
    funding: childrenNamed(channel, 'podcast:funding').flatMap((f) => {
      const url = attr(f, 'url');
      return url ? [{ url, title: oneLine(f.text) }] : [];
    }),
    persons: persons(channel),
    block: childText(channel, 'itunes:block') ?? childrenNamed(channel, 'podcast:block').find((b) => !attr(b, 'id'))?.text.trim(),
    complete: childText(channel, 'itunes:complete'),
    type: childText(channel, 'itunes:type'),
  };
}

function readItem(item: XmlElement): RssItem {
  const thumbnail = attr(child(item, 'media:thumbnail'), 'url');
  return {
    title: childText(item, 'title'),
    itunesTitle: childText(item, 'itunes:title'),
    description: childText(item, 'description'),
    contentEncoded: childText(item, 'content:encoded'),
    summary: childText(item, 'itunes:summary'),
    subtitle: childText(item, 'itunes:subtitle'),
    link: childText(item, 'link'),
    guid: childText(item, 'guid'),
    date: childText(item, 'pubDate') ?? childText(item, 'dc:date'),
    enclosures: childrenNamed(item, 'enclosure').flatMap((e) => {
      const url = attr(e, 'url');
      return url ? [{ url, length: attr(e, 'length'), type: attr(e, 'type') }] : [];
    }),
    duration: childText(item, 'itunes:duration'),
    explicit: childText(item, 'itunes:explicit'),
    episodeType: childText(item, 'itunes:episodeType'),
    season: childText(item, 'itunes:season') ?? childText(item, 'podcast:season'),
    episode: childText(item, 'itunes:episode') ?? childText(item, 'podcast:episode'),
    image: itunesImage(item) ?? podcastImage(item) ?? thumbnail,
    keywords: keywords(item),
    categories: childrenNamed(item, 'category').map((c) => oneLine(c.text)).filter(Boolean),
    transcripts: childrenNamed(item, 'podcast:transcript').flatMap((t) => {
      const url = attr(t, 'url');
      return url ? [{ url, type: attr(t, 'type'), language: attr(t, 'language'), rel: attr(t, 'rel') }] : [];
    }),
    chapters: ((c) => {
      const url = attr(c, 'url');
      return url ? { url, type: attr(c, 'type') } : undefined;
    })(child(item, 'podcast:chapters')),
    persons: persons(item),
    alternateEnclosures: childrenNamed(item, 'podcast:alternateEnclosure').map((a) => ({
      type: attr(a, 'type'),
      length: attr(a, 'length'),
      bitrate: attr(a, 'bitrate'),
      height: attr(a, 'height'),
      title: attr(a, 'title'),
      isDefault: parseFlag(attr(a, 'default')) === true,
      sources: childrenNamed(a, 'podcast:source').map((s) => attr(s, 'uri')).filter((u): u is string => !!u),
    })),
  };
}

/** Atom text constructs: type="html" holds escaped HTML, type="xhtml" holds markup. */
function atomText(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const type = attr(element, 'type');
  const text = type === 'xhtml' ? deepText(element) : element.text;
  const value = type === 'html' || type === 'xhtml' ? htmlToText(text) : text.trim();
  return value || undefined;
}

function atomLink(element: XmlElement, rel: string): XmlElement | undefined {
  return childrenNamed(element, 'atom:link').find((l) => (attr(l, 'rel') ?? 'alternate') === rel);
}

function readAtom(feed: XmlElement): RssParsed {
  const channel: RssChannel = {
    ...readChannel(feed),
    title: atomText(child(feed, 'atom:title')),
    description: atomText(child(feed, 'atom:subtitle')),
    link: attr(atomLink(feed, 'alternate'), 'href'),
    selfLink: attr(atomLink(feed, 'self'), 'href'),
    language: attr(feed, 'xml:lang'),
    imageUrl: childText(feed, 'atom:logo') ?? childText(feed, 'atom:icon'),
    author: childText(child(feed, 'atom:author'), 'atom:name'),
  };
  const items = childrenNamed(feed, 'atom:entry').map((entry): RssItem => ({
    ...readItem(entry),
    title: atomText(child(entry, 'atom:title')),
    description: atomText(child(entry, 'atom:content')) ?? atomText(child(entry, 'atom:summary')),
    link: attr(atomLink(entry, 'alternate'), 'href'),
    guid: childText(entry, 'atom:id'),
    date: childText(entry, 'atom:published') ?? childText(entry, 'atom:updated'),
    enclosures: childrenNamed(entry, 'atom:link').flatMap((l) => {
      const url = attr(l, 'href');
      return attr(l, 'rel') === 'enclosure' && url ? [{ url, length: attr(l, 'length'), type: attr(l, 'type') }] : [];
    }),
  }));
  return { format: 'atom', channel, items, liveItems: 0, xmlWarnings: [] };
}

export function parseRss(doc: XmlDocument): RssParsed {
  const { root } = doc;
  let parsed: RssParsed;
  if (root.name === 'atom:feed') {
    parsed = readAtom(root);
  } else {
    const channel = child(root, 'channel');
    if (!channel) throw new IngestError('not-a-feed', 'an RSS document without a <channel>');
    // RSS 1.0 puts the items beside the channel, RSS 2.0 inside it.
    const itemParent = root.name === 'rdf:RDF' ? root : channel;
    parsed = {
      format: root.name === 'rdf:RDF' ? 'rss1' : 'rss2',
      channel: readChannel(channel),
      items: childrenNamed(itemParent, 'item').map(readItem),
      liveItems: childrenNamed(channel, 'podcast:liveItem').length,
      xmlWarnings: [],
    };
  }
  parsed.xmlWarnings = doc.warnings;
  return parsed;
}

// ---------------------------------------------------------------------------------------------------
// Mapping rules

/** Podcast Taxonomy roles (podcastindex.org) onto the CMS's six; unknown roles map to null. */
const ROLES: Record<string, CmsPersonRole> = {
  host: 'host', 'co-host': 'co-host', cohost: 'co-host', 'guest host': 'co-host', guest: 'guest',
  producer: 'producer', 'executive producer': 'producer', 'associate producer': 'producer', 'senior producer': 'producer',
  'co-producer': 'producer', 'supervising producer': 'producer', 'assistant producer': 'producer',
  editor: 'editor', 'story editor': 'editor', 'managing editor': 'editor', 'assistant editor': 'editor', 'senior editor': 'editor',
  narrator: 'narrator', announcer: 'narrator', 'voice actor': 'narrator', reader: 'narrator',
};

function mapPeople(raw: RawPerson[], base: string | undefined): PersonDraft[] {
  return raw.map((p) => {
    // The namespace's defaults: role "host" in group "cast".
    const sourceRole = (p.role ?? 'host').toLowerCase();
    return {
      name: truncate(p.name, 200),
      role: Object.hasOwn(ROLES, sourceRole) ? ROLES[sourceRole]! : null,
      sourceRole,
      group: p.group?.toLowerCase() ?? 'cast',
      href: httpUrl(p.href, base),
      imageUrl: httpUrl(p.img, base),
    };
  });
}

function mapTags(...sources: (string | string[] | undefined)[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const source of sources) {
    const values = Array.isArray(source) ? source : (source?.split(',') ?? []);
    for (const value of values) {
      const tag = oneLine(value);
      const key = tag.toLowerCase();
      if (!tag || tag.length > CMS_LIMITS.tagLength || seen.has(key)) continue;
      seen.add(key);
      tags.push(tag);
      if (tags.length === CMS_LIMITS.tags) return tags;
    }
  }
  return tags;
}

function byteSize(raw: string | undefined): number | null {
  const n = parseWholeNumber(raw);
  // length="0" and length="1" are placeholders in many feeds, not sizes.
  return n !== null && n > 1 ? n : null;
}

const longest = (...values: (string | undefined)[]) => values.reduce<string | undefined>((a, b) => (b && (!a || b.length > a.length) ? b : a), undefined);

function kindOf(mime: string | null, fallback: MediaKind | null): MediaKind | null {
  const top = mime?.split('/')[0];
  if (top === 'audio' || top === 'video' || top === 'image') return top;
  return fallback;
}

class MediaList {
  readonly items: MediaDraft[] = [];
  dropped = 0;
  private readonly byKey = new Map<string, MediaDraft>();
  add(media: MediaDraft): void {
    const key = `${media.kind} ${media.url}`;
    const same = this.byKey.get(key);
    if (same) {
      // The same file listed twice (the enclosure again as an alternateEnclosure): keep one, with all
      // that both say about it (a title, a bitrate).
      for (const [field, value] of Object.entries(media)) {
        if ((same as unknown as Record<string, unknown>)[field] === undefined) (same as unknown as Record<string, unknown>)[field] = value;
      }
      return;
    }
    this.byKey.set(key, media);
    if (this.items.length >= CMS_LIMITS.media) this.dropped += 1;
    else this.items.push(media);
  }
}

function mapMedia(item: RssItem, base: string | undefined, warn: Warnings, label: string): MediaDraft[] {
  const list = new MediaList();
  item.enclosures.forEach((e, index) => {
    const url = httpUrl(e.url, base);
    if (!url) return warn.add('enclosure URL is not http(s)', `"${e.url}" in ${label}`);
    const mime = mediaType(e.type, url);
    const kind = kindOf(mime, 'audio');
    if (!kind) return;
    list.add({ kind, url, mimeType: mime ?? 'application/octet-stream', byteSize: byteSize(e.length), isDefault: index === 0 });
  });
  for (const alt of item.alternateEnclosures) {
    // Sources may be ipfs:, magnet: ...; the CMS stores http(s) URLs, so the first of those is used.
    const url = alt.sources.map((s) => httpUrl(s, base)).find((u): u is string => !!u);
    if (!url) continue;
    const mime = mediaType(alt.type, url);
    const kind = kindOf(mime, null);
    if (!kind) continue;
    const bitrate = Number(alt.bitrate);
    const height = parseWholeNumber(alt.height);
    list.add({
      kind, url, mimeType: mime!, byteSize: byteSize(alt.length), isDefault: alt.isDefault,
      ...(alt.title ? { title: alt.title } : {}),
      ...(Number.isFinite(bitrate) && bitrate > 0 ? { bitrate: Math.round(bitrate) } : {}),
      ...(height ? { height } : {}),
    });
  }
  const image = httpUrl(item.image, base);
  if (image) list.add({ kind: 'image', url: image, mimeType: mediaType(undefined, image) ?? 'application/octet-stream', byteSize: null });
  for (const t of item.transcripts) {
    const url = httpUrl(t.url, base);
    if (!url) continue;
    list.add({
      kind: 'transcript', url, mimeType: mediaType(t.type, url) ?? 'text/plain', byteSize: null,
      ...(t.language ? { language: t.language } : {}), ...(t.rel ? { rel: t.rel } : {}),
    });
  }
  const chapters = httpUrl(item.chapters?.url, base);
  if (chapters) list.add({ kind: 'chapters', url: chapters, mimeType: mediaType(item.chapters?.type, chapters) ?? 'application/json+chapters', byteSize: null });
  if (list.dropped) warn.add(`more than ${CMS_LIMITS.media} media files; the rest were dropped`, label);
  return list.items;
}

function inRange(value: number | null, range: { min: number; max: number }): number | null {
  return value !== null && value >= range.min && value <= range.max ? value : null;
}

export function mapRss(parsed: RssParsed, ctx: MapContext = {}): ImportDraft {
  const warn = new Warnings();
  warn.addAll(parsed.xmlWarnings);
  const { channel } = parsed;
  const base = ctx.url ?? httpUrl(channel.selfLink) ?? httpUrl(channel.link) ?? undefined;

  const title = truncate(oneLine(channel.title ?? ''), CMS_LIMITS.programTitle);
  if (!title) warn.add('the feed has no title; "(untitled)" used');
  const description = truncate(htmlToText(longest(channel.summary, channel.description, channel.subtitle) ?? ''), CMS_LIMITS.programDescription);
  const sample = `${title} ${description} ${parsed.items.slice(0, 20).map((i) => i.title ?? '').join(' ')}`;
  const { language, supported } = contentLanguage(channel.language, sample);
  if (!supported) {
    warn.add(channel.language
      ? `the feed's language "${channel.language}" is not one the CMS supports (ar, en); "${language}" chosen by script`
      : `the feed declares no language; "${language}" chosen by script`);
  }
  const programId = programExternalId({ podcastGuid: channel.podcastGuid, newFeedUrl: channel.newFeedUrl, fetchedUrl: ctx.url, selfLink: channel.selfLink, link: channel.link });
  if (!programId) warn.add('the feed has no guid and no URL to identify it by; the id is a hash of its title');
  const channelExplicit = parseExplicit(channel.explicit);
  const locked = parseFlag(channel.locked?.value);
  if (locked) warn.add(`the feed is locked (podcast:locked yes${channel.locked?.owner ? `, owner ${channel.locked.owner}` : ''}): its owner asks other platforms not to import it`);

  const program: ProgramDraft = {
    externalSource: 'rss',
    externalId: programId?.id ?? `sha256:${sha256(title)}`,
    externalIdRule: programId?.rule ?? 'hash',
    kind: 'podcast',
    title: title || '(untitled)',
    description,
    language,
    feedLanguage: channel.language ?? null,
    artworkUrl: [channel.itunesImage, channel.podcastImage, channel.imageUrl, channel.thumbnail].map((u) => httpUrl(u, base)).find((u): u is string => !!u) ?? null,
    tags: mapTags(channel.keywords, channel.rssCategories),
    categories: channel.categories,
    explicit: channelExplicit ?? false,
    people: mapPeople(channel.persons, base),
    author: channel.author ? oneLine(channel.author) : null,
    owner: channel.owner ? { name: channel.owner.name ?? null, email: channel.owner.email ?? null } : null,
    link: httpUrl(channel.link, base),
    feedUrl: ctx.url ?? null,
    newFeedUrl: httpUrl(channel.newFeedUrl) ?? null,
    podcastGuid: channel.podcastGuid ?? null,
    locked,
    lockedOwner: channel.locked?.owner ?? null,
    funding: channel.funding.flatMap((f) => {
      const url = httpUrl(f.url, base);
      return url ? [{ url, title: f.title }] : [];
    }),
    blocked: parseFlag(channel.block) === true,
    complete: parseFlag(channel.complete) === true,
    order: channel.type === 'serial' || channel.type === 'episodic' ? channel.type : null,
  };
  if (parsed.liveItems) warn.add(`${parsed.liveItems} podcast:liveItem element(s) (live streams) not imported as episodes`);

  const episodes: EpisodeDraft[] = [];
  // id → what the item was, to tell a repeated item (dropped) from a different one reusing an id.
  const seen = new Map<string, string>();
  for (const item of parsed.items) {
    const itemTitle = oneLine(item.title ?? item.itunesTitle ?? '');
    const label = `"${truncate(itemTitle || item.guid || '?', 60)}"`;
    const enclosureUrl = httpUrl(item.enclosures[0]?.url, base) ?? undefined;
    const link = httpUrl(item.link, base);
    const first = episodeExternalId({ guid: item.guid, enclosureUrl, link: link ?? undefined, title: itemTitle, date: item.date });
    const { rule } = first;
    let { id } = first;
    const fingerprint = `${itemTitle}\n${item.date ?? ''}\n${enclosureUrl ?? ''}`;
    const earlier = seen.get(id);
    if (earlier === fingerprint) {
      warn.add('an item repeats an earlier one (same id, title, date and enclosure) and was dropped', label);
      continue;
    }
    if (earlier !== undefined) {
      id = disambiguatedId(id, fingerprint);
      warn.add('two different items share an id; the later one got a suffixed id', `${id} (${label})`);
      if (seen.has(id)) continue;
    }
    seen.set(id, fingerprint);
    if (rule === 'hash') warn.add('an item has no guid, enclosure or link; its id is a hash of title and date', label);
    if (!item.enclosures.length) warn.add('an item has no enclosure (nothing to play)', label);

    const publishAt = parseDate(item.date);
    if (item.date && !publishAt) warn.add('unreadable publication date', `"${item.date}" in ${label}`);
    const duration = parseDuration(item.duration);
    if (item.duration && duration === null) warn.add('unreadable itunes:duration', `"${item.duration}" in ${label}`);
    const season = inRange(parseWholeNumber(item.season), CMS_LIMITS.season);
    if (item.season && season === null) warn.add('season is not a whole number from 1 to 10000', `"${item.season}" in ${label}`);
    const number = inRange(parseWholeNumber(item.episode), CMS_LIMITS.number);
    if (item.episode && number === null) warn.add('episode number is not a whole number', `"${item.episode}" in ${label}`);
    const episodeType = parseEpisodeType(item.episodeType);
    if (item.episodeType && !episodeType) warn.add('unknown itunes:episodeType; "full" used', `"${item.episodeType}" in ${label}`);
    const explicit = parseExplicit(item.explicit);
    if (item.explicit && explicit === null) warn.add('unreadable itunes:explicit; the channel value used', `"${item.explicit}" in ${label}`);

    episodes.push({
      externalId: id,
      externalIdRule: rule,
      title: truncate(itemTitle, CMS_LIMITS.episodeTitle) || '(untitled)',
      description: truncate(htmlToText(longest(item.contentEncoded, item.description, item.summary, item.subtitle) ?? ''), CMS_LIMITS.episodeDescription),
      season,
      number,
      episodeType: episodeType ?? 'full',
      explicit: explicit ?? channelExplicit ?? false,
      durationSeconds: inRange(duration, CMS_LIMITS.duration),
      tags: mapTags(item.keywords, item.categories),
      people: mapPeople(item.persons, base),
      media: mapMedia(item, base, warn, label),
      publishAt,
      link,
    });
  }
  return { source: 'rss', program, episodes, warnings: warn.list() };
}

export const rssSource: Source<RssParsed> = {
  id: 'rss',
  label: 'Podcast RSS / Atom feed',
  detect(doc) {
    const { root } = doc;
    if (root.name === 'rss' || root.name === 'rdf:RDF') return child(root, 'channel') !== undefined;
    return root.name === 'atom:feed';
  },
  fetch: fetchFeed,
  parse: parseRss,
  map: mapRss,
};
