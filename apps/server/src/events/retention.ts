// Outbox retention (the relay role, hourly; `thmnayah task events.trim` by hand). The outbox grows with
// every content change. Once published, a row is still needed by the in-process bus, whose log is the
// outbox itself: a row goes only when every consumer has read past it. On JetStream the stream keeps its
// own history (within the stream's limits), and old rows only serve operators reading `listEvents`.
// processed_events has its own pruning in the consumers (consumer.ts); dead letters stay until an
// operator has dealt with them; revisions and the audit log are history and are never trimmed.
// Deletes run in batches so they never hold locks for long.
import type { Db } from '../platform/db/db.js';

export interface TrimOptions {
  /** Keep rows younger than this. */
  keepMs: number;
  /** The bus in use: with the in-process bus the outbox is the log and consumer positions bound the trim. */
  bus: 'in-process' | 'jetstream';
  batchSize?: number;
}

/** Deletes published outbox rows older than the retention that every consumer has read; returns how many. */
export async function trimOutbox(db: Db, options: TrimOptions): Promise<number> {
  const batch = options.batchSize ?? 5000;
  // A consumer that has not read a row yet still needs it; with no consumer registered there is nothing
  // to protect beyond the age (a consumer added later starts from what is left, then `thmnayah reindex`).
  const readByAll = options.bus === 'in-process'
    ? 'and publish_seq <= coalesce((select min(position) from event_consumer_positions), 9223372036854775807)'
    : '';
  return inBatches(() => db.query<{ n: number }>(
    `with gone as (
       delete from outbox where seq in (
         select seq from outbox
          where published_at is not null and published_at < now() - $1 * interval '1 millisecond' ${readByAll}
          order by seq limit $2)
       returning 1)
     select count(*)::int as n from gone`,
    [options.keepMs, batch],
  ), batch);
}

async function inBatches(step: () => Promise<{ n: number }[]>, batch: number): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await step();
    const n = row?.n ?? 0;
    total += n;
    if (n < batch) return total;
  }
}

/** Runs trimOutbox every intervalMs until stopped. */
export function startOutboxTrim(db: Db, options: TrimOptions & { intervalMs: number }, onError: (error: unknown) => void): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  const tick = () => {
    running ??= trimOutbox(db, options).catch(onError).finally(() => (running = undefined));
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
