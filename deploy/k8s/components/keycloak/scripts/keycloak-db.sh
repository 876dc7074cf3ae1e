#!/bin/sh
# Makes Keycloak's database on the PostgreSQL primary, idempotently: role keycloak (its password set
# from KEYCLOAK_DB_PASSWORD on every run, so rotating the Secret and re-running the Job is enough) and
# database keycloak owned by it. Runs as the cluster's superuser (the libpq variables PGHOST, PGUSER,
# PGPASSWORD, PGDATABASE of the postgres-backup ConfigMap and Secret postgres-credentials).
set -eu

: "${KEYCLOAK_DB_USER:=keycloak}"
: "${KEYCLOAK_DB_NAME:=keycloak}"
: "${KEYCLOAK_DB_PASSWORD:?KEYCLOAK_DB_PASSWORD is required}"

tries=0
until pg_isready --quiet; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "PostgreSQL at $PGHOST did not answer" >&2
    exit 1
  fi
  sleep 5
done

psql --no-psqlrc -v ON_ERROR_STOP=1 -v user="$KEYCLOAK_DB_USER" -v db="$KEYCLOAK_DB_NAME" -v pw="$KEYCLOAK_DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'user') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user')\gexec
ALTER ROLE :"user" WITH LOGIN PASSWORD :'pw';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db')\gexec
SQL
echo "database $KEYCLOAK_DB_NAME and role $KEYCLOAK_DB_USER ready on $PGHOST"
