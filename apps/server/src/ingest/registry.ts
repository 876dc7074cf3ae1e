// The sources the importer knows, and the two ways in: a document we already have (importDocument) and
// a URL to fetch (importFromUrl). Adding a source is one module implementing Source plus one line in
// `defaultSources` (docs/ingest.md, "Adding a source").
import type { ImportDraft, SourceId } from './draft.js';
import { IngestError } from './errors.js';
import type { FetchResult, Fetcher } from './fetch/safe-fetch.js';
import { fetchFeed, type Source } from './source.js';
import { rssSource } from './sources/rss.js';
import { youtubeSource } from './sources/youtube.js';
import { readXml, type XmlLimits } from './xml.js';

export class SourceRegistry {
  private readonly sources: Source[] = [];

  constructor(sources: Source[] = []) {
    for (const source of sources) this.register(source);
  }

  /** Sources are asked in registration order: put the more specific before the more general. */
  register(source: Source): void {
    if (this.sources.some((s) => s.id === source.id)) throw new Error(`a source with id "${source.id}" is already registered`);
    this.sources.push(source);
  }

  list(): readonly Source[] {
    return this.sources;
  }

  get(id: SourceId): Source | undefined {
    return this.sources.find((s) => s.id === id);
  }

  /** The source whose format this document is; a clear error when none is. */
  forDocument(doc: Parameters<Source['detect']>[0]): Source {
    const source = this.sources.find((s) => s.detect(doc));
    if (source) return source;
    throw new IngestError('not-a-feed', `not a feed: the root element is <${doc.root.name}>, and no source (${this.sources.map((s) => s.id).join(', ')}) reads that`);
  }

  /** The source that knows this URL (a YouTube channel page), if any. */
  forUrl(url: URL): Source | undefined {
    return this.sources.find((s) => s.feedUrlFor?.(url) !== undefined);
  }
}

/** YouTube first: its feeds are Atom, which the general feed source would also accept. */
export const defaultSources = new SourceRegistry([youtubeSource, rssSource]);

export interface ImportOptions {
  /** Where the document came from: resolves relative URLs and can identify the program. */
  url?: string;
  contentType?: string;
  limits?: Partial<XmlLimits>;
  registry?: SourceRegistry;
}

export interface ImportedDocument extends ImportDraft {
  /** The encoding the document was decoded with. */
  encoding: string;
}

/** Reads a feed document (bytes or text) and maps it: the program and episodes for the CMS. */
export function importDocument(body: Uint8Array | string, options: ImportOptions = {}): ImportedDocument {
  const registry = options.registry ?? defaultSources;
  const doc = readXml(body, { contentType: options.contentType, limits: options.limits });
  const source = registry.forDocument(doc);
  const draft = source.map(source.parse(doc), { url: options.url });
  return { ...draft, encoding: doc.encoding };
}

export type UrlImport =
  | { notModified: true; fetch: FetchResult }
  | { notModified: false; fetch: FetchResult & { notModified: false }; draft: ImportedDocument };

/**
 * Fetches a feed (conditionally, when validators of the last fetch are given) and maps it. A 304 is
 * returned as such: nothing to import, keep what you have.
 */
export async function importFromUrl(
  url: string,
  options: { fetcher: Fetcher; etag?: string; lastModified?: string; signal?: AbortSignal; limits?: Partial<XmlLimits>; registry?: SourceRegistry },
): Promise<UrlImport> {
  const registry = options.registry ?? defaultSources;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new IngestError('invalid-url', `"${url}" is not a URL`, { url });
  }
  const fetch = registry.forUrl(parsed)?.fetch ?? fetchFeed;
  const result = await fetch(url, { fetcher: options.fetcher, etag: options.etag, lastModified: options.lastModified, signal: options.signal });
  if (result.notModified) return { notModified: true, fetch: result };
  const draft = importDocument(result.body, {
    // A permanent redirect moves the feed; a temporary one does not change where it lives.
    url: result.permanentUrl ?? result.url,
    contentType: result.contentType ?? undefined,
    limits: options.limits,
    registry,
  });
  return { notModified: false, fetch: result, draft };
}
