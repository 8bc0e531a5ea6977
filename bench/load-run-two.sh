#!/usr/bin/env bash
# The load run against two portal instances on one PostgreSQL database (issue 18): builds Release, starts PostgreSQL
# (scripts/postgres.sh), creates a fresh database, migrates and seeds it once, starts two instances on two ports in the
# Demo environment with the same keys, and runs bench/Wuhan.Resale.LoadRun with both addresses: every request goes to
# the other instance than the one before. Stops both and drops the database. Exit code: the load run's.
#
#   bench/load-run-two.sh                   # 60 s, 16 journeys at a time
#   DURATION=30 CONCURRENCY=8 bench/load-run-two.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-60}"
CONCURRENCY="${CONCURRENCY:-16}"
POPULATION="${POPULATION:-4000}"
PORT_A="${PORT_A:-5401}"
PORT_B="${PORT_B:-5402}"

echo "== building Release"
dotnet build "$ROOT/src/Wuhan.Resale.Web/Wuhan.Resale.Web.csproj" -c Release -nologo -v q
dotnet build "$ROOT/bench/Wuhan.Resale.LoadRun/Wuhan.Resale.LoadRun.csproj" -c Release -nologo -v q
PORTAL_DIR="$ROOT/src/Wuhan.Resale.Web/bin/Release/net10.0"
LOADRUN_DLL="$ROOT/bench/Wuhan.Resale.LoadRun/bin/Release/net10.0/Wuhan.Resale.LoadRun.dll"

eval "$(bash "$ROOT/scripts/postgres.sh" start)"
DATABASE="resale_load_$(date +%s)"
DATA="$(mktemp -d /tmp/wuhan-load-two.XXXXXX)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    pg_owner -d postgres -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" >/dev/null 2>&1 || echo "drop database $DATABASE by hand"
    echo "portal output kept in $DATA"
}
trap cleanup EXIT

owner_conn() { echo "$RESALE_POSTGRES_OWNER;Database=$1"; }
pg_owner() { # psql as the owner role, from the Npgsql-style setting
    local host port user pass
    host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$RESALE_POSTGRES_OWNER"); port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$RESALE_POSTGRES_OWNER")
    user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$RESALE_POSTGRES_OWNER"); pass=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$RESALE_POSTGRES_OWNER")
    PGPASSWORD="$pass" psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$user" "$@"
}
pg_owner -d postgres -c "CREATE DATABASE $DATABASE OWNER resale_owner ENCODING 'UTF8' TEMPLATE template0"

# The same keys on both instances (cookies, antiforgery, captcha tokens, ID look-ups); invented for the run.
export ASPNETCORE_ENVIRONMENT=Demo
export Database__Provider=PostgreSql
export PersonalData__EncryptionKey="$(head -c 32 /dev/urandom | base64)"
export PersonalData__HashKey="$(head -c 32 /dev/urandom | base64)"
export Captcha__FixedAnswer=LOAD
export Integrations__PropertyRegistry__EmbeddedQueryDelay=00:00:00
export ForwardedHeaders__Enabled=true
export RateLimits__AnonymousPagesPerMinute=1000000 RateLimits__CaptchaImagesPerMinute=1000000
export RateLimits__SignInPostsPerMinute=1000000 RateLimits__PartnerRequestsPerMinute=1000000

echo "== migrating and seeding $POPULATION journeys into $DATABASE (as the owner)"
mkdir -p "$DATA/seed" "$DATA/a" "$DATA/b"
(cd "$PORTAL_DIR" && Storage__DataDirectory="$DATA/seed" ConnectionStrings__Resale="$(owner_conn "$DATABASE")" \
    dotnet Wuhan.Resale.Web.dll seed-load-population "$POPULATION" >"$DATA/seed.out" 2>&1) || { tail -20 "$DATA/seed.out"; exit 1; }
# The data-protection key ring is in the database; the certificate protecting it (Demo makes one in keys/) must be the
# same on both instances.
cp -r "$DATA/seed/keys" "$DATA/a/"
cp -r "$DATA/seed/keys" "$DATA/b/"

start() { # name port
    (cd "$PORTAL_DIR" && Storage__DataDirectory="$DATA/$1" ASPNETCORE_URLS="http://127.0.0.1:$2" Database__MigrateOnStartup=false \
        ConnectionStrings__Resale="$(owner_conn "$DATABASE")" exec dotnet Wuhan.Resale.Web.dll >"$DATA/$1.out" 2>&1) &
    PIDS+=($!)
    for _ in $(seq 1 120); do
        curl -fsS "http://127.0.0.1:$2/healthz/ready" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "instance $1 did not start:"; tail -30 "$DATA/$1.out"; exit 1
}
echo "== starting instance A on :$PORT_A and B on :$PORT_B"
start a "$PORT_A"
start b "$PORT_B"

echo "== load run over both: ${DURATION} s, ${CONCURRENCY} at a time (machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
set +e
dotnet "$LOADRUN_DLL" --base-url "http://127.0.0.1:$PORT_A" --base-url "http://127.0.0.1:$PORT_B" \
    --duration "$DURATION" --concurrency "$CONCURRENCY" --population "$POPULATION" "$@"
STATUS=$?
set -e
for name in a b; do
    echo "instance $name: $(grep -c 'HTTP ' "$DATA/$name.out") requests logged, $(grep -c ' ERR\]\| FTL\]' "$DATA/$name.out") error lines"
done
echo "contract numbers: $(pg_owner -d "$DATABASE" -t -A -c "SELECT count(*) || ' filed, ' || count(DISTINCT \"ContractNumber\") || ' distinct, span ' || (max(right(\"ContractNumber\", 6)::int) - min(right(\"ContractNumber\", 6)::int) + 1) FROM \"Contracts\" WHERE \"ContractNumber\" IS NOT NULL")"
exit "$STATUS"
