// Wake-up signals, so the relay and in-process consumers react within milliseconds instead of
// waiting for their next poll:
//  - in this process: appendEvent raises `outbox`, the relay raises `published` after it commits;
//  - across processes on PostgreSQL: LISTEN on the channels that the outbox trigger and the relay
//    NOTIFY. NOTIFY is delivered on commit only, so a woken reader always finds the committed rows.
// Signals are hints: a missed one costs at most one poll interval, never an event.
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { outboxAppended } from './outbox.js';

export type WakeupChannel = 'outbox' | 'published' | 'generation';

const PG_CHANNELS: Record<WakeupChannel, string> = { outbox: 'thmnayah_outbox', published: 'thmnayah_published', generation: 'thmnayah_generation' };

/** The NOTIFY the Discovery projection sends when the read model's generation moves. */
export const GENERATION_NOTIFY_SQL = `select pg_notify('${PG_CHANNELS.generation}', '')`;

/** Raised in this process when the read model's generation moves (see discovery/projection.ts). */
export const generationBumped = new EventEmitter();
generationBumped.setMaxListeners(0);

/** The NOTIFY a relay sends in its transaction, so in-process-bus consumers elsewhere wake up. */
export const PUBLISHED_NOTIFY_SQL = `select pg_notify('${PG_CHANNELS.published}', '')`;

/** Raised in this process by relays after they commit a batch. */
export const eventsPublished = new EventEmitter();
eventsPublished.setMaxListeners(0);

export interface Wakeups {
  on(channel: WakeupChannel, listener: () => void): () => void;
  close(): Promise<void>;
}

export interface WakeupOptions {
  /** PostgreSQL URL to LISTEN on; in-process signals only when absent (PGlite). */
  databaseUrl?: string | undefined;
  onError?: (error: unknown) => void;
  reconnectMs?: number;
  /** Also take this process's own signals (default). Tests turn it off to prove the NOTIFY path. */
  local?: boolean;
}

export function openWakeups(options: WakeupOptions = {}): Wakeups {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const fire = (channel: WakeupChannel) => () => local.emit(channel);
  const onAppended = fire('outbox');
  const onPublished = fire('published');
  const onGeneration = fire('generation');
  if (options.local ?? true) {
    outboxAppended.on('appended', onAppended);
    eventsPublished.on('published', onPublished);
    generationBumped.on('bumped', onGeneration);
  }

  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const listen = async () => {
    if (closed || !options.databaseUrl) return;
    const c = new pg.Client({ connectionString: options.databaseUrl, application_name: 'thmnayah-events-listen', connectionTimeoutMillis: 10_000 });
    client = c;
    const lost = (error?: unknown) => {
      if (client !== c) return;
      client = undefined;
      c.end().catch(() => {});
      if (error) options.onError?.(error);
      if (!closed) retry = setTimeout(() => void listen(), options.reconnectMs ?? 1000).unref();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', (message) => {
      const channel = (Object.keys(PG_CHANNELS) as WakeupChannel[]).find((k) => PG_CHANNELS[k] === message.channel);
      if (channel) local.emit(channel);
    });
    try {
      await c.connect();
      await c.query(Object.values(PG_CHANNELS).map((channel) => `listen ${channel}`).join('; '));
      // Signals sent while we were not listening are lost: have everyone look once.
      for (const channel of Object.keys(PG_CHANNELS) as WakeupChannel[]) local.emit(channel);
    } catch (error) {
      lost(error);
    }
  };
  const started = listen();

  return {
    on(channel, listener) {
      local.on(channel, listener);
      return () => local.off(channel, listener);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      outboxAppended.off('appended', onAppended);
      eventsPublished.off('published', onPublished);
      generationBumped.off('bumped', onGeneration);
      await started;
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
