// The cache port: string or byte values with a time to live. In-process LRU on embedded defaults; Redis
// when REDIS_URL is set, so every Discovery pod shares one cache. Values are opaque (callers serialise),
// which keeps both adapters trivially identical; bytes are for values that are not text (compressed
// response bodies).
export interface Cache {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | undefined>;
  getBuffer(key: string): Promise<Buffer | undefined>;
  set(key: string, value: string | Buffer, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** A cheap round trip, for readiness. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
