// The event bus port. The relay publishes outbox rows to it in publish order; durable, named
// consumers read them back. Two adapters pass one conformance suite (test/events/):
//  - in-process (embedded default): the outbox table itself is the durable log; consumers keep their
//    position in the database, so a restart resumes where it stopped.
//  - NATS JetStream (NATS_URL): one stream, durable pull consumers with explicit acks.
// Delivery is at least once; the consumer runtime (consumer.ts) makes processing idempotent.
import type { Queryable } from '../platform/db/db.js';
import type { OutboxEvent } from './outbox.js';

export interface EventBus {
  readonly kind: 'in-process' | 'jetstream';
  /**
   * Called by the relay inside its leader transaction, with events in publish order, before it
   * marks them published (in that transaction). Resolves once the bus holds them durably. Publishing
   * the same event id again must not make a second message (the relay may crash after this call).
   */
  publish(tx: Queryable, events: readonly OutboxEvent[]): Promise<void>;
  /** Called by the relay after its transaction committed: a hint to wake local subscribers. */
  published(): void;
  subscribe(consumer: string, options?: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /** Wake-up fallback: how often to look for new events when no signal came (in-process bus). */
  pollMs?: number;
}

export interface Subscription {
  /** Deliveries in publish order until stop(); the next one comes after the previous is settled. */
  deliveries(): AsyncIterable<Delivery>;
  /** How often to call keepAlive() while an event is in hand; undefined when not needed. */
  readonly keepAliveMs: number | undefined;
  /** Events published and not yet acknowledged by this consumer. */
  lag(): Promise<number>;
  /** Seconds since the oldest of those was written (0 when there is none). */
  oldestPendingSeconds(): Promise<number>;
  stop(): Promise<void>;
}

export interface Delivery {
  event: OutboxEvent;
  /**
   * True when this event may have been attempted before by a consumer that stopped or died in the
   * middle of it (JetStream redelivery; the first delivery after an in-process subscription opens).
   */
  redelivered: boolean;
  /** Done with it (handled, skipped as a duplicate, or parked): never deliver it again. */
  ack(): Promise<void>;
  /**
   * Present when the bus keeps positions in the database (in-process bus): records the ack inside
   * the transaction that settles the event, saving a commit; ack() afterwards has nothing left to do.
   */
  ackWith?: (tx: Queryable) => Promise<void>;
  /** Not done, and this process is letting go of it: deliver it again (soon) to whoever asks. */
  release(): Promise<void>;
  /** Still working on it (long handler or backoff): keep it from being redelivered elsewhere. */
  keepAlive(): void;
}

/** Consumer names become JetStream durable names and database keys: keep them plain. */
export const CONSUMER_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function checkConsumerName(name: string): string {
  if (!CONSUMER_NAME.test(name)) {
    throw new Error(`Consumer name "${name}" is not valid: use 1 to 64 lowercase letters, digits, "-" or "_", starting with a letter or digit.`);
  }
  return name;
}
