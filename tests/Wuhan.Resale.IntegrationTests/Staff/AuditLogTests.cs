using System.Text;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Staff;

public sealed class AuditLogTests : IDisposable
{
    private readonly PortalFactory _factory = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)) };

    public void Dispose() => _factory.Dispose();

    private Task<HttpClient> SignInAsync(string userName) => StaffLogin.SignInAsync(_factory, userName);

    /// <summary>Found by the fuzz suite: a date box holding the calendar's first or last day answered 500.</summary>
    [Theory]
    [InlineData("/staff/audit?from=0001-01-01&to=9999-12-31")]
    [InlineData("/staff/audit.csv?from=0001-01-01&to=0001-01-01")]
    [InlineData("/staff/statistics?to=0001-01-01")]
    [InlineData("/staff/statistics?from=9999-12-31&to=9999-12-31")]
    public async Task TheFirstOrLastDayOfTheCalendar_InADateFilter_AnswersThePage(string url)
    {
        var admin = await SignInAsync("admin");

        using var response = await admin.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnAdministrator_FiltersTheLogByContract_AndExportsItAsCsv()
    {
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var admin = await SignInAsync("admin");

        var page = await Forms.GetDocumentAsync(admin, $"/staff/audit?entity={contractId}");
        var csvBytes = await admin.GetByteArrayAsync(new Uri($"/staff/audit.csv?entity={contractId}", UriKind.Relative));
        var csv = Encoding.UTF8.GetString(csvBytes.AsSpan(3));

        var actions = page.QuerySelectorAll("#audit tbody tr").Select(r => r.Children[2].TextContent.Trim()).ToList();
        Assert.Contains("contract.filed", actions);
        Assert.All(page.QuerySelectorAll("#audit tbody tr"), r => Assert.Contains(contractId.ToString(), r.Children[3].TextContent, StringComparison.Ordinal));
        Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
        Assert.StartsWith("时间,操作者类型,操作者,事项", csv, StringComparison.Ordinal);
        Assert.Contains("\"contract.filed\"", csv, StringComparison.Ordinal);
        Assert.Contains("导出", (await AuditLog.AssertAsync(_factory, "staff.audit-exported", ActorKind.Staff, null, null)).Detail, StringComparison.Ordinal);
        Assert.Contains(number, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.Citizen("buyer-1").IdNumber, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.Citizen("buyer-1").Phone, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACounterClerk_AndACitizen_CannotOpenTheAuditLog()
    {
        var clerk = await SignInAsync("staff");
        var citizen = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("buyer-2"));

        using var byClerk = await clerk.GetAsync(new Uri("/staff/audit", UriKind.Relative));
        using var byClerkCsv = await clerk.GetAsync(new Uri("/staff/audit.csv", UriKind.Relative));
        using var byCitizen = await citizen.GetAsync(new Uri("/staff/audit", UriKind.Relative));

        Assert.Equal("/status/403", byClerk.Headers.Location?.AbsolutePath);
        Assert.Equal("/status/403", byClerkCsv.Headers.Location?.AbsolutePath);
        Assert.Equal("/status/403", byCitizen.Headers.Location?.AbsolutePath);
    }
}
