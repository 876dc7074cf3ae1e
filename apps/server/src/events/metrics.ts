// Prometheus metrics of the event runtime, in the platform registry (served at /metrics).
// Gauges that describe shared state (lag, dead letters, unpublished rows) are read at scrape time
// from whatever this process runs; several replicas report the same numbers, so take max() of them.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface EventMetrics {
  relayPublished: Counter;
  relayPublishLatency: Histogram;
  relayLeader: Gauge;
  outboxUnpublished: Gauge;
  processed: Counter<'consumer' | 'outcome'>;
  failed: Counter<'consumer'>;
  deadLettered: Counter<'consumer'>;
  deadLetters: Gauge<'consumer'>;
  lag: Gauge<'consumer'>;
  deliveryLatency: Histogram<'consumer'>;
  /** Read at scrape time; each running consumer adds its own. */
  lagSources: Map<string, () => Promise<number>>;
  /** Read at scrape time: seconds the oldest event a consumer has not settled has waited. */
  oldestSources: Map<string, () => Promise<number>>;
  deadLetterSource: (() => Promise<Map<string, number>>) | undefined;
  unpublishedSource: (() => Promise<number>) | undefined;
  oldestUnpublishedSource: (() => Promise<number>) | undefined;
  outboxOldestUnpublished: Gauge;
  oldest: Gauge<'consumer'>;
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const byRegistry = new WeakMap<Registry, EventMetrics>();

/** The event metrics of a registry, created on first use (a registry refuses a name twice). */
export function eventMetrics(registry: Registry): EventMetrics {
  const existing = byRegistry.get(registry);
  if (existing) return existing;
  const registers = [registry];
  const lagSources = new Map<string, () => Promise<number>>();
  const oldestSources = new Map<string, () => Promise<number>>();
  const metrics: EventMetrics = {
    lagSources,
    oldestSources,
    deadLetterSource: undefined,
    unpublishedSource: undefined,
    oldestUnpublishedSource: undefined,
    outboxOldestUnpublished: new Gauge({
      name: 'thmnayah_outbox_oldest_unpublished_seconds',
      help: 'Age of the oldest outbox event the relay has not published (0: none); grows while the relay is stalled',
      registers,
      async collect() {
        const source = metrics.oldestUnpublishedSource;
        if (source) this.set(await source().catch(() => Number.NaN));
      },
    }),
    oldest: new Gauge({
      name: 'thmnayah_events_consumer_oldest_unprocessed_seconds',
      help: 'Age of the oldest published event the consumer has not settled yet (0: caught up)',
      labelNames: ['consumer'],
      registers,
      async collect() {
        await Promise.all([...oldestSources].map(async ([consumer, source]) => {
          this.set({ consumer }, await source().catch(() => Number.NaN));
        }));
      },
    }),
    relayPublished: new Counter({ name: 'thmnayah_relay_published_total', help: 'Outbox events the relay published to the bus', registers }),
    relayPublishLatency: new Histogram({
      name: 'thmnayah_relay_publish_latency_seconds',
      help: 'Time from the event being written (transaction start) to the relay marking it published',
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    relayLeader: new Gauge({ name: 'thmnayah_relay_leader', help: '1 while this relay held the leader lock at its last batch', registers }),
    outboxUnpublished: new Gauge({
      name: 'thmnayah_outbox_unpublished',
      help: 'Outbox events not yet published by the relay',
      registers,
      async collect() {
        const source = metrics.unpublishedSource;
        if (source) this.set(await source().catch(() => Number.NaN));
      },
    }),
    processed: new Counter({
      name: 'thmnayah_events_processed_total',
      help: 'Events a consumer settled, by outcome: handled, duplicate (already processed), ignored (no handler by design)',
      labelNames: ['consumer', 'outcome'],
      registers,
    }),
    failed: new Counter({ name: 'thmnayah_events_failed_total', help: 'Failed handler attempts (each retry counts)', labelNames: ['consumer'], registers }),
    deadLettered: new Counter({ name: 'thmnayah_events_dead_lettered_total', help: 'Events parked in dead letters after their last attempt', labelNames: ['consumer'], registers }),
    deadLetters: new Gauge({
      name: 'thmnayah_events_dead_letters',
      help: 'Events waiting in dead letters (not replayed yet), by consumer',
      labelNames: ['consumer'],
      registers,
      async collect() {
        const source = metrics.deadLetterSource;
        if (!source) return;
        const counts = await source().catch(() => undefined);
        if (!counts) return;
        this.reset();
        for (const consumer of lagSources.keys()) this.set({ consumer }, 0);
        for (const [consumer, count] of counts) this.set({ consumer }, count);
      },
    }),
    lag: new Gauge({
      name: 'thmnayah_events_consumer_lag',
      help: 'Events published to the bus and not yet settled by the consumer',
      labelNames: ['consumer'],
      registers,
      async collect() {
        await Promise.all([...lagSources].map(async ([consumer, source]) => {
          this.set({ consumer }, await source().catch(() => Number.NaN));
        }));
      },
    }),
    deliveryLatency: new Histogram({
      name: 'thmnayah_events_delivery_latency_seconds',
      help: 'Time from the event being written to its handler finishing, by consumer',
      labelNames: ['consumer'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
  };
  byRegistry.set(registry, metrics);
  return metrics;
}
