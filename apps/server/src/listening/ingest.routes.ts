// The public listening API, in the Discovery scope (CORS, per-address rate limits):
//   POST   /api/discovery/listening/events                 a batch of player beacons (sendBeacon)
//   DELETE /api/discovery/listening/listeners/{listenerId}  forget a listener (the id is the credential)
// Ingest validates and appends (to listening_events, or with NATS_URL to the listening stream the worker
// drains: listening-stream.ts); it counts nothing itself (the worker's aggregation does, aggregation.ts),
// apart from this hour's live plays in Redis when configured (hot-counters.ts, best effort).
import { Type } from 'typebox';
import type { FastifyError } from 'fastify';
import type { Platform } from '../platform.js';
import type { App } from '../platform/http/server.js';
import { HttpProblem } from '../platform/http/problem.js';
import { problems } from '../platform/http/schemas.js';
import { BeaconBatchSchema, BeaconResultSchema, ListenerIdSchema, MAX_BODY_BYTES, beaconProblem, type BeaconBatch } from './beacons.js';
import { EventLog, type ListeningEvent } from './event-log.js';
import { PublicEpisodes } from './public-episodes.js';
import { platformFamily } from './platform-family.js';
import { forgetListener } from './privacy.js';
import { hotCountersFor } from './hot-counters.js';
import { ListeningStreamUnavailable, acquireListeningStream, streamProblem, type ListeningStream } from './listening-stream.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

export function registerListeningRoutes(app: App, platform: Platform, deps: { log?: EventLog; episodes?: PublicEpisodes } = {}) {
  const hot = hotCountersFor(platform, (err, message) => app.log.warn({ err }, message));
  const log = deps.log ?? new EventLog(platform.db, { registry: platform.metrics.registry, hot });
  // With NATS_URL the events go to the listening stream instead; the worker's drain moves them to the table.
  const held = deps.log ? undefined : acquireListeningStream(platform, (err, message) => app.log.warn({ err }, message));
  const stream: ListeningStream | undefined = held?.stream;
  if (held) app.addHook('onClose', () => held.release());
  const append = async (events: ListeningEvent[]): Promise<Set<string>> => {
    if (!stream) return log.append(events);
    try {
      return await stream.append(events);
    } catch (error) {
      if (error instanceof ListeningStreamUnavailable) throw streamProblem(error, events.length);
      throw error;
    }
  };
  const episodes = deps.episodes ?? new PublicEpisodes(platform.readDb);
  const tags = ['Listening'];

  app.register(async (plain) => {
    const scope = plain as unknown as App;
    // sendBeacon with a JSON Blob would need a CORS preflight on another origin, which beacons cannot do;
    // the player sends text/plain (a CORS-safelisted type) holding JSON, accepted here as JSON.
    scope.addContentTypeParser('text/plain', { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, (_request, body: Buffer, done) => {
      try {
        done(null, JSON.parse(decoder.decode(body)));
      } catch (error) {
        done(new HttpProblem('malformed-body', `The beacon batch is not valid UTF-8 JSON: ${(error as Error).message}.`), undefined);
      }
    });
    // Errors thrown here reach the server's handler (problem+json); only the size message is ours.
    scope.setErrorHandler((error: FastifyError) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new HttpProblem('body-too-large', `A beacon batch may be ${MAX_BODY_BYTES} bytes at most; send fewer events per batch.`);
      throw error;
    });

    scope.post('/api/discovery/listening/events', {
      bodyLimit: MAX_BODY_BYTES,
      schema: {
        tags,
        summary: 'Record a batch of listening beacons from a player',
        description: 'Play, progress (every 30 s of playback), complete and seek events of one anonymous listener. Each event has its own id: '
          + 'an id already recorded is listed in `duplicates` and not counted again. Events of episodes that are not public, or whose time is '
          + 'more than 5 minutes ahead or 24 hours behind the server, are listed in `rejected`. When nothing is recorded the answer is a '
          + 'problem: 409 when every event was a duplicate, 400 otherwise; 503 when the event stream cannot take them (its `stored` lists the ids it did take: '
          + 'sending the batch again is safe). Accepts `application/json` or `text/plain` holding JSON (navigator.sendBeacon).',
        body: BeaconBatchSchema,
        response: { 202: BeaconResultSchema, ...problems(400, 409, 413, 415, 429, 503) },
      },
    }, async (request, reply) => {
      const batch: BeaconBatch = request.body;
      const now = Date.now();
      const ids = new Set<string>();
      for (const [i, e] of batch.events.entries()) {
        if (ids.has(e.id)) throw new HttpProblem('validation-failed', `Event id ${e.id} appears twice in this batch (at /events/${i}); each event needs its own id.`);
        ids.add(e.id);
      }
      const platformName = platformFamily(request.headers['user-agent']);
      const publicEpisodes = await episodes.lookup(batch.events.map((e) => e.episode));
      const rejected: { id: string; reason: string }[] = [];
      const events: ListeningEvent[] = [];
      for (const e of batch.events) {
        const episode = publicEpisodes.get(e.episode);
        if (!episode) {
          rejected.push({ id: e.id, reason: `episode ${e.episode} is not public` });
          continue;
        }
        const checked = beaconProblem(e, now);
        if (typeof checked === 'string') {
          rejected.push({ id: e.id, reason: checked });
          continue;
        }
        events.push({
          beaconId: e.id, listenerId: batch.listener, episodeId: e.episode, programId: episode.programId, kind: e.kind,
          positionSeconds: e.position, listenedSeconds: e.kind === 'progress' || e.kind === 'complete' ? (e.listened ?? 0) : 0,
          platform: platformName, occurredAt: new Date(checked.at),
        });
      }
      const stored = events.length > 0 ? await append(events) : new Set<string>();
      const duplicates = events.filter((e) => !stored.has(e.beaconId)).map((e) => e.beaconId);
      if (stored.size === 0) {
        if (duplicates.length > 0 && rejected.length === 0) {
          throw new HttpProblem('conflict', `Every event of this batch was recorded before (${duplicates.length} replayed); nothing was counted again.`, { duplicates });
        }
        throw new HttpProblem('validation-failed', `No event of this batch can be recorded: ${rejected.map((r) => `${r.id}: ${r.reason}`).slice(0, 5).join('; ')}.`, { rejected, duplicates });
      }
      return reply.code(202).send({ accepted: stored.size, duplicates, rejected });
    });

    scope.delete('/api/discovery/listening/listeners/:listenerId', {
      schema: {
        tags,
        summary: "Delete a listener's listening history",
        description: 'Removes the raw events (also those still waiting in the event stream), the per-episode history and the per-hour unique-listener marks of this listener id, and takes '
          + 'their plays, completions, seconds and unique-listener counts out of the hourly analytics within the retention period. '
          + 'The id itself is the credential: only the browser that made it knows it. Answers the same for an id never seen.',
        params: Type.Object({ listenerId: ListenerIdSchema }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            events: Type.Integer(), items: Type.Integer(), hours: Type.Integer(),
            pending: Type.Integer({ description: 'Events still waiting in the event stream (NATS), deleted before they were recorded' }),
          }),
          ...problems(400, 429, 503),
        },
      },
    }, async (request) => {
      try {
        return await forgetListener(platform.db, request.params.listenerId, { stream });
      } catch (error) {
        if (error instanceof ListeningStreamUnavailable) throw new HttpProblem('unavailable', `The listening event stream cannot be reached (${error.message}); nothing was deleted. Try again later.`);
        throw error;
      }
    });
  });
}
