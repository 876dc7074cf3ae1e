// The worker's media loop: claims queued jobs (up to `concurrency` at once), runs each through the
// runner with a heartbeat (liveness, progress, cancellation), a time budget and an AbortSignal, then
// switches the asset to the job's renditions — or records the failure, retrying transient ones with
// backoff. One job failing, timing out or being cancelled never stops the loop; other jobs go on.
// It also requeues the jobs of workers that died (no heartbeat) and deletes files nothing references
// any more (failed attempts at once; replaced renditions after a grace period).
import { heldByDeadLocalProcess, newProcessId } from '../../platform/process-id.js';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db, Queryable } from '../../platform/db/db.js';
import type { Storage } from '../../platform/storage/storage.js';
import type { JobRow } from '../api/assets.js';
import { jobFolders } from '../api/asset-keys.js';
import { assetPrefix } from '../../platform/storage/keys.js';
import { assetsToPurge, deleteAbandonedUploads, markAssetPurged } from '../api/deletion.js';
import { UPLOAD_URL_SECONDS } from '../api/uploads.js';
import { MediaError, type MediaErrorCode } from '../steps/errors.js';
import {
  claimJob, failJob, finishCancelled, heartbeat, jobsToPurge, markPurged, mediaJobsQueued, staleJobs, stepKind, switchRenditions,
  type ClaimedJob, type Failure, type RetryPolicy,
} from './jobs.js';
import type { PlaybackLinks } from '../api/playback.js';
import type { MediaJobRunner } from './runners.js';
import { contextFrom, inSpan } from '../../platform/telemetry/tracing.js';

export interface MediaWorkerOptions {
  db: Db;
  storage: Storage;
  runner: MediaJobRunner;
  links: PlaybackLinks;
  concurrency: number;
  retry: RetryPolicy;
  jobTimeoutSeconds: number;
  maxDurationSeconds: number;
  maxInputBytes: number;
  /** Idle poll for queued jobs; a job queued in this process wakes the loop at once. */
  pollMs: number;
  /** How often a running job writes its progress (when it changed) and proves it is alive. */
  progressMs?: number;
  /** A running job silent for longer belongs to a dead worker and is requeued. */
  staleAfterMs?: number;
  /** Replaced renditions stay this long for players and caches still holding their links. */
  retiredGraceMs?: number;
  purgeEveryMs?: number;
  /** Presigned uploads not completed after this long are deleted (default: the URL's life plus an hour). */
  abandonedUploadMs?: number;
  registry?: Registry;
  log: { warn(obj: unknown, msg: string): void; error(obj: unknown, msg: string): void };
  /** Tests: called in the switch transaction before anything is written (throw to simulate a crash there). */
  beforeSwitch?: (job: JobRow, tx: Queryable) => Promise<void>;
}

// Refused media is not worth another attempt; everything else may be (a busy machine, a crashed
// FFmpeg, storage or database trouble).
const PERMANENT: ReadonlySet<MediaErrorCode> = new Set(['empty-file', 'unsupported-type', 'unreadable', 'too-large']);

type StopReason = 'cancel' | 'timeout' | 'shutdown' | 'lost';

interface Run {
  stop(reason: StopReason): void;
  /** Writes the heartbeat now (and so reads a cancellation asked meanwhile). */
  check(): void;
  done: Promise<void>;
}

export class MediaWorker {
  readonly id = newProcessId();
  private readonly running = new Map<string, Run>();
  private stopped = true;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: () => void = () => {};
  private lastPurge = 0;
  private readonly metrics;

  constructor(private readonly options: MediaWorkerOptions) {
    this.metrics = options.registry ? mediaMetrics(options.registry) : undefined;
    if (this.metrics) {
      this.metrics.queuedSource = () => queuedJobs(options.db);
      this.metrics.oldestQueuedSource = () => oldestQueuedJob(options.db);
    }
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    mediaJobsQueued.on('queued', this.wake);
    mediaJobsQueued.on('cancel', this.checkCancels);
    this.loopDone = this.loop();
  }

  /** Stops claiming; running jobs are interrupted and queued again (their attempt is not counted). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    mediaJobsQueued.off('queued', this.wake);
    mediaJobsQueued.off('cancel', this.checkCancels);
    this.wakeUp();
    // The loop first (a claim in flight finishes and launches its job), then every job it launched.
    await this.loopDone;
    for (const run of this.running.values()) run.stop('shutdown');
    await Promise.all([...this.running.values()].map((run) => run.done));
  }

  readonly wake = () => this.wakeUp();

  /** Jobs running here whose cancellation was asked in this process: check now instead of at the next heartbeat. */
  private readonly checkCancels = () => {
    for (const run of this.running.values()) run.check();
  };

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.requeueStale();
        while (!this.stopped && this.running.size < this.options.concurrency) {
          const claimed = await claimJob(this.options.db, this.id, this.options.runner.kind);
          if (!claimed) break;
          this.launch(claimed);
        }
        if (Date.now() - this.lastPurge >= (this.options.purgeEveryMs ?? 60_000)) {
          this.lastPurge = Date.now();
          await this.purge();
        }
      } catch (error) {
        this.options.log.error({ err: error }, 'media worker loop failed; trying again');
      }
      await new Promise<void>((resolve) => {
        if (this.stopped) return resolve();
        const timer = setTimeout(resolve, this.options.pollMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private launch(claimed: ClaimedJob) {
    const controller = new AbortController();
    let reason: StopReason | undefined;
    const run: Run = {
      stop(why) {
        if (reason) return;
        reason = why;
        controller.abort(new MediaError(why === 'timeout' ? 'timeout' : 'cancelled', `stopped: ${why}`));
      },
      check() {},
      done: Promise.resolve(),
    };
    this.running.set(claimed.job.id, run);
    run.done = this.run(claimed, controller, run, () => reason)
      .catch((error: unknown) => this.options.log.error({ err: error, jobId: claimed.job.id }, 'media job bookkeeping failed'))
      .finally(() => {
        this.running.delete(claimed.job.id);
        this.wakeUp();
      });
  }

  /** A job in a span that continues the trace of the upload that queued it. */
  private run(claimed: ClaimedJob, controller: AbortController, handle: Run, stoppedBy: () => StopReason | undefined) {
    const { job, asset } = claimed;
    return inSpan(`media job ${stepKind(asset.kind)}`, {
      parent: contextFrom(job.trace_context),
      attributes: { 'thmnayah.media.job_id': job.id, 'thmnayah.media.asset_id': asset.id, 'thmnayah.media.attempt': job.attempt, 'thmnayah.media.runner': this.options.runner.kind },
    }, () => this.runJob(claimed, controller, handle, stoppedBy));
  }

  private async runJob(claimed: ClaimedJob, controller: AbortController, handle: Run, stoppedBy: () => StopReason | undefined) {
    const { job, asset } = claimed;
    const { db, runner } = this.options;
    const stop = (why: StopReason) => handle.stop(why);
    const started = Date.now();
    const kind = stepKind(asset.kind);
    this.metrics?.running.inc();

    // Progress and heartbeat: written when the percentage moved, and at least every second.
    let progress = { percent: 0, phase: 'starting' };
    let written = { percent: -1, at: 0 };
    let beating = false;
    const beat = async (force = false) => {
      if (beating) return;
      beating = true;
      try {
        if (!force && progress.percent === written.percent && Date.now() - written.at < 1000) return;
        const snapshot = progress;
        const verdict = await heartbeat(db, job.id, this.id, snapshot);
        written = { percent: snapshot.percent, at: Date.now() };
        if (verdict === 'cancel') stop('cancel');
        if (verdict === 'lost') stop('lost');
      } catch (error) {
        this.options.log.warn({ err: error, jobId: job.id }, 'media job heartbeat failed');
      } finally {
        beating = false;
      }
    };
    const ticker = setInterval(() => void beat(), this.options.progressMs ?? 250);
    handle.check = () => void beat(true);
    const deadline = setTimeout(() => stop('timeout'), this.options.jobTimeoutSeconds * 1000);

    let outcome: string;
    try {
      const manifest = await runner.run(
        { assetId: asset.id, jobId: job.id, kind, claimedName: asset.original_name || undefined, originalEtag: asset.original_etag ?? undefined },
        {
          signal: controller.signal,
          onProgress: (p) => {
            if (p.percent >= progress.percent) progress = p;
          },
          limits: { maxDurationSeconds: this.options.maxDurationSeconds, maxInputBytes: this.options.maxInputBytes },
          timeoutSeconds: this.options.jobTimeoutSeconds,
        },
      );
      clearInterval(ticker);
      clearTimeout(deadline);
      if (stoppedBy()) throw new MediaError('cancelled', 'stopped after the step finished');
      const switched = await switchRenditions({ db, links: this.options.links, beforeSwitch: this.options.beforeSwitch }, claimed, manifest);
      outcome = switched === 'switched' ? 'ready' : switched;
      if (switched === 'cancelled') {
        await finishCancelled(db, job.id);
        await this.purgeJob(job.id, asset.id);
      }
    } catch (error) {
      clearInterval(ticker);
      clearTimeout(deadline);
      const why = stoppedBy();
      outcome = await this.settleFailure(job, asset.id, error, why);
    } finally {
      this.metrics?.running.dec();
    }
    this.metrics?.jobs.inc({ kind, outcome });
    this.metrics?.duration.observe({ kind, outcome }, (Date.now() - started) / 1000);
  }

  private async settleFailure(job: JobRow, assetId: string, error: unknown, why: StopReason | undefined): Promise<string> {
    const { db, retry } = this.options;
    if (why === 'lost') return 'lost'; // another worker requeued it; the sweep deletes its files
    if (why === 'cancel') {
      await finishCancelled(db, job.id);
      await this.purgeJob(job.id, assetId);
      return 'cancelled';
    }
    let failure: Failure;
    if (why === 'timeout') {
      failure = { code: 'timeout', message: `processing took longer than ${this.options.jobTimeoutSeconds} s and was stopped`, retryable: true };
    } else if (why === 'shutdown') {
      failure = { code: 'interrupted', message: 'the worker shut down while processing; queued again', retryable: true, countsAsAttempt: false };
    } else if (error instanceof MediaError) {
      failure = { code: error.code, message: error.message, retryable: !PERMANENT.has(error.code) };
    } else {
      this.options.log.error({ err: error, jobId: job.id }, 'media job failed unexpectedly');
      failure = { code: 'internal', message: `processing failed: ${(error as Error)?.message ?? String(error)}`, retryable: true };
    }
    const result = await failJob(db, job.id, failure, retry);
    if (result === 'retry') {
      this.options.log.warn({ jobId: job.id, assetId, code: failure.code }, `media job failed (${failure.message}); retrying`);
      setTimeout(() => this.wakeUp(), 0);
    }
    await this.purgeJob(job.id, assetId);
    return failure.code === 'interrupted' ? 'interrupted' : result === 'retry' ? 'retry' : 'failed';
  }

  /** Jobs of dead workers: failed with a reason and queued again (the attempt counts). */
  private async requeueStale(): Promise<void> {
    for (const job of await staleJobs(this.options.db, this.options.staleAfterMs ?? 30_000)) {
      if (this.running.has(job.id)) continue;
      this.options.log.warn({ jobId: job.id, worker: job.worker }, 'media job lost its worker; queueing it again');
      const seconds = Math.round((this.options.staleAfterMs ?? 30_000) / 1000);
      const why = heldByDeadLocalProcess(job.worker) ? 'ended without finishing it' : `stopped responding for ${seconds} s`;
      await failJob(this.options.db, job.id, { code: 'worker-lost', message: `the worker running it (${job.worker}) ${why}`, retryable: true }, this.options.retry);
      await this.options.runner.abandon?.({ assetId: job.asset_id, jobId: job.id }).catch((error: unknown) => this.options.log.warn({ err: error, jobId: job.id }, 'stopping a lost media job failed'));
    }
  }

  /**
   * Deletes the files of failed or cancelled jobs, of replaced ones after the grace period, and of
   * deleted assets (presigned uploads left unfinished past their URL's life are deleted first).
   */
  async purge(): Promise<number> {
    let count = 0;
    await deleteAbandonedUploads(this.options.db, this.options.abandonedUploadMs ?? (UPLOAD_URL_SECONDS + 3600) * 1000);
    for (const asset of await assetsToPurge(this.options.db)) {
      // No job runs for it: deleting a processing asset is refused, and a deleted one is never queued again.
      try {
        await this.options.storage.deletePrefix(assetPrefix(asset.id));
        await markAssetPurged(this.options.db, asset.id);
        count += 1;
      } catch (error) {
        this.options.log.warn({ err: error, assetId: asset.id }, 'deleting the files of a deleted asset failed');
      }
    }
    for (const job of await jobsToPurge(this.options.db, this.options.retiredGraceMs ?? 24 * 3600 * 1000)) {
      if (this.running.has(job.id)) continue;
      await this.purgeJob(job.id, job.asset_id);
      count += 1;
    }
    return count;
  }

  private async purgeJob(jobId: string, assetId: string): Promise<void> {
    try {
      for (const folder of jobFolders(assetId, jobId)) await this.options.storage.deletePrefix(folder);
      await markPurged(this.options.db, jobId);
    } catch (error) {
      // The next sweep tries again; nothing references these files.
      this.options.log.warn({ err: error, jobId }, 'deleting the files of a media job failed');
    }
  }
}

interface MediaMetrics {
  jobs: Counter<'kind' | 'outcome'>;
  duration: Histogram<'kind' | 'outcome'>;
  running: Gauge;
  queued: Gauge;
  queuedSource: (() => Promise<number>) | undefined;
  oldestQueued: Gauge;
  oldestQueuedSource: (() => Promise<number>) | undefined;
}

/** Seconds the longest-waiting runnable job has waited (0 when none waits). */
async function oldestQueuedJob(db: Db): Promise<number> {
  const [row] = await db.query<{ age: number | null }>(
    `select extract(epoch from now() - min(greatest(queued_at, run_after)))::float8 as age from media_jobs where status = 'queued' and run_after <= now()`,
  );
  return Math.max(0, row?.age ?? 0);
}

async function queuedJobs(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from media_jobs where status = 'queued'`);
  return row?.n ?? 0;
}

const byRegistry = new WeakMap<Registry, MediaMetrics>();

/** The names of the media metrics (tests check that dashboards and alerts read only real ones). */
export function mediaMetricNames(): string[] {
  const registry = new Registry();
  mediaMetrics(registry);
  return registry.getMetricsAsArray().map((m) => (m as unknown as { name: string }).name);
}

function mediaMetrics(registry: Registry): MediaMetrics {
  const existing = byRegistry.get(registry);
  if (existing) return existing;
  const registers = [registry];
  const metrics: MediaMetrics = {
    jobs: new Counter({ name: 'thmnayah_media_jobs_total', help: 'Media jobs finished, by kind and outcome (ready, retry, failed, cancelled, interrupted, lost)', labelNames: ['kind', 'outcome'], registers }),
    duration: new Histogram({
      name: 'thmnayah_media_job_duration_seconds', help: 'Wall time of media jobs', labelNames: ['kind', 'outcome'], registers,
      buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200],
    }),
    running: new Gauge({ name: 'thmnayah_media_jobs_running', help: 'Media jobs this process runs now', registers }),
    // Shared state, read at scrape time (every worker reports the same number: take max()); for dashboards and alerts (KEDA scales on the indexer's backlog).
    queued: new Gauge({
      name: 'thmnayah_media_jobs_queued', help: 'Media jobs waiting for a worker', registers,
      async collect() {
        const source = metrics.queuedSource;
        if (source) this.set(await source().catch(() => 0));
      },
    }),
    queuedSource: undefined,
    oldestQueued: new Gauge({
      name: 'thmnayah_media_jobs_oldest_queued_seconds', help: 'How long the longest-waiting runnable media job has waited for a worker (0: none waits)', registers,
      async collect() {
        const source = metrics.oldestQueuedSource;
        if (source) this.set(await source().catch(() => Number.NaN));
      },
    }),
    oldestQueuedSource: undefined,
  };
  byRegistry.set(registry, metrics);
  return metrics;
}
