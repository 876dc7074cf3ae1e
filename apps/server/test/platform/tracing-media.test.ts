// A media upload traced down to the FFmpeg step, and an upload-and-play flow whose logs hold no
// playback token or signature (issue 13). One `thmnayah start` process on embedded defaults (PGlite,
// local storage, in-process bus) with the CMS, relay and worker roles, exporting OTLP to a loopback
// receiver; the client sends its own traceparent with the upload, so the test knows the trace id.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDevIssuer } from '../../src/platform/auth/dev-issuer.js';
import { waitFor } from '../events/support.js';
import { scratchDir, tone } from '../media/media-fixtures.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { unpackPgliteTemplate } from '../support/databases.js';
import { SPAN_KIND, descendsFrom, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('a traced media upload, and its logs', () => {
  let receiver: OtlpReceiver;
  let server: ServerProcess;
  let dir: string;
  let cleanup: () => Promise<void>;
  let editor: Record<string, string>;

  beforeAll(async () => {
    ({ dir, cleanup } = await scratchDir());
    await tone(join(dir, 'tone.wav'), 6);
    receiver = await startOtlpReceiver();
    const dataDir = join(dir, 'data');
    unpackPgliteTemplate(dataDir); // migrated already: the server starts without initdb
    const issuer = await openDevIssuer(dataDir);
    editor = { authorization: `Bearer ${await issuer.sign({ sub: 'dev-editor', name: 'Editor', roles: ['editor'], ttlSeconds: 3600 })}` };
    server = await startServerProcess(['--roles', 'cms,relay,worker,discovery', '--no-seed'], {
      DATA_DIR: dataDir, EVENT_POLL_MS: '50', MEDIA_POLL_MS: '100',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '100',
    });
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
    await cleanup?.();
  });

  const call = async (method: string, path: string, init: { body?: FormData | string; json?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetch(new URL(path, server.url), {
      method,
      redirect: 'manual',
      headers: { ...editor, ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.body !== undefined ? { body: init.body } : {}),
    });
    const text = await response.text();
    let body: Json = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (a playlist, audio)
    }
    return { status: response.status, body, headers: response.headers };
  };

  it('continues the upload\'s trace through the media consumer and the job down to FFmpeg; the logs of upload and play hold no token', async () => {
    const program = await call('POST', '/api/cms/programs', { json: { kind: 'podcast', title: 'Traced media', language: 'en' } });
    expect(program.status).toBe(201);
    await call('POST', `/api/cms/programs/${program.body.id}/publish`);
    const episode = await call('POST', '/api/cms/episodes', { json: { programId: program.body.id, title: 'With audio' } });
    await call('POST', `/api/cms/episodes/${episode.body.id}/publish`);

    const traceId = randomBytes(16).toString('hex');
    const form = new FormData();
    form.append('file', new Blob([await readFile(join(dir, 'tone.wav'))], { type: 'audio/wav' }), 'tone.wav');
    const uploaded = await call('POST', `/api/cms/assets?ownerType=episode&ownerId=${episode.body.id}&kind=audio`, {
      body: form, headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
    });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    let asset: Json;
    await waitFor('the asset to be processed', async () => {
      asset = (await call('GET', `/api/cms/assets/${uploaded.body.id}`)).body;
      return ['ready', 'failed'].includes(asset.status);
    }, 120_000);
    expect(asset.status).toBe('ready');

    // The trace: upload request → outbox → relay → media consumer → job → FFmpeg.
    let spans: ReceivedSpan[] = [];
    const isTool = (s: ReceivedSpan) => /^(ffmpeg|ffprobe)/.test(s.name);
    await waitFor('the FFmpeg spans of the job', () => {
      spans = receiver.trace(traceId);
      const job = spans.find((s) => s.name === 'media job audio');
      return job !== undefined && spans.some((s) => isTool(s) && s.name.startsWith('ffmpeg') && descendsFrom(s, job, spans));
    }, 30_000);
    const names = JSON.stringify(spans.map((s) => s.name));
    const request = spans.find((s) => s.kind === SPAN_KIND.server)!;
    expect(request, names).toBeDefined();
    const consumer = spans.find((s) => s.name === 'process media.uploaded' && s.attributes['messaging.consumer.group.name'] === 'media')!;
    expect(consumer, names).toBeDefined();
    expect(descendsFrom(consumer, request, spans), names).toBe(true);
    const job = spans.find((s) => s.name === 'media job audio')!;
    expect(descendsFrom(job, consumer, spans), names).toBe(true);
    const tools = spans.filter((s) => isTool(s) && descendsFrom(s, job, spans));
    expect(tools.length, names).toBeGreaterThan(1);
    // PGlite statements are spans too (no instrumentation knows PGlite).
    expect(spans.some((s) => s.name.endsWith('(pglite)') && s.kind === SPAN_KIND.client)).toBe(true);

    // Play: the HLS master, a variant, a segment and the MP3, through /play links (token in the path).
    const links: string[] = asset.renditions.map((r: Json) => r.url as string);
    const played: string[] = [];
    const play = async (url: string) => {
      const path = new URL(url).pathname + new URL(url).search;
      const response = await call('GET', path, { headers: { authorization: '' } });
      expect(response.status, path).toBeLessThan(400);
      played.push(path);
      return response;
    };
    // A playlist leads to its first entry (master → variant → segment).
    const follow = async (link: string, depth: number): Promise<void> => {
      const response = await play(link);
      const text = typeof response.body === 'string' ? response.body : '';
      if (depth === 0 || !text.startsWith('#EXTM3U')) return;
      const first = text.split('\n').find((line) => line.trim() && !line.startsWith('#'));
      if (first) await follow(new URL(first.trim(), link).toString(), depth - 1);
    };
    for (const link of links) await follow(link, 2);
    expect(played.length).toBeGreaterThanOrEqual(3);
    await waitFor('the play requests in the log', () => server.logs.filter((l) => JSON.stringify(l).includes('/play/')).length >= played.length, 10_000);

    // No playback token, no signature: the token is the third path segment after /play.
    const secrets = new Set(played.map((path) => path.split('/')[4]!).filter(Boolean));
    for (const path of played) for (const m of path.matchAll(/(?:signature|X-Amz-Signature|X-Amz-Credential|token)=([^&]+)/gi)) secrets.add(m[1]!);
    expect(secrets.size).toBeGreaterThan(0);
    const output = server.output();
    for (const secret of secrets) expect(output.includes(secret), `a secret of ${[...played].join(', ')} is in the logs`).toBe(false);
    expect(output).toContain('/play/');
    expect(output).toContain('[redacted]');
    // And no span attribute carries one either.
    const leaks = receiver.spans.flatMap((span) => Object.entries({ name: span.name, ...span.attributes })
      .filter(([, v]) => [...secrets].some((secret) => String(v).includes(secret)))
      .map(([k, v]) => `${span.name} ${k}=${String(v)}`));
    expect(leaks, 'playback secrets in exported spans').toEqual([]);
  }, 240_000);
});
