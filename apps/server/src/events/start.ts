// Starts the event roles on a platform: the relay (role `relay`) and the registered consumers (role
// `worker`), on the bus the configuration names: NATS JetStream when NATS_URL is set, otherwise
// the in-process bus over the outbox. Both roles in one process share one bus and its wake-ups.
import type { Platform } from '../platform.js';
import type { EventBus } from './bus.js';
import { EventRuntime, type ConsumerDefinition, type RuntimeLog } from './consumer.js';
import { InProcessBus } from './in-process-bus.js';
import { openJetStreamBus } from './jetstream-bus.js';
import { eventMetrics } from './metrics.js';
import { startOutboxTrim } from './retention.js';
import { Relay } from './relay.js';
import { openWakeups } from './wakeups.js';

export interface EventRoles {
  relay: boolean;
  consumers: readonly ConsumerDefinition[];
}

/** Starts in the background (NATS may still be coming up); the result stops everything. */
export function startEventRoles(platform: Platform, roles: EventRoles, log: RuntimeLog): () => Promise<void> {
  const { config, db } = platform;
  const metrics = eventMetrics(platform.metrics.registry);
  const wakeups = openWakeups({
    databaseUrl: db.kind === 'postgres' ? config.databaseUrl : undefined,
    onError: (error) => log.warn({ err: error }, 'event wake-up listener lost its connection; polling meanwhile'),
  });
  let stopped = false;
  let wakeOnStop: () => void = () => {};
  const stopping = new Promise<void>((resolve) => (wakeOnStop = resolve));
  let bus: EventBus | undefined;
  let relay: Relay | undefined;
  let runtime: EventRuntime | undefined;
  let stopTrim: (() => Promise<void>) | undefined;
  const retentionMs = config.eventRetentionDays * 24 * 3600 * 1000;

  const openBus = async (): Promise<EventBus | undefined> => {
    if (!config.natsUrl) return new InProcessBus(db, { wakeups, pollMs: config.eventPollMs });
    // NATS may start after us (a fresh cluster): keep trying; events wait safely in the outbox.
    for (let attempt = 1; !stopped; attempt++) {
      try {
        return await openJetStreamBus({ servers: config.natsUrl, stream: config.natsStream, replicas: config.natsStreamReplicas });
      } catch (error) {
        log.error({ err: error, attempt }, 'NATS JetStream not reachable; retrying');
        await Promise.race([stopping, new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 250 * 2 ** attempt)).unref())]);
      }
    }
    return undefined;
  };

  const starting = (async () => {
    bus = await openBus();
    if (stopped || !bus) return;
    if (roles.relay) {
      metrics.unpublishedSource = async () => {
        const [row] = await db.query<{ n: number }>('select count(*)::int as n from outbox where published_at is null');
        return row?.n ?? 0;
      };
      metrics.oldestUnpublishedSource = async () => {
        const [row] = await db.query<{ age: number | null }>('select extract(epoch from now() - min(occurred_at))::float8 as age from outbox where published_at is null');
        return Math.max(0, row?.age ?? 0);
      };
      relay = new Relay({ db, bus, wakeups, metrics, pollMs: config.eventPollMs, onError: (error) => log.error({ err: error }, 'relay batch failed; retrying') });
      relay.start();
      stopTrim = startOutboxTrim(db, { keepMs: retentionMs, bus: bus.kind === 'jetstream' ? 'jetstream' : 'in-process', intervalMs: 3_600_000 },
        (error) => log.warn({ err: error }, 'trimming the outbox failed; trying again in an hour'));
    }
    if (roles.consumers.length > 0) {
      runtime = new EventRuntime({
        db, bus, metrics, log,
        maxAttempts: config.eventMaxAttempts,
        retryBaseMs: config.eventRetryBaseMs,
        pollMs: config.eventPollMs,
        processedRetentionMs: retentionMs,
      });
      for (const consumer of roles.consumers) runtime.registerConsumer(consumer);
      runtime.start();
    }
  })().catch((error: unknown) => log.error({ err: error }, 'event roles failed to start'));

  return async () => {
    stopped = true;
    wakeOnStop();
    await starting;
    await relay?.stop();
    await stopTrim?.();
    await runtime?.stop();
    await bus?.close();
    await wakeups.close();
  };
}
