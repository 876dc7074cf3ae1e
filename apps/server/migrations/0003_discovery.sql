-- The Discovery read model: public documents projected from content events by the worker (indexer).
-- Discovery reads only these tables. Each row holds the API document (`document`) plus the columns
-- its filters and sorts need. Rows exist only for public content, so a draft cannot leak from here.
-- Slugs are indexed but not unique: events of different entities may arrive out of order (a deleted
-- program's slug taken by a new one), and readers pick the most recent.

create table discovery_categories (
  id          uuid primary key,
  slug        text not null,
  parent_id   uuid,
  position    integer not null,
  document    jsonb not null
);
create index discovery_categories_slug on discovery_categories (slug);

create table discovery_programs (
  id                 uuid primary key,
  slug               text not null,
  kind               text not null,
  language           text not null,
  category_id        uuid,
  title              text not null,
  published_at       timestamptz not null,
  latest_episode_at  timestamptz,
  episode_count      integer not null default 0,
  popularity         real not null default 0,
  document           jsonb not null
);
create index discovery_programs_slug on discovery_programs (slug, published_at desc);
create index discovery_programs_latest on discovery_programs (latest_episode_at desc nulls last, id desc);
create index discovery_programs_category on discovery_programs (category_id, latest_episode_at desc nulls last, id desc);

create table discovery_episodes (
  id                uuid primary key,
  program_id        uuid not null references discovery_programs (id) on delete cascade,
  kind              text not null,
  language          text not null,
  category_id       uuid,
  duration_seconds  integer,
  publish_at        timestamptz not null,
  popularity        real not null default 0,
  document          jsonb not null
);
create index discovery_episodes_latest on discovery_episodes (publish_at desc, id desc);
create index discovery_episodes_program on discovery_episodes (program_id, publish_at desc, id desc);
create index discovery_episodes_category on discovery_episodes (category_id, publish_at desc, id desc);

create table discovery_people (
  id        uuid primary key,
  slug      text not null,
  name      text not null,
  document  jsonb not null
);
create index discovery_people_slug on discovery_people (slug);

-- Which people appear in which public programs and episodes (for person pages).
create table discovery_credits (
  person_id   uuid not null,
  program_id  uuid not null references discovery_programs (id) on delete cascade,
  episode_id  uuid references discovery_episodes (id) on delete cascade,
  role        text not null
);
create index discovery_credits_person on discovery_credits (person_id);
create index discovery_credits_program on discovery_credits (program_id);
create index discovery_credits_episode on discovery_credits (episode_id);

-- A counter bumped whenever the read model changes; response caches are keyed by it.
create table discovery_state (
  key    text primary key,
  value  bigint not null
);
insert into discovery_state (key, value) values ('generation', 1);
