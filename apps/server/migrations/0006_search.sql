-- The search index: one row per public program or episode, written by the search listener of the
-- Discovery projector in the same transaction as the read model (so a document is searchable exactly
-- when it is public, and gone the moment it is not). Text is analysed by our own analyzer
-- (apps/server/src/search/analysis) and stored as tsvector literals: PostgreSQL never applies a
-- language configuration here, it only stores, matches and ranks our terms.
create extension if not exists pg_trgm;

-- Recency and popularity as one additive boost in log space: score = ln(text rank) + boost. Recency
-- is ln 2 per half-life (365 days) since a fixed epoch rather than an age relative to now(): ranking
-- by text · 2^(-age / half-life) orders documents exactly as this does, and the score of a document
-- stays the same from one request to the next, which relevance cursors (score + id) need.
-- Popularity (any non-negative count, e.g. recent plays) adds ln(1 + ln(1 + p) / 4): 0 → 0, 100 → 0.77,
-- 10,000 → 1.2, so a popular document counts as a year or two newer, never more.
create function search_boost(recency_at timestamptz, popularity real) returns double precision
  language sql stable parallel safe
  return (extract(epoch from recency_at)::double precision - 1577836800) / (365.0 * 86400) * ln(2.0)
         + ln(1 + ln(1 + greatest(popularity, 0)::double precision) / 4);

-- Rows are kept narrow on purpose: counting facets and ranking visit every matching row, so the bytes
-- of a row are the cost of a search that matches many documents (measured: docs/search.md).
create table search_documents (
  id                uuid primary key,
  type              text not null check (type in ('program', 'episode')),
  -- For a program its own id, so "program = x" finds the program and its episodes.
  program_id        uuid not null,
  category_id       uuid,
  language          text not null,
  -- The program's kind (podcast, series, documentary); episodes carry their program's.
  kind              text not null,
  duration_seconds  integer,
  -- Programs: publishedAt; episodes: publishAt (also the "not before" guard of every query).
  published_at      timestamptz not null,
  -- What recency is measured from: an episode's publish time, a program's newest episode.
  recency_at        timestamptz not null,
  popularity        real not null default 0,
  boost             double precision not null,
  -- Matching: every stemmed term of every field (title, program name, people, tags, description),
  -- without positions or weights (the GIN index answers "which documents have these terms" alone).
  terms             tsvector not null,
  -- Ranking: the short fields with weights and positions, title A, program name B, people and tags C;
  -- each word as its stemmed term and as its exact form marked with a leading "=" (so a query's exact
  -- forms add rank: the form typed outranks other forms of the word). Descriptions match but do not
  -- rank (see search.ts), which keeps this small and inline.
  head              tsvector not null,
  -- The normalised title, for typo-tolerant trigram matching.
  title_norm        text not null
);
create index search_documents_terms on search_documents using gin (terms);
create index search_documents_title_trgm on search_documents using gin (title_norm gin_trgm_ops);
create index search_documents_newest on search_documents (published_at desc, id desc);
create index search_documents_boost on search_documents (boost desc, id desc);
create index search_documents_program on search_documents (program_id, type);

-- The exact (normalised, unstemmed) forms of every field with weights and positions: "exact phrases"
-- and -"excluded phrases" are checked here, for the few rows the terms already matched.
create table search_exact (
  id     uuid primary key references search_documents (id) on delete cascade,
  exact  tsvector not null
);

-- As-you-type completion: one row per word form of a title (and of a program's people), read by
-- prefix range on a byte-ordered (collate "C") index. `owner_id` is the document the row came from
-- (rows are replaced with it); `target` is what the suggestion opens (a program, an episode, a person).
create table search_completions (
  word         text collate "C" not null,
  owner_id     uuid not null,
  target_type  text not null check (target_type in ('program', 'episode', 'person')),
  target_id    uuid not null,
  score        double precision not null
);
create index search_completions_word on search_completions (word, score desc) include (target_type, target_id);
create index search_completions_owner on search_completions (owner_id);
