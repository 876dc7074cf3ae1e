#!/bin/sh
# Backs up one PostgreSQL database to the object store: `pg_dump --format=custom` into $BACKUP_DIR,
# then an S3 PUT of the dump, its SHA-256, and a LATEST pointer naming it (what pg-restore.sh reads
# when RESTORE_KEY is unset). POSIX sh, so the same file runs in the postgres image (dash: `dump`),
# in the curl image (busybox: `upload`) and on a workstation or in the drill test (`all`).
#
#   pg-backup.sh dump | upload | all
#
# PostgreSQL: the libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE).
# Object store: S3_ENDPOINT (http[s]://host[:port], path-style), S3_BUCKET, S3_REGION (us-east-1),
# S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, BACKUP_PREFIX (postgres/<database>).
set -eu

phase=${1:-all}
: "${BACKUP_DIR:=/backup}"
: "${PGDATABASE:?PGDATABASE is required}"
: "${BACKUP_PREFIX:=postgres/$PGDATABASE}"
: "${S3_REGION:=us-east-1}"

dump() {
  mkdir -p "$BACKUP_DIR"
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  file="$BACKUP_DIR/$PGDATABASE-$stamp.dump"
  # Custom format: compressed, and pg_restore can restore it in parallel or pick objects from it.
  # --no-owner/--no-privileges: the restore target's owner need not be the source's.
  pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$file.partial"
  mv "$file.partial" "$file"
  (cd "$BACKUP_DIR" && sha256sum "$(basename "$file")" > "$(basename "$file").sha256")
  basename "$file" > "$BACKUP_DIR/NAME"
  echo "dumped $PGDATABASE to $file ($(wc -c < "$file") bytes)"
}

# An S3 PUT signed with SigV4 by curl itself (no AWS CLI or mc needed).
put() {
  curl --silent --show-error --fail --retry 3 \
    --aws-sigv4 "aws:amz:$S3_REGION:s3" --user "$S3_ACCESS_KEY_ID:$S3_SECRET_ACCESS_KEY" \
    --header "x-amz-content-sha256: UNSIGNED-PAYLOAD" \
    --upload-file "$1" "$S3_ENDPOINT/$S3_BUCKET/$2"
}

upload() {
  : "${S3_ENDPOINT:?S3_ENDPOINT is required}" "${S3_BUCKET:?S3_BUCKET is required}"
  : "${S3_ACCESS_KEY_ID:?S3_ACCESS_KEY_ID is required}" "${S3_SECRET_ACCESS_KEY:?S3_SECRET_ACCESS_KEY is required}"
  name=$(cat "$BACKUP_DIR/NAME")
  put "$BACKUP_DIR/$name" "$BACKUP_PREFIX/$name"
  put "$BACKUP_DIR/$name.sha256" "$BACKUP_PREFIX/$name.sha256"
  # Last, so LATEST never names a dump that is not all there.
  put "$BACKUP_DIR/NAME" "$BACKUP_PREFIX/LATEST"
  echo "uploaded $BACKUP_PREFIX/$name to $S3_BUCKET"
}

case "$phase" in
  dump) dump ;;
  upload) upload ;;
  all) dump && upload ;;
  *) echo "usage: $0 dump|upload|all" >&2; exit 2 ;;
esac
