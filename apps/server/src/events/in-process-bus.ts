// The in-process bus (embedded default, no NATS_URL). Its durable log is the outbox itself, read
// in publish order (publish_seq, written by the relay); each consumer keeps its position in
// event_consumer_positions. So a consumer that stops or dies resumes where it stopped, and nothing
// is lost between the relay and the consumers even though no broker holds the messages.
// Consumers wake on the relay's signal (in this process, or by NOTIFY on PostgreSQL) and poll
// every pollMs as a fallback.
import { EventEmitter } from 'node:events';
import type { Db, Queryable } from '../platform/db/db.js';
import { checkConsumerName, type Delivery, type EventBus, type SubscribeOptions, type Subscription } from './bus.js';
import { OUTBOX_COLUMNS, rowToEvent, type OutboxEvent, type OutboxRow } from './outbox.js';
import type { Wakeups } from './wakeups.js';

export interface InProcessBusOptions {
  wakeups?: Wakeups;
  /** Rows read per query. */
  batchSize?: number;
  pollMs?: number;
}

export class InProcessBus implements EventBus {
  readonly kind = 'in-process';
  private readonly local = new EventEmitter();

  constructor(private readonly db: Db, private readonly options: InProcessBusOptions = {}) {
    this.local.setMaxListeners(0);
  }

  async publish(tx: Queryable, events: readonly OutboxEvent[]): Promise<void> {
    // Nothing to send: the relay's mark (publish_seq, in the same transaction) is the publication.
    // Traced events carry the relay's publish span now: the row keeps it for the consumers.
    const traced = events.filter((e) => e.traceContext);
    if (traced.length === 0) return;
    await tx.query(
      `update outbox o set trace_context = t.ctx from unnest($1::bigint[], $2::jsonb[]) as t(seq, ctx) where o.seq = t.seq`,
      [traced.map((e) => e.seq), traced.map((e) => JSON.stringify(e.traceContext))],
    );
  }

  published(): void {
    this.local.emit('published');
  }

  subscribe(consumer: string, options: SubscribeOptions = {}): Subscription {
    return new InProcessSubscription(this.db, checkConsumerName(consumer), {
      batchSize: this.options.batchSize ?? 100,
      pollMs: options.pollMs ?? this.options.pollMs ?? 200,
      onWake: (listener) => {
        this.local.on('published', listener);
        const off = this.options.wakeups?.on('published', listener);
        return () => {
          this.local.off('published', listener);
          off?.();
        };
      },
    });
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
  }
}

interface SubscriptionSettings {
  batchSize: number;
  pollMs: number;
  onWake(listener: () => void): () => void;
}

class InProcessSubscription implements Subscription {
  readonly keepAliveMs = undefined;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(private readonly db: Db, private readonly consumer: string, private readonly settings: SubscriptionSettings) {}

  async *deliveries(): AsyncIterable<Delivery> {
    await this.db.query('insert into event_consumer_positions (consumer) values ($1) on conflict do nothing', [this.consumer]);
    const [row] = await this.db.query<{ position: number }>('select position from event_consumer_positions where consumer = $1', [this.consumer]);
    let position = row?.position ?? 0;
    // We cannot know whether the event at our position was being handled when a previous run
    // stopped or died, so the first delivery of every run says it may be a redelivery.
    let suspect = true;
    let signalled = false;
    const off = this.settings.onWake(() => {
      signalled = true;
      this.wake?.();
    });
    try {
      while (!this.stopped) {
        signalled = false;
        const rows = await this.db.query<OutboxRow & { publish_seq: number }>(
          `select ${OUTBOX_COLUMNS}, publish_seq from outbox where publish_seq > $1 order by publish_seq limit $2`,
          [position, this.settings.batchSize],
        );
        for (const r of rows) {
          if (this.stopped) return;
          const settled = { acked: false, storedWith: false };
          const store = (q: Queryable) => q.query(
            'update event_consumer_positions set position = $2, updated_at = now() where consumer = $1 and position < $2',
            [this.consumer, r.publish_seq],
          );
          const delivery: Delivery = {
            event: rowToEvent(r),
            redelivered: suspect,
            ackWith: async (tx) => {
              await store(tx);
              settled.storedWith = true;
            },
            ack: async () => {
              // Called once the settling transaction committed; if that transaction stored the
              // position already, there is nothing left to write.
              if (!settled.storedWith) await store(this.db);
              position = r.publish_seq;
              settled.acked = true;
            },
            release: async () => {
              // Nothing to undo: the position stays, so the event comes again.
            },
            keepAlive: () => {},
          };
          suspect = false;
          yield delivery;
          if (!settled.acked) {
            // Released (or left open): it comes again, from the stored position, as a suspect.
            suspect = true;
            break;
          }
        }
        if (rows.length === this.settings.batchSize || signalled || this.stopped) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.settings.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    } finally {
      off();
    }
  }

  async lag(): Promise<number> {
    const [row] = await this.db.query<{ lag: number }>(
      `select count(*)::int as lag from outbox
        where publish_seq > coalesce((select position from event_consumer_positions where consumer = $1), 0)`,
      [this.consumer],
    );
    return row?.lag ?? 0;
  }

  async oldestPendingSeconds(): Promise<number> {
    const [row] = await this.db.query<{ age: number | null }>(
      `select extract(epoch from now() - min(occurred_at))::float8 as age from outbox
        where publish_seq > coalesce((select position from event_consumer_positions where consumer = $1), 0)`,
      [this.consumer],
    );
    return Math.max(0, row?.age ?? 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
  }
}
