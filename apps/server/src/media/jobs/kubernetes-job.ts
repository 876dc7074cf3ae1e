// The batch/v1 Job that runs one media job in the cluster: the server's own image running
// `thmnayah media-task --asset … --job …`, which reads the original from S3 and writes the renditions and
// result.json back (stored-task.ts). Only what the task needs: no service account token, non-root,
// read-only root filesystem, all capabilities dropped, a scratch emptyDir, fixed CPU and memory.
import type { V1Job } from '@kubernetes/client-node';
import type { Config } from '../../config.js';
import type { StoredTask } from './stored-task.js';
import { currentCarrier, tracingEnabled } from '../../platform/telemetry/tracing.js';

export const JOB_LABELS = {
  name: 'app.kubernetes.io/name',
  component: 'app.kubernetes.io/component',
  managedBy: 'app.kubernetes.io/managed-by',
  asset: 'thmnayah.io/asset-id',
  job: 'thmnayah.io/media-job-id',
} as const;

/** A finished Job (and its pod and log) stays this long for inspection, then Kubernetes deletes it. */
const JOB_TTL_SECONDS = 3600;
/** The uid the image's `node` user has (node:20 images); any non-root uid works with the emptyDir. */
const JOB_USER_ID = 1000;
const WORK_DIR = '/work';

export type JobConfig = Pick<
  Config,
  | 'mediaJobImage' | 'mediaJobServiceAccount' | 'mediaJobEnvFrom' | 'mediaJobCpu' | 'mediaJobMemory' | 'mediaJobTimeoutSeconds'
  | 'mediaMaxDurationSeconds' | 'mediaMaxBytes' | 's3Endpoint' | 's3Bucket' | 's3Region' | 's3ForcePathStyle' | 'logLevel'
>;

export function jobName(jobId: string): string {
  return `thmnayah-media-${jobId}`;
}

/** The arguments of the container: the same command an operator can run by hand. */
export function mediaTaskArgs(task: StoredTask, config: Pick<Config, 'mediaMaxDurationSeconds'>): string[] {
  return [
    'media-task', '--asset', task.assetId, '--job', task.jobId, '--kind', task.kind,
    '--max-duration', String(config.mediaMaxDurationSeconds),
    ...(task.claimedName ? ['--name', task.claimedName] : []),
    // The version of the original the upload checked: a Job must not process bytes written after it.
    ...(task.originalEtag ? ['--original-etag', task.originalEtag] : []),
  ];
}

export function buildMediaJob(task: StoredTask, config: JobConfig, namespace: string): V1Job {
  if (!config.mediaJobImage) throw new Error('MEDIA_JOB_IMAGE is not set');
  const labels = {
    [JOB_LABELS.name]: 'thmnayah',
    [JOB_LABELS.component]: 'media-task',
    [JOB_LABELS.managedBy]: 'thmnayah-worker',
    [JOB_LABELS.asset]: task.assetId,
    [JOB_LABELS.job]: task.jobId,
  };
  // Non-secret storage settings come from the worker's own configuration; credentials only by
  // reference (envFrom a Secret), so no secret value is ever written into a Job object.
  const env = [
    { name: 'S3_ENDPOINT', value: config.s3Endpoint ?? '' },
    { name: 'S3_BUCKET', value: config.s3Bucket },
    { name: 'S3_REGION', value: config.s3Region },
    { name: 'S3_FORCE_PATH_STYLE', value: String(config.s3ForcePathStyle) },
    { name: 'MEDIA_MAX_BYTES', value: String(config.mediaMaxBytes) },
    { name: 'LOG_LEVEL', value: config.logLevel },
    // Scratch files (the original, FFmpeg's outputs, tsx's cache) go to the emptyDir, not the image.
    { name: 'TMPDIR', value: WORK_DIR },
    { name: 'DATA_DIR', value: `${WORK_DIR}/data` },
    { name: 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', value: 'true' },
    ...tracingEnv(),
  ];
  const envFrom = config.mediaJobEnvFrom.map((source) =>
    source.kind === 'secret' ? { secretRef: { name: source.name } } : { configMapRef: { name: source.name } },
  );
  const resources = { cpu: config.mediaJobCpu, memory: config.mediaJobMemory };
  // Room for the original plus its renditions (together well under three times the original).
  const scratchGi = Math.max(1, Math.ceil((3 * config.mediaMaxBytes) / 1024 ** 3));
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: jobName(task.jobId), namespace, labels },
    spec: {
      // Retries are the worker's (it counts attempts, backs off and tells editors); a pod retried
      // inside Kubernetes would be an attempt nobody sees.
      backoffLimit: 0,
      activeDeadlineSeconds: config.mediaJobTimeoutSeconds,
      ttlSecondsAfterFinished: JOB_TTL_SECONDS,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          ...(config.mediaJobServiceAccount ? { serviceAccountName: config.mediaJobServiceAccount } : {}),
          // The task talks to S3, never to the Kubernetes API.
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: 30,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: JOB_USER_ID,
            runAsGroup: JOB_USER_ID,
            fsGroup: JOB_USER_ID,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [{
            name: 'media-task',
            image: config.mediaJobImage,
            imagePullPolicy: 'IfNotPresent',
            // The image's entrypoint is the `thmnayah` CLI (the server Deployment passes `start --roles …`).
            args: mediaTaskArgs(task, config),
            workingDir: WORK_DIR,
            env,
            ...(envFrom.length > 0 ? { envFrom } : {}),
            // Requests = limits: transcoding uses what it is given; the same speed on every node (Guaranteed QoS).
            resources: { requests: resources, limits: resources },
            securityContext: {
              allowPrivilegeEscalation: false,
              readOnlyRootFilesystem: true,
              runAsNonRoot: true,
              capabilities: { drop: ['ALL'] },
            },
            volumeMounts: [{ name: 'work', mountPath: WORK_DIR }],
          }],
          volumes: [{ name: 'work', emptyDir: { sizeLimit: `${scratchGi}Gi` } }],
        },
      },
    },
  };
}

/**
 * Tracing on: the Job exports to the same collector and continues the worker's job span, whose
 * context it gets as TRACEPARENT (media/jobs/media-task.command.ts). OTEL_EXPORTER_OTLP_HEADERS may hold a
 * credential and stays out: a Job object is readable by more people than a Secret.
 */
function tracingEnv(): { name: string; value: string }[] {
  if (!tracingEnabled()) return [];
  const passed = Object.entries(process.env)
    .filter(([name, value]) => name.startsWith('OTEL_') && !name.includes('HEADERS') && name !== 'OTEL_SERVICE_NAME' && value !== undefined)
    .map(([name, value]) => ({ name, value: value! }));
  const traceparent = currentCarrier()?.traceparent;
  return [...passed, { name: 'OTEL_SERVICE_NAME', value: 'thmnayah-media-task' }, ...(traceparent ? [{ name: 'TRACEPARENT', value: traceparent }] : [])];
}
