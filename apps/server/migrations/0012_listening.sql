-- Listening analytics (issue 14). Listener ids are anonymous: a random id the site's player keeps in the
-- browser, or for MP3 downloads through /play a keyed hash of the client that changes every day (no IP
-- address and no full user agent is stored). Platform is a reduced family ("web-chrome", "apple-podcasts",
-- "other"...).
--
-- listening_events is the raw log the aggregation reads and model builds train on; it is deleted by
-- listener id (privacy) and past the retention period. listener_items and listening_hourly are the feature
-- tables the aggregation keeps: recommendations, trending and the editors' analytics read only these.

create table listening_events (
  id                bigint generated always as identity primary key,
  beacon_id         text unique,                       -- client-made id of one event: a replay is refused
  listener_id       text not null,
  episode_id        uuid not null,
  program_id        uuid not null,
  kind              text not null check (kind in ('play', 'progress', 'complete', 'seek', 'download')),
  position_seconds  real,
  platform          text not null,
  occurred_at       timestamptz not null,
  received_at       timestamptz not null default now()
);
create index listening_events_listener on listening_events (listener_id);
create index listening_events_occurred on listening_events (occurred_at);

-- One row per listener and episode they played: the listener's history (recommendations' input).
create table listener_items (
  listener_id       text not null,
  episode_id        uuid not null,
  program_id        uuid not null,
  first_at          timestamptz not null,
  last_at           timestamptz not null,
  seconds_listened  real not null default 0,
  completed         boolean not null default false,
  primary key (listener_id, episode_id)
);
create index listener_items_episode on listener_items (episode_id);
create index listener_items_last on listener_items (last_at);

-- Per episode, hour and platform family: plays (plays and counted downloads), completions, unique
-- listeners in that hour, seconds listened.
create table listening_hourly (
  hour              timestamptz not null,
  episode_id        uuid not null,
  program_id        uuid not null,
  platform          text not null,
  plays             integer not null default 0,
  completes         integer not null default 0,
  listeners         integer not null default 0,
  seconds_listened  real not null default 0,
  primary key (hour, episode_id, platform)
);
create index listening_hourly_program on listening_hourly (program_id, hour);
