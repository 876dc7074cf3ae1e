// Where a media job runs. The worker claims jobs and records their outcome; a runner does the work and
// leaves the renditions in storage under the job's folders:
//  - local: in the worker's own process, FFmpeg as child processes (the default, and `npm start`);
//  - kubernetes: one batch/v1 Job per media job running `thmnayah media-task --asset … --job …` in the
//    same image (kubernetes-runner.ts).
// Both run processStoredAsset (stored-task.ts), so what a Job does is exactly what the worker would do.
import type { Storage } from '../../platform/storage/storage.js';
import type { MediaLimits } from '../steps/limits.js';
import type { MediaManifest } from '../steps/manifest.js';
import type { ProgressListener } from '../steps/progress.js';
import { processStoredAsset, type StoredTask } from './stored-task.js';

export interface JobControl {
  /** Aborting stops the work (FFmpeg killed, the Kubernetes Job deleted) and rejects with a MediaError. */
  signal: AbortSignal;
  onProgress: ProgressListener;
  limits: Partial<MediaLimits>;
  /** The job's time budget (the Kubernetes Job's activeDeadlineSeconds). */
  timeoutSeconds: number;
}

export interface MediaJobRunner {
  readonly kind: 'local' | 'kubernetes';
  /** Runs the task; resolves with the manifest once every output is in storage. */
  run(task: StoredTask, control: JobControl): Promise<MediaManifest>;
  /** Stops whatever may still run for a job its worker lost (a Job left behind by a dead worker). */
  abandon?(task: Pick<StoredTask, 'assetId' | 'jobId'>): Promise<void>;
}

export function localJobRunner(storage: Storage, options: { workDir?: string } = {}): MediaJobRunner {
  return {
    kind: 'local',
    run: (task, control) => processStoredAsset(storage, task, { signal: control.signal, onProgress: control.onProgress, limits: control.limits, workDir: options.workDir }),
  };
}
