-- The ETag of the original the upload checked (its type from its first bytes, its size). Processing reads
-- the original only while it still has this ETag: a presigned PUT URL stays valid for hours after `complete`,
-- and bytes written through it afterwards must not be processed as the checked file (issue 15).
-- Null for assets made before this column (processed as before) and for presigned uploads not completed.
alter table media_assets add column original_etag text;
