-- Content model, revisions, audit log, outbox and CMS users.
-- Written for PostgreSQL 15 and PGlite (PostgreSQL 18) alike. Design notes: docs/data-model.md.

-- People who signed in to the CMS (subjects of access tokens), for audit names and to disable access.
create table users (
  sub           text primary key check (sub <> ''),
  name          text not null,
  roles         text[] not null default '{}',
  disabled      boolean not null default false,
  created_at    timestamptz not null default now(),
  last_seen_at  timestamptz not null default now()
);

create table categories (
  id          uuid primary key default gen_random_uuid(),
  slug        text not null check (slug <> '' and slug = lower(slug)),
  parent_id   uuid references categories (id),
  name_ar     text not null check (char_length(name_ar) between 1 and 120),
  name_en     text not null check (char_length(name_en) between 1 and 120),
  position    integer not null default 0,
  version     integer not null default 1 check (version > 0),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  created_by  text not null,
  updated_by  text not null,
  deleted_at  timestamptz,
  check (parent_id <> id)
);
create unique index categories_slug_live on categories (slug) where deleted_at is null;
create index categories_parent on categories (parent_id, position);

create table people (
  id          uuid primary key default gen_random_uuid(),
  slug        text not null check (slug <> '' and slug = lower(slug)),
  name        text not null check (char_length(name) between 1 and 200),
  bio         text not null default '' check (char_length(bio) <= 5000),
  image_url   text,
  version     integer not null default 1 check (version > 0),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  created_by  text not null,
  updated_by  text not null,
  deleted_at  timestamptz
);
create unique index people_slug_live on people (slug) where deleted_at is null;
create index people_name on people (lower(name));

create table programs (
  id               uuid primary key default gen_random_uuid(),
  slug             text not null check (slug <> '' and slug = lower(slug)),
  kind             text not null check (kind in ('podcast', 'series', 'documentary')),
  title            text not null check (char_length(title) between 1 and 300),
  description      text not null default '' check (char_length(description) <= 20000),
  language         text not null check (language in ('ar', 'en')),
  category_id      uuid references categories (id),
  artwork_url      text,
  tags             text[] not null default '{}',
  explicit         boolean not null default false,
  status           text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  -- First time the program went public; kept through unpublish so feeds keep their history.
  published_at     timestamptz,
  external_source  text,
  external_id      text,
  version          integer not null default 1 check (version > 0),
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  created_by       text not null,
  updated_by       text not null,
  deleted_at       timestamptz,
  check ((external_source is null) = (external_id is null)),
  check (status <> 'published' or published_at is not null)
);
create unique index programs_slug_live on programs (slug) where deleted_at is null;
-- Imports upsert by (source, external id); deleted rows keep their claim so a re-import finds them.
create unique index programs_external on programs (external_source, external_id) where external_source is not null;
create index programs_updated on programs (updated_at desc, id desc);
create index programs_category on programs (category_id) where category_id is not null;

create table program_people (
  program_id  uuid not null references programs (id) on delete cascade,
  person_id   uuid not null references people (id),
  role        text not null check (role in ('host', 'co-host', 'guest', 'producer', 'narrator', 'editor')),
  position    integer not null default 0,
  primary key (program_id, person_id, role)
);
create index program_people_person on program_people (person_id);

create table episodes (
  id                uuid primary key default gen_random_uuid(),
  program_id        uuid not null references programs (id),
  season            integer check (season between 1 and 10000),
  number            integer check (number between 0 and 1000000),
  episode_type      text not null default 'full' check (episode_type in ('full', 'trailer', 'bonus')),
  title             text not null check (char_length(title) between 1 and 300),
  description       text not null default '' check (char_length(description) <= 50000),
  language          text not null check (language in ('ar', 'en')),
  -- Unknown until media is processed or the source says; never guessed.
  duration_seconds  integer check (duration_seconds >= 0),
  status            text not null default 'draft' check (status in ('draft', 'scheduled', 'published', 'archived')),
  -- When the episode is (or was, or will be) public. Discovery shows it only once this time has come.
  publish_at        timestamptz,
  explicit          boolean not null default false,
  tags              text[] not null default '{}',
  external_id       text,
  version           integer not null default 1 check (version > 0),
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  created_by        text not null,
  updated_by        text not null,
  deleted_at        timestamptz,
  check (status not in ('scheduled', 'published') or publish_at is not null)
);
create unique index episodes_number_live on episodes (program_id, coalesce(season, 0), number)
  where deleted_at is null and number is not null;
create unique index episodes_external on episodes (program_id, external_id) where external_id is not null;
create index episodes_program on episodes (program_id, publish_at desc);
create index episodes_updated on episodes (updated_at desc, id desc);
-- The scheduler's question, "which scheduled episodes are due?", answered from a tiny index.
create index episodes_due on episodes (publish_at) where status = 'scheduled' and deleted_at is null;

create table episode_people (
  episode_id  uuid not null references episodes (id) on delete cascade,
  person_id   uuid not null references people (id),
  role        text not null check (role in ('host', 'co-host', 'guest', 'producer', 'narrator', 'editor')),
  position    integer not null default 0,
  primary key (episode_id, person_id, role)
);
create index episode_people_person on episode_people (person_id);

-- Media an episode points at: files from imports (enclosures) now, processed assets later.
create table episode_media (
  id          uuid primary key default gen_random_uuid(),
  episode_id  uuid not null references episodes (id) on delete cascade,
  kind        text not null check (kind in ('audio', 'video', 'image', 'transcript', 'chapters')),
  url         text not null check (url ~ '^https?://'),
  mime_type   text not null check (mime_type ~ '^[a-z]+/[a-zA-Z0-9.+_-]+$'),
  byte_size   bigint check (byte_size >= 0),
  position    integer not null default 0
);
create index episode_media_episode on episode_media (episode_id, position);

-- Every version of every entity, restorable. snapshot is the API representation at that version.
create table revisions (
  entity_type  text not null check (entity_type in ('program', 'episode', 'category', 'person')),
  entity_id    uuid not null,
  version      integer not null,
  action       text not null,
  snapshot     jsonb not null,
  actor        text not null,
  created_at   timestamptz not null default now(),
  primary key (entity_type, entity_id, version)
);

create table audit_log (
  id           bigint generated always as identity primary key,
  at           timestamptz not null default now(),
  actor        text not null,
  action       text not null,
  entity_type  text,
  entity_id    uuid,
  version      integer,
  changes      jsonb not null default '{}',
  request_id   text
);
create index audit_entity on audit_log (entity_type, entity_id, id desc);
create index audit_actor on audit_log (actor, id desc);

-- Transactional outbox: one row per event, written with the change; the relay publishes and marks it.
create table outbox (
  seq           bigint generated always as identity primary key,
  id            uuid not null unique,
  type          text not null,
  entity_type   text,
  entity_id     uuid,
  payload       jsonb not null,
  actor         text not null,
  occurred_at   timestamptz not null default now(),
  published_at  timestamptz
);
create index outbox_pending on outbox (seq) where published_at is null;
