// Rendered pages, cached like Discovery's answers: keyed by the read model's generation (a publish,
// unpublish or delete makes every older page unreachable at once), with a weak ETag (304 on
// If-None-Match) and compressed copies made once per page. The last good copy of each page is kept
// apart from the generation, so a page can still be served while the API answers 5xx for a moment.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

export interface Page {
  status: number;
  /** Response headers of the render (content type, location, vary, cache-control, …). */
  headers: [string, string][];
  body: Buffer;
  etag: string;
}

export function pageOf(status: number, headers: [string, string][], body: Buffer): Page {
  return { status, headers, body, etag: `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"` };
}

const size = (page: Page, key: string) => page.body.length + key.length + 200;

export class PageCache {
  private readonly current: LRUCache<string, Page>;
  private readonly lastGood: LRUCache<string, Page>;
  private readonly inflight = new Map<string, Promise<Page>>();
  hits = 0;
  misses = 0;

  constructor(maxBytes = 64 * 1024 * 1024, private readonly ttlMs = 60_000) {
    this.current = new LRUCache({ maxSize: maxBytes, sizeCalculation: size, ttl: ttlMs });
    this.lastGood = new LRUCache({ maxSize: maxBytes / 2, sizeCalculation: size });
  }

  /**
   * The page for `url` at `generation`: cached, or rendered once however many ask at the same time.
   * Pages that must not be shared (`cacheable` false) are rendered for each request.
   */
  async get(generation: number, url: string, render: () => Promise<Page & { cacheable: boolean }>): Promise<Page> {
    const key = `${generation}:${url}`;
    const cached = this.current.get(key);
    if (cached) {
      this.hits++;
      return cached;
    }
    this.misses++;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = render()
        .then((page): Page => {
          if (page.status >= 500) {
            // The API is away: the last good copy, marked so that nothing downstream keeps it long.
            const stale = this.lastGood.get(url);
            if (!stale) return page;
            const headers: [string, string][] = [...stale.headers.filter(([name]) => name !== 'cache-control'), ['cache-control', 'public, max-age=0, s-maxage=5']];
            return { ...stale, headers };
          }
          if (page.cacheable) {
            this.current.set(key, page, { ttl: page.status === 200 ? this.ttlMs : Math.min(this.ttlMs, 10_000) });
            if (page.status === 200) this.lastGood.set(url, page);
          }
          return page;
        })
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }
}
