#!/bin/sh
# Restores a dump made by pg-backup.sh into an EMPTY database: fetches it from the object store
# (RESTORE_KEY, or the one LATEST names), checks its SHA-256, then `pg_restore --exit-on-error
# --single-transaction`, so a failed restore leaves the database as empty as it was. Refuses a
# database that already has tables in schema public (a restore is never a merge).
#
#   pg-restore.sh fetch | restore | all
#
# Same variables as pg-backup.sh; PGDATABASE is the database restored INTO. RESTORE_KEY is a name
# under BACKUP_PREFIX (e.g. thmnayah-20260101T020000Z.dump); SOURCE_DATABASE names the backed-up
# database when it differs from PGDATABASE (the default prefix is postgres/<source database>).
set -eu

phase=${1:-all}
: "${BACKUP_DIR:=/backup}"
: "${PGDATABASE:?PGDATABASE is required}"
: "${SOURCE_DATABASE:=$PGDATABASE}"
: "${BACKUP_PREFIX:=postgres/$SOURCE_DATABASE}"
: "${S3_REGION:=us-east-1}"

get() {
  curl --silent --show-error --fail --retry 3 \
    --aws-sigv4 "aws:amz:$S3_REGION:s3" --user "$S3_ACCESS_KEY_ID:$S3_SECRET_ACCESS_KEY" \
    --header "x-amz-content-sha256: UNSIGNED-PAYLOAD" \
    --output "$2" "$S3_ENDPOINT/$S3_BUCKET/$1"
}

fetch() {
  : "${S3_ENDPOINT:?S3_ENDPOINT is required}" "${S3_BUCKET:?S3_BUCKET is required}"
  : "${S3_ACCESS_KEY_ID:?S3_ACCESS_KEY_ID is required}" "${S3_SECRET_ACCESS_KEY:?S3_SECRET_ACCESS_KEY is required}"
  mkdir -p "$BACKUP_DIR"
  if [ -z "${RESTORE_KEY:-}" ]; then
    get "$BACKUP_PREFIX/LATEST" "$BACKUP_DIR/NAME"
    RESTORE_KEY=$(cat "$BACKUP_DIR/NAME")
  else
    echo "$RESTORE_KEY" > "$BACKUP_DIR/NAME"
  fi
  get "$BACKUP_PREFIX/$RESTORE_KEY" "$BACKUP_DIR/$RESTORE_KEY"
  get "$BACKUP_PREFIX/$RESTORE_KEY.sha256" "$BACKUP_DIR/$RESTORE_KEY.sha256"
  (cd "$BACKUP_DIR" && sha256sum -c "$RESTORE_KEY.sha256")
  echo "fetched $BACKUP_PREFIX/$RESTORE_KEY"
}

restore() {
  name=$(cat "$BACKUP_DIR/NAME")
  tables=$(psql --no-psqlrc --tuples-only --no-align --command "select count(*) from pg_tables where schemaname = 'public'")
  if [ "$tables" != "0" ]; then
    echo "refusing to restore into $PGDATABASE: it has $tables tables in schema public (restore into an empty database)" >&2
    exit 1
  fi
  pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname="$PGDATABASE" "$BACKUP_DIR/$name"
  echo "restored $name into $PGDATABASE"
}

case "$phase" in
  fetch) fetch ;;
  restore) restore ;;
  all) fetch && restore ;;
  *) echo "usage: $0 fetch|restore|all" >&2; exit 2 ;;
esac
