using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.IntegrationTests.Staff;

/// <summary>Staff sessions end at sign-out and at once when an administrator disables, re-roles or resets the account.</summary>
public sealed class StaffSessionsTests : IDisposable
{
    private readonly PortalFactory _factory = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)) };

    public void Dispose() => _factory.Dispose();

    private static async Task<string?> LocationOfAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK ? "200" : response.Headers.Location?.OriginalString.Split('?')[0];
    }

    private async Task<string> ClerkIdAsync() =>
        await _factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync());

    private static async Task<HttpResponseMessage> SubmitOnAccountsPageAsync(HttpClient admin, string action, Dictionary<string, string?>? values = null)
    {
        var page = await Forms.GetDocumentAsync(admin, "/staff/accounts");
        return await Forms.SubmitAsync(admin, page, $"form[action='{action}']", values);
    }

    [Fact]
    public async Task TheCookie_ReplayedAfterStaffSignOut_IsSentToStaffSignIn()
    {
        var jar = new CookieContainer();
        var clerk = await StaffLogin.SignInAsync(_factory, "staff", jar);
        var cookies = CookieJars.Copy(jar);
        var home = await Forms.GetDocumentAsync(clerk, "/staff");
        using var signOut = await Forms.SubmitAsync(clerk, home, "form[action='/logout']");
        using var replay = CookieJars.Replay(_factory, cookies);

        Assert.Equal("/staff/login", await LocationOfAsync(replay, "/staff"));
        Assert.Equal("/staff/login", await LocationOfAsync(replay, "/staff/contracts"));
        var session = Assert.Single(await _factory.WithDbAsync(db => db.UserSessions.AsNoTracking().ToListAsync()));
        Assert.Equal(SessionKind.Staff, session.Kind);
        Assert.Equal(SessionEndReason.SignedOut, session.EndReason);
    }

    [Fact]
    public async Task AClerkDisabledByAnAdministrator_IsSignedOutOnTheVeryNextRequest()
    {
        var clerk = await StaffLogin.SignInAsync(_factory, "staff");
        var admin = await StaffLogin.SignInAsync(_factory, "admin");
        Assert.Equal("200", await LocationOfAsync(clerk, "/staff"));

        using var disabled = await SubmitOnAccountsPageAsync(admin, $"/staff/accounts/{await ClerkIdAsync()}/enabled");

        Assert.Equal("/staff/accounts?message=updated", disabled.Headers.Location?.OriginalString);
        Assert.Equal("/staff/login", await LocationOfAsync(clerk, "/staff"));
        Assert.Equal("200", await LocationOfAsync(admin, "/staff"));
        var ended = await _factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "session.ended").Select(e => e.Detail).ToListAsync());
        Assert.Equal("会话结束：账号被停用", Assert.Single(ended));
        var clerkId = await ClerkIdAsync();
        await AuditLog.AssertAsync(_factory, "staff.account-disabled", ActorKind.Staff, "User", clerkId);

        // Re-enabled, the clerk signs in again; the event names the administrator as the actor.
        using var enabled = await SubmitOnAccountsPageAsync(admin, $"/staff/accounts/{clerkId}/enabled");
        Assert.Equal("/staff/accounts?message=updated", enabled.Headers.Location?.OriginalString);
        var back = await StaffLogin.SignInAsync(_factory, "staff");
        Assert.Equal("200", await LocationOfAsync(back, "/staff"));
        var adminId = await _factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());
        Assert.Equal(adminId, (await AuditLog.AssertAsync(_factory, "staff.account-enabled", ActorKind.Staff, "User", clerkId)).ActorId);
    }

    [Fact]
    public async Task AnAdministrator_CannotDisableTheirOwnAccount()
    {
        var admin = await StaffLogin.SignInAsync(_factory, "admin");
        var adminId = await _factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());

        using var refused = await SubmitOnAccountsPageAsync(admin, $"/staff/accounts/{adminId}/enabled");

        Assert.Equal("不能停用自己的账号。", (await Forms.ParseAsync(refused)).QuerySelector(".alert-error")?.TextContent.Trim());
        Assert.Equal("200", await LocationOfAsync(admin, "/staff/accounts"));
        Assert.Empty(await AuditLog.OfAsync(_factory, "staff.account-disabled"));
        Assert.Empty(await _factory.WithDbAsync(db => db.UserSessions.AsNoTracking().Where(s => s.EndedAt != null).ToListAsync()));
    }

    [Fact]
    public async Task ARoleChange_EndsEverySessionOfTheAccount()
    {
        var first = await StaffLogin.SignInAsync(_factory, "staff");
        var second = await StaffLogin.SignInAsync(_factory, "staff");
        var admin = await StaffLogin.SignInAsync(_factory, "admin");

        using var changed = await SubmitOnAccountsPageAsync(admin, $"/staff/accounts/{await ClerkIdAsync()}/role",
            new Dictionary<string, string?> { ["role"] = Roles.Administrator });

        Assert.Equal("/staff/accounts?message=role", changed.Headers.Location?.OriginalString);
        Assert.Equal("/staff/login", await LocationOfAsync(first, "/staff"));
        Assert.Equal("/staff/login", await LocationOfAsync(second, "/staff"));
        var again = await StaffLogin.SignInAsync(_factory, "staff");
        Assert.Equal("200", await LocationOfAsync(again, "/staff/accounts"));
        await AuditLog.AssertAsync(_factory, "staff.role-changed", ActorKind.Staff, "User", await ClerkIdAsync());
    }

    [Fact]
    public async Task APasswordReset_EndsEverySessionOfTheAccount_AndOnlyTheNewPasswordWorks()
    {
        var clerk = await StaffLogin.SignInAsync(_factory, "staff");
        var admin = await StaffLogin.SignInAsync(_factory, "admin");
        var action = $"/staff/accounts/{await ClerkIdAsync()}/password";

        using var weak = await SubmitOnAccountsPageAsync(admin, action, new Dictionary<string, string?> { ["newPassword"] = "short" });
        Assert.Equal("200", await LocationOfAsync(clerk, "/staff"));
        using var reset = await SubmitOnAccountsPageAsync(admin, action, new Dictionary<string, string?> { ["newPassword"] = "Jiangan#2026new" });

        Assert.Contains("新密码至少10位", (await Forms.ParseAsync(weak)).QuerySelector(".alert-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("/staff/accounts?message=password", reset.Headers.Location?.OriginalString);
        Assert.Equal("/staff/login", await LocationOfAsync(clerk, "/staff"));
        var staff = DemoData.Set.Staff.Single(s => s.UserName == "staff");
        Assert.False(await StaffLogin.SignInAsync(_factory.CreateClient(CitizenLogin.NoRedirects), "staff", staff.Password, staff.AuthenticatorKey));
        Assert.True(await StaffLogin.SignInAsync(_factory.CreateClient(CitizenLogin.NoRedirects), "staff", "Jiangan#2026new", staff.AuthenticatorKey));
        var audit = await _factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Select(e => e.Action + " " + e.Detail).ToListAsync());
        Assert.Contains("session.ended 会话结束：密码被重置", audit);
        await AuditLog.AssertAsync(_factory, "staff.password-reset", ActorKind.Staff, "User", await ClerkIdAsync());
        Assert.DoesNotContain(audit, a => a.Contains("Jiangan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStaffMember_SeesOnlyTheirOwnSessions_AndEndsAnotherOne()
    {
        var here = await StaffLogin.SignInAsync(_factory, "staff");
        using var elsewhere = CookieJars.NewClient(_factory, new CookieContainer());
        elsewhere.DefaultRequestHeaders.UserAgent.ParseAdd(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0");
        var staff = DemoData.Set.Staff.Single(s => s.UserName == "staff");
        Assert.True(await StaffLogin.SignInAsync(elsewhere, staff.UserName, staff.Password, staff.AuthenticatorKey));
        var admin = await StaffLogin.SignInAsync(_factory, "admin");

        var list = await Forms.GetDocumentAsync(here, "/staff/sessions");
        var rows = list.QuerySelectorAll("#sessions tbody tr");
        var other = rows.Single(r => r.QuerySelector("form") is not null);
        Assert.Equal("Edge（Windows）", other.QuerySelector("td[data-label='浏览器']")?.TextContent);
        Assert.Equal("2026-11-26 10:00", other.QuerySelector("td[data-label='登录时间']")?.TextContent);
        Assert.Equal("未知", other.QuerySelector("td[data-label='网络地址']")?.TextContent);
        var adminRows = (await Forms.GetDocumentAsync(admin, "/staff/sessions")).QuerySelectorAll("#sessions tbody tr");
        using var ended = await Forms.SubmitAsync(here, list, "#sessions form");

        Assert.Equal(2, rows.Length);
        Assert.Single(rows, r => r.TextContent.Contains("当前会话", StringComparison.Ordinal));
        Assert.Single(adminRows);
        Assert.Equal("/staff/sessions?message=ended", ended.Headers.Location?.OriginalString);
        Assert.Equal("/staff/login", await LocationOfAsync(elsewhere, "/staff"));
        Assert.Equal("200", await LocationOfAsync(here, "/staff"));
        Assert.Single((await Forms.GetDocumentAsync(here, "/staff/sessions")).QuerySelectorAll("#sessions tbody tr"));
    }

    [Fact]
    public async Task NoOneEndsAnotherPersonsSession()
    {
        var clerk = await StaffLogin.SignInAsync(_factory, "staff");
        var admin = await StaffLogin.SignInAsync(_factory, "admin");
        var adminSession = await _factory.WithDbAsync(db => db.UserSessions.AsNoTracking()
            .Where(s => s.UserId != db.Users.Single(u => u.UserName == "staff").Id).Select(s => s.Id).SingleAsync());
        var home = await Forms.GetDocumentAsync(clerk, "/staff");
        var token = home.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");

        using var attempt = await clerk.PostAsync(new Uri($"/staff/sessions/{adminSession}/end", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token ?? string.Empty)]));

        Assert.Equal(HttpStatusCode.NotFound, attempt.StatusCode);
        Assert.Equal("200", await LocationOfAsync(admin, "/staff"));
    }
}
