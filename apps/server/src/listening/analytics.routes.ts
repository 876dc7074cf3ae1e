// The editors' analytics API (viewer role and up):
//   GET /api/cms/analytics/episodes/{id}?from&to&interval   time series, totals, platforms of one episode
//   GET /api/cms/analytics/programs/{id}?from&to&interval   the same for a program, with its top episodes
//   GET /api/cms/analytics/top-episodes?from&to&limit&programId
// Periods are half-open [from, to), UTC; by default the last 7 days up to the current hour's end.
// An episode's and a program's answer also carry `live`, this hour's plays so far from the Redis hot counters
// (hot-counters.ts): the series shows what the aggregation has reached, `live` what ingest has stored.
import { Type, type Static } from 'typebox';
import type { Db } from '../platform/db/db.js';
import type { App } from '../platform/http/server.js';
import { HttpProblem } from '../platform/http/problem.js';
import { IdParams, Nullable, StringEnum, Timestamp, Uuid, problems } from '../platform/http/schemas.js';
import { listeningStats, topEpisodes, type Interval } from './analytics.js';
import type { HotCounters } from './hot-counters.js';

const FiguresSchema = {
  plays: Type.Integer({ description: 'Plays: play beacons from the site\'s player plus counted MP3 downloads' }),
  downloads: Type.Integer({ description: 'Of the plays, counted MP3 downloads (IAB-style, docs/analytics.md)' }),
  listeners: Type.Integer({ description: 'Unique listeners (exact within LISTENING_RETENTION_DAYS, docs/analytics.md)' }),
  completes: Type.Integer({ description: 'Plays heard to the end' }),
  completionRate: Nullable(Type.Number({ minimum: 0, maximum: 1 }), { description: 'completes / (plays - downloads); null without player plays' }),
  secondsListened: Type.Integer(),
};
const Figures = Type.Object(FiguresSchema);
const StatsSchema = Type.Object({
  from: Timestamp,
  to: Timestamp,
  interval: StringEnum(['hour', 'day']),
  totals: Figures,
  series: Type.Array(Type.Object({ at: Timestamp, ...FiguresSchema }), { description: 'One entry per hour or day of the period (UTC), zeros included' }),
  platforms: Type.Array(Type.Object({ platform: Type.String({ description: 'App or platform family: web-chrome, apple-podcasts, spotify, other ...' }), ...FiguresSchema })),
});
const TopEpisodeSchema = Type.Object({ episodeId: Uuid, programId: Uuid, title: Type.String(), programTitle: Type.String(), ...FiguresSchema });

const PeriodQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Start (inclusive); default: 7 days before `to`' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'End (exclusive); default: the end of the current hour' })),
  interval: Type.Optional(StringEnum(['hour', 'day'], { description: 'Bucket size; default: hour up to 3 days, day beyond' })),
}, { additionalProperties: false });
type PeriodQuery = Static<typeof PeriodQuery>;

const MAX_HOURS = 31 * 24;
const MAX_DAYS = 731;

function period(query: PeriodQuery): { from: Date; to: Date; interval: Interval } {
  const hour = 3_600_000;
  const to = query.to ? new Date(query.to) : new Date(Math.ceil((Date.now() + 1) / hour) * hour);
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 7 * 24 * hour);
  if (!(from < to)) throw new HttpProblem('validation-failed', `"from" (${from.toISOString()}) must be before "to" (${to.toISOString()}).`);
  const hours = (to.getTime() - from.getTime()) / hour;
  const interval: Interval = query.interval ?? (hours <= 72 ? 'hour' : 'day');
  if (interval === 'hour' && hours > MAX_HOURS) throw new HttpProblem('validation-failed', `An hourly series covers at most ${MAX_HOURS / 24} days; ask for interval=day, or a shorter period.`);
  if (hours > MAX_DAYS * 24) throw new HttpProblem('validation-failed', `A period covers at most ${MAX_DAYS} days.`);
  return { from, to, interval };
}

const LiveSchema = Nullable(Type.Object({
  hour: Timestamp,
  plays: Type.Integer({ description: 'Plays (player plays and counted downloads) stored so far in this hour, counted at ingest' }),
}), {
  description: 'This UTC hour so far, counted at ingest: the series shows what the worker\'s aggregation has reached (seconds behind when it keeps up, more when it is behind or down). '
    + 'null without Redis or while it does not answer. Best effort: it may undercount after a Redis outage, never overcount.',
});

export function registerAnalyticsRoutes(app: App, db: Db, hot?: HotCounters) {
  const tags = ['Analytics'];

  app.get('/api/cms/analytics/episodes/:id', {
    config: { role: 'viewer' },
    schema: {
      tags, summary: "An episode's listening: time series, totals and platforms", params: IdParams, querystring: PeriodQuery,
      response: { 200: Type.Intersect([Type.Object({ episodeId: Uuid, programId: Uuid, title: Type.String(), live: LiveSchema }), StatsSchema]), ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const [episode] = await db.query<{ id: string; program_id: string; title: string }>('select id, program_id, title from episodes where id = $1', [request.params.id]);
    if (!episode) throw new HttpProblem('not-found', `No episode ${request.params.id}.`);
    const { from, to, interval } = period(request.query);
    const [stats, live] = await Promise.all([listeningStats(db, { episodeId: episode.id }, from, to, interval), hot?.live(episode.id)]);
    return {
      episodeId: episode.id, programId: episode.program_id, title: episode.title,
      live: live ? { hour: live.hour.toISOString(), plays: live.plays } : null,
      ...stats,
    };
  });

  app.get('/api/cms/analytics/programs/:id', {
    config: { role: 'viewer' },
    schema: {
      tags, summary: "A program's listening: time series, totals, platforms and its top episodes", params: IdParams, querystring: PeriodQuery,
      response: {
        200: Type.Intersect([Type.Object({ programId: Uuid, title: Type.String(), live: LiveSchema, episodes: Type.Array(TopEpisodeSchema, { description: 'Its 10 most played episodes of the period' }) }), StatsSchema]),
        ...problems(400, 401, 403, 404),
      },
    },
  }, async (request) => {
    const [program] = await db.query<{ id: string; title: string }>('select id, title from programs where id = $1', [request.params.id]);
    if (!program) throw new HttpProblem('not-found', `No program ${request.params.id}.`);
    const { from, to, interval } = period(request.query);
    const [stats, episodes, live] = await Promise.all([
      listeningStats(db, { programId: program.id }, from, to, interval),
      topEpisodes(db, from, to, 10, program.id),
      hot?.live(program.id, 'program'),
    ]);
    return { programId: program.id, title: program.title, live: live ? { hour: live.hour.toISOString(), plays: live.plays } : null, episodes, ...stats };
  });

  app.get('/api/cms/analytics/top-episodes', {
    config: { role: 'viewer' },
    schema: {
      tags, summary: 'The most played episodes of a period',
      querystring: Type.Object({
        from: PeriodQuery.properties.from, to: PeriodQuery.properties.to,
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        programId: Type.Optional(Uuid),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ from: Timestamp, to: Timestamp, items: Type.Array(TopEpisodeSchema) }), ...problems(400, 401, 403) },
    },
  }, async (request) => {
    const { from, to } = period({ from: request.query.from, to: request.query.to, interval: 'day' });
    return { from: from.toISOString(), to: to.toISOString(), items: await topEpisodes(db, from, to, request.query.limit ?? 20, request.query.programId) };
  });
}
