#!/usr/bin/env bash
# Runs test projects with the test processes' clock set to 15:55 UTC (23:55 in Wuhan) at the start and running on from
# there, so a run of a few minutes crosses Shanghai midnight: a test that mixes the real clock with a fixed fake one, or
# that reads "today" from the real clock, fails here. Uses libfaketime (Debian package faketime), preloaded into the
# test host only (vstest itself keeps the real clock: its connection timeouts misfire under a shifted clock). The
# monotonic clock is left alone and libfaketime's "monotonic fix" for pthread_cond_timedwait is turned off: with it, every
# timed wait in .NET returns at once (a test host then "times out waiting for the entry point" within a second).
#
#   scripts/test-at-midnight.sh [start] [project [filter]]
#     start    UTC start time of the test clock, default "today 15:55:00"
#     project  default: the unit tests of the domain and the web project, then the integration tests
#
# Build first (dotnet build Wuhan.Resale.sln). Results (trx) go to TestResults/midnight/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
start="${1:-$(date -u +%F) 15:55:00}"
library=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
if [ ! -f "$library" ]; then
  echo "==> installing faketime (libfaketime)"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null
  else
    sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null
  fi
fi

if [ "$#" -ge 2 ]; then
  projects=("$2")
  filter="${3:-}"
else
  projects=(tests/Wuhan.Resale.UnitTests tests/Wuhan.Resale.Web.UnitTests tests/Wuhan.Resale.IntegrationTests)
  filter=""
fi

results="$root/TestResults/midnight"
mkdir -p "$results"
status=0
for project in "${projects[@]}"; do
  # The offset is taken when each project starts, so each starts its clock at the same instant.
  offset=$(( $(date -u -d "$start" +%s) - $(date -u +%s) ))
  # libfaketime reads an offset only with its sign ("+56534s", "-3600s"): a bare number is taken for a date.
  [ "$offset" -ge 0 ] && offset="+$offset"
  settings="$results/faketime.runsettings"
  cat >"$settings" <<XML
<RunSettings><RunConfiguration><EnvironmentVariables>
  <LD_PRELOAD>$library</LD_PRELOAD>
  <FAKETIME>${offset}s</FAKETIME>
  <FAKETIME_DONT_FAKE_MONOTONIC>1</FAKETIME_DONT_FAKE_MONOTONIC>
  <FAKETIME_FORCE_MONOTONIC_FIX>0</FAKETIME_FORCE_MONOTONIC_FIX>
</EnvironmentVariables></RunConfiguration></RunSettings>
XML
  name=$(basename "$project")
  echo "==> $name with the clock starting at $start UTC (offset ${offset} s)"
  args=(test "$project" --no-build --nologo --settings "$settings" --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results")
  [ -n "$filter" ] && args+=(--filter "$filter")
  VSTEST_CONNECTION_TIMEOUT=180 dotnet "${args[@]}" || status=$?
  # What the test host's clock said: the first start and the last end the trx file records.
  first=$(grep -o 'startTime="[^"]*"' "$results/$name.trx" | cut -d'"' -f2 | sort | sed -n 1p)
  last=$(grep -o 'endTime="[^"]*"' "$results/$name.trx" | cut -d'"' -f2 | sort | tail -n 1)
  echo "    test clock ran from $first to $last"
done
exit "$status"
