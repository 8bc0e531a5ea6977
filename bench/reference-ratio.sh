#!/usr/bin/env bash
# What a signed-in page costs in the stock template itself: the bare `dotnet new mvc` home page against the same
# template with ASP.NET Core Identity (`dotnet new mvc --auth Individual`, SQLite), whose one added page is what a
# step page is at its least: [Authorize], one EF Core read of the signed-in user's row, a Razor view with the layout
# and a form (antiforgery token). Same machine, same run, wrk alternating as in page-ratio.sh. It answers: how close
# can any signed-in page get to the bare page's 0.40 × target (issue 16) before the portal adds anything of its own?
#
#   bash bench/reference-ratio.sh
#
# Needs wrk (installed from Debian's packages when missing), curl and python3. Uses ports 5090 (bare) and 5095 (template
# with Identity). Nothing of the portal is built or run.
set -euo pipefail

work="${REFERENCE_WORK:-/tmp/wuhan-resale-reference}"
rounds="${ROUNDS:-3}"
seconds="${SECONDS_PER_ROUND:-8}"
connections="${CONNECTIONS:-64}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# shellcheck source=bench/wrk.sh
source "$(dirname "${BASH_SOURCE[0]}")/wrk.sh"

rm -rf "$work" && mkdir -p "$work"
echo "==> building the bare MVC page and the Identity template (Release)"
(cd "$work" && dotnet new mvc -o bare --no-https >/dev/null && cd bare \
  && dotnet publish -c Release -o "$work/bare-out" -v q --nologo >/dev/null)
(cd "$work" && dotnet new mvc --auth Individual -o RefApp --no-https >/dev/null)
app="$work/RefApp"
# Sign-in right after registering (no e-mail confirmation in a bench), and the database made at start.
sed -i 's/RequireConfirmedAccount = true/RequireConfirmedAccount = false/' "$app/Program.cs"
python3 - "$app/Program.cs" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
anchor = "var app = builder.Build();"
assert anchor in text, "the template's Program.cs changed: no 'var app = builder.Build();'"
text = text.replace(anchor, anchor + """
using (var scope = app.Services.CreateScope())
{
    Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.Migrate(
        scope.ServiceProvider.GetRequiredService<RefApp.Data.ApplicationDbContext>().Database);
}
""", 1)
open(path, "w", encoding="utf-8").write(text)
PY
cat >"$app/Controllers/MineController.cs" <<'CS'
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RefApp.Data;

namespace RefApp.Controllers;

[Authorize]
public class MineController(ApplicationDbContext db) : Controller
{
    public async Task<IActionResult> Index()
    {
        var id = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
        return View(user);
    }
}
CS
mkdir -p "$app/Views/Mine"
cat >"$app/Views/Mine/Index.cshtml" <<'CSHTML'
@model Microsoft.AspNetCore.Identity.IdentityUser
<h1>@Model.Email</h1>
<p>@Model.UserName</p>
<form method="post" asp-controller="Mine" asp-action="Index">
    <label>备注 <input name="note" /></label>
    <button type="submit">保存</button>
</form>
CSHTML
(cd "$app" && dotnet publish -c Release -o "$work/ref-out" -v q --nologo >/dev/null)

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
(cd "$work/bare-out" && ASPNETCORE_URLS=http://127.0.0.1:5090 ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning exec dotnet bare.dll >"$work/bare.log" 2>&1) &
pids+=($!)
(cd "$work/ref-out" && ASPNETCORE_URLS=http://127.0.0.1:5095 ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning exec dotnet RefApp.dll >"$work/ref.log" 2>&1) &
pids+=($!)
for url in http://127.0.0.1:5090/ http://127.0.0.1:5095/; do
  for _ in $(seq 1 120); do curl -fs -o /dev/null "$url" && break; sleep 0.5; done
done

echo "==> registering and signing a user in"
jar="$work/cookies.txt"
token() { python3 -c 'import re,sys; print(re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()).group(1))'; }
t="$(curl -fs -c "$jar" -b "$jar" http://127.0.0.1:5095/Identity/Account/Register | token)"
curl -fs -o /dev/null -c "$jar" -b "$jar" http://127.0.0.1:5095/Identity/Account/Register \
  --data-urlencode "Input.Email=bench@example.com" --data-urlencode "Input.Password=Bench#2026pass" \
  --data-urlencode "Input.ConfirmPassword=Bench#2026pass" --data-urlencode "__RequestVerificationToken=$t"
identity="$(awk '$6 == ".AspNetCore.Identity.Application" {print $6 "=" $7}' "$jar")"
[ -n "$identity" ] || { echo "error: the registration did not sign the user in" >&2; exit 1; }
header="Cookie: $identity"
curl -fs "http://127.0.0.1:5095/Mine" -H "$header" | grep -q "bench@example.com" \
  || { echo "error: /Mine does not show the signed-in user" >&2; exit 1; }


printf '\n%-44s %12s %12s %7s %10s\n' page "page rps" "bare rps" ratio "p99 ms"
for page in "anon:/" "/Mine"; do
  h="$header"; path="$page"
  if [[ "$page" == anon:* ]]; then path="${page#anon:}"; h=""; fi
  total=0; bare_total=0; worst=0
  for _ in $(seq 1 "$rounds"); do
    read -r rps p99 < <(measure "http://127.0.0.1:5095$path" "$h")
    read -r brps _ < <(measure "http://127.0.0.1:5090/" "")
    total="$(python3 -c "print($total + $rps)")"; bare_total="$(python3 -c "print($bare_total + $brps)")"
    worst="$(python3 -c "print(max($worst, $p99))")"
  done
  python3 -c "
p, b = $total / $rounds, $bare_total / $rounds
print(f'{\"template with Identity \" + \"$page\":<44} {p:12.0f} {b:12.0f} {p / b:7.2f} {$worst:10.1f}')"
done
