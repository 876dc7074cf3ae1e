-- listener_items gets an update for every listener and episode in every aggregation step (a listener's
-- progress beacon every 30 s means one update of the same row every 30 s while they listen), and each
-- update of a row with an indexed column that changes (last_at) writes a new entry into every index of the
-- table. Profiles of the ingest benchmark had this upsert at a third of PGlite's time. So:
--
-- - listener_items_episode goes: nothing reads listener_items by episode alone (recommendations read a
--   listener's rows through the primary key; analytics read listening_hourly).
-- - listener_items_last goes: retention now finds stale rows through the raw events it deletes (a row's
--   last_at is its newest event's time, so a row older than the retention loses its last events in the same
--   pass: listening/privacy.ts), and a model build reads its training window, most of the table, in one scan.
-- - with no indexed column changing, an update can stay on its page (a HOT update: no index entries at
--   all) when the page has room: new pages keep a quarter free for that. Existing pages are unchanged.
drop index if exists listener_items_episode;
drop index if exists listener_items_last;
alter table listener_items set (fillfactor = 75);
