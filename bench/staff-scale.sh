#!/usr/bin/env bash
# Staff pages at a small and a large database (issue 16, item 4): seeds two data directories with
# `seed-contracts`, starts the portal in Release on each in turn, signs in as the demo administrator (password +
# TOTP), and times every staff list and look-up page RUNS times after two warm-up requests. Prints the median per
# page at both sizes and the ratio large/small (target: ≤ 2).
#
#   bench/staff-scale.sh                 # 1,000 and 1,000,000 contracts
#   bench/staff-scale.sh 1000 200000     # other sizes
#   RUNS=20 STAFF_SCALE_DATA=/tmp/staff-scale PORT=5391 bench/staff-scale.sh
#   SKIP_BUILD=1 PORTAL_DLL=/elsewhere/Wuhan.Resale.Web.dll bench/staff-scale.sh   # time another build (before/after)
#
# Seeded directories are kept (a `seeded` marker) and reused by later runs; delete them to seed afresh. Seeding
# 1,000,000 contracts takes about ten minutes and about 6 GB on this machine. The portal migrates a reused
# database at start (new indexes are built then, before the first request is timed).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SMALL=${1:-1000}
LARGE=${2:-1000000}
DATA=${STAFF_SCALE_DATA:-/tmp/staff-scale}
RUNS=${RUNS:-20}
PORT=${PORT:-5391}
WEB="$ROOT/src/Wuhan.Resale.Web"
CONFIGURATION=${CONFIGURATION:-Release}
DLL=${PORTAL_DLL:-"$WEB/bin/$CONFIGURATION/net10.0/Wuhan.Resale.Web.dll"}
# Demo: the demo staff accounts exist (Development and Demo only) and cookies, headers and errors are as in production.
export ASPNETCORE_ENVIRONMENT=Demo

# SKIP_BUILD=1 times the Release build already in bin/ (e.g. an earlier commit's, for before/after figures).
[[ "${SKIP_BUILD:-}" == 1 ]] || dotnet build "$WEB" -c "$CONFIGURATION" -nologo -v quiet >/dev/null

seed() {
  local dir="$DATA/$1"
  if [[ ! -f "$dir/seeded" ]]; then
    rm -rf "$dir"
    echo "seeding $1 contracts into $dir ..."
    (cd "$WEB" && Storage__DataDirectory="$dir" dotnet "$DLL" seed-contracts "$1" | grep -v '^\[')
    touch "$dir/seeded"
  fi
}

measure() {
  local size=$1 dir="$DATA/$1" log="$DATA/portal-$1.log"
  (cd "$WEB" && Storage__DataDirectory="$dir" Logging__LogLevel__Default=${PORTAL_LOG_LEVEL:-Warning} \
    exec dotnet "$DLL" --urls "http://127.0.0.1:$PORT") >"$log" 2>&1 &
  local pid=$!
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/staff/login" && break
    kill -0 "$pid" 2>/dev/null || { echo "portal stopped, see $log" >&2; exit 1; }
    sleep 1
  done
  python3 - "$PORT" "$dir/resale.db" "$RUNS" "$size" <<'PY'
import base64, hmac, http.cookiejar, json, re, sqlite3, statistics, struct, sys, time, urllib.parse, urllib.request
port, db, runs, size = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
base = f"http://127.0.0.1:{port}"
class LoopbackPolicy(http.cookiejar.DefaultCookiePolicy):
    # Outside Development the portal marks its cookies Secure; this client talks plain HTTP to loopback only.
    def return_ok_secure(self, cookie, request):
        return True
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar(LoopbackPolicy())))

def get(path):
    with opener.open(base + path) as r:
        return r.read().decode()

def post(path, fields):
    with opener.open(base + path, urllib.parse.urlencode(fields).encode()) as r:
        return r.read().decode()

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

# A filed contract from the middle of the seeded set (rowid - 1 is its seeding index, which gives the seller's ID).
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
total = con.execute("select count(*) from Contracts").fetchone()[0]
rowid, cid, number, lid = con.execute(
    "select c.rowid, c.Id, c.ContractNumber, c.ListingId from Contracts c where c.rowid >= ? and c.Status <> 'Draft' order by c.rowid limit 1",
    (total // 2,)).fetchone()
code = con.execute("select ListingCode from Listings where Id = ?", (lid,)).fetchone()[0]
con.close()
cid = cid.lower()
seller_id = resident_id("420117", rowid - 1)

login = get("/staff/login")
page = post("/staff/login", {"UserName": "admin", "Password": "Demo#2026admin", "ReturnUrl": "/staff", "__RequestVerificationToken": token(login)})
if "/staff/login/code" in page or 'name="Code"' in page:
    page = post("/staff/login/code", {"Code": totp(), "ReturnUrl": "/staff", "__RequestVerificationToken": token(page)})
assert "退出" in page or "工作台" in page, "sign-in failed"
form_token = token(get("/staff/contracts"))

quote = urllib.parse.quote
pages = [
    ("staff home", lambda: get("/staff"), None),
    ("contracts: by 合同编号", lambda: get("/staff/contracts?q=" + quote(number)), number),
    ("contracts: by 房源编码", lambda: get("/staff/contracts?q=" + code), number),
    ("contracts: by ID number (POST)", lambda: post("/staff/contracts", {"q": seller_id, "__RequestVerificationToken": form_token}), number),
    ("contract detail", lambda: get(f"/staff/contracts/{cid}"), number),
    ("statistics: last 30 days", lambda: get("/staff/statistics"), None),
    ("statistics: 366 days", lambda: get("/staff/statistics?from=" + time.strftime("%Y-%m-%d", time.gmtime(time.time() - 365 * 86400))), None),
    ("offline cases", lambda: get("/staff/cases"), None),
    ("audit log: page 1", lambda: get("/staff/audit"), None),
    ("audit log: page 50", lambda: get("/staff/audit?page=50"), None),
    ("audit log: by object id", lambda: get("/staff/audit?entity=" + cid), cid),
    ("audit log: by actor", lambda: get("/staff/audit?actor=admin"), None),
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
    print(f"  {size:>9} {name:<32} median {statistics.median(times):8.1f} ms   first {cold:8.1f} ms", flush=True)
json.dump(results, open(f"{db}.bench.json", "w"))
PY
  kill "$pid"; wait "$pid" 2>/dev/null || true
  trap - EXIT
}

mkdir -p "$DATA"
seed "$SMALL"
seed "$LARGE"
echo "timing $RUNS requests per page (median, ms) ..."
measure "$SMALL"
measure "$LARGE"
python3 - "$DATA/$SMALL/resale.db.bench.json" "$DATA/$LARGE/resale.db.bench.json" "$SMALL" "$LARGE" <<'PY'
import json, sys
small, large = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
print(f"\n| page | {int(sys.argv[3]):,} contracts | {int(sys.argv[4]):,} contracts | ratio |")
print("| --- | --- | --- | --- |")
for name in small:
    s, l = small[name]["median"], large[name]["median"]
    print(f"| {name} | {s:.1f} ms | {l:.1f} ms | {l / s:.2f} |")
PY
