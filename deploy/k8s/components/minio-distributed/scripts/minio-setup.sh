#!/bin/sh
# Configures the MinIO cluster for Thmnayah, idempotently (the Job re-runs it on every sync):
#   - the media bucket and the backup bucket, both versioned (a deleted or overwritten object stays
#     recoverable as a non-current version until the lifecycle rule expires it);
#   - the lifecycle rules of each bucket (config/*-lifecycle.json);
#   - two least-privilege policies (config/*-policy.json) and the users that hold them: the server's
#     (the keys of Secret thmnayah-s3) and the PostgreSQL backup's (Secret postgres-backup-s3).
# The root credentials (Secret minio-credentials) are used here and nowhere else.
#
# Environment: MINIO_SERVER, MINIO_ROOT_USER, MINIO_ROOT_PASSWORD, MEDIA_BUCKET, BACKUP_BUCKET,
# SERVER_ACCESS_KEY, SERVER_SECRET_KEY, BACKUP_ACCESS_KEY, BACKUP_SECRET_KEY, CONFIG_DIR.
set -eu

: "${CONFIG_DIR:=/config}"
export MC_CONFIG_DIR="${MC_CONFIG_DIR:-/tmp/mc}"

# Waits for the cluster: a distributed MinIO answers only once a write quorum of its drives is up.
tries=0
until mc alias set thmnayah "$MINIO_SERVER" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null 2>&1 && mc admin info thmnayah >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "MinIO at $MINIO_SERVER did not answer after $tries tries" >&2
    exit 1
  fi
  sleep 5
done

bucket() {
  mc mb --ignore-existing "thmnayah/$1"
  mc version enable "thmnayah/$1"
  mc ilm rule import "thmnayah/$1" < "$CONFIG_DIR/$2"
}

# A policy, a user with the given keys, and the policy attached to it (attach reports an error when it
# is attached already; that is the state this script wants).
user() {
  mc admin policy create thmnayah "$1" "$CONFIG_DIR/$1-policy.json"
  mc admin user add thmnayah "$2" "$3"
  if ! out=$(mc admin policy attach thmnayah "$1" --user "$2" 2>&1); then
    case "$out" in
      *"already in effect"*) ;;
      *) echo "$out" >&2; exit 1 ;;
    esac
  fi
}

bucket "$MEDIA_BUCKET" media-lifecycle.json
bucket "$BACKUP_BUCKET" backups-lifecycle.json
user thmnayah-server "$SERVER_ACCESS_KEY" "$SERVER_SECRET_KEY"
user postgres-backup "$BACKUP_ACCESS_KEY" "$BACKUP_SECRET_KEY"
echo "MinIO configured: buckets $MEDIA_BUCKET and $BACKUP_BUCKET versioned with lifecycle rules; users for the server and the backup"
