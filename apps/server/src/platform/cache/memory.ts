// In-process LRU bounded by bytes (not entries), so a few large responses cannot exhaust memory.
import { LRUCache } from 'lru-cache';
import type { Cache } from './cache.js';

export function memoryCache(options: { maxBytes?: number } = {}): Cache {
  const lru = new LRUCache<string, string | Buffer>({
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (value, key) => (typeof value === 'string' ? value.length * 2 : value.length) + key.length * 2,
    ttlAutopurge: false,
  });
  return {
    kind: 'memory',
    get: async (key) => {
      const value = lru.get(key);
      return typeof value === 'string' || value === undefined ? value : value.toString('utf8');
    },
    getBuffer: async (key) => {
      const value = lru.get(key);
      return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    },
    set: async (key, value, ttlMs) => void lru.set(key, value, { ttl: ttlMs }),
    delete: async (key) => void lru.delete(key),
    ping: async () => {},
    close: async () => lru.clear(),
  };
}
