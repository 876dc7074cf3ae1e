// The contract of an import source. A source is one module (sources/rss.ts, sources/youtube.ts) that
// says which documents are its own, how to fetch and read them, and how they map onto the content model.
// Turning bytes into an XML tree is shared (xml.ts), so every source gets the same parser safety.
import type { ImportDraft, SourceId } from './draft.js';
import type { FetchResult, Fetcher } from './fetch/safe-fetch.js';
import type { XmlDocument } from './xml.js';

export interface FetchContext {
  fetcher: Fetcher;
  /** Validators of the last successful fetch, for a conditional GET (a 304 means nothing changed). */
  etag?: string;
  lastModified?: string;
  signal?: AbortSignal;
}

export interface MapContext {
  /** Where the document came from; relative URLs resolve against it and it can be the program's id. */
  url?: string;
}

export interface Source<Parsed = unknown> {
  id: SourceId;
  label: string;
  /** True when the document is this source's format. Cheap: it looks at the root and its first children. */
  detect(doc: XmlDocument): boolean;
  /** When a page URL has a feed behind it (a YouTube channel page), that feed's URL. */
  feedUrlFor?(url: URL): string | undefined;
  /** Fetches the document through the safe fetcher (a source may add headers or rewrite the URL). */
  fetch(url: string, ctx: FetchContext): Promise<FetchResult>;
  /** Reads the document into the source's own structure, close to what the feed says. */
  parse(doc: XmlDocument): Parsed;
  /** Applies the mapping rules: the program and episodes for the CMS, with stable external ids. */
  map(parsed: Parsed, ctx: MapContext): ImportDraft;
}

/** The fetch every feed source uses: a GET with feed media types first in Accept. */
export function fetchFeed(url: string, ctx: FetchContext): Promise<FetchResult> {
  return ctx.fetcher.fetch(url, {
    etag: ctx.etag,
    lastModified: ctx.lastModified,
    signal: ctx.signal,
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  });
}
