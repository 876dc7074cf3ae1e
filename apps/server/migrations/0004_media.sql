-- Media assets: the files editors upload for an episode (audio, video, an image) or a program (its
-- artwork), the jobs that process them, and the renditions in use. Design notes: docs/media.md and
-- docs/data-model.md. Written for PostgreSQL 15 and PGlite (PostgreSQL 18) alike.

create table media_assets (
  id                uuid primary key default gen_random_uuid(),
  -- The owner, with a real foreign key: one column per owner type, exactly one of them set.
  owner_type        text not null check (owner_type in ('episode', 'program')),
  episode_id        uuid references episodes (id),
  program_id        uuid references programs (id),
  kind              text not null check (kind in ('audio', 'video', 'image')),
  -- pending-upload: a presigned PUT was handed out, the bytes are not checked yet;
  -- uploaded: the original is stored and its type checked, processing not queued yet (the worker's
  -- media consumer queues it); queued / processing: a job waits or runs; ready / failed / cancelled:
  -- how the latest processing ended. Renditions in use are those of live_job_id, whatever the status
  -- (a failed reprocess leaves the previous renditions in place).
  status            text not null check (status in ('pending-upload', 'uploaded', 'queued', 'processing', 'ready', 'failed', 'cancelled')),
  -- Built by the server from the asset id (platform/storage/keys.ts), never from user input.
  original_key      text not null unique,
  -- The uploader's file name: metadata for editors and messages, never part of a key or a path.
  original_name     text not null default '' check (char_length(original_name) <= 255),
  -- Bytes of the original (declared by a presigned upload, counted by a streamed one).
  original_bytes    bigint not null check (original_bytes >= 0),
  -- MIME type detected from the bytes; unknown only until a presigned upload is completed.
  original_type     text check (original_type ~ '^[a-zA-Z0-9.+_-]+/[a-zA-Z0-9.+_; =-]+$'),
  -- Jobs started for the latest processing request (1 + retries).
  attempts          integer not null default 0 check (attempts between 0 and 100),
  error_code        text,
  error_message     text check (char_length(error_message) <= 2000),
  -- The job whose renditions are in use (set in the same transaction that references them).
  live_job_id       uuid,
  -- From the file (the live job's manifest): the episode's duration comes from here.
  duration_seconds  double precision check (duration_seconds >= 0),
  -- What did not stop processing but an editor should see (artwork not square, silent audio ...).
  warnings          text[] not null default '{}',
  created_by        text not null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  check ((owner_type = 'episode') = (episode_id is not null)),
  check ((owner_type = 'program') = (program_id is not null)),
  -- A program has artwork; audio and video belong to episodes.
  check (owner_type = 'episode' or kind = 'image'),
  check ((status = 'pending-upload') = (original_type is null)),
  check ((error_code is null) = (error_message is null)),
  check ((status = 'failed') = (error_code is not null)),
  check (status <> 'ready' or live_job_id is not null),
  check (live_job_id is not null or (duration_seconds is null and warnings = '{}')),
  check (status not in ('queued', 'processing') or attempts > 0)
);
create index media_assets_episode on media_assets (episode_id, created_at desc) where episode_id is not null;
create index media_assets_program on media_assets (program_id, created_at desc) where program_id is not null;

-- One row per processing attempt. Each attempt writes its renditions under its own storage folders
-- (assets/<asset>/<rendition>/<job>/...), so a half-finished attempt can never mix with another's.
create table media_jobs (
  id                   uuid primary key default gen_random_uuid(),
  asset_id             uuid not null references media_assets (id) on delete cascade,
  attempt              integer not null check (attempt between 1 and 100),
  reason               text not null check (reason in ('upload', 'reprocess', 'retry')),
  status               text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  -- Who claimed it: the runner (local child processes, or a Kubernetes Job) and the worker process.
  runner               text check (runner in ('local', 'kubernetes')),
  worker               text,
  -- Not before this time (retries back off).
  run_after            timestamptz not null default now(),
  queued_at            timestamptz not null default now(),
  started_at           timestamptz,
  -- The worker proves it is alive (and reads cancellation) while running; a stale heartbeat means it died.
  heartbeat_at         timestamptz,
  finished_at          timestamptz,
  progress             real not null default 0 check (progress between 0 and 100),
  phase                text not null default '',
  cancel_requested_at  timestamptz,
  cancel_requested_by  text,
  error_code           text,
  error_message        text check (char_length(error_message) <= 2000),
  -- The step's manifest (every output with its size and hash, the facts about the source).
  manifest             jsonb,
  -- A succeeded job whose renditions another job replaced: its files are deleted after a grace period
  -- (players and caches may still hold its URLs for a while).
  retired_at           timestamptz,
  -- Its files are deleted (failed, cancelled, or retired and past the grace period).
  purged_at            timestamptz,
  check ((worker is null) = (runner is null)),
  check ((worker is null) = (started_at is null)),
  check (status <> 'queued' or (worker is null and finished_at is null)),
  check (status <> 'running' or (worker is not null and heartbeat_at is not null and finished_at is null)),
  check ((status in ('queued', 'running')) = (finished_at is null)),
  check ((status = 'succeeded') = (manifest is not null)),
  check ((error_code is null) = (error_message is null)),
  check ((status in ('failed', 'cancelled')) = (error_code is not null)),
  check ((cancel_requested_at is null) = (cancel_requested_by is null)),
  check (retired_at is null or status = 'succeeded')
);
-- At most one job of an asset waits or runs at a time.
create unique index media_jobs_active on media_jobs (asset_id) where status in ('queued', 'running');
create index media_jobs_asset on media_jobs (asset_id, queued_at desc);
-- The queue: workers claim with `for update skip locked` from this small partial index.
create index media_jobs_queue on media_jobs (run_after) where status = 'queued';
-- Running jobs, for the heartbeat check that requeues the jobs of a dead worker.
create index media_jobs_running on media_jobs (heartbeat_at) where status = 'running';
-- Files waiting to be deleted.
create index media_jobs_unpurged on media_jobs (finished_at) where purged_at is null and (status in ('failed', 'cancelled') or retired_at is not null);

alter table media_assets add constraint media_assets_live_job foreign key (live_job_id) references media_jobs (id);

-- The renditions in use: the addressable outputs of the live job (HLS segments are counted on their
-- playlist's row, not listed one by one). Replaced as a whole when another job goes live.
create table media_renditions (
  asset_id   uuid not null references media_assets (id) on delete cascade,
  job_id     uuid not null references media_jobs (id) on delete cascade,
  role       text not null check (role in ('hls-master', 'hls-playlist', 'mp3', 'waveform', 'poster', 'artwork', 'artwork-feed')),
  -- The rendition's name ("aac-64k", "720p", "1400"); '' for one-of-a-kind outputs (the MP3, the master).
  name       text not null default '' check (name ~ '^[a-z0-9._-]{0,40}$'),
  key        text not null unique,
  mime_type  text not null,
  -- Bytes of the file; for an HLS playlist, of the playlist and all its segments.
  bytes      bigint not null check (bytes >= 0),
  sha256     text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  -- Facts that differ by role: duration, width/height, bandwidth, codecs, segment count.
  facts      jsonb not null default '{}',
  primary key (asset_id, role, name)
);
create index media_renditions_job on media_renditions (job_id);
