// Dependencies restarted under load, each our own instance on a free port (the system services are never
// touched):
// - NATS (JetStream, file store) restarted while editors publish: every write is accepted (the outbox is
//   in the database), and every published episode becomes public once NATS is back;
// - PostgreSQL restarted twice (pg_ctl restart -m fast, then -m immediate: a crash and WAL recovery)
//   under concurrent writers: no acknowledged write is lost, requests during the outage get 503 (never a
//   500), and writes succeed again after it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerProcess, natsBinary, postgresBinDir, report, sleep, startNats, startPostgres, waitUntil, type OwnNats, type OwnPostgres } from './processes.js';

const nats = natsBinary();
const pgBin = postgresBinDir();

async function publishedProgram(server: ServerProcess, title: string): Promise<{ id: string; slug: string }> {
  const program = await server.api('POST', '/api/cms/programs', { role: 'editor', body: { kind: 'podcast', title, language: 'en' } });
  expect(program.status, JSON.stringify(program.body)).toBe(201);
  expect((await server.api('POST', `/api/cms/programs/${program.body.id}/publish`, { role: 'editor' })).status).toBe(200);
  return program.body;
}

describe.runIf(nats)('NATS restarted while events flow', () => {
  let bus: OwnNats;
  let server: ServerProcess;
  beforeAll(async () => {
    bus = await startNats(nats!);
    server = await ServerProcess.start({ roles: 'cms,discovery,relay,worker', env: { NATS_URL: bus.url, NATS_STREAM: 'FAULT_EVENTS' } });
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await bus?.stop();
  });

  it('accepts every write during the restart and makes every published episode public', async () => {
    const program = await publishedProgram(server, 'NATS Restart');
    const N = 30;
    let rejected = 0;
    let restart: Promise<void> | undefined;
    for (let i = 0; i < N; i++) {
      if (i === 8) restart = bus.restart(1500); // down for 1.5 s while the writes go on
      const created = await server.api('POST', '/api/cms/episodes', { role: 'editor', body: { programId: program.id, title: `Through the restart ${i}` } });
      const published = created.status === 201 ? await server.api('POST', `/api/cms/episodes/${created.body.id}/publish`, { role: 'editor' }) : created;
      if (published.status !== 200) rejected += 1;
    }
    await restart;
    const publicCount = async () => (await server.api('GET', `/api/discovery/programs/${program.slug}`)).body.program?.episodeCount as number;
    const started = Date.now();
    await waitUntil('every episode public', async () => (await publicCount()) === N, 60_000, 200).catch(() => {});
    const visible = await publicCount();
    const listed = (await server.api('GET', `/api/discovery/programs/${program.slug}/episodes?limit=100`)).body.items as { id: string }[];
    // Evidence that the restart hit the event path: the relay's and consumers' retries in the log.
    const retries = (server.logs().match(/relay batch failed|lost its subscription|NATS|nats/g) ?? []).length;
    report('NATS restarted', { writes: N, rejected, busErrorsLogged: retries, public: visible, distinctListed: new Set(listed.map((e) => e.id)).size, msToCatchUp: Date.now() - started, lost: N - visible });
    expect(rejected).toBe(0);
    expect(visible).toBe(N);
    expect(new Set(listed.map((e) => e.id)).size).toBe(N);
  }, 300_000);
});

describe.runIf(pgBin)('PostgreSQL restarted under a write load', () => {
  let db: OwnPostgres;
  let server: ServerProcess;
  beforeAll(async () => {
    db = await startPostgres(pgBin!);
    server = await ServerProcess.start({ roles: 'cms,discovery,relay,worker', env: { DATABASE_URL: db.url } });
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await db?.stop();
  });

  it('loses no acknowledged write, answers 503 during the outage, and writes again after it', async () => {
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let running = true;
    let writes = 0;
    const writer = async (n: number) => {
      for (let i = 0; running; i++) {
        writes += 1;
        const response = await server.api('POST', '/api/cms/programs', { role: 'editor', body: { kind: 'podcast', title: `Under load ${n}-${i}`, language: 'ar' } })
          .catch(() => ({ status: 0, body: {}, headers: new Headers() }));
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 201) acknowledged.push(response.body.id);
        else {
          if (response.status !== 503) console.log(`unexpected answer during the restart: ${response.status} ${JSON.stringify(response.body)}`);
          await sleep(50);
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await waitUntil('some writes', () => acknowledged.length >= 20, 30_000, 20);
    await db.restart('fast');
    const afterFast = acknowledged.length;
    await waitUntil('writes after the fast restart', () => acknowledged.length >= afterFast + 20, 60_000, 20);
    await db.restart('immediate'); // a crash: recovery replays the WAL
    const afterCrash = acknowledged.length;
    await waitUntil('writes after the crash restart', () => acknowledged.length >= afterCrash + 20, 60_000, 20);
    running = false;
    await Promise.all(writers);

    let missing = 0;
    for (const id of acknowledged) if ((await server.api('GET', `/api/cms/programs/${id}`, { role: 'editor' })).status !== 200) missing += 1;
    const ready = await server.api('GET', '/readyz');
    report('PostgreSQL restarted (fast, then immediate)', { writes, acknowledged: acknowledged.length, ...Object.fromEntries([...statuses].map(([s, n]) => [`status${s}`, n])), lost: missing });
    expect(missing).toBe(0);
    expect(statuses.get(500) ?? 0).toBe(0);
    expect([...statuses.keys()].filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(ready.status).toBe(200);
  }, 300_000);
});
