-- Deleting media assets. An editor's delete is soft and immediate for everyone (the asset leaves the
-- CMS lists and its owner stops pointing at its renditions in the same transaction); its files are
-- deleted by the worker's sweep after the same grace period as replaced renditions, because players,
-- CDNs and podcast apps may still hold its URLs for a while. Presigned uploads nobody finished are
-- deleted the same way (by system:media) once their upload URL has expired.
alter table media_assets add column deleted_at timestamptz;
alter table media_assets add column deleted_by text;
-- Every file under assets/<id>/ is gone (original, renditions, job results).
alter table media_assets add column purged_at timestamptz;
alter table media_assets add constraint media_assets_deleted_by check ((deleted_at is null) = (deleted_by is null));
alter table media_assets add constraint media_assets_purged_after_delete check (purged_at is null or deleted_at is not null);
-- The sweep's work list stays small: deleted assets whose files are still there.
create index media_assets_unpurged on media_assets (deleted_at) where deleted_at is not null and purged_at is null;
-- Abandoned presigned uploads, found by age.
create index media_assets_pending_upload on media_assets (created_at) where status = 'pending-upload' and deleted_at is null;
