// What an import produces: a program and its episodes shaped like the CMS's ProgramCreate and
// EpisodeCreate (content/programs.ts, content/episodes.ts), plus what the CMS cannot hold yet but an
// import step needs (people by name, categories by name, where the feed moved, stable external ids).
// toProgramCreate / toEpisodeCreate drop the extras; their output passes the CMS's request schemas.
import type { EpisodeCreate } from '../content/episodes.js';
import type { ProgramCreate } from '../content/programs.js';

export type SourceId = 'rss' | 'youtube';
export type CmsPersonRole = 'host' | 'co-host' | 'guest' | 'producer' | 'narrator' | 'editor';
export type MediaKind = 'audio' | 'video' | 'image' | 'transcript' | 'chapters';

export interface PersonDraft {
  name: string;
  /** The CMS role, or null when the feed's role has none (e.g. "cover art designer"). */
  role: CmsPersonRole | null;
  /** The role as the feed wrote it (podcast:person role, default "host"). */
  sourceRole: string;
  group: string | null;
  href: string | null;
  imageUrl: string | null;
}

export interface MediaDraft {
  kind: MediaKind;
  url: string;
  mimeType: string;
  byteSize: number | null;
  /** Extras some media carry in feeds (not stored by the CMS yet). */
  title?: string;
  language?: string;
  /** podcast:transcript rel="captions" */
  rel?: string;
  bitrate?: number;
  height?: number;
  /** podcast:alternateEnclosure default="true", or the RSS enclosure itself */
  isDefault?: boolean;
}

/** Which rule produced an external id (docs/ingest.md explains the order). */
export type EpisodeIdRule = 'guid' | 'enclosure' | 'link' | 'hash' | 'youtube-video';
export type ProgramIdRule = 'podcast-guid' | 'new-feed-url' | 'feed-url' | 'self-link' | 'link' | 'hash' | 'youtube-channel' | 'youtube-playlist';

export interface ProgramDraft {
  externalSource: SourceId;
  externalId: string;
  externalIdRule: ProgramIdRule;
  kind: 'podcast' | 'series' | 'documentary';
  title: string;
  description: string;
  language: 'ar' | 'en';
  /** The language the feed declared (e.g. "de-de"), whether or not the CMS supports it. */
  feedLanguage: string | null;
  artworkUrl: string | null;
  tags: string[];
  /** Apple categories as "Category" or "Category/Subcategory", to match against CMS categories. */
  categories: string[];
  explicit: boolean;
  people: PersonDraft[];
  author: string | null;
  owner: { name: string | null; email: string | null } | null;
  link: string | null;
  /** The URL the feed was read from, when known. */
  feedUrl: string | null;
  /** itunes:new-feed-url: the feed has moved; future syncs should read this URL. */
  newFeedUrl: string | null;
  podcastGuid: string | null;
  /** podcast:locked: the owner asks other platforms not to import it. */
  locked: boolean | null;
  lockedOwner: string | null;
  funding: { url: string; title: string }[];
  /** itunes:block / podcast:block yes. */
  blocked: boolean;
  complete: boolean;
  /** itunes:type: serial programs are listened to in order. */
  order: 'episodic' | 'serial' | null;
}

export interface EpisodeDraft {
  externalId: string;
  externalIdRule: EpisodeIdRule;
  title: string;
  description: string;
  season: number | null;
  number: number | null;
  episodeType: 'full' | 'trailer' | 'bonus';
  explicit: boolean;
  durationSeconds: number | null;
  tags: string[];
  people: PersonDraft[];
  /** The playable file first (enclosure), then alternates, artwork, transcripts, chapters. At most 20. */
  media: MediaDraft[];
  /** Publication time (ISO 8601), null when the feed gives none or an unreadable one. */
  publishAt: string | null;
  link: string | null;
  /** YouTube statistics, when the source has them. */
  stats?: { views: number | null; ratingCount: number | null; ratingAverage: number | null };
}

export interface ImportDraft {
  source: SourceId;
  program: ProgramDraft;
  episodes: EpisodeDraft[];
  /** What was recovered from or dropped, in words (for the import report). */
  warnings: string[];
}

// Limits of the CMS schemas (content/programs.ts, content/episodes.ts, platform/http/schemas.ts).
export const CMS_LIMITS = {
  programTitle: 300,
  programDescription: 20_000,
  episodeTitle: 300,
  episodeDescription: 50_000,
  tags: 30,
  tagLength: 60,
  media: 20,
  externalId: 500,
  season: { min: 1, max: 10_000 },
  number: { min: 0, max: 1_000_000 },
  duration: { min: 0, max: 7 * 24 * 3600 },
} as const;

export function toProgramCreate(draft: ProgramDraft): ProgramCreate {
  return {
    kind: draft.kind,
    title: draft.title,
    language: draft.language,
    description: draft.description,
    ...(draft.artworkUrl ? { artworkUrl: draft.artworkUrl } : {}),
    tags: draft.tags,
    explicit: draft.explicit,
    externalSource: draft.externalSource,
    externalId: draft.externalId,
  };
}

export function toEpisodeCreate(draft: EpisodeDraft, programId: string): EpisodeCreate {
  return {
    programId,
    title: draft.title,
    description: draft.description,
    season: draft.season,
    number: draft.number,
    episodeType: draft.episodeType,
    durationSeconds: draft.durationSeconds,
    explicit: draft.explicit,
    tags: draft.tags,
    media: draft.media.map((m) => ({ kind: m.kind, url: m.url, mimeType: m.mimeType, byteSize: m.byteSize })),
    externalId: draft.externalId,
  };
}
