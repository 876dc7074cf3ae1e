// Media integration: upload through the CMS API → worker → ready, beside the same audio step run alone.
//
//   node apps/server/bin/run-ts.mjs bench/media-pipeline.ts            a 3-minute speech-like MP3
//   node apps/server/bin/run-ts.mjs bench/media-pipeline.ts --quick    30 s, to check it works
//
// The whole platform runs in this process on embedded defaults (PGlite, local storage, in-process bus),
// as `npm start` does. "Step alone" is processAudio on the local file (what bench/media.ts compares with
// bare FFmpeg). "Pipeline" is the editor's wait: from the upload request to the asset being ready — the
// upload into storage, the event through the relay and the consumer, the job's claim, fetching the
// original, the step, putting the renditions, and the switch transaction with the episode's change
// (measured from the asset's and the job's own timestamps; CPU includes the whole in-process server).
// The ratio is the integration's overhead over the step; the breakdown says where it goes. Runs
// alternate (--repeat N, default 2) and the best of each is reported: a shared machine only slows runs down.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, ROLES } from '../apps/server/src/config.js';
import { createPlatform } from '../apps/server/src/platform.js';
import { createServer, startBackground } from '../apps/server/src/app.js';
import { processAudio } from '../apps/server/src/media/steps/audio.js';
import { locateTools, toolVersion } from '../apps/server/src/media/steps/binaries.js';
import { runTool } from '../apps/server/src/media/steps/run-tool.js';
import { cpuSeconds } from './support.js';


const quick = process.argv.includes('--quick');
const SECONDS = quick ? 30 : 180;
const repeatAt = process.argv.indexOf('--repeat');
const REPEAT = repeatAt > 0 ? Math.max(1, Number(process.argv[repeatAt + 1])) : 2;
const quiet = { error(obj: unknown, msg: string) { console.error(msg, obj); }, warn() {} };

const work = await mkdtemp(join(tmpdir(), 'thmnayah-bench-pipeline-'));
const input = join(work, 'episode.mp3');
const tools = locateTools();
await runTool(tools.ffmpeg, [
  '-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `anoisesrc=color=pink:amplitude=0.3:duration=${SECONDS}`,
  '-af', 'tremolo=f=3:d=0.7', '-ac', '2', '-ar', '44100', '-c:a', 'libmp3lame', '-b:a', '192k', input,
], { label: 'bench input', timeoutMs: 600_000 });
const bytes = await readFile(input);

const config = loadConfig({ DATA_DIR: join(work, 'data'), LOG_LEVEL: 'silent', MEDIA_POLL_MS: '100', EVENT_POLL_MS: '50' });
const platform = await createPlatform(config, { defaultMetrics: false });
const { app } = await createServer(platform, ROLES.filter((role) => role !== 'web'), { logger: false });
await app.ready();
const stop = startBackground(platform, ['relay', 'worker'], quiet);
const token = await platform.devIssuer!.sign({ sub: 'bench', roles: ['editor'], ttlSeconds: 3600 });
const auth = { authorization: `Bearer ${token}` };

async function json<T>(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> {
  const response = await app.inject({ method, url, headers: auth, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

const program = await json<{ id: string }>('POST', '/api/cms/programs', { kind: 'podcast', title: 'Bench', language: 'en' });

async function stepAlone(): Promise<{ wall: number; cpu: number }> {
  const cpu = await cpuSeconds();
  const started = performance.now();
  await processAudio(input, join(work, `alone-${randomBytes(3).toString('hex')}`), { tools });
  return { wall: performance.now() - started, cpu: (await cpuSeconds()) - cpu };
}

interface PipelineRun { total: number; cpu: number; upload: number; queued: number; job: number }

async function pipeline(): Promise<PipelineRun> {
  const episode = await json<{ id: string }>('POST', '/api/cms/episodes', { programId: program.id, title: `Bench ${randomBytes(3).toString('hex')}` });
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="episode.mp3"\r\nContent-Type: audio/mpeg\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const cpu = await cpuSeconds();
  const started = performance.now();
  const uploaded = await app.inject({ method: 'POST', url: `/api/cms/assets?ownerType=episode&ownerId=${episode.id}&kind=audio`, headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  const uploadMs = performance.now() - started;
  if (uploaded.statusCode !== 201) throw new Error(`upload: ${uploaded.body}`);
  const id = (uploaded.json() as { id: string }).id;
  // Poll like an editor's event stream does (every 250 ms); the times come from the job's own record.
  for (;;) {
    const asset = await json<{ status: string; createdAt: string; error: unknown; job: { startedAt: string; finishedAt: string } }>('GET', `/api/cms/assets/${id}`);
    if (asset.status === 'failed') throw new Error(`processing failed: ${JSON.stringify(asset.error)}`);
    if (asset.status === 'ready') {
      const cpuUsed = (await cpuSeconds()) - cpu;
      const queued = Date.parse(asset.job.startedAt) - Date.parse(asset.createdAt);
      const job = Date.parse(asset.job.finishedAt) - Date.parse(asset.job.startedAt);
      return { total: uploadMs + queued + job, cpu: cpuUsed, upload: uploadMs, queued, job };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const alone: { wall: number; cpu: number }[] = [];
const runs: PipelineRun[] = [];
const loadStart = loadavg()[0]!;
for (let i = 0; i < REPEAT; i++) {
  alone.push(await stepAlone());
  runs.push(await pipeline());
}
await stop();
await app.close();
await platform.close();
await rm(work, { recursive: true, force: true });

const best = Math.min(...alone.map((a) => a.wall));
const bestCpu = Math.min(...alone.map((a) => a.cpu));
const pipelineCpu = Math.min(...runs.map((r) => r.cpu));
const fastest = runs.reduce((a, b) => (b.total < a.total ? b : a));
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`\nMedia integration, ${SECONDS} s MP3 (${(bytes.length / 1e6).toFixed(1)} MB), best of ${REPEAT}; PGlite, local storage, in-process bus, ${await toolVersion(tools.ffmpeg)}`);
console.log(`(load average ${loadStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end)\n`);
console.log('| | wall | ÷ step alone | CPU | ÷ step alone | real-time factor |');
console.log('|---|---:|---:|---:|---:|---:|');
console.log(`| step alone (processAudio on the local file) | ${s(best)} | 1.00 | ${bestCpu.toFixed(2)} s | 1.00 | ${(SECONDS / (best / 1000)).toFixed(1)}× |`);
console.log(`| pipeline: upload request → asset ready | ${s(fastest.total)} | ${(fastest.total / best).toFixed(2)} | ${pipelineCpu.toFixed(2)} s | ${(pipelineCpu / bestCpu).toFixed(2)} | ${(SECONDS / (fastest.total / 1000)).toFixed(1)}× |`);
console.log(`\nAll runs, wall: step alone ${alone.map((a) => s(a.wall)).join(', ')}; pipeline ${runs.map((r) => s(r.total)).join(', ')}`);
console.log(`\nWhere the pipeline's time went (fastest run): upload request ${s(fastest.upload)}, event → job claimed ${s(fastest.queued)}, ` +
  `job (fetch original, step, put renditions, switch) ${s(fastest.job)}`);
