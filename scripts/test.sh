#!/usr/bin/env bash
# Runs every test of the portal, the way CI does, on a fresh machine of this kind (Debian 12, .NET SDK).
# Prints a closing line "N passed, N failed" computed from the test results.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The test hosts change no files: don't let each of them watch files (inotify instances are limited per user).
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=true

# The PDF tests read the generated contracts back with poppler's pdftotext, as a person's PDF reader would, and
# check their signatures with poppler's pdfsig (same package).
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfsig >/dev/null 2>&1; then
  echo "==> installing poppler-utils (pdftotext, pdfsig) for the PDF tests"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  else
    sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  fi
fi

# The browser tests (tests/Wuhan.Resale.E2E) drive Debian's Chromium at /usr/bin/chromium (never `playwright install`);
# without a CJK font every page renders Chinese as boxes. They fail, never skip, when these are missing.
browser_packages=()
[ -x /usr/bin/chromium ] || browser_packages+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
  browser_packages+=(fonts-noto-cjk)
fi
if [ "${#browser_packages[@]}" -gt 0 ]; then
  echo "==> installing ${browser_packages[*]} for the browser tests"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${browser_packages[@]}" >/dev/null
  else
    sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${browser_packages[@]}" >/dev/null
  fi
fi

echo "==> restoring tools and packages"
dotnet tool restore >/dev/null
dotnet restore Wuhan.Resale.sln --nologo -v q

echo "==> building (warnings are errors)"
dotnet build Wuhan.Resale.sln --no-restore --nologo -v q -c Debug

echo "==> checking that the SQL Server schema script can be generated from the committed migrations"
dotnet ef migrations script --idempotent --no-build \
  --project src/Wuhan.Resale.Web --context SqlServerResaleDbContext \
  --output "$results/sqlserver-schema.sql" >/dev/null
grep -q 'CREATE TABLE \[Contracts\]' "$results/sqlserver-schema.sql"

echo "==> checking that the PostgreSQL schema script can be generated from the committed migrations"
dotnet ef migrations script --idempotent --no-build \
  --project src/Wuhan.Resale.Web --context PostgreSqlResaleDbContext \
  --output "$results/postgresql-schema.sql" >/dev/null
grep -q 'CREATE TABLE "Contracts"' "$results/postgresql-schema.sql"

# The *OnPostgreSql tests (and the theories with a PostgreSql case) need the local cluster: start it (installing
# postgresql where it is missing), create the roles, and stop it again at the end if it was down before.
if ! scripts/postgres.sh status; then
  trap 'scripts/postgres.sh stop || true' EXIT
fi
pg_settings=$(scripts/postgres.sh start)
# Only the settings: anything else a tool printed on the way is not a command to run.
eval "$(grep '^export ' <<<"$pg_settings")"

echo "==> running tests"
status=0
# One test project at a time: on two cores the browser suite and the integration suite starve each other otherwise.
dotnet test Wuhan.Resale.sln --no-build --nologo -c Debug -m:1 \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

passed=0
failed=0
shopt -s nullglob
echo "==> time per test project"
for trx in "$results"/*.trx; do
  counters=$(grep -m 1 -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  # The run's own start and finish, and the test assembly it ran, as the trx file records them.
  times=$(grep -m 1 -o '<Times [^>]*>' "$trx" | head -n 1)
  start=$(sed -n 's/.* start="\([^"]*\)".*/\1/p' <<<"$times")
  finish=$(sed -n 's/.* finish="\([^"]*\)".*/\1/p' <<<"$times")
  project=$(grep -m 1 -o 'storage="[^"]*"' "$trx" | head -n 1 | sed 's/.*\/\([^/]*\)\.dll"$/\1/')
  if [ -n "$start" ] && [ -n "$finish" ]; then
    seconds=$(( $(date -d "$finish" +%s) - $(date -d "$start" +%s) ))
    printf '    %-34s %4d s  (%s passed, %s failed)\n' "${project:-$(basename "$trx")}" "$seconds" "${p:-0}" "${f:-0}"
  fi
done

if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test results were found" >&2
  status=1
fi

# Tests that ran on PostgreSQL: the *OnPostgreSql classes, PostgreSql* tests and theory cases "(provider: PostgreSql)".
pg_passed=$(cat "$results"/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*>' | grep 'testName="[^"]*PostgreSql' | grep -c 'outcome="Passed"' || true)
echo "    of these, on PostgreSQL: ${pg_passed} passed"
# Two portal processes on one PostgreSQL database (Scaling/TwoInstancesOnPostgreSqlTests).
two_passed=$(cat "$results"/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*>' | grep 'testName="[^"]*TwoInstancesOnPostgreSqlTests' | grep -c 'outcome="Passed"' || true)
echo "    of these, with two portal instances: ${two_passed} passed"
echo "    whole script (install, restore, build, tests): $((SECONDS / 60)) min $((SECONDS % 60)) s"
echo "${passed} passed, ${failed} failed"
exit "$status"
