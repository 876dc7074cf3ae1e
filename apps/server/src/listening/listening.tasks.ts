// Administrative tasks of listening analytics:
//   thmnayah task listening.forget --json '{"listenerId":"..."}'   a listener's deletion, by an operator
//   thmnayah task listening.trim [--json '{"olderThanDays":30}']  retention now (the relay runs it hourly)
//   thmnayah task listening.aggregate                               fold every pending event now
import { Type } from 'typebox';
import { defineTask } from '../platform/tasks.js';
import { ListenerIdSchema } from './beacons.js';
import { forgetListener, trimListening } from './privacy.js';
import { aggregateAll, aggregationLagSeconds } from './aggregation.js';
import { acquireListeningStream } from './listening-stream.js';

export const forgetListenerTask = defineTask({
  name: 'listening.forget',
  description: "Delete a listener's listening history (events, per-episode history, unique-listener marks) and take it out of the hourly counts",
  args: Type.Object({ listenerId: Type.Union([ListenerIdSchema, Type.String({ pattern: '^dl:[A-Za-z0-9_-]{8,64}$' })]) }, { additionalProperties: false }),
  async run({ platform }, args) {
    // With NATS_URL its messages still in the listening stream go too.
    const held = acquireListeningStream(platform, () => {});
    try {
      return await forgetListener(platform.db, (args as { listenerId: string }).listenerId, { stream: held?.stream });
    } finally {
      await held?.release();
    }
  },
});

export const trimListeningTask = defineTask({
  name: 'listening.trim',
  description: 'Delete listening data past LISTENING_RETENTION_DAYS (or olderThanDays): raw events, listener history, unique-listener marks; download marks past 48 h',
  args: Type.Object({ olderThanDays: Type.Optional(Type.Integer({ minimum: 2, maximum: 3650 })) }, { additionalProperties: false }),
  async run({ platform }, args) {
    const days = (args as { olderThanDays?: number }).olderThanDays ?? platform.config.listeningRetentionDays;
    return { ...(await trimListening(platform.db, days)), olderThanDays: days };
  },
});

export const aggregateListeningTask = defineTask({
  name: 'listening.aggregate',
  description: 'Fold every listening event not yet aggregated into the hourly counts and listener history (the worker does this continuously)',
  args: Type.Object({}, { additionalProperties: false }),
  async run({ platform }) {
    await aggregateAll(platform.db);
    return { lagSeconds: await aggregationLagSeconds(platform.db) };
  },
});
