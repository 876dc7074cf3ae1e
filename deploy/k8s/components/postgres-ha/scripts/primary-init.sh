#!/bin/sh
# Runs once, when the primary's data directory is first created (/docker-entrypoint-initdb.d of the
# official image): the replication user, its pg_hba.conf line and the replica's physical slot.
# The slot keeps the WAL the replica still needs across its restarts; max_slot_wal_keep_size bounds it.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v user="$REPLICATION_USER" -v password="$REPLICATION_PASSWORD" -v slot="$REPLICATION_SLOT" <<'SQL'
create role :"user" with replication login password :'password';
select pg_create_physical_replication_slot(:'slot');
SQL
echo "host replication $REPLICATION_USER all scram-sha-256" >> "$PGDATA/pg_hba.conf"
