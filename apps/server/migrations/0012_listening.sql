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

-- Added by the listening-analytics slice (docs/analytics.md); the columns above keep their names and meaning.

-- Seconds of playback a progress or complete beacon reports since the listener's previous beacon (the
-- player measures it); listening_hourly.seconds_listened and listener_items.seconds_listened sum it.
alter table listening_events add column listened_seconds real not null default 0;

-- How many of an hour's plays are counted MP3 downloads (plays keeps its meaning: play beacons plus
-- downloads). Completion rates are taken over the player's plays (plays - downloads): a download
-- never reports its end.
alter table listening_hourly add column downloads integer not null default 0;

-- The aggregation's position in listening_events (exactly-once: it moves in the transaction that applies
-- the events up to it). One row per aggregation.
create table listening_aggregation (
  name          text primary key,
  position      bigint not null default 0,
  updated_at    timestamptz not null default now()
);
insert into listening_aggregation (name) values ('hourly');

-- Who was already counted in an hour's unique listeners (so listening_hourly.listeners can grow by new
-- listeners only, and a deleted listener can be taken out again). Trimmed with the raw events.
create table listening_hour_listeners (
  hour          timestamptz not null,
  episode_id    uuid not null,
  program_id    uuid not null,
  platform      text not null,
  listener_id   text not null,
  primary key (hour, episode_id, platform, listener_id)
);
create index listening_hour_listeners_listener on listening_hour_listeners (listener_id);
create index listening_hour_listeners_program on listening_hour_listeners (program_id, hour);

-- MP3 downloads through /play (IAB-style): when a client (a keyed hash of address and user agent) was
-- last counted for an episode. Rows older than 48 hours are deleted hourly; they count nothing after 24.
create table listening_downloads (
  client        text not null,
  episode_id    uuid not null,
  counted_at    timestamptz not null,
  primary key (client, episode_id)
);
create index listening_downloads_counted on listening_downloads (counted_at);

-- The day's random key of the download client hash. Deleted after two days, so that no hash can be
-- recomputed from an address later.
create table listening_client_keys (
  day           date primary key,
  key           bytea not null
);
