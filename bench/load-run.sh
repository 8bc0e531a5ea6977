#!/usr/bin/env bash
# The load run of whole journeys (bench/README.md): builds Release, seeds a fresh data folder with the load
# population, starts the portal in the Demo environment with the run's settings, runs bench/Wuhan.Resale.LoadRun
# against it, stops the portal and prints the summary. Exit code: the load run's (0 only with no error and no 5xx).
#
#   bench/load-run.sh                       # 60 s, 16 journeys at a time
#   DURATION=30 CONCURRENCY=8 bench/load-run.sh
#   bench/load-run.sh --journeys 1          # smoke: one journey (extra arguments go to the load run)
#   KEEP_DATA=1 bench/load-run.sh           # keep the data folder (database, portal log) for a look afterwards
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-60}"
CONCURRENCY="${CONCURRENCY:-16}"
POPULATION="${POPULATION:-6000}"
PORT="${PORT:-5391}"
BASE_URL="http://127.0.0.1:${PORT}"

echo "== building Release"
dotnet build "$ROOT/src/Wuhan.Resale.Web/Wuhan.Resale.Web.csproj" -c Release -nologo -v q
dotnet build "$ROOT/bench/Wuhan.Resale.LoadRun/Wuhan.Resale.LoadRun.csproj" -c Release -nologo -v q
PORTAL_DIR="$ROOT/src/Wuhan.Resale.Web/bin/Release/net10.0"
LOADRUN_DLL="$ROOT/bench/Wuhan.Resale.LoadRun/bin/Release/net10.0/Wuhan.Resale.LoadRun.dll"

DATA="$(mktemp -d /tmp/wuhan-load-run.XXXXXX)"
PORTAL_PID=""
cleanup() {
    if [[ -n "$PORTAL_PID" ]] && kill -0 "$PORTAL_PID" 2>/dev/null; then
        kill "$PORTAL_PID" 2>/dev/null || true
        wait "$PORTAL_PID" 2>/dev/null || true
    fi
    if [[ "${KEEP_DATA:-0}" != "1" && "${STATUS:-1}" == "0" ]]; then
        rm -rf "$DATA"
    else
        echo "data folder kept: $DATA (portal output in portal.out; delete it when done)"
    fi
}
trap cleanup EXIT

# Demo, not Staging: the fixed captcha answer and the SMS inbox the run reads codes from exist only in Development
# and Demo (PortalEnvironments), and Demo runs the production error pages rather than the developer ones.
# Each journey comes from its own address in X-Forwarded-For (honoured from the loopback proxy with
# ForwardedHeaders:Enabled), so the per-address limits of a real deployment apply per simulated citizen; the
# framework's per-minute limits are raised by settings only.
export ASPNETCORE_ENVIRONMENT=Demo
export ASPNETCORE_URLS="$BASE_URL"
export Storage__DataDirectory="$DATA"
export Captcha__FixedAnswer=LOAD
export Integrations__PropertyRegistry__EmbeddedQueryDelay=00:00:00
export ForwardedHeaders__Enabled=true
export RateLimits__AnonymousPagesPerMinute=1000000
export RateLimits__CaptchaImagesPerMinute=1000000
export RateLimits__SignInPostsPerMinute=1000000
export RateLimits__PartnerRequestsPerMinute=1000000

echo "== seeding $POPULATION journeys of synthetic people and homes into $DATA"
(cd "$PORTAL_DIR" && dotnet Wuhan.Resale.Web.dll seed-load-population "$POPULATION" >"$DATA/seed.out" 2>&1) || { cat "$DATA/seed.out"; exit 1; }
grep -v '^\[' "$DATA/seed.out" || true

echo "== starting the portal at $BASE_URL"
(cd "$PORTAL_DIR" && exec dotnet Wuhan.Resale.Web.dll >"$DATA/portal.out" 2>&1) &
PORTAL_PID=$!
echo "$PORTAL_PID" >"$DATA/portal.pid"
for _ in $(seq 1 120); do
    if curl -fsS "$BASE_URL/healthz" >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 "$PORTAL_PID" 2>/dev/null; then
        echo "the portal did not start:"; tail -40 "$DATA/portal.out"; exit 1
    fi
    sleep 0.5
done
curl -fsS "$BASE_URL/healthz" >/dev/null

echo "== load run: ${DURATION} s, ${CONCURRENCY} at a time (machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"; }
PORTAL_CPU_BEFORE="$(cpu_seconds "$PORTAL_PID")"
set +e
dotnet "$LOADRUN_DLL" --base-url "$BASE_URL" --duration "$DURATION" --concurrency "$CONCURRENCY" --population "$POPULATION" "$@"
STATUS=$?
set -e
if kill -0 "$PORTAL_PID" 2>/dev/null; then
    echo "portal CPU during the load run (warm-up included): $(awk -v a="$PORTAL_CPU_BEFORE" -v b="$(cpu_seconds "$PORTAL_PID")" 'BEGIN {printf "%.1f", b - a}') s"
else
    echo "THE PORTAL STOPPED during the run; the end of its output:"
    tail -20 "$DATA/portal.out"
    KEEP_DATA=1
fi
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
if grep -q ' ERR\]\| FTL\]' "$DATA/portal.out"; then
    echo "portal errors in its log:"; grep ' ERR\]\| FTL\]' "$DATA/portal.out" | head -5
fi
exit "$STATUS"
