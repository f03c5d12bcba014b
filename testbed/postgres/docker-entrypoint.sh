#!/usr/bin/env bash
# Entrypoint of the test bed's PostgreSQL images: the official postgres image's contract
# (POSTGRES_USER/PASSWORD/DB/INITDB_ARGS/HOST_AUTH_METHOD, PGDATA, /docker-entrypoint-initdb.d).
set -Eeuo pipefail

: "${PGDATA:=/var/lib/postgresql/data}"
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
: "${POSTGRES_HOST_AUTH_METHOD:=scram-sha-256}"
: "${POSTGRES_PASSWORD:=}"
: "${POSTGRES_INITDB_ARGS:=}"
export PGDATA POSTGRES_USER POSTGRES_DB

log() { echo "$(date -u '+%F %T UTC') [entrypoint] $*"; }

# `docker run IMAGE -c foo=bar` means postgres options.
[ "${1:-}" ] || set -- postgres
[ "${1:0:1}" = '-' ] && set -- postgres "$@"

if [ "${1:-}" != postgres ]; then
  exec "$@"
fi

# As root: fix ownership of the data and socket directories, then re-run as postgres (uid 999).
if [ "$(id -u)" = 0 ]; then
  # PGDATA's missing parents are postgres's too (18's /var/lib/postgresql/18 on a mount that lacks it),
  # so that postgres can later put a sibling cluster there (pg_upgrade's new one) without root.
  missing=() dir=$PGDATA
  until [ -e "$dir" ]; do missing+=("$dir"); dir=$(dirname "$dir"); done
  mkdir -p "$PGDATA" /run/postgresql
  [ ${#missing[@]} = 0 ] || chown postgres:postgres "${missing[@]}"
  chown postgres:postgres /run/postgresql && chmod 3777 /run/postgresql
  find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' +
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
fi

# 18+ keeps its cluster in /var/lib/postgresql/N/docker under one mount at /var/lib/postgresql. As the
# official image (docker-library/postgres#1259), refuse to initdb there beside an older layout's data,
# or a mount at the pre-18 path that nothing would use: a fresh empty cluster would hide that data.
refuse_old_layout() {
  [ "$PGDATA" = "/var/lib/postgresql/${PG_MAJOR:-}/docker" ] || return 0
  local d old=()
  for d in /var/lib/postgresql /var/lib/postgresql/data /var/lib/postgresql/*/docker; do
    [ ! -s "$d/PG_VERSION" ] || old+=("$d")
  done
  if [ ${#old[@]} = 0 ] && mountpoint -q /var/lib/postgresql/data; then
    old=('/var/lib/postgresql/data (unused mount/volume)')
  fi
  [ ${#old[@]} != 0 ] || return 0
  cat >&2 <<EOF
Error: in 18+, this image keeps its data in a major-version directory, $PGDATA,
       under one mount at /var/lib/postgresql (docker-library/postgres#1259).
       Counter to that, there appears to be PostgreSQL data in:
         ${old[*]}
       Mount the volume at /var/lib/postgresql, and upgrade older data with pg_upgrade
       (which needs both versions) or a dump and restore.
EOF
  exit 1
}

run_sql() { psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password --username "$POSTGRES_USER" "$@"; }

init_database() {
  if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
    cat >&2 <<'EOF'
Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the superuser,
       or set POSTGRES_HOST_AUTH_METHOD=trust to allow all connections without a password.
EOF
    exit 1
  fi
  mkdir -p "$PGDATA" && chmod 700 "$PGDATA"
  # Defaults first: initdb keeps the last occurrence, so POSTGRES_INITDB_ARGS can override them.
  # shellcheck disable=SC2086
  initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
         --encoding=UTF8 --locale=en_US.UTF-8 $POSTGRES_INITDB_ARGS
  printf '\nhost all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD" >>"$PGDATA/pg_hba.conf"
  grep -q "^listen_addresses = '\*'" "$PGDATA/postgresql.conf" ||
    echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"

  # The init-time server listens on the unix socket only, so nobody sees it ready on TCP.
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  if [ "$POSTGRES_DB" != postgres ]; then
    run_sql --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
  fi
  local f
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh) if [ -x "$f" ]; then log "running $f"; "$f"; else log "sourcing $f"; . "$f"; fi ;;
      *.sql) log "running $f"; run_sql --dbname "$POSTGRES_DB" -f "$f" ;;
      *.sql.gz) log "running $f"; gunzip -c "$f" | run_sql --dbname "$POSTGRES_DB" ;;
      */\*) ;;  # empty directory
      *) log "ignoring $f" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  log 'PostgreSQL init process complete; ready for start up.'
}

if [ -s "$PGDATA/PG_VERSION" ]; then
  echo 'PostgreSQL Database directory appears to contain a database; Skipping initialization'
else
  refuse_old_layout
  init_database
fi

# PID 1 is the server itself, so STOPSIGNAL SIGINT is a fast shutdown.
exec "$@"
