using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Data.Seed;
using Wuhan.Resale.Web.Features.Staff;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Staff;

public sealed class StaffTwoFactorTests : IDisposable
{
    private const string ClerkPassword = "Qiaokou#2026ok";
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static DemoStaff Clerk => DemoData.Set.Staff.Single(s => s.UserName == "staff");

    [Fact]
    public async Task APasswordAlone_DoesNotSignInAnAccountWithTwoFactor()
    {
        using var client = _factory.CreateClient(CitizenLogin.NoRedirects);

        using var password = await StaffLogin.SubmitPasswordAsync(client, Clerk.UserName, Clerk.Password);
        using var home = await client.GetAsync(new Uri("/staff", UriKind.Relative));
        using var contracts = await client.GetAsync(new Uri("/staff/contracts", UriKind.Relative));
        var codePage = await Forms.GetDocumentAsync(client, StaffLogin.CodePath);

        Assert.StartsWith(StaffLogin.CodePath, password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith("/staff/login?returnUrl=", home.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith("/staff/login?returnUrl=", contracts.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.NotNull(codePage.QuerySelector("input#Code"));
        Assert.Contains("staff.login.password-accepted", await ActionsAsync());
        Assert.DoesNotContain("staff.login.succeeded", await ActionsAsync());
    }

    [Fact]
    public async Task AWrongCode_IsRefusedBesideTheField_AndCounted_ThenTheRightCodeSignsIn()
    {
        using var client = await PasswordAcceptedAsync();
        var (right, wrong) = Codes();

        using var refused = await StaffLogin.SubmitCodeAsync(client, wrong);
        var refusedPage = await Forms.ParseAsync(refused);
        var failuresAfterWrong = await FailedCountAsync(Clerk.UserName);
        using var accepted = await StaffLogin.SubmitCodeAsync(client, right);
        using var home = await client.GetAsync(new Uri("/staff", UriKind.Relative));

        Assert.Equal(StaffTwoFactorController.WrongCodeMessage, Forms.FieldError(refusedPage, "Code"));
        Assert.Equal(1, failuresAfterWrong);
        Assert.Equal("/staff", accepted.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(0, await FailedCountAsync(Clerk.UserName));
        Assert.Contains(StaffTwoFactorController.CodeFailedAction, await ActionsAsync());
        Assert.DoesNotContain(await _factory.WithDbAsync(db => db.AuditEvents.Select(e => e.Detail).ToListAsync()),
            d => d != null && (d.Contains(right, StringComparison.Ordinal) || d.Contains(wrong, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FiveWrongCodes_LockTheAccount_AndEndTheHalfFinishedSignIn()
    {
        using var client = await PasswordAcceptedAsync();
        var codePageBeforeLock = await Forms.GetDocumentAsync(client, StaffLogin.CodePath);
        var wrong = Codes().Wrong;
        string? last = null;
        for (var i = 0; i < 5; i++)
        {
            using var refused = await StaffLogin.SubmitCodeAsync(client, wrong);
            last = refused.Headers.Location?.OriginalString;
        }

        using var codePage = await client.GetAsync(new Uri(StaffLogin.CodePath, UriKind.Relative));
        var locked = await WithUsersAsync(async users => await users.IsLockedOutAsync((await users.FindByNameAsync(Clerk.UserName))!));

        Assert.Equal("/staff/login?message=refused", last);
        Assert.True(locked);
        Assert.StartsWith("/staff/login", codePage.Headers.Location?.OriginalString, StringComparison.Ordinal);

        // Even the right code, sent from the page opened before the lock, does not get in; the attempt is logged.
        using var afterLock = await Forms.SubmitAsync(client, codePageBeforeLock, "form", new Dictionary<string, string?> { ["Code"] = Totp.Code(Clerk.AuthenticatorKey!) });
        Assert.StartsWith("/staff/login", afterLock.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var expired = Assert.Single(await _factory.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "staff.login.code-expired").ToListAsync()));
        Assert.Equal(Domain.Auditing.ActorKind.Anonymous, expired.ActorKind);
    }

    [Fact]
    public async Task ARecoveryCode_SignsInOnce()
    {
        var codes = await WithUsersAsync(async users =>
            (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByNameAsync(Clerk.UserName))!, 10))!.ToList());

        var first = await SignInWithCodeAsync(codes[0]);
        var again = await SignInWithCodeAsync(codes[0]);

        Assert.Equal("/staff", first);
        Assert.Null(again);
    }

    [Fact]
    public async Task Enrolment_ShowsAKeyAndQrCode_AndARightCodeEnablesTwoFactor_WithRecoveryCodes()
    {
        await CreateClerkWithoutTwoFactorAsync("clerk-qk");
        using var client = _factory.CreateClient(CitizenLogin.NoRedirects);
        using var password = await StaffLogin.SubmitPasswordAsync(client, "clerk-qk", ClerkPassword);

        var page = await Forms.GetDocumentAsync(client, "/staff/two-factor");
        var key = page.QuerySelector("#authenticator-key")?.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal) ?? string.Empty;
        using var wrong = await Forms.SubmitAsync(client, page, "form[action='/staff/two-factor']", new Dictionary<string, string?> { ["Code"] = "12345" });
        using var right = await Forms.SubmitAsync(client, page, "form[action='/staff/two-factor']", new Dictionary<string, string?> { ["Code"] = Totp.Code(key) });
        var done = await Forms.ParseAsync(right);
        using var again = _factory.CreateClient(CitizenLogin.NoRedirects);
        using var nextSignIn = await StaffLogin.SubmitPasswordAsync(again, "clerk-qk", ClerkPassword);

        Assert.Equal("/staff", password.Headers.Location?.OriginalString);
        Assert.Equal(32, key.Length);
        Assert.NotNull(page.QuerySelector("#authenticator-qr svg"));
        Assert.Equal(StaffTwoFactorController.WrongCodeMessage, Forms.FieldError(await Forms.ParseAsync(wrong), "Code"));
        Assert.Equal(10, done.QuerySelectorAll("#recovery-codes li").Length);
        Assert.True(await WithUsersAsync(async users => await users.GetTwoFactorEnabledAsync((await users.FindByNameAsync("clerk-qk"))!)));
        Assert.StartsWith(StaffLogin.CodePath, nextSignIn.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("staff.two-factor.enrolled", await ActionsAsync());
        var clerkId = await WithUsersAsync(async users => (await users.FindByNameAsync("clerk-qk"))!.Id);
        await AuditLog.AssertAsync(_factory, "staff.two-factor.enrol-failed", Domain.Auditing.ActorKind.Staff, "User", clerkId);
    }

    [Fact]
    public async Task WhereTwoFactorIsRequired_AnUnenrolledClerk_IsSentToEnrolment_UntilEnrolled()
    {
        using var factory = new PortalFactory();
        factory.Settings["Staff:RequireTwoFactor"] = "true";
        await CreateClerkWithoutTwoFactorAsync("clerk-qk", factory);
        using var client = factory.CreateClient(CitizenLogin.NoRedirects);

        using var password = await StaffLogin.SubmitPasswordAsync(client, "clerk-qk", ClerkPassword);
        using var home = await client.GetAsync(new Uri("/staff", UriKind.Relative));
        using var contracts = await client.GetAsync(new Uri("/staff/contracts", UriKind.Relative));
        var page = await Forms.GetDocumentAsync(client, "/staff/two-factor");
        var key = page.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        using var enrolled = await Forms.SubmitAsync(client, page, "form[action='/staff/two-factor']", new Dictionary<string, string?> { ["Code"] = Totp.Code(key) });
        using var homeAfter = await client.GetAsync(new Uri("/staff", UriKind.Relative));

        Assert.Equal("/staff/two-factor", password.Headers.Location?.OriginalString);
        Assert.Equal("/staff/two-factor", home.Headers.Location?.OriginalString);
        Assert.Equal("/staff/two-factor", contracts.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, homeAfter.StatusCode);
    }

    [Fact]
    public void Production_RequiresTwoFactor_AndDevelopment_DoesNotByDefault()
    {
        using var production = new PortalFactory(environment: "Production");

        Assert.True(production.Services.GetRequiredService<StaffTwoFactor>().Required);
        Assert.False(_factory.Services.GetRequiredService<StaffTwoFactor>().Required);
    }

    /// <summary>A client past the demo clerk's password step, at the code page.</summary>
    private async Task<HttpClient> PasswordAcceptedAsync()
    {
        var client = _factory.CreateClient(CitizenLogin.NoRedirects);
        using var password = await StaffLogin.SubmitPasswordAsync(client, Clerk.UserName, Clerk.Password);
        return client;
    }

    /// <summary>The demo clerk's current code, and a code that is not it.</summary>
    private static (string Right, string Wrong) Codes()
    {
        var right = Totp.Code(Clerk.AuthenticatorKey!);
        return (right, right == "000000" ? "111111" : "000000");
    }

    /// <summary>The redirect after the code step, or null when the portal refused the code.</summary>
    private async Task<string?> SignInWithCodeAsync(string code)
    {
        using var client = await PasswordAcceptedAsync();
        using var response = await StaffLogin.SubmitCodeAsync(client, code);
        return response.Headers.Location?.OriginalString;
    }

    private Task<bool> CreateClerkWithoutTwoFactorAsync(string userName, PortalFactory? factory = null) => WithUsersAsync(async users =>
    {
        var user = new ApplicationUser { UserName = userName, DisplayName = "硚口窗口", DistrictCode = "420104" };
        Assert.True((await users.CreateAsync(user, ClerkPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.CounterClerk)).Succeeded);
        return true;
    }, factory);

    private async Task<T> WithUsersAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> work, PortalFactory? factory = null)
    {
        await using var scope = (factory ?? _factory).Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    private Task<int> FailedCountAsync(string userName) =>
        WithUsersAsync(async users => (await users.FindByNameAsync(userName))!.AccessFailedCount);

    private Task<List<string>> ActionsAsync() => _factory.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync());
}
