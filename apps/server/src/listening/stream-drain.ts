// The worker's drain of the listening stream (NATS_URL set; listening-stream.ts): a durable pull consumer
// that every worker shares moves messages into listening_events in batches, and acks a batch only after
// its INSERT committed. The INSERT is the event log's insertEvents (with each event's receivedAt), so
// a batch redelivered after a crash between commit and ack, or a replay the stream no longer remembered,
// stores nothing twice; the hot counters are bumped from the rows it newly stored only.
//
// Batching is group commit again: messages arrive into a buffer while a batch is being written, and the
// next batch takes what gathered (up to BATCH_ROWS), so a busy stream makes big INSERTs and a quiet one
// makes each message visible at once.
import { Counter, Gauge, type Registry } from 'prom-client';
import { AckPolicy, DeliverPolicy, JetStreamApiCodes, JetStreamApiError, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { Db } from '../platform/db/db.js';
import { insertEvents, type ListeningEvent } from './event-log.js';
import type { HotCounters } from './hot-counters.js';
import { aggregationMetrics } from './aggregation.js';
import { DRAIN_CONSUMER, type ListeningStream, type StreamedEvent } from './listening-stream.js';

/** Messages one INSERT takes at most. */
export const BATCH_ROWS = 500;
const ms = (millis: number) => Math.round(millis * 1_000_000);

function decode(m: JsMsg): StreamedEvent {
  const raw = m.json<Omit<StreamedEvent, 'occurredAt' | 'receivedAt'> & { occurredAt: string; receivedAt: string }>();
  return { ...raw, occurredAt: new Date(raw.occurredAt), receivedAt: new Date(raw.receivedAt) };
}

const metricsByRegistry = new WeakMap<Registry, { drained: Counter; batches: Counter; pendingSource: { current?: () => Promise<number> } }>();

export function drainMetrics(registry: Registry) {
  let m = metricsByRegistry.get(registry);
  if (m) return m;
  const pendingSource: { current?: () => Promise<number> } = {};
  m = {
    pendingSource,
    drained: new Counter({ name: 'thmnayah_listening_stream_drained_total', help: 'Listening stream messages this process wrote to listening_events and acked (redeliveries and replays included)', registers: [registry] }),
    batches: new Counter({ name: 'thmnayah_listening_stream_batches_total', help: 'Batches (INSERT statements) the listening stream drain committed', registers: [registry] }),
  };
  new Gauge({
    name: 'thmnayah_listening_stream_pending_messages',
    help: 'Listening stream messages not yet drained into listening_events (the drain consumer\'s pending and unacked)',
    registers: [registry],
    async collect() {
      if (pendingSource.current) this.set(await pendingSource.current().catch(() => Number.NaN));
    },
  });
  metricsByRegistry.set(registry, m);
  return m;
}

export interface DrainOptions {
  registry: Registry;
  hot?: HotCounters | undefined;
  batchRows?: number;
  /** How long JetStream waits for a batch's acks before handing its messages to another worker. */
  ackWaitMs?: number;
  onError: (error: unknown, message: string) => void;
  /** Tests: runs between the commit and the acks; a rejection leaves the batch unacked, as a crash there would. */
  afterCommit?: (events: readonly StreamedEvent[]) => Promise<void>;
}

/** Starts draining; the result stops it (the batch in hand is finished, buffered messages are handed back). */
export function startListeningDrain(db: Db, stream: ListeningStream, options: DrainOptions): () => Promise<void> {
  const metrics = drainMetrics(options.registry);
  const lag = aggregationMetrics(options.registry);
  const batchRows = options.batchRows ?? BATCH_ROWS;
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  metrics.pendingSource.current = async () => {
    const { jsm } = await stream.ready();
    const info = await jsm.consumers.info(stream.stream, DRAIN_CONSUMER);
    return info.num_pending + info.num_ack_pending;
  };
  lag.streamLagSource.current = async () => (await stream.pending()).oldestSeconds;

  let stopped = false;
  let messages: ConsumerMessages | undefined;
  let wakeSleep: () => void = () => {};
  const sleep = (millis: number) => new Promise<void>((resolve) => {
    wakeSleep = resolve;
    setTimeout(resolve, millis).unref();
  });

  const ensureConsumer = async () => {
    const { jsm } = await stream.ready();
    const config = {
      durable_name: DRAIN_CONSUMER,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: ms(ackWaitMs),
      max_deliver: -1,
      // Order does not matter here (every row carries its own time): many batches may be in flight.
      max_ack_pending: batchRows * 20,
      filter_subject: `${stream.subjectPrefix}.>`,
    };
    try {
      const info = await jsm.consumers.info(stream.stream, DRAIN_CONSUMER);
      if (info.config.ack_wait !== config.ack_wait) await jsm.consumers.update(stream.stream, DRAIN_CONSUMER, { ack_wait: config.ack_wait });
    } catch (error) {
      if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound)) throw error;
      await jsm.consumers.add(stream.stream, config);
    }
  };

  const write = async (batch: JsMsg[]) => {
    const events: StreamedEvent[] = [];
    const seen = new Set<string>();
    for (const m of batch) {
      let event: StreamedEvent;
      try {
        event = decode(m);
      } catch (error) {
        // Not ours (someone published by hand): retrying cannot help.
        options.onError(error, `listening stream: message ${m.seq} is not a listening event; dropped`);
        m.term();
        continue;
      }
      // A redelivery and a late replay of one beacon may meet in one batch: the first keeps it.
      if (!seen.has(event.beaconId)) (seen.add(event.beaconId), events.push(event));
    }
    let stored: Set<string>;
    try {
      stored = await insertEvents(db, events);
    } catch (error) {
      options.onError(error, 'listening stream: writing a batch to listening_events failed; it is delivered again');
      for (const m of batch) m.nak(1000);
      return;
    }
    // Not awaited, as in the group commit: Redis never holds the drain back (record never rejects).
    if (options.hot && stored.size > 0) void options.hot.record(events.filter((e) => stored.has(e.beaconId)) as ListeningEvent[]);
    try {
      await options.afterCommit?.(events);
    } catch (error) {
      options.onError(error, 'listening stream: the batch was committed but not acked; it comes back after the ack wait and stores nothing twice');
      return;
    }
    for (const m of batch) m.ack();
    metrics.batches.inc();
    metrics.drained.inc(batch.length);
  };

  /** One consume() session: a pump fills the buffer, the writer empties it. Ends on stop or a broken session. */
  const session = async () => {
    await ensureConsumer();
    const { js } = await stream.ready();
    const consumer = await js.consumers.get(stream.stream, DRAIN_CONSUMER);
    messages = await consumer.consume({ max_messages: batchRows * 2 });
    if (stopped) await messages.close();
    const buffer: JsMsg[] = [];
    let arrived: () => void = () => {};
    let ended = false;
    const pump = (async () => {
      try {
        for await (const m of messages!) {
          buffer.push(m);
          arrived();
        }
      } finally {
        ended = true;
        arrived();
      }
    })();
    try {
      while (!stopped) {
        if (buffer.length === 0) {
          if (ended) break;
          await new Promise<void>((resolve) => (arrived = resolve));
          continue;
        }
        await write(buffer.splice(0, batchRows));
      }
    } finally {
      await messages.close().catch(() => {});
      await pump.catch(() => {});
      // Handed back at once rather than after the ack wait: another worker takes them.
      for (const m of buffer.splice(0)) m.nak();
    }
  };

  const loop = (async () => {
    for (let failures = 0; !stopped;) {
      try {
        await session();
        failures = 0;
      } catch (error) {
        if (stopped) break;
        options.onError(error, 'listening stream drain: NATS not reachable or the consumer failed; retrying');
        failures++;
      }
      if (!stopped) await sleep(Math.min(10_000, 250 * 2 ** failures));
    }
  })();

  return async () => {
    stopped = true;
    wakeSleep();
    await messages?.close().catch(() => {});
    await loop;
    metrics.pendingSource.current = undefined;
    lag.streamLagSource.current = undefined;
  };
}
