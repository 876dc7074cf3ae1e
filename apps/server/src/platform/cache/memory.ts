// In-process LRU bounded by bytes (not entries), so a few large responses cannot exhaust memory.
import { LRUCache } from 'lru-cache';
import type { Cache } from './cache.js';

export function memoryCache(options: { maxBytes?: number } = {}): Cache {
  const lru = new LRUCache<string, string>({
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (value, key) => value.length * 2 + key.length * 2,
    ttlAutopurge: false,
  });
  return {
    kind: 'memory',
    get: async (key) => lru.get(key),
    set: async (key, value, ttlMs) => void lru.set(key, value, { ttl: ttlMs }),
    delete: async (key) => void lru.delete(key),
    ping: async () => {},
    close: async () => lru.clear(),
  };
}
