-- Recommendations (issue 14): item-item neighbours from co-listening, recorded as model versions. They
-- are built by the task `recs.rebuild` from listener_items (migration 0012), which they only read; the
-- Discovery API serves the active version. Trending writes the existing `popularity` columns of the read
-- model and the search index (no table of its own).

-- One build: its parameters, training window, row counts and offline metrics (MLflow's role).
create table recs_models (
  version       bigint generated always as identity primary key,
  built_at      timestamptz not null default now(),
  params        jsonb not null,
  window_from   timestamptz not null,
  window_to     timestamptz not null,
  counts        jsonb not null,
  metrics       jsonb not null,
  activated_at  timestamptz
);

-- Top-K neighbours of each episode in one version: "listeners also played", and "for you" by summing the
-- neighbours of a listener's history. Old versions are pruned with their rows (on delete cascade).
create table recs_neighbours (
  version       bigint not null references recs_models (version) on delete cascade,
  episode_id    uuid not null,
  neighbour_id  uuid not null,
  score         real not null,
  rank          smallint not null,
  primary key (version, episode_id, rank)
);

-- Small named values: the active model version, when trending last ran.
create table recs_state (
  key    text primary key,
  value  jsonb not null
);
