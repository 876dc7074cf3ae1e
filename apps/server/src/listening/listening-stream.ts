// The listening log on NATS JetStream (NATS_URL set): ingest validates a batch and publishes one message
// per event to a stream of its own; the worker drains it into listening_events (stream-drain.ts). Without
// NATS_URL none of this runs and the group commit (event-log.ts) appends to the table directly.
//
//  - Stream THMNAYAH_LISTENING (NATS_LISTENING_STREAM), subjects `thmnayah.listening.<listener>` (another
//    stream name: `<stream>.<listener>`), so a listener's pending messages can be found and purged by subject.
//  - Message id = beacon id: a replay within the duplicate window (NATS_LISTENING_DUPLICATE_WINDOW_SECONDS)
//    is dropped by JetStream and its PubAck says `duplicate`, which is what the route reports. A later replay
//    is stored in the stream again and dropped by the drain's INSERT ... ON CONFLICT (counted once anyway).
//  - Work-queue retention: a message is deleted once the drain acks it, so the stream holds exactly what is
//    not in the table yet (its oldest message is the drain's lag).
//
// One NATS connection per platform (per process) for ingest, downloads and the drain: the event bus's
// connection lives only in the relay and worker roles (events/start.ts), while ingest runs in discovery.
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  DiscardPolicy, JetStreamApiCodes, JetStreamApiError, RetentionPolicy, StorageType,
  jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager, type MsgRequest,
} from '@nats-io/jetstream';
import type { Platform } from '../platform.js';
import { HttpProblem } from '../platform/http/problem.js';
import { natsConnectOptions } from '../events/jetstream-bus.js';
import type { ListeningEvent } from './event-log.js';

export const LISTENING_STREAM = 'THMNAYAH_LISTENING';
const DEFAULT_SUBJECT_PREFIX = 'thmnayah.listening';
/** The durable pull consumer every worker shares. */
export const DRAIN_CONSUMER = 'listening-drain';

export interface ListeningStreamOptions {
  servers: string;
  /** Stream name; tests use a unique one per run. */
  stream?: string;
  /** Subjects are `<prefix>.<listener id>`; defaults to thmnayah.listening (another stream: its name). */
  subjectPrefix?: string;
  duplicateWindowMs?: number;
  /** Copies of the stream in a NATS cluster (NATS_STREAM_REPLICAS). */
  replicas?: number;
  /** How long an undrained message is kept (a worker down for longer loses it). */
  maxAgeMs?: number;
  /** How long a request waits for its PubAcks, and for a connection, before answering 503. */
  publishTimeoutMs?: number;
  onError?: (error: unknown, message: string) => void;
}

/** A message as the drain reads it back: the event and when ingest received it. */
export interface StreamedEvent extends ListeningEvent {
  receivedAt: Date;
}

/** NATS cannot take (part of) a batch: the route answers 503 and lists what the stream did take. */
export class ListeningStreamUnavailable extends Error {
  constructor(message: string, readonly stored: readonly string[] = [], options?: ErrorOptions) {
    super(message, options);
    this.name = 'ListeningStreamUnavailable';
  }
}

const ms = (millis: number) => Math.round(millis * 1_000_000); // JetStream durations are nanoseconds
const isApiError = (error: unknown, code: number) => error instanceof JetStreamApiError && error.code === code;

interface Connection {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

export class ListeningStream {
  readonly stream: string;
  readonly subjectPrefix: string;
  readonly publishTimeoutMs: number;
  private connection: Connection | undefined;
  private connecting: Promise<Connection> | undefined;
  private failures = 0;
  private retryAt = 0;
  private closed = false;

  constructor(private readonly options: ListeningStreamOptions) {
    this.stream = options.stream ?? LISTENING_STREAM;
    this.subjectPrefix = options.subjectPrefix ?? (this.stream === LISTENING_STREAM ? DEFAULT_SUBJECT_PREFIX : this.stream);
    this.publishTimeoutMs = options.publishTimeoutMs ?? 5000;
  }

  subject(listenerId: string): string {
    return `${this.subjectPrefix}.${listenerId}`;
  }

  /**
   * The connection, made (with the stream) on first use. While NATS is down a request fails at once instead
   * of each waiting for a connect timeout: attempts are spaced (250 ms doubling to 10 s). Once connected the
   * client reconnects by itself; publishes meanwhile time out into 503s.
   */
  ready(): Promise<Connection> {
    if (this.connection) return Promise.resolve(this.connection);
    if (this.closed) return Promise.reject(new ListeningStreamUnavailable('The listening stream is closed.'));
    if (this.connecting) return this.connecting;
    if (Date.now() < this.retryAt) return Promise.reject(new ListeningStreamUnavailable(`NATS at ${this.where()} is not reachable; retrying shortly.`));
    this.connecting = this.open().then(
      (connection) => {
        this.connecting = undefined;
        this.failures = 0;
        if (this.closed) {
          void connection.nc.close();
          throw new ListeningStreamUnavailable('The listening stream is closed.');
        }
        this.connection = connection;
        return connection;
      },
      (error: unknown) => {
        this.connecting = undefined;
        this.retryAt = Date.now() + Math.min(10_000, 250 * 2 ** this.failures++);
        this.options.onError?.(error, 'listening stream: NATS not reachable; beacons are refused with 503 until it is');
        throw new ListeningStreamUnavailable(`NATS at ${this.where()} is not reachable: ${(error as Error).message}`, [], { cause: error });
      },
    );
    return this.connecting;
  }

  private where(): string {
    return natsConnectOptions(this.options.servers).servers;
  }

  private async open(): Promise<Connection> {
    const nc = await connect({
      ...natsConnectOptions(this.options.servers),
      name: 'thmnayah-listening',
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      timeout: this.publishTimeoutMs,
    });
    try {
      const connection = { nc, js: jetstream(nc), jsm: await jetstreamManager(nc) };
      await this.ensureStream(connection.jsm);
      return connection;
    } catch (error) {
      await nc.close().catch(() => {});
      throw error;
    }
  }

  private async ensureStream(jsm: JetStreamManager): Promise<void> {
    const config = {
      duplicate_window: ms(this.options.duplicateWindowMs ?? 600_000),
      num_replicas: this.options.replicas ?? 1,
    };
    try {
      const info = await jsm.streams.info(this.stream);
      if (info.config.duplicate_window !== config.duplicate_window || info.config.num_replicas !== config.num_replicas) {
        await jsm.streams.update(this.stream, config);
      }
    } catch (error) {
      if (!isApiError(error, JetStreamApiCodes.StreamNotFound)) throw error;
      await jsm.streams.add({
        name: this.stream,
        subjects: [`${this.subjectPrefix}.>`],
        storage: StorageType.File,
        retention: RetentionPolicy.Workqueue,
        discard: DiscardPolicy.Old,
        max_age: ms(this.options.maxAgeMs ?? 7 * 24 * 3_600_000),
        ...config,
      });
    }
  }

  /**
   * Publishes every event at once and waits for all PubAcks. Resolves with the beacon ids the stream took as
   * new (the rest were duplicates within its window). When any publish fails, rejects with
   * ListeningStreamUnavailable listing the ids the stream did take: those are kept (a message cannot be
   * taken back) and sending the batch again counts each event once.
   */
  async append(events: readonly ListeningEvent[], receivedAt = new Date()): Promise<Set<string>> {
    const { js } = await this.ready();
    const results = await Promise.allSettled(events.map((e) => js.publish(
      this.subject(e.listenerId),
      JSON.stringify({ ...e, receivedAt }),
      { msgID: e.beaconId, expect: { streamName: this.stream }, timeout: this.publishTimeoutMs },
    )));
    const fresh = new Set<string>();
    const taken: string[] = [];
    let failure: unknown;
    results.forEach((result, i) => {
      const id = events[i]!.beaconId;
      if (result.status === 'rejected') failure ??= result.reason;
      else {
        taken.push(id);
        if (!result.value.duplicate) fresh.add(id);
      }
    });
    if (failure !== undefined) {
      throw new ListeningStreamUnavailable(`NATS did not take ${events.length - taken.length} of ${events.length} events: ${(failure as Error).message}`, taken, { cause: failure });
    }
    return fresh;
  }

  /**
   * Deletes a listener's messages not drained yet (those stored before this call); returns how many.
   * Message by message under the listener's subject rather than one filtered purge: before 2.9.15
   * nats-server moved every consumer whose filter covers the purged subject past the purge's last
   * sequence, so the drain would have skipped other listeners' messages (nats-server#3838); deleting by
   * sequence never moves a consumer. A listener has a handful of pending messages; the loop is cheap.
   */
  async purgeListener(listenerId: string): Promise<number> {
    const { jsm } = await this.ready();
    const subject = this.subject(listenerId);
    const { state } = await jsm.streams.info(this.stream);
    let purged = 0;
    for (let seq = state.first_seq; seq <= state.last_seq;) {
      // STREAM.MSG.GET's next_by_subj: the first message on the subject at or after seq.
      const found = await jsm.streams.getMessage(this.stream, { seq, next_by_subj: subject } as unknown as MsgRequest).catch((error: unknown) => {
        if (isApiError(error, JetStreamApiCodes.NoMessageFound)) return null;
        throw error;
      });
      if (!found || found.seq > state.last_seq) break;
      // False when the drain acked it meanwhile (work queue): it is in the table, where the caller deletes it.
      if (await jsm.streams.deleteMessage(this.stream, found.seq, false).catch(() => false)) purged++;
      seq = found.seq + 1;
    }
    return purged;
  }

  /**
   * Waits until every message the drain had been handed when this was called is acked (inserted and
   * committed, or found purged), so a batch fetched before a purge cannot insert rows after the caller
   * deletes them. Bounded: a drain that died holding messages gives them up after its ack wait.
   */
  async settleDeliveries(timeoutMs: number): Promise<boolean> {
    const { jsm } = await this.ready();
    const info = async () => jsm.consumers.info(this.stream, DRAIN_CONSUMER).catch((error: unknown) => {
      if (isApiError(error, JetStreamApiCodes.ConsumerNotFound)) return undefined;
      throw error;
    });
    const first = await info();
    if (!first || first.num_ack_pending === 0) return true;
    const handed = first.delivered.stream_seq;
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const now = await info();
      if (!now || now.num_ack_pending === 0 || now.ack_floor.stream_seq >= handed) return true;
    }
    return false;
  }

  /** Messages not drained yet, and the age in seconds of the oldest (work queue: the stream holds only those). */
  async pending(): Promise<{ messages: number; oldestSeconds: number }> {
    const { jsm } = await this.ready();
    const { state } = await jsm.streams.info(this.stream);
    if (state.messages === 0) return { messages: 0, oldestSeconds: 0 };
    return { messages: state.messages, oldestSeconds: Math.max(0, (Date.now() - Date.parse(state.first_ts)) / 1000) };
  }

  /** Deletes the stream (test teardown). */
  async deleteStream(): Promise<void> {
    const { jsm } = await this.ready();
    await jsm.streams.delete(this.stream).catch((error: unknown) => {
      if (!isApiError(error, JetStreamApiCodes.StreamNotFound)) throw error;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const connection = this.connection ?? (await this.connecting?.catch(() => undefined));
    this.connection = undefined;
    if (connection && !connection.nc.isClosed()) await connection.nc.drain().catch(() => connection.nc.close());
  }
}

/** The 503 a request gets when NATS cannot take its events: nothing is counted silently. */
export function streamProblem(error: ListeningStreamUnavailable, total: number): HttpProblem {
  const stored = error.stored.length;
  return new HttpProblem('unavailable', stored === 0
    ? `The listening event stream cannot take beacons now (${error.message}); nothing of this batch was recorded. Send it again later.`
    : `The listening event stream took ${stored} of the ${total} events of this batch (listed in \`stored\`) and not the others (${error.message}). `
      + 'Sending the whole batch again is safe: each event is counted once.', { stored: error.stored });
}

const byPlatform = new WeakMap<Platform, { stream: ListeningStream; users: number }>();

/**
 * The platform's listening stream when NATS_URL is set (undefined otherwise), shared by the parts of one
 * process; each user releases it when it stops, and the last one closes the connection.
 */
export function acquireListeningStream(platform: Platform, warn: (error: unknown, message: string) => void): { stream: ListeningStream; release(): Promise<void> } | undefined {
  const { config } = platform;
  if (!config.natsUrl) return undefined;
  let held = byPlatform.get(platform);
  if (!held) {
    let lastWarning = 0;
    held = {
      users: 0,
      stream: new ListeningStream({
        servers: config.natsUrl,
        stream: config.natsListeningStream,
        duplicateWindowMs: config.natsListeningDuplicateWindowSeconds * 1000,
        replicas: config.natsStreamReplicas,
        onError: (error, message) => {
          // An outage fails every request: one warning per 10 s is enough.
          if (Date.now() - lastWarning < 10_000) return;
          lastWarning = Date.now();
          warn(error, message);
        },
      }),
    };
    byPlatform.set(platform, held);
  }
  const entry = held;
  entry.users++;
  let released = false;
  return {
    stream: entry.stream,
    async release() {
      if (released) return;
      released = true;
      if (--entry.users > 0) return;
      byPlatform.delete(platform);
      await entry.stream.close();
    },
  };
}
