// kill -9 in the middle of the work, with real processes on PostgreSQL as in production: a CMS process
// (cms, discovery, relay) and a worker process (worker), sharing the database and DATA_DIR (local media).
// - the CMS process dies during an API import: restarted, it resumes the run, which finishes once, with
//   every episode created once;
// - the worker dies while indexing the import's hundreds of events: restarted, it indexes every one,
//   none twice, and the read model holds every episode;
// - the worker dies during a media job: restarted, it takes the job back at once (its predecessor's pid
//   is dead), and the asset becomes ready once, from one job.
// Each prints what it lost, which must be 0.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, openTestPostgres, type TestPostgres } from '../support/databases.js';
import { rssFeed } from '../ingest/feed-builder.js';
import { scratchDir, tone } from '../media/media-fixtures.js';
import { ServerProcess, report, waitUntil } from './processes.js';

const ITEMS = 150;

describe.runIf(availableBackends().includes('postgres'))('kill -9 mid-work (PostgreSQL, a CMS process and a worker process)', () => {
  let pg: TestPostgres;
  let scratch: Awaited<ReturnType<typeof scratchDir>>;
  let cms: ServerProcess;
  let worker: ServerProcess | undefined;
  let programId: string;
  const env = () => ({ DATABASE_URL: pg.url, MEDIA_RETRY_BASE_MS: '100' });

  const count = async (sql: string, params: unknown[] = []) => (await pg.db.query<{ n: number }>(sql, params))[0]!.n;

  beforeAll(async () => {
    pg = await openTestPostgres();
    scratch = await scratchDir('thmnayah-fault-kill-');
    // The worker starts in the second test: the import's events wait for it in the outbox.
    cms = await ServerProcess.start({ roles: 'cms,discovery,relay', dataDir: join(scratch.dir, 'data'), env: env() });
  }, 300_000);
  afterAll(async () => {
    await worker?.stop();
    await cms?.stop();
    await pg?.close();
    await scratch?.cleanup();
  });

  it('resumes an API import after its process is killed, and finishes it once', async () => {
    const feed = rssFeed({
      title: 'Killed Mid-Import', language: 'en', podcastGuid: 'c0ffee00-0000-4000-8000-0000000000c9',
      items: Array.from({ length: ITEMS }, (_, i) => ({ guid: `kill-${i}`, title: `Episode ${i}`, date: new Date(Date.UTC(2024, 0, 1 + i)).toUTCString() })),
    });
    const started = await cms.api('POST', '/api/cms/imports/document?publish=true&fileName=killed.xml', { role: 'editor', raw: feed, headers: { 'content-type': 'application/rss+xml' } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const runId = started.body.id as string;
    const atKill = await waitUntil('the import to be under way', async () => {
      const run = (await cms.api('GET', `/api/cms/imports/${runId}`, { role: 'editor' })).body;
      return run.progress?.done >= 20 ? (run.progress.done as number) : undefined;
    }, 60_000, 20);
    await cms.kill();
    const writtenAtKill = await count("select count(*)::int as n from episodes e join programs p on p.id = e.program_id where p.title = 'Killed Mid-Import'");
    expect(writtenAtKill).toBeLessThan(ITEMS);
    await cms.restart();
    const run = await waitUntil('the resumed import to finish', async () => {
      const body = (await cms.api('GET', `/api/cms/imports/${runId}`, { role: 'editor' })).body;
      return body.status !== 'running' ? body : undefined;
    }, 120_000, 200);
    expect(run.status, JSON.stringify(run)).toBe('succeeded');
    programId = run.programId;
    const episodes = await count('select count(*)::int as n from episodes where program_id = $1', [programId]);
    const distinctGuids = await count('select count(distinct external_id)::int as n from episodes where program_id = $1', [programId]);
    const created = await count("select count(*)::int as n from outbox where type = 'episode.created' and entity_id in (select id from episodes where program_id = $1)", [programId]);
    const [row] = await pg.db.query<{ resumed: number; finished: boolean }>('select resumed, finished_at is not null as finished from ingest_runs where id = $1', [runId]);
    report('kill -9 during an import', { items: ITEMS, doneAtKill: atKill, writtenAtKill, episodes, createdEvents: created, resumed: row!.resumed, lost: ITEMS - episodes, duplicates: created - episodes });
    expect(episodes).toBe(ITEMS);
    expect(distinctGuids).toBe(ITEMS);
    expect(created).toBe(ITEMS);
    expect(row).toEqual({ resumed: 1, finished: true });
    expect(run.summary.episodes.new + run.summary.episodes.unchanged + run.summary.episodes.updated).toBe(ITEMS);
  }, 400_000);

  it('indexes every event once after the worker is killed mid-stream', async () => {
    expect(programId).toBeDefined();
    const unprocessed = () => count(`select count(*)::int as n from outbox o where not exists (select 1 from processed_events p where p.consumer = 'discovery-indexer' and p.event_id = o.id)`);
    // The import's events are waiting: start the worker and catch it in the middle of them.
    const backlog = await unprocessed();
    worker = await ServerProcess.start({ roles: 'worker', dataDir: cms.dataDir, env: env() });
    await waitUntil('the worker to be indexing', async () => (await unprocessed()) < backlog - 10, 60_000, 10);
    await worker.kill();
    const leftAtKill = await unprocessed();
    await worker.restart();
    await waitUntil('every event indexed', async () => (await unprocessed()) === 0, 120_000, 100);
    const indexed = await count('select count(*)::int as n from discovery_episodes where program_id = $1', [programId]);
    const processed = await count("select count(*)::int as n from processed_events where consumer = 'discovery-indexer'");
    const events = await count('select count(*)::int as n from outbox');
    const page = await cms.api('GET', `/api/discovery/programs/${(await cms.api('GET', `/api/cms/programs/${programId}`, { role: 'editor' })).body.slug}`);
    report('kill -9 of the worker while indexing', { backlog, leftAtKill, events, processed, indexedEpisodes: indexed, lost: ITEMS - indexed });
    expect(leftAtKill).toBeGreaterThan(0);
    expect(processed).toBe(events);
    expect(indexed).toBe(ITEMS);
    expect(page.body.program.episodeCount).toBe(ITEMS);
  }, 400_000);

  it('takes a media job back at once after the worker is killed, and makes the asset ready once', async () => {
    expect(programId).toBeDefined();
    if (!worker) throw new Error('the worker was started by the previous test');
    const audio = join(scratch.dir, 'tone.wav');
    await tone(audio, 40);
    const episode = (await cms.api('POST', '/api/cms/episodes', { role: 'editor', body: { programId, title: 'Transcoded twice?' } })).body;
    const form = new FormData();
    form.append('file', new Blob([await (await import('node:fs/promises')).readFile(audio)], { type: 'audio/wav' }), 'tone.wav');
    const uploaded = await cms.api('POST', `/api/cms/assets?ownerType=episode&ownerId=${episode.id}&kind=audio`, { role: 'editor', raw: form });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const assetId = uploaded.body.id as string;
    const asset = (): Promise<{ status: string; job?: { worker: string; percent?: number; progress?: number } }> =>
      cms.api('GET', `/api/cms/assets/${assetId}`, { role: 'editor' }).then((r) => r.body);
    const killedWorker = await waitUntil('the job to be running', async () => {
      const a = await asset();
      return a.status === 'processing' && a.job?.worker ? a.job.worker : undefined;
    }, 60_000, 20);
    await worker.kill();
    const killedAt = Date.now();
    await worker.restart();
    const ready = await waitUntil('the asset to be ready', async () => {
      const a = await asset();
      return ['ready', 'failed'].includes(a.status) ? a : undefined;
    }, 180_000, 200);
    expect(ready.status, JSON.stringify(ready)).toBe('ready');
    const jobs = (await cms.api('GET', `/api/cms/assets/${assetId}/jobs`, { role: 'editor' })).body.items as { status: string; worker: string; error?: { code: string; message: string } | null }[];
    const readyEvents = await count("select count(*)::int as n from outbox where type = 'media.ready' and entity_id = $1", [assetId]);
    const succeeded = jobs.filter((j) => j.status === 'succeeded');
    report('kill -9 of the worker during a media job', { jobs: jobs.length, succeeded: succeeded.length, readyEvents, secondsToReadyAfterKill: Math.round((Date.now() - killedAt) / 1000), lost: ready.status === 'ready' ? 0 : 1 });
    // Taken back because its worker's pid is dead, not after the 30 s without a heartbeat.
    expect(jobs.find((j) => j.worker === killedWorker)?.error).toMatchObject({ code: 'worker-lost', message: expect.stringMatching(/ended without finishing it/) });
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]!.worker).not.toBe(killedWorker);
    expect(readyEvents).toBe(1);
  }, 300_000);
});
