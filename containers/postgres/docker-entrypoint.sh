#!/bin/bash
# The official postgres image's contract, in short: on first start (empty PGDATA) initdb with superuser
# POSTGRES_USER (default postgres) and password POSTGRES_PASSWORD (required), create POSTGRES_DB (default:
# POSTGRES_USER), accept password (scram-sha-256) connections from anywhere; then run the server in the
# foreground. Extra arguments go to postgres (e.g. -c fsync=off).
set -euo pipefail
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  if [[ -z "${POSTGRES_PASSWORD:-}" ]]; then
    echo "error: the database is uninitialized and POSTGRES_PASSWORD is not set" >&2
    exit 1
  fi
  mkdir -p "$PGDATA"
  chmod 700 "$PGDATA"
  pwfile="$(mktemp)"
  printf '%s' "$POSTGRES_PASSWORD" > "$pwfile"
  initdb --username="$POSTGRES_USER" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --no-locale -D "$PGDATA" >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  if [[ "$POSTGRES_DB" != postgres ]]; then
    # A server on the Unix socket only, as the official image does, until the real start below.
    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
    # psql quotes the names (:"var" is expanded in input, not in -c).
    echo 'CREATE DATABASE :"db" OWNER :"owner"' | psql -v ON_ERROR_STOP=1 -q --username="$POSTGRES_USER" \
      --dbname=postgres --set=db="$POSTGRES_DB" --set=owner="$POSTGRES_USER"
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  fi
  echo "initialized $PGDATA: user $POSTGRES_USER, database $POSTGRES_DB"
fi
exec postgres -D "$PGDATA" "$@"
