#!/usr/bin/env bash
# A ten-year volume on PostgreSQL (issue 23, item 7): a small and a large database, the same staff pages as
# bench/staff-scale.sh plus a signed-in citizen's /contracts and /listing, timed on each; prints the medians and the
# ratio large/small (target: ≤ 2).
#
#   bench/volume-run.sh                         # 1,000 contracts against 2,000,000 contracts and 20,000,000 audit events
#   bench/volume-run.sh 1000 200000 2000000     # other sizes: small, large, large's audit events
#   RUNS=20 PORT=5393 VOLUME_DATA=/tmp/volume-run bench/volume-run.sh
#   SKIP_BUILD=1 PORTAL_DLL=/elsewhere/Wuhan.Resale.Web.dll bench/volume-run.sh
#   DROP=1 bench/volume-run.sh                  # drop both databases afterwards (the large one takes ~20 GB)
#
# Databases: resale_volume_<small> and resale_volume_<large>_<events> on the local cluster (scripts/postgres.sh), owned
# by resale_owner, kept and reused while their comment says "seeded". The small one gets `seed-contracts <small>`; the
# large one `seed-contracts <large> --server-side --audit-events <events>` (generated inside PostgreSQL, synthetic: no
# one can sign in as those people) and then `seed-contracts 1000`, the contracts with real keys that the look-ups use.
# The keys live in $VOLUME_DATA/data (shared by both). The portal runs as the owner (it migrates at start; a migration
# that rebuilds a big table runs then, before anything is timed) in Release, Demo environment, fixed captcha answer.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SMALL=${1:-1000}
LARGE=${2:-2000000}
EVENTS=${3:-20000000}
DATA=${VOLUME_DATA:-/tmp/volume-run}
RUNS=${RUNS:-20}
PORT=${PORT:-5393}
WEB="$ROOT/src/Wuhan.Resale.Web"
CONFIGURATION=${CONFIGURATION:-Release}
DLL=${PORTAL_DLL:-"$WEB/bin/$CONFIGURATION/net10.0/Wuhan.Resale.Web.dll"}
export ASPNETCORE_ENVIRONMENT=Demo Database__Provider=PostgreSql Storage__DataDirectory="$DATA/data"

eval "$("$ROOT/scripts/postgres.sh" start | grep '^export ')"
OWNER="$RESALE_POSTGRES_OWNER"
export PGPASSWORD
PGPASSWORD=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$OWNER")
PGPORT=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$OWNER")
psql_owner() { psql -h 127.0.0.1 -p "$PGPORT" -U resale_owner -v ON_ERROR_STOP=1 -Atq "$@"; }

[[ "${SKIP_BUILD:-}" == 1 ]] || dotnet build "$WEB" -c "$CONFIGURATION" -nologo -v quiet >/dev/null
mkdir -p "$DATA/data"

portal_cmd() { (cd "$WEB" && ConnectionStrings__Resale="$OWNER;Database=$1" dotnet "$DLL" "${@:2}" | grep -v '^\['); }

seed() {
  local db=$1; shift
  if [[ "$(psql_owner -d postgres -c "select shobj_description(oid, 'pg_database') from pg_database where datname = '$db'")" == seeded ]]; then
    return
  fi
  psql_owner -d postgres -c "drop database if exists $db" -c "create database $db owner resale_owner"
  portal_cmd "$db" migrate
  local start=$SECONDS
  while [[ $# -gt 0 ]]; do
    echo "seeding $db: seed-contracts $1 ..."
    # shellcheck disable=SC2086
    portal_cmd "$db" seed-contracts $1
    shift
  done
  echo "seeding $db took $((SECONDS - start)) s"
  psql_owner -d postgres -c "comment on database $db is 'seeded'"
}

measure() {
  local db=$1 label=$2 log="$DATA/portal-$1.log"
  (cd "$WEB" && ConnectionStrings__Resale="$OWNER;Database=$db" Logging__LogLevel__Default=${PORTAL_LOG_LEVEL:-Warning} \
    Captcha__FixedAnswer=TEST Integrations__PropertyRegistry__EmbeddedQueryDelay=00:00:00 \
    RateLimits__AnonymousPagesPerMinute=100000000 RateLimits__CaptchaImagesPerMinute=100000000 \
    RateLimits__SignInPostsPerMinute=100000000 RateLimits__PartnerRequestsPerMinute=100000000 \
    exec dotnet "$DLL" --urls "http://127.0.0.1:$PORT") >"$log" 2>&1 &
  local pid=$! start=$SECONDS
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 1 3600); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/staff/login" && break
    kill -0 "$pid" 2>/dev/null || { echo "portal stopped, see $log" >&2; exit 1; }
    sleep 1
  done
  echo "portal on $db answered after $((SECONDS - start)) s (migration included)"
  # A filed contract of the real-keyed seeding (its query number ends in S<seeding index>, which gives the seller's ID).
  local pick
  pick=$(psql_owner -d "$db" -F '|' -c "select c.\"Id\", c.\"ContractNumber\", l.\"ListingCode\", substring(q.\"QueryNumber\" from 'S([0-9]+)\$')
    from \"Contracts\" c join \"Listings\" l on l.\"Id\" = c.\"ListingId\" join \"PropertyQueries\" q on q.\"PersonId\" = c.\"SellerPersonId\"
    where c.\"Status\" <> 'Draft' and q.\"QueryNumber\" ~ 'S[0-9]+\$' order by c.\"CreatedAt\" desc offset 100 limit 1")
  local session
  session=$(python3 "$ROOT/bench/page_session.py" "http://127.0.0.1:$PORT" "${SELLER:-seller-clean}" "${HOME_KEY:-home-clean}" "${BUYER:-buyer-1}")
  python3 - "$PORT" "$RUNS" "$label" "$pick" "$session" "$DATA/$db.bench.json" <<'PY'
import base64, hmac, http.cookiejar, json, re, statistics, struct, sys, time, urllib.parse, urllib.request
port, runs, label, pick, session, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], json.loads(sys.argv[5]), sys.argv[6]
base = f"http://127.0.0.1:{port}"
cid, number, code, n = pick.split("|")

class LoopbackPolicy(http.cookiejar.DefaultCookiePolicy):
    # Outside Development the portal marks its cookies Secure; this client talks plain HTTP to loopback only.
    def return_ok_secure(self, cookie, request):
        return True

class Client:
    def __init__(self, cookie=None):
        self.cookie = cookie
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar(LoopbackPolicy())))
    def call(self, path, data=None):
        req = urllib.request.Request(base + path, urllib.parse.urlencode(data).encode() if data else None,
                                     {"Cookie": self.cookie} if self.cookie else {})
        with self.opener.open(req) as r:
            return r.read().decode()
    def get(self, path):
        return self.call(path)
    def post(self, path, fields):
        return self.call(path, fields)

def token(html):
    return re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', html).group(1)

def totp(key="WUHANRESALEDEMOSTAFFTOTP23456723"):
    h = hmac.digest(base64.b32decode(key), struct.pack(">Q", int(time.time()) // 30), "sha1")
    o = h[-1] & 15
    return "%06d" % ((int.from_bytes(h[o:o + 4], "big") & 0x7fffffff) % 1000000)

def resident_id(region, n):
    import datetime
    birth = datetime.date(1950, 1, 1) + datetime.timedelta(days=n // 1000 % 20000)
    body = region + birth.strftime("%Y%m%d") + "%03d" % (n % 1000)
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * x for c, x in zip(body, w)) % 11]

staff = Client()
login = staff.get("/staff/login")
page = staff.post("/staff/login", {"UserName": "admin", "Password": "Demo#2026admin", "ReturnUrl": "/staff", "__RequestVerificationToken": token(login)})
if "/staff/login/code" in page or 'name="Code"' in page:
    page = staff.post("/staff/login/code", {"Code": totp(), "ReturnUrl": "/staff", "__RequestVerificationToken": token(page)})
assert "退出" in page or "工作台" in page, "staff sign-in failed"
form_token = token(staff.get("/staff/contracts"))
citizen = Client(session["cookie"])
seller_id = resident_id("420117", int(n))
q = urllib.parse.quote
pages = [
    ("staff home", lambda: staff.get("/staff"), None),
    ("contracts: by 合同编号", lambda: staff.get("/staff/contracts?q=" + q(number)), number),
    ("contracts: by 房源编码", lambda: staff.get("/staff/contracts?q=" + code), number),
    ("contracts: by ID number (POST)", lambda: staff.post("/staff/contracts", {"q": seller_id, "__RequestVerificationToken": form_token}), number),
    ("contract detail", lambda: staff.get(f"/staff/contracts/{cid}"), number),
    ("statistics: last 30 days", lambda: staff.get("/staff/statistics"), None),
    ("statistics: 366 days", lambda: staff.get("/staff/statistics?from=" + time.strftime("%Y-%m-%d", time.gmtime(time.time() - 365 * 86400))), None),
    ("offline cases", lambda: staff.get("/staff/cases"), None),
    ("audit log: page 1", lambda: staff.get("/staff/audit"), None),
    ("audit log: page 50", lambda: staff.get("/staff/audit?page=50"), None),
    ("audit log: by object id", lambda: staff.get("/staff/audit?entity=" + cid), cid),
    ("audit log: by actor", lambda: staff.get("/staff/audit?actor=admin"), None),
    ("citizen: /contracts", lambda: citizen.get("/contracts"), session["contract"]),
    ("citizen: /listing", lambda: citizen.get("/listing"), None),
]
results = {}
for name, fetch, expect in pages:
    cold = time.perf_counter(); body = fetch(); cold = (time.perf_counter() - cold) * 1000
    if expect is not None and expect not in body:
        sys.exit(f"{name}: the page does not show {expect}")
    fetch()
    times = []
    for _ in range(runs):
        t = time.perf_counter(); fetch(); times.append((time.perf_counter() - t) * 1000)
    results[name] = {"median": statistics.median(times), "first": cold}
    print(f"  {label:>12} {name:<32} median {statistics.median(times):8.1f} ms   first {cold:8.1f} ms", flush=True)
json.dump(results, open(out, "w"))
PY
  kill "$pid"; wait "$pid" 2>/dev/null || true
  trap - EXIT
}

SMALL_DB="resale_volume_${SMALL}"
LARGE_DB="resale_volume_${LARGE}_${EVENTS}"
seed "$SMALL_DB" "$SMALL"
seed "$LARGE_DB" "$LARGE --server-side --audit-events $EVENTS" 1000
echo "sizes: $SMALL_DB $(psql_owner -d postgres -c "select pg_size_pretty(pg_database_size('$SMALL_DB'))"), $LARGE_DB $(psql_owner -d postgres -c "select pg_size_pretty(pg_database_size('$LARGE_DB'))")"
echo "timing $RUNS requests per page (median, ms) ..."
measure "$SMALL_DB" "$SMALL"
measure "$LARGE_DB" "$LARGE"
python3 - "$DATA/$SMALL_DB.bench.json" "$DATA/$LARGE_DB.bench.json" "$SMALL" "$LARGE" "$EVENTS" <<'PY'
import json, sys
small, large = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
print(f"\n| page | {int(sys.argv[3]):,} contracts | {int(sys.argv[4]):,} contracts, {int(sys.argv[5]):,} audit events | ratio |")
print("| --- | --- | --- | --- |")
for name in small:
    s, l = small[name]["median"], large[name]["median"]
    print(f"| {name} | {s:.1f} ms | {l:.1f} ms | {l / s:.2f} |")
PY
if [[ "${DROP:-}" == 1 ]]; then
  psql_owner -d postgres -c "drop database $SMALL_DB with (force)" -c "drop database $LARGE_DB with (force)"
fi
