#!/usr/bin/env bash
# Page ratio: each portal page against a bare `dotnet new mvc` home page, measured side by side in one run on this
# machine (Release, wrk, 64 connections, alternating, ROUNDS rounds of SECONDS s each). Prints, per page, the portal's
# requests/s, the bare page's, their ratio and the portal's p99.
#
#   bash bench/page-ratio.sh                      # every step page signed in, and the anonymous pages
#   bash bench/page-ratio.sh /listing /contracts  # chosen pages ({listing}, {contract}, {verify} are filled in)
#
# Needs wrk (installed from Debian's packages when missing) and python3. Uses ports 5080 (portal) and 5090 (bare).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${RATIO_WORK:-/tmp/wuhan-resale-ratio}"
rounds="${ROUNDS:-3}"
seconds="${SECONDS_PER_ROUND:-8}"
connections="${CONNECTIONS:-64}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# shellcheck source=bench/wrk.sh
source "$root/bench/wrk.sh"

rm -rf "$work" && mkdir -p "$work"
echo "==> building the bare MVC baseline (dotnet new mvc, Release)"
(cd "$work" && dotnet new mvc -o bare --no-https --no-restore >/dev/null && cd bare \
  && dotnet publish -c Release -o "$work/bare-out" -v q --nologo >/dev/null)
echo "==> building the portal (Release)"
dotnet publish "$root/src/Wuhan.Resale.Web" -c Release -o "$work/portal-out" -v q --nologo >/dev/null

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

(cd "$work/bare-out" && ASPNETCORE_URLS=http://127.0.0.1:5090 ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning exec dotnet bare.dll >"$work/bare.log" 2>&1) &
pids+=($!)
# The Demo environment runs the production pipeline with the embedded registries and the demo SMS inbox, which the
# sign-in below reads; limits are raised for the load only.
(cd "$work/portal-out" && ASPNETCORE_URLS=http://127.0.0.1:5080 ASPNETCORE_ENVIRONMENT=Demo \
  Storage__DataDirectory="$work/portal-data" Captcha__FixedAnswer=TEST \
  Integrations__PropertyRegistry__EmbeddedQueryDelay=00:00:00 \
  RateLimits__AnonymousPagesPerMinute=100000000 RateLimits__CaptchaImagesPerMinute=100000000 \
  RateLimits__SignInPostsPerMinute=100000000 RateLimits__PartnerRequestsPerMinute=100000000 \
  exec dotnet Wuhan.Resale.Web.dll >"$work/portal.log" 2>&1) &
pids+=($!)

for url in http://127.0.0.1:5090/ http://127.0.0.1:5080/healthz; do
  for _ in $(seq 1 120); do curl -fs -o /dev/null "$url" && break; sleep 0.5; done
done

echo "==> signing a demo seller in and preparing a listing and a contract"
session="$(python3 "$root/bench/page_session.py" http://127.0.0.1:5080)"
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$session" "$1"; }
cookie="$(field cookie)"; listing="$(field listing)"; contract="$(field contract)"

if [ "$#" -gt 0 ]; then pages=("$@"); else
  pages=(/listing "/listings/{listing}/buyers" /contracts "/contracts/{contract}/edit" "/contracts/{contract}/file"
    anon:/ anon:/revocation)
fi


printf '\n%-40s %12s %12s %7s %10s\n' page "portal rps" "bare rps" ratio "p99 ms"
for page in "${pages[@]}"; do
  header="Cookie: $cookie"
  if [[ "$page" == anon:* ]]; then page="${page#anon:}"; header=""; fi
  path="${page//\{listing\}/$listing}"; path="${path//\{contract\}/$contract}"
  curl -fs -o /dev/null ${header:+-H "$header"} "http://127.0.0.1:5080$path" || { echo "error: $path does not answer 200" >&2; exit 1; }
  portal_total=0; bare_total=0; worst_p99=0
  for _ in $(seq 1 "$rounds"); do
    read -r rps p99 < <(measure "http://127.0.0.1:5080$path" "$header")
    read -r brps _ < <(measure "http://127.0.0.1:5090/" "")
    portal_total="$(python3 -c "print($portal_total + $rps)")"; bare_total="$(python3 -c "print($bare_total + $brps)")"
    worst_p99="$(python3 -c "print(max($worst_p99, $p99))")"
  done
  python3 -c "
p, b = $portal_total / $rounds, $bare_total / $rounds
print(f'{\"$page\":<40} {p:12.0f} {b:12.0f} {p / b:7.2f} {$worst_p99:10.1f}')"
done
