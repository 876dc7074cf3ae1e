// The cache port: string values with a time to live. In-process LRU on embedded defaults; Redis when
// REDIS_URL is set, so every Discovery pod shares one cache. Values are opaque strings (callers
// serialise), which keeps both adapters trivially identical.
export interface Cache {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** A cheap round trip, for readiness. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
