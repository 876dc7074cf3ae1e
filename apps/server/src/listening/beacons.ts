// The beacon batch the site's player sends (navigator.sendBeacon), its schema and its checks.
import { Type, type Static } from 'typebox';
import { StringEnum, Timestamp, Uuid } from '../platform/http/schemas.js';

/** Largest batch: a player flushes every 30 s, so a batch holds a handful; 100 leaves room for a backlog. */
export const MAX_BATCH = 100;
/** Largest body of one batch (100 events of about 200 bytes fit with room to spare). */
export const MAX_BODY_BYTES = 64 * 1024;
/** How far ahead of the server's clock an event may claim to be (clients' clocks drift). */
export const MAX_FUTURE_MS = 5 * 60_000;
/** How old an event may be: a player that was offline sends its backlog later, but not days later. */
export const MAX_AGE_MS = 24 * 3_600_000;

// Letters, digits, '-' and '_' only: a UUID fits, and ':' stays free for server-made ids ('dl:' downloads).
const OpaqueId = (description: string) => Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description });

export const ListenerIdSchema = OpaqueId('The anonymous listener id the player keeps in the browser (a random UUID)');

export const BeaconSchema = Type.Object({
  id: OpaqueId('Client-made id of this event, unique: an event sent again with the same id is counted once'),
  kind: StringEnum(['play', 'progress', 'complete', 'seek'], { description: 'play: playback started; progress: every 30 s of playback; complete: reached the end; seek: jumped' }),
  episode: Uuid,
  position: Type.Number({ minimum: 0, maximum: 86_400, description: 'Playback position in seconds' }),
  listened: Type.Optional(Type.Number({ minimum: 0, maximum: 120, description: 'Seconds of playback since the previous beacon (progress, complete)' })),
  at: Timestamp,
}, { additionalProperties: false });

export const BeaconBatchSchema = Type.Object({
  listener: ListenerIdSchema,
  events: Type.Array(BeaconSchema, { minItems: 1, maxItems: MAX_BATCH }),
}, { additionalProperties: false });

export type Beacon = Static<typeof BeaconSchema>;
export type BeaconBatch = Static<typeof BeaconBatchSchema>;

export const BeaconResultSchema = Type.Object({
  accepted: Type.Integer({ description: 'Events recorded now' }),
  duplicates: Type.Array(Type.String(), { description: 'Event ids recorded before (sent again): not counted twice' }),
  rejected: Type.Array(Type.Object({ id: Type.String(), reason: Type.String() }), { description: 'Events refused, with why (not public, clock)' }),
});

/** Why one beacon cannot be recorded, or undefined when it can. */
export function beaconProblem(beacon: Beacon, now: number): { at: number } | string {
  const at = Date.parse(beacon.at);
  if (Number.isNaN(at)) return `"at" is not a date-time: ${beacon.at}`;
  if (at > now + MAX_FUTURE_MS) return `"at" is ${Math.round((at - now) / 1000)} s ahead of the server's clock (at most ${MAX_FUTURE_MS / 1000} s)`;
  if (at < now - MAX_AGE_MS) return `"at" is older than ${MAX_AGE_MS / 3_600_000} hours`;
  return { at };
}
