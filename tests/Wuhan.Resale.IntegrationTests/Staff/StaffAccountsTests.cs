using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Staff;

public sealed class StaffAccountsTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(HttpClient Client, HttpResponseMessage Response)> SignInAsync(string userName, string password)
    {
        var client = _factory.CreateClient(CitizenLogin.NoRedirects);
        return (client, await StaffLogin.SubmitPasswordAsync(client, userName, password));
    }

    [Fact]
    public async Task AnAdministrator_CreatesAClerk_WhoCanSignIn_AndCanDisableThem()
    {
        var admin = DemoData.Set.Staff.Single(s => s.UserName == "admin");
        var client = await StaffLogin.SignInAsync(_factory, admin.UserName);
        var page = await Forms.GetDocumentAsync(client, "/staff/accounts");

        using var weak = await Forms.SubmitAsync(client, page, "form[action='/staff/accounts']", new Dictionary<string, string?>
        {
            ["UserName"] = "clerk-hs", ["DisplayName"] = "洪山窗口", ["Role"] = "CounterClerk", ["DistrictCode"] = "420111", ["Password"] = "short",
        });
        var weakPage = await Forms.ParseAsync(weak);
        using var created = await Forms.SubmitAsync(client, weakPage, "form[action='/staff/accounts']", new Dictionary<string, string?>
        {
            ["UserName"] = "clerk-hs", ["DisplayName"] = "洪山窗口", ["Role"] = "CounterClerk", ["DistrictCode"] = "420111", ["Password"] = "Hongshan#2026ok",
        });
        var (_, clerkSignIn) = await SignInAsync("clerk-hs", "Hongshan#2026ok");

        Assert.Contains("密码至少10位", Forms.FieldError(weakPage, "Password"), StringComparison.Ordinal);
        Assert.Equal("洪山窗口", weakPage.QuerySelector("#DisplayName")?.GetAttribute("value"));
        Assert.Equal("/staff/accounts?message=created", created.Headers.Location?.OriginalString);
        Assert.Equal("/staff", clerkSignIn.Headers.Location?.OriginalString);
        var clerkId = await _factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "clerk-hs").Select(u => u.Id).SingleAsync());
        var createdEvent = await AuditLog.AssertAsync(_factory, "staff.account-created", ActorKind.Staff, "User", clerkId, "洪山窗口");
        Assert.DoesNotContain("Hongshan", createdEvent.Detail, StringComparison.Ordinal);

        var list = await Forms.GetDocumentAsync(client, "/staff/accounts");
        var row = list.QuerySelectorAll("#accounts tbody tr").Single(r => r.TextContent.Contains("clerk-hs", StringComparison.Ordinal));
        using var disabled = await Forms.SubmitAsync(client, list, $"form[action='{row.QuerySelector("form")!.GetAttribute("action")}']");
        var (_, refused) = await SignInAsync("clerk-hs", "Hongshan#2026ok");

        Assert.Equal(Wuhan.Resale.Web.Features.Staff.StaffController.RefusedMessage,
            (await Forms.ParseAsync(refused)).QuerySelector(".alert-error")?.TextContent.Trim());
        clerkSignIn.Dispose();
        refused.Dispose();
    }

    [Fact]
    public async Task ACounterClerk_CannotManageAccounts()
    {
        var clerk = DemoData.Set.Staff.Single(s => s.UserName == "staff");
        var client = await StaffLogin.SignInAsync(_factory, clerk.UserName);

        using var response = await client.GetAsync(new Uri("/staff/accounts", UriKind.Relative));

        Assert.Equal("/status/403", response.Headers.Location?.AbsolutePath);
    }
}
