// The Kubernetes runner: each media job becomes a batch/v1 Job (kubernetes-job.ts). The worker creates
// it, follows its status, reads progress from the pod's log (the `progress 45.0% encode` lines
// media-task prints), deletes it to cancel (the pod gets SIGTERM; media-task kills FFmpeg and exits),
// and reads the outcome the task left in storage (result.json: the manifest, or the error).
//
// Why @kubernetes/client-node 1.x: the official client; 1.4 runs on Node 20 (2.x moved to undici 8,
// which needs Node 22). It is loaded only when this runner is used.
import type { V1Job } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import type { Config } from '../../config.js';
import type { Storage } from '../../platform/storage/storage.js';
import { MediaError, type MediaErrorCode } from '../steps/errors.js';
import { buildMediaJob, jobName, JOB_LABELS, type JobConfig } from './kubernetes-job.js';
import type { MediaManifest } from '../steps/manifest.js';
import type { JobControl, MediaJobRunner } from './runners.js';
import { readResult, type StoredTask } from './stored-task.js';

/** The few Kubernetes API calls the runner makes (the real client below; tests run the container locally). */
export interface KubeJobsApi {
  createJob(namespace: string, job: V1Job): Promise<void>;
  /** The Job, or undefined when it does not exist. */
  readJob(namespace: string, name: string): Promise<V1Job | undefined>;
  /** Deletes the Job and its pods (missing is fine). */
  deleteJob(namespace: string, name: string): Promise<void>;
  /** The last lines of the log of the Job's pod, '' while none runs. */
  tailLog(namespace: string, jobName: string, lines: number): Promise<string>;
}

export interface KubernetesRunnerOptions {
  api?: KubeJobsApi;
  namespace?: string;
  /** How often the Job's status and log are read. */
  pollMs?: number;
}

const MEDIA_ERROR_CODES: ReadonlySet<string> = new Set<MediaErrorCode>([
  'empty-file', 'unsupported-type', 'unreadable', 'too-large', 'timeout', 'cancelled', 'transcode-failed', 'tool-missing',
]);

export function kubernetesJobRunner(config: JobConfig & Pick<Config, 'kubernetesNamespace'>, storage: Storage, options: KubernetesRunnerOptions = {}): MediaJobRunner {
  const namespace = options.namespace ?? config.kubernetesNamespace ?? ownNamespace();
  const pollMs = options.pollMs ?? 2000;
  let api: Promise<KubeJobsApi> | undefined = options.api ? Promise.resolve(options.api) : undefined;
  const kube = () => (api ??= clusterApi());

  return {
    kind: 'kubernetes',
    async run(task: StoredTask, control: JobControl): Promise<MediaManifest> {
      const client = await kube();
      const name = jobName(task.jobId);
      await client.createJob(namespace, buildMediaJob(task, { ...config, mediaJobTimeoutSeconds: control.timeoutSeconds }, namespace));
      let lastPercent = -1;
      for (;;) {
        if (control.signal.aborted) {
          await client.deleteJob(namespace, name);
          throw control.signal.reason instanceof MediaError ? control.signal.reason : new MediaError('cancelled', 'the media Job was cancelled');
        }
        const job = await client.readJob(namespace, name);
        if (!job) throw new MediaError('transcode-failed', `the Kubernetes Job ${name} disappeared before it finished`);
        const status = job.status ?? {};
        const progress = parseProgress(await client.tailLog(namespace, name, 20).catch(() => ''));
        if (progress && progress.percent > lastPercent) {
          lastPercent = progress.percent;
          control.onProgress(progress);
        }
        if ((status.succeeded ?? 0) > 0) return outcome(await readResult(storage, task.assetId, task.jobId), name);
        const failed = status.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
        if (failed || (status.failed ?? 0) > 0) {
          const result = await readResult(storage, task.assetId, task.jobId);
          if (result) return outcome(result, name);
          if (failed?.reason === 'DeadlineExceeded') {
            throw new MediaError('timeout', `the media Job ran longer than ${control.timeoutSeconds} s and was stopped`);
          }
          throw new MediaError('transcode-failed', `the media Job ${name} failed: ${failed?.reason ?? 'pod failed'}${failed?.message ? ` (${failed.message})` : ''}`);
        }
        await sleep(pollMs, control.signal);
      }
    },
    async abandon(task) {
      await (await kube()).deleteJob(namespace, jobName(task.jobId));
    },
  };
}

function outcome(result: Awaited<ReturnType<typeof readResult>>, name: string): MediaManifest {
  if (!result) throw new MediaError('transcode-failed', `the media Job ${name} ended without leaving its result in storage`);
  if (result.ok) return result.manifest;
  if (MEDIA_ERROR_CODES.has(result.error.code)) throw new MediaError(result.error.code as MediaErrorCode, result.error.message);
  throw new Error(result.error.message);
}

/** The last `progress 45.0% encode` line of a media-task log. */
export function parseProgress(log: string): { percent: number; phase: string } | undefined {
  const lines = log.trimEnd().split('\n').reverse();
  for (const line of lines) {
    const match = /^progress (\d+(?:\.\d+)?)% (\S+)$/.exec(line.trim());
    if (match) return { percent: Number(match[1]), phase: match[2]! };
  }
  return undefined;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** In a pod, the namespace is in the service account's files; elsewhere "default". */
function ownNamespace(): string {
  try {
    return readFileSync('/var/run/secrets/kubernetes.io/serviceaccount/namespace', 'utf8').trim() || 'default';
  } catch {
    return 'default';
  }
}

/** The real API, from the in-cluster service account or KUBECONFIG. */
async function clusterApi(): Promise<KubeJobsApi> {
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  kc.loadFromDefault();
  const batch = kc.makeApiClient(k8s.BatchV1Api);
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const missing = (error: unknown) => (error as { code?: number }).code === 404;
  return {
    async createJob(namespace, job) {
      try {
        await batch.createNamespacedJob({ namespace, body: job });
      } catch (error) {
        // The same job id again (a worker restarted mid-create): the Job is already ours.
        if ((error as { code?: number }).code !== 409) throw error;
      }
    },
    async readJob(namespace, name) {
      try {
        return await batch.readNamespacedJobStatus({ name, namespace });
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async deleteJob(namespace, name) {
      try {
        await batch.deleteNamespacedJob({ name, namespace, propagationPolicy: 'Background' });
      } catch (error) {
        if (!missing(error)) throw error;
      }
    },
    async tailLog(namespace, name, lines) {
      const pods = await core.listNamespacedPod({ namespace, labelSelector: `${JOB_LABELS.job}=${name.replace(/^thmnayah-media-/, '')}` });
      const pod = pods.items.find((p) => p.status?.phase === 'Running' || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed');
      if (!pod?.metadata?.name) return '';
      return core.readNamespacedPodLog({ name: pod.metadata.name, namespace, tailLines: lines });
    },
  };
}
