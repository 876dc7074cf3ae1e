// Spans of the work nobody's request starts (issue 13): a feed import, the cron role's feed sync and the
// scheduler's publishing of due episodes each make a span, and the database statements and the outbox
// event they write are its children. The OpenTelemetry SDK runs in this test's process (NodeSDK, as
// tracing-start.ts starts it, with no instrumentation: PGlite statements are our own spans) and keeps
// the finished spans in memory; feeds are served from loopback.
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markTracingEnabled } from '../../src/platform/telemetry/tracing.js';
import { openTestDb } from '../support/databases.js';
import type { Db } from '../../src/platform/db/db.js';
import { runImport, type IngestDeps } from '../../src/ingest/import-service.js';
import { syncDueFeeds } from '../../src/ingest/sync.js';
import { publishDueEpisodes } from '../../src/content/scheduler.js';
import { rssFeed } from '../ingest/feed-builder.js';
import { loopbackIngestDeps, startFeedServer, type FeedServer } from '../ingest/feed-server.js';

const HOUR = 3600_000;

describe('spans of imports, feed syncs and the scheduler', () => {
  const exporter = new tracing.InMemorySpanExporter();
  let sdk: NodeSDK;
  let db: Db;
  let close: () => Promise<void>;
  let server: FeedServer;
  let clock = new Date('2030-01-01T00:00:00Z');
  let deps: IngestDeps;

  beforeAll(async () => {
    sdk = new NodeSDK({ serviceName: 'thmnayah-test', spanProcessors: [new tracing.SimpleSpanProcessor(exporter)], instrumentations: [] });
    sdk.start();
    markTracingEnabled({ requestRatio: 1 });
    ({ db, close } = await openTestDb('pglite'));
    server = await startFeedServer();
    deps = loopbackIngestDeps(db, () => clock);
  });
  afterAll(async () => {
    await server?.close();
    await close?.();
    await sdk?.shutdown();
  });

  const spans = () => exporter.getFinishedSpans();
  const named = (name: string) => spans().filter((s) => s.name === name);
  const childrenOf = (span: tracing.ReadableSpan) => spans().filter((s) => s.parentSpanContext?.spanId === span.spanContext().spanId);

  it('an import is one span, with the statements and events it wrote under it', async () => {
    const guid = '7ace0000-0000-4000-8000-000000000001';
    server.route('/traced.xml', {
      etag: true,
      body: rssFeed({ title: 'Traced feed', podcastGuid: guid, items: [1, 2].map((i) => ({ guid: `${guid}/${i}`, title: `Item ${i}`, date: new Date(Date.UTC(2024, 2, i)).toUTCString() })) }),
    });
    const summary = await runImport(deps, { url: `${server.url}/traced.xml` }, { actor: 'editor', trigger: 'api' });
    const [span] = named('feed import');
    expect(span).toBeDefined();
    expect(span!.parentSpanContext).toBeUndefined();
    expect(span!.attributes['thmnayah.import.source']).toBeDefined();
    const children = childrenOf(span!);
    expect(children.some((s) => s.name.endsWith('(pglite)'))).toBe(true);
    // The outbox events of the import (program and episodes created) belong to its trace.
    const appends = spans().filter((s) => s.name.startsWith('outbox append ') && s.spanContext().traceId === span!.spanContext().traceId);
    expect(appends.length).toBeGreaterThan(0);
    expect(summary.feed?.subscribed).toBe(true);
  });

  it('a feed sync is one span per subscription read again, naming its program', async () => {
    const before = named('feed sync').length;
    clock = new Date(clock.getTime() + HOUR);
    const outcomes = await syncDueFeeds(deps);
    expect(outcomes).toHaveLength(1);
    const syncs = named('feed sync').slice(before);
    expect(syncs).toHaveLength(1);
    expect(syncs[0]!.attributes['thmnayah.program.id']).toBe(outcomes[0]!.programId);
    expect(childrenOf(syncs[0]!).length).toBeGreaterThan(0);
  });

  it('the scheduler makes a span for a tick with due episodes (and none for an idle tick), with the publish event under it', async () => {
    expect(await publishDueEpisodes(db, clock)).toEqual([]);
    expect(named('scheduler publish due episodes')).toEqual([]);
    // An imported draft, scheduled for a time that has come.
    const [episode] = await db.query<{ id: string }>(`select id from episodes where status = 'draft' and deleted_at is null order by created_at limit 1`);
    await db.query(`update episodes set status = 'scheduled', publish_at = $2 where id = $1`, [episode!.id, new Date(clock.getTime() - 1000)]);
    expect(await publishDueEpisodes(db, clock)).toEqual([episode!.id]);
    const [tick] = named('scheduler publish due episodes');
    expect(tick).toBeDefined();
    expect(tick!.attributes['thmnayah.scheduler.due']).toBe(1);
    const published = spans().filter((s) => s.name === 'outbox append episode.published' && s.spanContext().traceId === tick!.spanContext().traceId);
    expect(published).toHaveLength(1);
  });
});
