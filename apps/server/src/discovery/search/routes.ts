// GET /api/discovery/search and /api/discovery/suggest: public, cached like every Discovery response
// (generation-keyed, POLICIES.search), documented in OpenAPI from these schemas.
import { Type } from 'typebox';
import type { App } from '../../platform/http/server.js';
import type { Db } from '../../platform/db/db.js';
import { Language, Nullable, Slug, StringEnum, Timestamp, Uuid, problems } from '../../platform/http/schemas.js';
import { PublicEpisodeSchema, PublicProgramSchema } from '../documents.js';
import { POLICIES, type ResponseCache } from '../response-cache.js';
import { search } from './search.js';
import { MIN_PREFIX, suggest } from './suggest.js';
import { MAX_QUERY_TERMS } from '../../search/query/parse.js';
import type { SearchLog } from '../../search-analytics/recorder.js';

const Range = Type.Array(Type.Integer({ minimum: 0 }), { minItems: 2, maxItems: 2, description: '[start, end) in UTF-16 code units' });
const Ranges = Type.Array(Range);
// Hits carry their document without its description: the snippet stands in for it.
const ProgramHit = Type.Intersect([Type.Omit(PublicProgramSchema, ['description']), Type.Object({ episodeCount: Type.Integer(), latestEpisodeAt: Nullable(Timestamp) })]);
const EpisodeHit = Type.Omit(PublicEpisodeSchema, ['description']);
const Facet = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));
const DateParam = Type.String({
  maxLength: 40,
  pattern: '^\\d{4}-\\d\\d-\\d\\d(T\\d\\d:\\d\\d(:\\d\\d(\\.\\d{1,9})?)?(Z|[+-]\\d\\d:?\\d\\d))?$',
  description: 'A date (2026-01-31: the whole day, UTC) or a date-time with its offset (2026-01-31T18:00:00Z)',
});

const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({
    maxLength: 500,
    description: 'Words (all must match, any form: كتب finds الكُتُب), "exact phrases", -excluded words and -"phrases", Arabic and English mixed. ' +
      `Common words (في، هل، the) only rank. At most ${MAX_QUERY_TERMS} distinct words and forms. Empty: every public document, by the filters.`,
    examples: ['فنجان "الحلقة الأولى" -إعلان'],
  })),
  type: Type.Optional(StringEnum(['program', 'episode'], { description: 'Only programs or only episodes (default both; each hit has a type)' })),
  program: Type.Optional({ ...Slug, description: 'Program slug: the program and its episodes' }),
  category: Type.Optional({ ...Slug, description: 'Category slug (includes subcategories)' }),
  language: Type.Optional(Language),
  kind: Type.Optional(StringEnum(['podcast', 'series', 'documentary'], { description: "The program's kind" })),
  durationMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Seconds (episodes only: a duration filter leaves programs out)' })),
  durationMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Seconds' })),
  from: Type.Optional({ ...DateParam, description: 'Published at or after' }),
  to: Type.Optional({ ...DateParam, description: 'Published at or before (a date: that whole day)' }),
  sort: Type.Optional(StringEnum(['relevance', 'newest'], { default: 'relevance' })),
  cursor: Type.Optional(Type.String({ maxLength: 1024, description: 'nextCursor of the previous page (same words, filters and sort)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
}, { additionalProperties: false });

const SearchHit = Type.Object({
  type: StringEnum(['program', 'episode']),
  id: Uuid,
  score: Nullable(Type.Number(), { description: 'Relevance score (higher first); null when sorted by date' }),
  match: StringEnum(['words', 'similar', 'all'], { description: 'words: the words matched; similar: typo tolerance (a title like the words); all: no words given' }),
  title: Type.String(),
  highlights: Type.Object({
    title: { ...Ranges, description: 'Matched words in `title`' },
    description: Type.Object({
      text: Type.String({ description: 'A window of the description around the matches, … where cut' }),
      highlights: { ...Ranges, description: 'Matched words in `text`' },
    }),
  }, { description: 'Ranges, not markup: render text with your own escaping and mark these ranges' }),
  program: Type.Optional({ ...ProgramHit, description: 'Programs: the program (without its description; GET /api/discovery/programs/{slug} has it)' }),
  episode: Type.Optional({ ...EpisodeHit, description: 'Episodes: the episode (without its description; GET /api/discovery/episodes/{id} has it)' }),
});

const SearchResponse = Type.Object({
  query: Type.Object({
    terms: Type.Array(Type.String(), { description: 'Terms every hit has (as analysed)' }),
    optional: Type.Array(Type.String(), { description: 'Common words that only rank' }),
    phrases: Type.Array(Type.String()),
    excluded: Type.Array(Type.String()),
    similar: Type.Boolean({ description: 'True when the words found little and titles similar to them were added (typo tolerance)' }),
  }),
  total: Type.Integer({ description: 'Hits in all pages' }),
  items: Type.Array(SearchHit),
  nextCursor: Nullable(Type.String()),
  facets: Type.Object({
    type: Facet,
    language: Facet,
    kind: Facet,
    category: Type.Array(Type.Object({
      slug: Type.String(), nameAr: Type.String(), nameEn: Type.String(), parentSlug: Nullable(Type.String()),
      count: Type.Integer({ description: 'Hits in this category and its subcategories' }),
    })),
  }, { description: 'Counts over all hits (every page), with the filters applied' }),
});

const SuggestQuery = Type.Object({
  q: Type.String({ maxLength: 200, description: `What has been typed; the last word is a prefix (at least ${MIN_PREFIX} letters, not counting an Arabic article) unless followed by a space`, examples: ['احم'] }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 8 })),
}, { additionalProperties: false });

const SuggestResponse = Type.Object({
  items: Type.Array(Type.Object({
    type: StringEnum(['program', 'episode', 'person']),
    id: Uuid,
    title: Type.String({ description: "Title, or a person's name" }),
    highlights: { ...Ranges, description: 'The typed words in `title`' },
    slug: Nullable(Type.String()),
    program: Nullable(Type.Object({ id: Uuid, slug: Type.String(), title: Type.String() }), { description: "An episode's program" }),
  })),
});

export function registerSearchRoutes(app: App, db: Db, cache: ResponseCache, searchLog?: SearchLog) {
  const tags = ['Discovery'];
  app.get('/api/discovery/search', {
    schema: {
      tags, summary: 'Search programs and episodes',
      description: 'Full-text search in Arabic and English with filters, facet counts, highlighting and cursor pagination. ' +
        'When the words find fewer than a handful of hits, titles similar to them (typos) follow, marked match: "similar".',
      querystring: SearchQuery,
      response: { 200: SearchResponse, ...problems(400, 429) },
    },
  }, (request, reply) => {
    const { q, cursor } = request.query;
    // Search analytics counts first pages with words (a next page is the same search; filters alone are
    // browsing), cached answers included; latency is the time to have the answer, not to send it.
    // x-search-analytics: counted — a web pod's loader, whose page route counts the search itself.
    if (!searchLog || !q || cursor || request.headers['x-search-analytics'] === 'counted') return cache.respond(request, reply, POLICIES.search, () => search(db, request.query));
    const started = performance.now();
    return cache.respond(request, reply, POLICIES.search, () => search(db, request.query), {
      count: (value) => value.total,
      served: (status, total) => {
        if (status === 200) searchLog.search(q, total, performance.now() - started);
      },
    });
  });

  app.get('/api/discovery/suggest', {
    schema: {
      tags, summary: 'Complete what is being typed in the search box',
      description: 'Titles of programs and episodes, and names of hosts, whose words start with what was typed (normalised: احم finds أحمد, كتا finds الكتاب).',
      querystring: SuggestQuery,
      response: { 200: SuggestResponse, ...problems(400, 429) },
    },
  }, (request, reply) => cache.respond(request, reply, POLICIES.search, () => suggest(db, request.query.q, request.query.limit)));
}
