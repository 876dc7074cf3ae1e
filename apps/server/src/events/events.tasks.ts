// Administrative tasks of the event runtime: list dead letters, and ask for their replay.
// `thmnayah task events.dead-letters` / `thmnayah task events.replay --json '{"ids":[3]}'`.
import { Type } from 'typebox';
import { defineTask } from '../platform/tasks.js';
import { HttpProblem } from '../platform/http/problem.js';
import { CONSUMER_NAME } from './bus.js';
import { trimOutbox } from './retention.js';
import { listDeadLetters, requestReplay, type DeadLetterFilter, type ReplayRequest } from './dead-letters.js';

const ConsumerName = Type.String({ pattern: CONSUMER_NAME.source });

export const deadLettersTask = defineTask({
  name: 'events.dead-letters',
  description: 'List events that consumers parked after their last attempt (open ones by default)',
  args: Type.Object({
    consumer: Type.Optional(ConsumerName),
    status: Type.Optional(Type.Union(['open', 'dead', 'replay', 'replayed', 'all'].map((s) => Type.Literal(s)))),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  }, { additionalProperties: false }),
  async run({ platform }, args) {
    return { deadLetters: await listDeadLetters(platform.db, args as DeadLetterFilter) };
  },
});

export const replayTask = defineTask({
  name: 'events.replay',
  description: 'Replay dead letters (by ids, all of a consumer, or all): the running consumer handles them again within a second',
  args: Type.Object({
    ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 10_000 })),
    consumer: Type.Optional(ConsumerName),
    all: Type.Optional(Type.Boolean()),
  }, { additionalProperties: false }),
  async run({ platform }, args) {
    const request = args as ReplayRequest;
    if (!request.ids && !request.consumer && !request.all) {
      throw new HttpProblem('validation-failed', 'Say which dead letters to replay: "ids", "consumer", or "all": true.');
    }
    const requested = await requestReplay(platform.db, request);
    return { requested, note: requested.length === 0 ? 'No dead letter matched (already replayed, or waiting for replay).' : 'The running consumers handle them within a second; events.dead-letters shows the outcome.' };
  },
});

export const trimTask = defineTask({
  name: 'events.trim',
  description: 'Delete published outbox rows older than EVENT_RETENTION_DAYS (or olderThanDays) that every consumer has read (the relay does this hourly)',
  args: Type.Object({
    olderThanDays: Type.Optional(Type.Number({ minimum: 0, maximum: 3650 })),
  }, { additionalProperties: false }),
  async run({ platform }, args) {
    const days = (args as { olderThanDays?: number }).olderThanDays ?? platform.config.eventRetentionDays;
    const deleted = await trimOutbox(platform.db, { keepMs: days * 24 * 3600 * 1000, bus: platform.config.natsUrl ? 'jetstream' : 'in-process' });
    return { deleted, olderThanDays: days };
  },
});
