// The relay (role `relay`): moves committed outbox rows to the bus, oldest first, and marks them
// published. Several relays may run (two replicas during a rollout, say); one publishes at a time.
//
// Why an advisory lock and not `select ... for update skip locked`: skip locked hands different
// rows to different relays, which then publish concurrently, so event 16 of an episode can reach
// the bus before event 15. An outbox is an ordered log, not a work queue. Each batch runs in one
// transaction that first takes pg_try_advisory_xact_lock: the holder publishes and marks the batch,
// the others find the lock taken and wait for their next turn. The lock belongs to the transaction,
// so it needs no dedicated connection (it works through the pool and on PGlite), and a relay that
// dies releases it with its connection: failover is the next poll, with no lease to expire.
//
// A relay that dies after publishing and before its commit leaves the rows unmarked; the next
// batch publishes them again with the same message ids, and the bus drops the copies (JetStream
// dedupes by Nats-Msg-Id; the in-process bus's log is the outbox itself).
import type { Db } from '../platform/db/db.js';
import type { EventBus } from './bus.js';
import type { EventMetrics } from './metrics.js';
import { OUTBOX_COLUMNS, rowToEvent, type OutboxEvent, type OutboxRow } from './outbox.js';
import { PUBLISHED_NOTIFY_SQL, eventsPublished, type Wakeups } from './wakeups.js';
import { SpanKind, contextFrom, currentCarrier, failSpan, inSpan, linkFrom, startSpan, tracingEnabled } from '../platform/telemetry/tracing.js';
import type { Link } from '@opentelemetry/api';

/** Any constant shared by every Thmnayah relay (migrations use another). */
const RELAY_LOCK_KEY = 7_311_046;

export interface RelayOptions {
  db: Db;
  bus: EventBus;
  wakeups?: Wakeups;
  metrics?: EventMetrics;
  batchSize?: number;
  /** Fallback poll when no wake-up signal comes (a missed NOTIFY, another process's PGlite ...). */
  pollMs?: number;
  onError?: (error: unknown) => void;
}

export type RelayResult = { leader: false } | { leader: true; published: number };

type BatchResult = { leader: false } | { leader: true; events: OutboxEvent[] };

export class Relay {
  private readonly batchSize: number;
  private readonly pollMs: number;
  private stopped = true;
  private wanted = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly options: RelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.pollMs = options.pollMs ?? 200;
  }

  /** Publishes one batch if this relay gets the leader lock. */
  async publishBatch(): Promise<RelayResult> {
    const { db, bus, metrics } = this.options;
    const batch = await db.transaction(async (tx): Promise<BatchResult> => {
      const [lock] = await tx.query<{ leader: boolean }>('select pg_try_advisory_xact_lock($1) as leader', [RELAY_LOCK_KEY]);
      if (!lock?.leader) return { leader: false };
      const rows = await tx.query<OutboxRow>(
        `select ${OUTBOX_COLUMNS} from outbox where published_at is null order by seq limit $1`,
        [this.batchSize],
      );
      if (rows.length === 0) return { leader: true, events: [] };
      const events = rows.map(rowToEvent);
      await publishTraced(events, (traced) => bus.publish(tx, traced));
      // publish_seq continues from the highest so far: only the lock holder writes it, and the
      // previous holder committed before this transaction could take the lock.
      const [top] = await tx.query<{ base: number }>('select coalesce(max(publish_seq), 0) as base from outbox');
      await tx.query(
        `update outbox o set published_at = now(), publish_seq = $2 + b.ord
           from unnest($1::bigint[]) with ordinality as b(seq, ord)
          where o.seq = b.seq`,
        [events.map((e) => e.seq), top!.base],
      );
      if (db.kind === 'postgres') await tx.query(PUBLISHED_NOTIFY_SQL);
      return { leader: true, events };
    });
    metrics?.relayLeader.set(batch.leader ? 1 : 0);
    if (!batch.leader) return batch;
    if (batch.events.length > 0) {
      bus.published();
      eventsPublished.emit('published');
      if (metrics) {
        const now = Date.now();
        metrics.relayPublished.inc(batch.events.length);
        for (const event of batch.events) metrics.relayPublishLatency.observe(Math.max(0, now - Date.parse(event.occurredAt)) / 1000);
      }
    }
    return { leader: true, published: batch.events.length };
  }

  /** Publishes until the outbox is drained (or another relay holds the lock); returns the count. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const result = await this.publishBatch();
      if (!result.leader || result.published === 0) return total;
      total += result.published;
    }
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.options.wakeups?.on('outbox', () => this.poke());
    this.loop = this.run();
  }

  /** Look now (another event was just written). */
  poke(): void {
    this.wanted = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      this.wanted = false;
      let busy = false;
      try {
        const result = await this.publishBatch();
        busy = result.leader && result.published === this.batchSize;
        failures = 0;
      } catch (error) {
        failures += 1;
        this.options.onError?.(error);
      }
      if (busy || (this.wanted && failures === 0)) continue;
      // After failures (bus or database down), back off up to 5 s instead of hammering.
      const wait = failures > 0 ? Math.min(5000, this.pollMs * 2 ** failures) : this.pollMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}

/** Links a relay batch span keeps to the events it carries (one batch may hold 200). */
const MAX_BATCH_LINKS = 32;

/**
 * Tracing on: the batch is one span (linked to the writers' spans: a batch may serve many traces),
 * and each event gets a producer span in its own writer's trace, linked back to the batch. The
 * events go to the bus carrying their producer span's context, which consumers continue.
 */
async function publishTraced(events: OutboxEvent[], publish: (events: OutboxEvent[]) => Promise<void>): Promise<void> {
  if (!tracingEnabled()) return publish(events);
  const links = events.slice(0, MAX_BATCH_LINKS).map((e) => linkFrom(e.traceContext)).filter((l): l is Link => l !== undefined);
  await inSpan('relay publish', { links, attributes: { 'messaging.batch.message_count': events.length } }, async (batch) => {
    const batchLink = linkFrom(currentCarrier());
    const spans = events.map((event) => startSpan(`publish ${event.type}`, {
      kind: SpanKind.PRODUCER,
      parent: contextFrom(event.traceContext),
      links: batchLink ? [batchLink] : [],
      attributes: { 'messaging.operation.type': 'send', 'messaging.message.id': event.id, 'thmnayah.event.type': event.type, 'thmnayah.outbox.seq': event.seq },
    }));
    const traced = events.map((event, i) => {
      const carrier = currentCarrier(spans[i]);
      return carrier ? { ...event, traceContext: carrier } : event;
    });
    try {
      await publish(traced);
    } catch (error) {
      for (const span of spans) failSpan(span, error);
      failSpan(batch, error);
      throw error;
    } finally {
      for (const span of spans) span?.end();
    }
  });
}
