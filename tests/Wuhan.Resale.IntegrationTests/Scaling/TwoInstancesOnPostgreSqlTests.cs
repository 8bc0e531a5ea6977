using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Scaling;

/// <summary>
/// Two portal processes (real Kestrel, two ports) on one PostgreSQL database, signed in as the low-privilege role, as
/// two instances behind a balancer: started once for the tests of this class.
/// </summary>
public sealed class TwoPortalProcessesOnPostgreSql : IAsyncLifetime
{
    /// <summary>Seeded synthetic sellers, buyers and homes (seed-load-population) for the load run's journeys.</summary>
    public const int Population = 24;

    private readonly List<string> _directories = [];

    public string Database { get; private set; } = string.Empty;

    public PortalProcess A { get; private set; } = null!;

    public PortalProcess B { get; private set; } = null!;

    public Dictionary<string, string> Settings { get; } = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = "PostgreSql",
        ["Database__MigrateOnStartup"] = "false",
        // Keys every instance must share: the personal-data keys (encryption and look-up hashes) and the certificate
        // that protects the data-protection keys kept in the database (cookies, antiforgery, captcha tokens).
        ["PersonalData__EncryptionKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
        ["PersonalData__HashKey"] = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray()),
        ["DataProtection__Certificate"] = PortalFactory.DataProtectionCertificate.Value,
        ["Captcha__FixedAnswer"] = "LOAD",
        // A registry that takes a second, so both workers see each query pending and one of them must win the claim.
        ["Integrations__PropertyRegistry__EmbeddedQueryDelay"] = "00:00:01",
        // Each simulated citizen comes from its own address in X-Forwarded-For, honoured from loopback.
        ["ForwardedHeaders__Enabled"] = "true",
        ["RateLimits__AnonymousPagesPerMinute"] = "100000",
        ["RateLimits__CaptchaImagesPerMinute"] = "100000",
        ["RateLimits__SignInPostsPerMinute"] = "100000",
        ["Revocation__AttemptsPerContract"] = "3",
        ["Serilog__MinimumLevel__Default"] = "Information",
    };

    public async Task InitializeAsync()
    {
        Database = await PostgreSqlServer.CreateDatabaseAsync();
        Settings["ConnectionStrings__Resale"] = PostgreSqlServer.ConnectionString(PostgreSqlServer.PortalConnectionString, Database);

        var seeding = new Dictionary<string, string>(Settings) { ["Storage__DataDirectory"] = NewDirectory() };
        var (exit, output) = await PortalProcess.RunAsync(PortalProcess.Assembly("Wuhan.Resale.Web", "src"),
            ["seed-load-population", Population.ToString(CultureInfo.InvariantCulture)], seeding, TimeSpan.FromMinutes(3));
        Assert.True(exit == 0, "seed-load-population failed:\n" + output);

        // One after the other: the second finds the demo data the first seeded.
        A = await PortalProcess.StartAsync(Settings, NewDirectory());
        B = await PortalProcess.StartAsync(Settings, NewDirectory());
    }

    public async Task DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (Database.Length > 0)
        {
            await PostgreSqlServer.DropDatabaseAsync(Database);
        }

        foreach (var directory in _directories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by an exiting process; the temp folder is cleaned later.
            }
        }
    }

    public Web.Data.PostgreSqlResaleDbContext Owner() =>
        PostgreSqlServer.Context(PostgreSqlServer.ConnectionString(PostgreSqlServer.OwnerConnectionString, Database));

    private string NewDirectory()
    {
        var directory = PortalFactory.NewDataDirectory();
        _directories.Add(directory);
        return directory;
    }
}

/// <summary>
/// What a city deployment needs from several instances: a person moves between them with one cookie, a background
/// query is done once, limits hold for the portal and not per instance, tokens issued by one are honoured by the other,
/// and contract numbers stay distinct and gap-free when filings race through both.
/// Alone in the process: two portals and the load run on two cores leave no room for other tests beside them.
/// </summary>
[Collection(nameof(Operations.AloneInTheProcess))]
public sealed class TwoInstancesOnPostgreSqlTests(TwoPortalProcessesOnPostgreSql portal) : IClassFixture<TwoPortalProcessesOnPostgreSql>
{
    [Fact]
    public async Task TheLoadRun_SpreadOverBothInstances_FilesEveryJourney_WithDistinctGapFreeNumbers_AndEachQueryDoneOnce()
    {
        // Every request goes to the other instance than the one before: QR sign-in completed on one and the next page
        // read on the other, the query started on one and polled on both, filing codes sent by one and checked by the other.
        const int journeys = 6;
        var (exit, output) = await PortalProcess.RunAsync(PortalProcess.Assembly("Wuhan.Resale.LoadRun", "bench"),
        [
            "--base-url", portal.A.Address.ToString(), "--base-url", portal.B.Address.ToString(),
            "--journeys", journeys.ToString(CultureInfo.InvariantCulture), "--concurrency", "3", "--warmup", "0",
            "--population", TwoPortalProcessesOnPostgreSql.Population.ToString(CultureInfo.InvariantCulture), "--revoke-every", "3",
        ], new Dictionary<string, string>(), TimeSpan.FromMinutes(4));

        Assert.True(exit == 0, "the load run failed:\n" + output + "\n--- A:\n" + Tail(portal.A.Output) + "\n--- B:\n" + Tail(portal.B.Output));
        Assert.Contains("OK: no errors, no 5xx", output, StringComparison.Ordinal);

        await using var db = portal.Owner();
        var filed = await db.Contracts.AsNoTracking()
            .Where(c => c.ContractNumber != null)
            .Select(c => new { c.ContractNumber, c.Status })
            .ToListAsync();
        var numbers = filed.Select(c => c.ContractNumber!).ToList();
        Assert.Equal(journeys, numbers.Count);
        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
        var serials = numbers.Select(n => long.Parse(n[^6..], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range((int)serials[0], journeys).Select(n => (long)n), serials);
        Assert.Equal(2, filed.Count(c => c.Status == ContractStatus.Revoked));

        var queries = await db.PropertyQueries.AsNoTracking().Select(q => new { q.Id, q.Status }).ToListAsync();
        Assert.Equal(journeys, queries.Count);
        Assert.All(queries, q => Assert.Equal(PropertyQueryStatus.Completed, q.Status));
        var completions = await db.AuditEvents.AsNoTracking().Where(e => e.Action == "query.completed").Select(e => e.EntityId).ToListAsync();
        Assert.Equal(queries.Select(q => q.Id.ToString()).Order(), completions.Order());

        // Both instances served the journeys' pages and posts.
        Assert.Contains("HTTP POST /contracts/", portal.A.Output, StringComparison.Ordinal);
        Assert.Contains("HTTP POST /contracts/", portal.B.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevocationLookups_OverTheLimit_AreRefused_WhicheverInstanceTheyReach()
    {
        // Revocation:AttemptsPerContract is 3 here: three look-ups of one number, then a fourth is refused on either.
        var number = "武房2026" + Random.Shared.Next(900000, 999999).ToString(CultureInfo.InvariantCulture);
        var messages = new List<string?>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var instance = attempt % 2 == 0 ? portal.A : portal.B;
            using var client = Browser(instance, $"10.77.0.{attempt + 1}");
            var page = await Forms.GetDocumentAsync(client, "/revocation");
            using var response = await Forms.SubmitAsync(client, page, "form", new Dictionary<string, string?>
            {
                ["ContractNumber"] = number,
                ["IdNumber"] = "420102199001011234",
                ["CaptchaAnswer"] = "LOAD",
                ["Intent"] = "lookup",
            });
            var result = await Forms.ParseAsync(response);
            messages.Add(result.QuerySelector(".alert, [role=alert]")?.TextContent.Trim());
        }

        Assert.All(messages.Take(3), m => Assert.DoesNotContain("尝试次数过多", m ?? string.Empty, StringComparison.Ordinal));
        Assert.Contains("尝试次数过多", messages[3] ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACaptchaIssuedByOneInstance_IsAnsweredAtTheOther_OnlyOnce()
    {
        var jar = new CookieContainer();
        using var onA = Browser(portal.A, "10.78.0.1", jar);
        using var onB = Browser(portal.B, "10.78.0.1", jar);
        var fields = new Dictionary<string, string?>
        {
            ["ContractNumber"] = "武房2026" + Random.Shared.Next(800000, 899999).ToString(CultureInfo.InvariantCulture),
            ["IdNumber"] = "420102199001011234",
            ["CaptchaAnswer"] = "LOAD",
            ["Intent"] = "lookup",
        };

        // The page (its antiforgery token and its sealed captcha) comes from A; the answer goes to B, then again to A.
        var page = await Forms.GetDocumentAsync(onA, "/revocation");
        var picture = page.QuerySelector("img[src^='/captcha/']")?.GetAttribute("src");
        using var image = await onB.GetAsync(new Uri(picture!, UriKind.Relative));
        using var answeredAtB = await Forms.SubmitAsync(onB, page, "form", fields);
        var atB = await Forms.ParseAsync(answeredAtB);
        using var replayedAtA = await Forms.SubmitAsync(onA, page, "form", fields);
        var atA = await Forms.ParseAsync(replayedAtA);

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, answeredAtB.StatusCode);
        Assert.Null(Forms.FieldError(atB, "CaptchaAnswer"));
        Assert.NotNull(atB.QuerySelector(".alert, [role=alert]"));
        Assert.Contains("图片验证码不正确或已失效", Forms.FieldError(atA, "CaptchaAnswer") ?? string.Empty, StringComparison.Ordinal);
    }

    private static HttpClient Browser(PortalProcess instance, string address, CookieContainer? jar = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = jar ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = instance.Address,
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static string Tail(string text) => text.Length > 3000 ? text[^3000..] : text;
}
