using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.Data.Sqlite;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Wuhan.Resale.IntegrationTests.Hardening;

/// <summary>
/// Hostile input, generated from a fixed seed, against every form and every API endpoint, as an anonymous visitor, a
/// signed-in seller and an administrator: oversized values, wrong types, Unicode edge cases and broken UTF-8, NUL
/// bytes, duplicated, missing and unknown fields, missing or foreign antiforgery tokens, replayed and out-of-order
/// posts. Never a 5xx; a refused request (4xx) changes nothing in the database; an unreadable body gets the 400 page
/// 请求格式不正确. The run stops generating after <see cref="Budget"/> and reports how many requests it made.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    public const int Seed = 20261126;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(40);

    // Tables a refused request may still touch by design: the audit trail (refusals are audited), framework keys,
    // captcha pictures, the session's last-seen time, and what the background property-query worker writes on its
    // own schedule for a query an earlier (accepted) request started.
    private static readonly HashSet<string> Volatile = new(StringComparer.Ordinal)
    {
        "AuditEvents", "DataProtectionKeys", "CaptchaChallenges", "UserSessions", "__EFMigrationsHistory",
        "PropertyQueries", "PropertyRecords", "PropertyRecordOwners",
        // Every sign-in post and partner call is counted, accepted or refused: that is what the limit counts.
        "RateCounters",
    };

    // The query-done notice the background worker sends (PropertyQueryWorker); every other text counts.
    private const string WorkerSmsPurpose = "QueryCompleted";

    private static readonly string[] Hostile =
    [
        "", " ", "-1", "0", "1e309", "NaN", "99999999999999999999999999999", "abc", "true", "null", "[]", "{}",
        "2026-02-30", "0001-01-01", "９９９", "１４０００００００００１", "\u202Egnp.exe", "\u200B\u200B", "\uFEFF", "😀👨‍👩‍👧",
        "e\u0301\u0301\u0301", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "\r\n\r\nX-Injected: 1",
        "420102197803140479", "14000000001", "武房2026050000", "00000000-0000-0000-0000-000000000000", "%s%s%s%n",
    ];

    private readonly PortalFactory _factory = new();
    private readonly Random _random = new(Seed);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task EveryFormAndApiEndpoint_SurvivesHostileInput()
    {
        var started = Stopwatch.StartNew();
        var (seller, listingId, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        using var admin = await StaffLogin.SignInAsync(_factory, "admin");
        using var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var staffUserId = await _factory.WithDbAsync(db => Task.FromResult(db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).Single()));
        var clients = new Dictionary<string, Persona>
        {
            ["anonymous"] = await PersonaAsync(anonymous, "/revocation", "/staff/login", "/"),
            ["seller"] = await PersonaAsync(seller.Client, $"/contracts/{contractId}/edit", $"/listings/{listingId}/buyers", $"/contracts/{contractId}/file", "/listing"),
            ["admin"] = await PersonaAsync(admin, "/staff/contracts", "/staff/accounts", "/staff/audit", "/staff/cases"),
        };

        string Fill(string route) => route
            .Replace("{listing}", listingId.ToString(), StringComparison.Ordinal)
            .Replace("{contract}", contractId.ToString(), StringComparison.Ordinal)
            .Replace("{user}", staffUserId, StringComparison.Ordinal)
            .Replace("{random}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{hostile}", Uri.EscapeDataString(Pick(Hostile)), StringComparison.Ordinal);

        var posts = new (string Persona, string Route)[]
        {
            ("anonymous", "/login/ticket"), ("anonymous", "/login/complete"), ("anonymous", "/m/{hostile}"), ("anonymous", "/logout"),
            ("anonymous", "/revocation"), ("anonymous", "/sign/{hostile}"), ("anonymous", "/staff/login"), ("anonymous", "/staff/login/code"),
            ("seller", "/listing/queries"), ("seller", "/listing/queries/{random}/certificate"), ("seller", "/listing/queries/{random}/notice"),
            ("seller", "/listing/queries/{random}/verify"), ("seller", "/listings/{listing}/buyers"), ("seller", "/listings/{listing}/district"),
            ("seller", "/contracts/{contract}/edit"), ("seller", "/contracts/{contract}/file"), ("seller", "/contracts/{contract}/revoke"),
            ("seller", "/revocation"), ("seller", "/staff/contracts"),
            ("admin", "/staff/contracts"), ("admin", "/staff/accounts"), ("admin", "/staff/accounts/{user}/enabled"),
            ("admin", "/staff/accounts/{user}/password"), ("admin", "/staff/accounts/{user}/role"), ("admin", "/staff/cases/{random}/close"),
            ("admin", "/staff/cases/{random}/determination"), ("admin", "/staff/contracts/{contract}/registration"),
            ("admin", "/staff/contracts/{contract}/revocation"), ("admin", "/staff/sessions/{random}/end"), ("admin", "/staff/two-factor"),
            ("admin", "/listings/{listing}/buyers"), ("anonymous", "/contracts/{contract}/edit"),
        };
        var gets = new (string Persona, string Route)[]
        {
            ("anonymous", "/?x={hostile}"), ("anonymous", "/login/status?t={hostile}"), ("anonymous", "/captcha/{random}"), ("anonymous", "/verify/{hostile}"),
            ("anonymous", "/sign/{hostile}"), ("anonymous", "/m/{hostile}"), ("anonymous", "/dev/sms?phone={hostile}&format={hostile}"),
            ("seller", "/contracts/{contract}/preview?x={hostile}"), ("seller", "/listing/queries/{random}/homes"), ("seller", "/listings/{hostile}"),
            ("seller", "/contracts?page={hostile}"), ("admin", "/staff/contracts?q={hostile}"), ("admin", "/staff/audit?page={hostile}&from={hostile}&actor={hostile}"),
            ("admin", "/staff/audit.csv?to={hostile}"), ("admin", "/staff/statistics?from={hostile}"), ("admin", "/staff/cases/{random}"),
        };

        var fingerprint = await FingerprintAsync();
        var requests = 0;
        var refused = 0;
        var unreadable = 0;
        while (started.Elapsed < Budget)
        {
            HttpRequestMessage request;
            string persona;
            var hasNul = false;
            if (_random.Next(5) == 0)
            {
                (persona, var route) = gets[_random.Next(gets.Length)];
                request = new HttpRequestMessage(HttpMethod.Get, Fill(route));
            }
            else if (_random.Next(6) == 0)
            {
                persona = "anonymous";
                request = PartnerRequest();
            }
            else
            {
                (persona, var route) = posts[_random.Next(posts.Length)];
                (var body, hasNul) = FormBody(clients[persona]);
                request = new HttpRequestMessage(HttpMethod.Post, Fill(route))
                {
                    Content = new ByteArrayContent(Encoding.ASCII.GetBytes(body)) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } },
                };
            }

            var replay = _random.Next(8) == 0;
            for (var attempt = 0; attempt < (replay ? 2 : 1); attempt++)
            {
                using var copy = await CloneAsync(request);
                using var response = await clients[persona].Client.SendAsync(copy);
                var text = await response.Content.ReadAsStringAsync();
                requests++;
                var what = $"{copy.Method} {copy.RequestUri} as {persona} (request {requests}, seed {Seed})";
                Assert.True((int)response.StatusCode < 500, $"{what} answered {(int)response.StatusCode}.");
                if (hasNul)
                {
                    unreadable++;
                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest && text.Contains("请求格式不正确", StringComparison.Ordinal),
                        $"{what} carried a NUL byte but answered {(int)response.StatusCode} without 请求格式不正确.");
                }

                var after = await FingerprintAsync();
                if ((int)response.StatusCode is >= 400 and < 500)
                {
                    refused++;
                    Assert.True(Difference(fingerprint, after).Length == 0, $"{what} was refused with {(int)response.StatusCode} but changed {Difference(fingerprint, after)}.");
                }

                fingerprint = after;
            }

            request.Dispose();
        }

        await OutOfOrderAsync(clients["seller"], contractId);
        output.WriteLine($"Fuzz: {requests} requests ({refused} refused with 4xx, {unreadable} unreadable bodies) in {started.Elapsed.TotalSeconds:0.0} s, seed {Seed}.");
        Assert.True(requests > 100, $"Only {requests} requests fitted in the budget.");
    }

    /// <summary>Filing before any code was sent, and a replayed filing: nothing is filed, nothing fails.</summary>
    private async Task OutOfOrderAsync(Persona seller, Guid contractId)
    {
        var page = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/file");
        foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => f.Method == "post"))
        {
            for (var replay = 0; replay < 2; replay++)
            {
                using var response = await Forms.SubmitAsync(seller.Client, page, $"form[action='{form.GetAttribute("action")}']");
                Assert.True((int)response.StatusCode < 500, $"Out-of-order post to {form.GetAttribute("action")} answered {(int)response.StatusCode}.");
            }
        }

        var status = await _factory.WithDbAsync(db => Task.FromResult(db.Contracts.Where(c => c.Id == contractId).Select(c => c.Status).Single()));
        Assert.Equal(Wuhan.Resale.Domain.Contracts.ContractStatus.Draft, status);
    }

    private (string Body, bool HasNul) FormBody(Persona persona)
    {
        var fields = new List<string>();
        var hasNul = false;
        switch (_random.Next(10))
        {
            case < 7:
                fields.Add("__RequestVerificationToken=" + Uri.EscapeDataString(persona.Token));
                break;
            case 7:
                fields.Add("__RequestVerificationToken=" + Uri.EscapeDataString(persona.Token));
                fields.Add("__RequestVerificationToken=" + Uri.EscapeDataString(persona.Token));
                break;
            case 8:
                fields.Add("__RequestVerificationToken=" + Uri.EscapeDataString(Pick(Hostile)));
                break;
        }

        var count = _random.Next(10) == 0 ? 0 : _random.Next(1, Math.Min(persona.Fields.Length, 12) + 1);
        for (var i = 0; i < count; i++)
        {
            var name = _random.Next(12) == 0 ? Pick(Hostile) : persona.Fields[_random.Next(persona.Fields.Length)];
            var (value, nul) = HostileValue();
            hasNul |= nul;
            fields.Add(Uri.EscapeDataString(name) + "=" + value);
            if (_random.Next(6) == 0)
            {
                fields.Add(Uri.EscapeDataString(name) + "=" + HostileValue().Encoded);
            }
        }

        if (_random.Next(40) == 0)
        {
            fields.AddRange(Enumerable.Range(0, 1_100).Select(i => $"f{i}=1"));
            return (string.Join('&', fields), true);
        }

        return (string.Join('&', fields), hasNul);
    }

    /// <summary>An already URL-encoded value; NUL and broken UTF-8 are written as raw escapes.</summary>
    private (string Encoded, bool HasNul) HostileValue() => _random.Next(14) switch
    {
        0 => ("a%00b", true),
        1 => ("%ED%A0%80%FF%FE", false),
        2 => (new string(_random.Next(2) == 0 ? 'A' : '9', _random.Next(5_000, 80_000)), false),
        3 => (Uri.EscapeDataString(string.Concat(Enumerable.Repeat("武汉", _random.Next(500, 5_000)))), false),
        _ => (Uri.EscapeDataString(Pick(Hostile)), false),
    };

    private HttpRequestMessage PartnerRequest()
    {
        var number = Uri.EscapeDataString(Pick(Hostile) is { Length: > 0 } h ? h : "x");
        var request = _random.Next(2) == 0
            ? new HttpRequestMessage(HttpMethod.Get, $"/api/partner/contracts/{number}")
            : new HttpRequestMessage(HttpMethod.Post, $"/api/partner/contracts/{number}/registration")
            {
                Content = new StringContent(_random.Next(3) switch
                {
                    0 => "{\"registeredOn\":" + Pick(["\"2026-13-45\"", "12", "null", "[]", "\"" + new string('9', 10_000) + "\""]) + "}",
                    1 => "{{{{",
                    _ => Pick(Hostile),
                }, Encoding.UTF8, _random.Next(4) == 0 ? "text/plain" : "application/json"),
            };
        switch (_random.Next(4))
        {
            case 0:
                request.Headers.Add("X-Api-Key", "demo-registration-2026-key");
                break;
            case 1:
                request.Headers.Add("X-Api-Key", "demo-tax-2026-key");
                break;
            case 2:
                request.Headers.TryAddWithoutValidation("X-Api-Key", Pick(Hostile));
                break;
        }

        return request;
    }

    private static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Content is not null)
        {
            copy.Content = new ByteArrayContent(await request.Content.ReadAsByteArrayAsync());
            foreach (var header in request.Content.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    /// <summary>A client, its antiforgery token and every field name of the forms it can see.</summary>
    private static async Task<Persona> PersonaAsync(HttpClient client, params string[] pages)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        string? token = null;
        foreach (var path in pages)
        {
            var page = await Forms.GetDocumentAsync(client, path);
            token ??= page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
            foreach (var element in page.QuerySelectorAll("form input[name], form select[name], form textarea[name], form button[name]"))
            {
                names.Add(element.GetAttribute("name")!);
            }
        }

        names.Remove("__RequestVerificationToken");
        names.Add("action");
        return new Persona(client, token ?? string.Empty, [.. names]);
    }

    /// <summary>Every row of every table but the few a refusal may touch, hashed table by table.</summary>
    private async Task<Dictionary<string, string>> FingerprintAsync()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_factory.DataDirectory, "resale.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables.Where(t => !Volatile.Contains(t)))
        {
            await using var select = connection.CreateCommand();
            // The worker also texts the person when their query is done (issue 15), on its own schedule too.
            select.CommandText = table == "SmsMessages"
                ? $"SELECT * FROM \"{table}\" WHERE \"Purpose\" <> '{WorkerSmsPurpose}' ORDER BY rowid"
                : $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) + "\u001f"));
                }
            }

            result[table] = Convert.ToHexString(hash.GetHashAndReset());
        }

        return result;
    }

    private static string Difference(Dictionary<string, string> before, Dictionary<string, string> after) =>
        string.Join(", ", after.Where(t => !before.TryGetValue(t.Key, out var old) || old != t.Value).Select(t => t.Key));

    private sealed record Persona(HttpClient Client, string Token, string[] Fields);
}
