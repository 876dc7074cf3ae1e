// A Kubernetes media Job continues its job's trace (issue 13): the worker hands the Job its job span's
// context as TRACEPARENT (media/jobs/kubernetes-job.ts), and the command the Job runs (media/jobs/media-task.command.ts)
// starts its 'media task' span as that span's child, with the FFmpeg runs under it. No cluster is needed:
// the Job's exact command runs here as a child process, with tracing exporting OTLP/JSON to a receiver on
// loopback, as the Job's environment would have it.
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { originalKey } from '../../src/media/api/asset-keys.js';
import { buildMediaJob } from '../../src/media/jobs/kubernetes-job.js';
import { openStorage } from '../../src/platform/storage/open.js';
import { serverRoot } from '../../src/paths.js';
import { scratchDir, tone } from '../media/media-fixtures.js';
import { waitFor } from '../events/support.js';
import { bundleEnv } from '../support/server-bundle.js';
import { SPAN_KIND, descendsFrom, startOtlpReceiver, type OtlpReceiver } from '../support/otlp-receiver.js';

const BIN = join(serverRoot, 'bin', 'thmnayah.mjs');

describe('a media Job\'s trace', () => {
  let receiver: OtlpReceiver;
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    ({ dir, cleanup } = await scratchDir());
    await tone(join(dir, 'short.wav'), 2);
  });
  afterAll(async () => {
    await receiver?.close();
    await cleanup?.();
  });

  it('continues the job span it gets as TRACEPARENT, down to the FFmpeg runs', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'thmnayah-job-trace-'));
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const storage = await openStorage(loadConfig(env));
    try {
      const task = { assetId: randomUUID(), jobId: randomUUID(), kind: 'audio' as const, claimedName: 'short.wav' };
      const wav = join(dir, 'short.wav');
      await storage.put(originalKey(task.assetId), createReadStream(wav), { contentType: 'audio/wav', size: (await stat(wav)).size });
      // The command of the Job the runner would create for this task.
      const config = loadConfig({ S3_ENDPOINT: 'http://minio.thmnayah.svc:9000', MEDIA_JOB_IMAGE: 'registry.example/thmnayah:1.2.3', MEDIA_RUNNER: 'kubernetes' });
      const args = buildMediaJob(task, config, 'media').spec!.template.spec!.containers[0]!.args!;
      const traceId = randomBytes(16).toString('hex');
      const jobSpan = randomBytes(8).toString('hex');
      const child = spawn(process.execPath, [BIN, ...args], {
        env: {
          PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...bundleEnv(), TMPDIR: dataDir, ...env,
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_SERVICE_NAME: 'thmnayah-media-task',
          TRACEPARENT: `00-${traceId}-${jobSpan}-01`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code, stderr).toBe(0);
      // The process flushes its spans before it exits (flushTracing).
      await waitFor('the task\'s spans', () => receiver.trace(traceId).some((s) => s.name === 'media task'), 15_000);
      const spans = receiver.trace(traceId);
      const names = JSON.stringify(spans.map((s) => s.name));
      const root = spans.find((s) => s.name === 'media task')!;
      expect(root.parentSpanId, names).toBe(jobSpan);
      expect(root.service).toBe('thmnayah-media-task');
      const tools = spans.filter((s) => /^(ffmpeg|ffprobe)/.test(s.name));
      expect(tools.length, names).toBeGreaterThan(0);
      for (const tool of tools) expect(descendsFrom(tool, root, spans), `${tool.name} under the task span`).toBe(true);
      expect(spans.every((s) => s.kind !== SPAN_KIND.server)).toBe(true);
      expect(receiver.rejected).toBe(0);
    } finally {
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
