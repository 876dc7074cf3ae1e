// YouTube channel and playlist feeds: the Atom documents at
//   https://www.youtube.com/feeds/videos.xml?channel_id=UC...   (a channel's latest uploads)
//   https://www.youtube.com/feeds/videos.xml?playlist_id=PL...  (a playlist)
// Each <entry> is a video: yt:videoId, yt:channelId, title, link, published/updated, and a media:group with
// title, description, thumbnail and media:community (star rating, view count). The feed carries no
// duration, no channel artwork and no channel description.
//
// Mapping: the program is a "series" identified by its channel id (UC...) or playlist id; an episode is
// identified by its video id. A video is not a file we can fetch: its media entry is the watch page
// (kind "video", mimeType "text/html"), which players embed; the thumbnail is its image.
import { IngestError } from '../errors.js';
import { CMS_LIMITS, type EpisodeDraft, type ImportDraft, type MediaDraft, type ProgramDraft } from '../draft.js';
import { fetchFeed, type Source } from '../source.js';
import { oneLine, tidy, truncate } from '../text.js';
import { contentLanguage, httpUrl, mediaType, parseDate } from '../values.js';
import { Warnings } from '../warnings.js';
import { child, childText, childrenNamed, type XmlDocument, type XmlElement } from '../xml.js';

export interface YouTubeVideo {
  videoId?: string;
  channelId?: string;
  title?: string;
  link?: string;
  published?: string;
  updated?: string;
  author?: string;
  description?: string;
  thumbnail?: { url: string; width?: string; height?: string };
  rating?: { count?: string; average?: string };
  views?: string;
}

export interface YouTubeParsed {
  channelId?: string;
  playlistId?: string;
  title?: string;
  link?: string;
  selfLink?: string;
  author?: string;
  published?: string;
  videos: YouTubeVideo[];
  xmlWarnings: string[];
}

const attr = (element: XmlElement | undefined, name: string) => element?.attrs[name]?.trim() || undefined;
const link = (element: XmlElement, rel: string) => attr(childrenNamed(element, 'atom:link').find((l) => (attr(l, 'rel') ?? 'alternate') === rel), 'href');

/**
 * Channel ids are "UC" + 22 characters. The feed's own <yt:channelId> has lately dropped the "UC" (the
 * entries and links keep it), so ids are read from the links and entries first and repaired if short.
 */
function channelIdOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const id = value.replace(/^yt:channel:/, '');
  return /^[A-Za-z0-9_-]{22}$/.test(id) ? `UC${id}` : id;
}

function parseYouTube(doc: XmlDocument): YouTubeParsed {
  const feed = doc.root;
  const videos = childrenNamed(feed, 'atom:entry').map((entry): YouTubeVideo => {
    const group = child(entry, 'media:group');
    const thumbnail = child(group, 'media:thumbnail');
    const community = child(group, 'media:community');
    const rating = child(community, 'media:starRating');
    const thumbnailUrl = attr(thumbnail, 'url');
    return {
      videoId: childText(entry, 'yt:videoId'),
      channelId: childText(entry, 'yt:channelId'),
      title: childText(group, 'media:title') ?? childText(entry, 'atom:title'),
      link: link(entry, 'alternate'),
      published: childText(entry, 'atom:published'),
      updated: childText(entry, 'atom:updated'),
      author: childText(child(entry, 'atom:author'), 'atom:name'),
      description: child(group, 'media:description')?.text,
      thumbnail: thumbnailUrl ? { url: thumbnailUrl, width: attr(thumbnail, 'width'), height: attr(thumbnail, 'height') } : undefined,
      rating: rating ? { count: attr(rating, 'count'), average: attr(rating, 'average') } : undefined,
      views: attr(child(community, 'media:statistics'), 'views'),
    };
  });
  const alternate = link(feed, 'alternate');
  const channelFromLink = alternate ? /\/channel\/(UC[A-Za-z0-9_-]{22})/.exec(alternate)?.[1] : undefined;
  return {
    channelId: channelFromLink ?? videos.find((v) => v.channelId)?.channelId ?? channelIdOf(childText(feed, 'yt:channelId') ?? childText(feed, 'atom:id')),
    playlistId: childText(feed, 'yt:playlistId'),
    title: childText(feed, 'atom:title'),
    link: alternate,
    selfLink: link(feed, 'self'),
    author: childText(child(feed, 'atom:author'), 'atom:name'),
    published: childText(feed, 'atom:published'),
    videos,
    xmlWarnings: doc.warnings,
  };
}

const count = (raw: string | undefined) => (raw && /^\d+$/.test(raw) ? Number(raw) : null);
const decimal = (raw: string | undefined) => (raw && Number.isFinite(Number(raw)) ? Number(raw) : null);

function mapYouTube(parsed: YouTubeParsed): ImportDraft {
  const warn = new Warnings();
  warn.addAll(parsed.xmlWarnings);
  const title = truncate(oneLine(parsed.title ?? ''), CMS_LIMITS.programTitle) || '(untitled)';
  const sample = `${title} ${parsed.videos.slice(0, 20).map((v) => `${v.title ?? ''} ${v.description?.slice(0, 200) ?? ''}`).join(' ')}`;
  // YouTube feeds declare no language; the script of the titles and descriptions decides.
  const { language } = contentLanguage(undefined, sample);
  const id = parsed.playlistId
    ? { externalId: parsed.playlistId, externalIdRule: 'youtube-playlist' as const }
    : { externalId: parsed.channelId ?? '', externalIdRule: 'youtube-channel' as const };
  if (!id.externalId) throw new IngestError('not-a-feed', 'a YouTube feed that names no channel or playlist id');

  const program: ProgramDraft = {
    externalSource: 'youtube',
    ...id,
    kind: 'series',
    title,
    description: '',
    language,
    feedLanguage: null,
    artworkUrl: null,
    tags: [],
    categories: [],
    explicit: false,
    people: [],
    author: parsed.author ? oneLine(parsed.author) : null,
    owner: null,
    link: httpUrl(parsed.link),
    feedUrl: httpUrl(parsed.selfLink),
    newFeedUrl: null,
    podcastGuid: null,
    locked: null,
    lockedOwner: null,
    funding: [],
    blocked: false,
    complete: false,
    order: null,
  };

  const episodes: EpisodeDraft[] = [];
  const seen = new Set<string>();
  for (const video of parsed.videos) {
    const label = `"${truncate(oneLine(video.title ?? video.videoId ?? '?'), 60)}"`;
    if (!video.videoId || !/^[A-Za-z0-9_-]{6,64}$/.test(video.videoId)) {
      warn.add('an entry without a valid yt:videoId was skipped', label);
      continue;
    }
    if (seen.has(video.videoId)) {
      warn.add('the same video twice; the later entry was dropped', label);
      continue;
    }
    seen.add(video.videoId);
    const watch = httpUrl(video.link) ?? `https://www.youtube.com/watch?v=${video.videoId}`;
    const media: MediaDraft[] = [{ kind: 'video', url: watch, mimeType: 'text/html', byteSize: null, isDefault: true }];
    const thumbnail = httpUrl(video.thumbnail?.url);
    if (thumbnail) {
      const height = count(video.thumbnail?.height);
      media.push({ kind: 'image', url: thumbnail, mimeType: mediaType(undefined, thumbnail) ?? 'image/jpeg', byteSize: null, ...(height ? { height } : {}) });
    }
    const publishAt = parseDate(video.published ?? video.updated);
    if ((video.published ?? video.updated) && !publishAt) warn.add('unreadable publication date', label);
    episodes.push({
      externalId: video.videoId,
      externalIdRule: 'youtube-video',
      title: truncate(oneLine(video.title ?? ''), CMS_LIMITS.episodeTitle) || '(untitled)',
      // YouTube descriptions are plain text already: keep their line breaks.
      description: truncate(tidy(video.description ?? ''), CMS_LIMITS.episodeDescription),
      season: null,
      number: null,
      episodeType: 'full',
      explicit: false,
      durationSeconds: null,
      tags: [],
      people: [],
      media,
      publishAt,
      link: watch,
      stats: { views: count(video.views), ratingCount: count(video.rating?.count), ratingAverage: decimal(video.rating?.average) },
    });
  }
  return { source: 'youtube', program, episodes, warnings: warn.list() };
}

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com']);

export const youtubeSource: Source<YouTubeParsed> = {
  id: 'youtube',
  label: 'YouTube channel or playlist feed',
  detect(doc) {
    const { root } = doc;
    if (root.name !== 'atom:feed') return false;
    const hasId = child(root, 'yt:channelId') ?? child(root, 'yt:playlistId');
    return hasId !== undefined || childrenNamed(root, 'atom:entry').some((e) => child(e, 'yt:videoId'));
  },
  feedUrlFor(url) {
    if (!YOUTUBE_HOSTS.has(url.hostname)) return undefined;
    if (url.pathname === '/feeds/videos.xml') return url.href;
    const channel = /^\/channel\/(UC[A-Za-z0-9_-]{22})/.exec(url.pathname)?.[1];
    if (channel) return `https://www.youtube.com/feeds/videos.xml?channel_id=${channel}`;
    const playlist = url.pathname === '/playlist' ? url.searchParams.get('list') : null;
    if (playlist && /^[A-Za-z0-9_-]+$/.test(playlist)) return `https://www.youtube.com/feeds/videos.xml?playlist_id=${playlist}`;
    return undefined;
  },
  fetch: (url, ctx) => fetchFeed(youtubeSource.feedUrlFor?.(new URL(url)) ?? url, ctx),
  parse: parseYouTube,
  map: mapYouTube,
};
