// The consumer runtime. It knows no domain: each domain exports a consumer (a name and a table of
// handlers typed by event type, so a missing handler is a compile error) and the role wiring
// registers it here. For every delivery the runtime:
//  - skips events this consumer already processed (processed_events, keyed by event id), so an
//    at-least-once bus gives effectively-once processing;
//  - runs the handler in the same transaction that records the event as processed, so a handler's
//    own database changes and the "processed" mark commit together or not at all;
//  - retries a failing handler in place with exponential backoff (later events wait, which keeps
//    per-entity order), counting attempts in the database so they survive restarts;
//  - after maxAttempts parks the event in event_dead_letters and moves on; an operator replays it
//    with the `events.replay` task and the running consumer handles it again.
import type { EventHandlers, EventType } from '@thmnayah/contracts';
import type { Db, Queryable } from '../platform/db/db.js';
import { checkConsumerName, type Delivery, type EventBus, type Subscription } from './bus.js';
import type { EventMetrics } from './metrics.js';
import type { OutboxEvent } from './outbox.js';
import { countOpenDeadLetters } from './dead-letters.js';
import { SpanKind, contextFrom, inSpan } from '../platform/telemetry/tracing.js';

export interface HandlerContext {
  /**
   * The transaction that records the event as processed: make the handler's database changes
   * through it. (On PGlite, using the Db itself from inside would wait for this transaction forever.)
   * For consumers with `transactional: false`, this is the Db and each statement commits alone.
   */
  tx: Queryable;
  consumer: string;
}

export interface ConsumerDefinition {
  /** Durable name: its position, processed events and dead letters are kept under it. */
  name: string;
  handlers: EventHandlers<HandlerContext>;
  /**
   * true (default): the handler runs inside the processed-mark transaction. Set false for slow
   * handlers whose effects are elsewhere (media processing, an external index); they must then be
   * idempotent themselves, since a crash after the effect and before the mark repeats them.
   */
  transactional?: boolean;
  /** Attempts before parking in dead letters; EVENT_MAX_ATTEMPTS by default. */
  maxAttempts?: number;
}

/** Identity, with the name checked and the handler table typed (a missing type fails to compile). */
export function defineConsumer(definition: ConsumerDefinition): ConsumerDefinition {
  checkConsumerName(definition.name);
  return definition;
}

export interface RuntimeLog {
  warn(obj: unknown, msg: string): void;
  error(obj: unknown, msg: string): void;
}

export interface EventRuntimeOptions {
  db: Db;
  bus: EventBus;
  metrics?: EventMetrics;
  log?: RuntimeLog;
  maxAttempts?: number;
  /** First retry delay; each later one doubles, up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Poll fallback of in-process subscriptions. */
  pollMs?: number;
  /** How often consumers look for replays an operator asked for. */
  replayPollMs?: number;
  /**
   * How long processed marks are kept (default 14 days): redeliveries come within JetStream's ack
   * wait, or from a replay of the stream, which keeps 7 days. Pruned hourly.
   */
  processedRetentionMs?: number;
}

/** Forgets processed marks older than the retention; returns how many went. */
export async function pruneProcessedEvents(db: Queryable, retentionMs: number): Promise<number> {
  const rows = await db.query(
    `delete from processed_events where processed_at < now() - $1 * interval '1 millisecond' returning 1`,
    [retentionMs],
  );
  return rows.length;
}

type Handler = (event: OutboxEvent, ctx: HandlerContext) => Promise<void>;

export class EventRuntime {
  private readonly runners = new Map<string, ConsumerRunner>();
  private started = false;
  private pruneTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: EventRuntimeOptions) {}

  registerConsumer(definition: ConsumerDefinition): void {
    checkConsumerName(definition.name);
    if (this.runners.has(definition.name)) throw new Error(`Consumer "${definition.name}" is registered twice.`);
    const runner = new ConsumerRunner(definition, this.options);
    this.runners.set(definition.name, runner);
    if (this.started) runner.start();
  }

  get consumerNames(): string[] {
    return [...this.runners.keys()];
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    const { metrics, db } = this.options;
    if (metrics) metrics.deadLetterSource = () => countOpenDeadLetters(db);
    for (const runner of this.runners.values()) runner.start();
    const retention = this.options.processedRetentionMs ?? 14 * 24 * 3600 * 1000;
    this.pruneTimer = setInterval(() => {
      pruneProcessedEvents(db, retention).catch((error: unknown) => this.options.log?.warn({ err: error }, 'pruning processed events failed'));
    }, 3600 * 1000).unref();
  }

  async stop(): Promise<void> {
    this.started = false;
    clearInterval(this.pruneTimer);
    await Promise.all([...this.runners.values()].map((r) => r.stop()));
  }
}


class ConsumerRunner {
  private readonly name: string;
  private readonly maxAttempts: number;
  private readonly transactional: boolean;
  private subscription: Subscription | undefined;
  private stopped = true;
  private loops: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly definition: ConsumerDefinition, private readonly options: EventRuntimeOptions) {
    this.name = definition.name;
    this.maxAttempts = Math.max(1, definition.maxAttempts ?? options.maxAttempts ?? 5);
    this.transactional = definition.transactional ?? true;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const subscription = this.options.bus.subscribe(this.name, { ...(this.options.pollMs !== undefined ? { pollMs: this.options.pollMs } : {}) });
    this.subscription = subscription;
    this.options.metrics?.lagSources.set(this.name, () => subscription.lag());
    this.options.metrics?.oldestSources.set(this.name, () => subscription.oldestPendingSeconds());
    this.loops = [this.runStream(subscription), this.runReplays()];
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.options.metrics?.lagSources.delete(this.name);
    this.options.metrics?.oldestSources.delete(this.name);
    for (const wake of this.sleepers) wake();
    await this.subscription?.stop();
    await Promise.all(this.loops);
  }

  /** Waits ms (false when stopped first), calling keepAlive meanwhile if given. */
  private async sleep(ms: number, keepAlive?: () => void, every?: number): Promise<boolean> {
    if (this.stopped) return false;
    let wake!: () => void;
    const woken = new Promise<void>((resolve) => (wake = resolve));
    this.sleepers.add(wake);
    const timer = setTimeout(wake, Math.max(0, ms));
    const ticker = keepAlive && every ? setInterval(keepAlive, every) : undefined;
    await woken;
    clearTimeout(timer);
    clearInterval(ticker);
    this.sleepers.delete(wake);
    return !this.stopped;
  }

  private async runStream(subscription: Subscription): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        for await (const delivery of subscription.deliveries()) {
          await this.settleTraced(delivery, subscription.keepAliveMs);
          failures = 0;
          if (this.stopped) break;
        }
      } catch (error) {
        if (this.stopped) break;
        // The bus or the database failed (not a handler: those are retried in settle). Open the
        // subscription again after a pause; unacknowledged events come again.
        failures += 1;
        this.options.log?.error({ err: error, consumer: this.name }, 'event consumer lost its subscription; retrying');
        await this.sleep(Math.min(10_000, 250 * 2 ** failures));
      }
    }
  }

  private handlerFor(event: OutboxEvent): Handler | null {
    const handlers = this.definition.handlers as Record<string, Handler | null | undefined>;
    const handler = handlers[event.type as EventType];
    if (handler === undefined) {
      // An event type this build does not know: a newer publisher. Fail, so the event is parked
      // and can be replayed once this consumer is upgraded, instead of being dropped.
      return async () => {
        throw new Error(`Consumer ${this.name} has no handler for event type "${event.type}" (is this worker older than the publisher?)`);
      };
    }
    return handler;
  }

  /** settle() in a consumer span that continues the relay's publish span (carried with the event). */
  private settleTraced(delivery: Delivery, keepAliveMs: number | undefined): Promise<void> {
    const { event } = delivery;
    return inSpan(`process ${event.type}`, {
      kind: SpanKind.CONSUMER,
      parent: contextFrom(event.traceContext),
      attributes: {
        'messaging.system': this.options.bus.kind === 'jetstream' ? 'nats' : 'thmnayah-outbox',
        'messaging.operation.type': 'process',
        'messaging.consumer.group.name': this.name,
        'messaging.message.id': event.id,
        'thmnayah.event.type': event.type,
        'thmnayah.event.redelivered': delivery.redelivered,
      },
    }, () => this.settle(delivery, keepAliveMs));
  }

  private async settle(delivery: Delivery, keepAliveMs: number | undefined): Promise<void> {
    const { event } = delivery;
    const handler = this.handlerFor(event);
    if (handler === null) {
      await delivery.ack();
      this.options.metrics?.processed.inc({ consumer: this.name, outcome: 'ignored' });
      return;
    }
    let attempt = 1;
    if (delivery.redelivered) {
      // It may have been in hand when a consumer died, possibly killed by this very event: count
      // that attempt, so an event that crashes the process still ends in dead letters.
      const state = await this.countAttempt(event.id);
      attempt = state.attempts;
      if (attempt > this.maxAttempts) {
        await this.park(event, attempt - 1, state.lastError, delivery.ackWith);
        await delivery.ack();
        return;
      }
      const wait = state.nextAttemptAt.getTime() - Date.now();
      if (wait > 0 && !(await this.sleep(wait, () => delivery.keepAlive(), keepAliveMs))) {
        await delivery.release();
        return;
      }
    }
    const outcome = await this.attempts(event, handler, attempt, delivery.redelivered, () => delivery.keepAlive(), keepAliveMs, {
      ...(delivery.ackWith ? { ackWith: delivery.ackWith } : {}),
    });
    if (outcome === 'stopped') await delivery.release();
    else await delivery.ack();
  }

  /**
   * Runs the handler until it succeeds, is parked, or the runner stops. `cleanup`: a failure row
   * may exist and must go when the event succeeds.
   */
  private async attempts(
    event: OutboxEvent,
    handler: Handler,
    firstAttempt: number,
    cleanup: boolean,
    keepAlive: () => void,
    keepAliveMs: number | undefined,
    settling: { ackWith?: (tx: Queryable) => Promise<void>; replay?: (tx: Queryable) => Promise<void> } = {},
  ): Promise<'handled' | 'duplicate' | 'parked' | 'stopped'> {
    // What commits with the outcome, whichever it is: the bus position, the replay's status.
    const onSettled = async (tx: Queryable) => {
      await settling.ackWith?.(tx);
      await settling.replay?.(tx);
    };
    const metrics = this.options.metrics;
    for (let attempt = firstAttempt; ; attempt++) {
      const ticker = keepAliveMs ? setInterval(keepAlive, keepAliveMs) : undefined;
      try {
        const outcome = await this.process(event, handler, cleanup || attempt > 1, onSettled);
        metrics?.processed.inc({ consumer: this.name, outcome });
        if (outcome === 'handled' && !settling.replay) {
          metrics?.deliveryLatency.observe({ consumer: this.name }, Math.max(0, Date.now() - Date.parse(event.occurredAt)) / 1000);
        }
        return outcome;
      } catch (error) {
        metrics?.failed.inc({ consumer: this.name });
        const message = errorMessage(error);
        if (attempt >= this.maxAttempts) {
          this.options.log?.error({ err: error, consumer: this.name, eventId: event.id, type: event.type, attempts: attempt }, 'event parked in dead letters');
          await this.park(event, attempt, message, onSettled);
          return 'parked';
        }
        const delay = this.backoff(attempt);
        this.options.log?.warn({ err: error, consumer: this.name, eventId: event.id, type: event.type, attempt, retryInMs: delay }, 'event handler failed; retrying');
        await this.recordFailure(event.id, attempt, message, delay);
        if (!(await this.sleep(delay, keepAlive, keepAliveMs))) return 'stopped';
      } finally {
        clearInterval(ticker);
      }
    }
  }

  private backoff(attempt: number): number {
    // No jitter: one ordered consumer per name retries one event at a time, so there is no herd.
    const base = this.options.retryBaseMs ?? 1000;
    return Math.min(this.options.retryMaxMs ?? 300_000, base * 2 ** (attempt - 1));
  }

  /** One attempt, in one transaction (or, non-transactional, the handler then the mark). */
  private async process(
    event: OutboxEvent,
    handler: Handler,
    cleanup: boolean,
    onSettled: (tx: Queryable) => Promise<void>,
  ): Promise<'handled' | 'duplicate'> {
    const { db } = this.options;
    const settleSql = async (tx: Queryable) => {
      if (cleanup) await tx.query('delete from event_failures where consumer = $1 and event_id = $2', [this.name, event.id]);
      await onSettled(tx);
    };
    if (this.transactional) {
      return db.transaction(async (tx) => {
        // Insert first: a concurrent instance handling the same event waits on this row until we
        // commit, then finds it and skips; if we roll back, it goes ahead.
        const fresh = await tx.query(
          'insert into processed_events (consumer, event_id) values ($1, $2) on conflict do nothing returning 1 as fresh',
          [this.name, event.id],
        );
        if (fresh.length > 0) await handler(event, { tx, consumer: this.name });
        await settleSql(tx);
        return fresh.length > 0 ? 'handled' : 'duplicate';
      });
    }
    const done = await db.query('select 1 from processed_events where consumer = $1 and event_id = $2', [this.name, event.id]);
    if (done.length === 0) await handler(event, { tx: db, consumer: this.name });
    await db.transaction(async (tx) => {
      await tx.query('insert into processed_events (consumer, event_id) values ($1, $2) on conflict do nothing', [this.name, event.id]);
      await settleSql(tx);
    });
    return done.length === 0 ? 'handled' : 'duplicate';
  }

  private async countAttempt(eventId: string): Promise<{ attempts: number; lastError: string; nextAttemptAt: Date }> {
    const [row] = await this.options.db.query<{ attempts: number; last_error: string; next_attempt_at: Date }>(
      `insert into event_failures (consumer, event_id, attempts, last_error) values ($1, $2, 1, $3)
       on conflict (consumer, event_id) do update set attempts = event_failures.attempts + 1, updated_at = now()
       returning attempts, last_error, next_attempt_at`,
      [this.name, eventId, 'the consumer stopped or died while handling it'],
    );
    return { attempts: row!.attempts, lastError: row!.last_error, nextAttemptAt: row!.next_attempt_at };
  }

  private async recordFailure(eventId: string, attempts: number, message: string, delayMs: number): Promise<void> {
    await this.options.db.query(
      `insert into event_failures (consumer, event_id, attempts, last_error, next_attempt_at)
       values ($1, $2, $3, $4, now() + $5 * interval '1 millisecond')
       on conflict (consumer, event_id) do update
         set attempts = excluded.attempts, last_error = excluded.last_error, next_attempt_at = excluded.next_attempt_at, updated_at = now()`,
      [this.name, eventId, attempts, message, delayMs],
    );
  }

  private async park(event: OutboxEvent, attempts: number, lastError: string, onSettled?: (tx: Queryable) => Promise<void>): Promise<void> {
    await this.options.db.transaction(async (tx) => {
      await tx.query(
        `insert into event_dead_letters (consumer, event_id, event_type, event, attempts, last_error)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (consumer, event_id) do update
           set status = 'dead', attempts = event_dead_letters.attempts + excluded.attempts,
               last_error = excluded.last_error, event = excluded.event, dead_at = now(),
               replays = event_dead_letters.replays + case when event_dead_letters.status = 'replay' then 1 else 0 end`,
        [this.name, event.id, event.type, JSON.stringify(event), attempts, lastError],
      );
      // Marked processed so a redelivery skips it; a replay removes the mark.
      await tx.query('insert into processed_events (consumer, event_id) values ($1, $2) on conflict do nothing', [this.name, event.id]);
      await tx.query('delete from event_failures where consumer = $1 and event_id = $2', [this.name, event.id]);
      await onSettled?.(tx);
    });
    this.options.metrics?.deadLettered.inc({ consumer: this.name });
  }

  /** Handles the dead letters an operator asked to replay (see dead-letters.ts). */
  private async runReplays(): Promise<void> {
    const pollMs = this.options.replayPollMs ?? 1000;
    do {
      try {
        const rows = await this.options.db.query<{ id: number; event: OutboxEvent }>(
          `select id, event from event_dead_letters where consumer = $1 and status = 'replay' order by id limit 20`,
          [this.name],
        );
        for (const row of rows) {
          if (this.stopped) return;
          const markReplayed = async (tx: Queryable) => {
            await tx.query(
              `update event_dead_letters set status = 'replayed', replayed_at = now(), replays = replays + 1 where id = $1 and status = 'replay'`,
              [row.id],
            );
          };
          const handler = this.handlerFor(row.event);
          if (handler === null) {
            await this.options.db.transaction(markReplayed);
            continue;
          }
          await this.attempts(row.event, handler, 1, true, () => {}, undefined, { replay: markReplayed });
        }
      } catch (error) {
        this.options.log?.error({ err: error, consumer: this.name }, 'replaying dead letters failed; will try again');
      }
    } while (await this.sleep(pollMs));
  }
}

function errorMessage(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}
