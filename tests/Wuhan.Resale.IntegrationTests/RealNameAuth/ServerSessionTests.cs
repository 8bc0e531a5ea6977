using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.IntegrationTests.RealNameAuth;

/// <summary>A citizen's cookie is only as good as the session row behind it.</summary>
public sealed class ServerSessionTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public ServerSessionTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    private async Task<(HttpClient Desktop, string Cookies)> SignInAsync()
    {
        var login = new CitizenLogin(_factory);
        var desktop = await login.SignInAsync(DemoData.Citizen("seller-clean"));
        return (desktop, CookieJars.Copy(login.DesktopCookies));
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path) =>
        await client.GetAsync(new Uri(path, UriKind.Relative));

    private Task<List<UserSession>> SessionsAsync() =>
        _factory.WithDbAsync(db => db.UserSessions.AsNoTracking().ToListAsync());

    [Fact]
    public async Task TheCookie_ReplayedAfterSignOut_IsSentToSignIn()
    {
        var (desktop, cookies) = await SignInAsync();
        var me = await Forms.GetDocumentAsync(desktop, "/me");
        using var signOut = await Forms.SubmitAsync(desktop, me, "form[action='/logout']");
        using var replay = CookieJars.Replay(_factory, cookies);

        using var replayedMe = await GetAsync(replay, "/me");
        using var replayedContracts = await GetAsync(replay, "/contracts");

        Assert.Equal("/?message=signed-out", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, replayedMe.StatusCode);
        Assert.Equal("/?message=timeout", replayedMe.Headers.Location?.OriginalString);
        Assert.Equal("/?message=timeout", replayedContracts.Headers.Location?.OriginalString);
        var session = Assert.Single(await SessionsAsync());
        Assert.Equal(SessionKind.Citizen, session.Kind);
        Assert.Equal(SessionEndReason.SignedOut, session.EndReason);
        Assert.True(await _factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "logout" && e.EntityId == session.Id.ToString())));
    }

    [Fact]
    public async Task TheCookie_StillWorks_WhileTheSessionIsOpen()
    {
        var (_, cookies) = await SignInAsync();
        using var replay = CookieJars.Replay(_factory, cookies);

        using var me = await GetAsync(replay, "/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task TwentyOneIdleMinutes_SignThePersonOut()
    {
        var (desktop, _) = await SignInAsync();
        _clock.Advance(TimeSpan.FromMinutes(21));

        using var me = await GetAsync(desktop, "/me");

        Assert.Equal("/?message=timeout", me.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheIdleLimit_IsEnforcedOnTheRecord_EvenWhenTheCookieIsFresh()
    {
        var (desktop, _) = await SignInAsync();
        await _factory.WithDbAsync(async db =>
        {
            var row = await db.UserSessions.SingleAsync();
            db.Entry(row).Property(s => s.LastSeenAt).CurrentValue = _clock.GetUtcNow() - TimeSpan.FromMinutes(21);
            return await db.SaveChangesAsync();
        });
        _clock.Advance(TimeSpan.FromMinutes(1));

        using var me = await GetAsync(desktop, "/me");

        Assert.Equal("/?message=timeout", me.Headers.Location?.OriginalString);
        Assert.Equal(SessionEndReason.IdleTimeout, Assert.Single(await SessionsAsync()).EndReason);
        Assert.True(await _factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "session.ended")));
    }

    [Fact]
    public async Task LastSeen_IsWrittenAtMostOnceAMinute_AndKeepsAnActiveSessionGoing()
    {
        var (desktop, _) = await SignInAsync();
        var started = Assert.Single(await SessionsAsync()).LastSeenAt;

        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            using var quick = await GetAsync(desktop, "/me");
            Assert.Equal(HttpStatusCode.OK, quick.StatusCode);
        }

        var afterQuickRequests = Assert.Single(await SessionsAsync()).LastSeenAt;

        // Ten minutes apart for 50 minutes: each request moves last-seen, so the 20-minute idle limit never strikes.
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(10));
            using var later = await GetAsync(desktop, "/me");
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        }

        Assert.Equal(started, afterQuickRequests);
        Assert.Equal(_clock.GetUtcNow(), Assert.Single(await SessionsAsync()).LastSeenAt);
    }

    [Fact]
    public async Task EachSignIn_StartsItsOwnSession()
    {
        await SignInAsync();
        await SignInAsync();

        var sessions = await SessionsAsync();

        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.Null(s.EndedAt));
    }
}
