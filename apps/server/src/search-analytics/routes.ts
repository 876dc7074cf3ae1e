// The search analytics API: the site's click beacon (public, rate limited with the rest of Discovery)
// and the editors' report (CMS, viewer role and up).
import { Type } from 'typebox';
import type { App } from '../platform/http/server.js';
import type { Queryable } from '../platform/db/db.js';
import { HttpProblem } from '../platform/http/problem.js';
import { Nullable, StringEnum, Timestamp, Uuid, problems } from '../platform/http/schemas.js';
import type { SearchLog } from './recorder.js';
import { queryReport } from './store.js';

/** A beacon is a few hundred bytes; anything much larger is not one. */
const BEACON_LIMIT_BYTES = 2048;
const DAY_MS = 86_400_000;
/** The longest period one report covers (the retention is the other bound). */
const MAX_PERIOD_DAYS = 400;

const ClickBeacon = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 500, description: 'The search, as sent to GET /api/discovery/search' }),
  rank: Type.Integer({ minimum: 1, maximum: 10_000, description: 'Position of the clicked result, 1 = first (across pages)' }),
  id: { ...Uuid, description: 'The clicked result (validated; not stored)' },
  type: StringEnum(['program', 'episode']),
}, { additionalProperties: false });

/**
 * POST /api/discovery/search/clicks. The site sends it with navigator.sendBeacon, which posts
 * text/plain unless told otherwise (a type that needs no CORS preflight), so JSON is read from both.
 */
export function registerClickBeaconRoute(app: App, searchLog: SearchLog) {
  void app.register(async (beacon) => {
    beacon.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: BEACON_LIMIT_BYTES }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(new HttpProblem('malformed-body', 'The click beacon is not JSON: send {"q", "rank", "id", "type"} as application/json or text/plain.'), undefined);
      }
    });
    (beacon as App).post('/api/discovery/search/clicks', {
      bodyLimit: BEACON_LIMIT_BYTES,
      schema: {
        tags: ['Discovery'], summary: 'Report a click on a search result (search analytics)',
        description: 'Counts a click on the result at `rank` of a search for `q`, by hour and normalised query. ' +
          'Nothing that identifies the listener is kept: no address, user agent or listener id. Send it with navigator.sendBeacon.',
        body: ClickBeacon,
        response: { 204: Type.Null({ description: 'Counted' }), ...problems(400, 413, 415, 429) },
      },
    }, async (request, reply) => {
      searchLog.click(request.body.q, request.body.rank);
      return reply.code(204).send(null);
    });
  });
}

const DateOrTime = Type.String({
  maxLength: 40,
  pattern: '^\\d{4}-\\d\\d-\\d\\d(T\\d\\d:\\d\\d(:\\d\\d(\\.\\d{1,9})?)?(Z|[+-]\\d\\d:?\\d\\d))?$',
  description: 'A date (UTC midnight) or a date-time with its offset',
});

const ReportQuery = Type.Object({
  from: Type.Optional({ ...DateOrTime, description: 'Start of the period, inclusive (default: 7 days before `to`)' }),
  to: Type.Optional({ ...DateOrTime, description: 'End of the period, exclusive (default: now)' }),
  sort: Type.Optional(StringEnum(['searches', 'zero', 'ctr'], {
    default: 'searches',
    description: 'searches: most searched first; zero: queries that found nothing, most often first; ctr: lowest click-through first (queries with at least `minSearches` searches that found something)',
  })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  minSearches: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 5, description: 'sort=ctr: leave out queries searched (with results) fewer times than this' })),
}, { additionalProperties: false });

const ReportRow = Type.Object({
  query: Type.String({ description: 'The normalised query (the analyzer\'s terms): the grouping key' }),
  sample: Type.String({ description: 'The query as someone typed it (the latest form seen)' }),
  searches: Type.Integer({ description: 'First pages answered, cached or not (suggestions and next pages are not counted)' }),
  zeroResults: Type.Integer({ description: 'Searches that found nothing' }),
  meanResults: Type.Number(),
  meanLatencyMs: Type.Number({ description: 'Mean time to the answer in the Discovery process (a cached answer takes well under a millisecond)' }),
  maxLatencyMs: Type.Number(),
  clicks: Type.Integer({ description: 'Clicks on a result reported by the site' }),
  clicksFirst: Type.Integer({ description: 'Clicks on the first result' }),
  meanClickRank: Nullable(Type.Number()),
  ctr: Type.Number({ description: 'Click-through rate: clicks per search, at most 1' }),
});

const ReportResponse = Type.Object({
  from: Timestamp,
  to: Timestamp,
  sort: StringEnum(['searches', 'zero', 'ctr']),
  totals: Type.Object({
    searches: Type.Integer(), zeroResults: Type.Integer(), clicks: Type.Integer(),
    queries: Type.Integer({ description: 'Distinct normalised queries searched in the period' }),
  }),
  items: Type.Array(ReportRow),
});

const invalid = (name: string, detail: string, message: string) =>
  new HttpProblem('validation-failed', detail, { errors: [{ in: 'querystring', pointer: `/${name}`, message }] });

function parseDate(value: string, name: string): Date {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  // A calendar date must exist (2026-02-30 is not rolled over into March).
  if (Number.isNaN(date.getTime()) || (value.length >= 10 && !Number.isNaN(date.getTime()) && value.length === 10 && date.toISOString().slice(0, 10) !== value)) throw invalid(name, `${name} is not a real date: ${value}`, 'not a real date');
  return date;
}

export function registerSearchAnalyticsCmsRoutes(app: App, db: Queryable) {
  app.get('/api/cms/analytics/search/queries', {
    config: { role: 'viewer' },
    schema: {
      tags: ['Analytics'], summary: 'Search analytics: top queries, zero-result queries, click-through by query',
      description: 'Counts per normalised query over a period, from the hourly rows Discovery writes (whole hours: an hour is in the period when it starts in it). ' +
        'Only query text and counts are kept. Counts reach the database within SEARCH_ANALYTICS_FLUSH_MS.',
      querystring: ReportQuery,
      response: { 200: ReportResponse, ...problems(400, 401, 403) },
    },
  }, async (request) => {
    const { sort = 'searches', limit = 50, minSearches = 5 } = request.query;
    const to = request.query.to ? parseDate(request.query.to, 'to') : new Date();
    const from = request.query.from ? parseDate(request.query.from, 'from') : new Date(to.getTime() - 7 * DAY_MS);
    if (from >= to) throw invalid('from', `from (${from.toISOString()}) must be before to (${to.toISOString()})`, 'must be before to');
    if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) throw invalid('from', `The period is longer than ${MAX_PERIOD_DAYS} days; ask for a shorter one`, `at most ${MAX_PERIOD_DAYS} days before to`);
    const report = await queryReport(db, { from, to, sort, limit, minSearches });
    return { from: from.toISOString(), to: to.toISOString(), sort, ...report };
  });
}
