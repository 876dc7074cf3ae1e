-- The event runtime: publish order, consumer positions, idempotency, retries and dead letters.
-- Written for PostgreSQL 15 and PGlite (PostgreSQL 18) alike. Design notes: docs/events.md.

-- The order in which the relay published each row. seq is taken at insert, so two transactions can
-- commit out of seq order; a reader that followed seq could skip a row committed late. Only the
-- relay holding the leader lock assigns publish_seq, and it commits before letting go, so
-- publish_seq only ever grows in commit order: the in-process bus reads the outbox by it.
alter table outbox add column publish_seq bigint;
create unique index outbox_publish_order on outbox (publish_seq) where publish_seq is not null;

-- Wakes relays (LISTEN thmnayah_outbox) when an event row commits: NOTIFY is transactional, so
-- the signal arrives exactly when the row becomes visible. Once per statement is enough.
create function thmnayah_outbox_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('thmnayah_outbox', '');
  return null;
end
$$;
create trigger outbox_notify after insert on outbox for each statement execute function thmnayah_outbox_notify();

-- Where each durable consumer of the in-process bus stands in the published log (publish_seq).
-- On NATS JetStream the stream's durable consumer keeps this position instead.
create table event_consumer_positions (
  consumer    text primary key check (consumer ~ '^[a-z0-9][a-z0-9_-]*$'),
  position    bigint not null default 0,
  updated_at  timestamptz not null default now()
);

-- Events a consumer has handled (or parked): a redelivered event is recognised here and skipped.
-- Written in the same transaction as the handler's own database changes.
create table processed_events (
  consumer      text not null,
  event_id      uuid not null,
  processed_at  timestamptz not null default now(),
  primary key (consumer, event_id)
);
create index processed_events_age on processed_events (processed_at);

-- Attempts so far of an event a consumer is retrying; removed when it succeeds or is parked.
create table event_failures (
  consumer         text not null,
  event_id         uuid not null,
  attempts         integer not null check (attempts > 0),
  last_error       text not null,
  next_attempt_at  timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  primary key (consumer, event_id)
);

-- Events a consumer gave up on after its maximum attempts. An operator lists them and asks for a
-- replay (status 'replay'); the running consumer then handles them again and marks them 'replayed'.
create table event_dead_letters (
  id                   bigint generated always as identity primary key,
  consumer             text not null,
  event_id             uuid not null,
  event_type           text not null,
  event                jsonb not null,
  attempts             integer not null,
  last_error           text not null,
  status               text not null default 'dead' check (status in ('dead', 'replay', 'replayed')),
  replays              integer not null default 0,
  dead_at              timestamptz not null default now(),
  replay_requested_at  timestamptz,
  replayed_at          timestamptz,
  unique (consumer, event_id)
);
create index event_dead_letters_open on event_dead_letters (consumer, id) where status <> 'replayed';
