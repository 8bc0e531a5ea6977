# Shared by page-ratio.sh and reference-ratio.sh (sourced, not run): wrk installed when missing, and one measurement.
# The caller sets $connections and $seconds.

if ! command -v wrk >/dev/null 2>&1; then
  echo "==> installing wrk"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
  else sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

# One wrk run of URL (with HEADER when not empty); prints "rps p99_ms"; stops the script on any non-2xx/3xx answer.
measure() {
  local url="$1" header="$2" out
  if [ -n "$header" ]; then out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "$header" "$url")"
  else out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url")"; fi
  if grep -q 'Non-2xx or 3xx responses' <<<"$out"; then echo "error: $url answered non-2xx/3xx:" >&2; echo "$out" >&2; exit 1; fi
  local rps p99
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' <<<"$out")"
  echo "$rps $p99"
}
