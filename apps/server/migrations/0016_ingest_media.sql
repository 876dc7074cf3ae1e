-- Imports that bring their media along (`--with-media`): moving a back catalogue off its old host.
-- Each row is one file to fetch through the safe fetcher into storage; the worker then makes it a media
-- asset exactly as an upload would (media.uploaded), and the media pipeline processes it. A row is the
-- unit of resumption: files done stay done, a failed one is retried with backoff, and a process that
-- died mid-file leaves a lease that another worker takes over.
create table ingest_media_fetches (
  id               uuid primary key default gen_random_uuid(),
  owner_type       text not null check (owner_type in ('episode', 'program')),
  owner_id         uuid not null,
  kind             text not null check (kind in ('audio', 'video', 'image')),
  url              text not null check (url ~ '^https?://'),
  status           text not null default 'queued' check (status in ('queued', 'fetching', 'done', 'failed', 'skipped')),
  attempts         integer not null default 0 check (attempts >= 0),
  next_attempt_at  timestamptz not null default now(),
  runner           text,
  lease_until      timestamptz,
  bytes            bigint,
  asset_id         uuid,
  error            text,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  unique (owner_type, owner_id, url)
);
create index ingest_media_fetches_due on ingest_media_fetches (next_attempt_at) where status in ('queued', 'fetching');
create index ingest_media_fetches_owner on ingest_media_fetches (owner_id);

-- A subscription can bring the media of new items too.
alter table ingest_subscriptions add column with_media boolean not null default false;
