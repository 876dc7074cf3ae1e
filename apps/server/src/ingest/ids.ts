// Stable external ids: the same feed item must map to the same id on every sync, so an import updates the
// episode it made before instead of adding a copy. The rules, first match wins:
//   episode: guid → enclosure URL → link → sha256 of title + publication date; a second, different item
//            with an id already taken gets "<id>#<hash of its title, date, enclosure>"
//   program: podcast:guid → itunes:new-feed-url → the URL the feed was fetched from → atom:link rel=self
//            → the channel <link>
// An id longer than the CMS's 500 characters is replaced by "sha256:<hex>" of itself (still stable).
import { createHash } from 'node:crypto';
import { CMS_LIMITS, type EpisodeIdRule, type ProgramIdRule } from './draft.js';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function fit(id: string): string {
  return id.length <= CMS_LIMITS.externalId ? id : `sha256:${sha256(id)}`;
}

export function episodeExternalId(item: { guid?: string; enclosureUrl?: string; link?: string; title?: string; date?: string }): { id: string; rule: EpisodeIdRule } {
  // guids are compared exactly as written (only trimmed): "ABC" and "abc" are different guids.
  if (item.guid) return { id: fit(item.guid), rule: 'guid' };
  if (item.enclosureUrl) return { id: fit(item.enclosureUrl), rule: 'enclosure' };
  if (item.link) return { id: fit(item.link), rule: 'link' };
  return { id: `sha256:${sha256(`${item.title ?? ''}\n${item.date ?? ''}`)}`, rule: 'hash' };
}

/**
 * Feeds sometimes reuse a guid for two different episodes. The later one keeps the id with a suffix made
 * from its own title, date and enclosure, so it stays the same on the next sync.
 */
export function disambiguatedId(id: string, fingerprint: string): string {
  return fit(`${id}#${sha256(fingerprint).slice(0, 16)}`);
}

/** A URL as an id: scheme and host lower-cased, default port and fragment dropped (URL does this). */
export function canonicalUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

export function programExternalId(feed: { podcastGuid?: string; newFeedUrl?: string; fetchedUrl?: string; selfLink?: string; link?: string }): { id: string; rule: ProgramIdRule } | undefined {
  if (feed.podcastGuid) return { id: fit(feed.podcastGuid.toLowerCase()), rule: 'podcast-guid' };
  // A moved feed names its new home; using it keeps the id the same before and after the move.
  const candidates: [string | undefined, ProgramIdRule][] = [
    [feed.newFeedUrl, 'new-feed-url'], [feed.fetchedUrl, 'feed-url'], [feed.selfLink, 'self-link'], [feed.link, 'link'],
  ];
  for (const [raw, rule] of candidates) {
    const url = raw ? canonicalUrl(raw) : undefined;
    if (url) return { id: fit(url), rule };
  }
  return undefined;
}
