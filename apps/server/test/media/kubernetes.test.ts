// The Kubernetes runner, without a cluster (no connection anywhere): the batch/v1 Job it builds is valid
// against the Kubernetes schemas (kubernetes-models) and carries the limits, deadline and security
// settings; the exact command that Job runs, run here as a child process against local storage,
// processes the original and leaves renditions and result.json in storage; and the runner's whole
// loop — create, follow, read progress from the log, cancel by deleting the Job, read the outcome —
// runs against a stand-in for the API that starts each Job's container as a local process (with the
// Job's own environment, its Secret references resolved) on an S3 server the test starts.
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { V1Job } from '@kubernetes/client-node';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { loadConfig } from '../../src/config.js';
import { originalKey, outputKey, resultKey } from '../../src/media/api/asset-keys.js';
import { MediaError } from '../../src/media/steps/errors.js';
import { buildMediaJob, JOB_LABELS, mediaTaskArgs } from '../../src/media/jobs/kubernetes-job.js';
import { kubernetesJobRunner, parseProgress, type KubeJobsApi } from '../../src/media/jobs/kubernetes-runner.js';
import type { MediaManifest } from '../../src/media/steps/manifest.js';
import { readResult } from '../../src/media/jobs/stored-task.js';
import { openStorage } from '../../src/platform/storage/open.js';
import { S3Storage } from '../../src/platform/storage/s3.js';
import type { Storage } from '../../src/platform/storage/storage.js';
import { serverRoot } from '../../src/paths.js';
import { pdf, scratchDir, tone } from './media-fixtures.js';
import { S3RVER_CREDENTIALS, startS3rver, type RunningS3rver } from '../storage/s3rver.js';
import { bundleEnv } from '../support/server-bundle.js';

const BIN = join(serverRoot, 'bin', 'thmnayah.mjs');
const BUCKET = 'thmnayah-k8s-test';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir());
  await Promise.all([tone(join(dir, 'short.wav'), 3), tone(join(dir, 'long.wav'), 30), pdf(join(dir, 'talk.mp3'))]);
});
afterAll(() => cleanup());

const jobConfig = (env: Record<string, string> = {}) => loadConfig({
  S3_ENDPOINT: 'http://minio.thmnayah.svc:9000', MEDIA_JOB_IMAGE: 'registry.example/thmnayah:1.2.3', MEDIA_RUNNER: 'kubernetes',
  MEDIA_JOB_ENV_FROM: 'secret:thmnayah-s3,configmap:thmnayah-media', MEDIA_JOB_SERVICE_ACCOUNT: 'media-task', MEDIA_JOB_CPU: '1500m', MEDIA_JOB_MEMORY: '3Gi',
  MEDIA_JOB_TIMEOUT_SECONDS: '5400', MEDIA_MAX_DURATION_SECONDS: '14400', MEDIA_MAX_BYTES: '2147483648', S3_SECRET_ACCESS_KEY: 'do-not-leak', S3_ACCESS_KEY_ID: 'key-id',
  ...env,
});

describe('the media Job', () => {
  it('is a valid batch/v1 Job with limits, a deadline, no retries of its own, labels and a locked-down pod', () => {
    const assetId = randomUUID();
    const jobId = randomUUID();
    const config = jobConfig();
    const job = buildMediaJob({ assetId, jobId, kind: 'audio', claimedName: 'حلقة ١.mp3' }, config, 'media');
    expect(() => new Job(job as never).validate()).not.toThrow();
    expect(job.metadata).toMatchObject({ name: `thmnayah-media-${jobId}`, namespace: 'media' });
    expect(job.metadata!.labels).toMatchObject({ [JOB_LABELS.asset]: assetId, [JOB_LABELS.job]: jobId, [JOB_LABELS.component]: 'media-task' });
    expect(job.spec).toMatchObject({ backoffLimit: 0, activeDeadlineSeconds: 5400, ttlSecondsAfterFinished: 3600 });
    const pod = job.spec!.template.spec!;
    expect(pod).toMatchObject({
      restartPolicy: 'Never', serviceAccountName: 'media-task', automountServiceAccountToken: false,
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    });
    const [container] = pod.containers;
    expect(container).toMatchObject({
      image: 'registry.example/thmnayah:1.2.3',
      args: ['media-task', '--asset', assetId, '--job', jobId, '--kind', 'audio', '--max-duration', '14400', '--name', 'حلقة ١.mp3'],
      resources: { requests: { cpu: '1500m', memory: '3Gi' }, limits: { cpu: '1500m', memory: '3Gi' } },
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
      envFrom: [{ secretRef: { name: 'thmnayah-s3' } }, { configMapRef: { name: 'thmnayah-media' } }],
    });
    const env = Object.fromEntries(container!.env!.map((e) => [e.name, e.value]));
    expect(env).toMatchObject({ S3_ENDPOINT: 'http://minio.thmnayah.svc:9000', S3_BUCKET: 'thmnayah-media', TMPDIR: '/work' });
    // Secrets travel by reference only.
    expect(JSON.stringify(job)).not.toContain('do-not-leak');
    expect(JSON.stringify(job)).not.toContain('S3_SECRET_ACCESS_KEY');
    expect(pod.volumes).toEqual([{ name: 'work', emptyDir: { sizeLimit: '6Gi' } }]);
    // A bad quantity or a missing image is a configuration error, before any Job exists.
    expect(() => jobConfig({ MEDIA_JOB_MEMORY: 'lots' })).toThrow(/MEDIA_JOB_MEMORY must be a memory quantity/);
    expect(() => loadConfig({ MEDIA_RUNNER: 'kubernetes' })).toThrow(/needs S3 storage[\s\S]*needs MEDIA_JOB_IMAGE/);
  });

  it("reads progress from the task's log lines", () => {
    expect(parseProgress('progress 5.0% download\nprogress 47.5% encode\nsomething else\n')).toEqual({ percent: 47.5, phase: 'encode' });
    expect(parseProgress('')).toBeUndefined();
  });
});

/** Runs a command like a container would, and collects what it prints. */
function run(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...bundleEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

describe('the command a media Job runs', () => {
  it('processes an original from local storage into the job folders and leaves its manifest as result.json', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'thmnayah-k8s-local-'));
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const storage = await openStorage(loadConfig(env));
    try {
      const task = { assetId: randomUUID(), jobId: randomUUID(), kind: 'audio' as const, claimedName: 'short.wav' };
      const wav = join(dir, 'short.wav');
      await storage.put(originalKey(task.assetId), createReadStream(wav), { contentType: 'audio/wav', size: (await stat(wav)).size });
      const args = buildMediaJob(task, jobConfig(), 'media').spec!.template.spec!.containers[0]!.args!;
      expect(args).toEqual(mediaTaskArgs(task, jobConfig()));
      const { done } = run(args, { ...env, TMPDIR: dataDir });
      const { code, stdout, stderr } = await done;
      expect(code, stderr).toBe(0);
      const printed = JSON.parse(stdout) as MediaManifest;
      const result = await readResult(storage, task.assetId, task.jobId);
      expect(result).toEqual({ ok: true, manifest: printed });
      expect(printed.durationSeconds).toBeCloseTo(3, 1);
      expect(stderr.trim().split('\n').at(-1)).toBe('progress 100.0% done');
      for (const output of printed.outputs) {
        const info = await storage.head(outputKey(task.assetId, task.jobId, 'audio', output));
        expect(info, output.path).toMatchObject({ size: output.bytes, contentType: output.mimeType });
      }
      expect(await storage.exists(resultKey(task.assetId, task.jobId))).toBe(true);
    } finally {
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** Stands in for the Kubernetes API: each Job's container runs as a local process, with the Job's environment. */
class LocalKubelet implements KubeJobsApi {
  readonly exits = new Map<string, number | null>();
  private readonly jobs = new Map<string, { job: V1Job; child: ChildProcess; log: () => string; status: NonNullable<V1Job['status']> }>();

  constructor(private readonly secrets: Record<string, Record<string, string>>, private readonly scratch: string) {}

  async createJob(_namespace: string, job: V1Job): Promise<void> {
    new Job(job as never).validate();
    const name = job.metadata!.name!;
    const container = job.spec!.template.spec!.containers[0]!;
    const env: Record<string, string> = Object.fromEntries(container.env!.map((e) => [e.name, e.value ?? '']));
    for (const source of container.envFrom ?? []) Object.assign(env, this.secrets[source.secretRef?.name ?? source.configMapRef?.name ?? ''] ?? {});
    // The pod's /work emptyDir is a scratch folder here.
    Object.assign(env, { TMPDIR: this.scratch, DATA_DIR: join(this.scratch, 'data') });
    const { child, done } = run(container.args!, env);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const entry = { job, child, log: () => stderr, status: { active: 1 } as NonNullable<V1Job['status']> };
    this.jobs.set(name, entry);
    const deadline = setTimeout(() => {
      entry.status = { failed: 1, conditions: [{ type: 'Failed', status: 'True', reason: 'DeadlineExceeded' }] };
      child.kill('SIGKILL');
    }, job.spec!.activeDeadlineSeconds! * 1000);
    void done.then(({ code }) => {
      clearTimeout(deadline);
      this.exits.set(name, code);
      if (entry.status.conditions) return;
      entry.status = code === 0 ? { succeeded: 1 } : { failed: 1, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }] };
    });
  }

  async readJob(_namespace: string, name: string): Promise<V1Job | undefined> {
    const entry = this.jobs.get(name);
    return entry ? { ...entry.job, status: entry.status } : undefined;
  }

  async deleteJob(_namespace: string, name: string): Promise<void> {
    const entry = this.jobs.get(name);
    if (!entry) return;
    this.jobs.delete(name);
    // Deleting a Job deletes its pod: the container gets SIGTERM.
    entry.child.kill('SIGTERM');
    await new Promise((resolve) => (entry.child.exitCode !== null ? resolve(null) : entry.child.once('close', resolve)));
  }

  async tailLog(_namespace: string, name: string, lines: number): Promise<string> {
    return (this.jobs.get(name)?.log() ?? '').split('\n').slice(-lines - 1).join('\n');
  }
}

describe('the Kubernetes runner', () => {
  let s3: RunningS3rver;
  let storage: Storage;
  let scratch: string;
  let kubelet: LocalKubelet;
  let runner: ReturnType<typeof kubernetesJobRunner>;
  beforeAll(async () => {
    s3 = await startS3rver([BUCKET]);
    storage = new S3Storage({ endpoint: s3.endpoint, bucket: BUCKET, region: 'us-east-1', credentials: S3RVER_CREDENTIALS, forcePathStyle: true, maxBytes: 1024 ** 3 });
    scratch = await mkdtemp(join(tmpdir(), 'thmnayah-kubelet-'));
    kubelet = new LocalKubelet({ 'thmnayah-s3': { S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId, S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey } }, scratch);
    const config = jobConfig({ S3_ENDPOINT: s3.endpoint, S3_BUCKET: BUCKET, MEDIA_JOB_ENV_FROM: 'secret:thmnayah-s3', LOG_LEVEL: 'silent' });
    runner = kubernetesJobRunner(config, storage, { api: kubelet, namespace: 'media', pollMs: 100 });
  });
  afterAll(async () => {
    await storage?.close();
    await s3?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  async function stage(file: string, kind: 'audio' = 'audio') {
    const task = { assetId: randomUUID(), jobId: randomUUID(), kind, claimedName: file };
    const path = join(dir, file);
    await storage.put(originalKey(task.assetId), createReadStream(path), { contentType: 'application/octet-stream', size: (await stat(path)).size });
    return task;
  }

  it('creates the Job, follows its progress, and returns the manifest it left in S3', async () => {
    const task = await stage('short.wav');
    const progress: number[] = [];
    const manifest = await runner.run(task, { signal: new AbortController().signal, onProgress: (p) => progress.push(p.percent), limits: {}, timeoutSeconds: 120 });
    expect(manifest.step).toBe('audio');
    expect(manifest.durationSeconds).toBeCloseTo(3, 1);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    for (const output of manifest.outputs) expect(await storage.exists(outputKey(task.assetId, task.jobId, 'audio', output))).toBe(true);
  }, 60_000);

  it('reports what the task refused, from its result', async () => {
    const task = await stage('talk.mp3');
    const error = await runner.run(task, { signal: new AbortController().signal, onProgress: () => {}, limits: {}, timeoutSeconds: 120 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ code: 'unsupported-type', message: '"talk.mp3" is not audio or video: its bytes are a PDF document' });
  }, 60_000);

  it('cancels by deleting the Job: the container gets SIGTERM and stops FFmpeg', async () => {
    const task = await stage('long.wav');
    const controller = new AbortController();
    const running = runner.run(task, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.percent > 5) controller.abort(new MediaError('cancelled', 'cancelled by the test'));
      },
      limits: {},
      timeoutSeconds: 120,
    });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(kubelet.exits.get(`thmnayah-media-${task.jobId}`)).toBe(130);
    expect(await readResult(storage, task.assetId, task.jobId)).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  }, 60_000);

  it('turns the deadline into a timeout', async () => {
    const task = await stage('long.wav');
    const error = await runner.run(task, { signal: new AbortController().signal, onProgress: () => {}, limits: {}, timeoutSeconds: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', message: 'the media Job ran longer than 1 s and was stopped' });
  }, 60_000);
});
