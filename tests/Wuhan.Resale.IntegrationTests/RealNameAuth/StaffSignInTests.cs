using System.Net;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Features.Staff;

namespace Wuhan.Resale.IntegrationTests.RealNameAuth;

public sealed class StaffSignInTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Staff_SignInWithPasswordAndCode_AndReachTheStaffArea()
    {
        var staff = DemoData.Set.Staff.Single(s => s.UserName == "staff");
        using var client = _factory.CreateClient(CitizenLogin.NoRedirects);

        using var password = await SignInAsync(client, staff.UserName, staff.Password);
        using var code = await StaffLogin.SubmitCodeAsync(client, Totp.Code(staff.AuthenticatorKey!), password.Headers.Location!.OriginalString);
        var home = await Forms.GetDocumentAsync(client, "/staff");

        Assert.StartsWith(StaffLogin.CodePath, password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/staff", code.Headers.Location?.OriginalString);
        Assert.Equal("工作台", home.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("staff.login.succeeded", await ActionsAsync());
    }

    [Fact]
    public async Task WrongPasswordFiveTimes_LocksTheAccount_EvenAgainstTheRightPassword()
    {
        var admin = DemoData.Set.Staff.Single(s => s.UserName == "admin");
        using var client = _factory.CreateClient(CitizenLogin.NoRedirects);

        var messages = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await SignInAsync(client, admin.UserName, "wrong-password-" + i);
            messages.Add((await Forms.ParseAsync(failed)).QuerySelector(".alert-error")?.TextContent.Trim());
        }

        using var right = await SignInAsync(client, admin.UserName, admin.Password);
        var rightPage = await Forms.ParseAsync(right);
        using var staffArea = await client.GetAsync(new Uri("/staff", UriKind.Relative));

        Assert.All(messages, m => Assert.Equal(StaffController.RefusedMessage, m));
        Assert.Equal(StaffController.RefusedMessage, rightPage.QuerySelector(".alert-error")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, staffArea.StatusCode);
        Assert.StartsWith("/staff/login", staffArea.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("staff.login.locked", await ActionsAsync());
    }

    [Fact]
    public async Task UnknownUser_GetsTheSameMessageAsAWrongPassword()
    {
        using var client = _factory.CreateClient(CitizenLogin.NoRedirects);

        using var response = await SignInAsync(client, "nobody", "whatever-password");

        Assert.Equal(StaffController.RefusedMessage, (await Forms.ParseAsync(response)).QuerySelector(".alert-error")?.TextContent.Trim());
        Assert.Contains("staff.login.failed", await ActionsAsync());
    }

    [Fact]
    public async Task EmptyFields_AreNamedNextToThemselves()
    {
        using var client = _factory.CreateClient(CitizenLogin.NoRedirects);

        using var response = await SignInAsync(client, "", "");
        var page = await Forms.ParseAsync(response);

        Assert.Equal("请输入用户名。", Forms.FieldError(page, "UserName"));
        Assert.Equal("请输入密码。", Forms.FieldError(page, "Password"));
    }

    [Fact]
    public async Task ACitizen_CannotOpenTheStaffArea()
    {
        var citizen = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("seller-clean"));

        using var response = await citizen.GetAsync(new Uri("/staff", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/status/403", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task AStaffMember_IsNotACitizen()
    {
        using var client = await StaffLogin.SignInAsync(_factory, "staff");

        using var response = await client.GetAsync(new Uri("/me", UriKind.Relative));

        Assert.Equal("/status/403", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task AnonymousVisitors_AreSentToTheStaffSignIn()
    {
        using var client = _factory.CreateClient(CitizenLogin.NoRedirects);

        using var response = await client.GetAsync(new Uri("/staff", UriKind.Relative));

        Assert.Equal("/staff/login?returnUrl=%2Fstaff", response.Headers.Location?.OriginalString);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        StaffLogin.SubmitPasswordAsync(client, userName, password);

    private Task<List<string>> ActionsAsync() => _factory.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync());
}
