// The tiny example consumer of the event runtime tests (real consumers live with their domains):
// it records each event it handles in test_effects, through the transaction the runtime gives it.
// Free of test-runner imports, so a child process can run it too (consumer-child.ts).
import { EVENT_TYPES, type EventHandlers } from '@thmnayah/contracts';
import type { Db } from '../../src/platform/db/db.js';
import type { HandlerContext } from '../../src/events/consumer.js';
import type { OutboxEvent } from '../../src/events/outbox.js';

export async function createEffectsTable(db: Db): Promise<void> {
  await db.exec(`create table if not exists test_effects (
    consumer text not null, event_id uuid not null, entity_id uuid, version integer, at timestamptz not null default clock_timestamp()
  )`);
}

export interface Recorder {
  handlers: EventHandlers<HandlerContext>;
  /** Every handler call, in order, successful or not. */
  calls: { id: string; entityId: string | null; version: number; at: number }[];
  /** Make the handler throw for these event ids. */
  failing: Set<string>;
  delayMs: number;
}

/** The example consumer: records each event in test_effects through the runtime's transaction. */
export function recorder(): Recorder {
  const r: Recorder = {
    calls: [],
    failing: new Set(),
    delayMs: 0,
    handlers: undefined as never,
  };
  const handle = async (event: OutboxEvent, ctx: HandlerContext) => {
    const version = (event.data as { version: number }).version;
    r.calls.push({ id: event.id, entityId: event.entityId, version, at: performance.now() });
    if (r.delayMs) await new Promise((resolve) => setTimeout(resolve, r.delayMs));
    if (r.failing.has(event.id)) throw new Error(`handler refuses ${event.id}`);
    await ctx.tx.query('insert into test_effects (consumer, event_id, entity_id, version) values ($1, $2, $3, $4)', [ctx.consumer, event.id, event.entityId, version]);
  };
  const handlers = Object.fromEntries(EVENT_TYPES.map((type) => [type, handle])) as unknown as EventHandlers<HandlerContext>;
  // A type the example deliberately ignores.
  r.handlers = { ...handlers, 'person.restored': null };
  return r;
}

export async function effects(db: Db, consumer: string): Promise<{ event_id: string; entity_id: string; version: number }[]> {
  return db.query('select event_id, entity_id, version from test_effects where consumer = $1 order by at', [consumer]);
}
