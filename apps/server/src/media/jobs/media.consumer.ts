// The worker's media consumer, and the media job loop it feeds.
//
// media.uploaded → this consumer turns the request into a queued job row, in the consumer's own
// transaction (so exactly once: the job commits with the event's processed mark), and wakes the local
// job loop. The slow work — download, FFmpeg, upload, switch — runs in the job loop (job-worker.ts),
// not in the event handler: the event runtime delivers one event at a time per consumer, in order, so a
// 40-minute video transcoded inside a handler would hold up every other upload, retries included. As a
// work queue in the database, jobs of different assets run side by side on every worker, and each
// job's retries, timeout and cancellation are its own.
import type { EventHandlers } from '@thmnayah/contracts';
import type { Platform } from '../../platform.js';
import { defineConsumer, type ConsumerDefinition, type HandlerContext } from '../../events/consumer.js';
import { MediaWorker, type MediaWorkerOptions } from './job-worker.js';
import { mediaJobsQueued, queueProcessing } from './jobs.js';
import { playbackLinks } from '../api/playback.js';
import { localJobRunner, type MediaJobRunner } from './runners.js';
import { kubernetesJobRunner } from './kubernetes-runner.js';

export const MEDIA_CONSUMER = 'media';

export function mediaConsumer(): ConsumerDefinition {
  const handlers: EventHandlers<HandlerContext> = {
    'media.uploaded': async (event, { tx }) => {
      if (await queueProcessing(tx, event.data.id, event.data.reason)) {
        // A hint for this process's job loop, a moment after our transaction commits (other workers poll).
        setTimeout(() => mediaJobsQueued.emit('queued'), 50).unref();
      }
    },
    'media.ready': null, 'media.failed': null, 'media.cancelled': null, 'media.deleted': null,
    'program.created': null, 'program.updated': null, 'program.deleted': null, 'program.restored': null,
    'program.published': null, 'program.unpublished': null, 'program.archived': null,
    'episode.created': null, 'episode.updated': null, 'episode.deleted': null, 'episode.restored': null,
    'episode.published': null, 'episode.unpublished': null, 'episode.archived': null, 'episode.scheduled': null,
    'category.created': null, 'category.updated': null, 'category.deleted': null, 'category.restored': null,
    'person.created': null, 'person.updated': null, 'person.deleted': null, 'person.restored': null,
  };
  return defineConsumer({ name: MEDIA_CONSUMER, handlers });
}

export function mediaRunner(platform: Platform): MediaJobRunner {
  return platform.config.mediaRunner === 'kubernetes' ? kubernetesJobRunner(platform.config, platform.storage) : localJobRunner(platform.storage);
}

/** Starts the media job loop of a worker; the result stops it (running jobs are queued again). */
export function startMediaWorker(
  platform: Platform,
  log: MediaWorkerOptions['log'],
  overrides: Partial<MediaWorkerOptions> = {},
): () => Promise<void> {
  const { config } = platform;
  const worker = new MediaWorker({
    db: platform.db,
    storage: platform.storage,
    runner: mediaRunner(platform),
    links: playbackLinks(config),
    concurrency: config.mediaConcurrency,
    retry: { maxAttempts: config.mediaMaxAttempts, retryBaseMs: config.mediaRetryBaseMs },
    jobTimeoutSeconds: config.mediaJobTimeoutSeconds,
    maxDurationSeconds: config.mediaMaxDurationSeconds,
    maxInputBytes: config.mediaMaxBytes,
    pollMs: config.mediaPollMs,
    registry: platform.metrics.registry,
    log,
    ...overrides,
  });
  worker.start();
  return () => worker.stop();
}
