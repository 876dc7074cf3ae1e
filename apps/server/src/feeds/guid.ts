// podcast:guid — a UUIDv5 in the Podcasting 2.0 namespace. The namespace's rule derives it from the feed
// URL once in a podcast's life and then never changes it; our canonical feed URL contains the program's
// id, which never changes either, so we derive it from that id ("thmnayah:program:<uuid>"): the same
// value for the life of the program, whatever PUBLIC_URL or the slug become. UUIDv5 (RFC 9562 §5.5) is
// SHA-1 over namespace bytes + name with the version and variant bits set; a dozen lines on node:crypto,
// checked against the namespace's published example (test/feeds/feed-output.test.ts).
import { createHash } from 'node:crypto';

export const PODCAST_NAMESPACE = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6';

export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`not a UUID: ${namespace}`);
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function podcastGuid(programId: string): string {
  return uuidV5(`thmnayah:program:${programId}`, PODCAST_NAMESPACE);
}
