#!/usr/bin/env bash
# The local PostgreSQL the portal's PostgreSQL tests (and a developer's `Database:Provider=PostgreSql` run) use.
#
#   scripts/postgres.sh start   start the installed cluster (installing `postgresql` where it is missing), create the
#                               roles and the database, print the settings as `export` lines (eval-able)
#   scripts/postgres.sh stop    stop the cluster
#   scripts/postgres.sh env     print the settings only
#   scripts/postgres.sh status  exit 0 when the cluster is running
#
# Both commands may be run any number of times. Two roles, as a deployment has them:
#   resale_owner   owns the databases and the schema; runs the migrations; may create databases (the tests make one
#                  per portal from a migrated template)
#   resale_portal  what the portal signs in as: CONNECT and row access (SELECT, INSERT, UPDATE, DELETE) only, no DDL
set -euo pipefail

owner_password="${RESALE_PG_OWNER_PASSWORD:-resale-owner-local}"
portal_password="${RESALE_PG_PORTAL_PASSWORD:-resale-portal-local}"
database="${RESALE_PG_DATABASE:-wuhan_resale}"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

# The first cluster pg_lsclusters lists: "version name port status".
cluster() {
  pg_lsclusters --no-header 2>/dev/null | awk 'NR == 1 { print $1, $2, $3, $4 }'
}

ensure_installed() {
  if command -v pg_lsclusters >/dev/null 2>&1 && [ -n "$(cluster)" ]; then
    return
  fi
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    echo "==> installing postgresql" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  if [ -z "$(cluster)" ]; then
    local version
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    as_root pg_createcluster "$version" main >&2
  fi
}

port() {
  read -r _ _ p _ <<<"$(cluster)"
  echo "$p"
}

print_env() {
  local p
  p=$(port)
  echo "export RESALE_POSTGRES_OWNER='Host=127.0.0.1;Port=$p;Username=resale_owner;Password=$owner_password'"
  echo "export RESALE_POSTGRES_PORTAL='Host=127.0.0.1;Port=$p;Username=resale_portal;Password=$portal_password'"
  echo "# the portal's database, as the portal (Database__Provider=PostgreSql, Database__MigrateOnStartup=false) and as the owner (-- migrate)"
  echo "export RESALE_POSTGRES_CONNECTION='Host=127.0.0.1;Port=$p;Database=$database;Username=resale_portal;Password=$portal_password'"
  echo "export RESALE_POSTGRES_OWNER_CONNECTION='Host=127.0.0.1;Port=$p;Database=$database;Username=resale_owner;Password=$owner_password'"
}

start() {
  ensure_installed
  local version name p status
  read -r version name p status <<<"$(cluster)"
  if [ "$status" != "online" ]; then
    echo "==> starting PostgreSQL $version/$name on port $p" >&2
    # stdout is the settings this command prints; whatever pg_ctlcluster says (for example "Removed stale pid file"
    # after an unclean stop) goes to stderr, or a caller that evals the output would try to run it.
    if ! as_root pg_ctlcluster "$version" "$name" start >&2; then
      # A server killed without a clean stop (a machine image taken while it ran) leaves its socket lock behind;
      # pg_ctlcluster removes the stale pid file itself but not that lock. Remove it when its process is gone.
      local lock="/var/run/postgresql/.s.PGSQL.$p.lock" holder
      holder=$(head -n 1 "$lock" 2>/dev/null || true)
      if [ -n "$holder" ] && ! kill -0 "$holder" 2>/dev/null; then
        echo "==> removing the stale socket lock of process $holder" >&2
        as_root rm -f "$lock"
      fi
      as_root pg_ctlcluster "$version" "$name" start >&2
    fi
  fi
  for _ in $(seq 1 60); do
    if pg_isready -q -h 127.0.0.1 -p "$p"; then break; fi
    sleep 0.5
  done
  pg_isready -q -h 127.0.0.1 -p "$p" || { echo "PostgreSQL $version/$name did not accept connections on port $p" >&2; exit 1; }

  # Roles and the portal's database; the password is set each time so a changed setting takes effect.
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$p" -d postgres \
    -v owner_password="$owner_password" -v portal_password="$portal_password" -v database="$database" >&2 <<'SQL'
SET client_min_messages = warning;
SELECT format('CREATE ROLE resale_owner LOGIN CREATEDB PASSWORD %L', :'owner_password')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'resale_owner') \gexec
SELECT format('CREATE ROLE resale_portal LOGIN PASSWORD %L', :'portal_password')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'resale_portal') \gexec
SELECT format('ALTER ROLE resale_owner LOGIN CREATEDB NOSUPERUSER NOCREATEROLE PASSWORD %L', :'owner_password') \gexec
SELECT format('ALTER ROLE resale_portal LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'portal_password') \gexec
-- The owner may end the portal's sessions (DROP DATABASE … WITH (FORCE) when a test database is dropped).
GRANT resale_portal TO resale_owner;
SELECT format('CREATE DATABASE %I OWNER resale_owner ENCODING %L TEMPLATE template0', :'database', 'UTF8')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
SQL
  # Inside the database: nobody but the owner creates objects; whatever the owner's migrations create, the portal
  # may read and write (default privileges), and it may use the identity sequences.
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$p" -d "$database" >&2 <<'SQL'
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database()) \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO resale_portal', current_database()) \gexec
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO resale_portal;
ALTER DEFAULT PRIVILEGES FOR ROLE resale_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO resale_portal;
ALTER DEFAULT PRIVILEGES FOR ROLE resale_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO resale_portal;
SQL
  echo "==> PostgreSQL $version/$name is up on 127.0.0.1:$p (roles resale_owner, resale_portal; database $database)" >&2
  print_env
}

stop() {
  if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(cluster)" ]; then
    return
  fi
  local version name p status
  read -r version name p status <<<"$(cluster)"
  if [ "$status" = "online" ]; then
    echo "==> stopping PostgreSQL $version/$name" >&2
    as_root pg_ctlcluster "$version" "$name" stop -m fast
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  status) command -v pg_lsclusters >/dev/null 2>&1 && [ "$(cluster | awk '{ print $4 }')" = "online" ] ;;
  *) echo "usage: $0 start|stop|env|status" >&2; exit 2 ;;
esac
