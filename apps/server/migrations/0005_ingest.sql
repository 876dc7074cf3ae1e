-- Feed imports and published feeds. Content itself stays in the content tables and changes only through
-- the content layer (revision, audit entry and event per change); these tables hold the importer's own
-- bookkeeping: what each feed item last said, which items are gone from their feed, which feeds are
-- subscribed and when to read them again, the runs with their progress, and the validators of the
-- podcast feeds we serve. Design notes: docs/ingest.md, docs/feeds.md.

-- What the feed said about an imported program the last time it was imported (the base of a three-way
-- merge: a field the feed did not change since is left as the editor has it).
create table ingest_programs (
  program_id        uuid primary key references programs (id),
  imported          jsonb not null,
  imported_hash     text not null,
  last_imported_at  timestamptz not null default now()
);

-- One row per imported episode: its feed item (external id), what the feed said last time, and whether
-- the item is still in the feed. Items that leave the feed are flagged (missing_since), never deleted.
create table ingest_items (
  program_id     uuid not null references programs (id),
  external_id    text not null,
  episode_id     uuid not null references episodes (id),
  imported       jsonb not null,
  imported_hash  text not null,
  first_seen_at  timestamptz not null default now(),
  missing_since  timestamptz,
  primary key (program_id, external_id)
);
create unique index ingest_items_episode on ingest_items (episode_id);
create index ingest_items_missing on ingest_items (program_id, missing_since) where missing_since is not null;

-- A program imported from a URL is subscribed: the cron role reads its feed again on a schedule, with a
-- conditional GET (etag / last_modified of the last answer) and exponential backoff after failures.
create table ingest_subscriptions (
  program_id        uuid primary key references programs (id),
  feed_url          text not null check (feed_url ~ '^https?://'),
  -- New items found by a re-sync arrive published (true) or as drafts, as chosen at the first import.
  publish           boolean not null default false,
  active            boolean not null default true,
  etag              text,
  last_modified     text,
  interval_seconds  integer not null check (interval_seconds >= 60),
  next_attempt_at   timestamptz not null default now(),
  -- A cron process holds a subscription while it syncs it, so several cron pods never sync one twice.
  lease_until       timestamptz,
  last_attempt_at   timestamptz,
  last_success_at   timestamptz,
  last_outcome      text check (last_outcome in ('imported', 'not-modified', 'failed')),
  last_error        text,
  failures          integer not null default 0 check (failures >= 0),
  -- Where the feed lived before it moved (itunes:new-feed-url or a permanent redirect), newest last.
  previous_urls     text[] not null default '{}',
  created_at        timestamptz not null default now(),
  created_by        text not null,
  updated_at        timestamptz not null default now()
);
create index ingest_subscriptions_due on ingest_subscriptions (next_attempt_at) where active;

-- Every import (CLI, CMS API, cron re-sync that read a document): progress while it runs, then its summary.
create table ingest_runs (
  id            uuid primary key default gen_random_uuid(),
  trigger       text not null check (trigger in ('cli', 'api', 'cron')),
  source        text not null,
  program_id    uuid references programs (id),
  options       jsonb not null default '{}',
  status        text not null default 'running' check (status in ('running', 'succeeded', 'failed', 'cancelled')),
  done          integer not null default 0,
  total         integer not null default 0,
  summary       jsonb,
  error         jsonb,
  actor         text not null,
  started_at    timestamptz not null default now(),
  heartbeat_at  timestamptz not null default now(),
  finished_at   timestamptz
);
create index ingest_runs_recent on ingest_runs (started_at desc, id desc);
create index ingest_runs_program on ingest_runs (program_id, started_at desc) where program_id is not null;

-- The podcast feeds we serve: the ETag of the last rendering and when the rendering last changed, so
-- Last-Modified moves forward whenever the feed's bytes change (also when an episode leaves it).
-- Keyed to the read model: a program that stops being public loses its row.
create table feed_renditions (
  program_id     uuid primary key references discovery_programs (id) on delete cascade,
  etag           text not null,
  last_modified  timestamptz not null
);
