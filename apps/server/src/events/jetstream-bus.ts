// The NATS JetStream bus (NATS_URL set). One stream (THMNAYAH_EVENTS by default) holds every
// event under `thmnayah.events.<type>`; the relay publishes each with its event id as
// Nats-Msg-Id, so a batch re-sent after a relay crash is dropped as a duplicate within the stream's
// duplicate window. Each consumer is a durable pull consumer with explicit acks.
//
// Client: @nats-io/transport-node + @nats-io/jetstream 3.x, the maintained NATS client for Node
// (the `nats` 2.x package is its predecessor); both support Node 18+.
//
// Ordering: a consumer allows one unacknowledged message at a time by default (max_ack_pending 1).
// With more in flight, a consumer that dies leaves its unacked messages for redelivery after
// ack_wait while newer ones are delivered first, which breaks per-entity order. One at a time
// costs one round trip per event, small beside the handler's database transaction.
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import {
  AckPolicy, DeliverPolicy, DiscardPolicy, JetStreamApiCodes, JetStreamApiError, RetentionPolicy, StorageType,
  jetstream, jetstreamManager, type ConsumerMessages, type JetStreamClient, type JetStreamManager,
} from '@nats-io/jetstream';
import type { Queryable } from '../platform/db/db.js';
import { checkConsumerName, type Delivery, type EventBus, type Subscription } from './bus.js';
import type { OutboxEvent } from './outbox.js';

export interface JetStreamBusOptions {
  servers: string;
  /** Stream name; tests use a unique one per run. */
  stream?: string;
  /** Subject prefix; events go to `<prefix>.<event type>`. Must not overlap another stream's. */
  subjectPrefix?: string;
  /** How long the server waits for an ack before redelivering (consumers call working() meanwhile). */
  ackWaitMs?: number;
  /** How long the stream remembers message ids to drop re-sent duplicates. */
  duplicateWindowMs?: number;
  /** Copies of the stream in a NATS cluster (R3 survives the loss of one node); 1 on a single server. */
  replicas?: number;
  /** How long the stream keeps events (new consumers start from the oldest kept). */
  maxAgeMs?: number;
  /** Unacknowledged messages a consumer may hold; 1 keeps strict order (see above). */
  maxInFlight?: number;
  publishTimeoutMs?: number;
  onError?: (error: unknown) => void;
}

const DEFAULT_STREAM = 'THMNAYAH_EVENTS';
const DEFAULT_SUBJECT_PREFIX = 'thmnayah.events';

/**
 * Subjects are `thmnayah.events.<type>` in the default stream. Another stream (NATS_STREAM, say a
 * staging install sharing one NATS) gets `<stream>.<type>`: two streams may not share subjects.
 */
function subjectPrefixOf(stream: string): string {
  return stream === DEFAULT_STREAM ? DEFAULT_SUBJECT_PREFIX : stream;
}

const ms = (millis: number) => Math.round(millis * 1_000_000); // JetStream durations are nanoseconds

function notFound(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}

/**
 * The client takes credentials as options, not from the URL: `nats://user:password@host` would
 * connect without them and be refused. A user alone is a token (`nats://token@host`).
 */
export function natsConnectOptions(servers: string): { servers: string; user?: string; pass?: string; token?: string } {
  let url: URL;
  try {
    url = new URL(servers);
  } catch {
    return { servers };
  }
  if (!url.username) return { servers };
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  const bare = url.toString().replace(/\/$/, '');
  return pass ? { servers: bare, user, pass } : { servers: bare, token: user };
}

export async function openJetStreamBus(options: JetStreamBusOptions): Promise<JetStreamBus> {
  const nc = await connect({
    ...natsConnectOptions(options.servers),
    name: 'thmnayah',
    // Keep trying through NATS restarts; the relay and consumers retry what fails meanwhile.
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
  try {
    const bus = new JetStreamBus(nc, await jetstreamManager(nc), jetstream(nc), options);
    await bus.ensureStream();
    return bus;
  } catch (error) {
    await nc.close();
    throw error;
  }
}

export class JetStreamBus implements EventBus {
  readonly kind = 'jetstream';
  readonly stream: string;
  readonly subjectPrefix: string;

  constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly options: JetStreamBusOptions,
  ) {
    this.stream = options.stream ?? DEFAULT_STREAM;
    this.subjectPrefix = options.subjectPrefix ?? subjectPrefixOf(this.stream);
  }

  async ensureStream(): Promise<void> {
    const replicas = this.options.replicas ?? 1;
    try {
      const info = await this.jsm.streams.info(this.stream);
      // A stream made before NATS_STREAM_REPLICAS was raised (or a single node grown into a
      // cluster): JetStream copies it to the new replicas in place.
      if (info.config.num_replicas !== replicas) await this.jsm.streams.update(this.stream, { num_replicas: replicas });
    } catch (error) {
      if (!notFound(error, JetStreamApiCodes.StreamNotFound)) throw error;
      await this.jsm.streams.add({
        name: this.stream,
        subjects: [`${this.subjectPrefix}.>`],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
        max_age: ms(this.options.maxAgeMs ?? 7 * 24 * 3600 * 1000),
        duplicate_window: ms(this.options.duplicateWindowMs ?? 120_000),
        num_replicas: replicas,
      });
    }
  }

  subject(type: string): string {
    return `${this.subjectPrefix}.${type}`;
  }

  async publish(_tx: Queryable, events: readonly OutboxEvent[]): Promise<void> {
    // One after another: JetStream stores them in this order. Pipelining would be faster, but a
    // failure in the middle would let later events in before the failed one is sent again.
    for (const { traceContext, ...event } of events) {
      // Trace context travels in headers (traceparent, tracestate), as W3C asks of messaging.
      let h: ReturnType<typeof headers> | undefined;
      if (traceContext) {
        h = headers();
        for (const [key, value] of Object.entries(traceContext)) h.set(key, value);
      }
      await this.js.publish(this.subject(event.type), JSON.stringify(event), {
        msgID: event.id,
        expect: { streamName: this.stream },
        timeout: this.options.publishTimeoutMs ?? 5000,
        ...(h ? { headers: h } : {}),
      });
    }
  }

  published(): void {
    // JetStream pushes to waiting pull requests itself.
  }

  subscribe(consumer: string): Subscription {
    return new JetStreamSubscription(this, this.jsm, this.js, checkConsumerName(consumer), this.options);
  }

  /** Messages in the stream (for tests and operations). */
  async messageCount(): Promise<number> {
    return (await this.jsm.streams.info(this.stream)).state.messages;
  }

  /** Forgets a durable consumer's position (it reads the stream from the start when it comes back). */
  async deleteConsumer(name: string): Promise<void> {
    await this.jsm.consumers.delete(this.stream, name).catch((error: unknown) => {
      if (!notFound(error, JetStreamApiCodes.ConsumerNotFound)) throw error;
    });
  }

  /** Deletes the stream and its consumers (test teardown). */
  async deleteStream(): Promise<void> {
    await this.jsm.streams.delete(this.stream).catch((error: unknown) => {
      if (!notFound(error, JetStreamApiCodes.StreamNotFound)) throw error;
    });
  }

  async close(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => this.nc.close());
  }
}

/**
 * How long JetStream waits for an ack before redelivering. Short, because with one message in flight
 * per consumer a message lost with a stopped or crashed worker holds the whole consumer back until
 * then; long handlers are covered by the keep-alive (`working()` every third of it).
 */
const DEFAULT_ACK_WAIT_MS = 5_000;

class JetStreamSubscription implements Subscription {
  readonly keepAliveMs: number;
  private stopped = false;
  private messages: ConsumerMessages | undefined;

  constructor(
    private readonly bus: JetStreamBus,
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly name: string,
    private readonly options: JetStreamBusOptions,
  ) {
    this.keepAliveMs = Math.max(100, Math.floor((options.ackWaitMs ?? DEFAULT_ACK_WAIT_MS) / 3));
  }

  private async ensureConsumer(): Promise<void> {
    const config = {
      durable_name: this.name,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: ms(this.options.ackWaitMs ?? DEFAULT_ACK_WAIT_MS),
      // Retries and dead letters are ours (consumer.ts), counted in the database.
      max_deliver: -1,
      max_ack_pending: this.options.maxInFlight ?? 1,
      filter_subject: `${this.bus.subjectPrefix}.>`,
    };
    try {
      await this.jsm.consumers.info(this.bus.stream, this.name);
      await this.jsm.consumers.update(this.bus.stream, this.name, { ack_wait: config.ack_wait, max_ack_pending: config.max_ack_pending });
    } catch (error) {
      if (!notFound(error, JetStreamApiCodes.ConsumerNotFound)) throw error;
      await this.jsm.consumers.add(this.bus.stream, config);
    }
  }

  async *deliveries(): AsyncIterable<Delivery> {
    if (this.stopped) return;
    await this.ensureConsumer();
    const consumer = await this.js.consumers.get(this.bus.stream, this.name);
    const messages = await consumer.consume({ max_messages: Math.max(1, this.options.maxInFlight ?? 1) });
    this.messages = messages;
    if (this.stopped) await messages.close();
    try {
      for await (const m of messages) {
        if (this.stopped) {
          m.nak();
          return;
        }
        const settled = { done: false };
        const event = m.json<OutboxEvent>();
        const traceparent = m.headers?.get('traceparent');
        if (traceparent) {
          const tracestate = m.headers?.get('tracestate');
          event.traceContext = { traceparent, ...(tracestate ? { tracestate } : {}) };
        }
        yield {
          event,
          redelivered: m.redelivered,
          ack: async () => {
            m.ack();
            settled.done = true;
          },
          release: async () => {
            m.nak();
            settled.done = true;
          },
          keepAlive: () => m.working(),
        };
        if (!settled.done) m.nak();
      }
    } finally {
      await messages.close().catch(() => {});
    }
  }

  async lag(): Promise<number> {
    const info = await this.jsm.consumers.info(this.bus.stream, this.name);
    return info.num_pending + info.num_ack_pending;
  }

  async oldestPendingSeconds(): Promise<number> {
    const info = await this.jsm.consumers.info(this.bus.stream, this.name);
    if (info.num_pending + info.num_ack_pending === 0) return 0;
    // The first message after the ack floor is the oldest not yet acknowledged.
    const message = await this.jsm.streams.getMessage(this.bus.stream, { seq: info.ack_floor.stream_seq + 1 }).catch(() => null);
    return message ? Math.max(0, (Date.now() - message.time.getTime()) / 1000) : 0;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.messages?.close().catch(() => {});
  }
}
