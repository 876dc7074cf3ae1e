#!/bin/sh
# The replica's init container: on an empty volume, a base backup of the primary that streams the WAL
# written meanwhile (-X stream) and writes standby.signal and primary_conninfo (-R), so PostgreSQL
# starts as a hot standby. A volume that already holds a standby is left alone (it resumes streaming).
set -eu
: "${PRIMARY_HOST:?PRIMARY_HOST is required}" "${PRIMARY_PORT:=5432}"
: "${REPLICATION_USER:?}" "${REPLICATION_SLOT:?}" "${PGDATA:?}"
if [ -s "$PGDATA/PG_VERSION" ]; then
  echo "$PGDATA holds a data directory: resuming as a standby"
  exit 0
fi
mkdir -p "$PGDATA"
chmod 700 "$PGDATA"
until pg_isready --host="$PRIMARY_HOST" --port="$PRIMARY_PORT" --quiet; do
  echo "waiting for the primary at $PRIMARY_HOST"
  sleep 2
done
PGPASSWORD="${REPLICATION_PASSWORD:-}" pg_basebackup --host="$PRIMARY_HOST" --port="$PRIMARY_PORT" --username="$REPLICATION_USER" \
  --pgdata="$PGDATA" --wal-method=stream --write-recovery-conf --slot="$REPLICATION_SLOT" --checkpoint=fast
echo "cloned the primary into $PGDATA"
