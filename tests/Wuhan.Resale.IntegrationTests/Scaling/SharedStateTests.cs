using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Scaling;

/// <summary>
/// Two portal hosts on one database, as two instances behind a load balancer: what one instance counts or ends holds on
/// the other. (The same on PostgreSQL with real processes: <c>TwoInstancesOnPostgreSqlTests</c>.)
/// </summary>
public sealed class SharedStateTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 2, 0, 10, TimeSpan.Zero);

    private readonly string _directory = PortalFactory.NewDataDirectory();
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly PortalFactory _a;
    private readonly PortalFactory _b;

    public SharedStateTests()
    {
        _a = Instance();
        _b = Instance();
        _ = _a.Services; // A migrates and seeds first; B starts on the prepared database.
        _ = _b.Services;
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held by a closing sink; the temp folder is cleaned later.
        }
    }

    private PortalFactory Instance()
    {
        var factory = new PortalFactory(_directory)
        {
            Clock = _clock,
            ConfigureServices = services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>(),
        };
        factory.Settings["RateLimits:SignInPostsPerMinute"] = "2";
        factory.Settings["RateLimits:PartnerRequestsPerMinute"] = "2";
        return factory;
    }

    private static HttpClient Client(PortalFactory factory, string address, string? apiKey = null)
    {
        var client = factory.CreateClient(CitizenLogin.NoRedirects);
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.HeaderName, address);
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    private static async Task<HttpStatusCode> StaffSignInAsync(PortalFactory factory, string address)
    {
        var client = Client(factory, address);
        var page = await Forms.GetDocumentAsync(client, "/staff/login");
        using var response = await Forms.SubmitAsync(client, page, "form",
            new Dictionary<string, string?> { ["UserName"] = "nobody", ["Password"] = "wrong-password" });
        return response.StatusCode;
    }

    [Fact]
    public async Task SignInPosts_SpreadOverTwoInstances_AreCountedAsOne_AndRefusedOverTheLimit()
    {
        var statuses = new List<HttpStatusCode>
        {
            await StaffSignInAsync(_a, "10.9.0.1"),
            await StaffSignInAsync(_b, "10.9.0.1"),
            await StaffSignInAsync(_a, "10.9.0.1"),
            await StaffSignInAsync(_b, "10.9.0.1"),
        };
        var otherClient = await StaffSignInAsync(_b, "10.9.0.2");

        // A limit kept per instance would have let all four through (two on each).
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, otherClient);

        // The next minute starts a new count, on either instance (the rows of minutes that are over go with RetentionJob).
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await StaffSignInAsync(_b, "10.9.0.1"));

        // The counters name neither the address nor anything readable back to it.
        var keys = await _a.WithDbAsync(db => db.RateCounters.AsNoTracking().Select(c => c.Key).ToListAsync());
        Assert.All(keys, key => Assert.DoesNotContain("10.9.0", key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PartnerCalls_SpreadOverTwoInstances_AreLimitedPerKeyForThePortal()
    {
        var path = new Uri("/api/partner/contracts/" + Uri.EscapeDataString("武房2026000001"), UriKind.Relative);

        using var first = await Client(_a, "10.9.1.1", "demo-tax-2026-key").GetAsync(path);
        using var second = await Client(_b, "10.9.1.2", "demo-tax-2026-key").GetAsync(path);
        using var third = await Client(_a, "10.9.1.3", "demo-tax-2026-key").GetAsync(path);
        using var otherKey = await Client(_b, "10.9.1.1", "demo-registration-2026-key").GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        Assert.InRange(int.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.NotFound, otherKey.StatusCode);
    }

    [Fact]
    public async Task ASessionEndedOnOneInstance_IsRefusedOnTheOther_AssoonAsItLooks()
    {
        var login = new CitizenLogin(_a);
        var desktop = await login.SignInAsync(DemoData.Citizen("seller-clean"));
        var cookies = CookieJars.Copy(login.DesktopCookies);
        using var onB = CookieJars.Replay(_b, cookies);
        using (var before = await onB.GetAsync(new Uri("/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var me = await Forms.GetDocumentAsync(desktop, "/me");
        using var signOut = await Forms.SubmitAsync(desktop, me, "form[action='/logout']");
        Assert.Equal("/?message=signed-out", signOut.Headers.Location?.OriginalString);

        // B checked the session a moment ago and would trust that answer for a few seconds more; its watcher's next look
        // (every Sessions:EndPollInterval) is what ends the trust.
        using (var trusted = await onB.GetAsync(new Uri("/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, trusted.StatusCode);
        }

        var forgotten = await _b.Services.GetRequiredService<SessionEndWatcher>().ForgetEndedAsync(CancellationToken.None);
        using var after = await onB.GetAsync(new Uri("/me", UriKind.Relative));

        Assert.Equal(1, forgotten);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/?message=timeout", after.Headers.Location?.OriginalString);
    }
}
