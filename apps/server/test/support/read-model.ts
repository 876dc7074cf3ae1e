// Feeds the outbox into the indexer's handlers, as the event runtime does in a running worker, so
// tests can bring the read model up to date deterministically.
import { listEvents } from '../../src/events/outbox.js';
import { indexerHandlers } from '../../src/discovery/indexer.js';
import { Projector } from '../../src/discovery/projection.js';
import type { Db } from '../../src/platform/db/db.js';

export function readModelSync(db: Db, projector = new Projector()) {
  const handlers = indexerHandlers(projector);
  let seq = 0;
  return async function sync() {
    for (;;) {
      const events = await listEvents(db, { afterSeq: seq, limit: 500 });
      if (events.length === 0) return;
      for (const event of events) {
        const handler = handlers[event.type] as ((e: typeof event, ctx: { tx: unknown }) => Promise<void>) | null;
        if (handler) await db.transaction((tx) => handler(event, { tx }));
        seq = event.seq;
      }
    }
  };
}
