-- A presigned upload can be cancelled before it is completed (the studio's cancel button while the bytes
-- are on their way). docs/media.md always allowed pending-upload → cancelled, but 0004 tied "no type yet"
-- to pending-upload alone, so that cancel failed on the constraint. Now an asset without a detected type
-- is waiting for its upload or was cancelled while waiting; everything else has its type.
-- media_assets_check3 is the name PostgreSQL (15 and PGlite) gave 0004's
-- check ((status = 'pending-upload') = (original_type is null)).
alter table media_assets drop constraint media_assets_check3;
alter table media_assets add constraint media_assets_typed_unless_waiting check (original_type is not null or status in ('pending-upload', 'cancelled'));
alter table media_assets add constraint media_assets_waiting_untyped check (status <> 'pending-upload' or original_type is null);
-- Uploads cancelled before complete are swept with the abandoned ones once their URL has expired (bytes may
-- still arrive through it until then).
create index media_assets_cancelled_upload on media_assets (created_at) where status = 'cancelled' and original_type is null and deleted_at is null;
