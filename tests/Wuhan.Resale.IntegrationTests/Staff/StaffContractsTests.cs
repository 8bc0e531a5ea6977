using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Staff;

public sealed class StaffContractsTests : IDisposable
{
    private readonly RequestGate _requests = new();
    private readonly PortalFactory _factory;

    public StaffContractsTests() => _factory = new()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)),
        ConfigureServices = _requests.AddTo,
    };

    public void Dispose() => _factory.Dispose();

    private Task<HttpClient> StaffAsync() => StaffLogin.SignInAsync(_factory, "staff");

    [Fact]
    public async Task AContract_IsFoundByNumber_ListingCode_AndAPartysIdNumber_AndViewingIsAudited()
    {
        var (_, listingId, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var listingCode = await _factory.WithDbAsync(db => db.Listings.Where(l => l.Id == listingId).Select(l => l.ListingCode).SingleAsync());
        var staff = await StaffAsync();

        foreach (var key in new[] { number, listingCode, DemoData.Citizen("buyer-1").IdNumber, DemoData.Citizen("seller-clean").IdNumber })
        {
            // Searched from the form (POST): an ID number never appears in a URL.
            var searchPage = await Forms.GetDocumentAsync(staff, "/staff/contracts");
            using var searched = await Forms.SubmitAsync(staff, searchPage, "form[action='/staff/contracts']", new Dictionary<string, string?> { ["q"] = key });
            var page = await Forms.ParseAsync(searched);
            var row = Assert.Single(page.QuerySelectorAll("#results tbody tr"));
            Assert.Contains(number, row.TextContent, StringComparison.Ordinal);
        }

        var detail = await Forms.GetDocumentAsync(staff, $"/staff/contracts/{contractId}");
        Assert.Contains(DemoData.Citizen("buyer-1").IdNumber, detail.QuerySelector("#staff-parties")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("contract.filed", detail.QuerySelector("#history")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "staff.contract-viewed" && e.EntityId == contractId.ToString())));

        // Each search is logged by the kind of key and the count of results, never with the key itself.
        var searches = await AuditLog.OfAsync(_factory, "staff.contract-search");
        Assert.Equal(4, searches.Count);
        Assert.All(searches, e => Assert.Equal(ActorKind.Staff, e.ActorKind));
        Assert.All(searches, e => Assert.Contains("1条结果", e.Detail, StringComparison.Ordinal));
        Assert.DoesNotContain(searches, e => e.Detail!.Contains(DemoData.Citizen("buyer-1").IdNumber, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_MarkAContractRegistered()
    {
        var (_, _, contractId, _) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-2");
        var staff = await StaffAsync();
        var detail = await Forms.GetDocumentAsync(staff, $"/staff/contracts/{contractId}");

        using var response = await Forms.SubmitAsync(staff, detail, "form[action$='/registration']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ContractStatus.Registered, await _factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.Status).SingleAsync()));
        var audit = await _factory.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "contract.registered").Select(e => e.ActorName).SingleAsync());
        Assert.Equal("窗口工作人员（演示）（staff）", audit);
    }

    [Fact]
    public async Task Staff_RevokeOnAWrittenRequest_WithTheReasonRecorded()
    {
        var (_, _, contractId, _) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-3");
        var staff = await StaffAsync();
        var detail = await Forms.GetDocumentAsync(staff, $"/staff/contracts/{contractId}");
        var buyerParty = detail.QuerySelectorAll("#partyId option").First(o => o.TextContent.Contains("柯美玲", StringComparison.Ordinal)).GetAttribute("value");

        using var missing = await Forms.SubmitAsync(staff, detail, "form[action$='/revocation']", new Dictionary<string, string?> { ["partyId"] = buyerParty, ["reason"] = "" });
        using var done = await Forms.SubmitAsync(staff, detail, "form[action$='/revocation']", new Dictionary<string, string?> { ["partyId"] = buyerParty, ["reason"] = "买方递交书面撤销申请" });

        Assert.Contains("撤销理由", (await Forms.ParseAsync(missing)).QuerySelector("#contract-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(ContractStatus.Revoked, await _factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.Status).SingleAsync()));
        var actor = await _factory.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "contract.revoked").Select(e => e.ActorName).SingleAsync());
        Assert.Contains("买方递交书面撤销申请", actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_DownloadTheContractPdf()
    {
        var (_, _, contractId, _) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-4");
        var staff = await StaffAsync();

        using var response = await staff.GetAsync(new Uri($"/staff/contracts/{contractId}/pdf", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "staff.contract-downloaded")));
    }

    [Fact]
    public async Task StaffRegistrationAndAnAnonymousRevocationAtOnce_EndInExactlyOneState()
    {
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var staff = await StaffAsync();
        var detail = await Forms.GetDocumentAsync(staff, $"/staff/contracts/{contractId}");
        using var anonymous = _factory.CreateClient();
        var (sentPage, code) = await RevocationForms.CodeSentAsync(_factory, anonymous, number, "buyer-1");

        // Both requests are held at the host's door until both are inside the portal.
        _requests.Arm(2, path => path == "/revocation" || path == $"/staff/contracts/{contractId}/registration");
        var revoke = Forms.SubmitAsync(anonymous, sentPage, "form", new Dictionary<string, string?> { ["Code"] = code }, ("Intent", "revoke"));
        var register = Forms.SubmitAsync(staff, detail, "form[action$='/registration']");
        await Task.WhenAll(revoke, register);
        Assert.Equal(2, _requests.Gate.Arrived);
        using var revokeResponse = await revoke;
        using var registerResponse = await register;

        var status = await _factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.Status).SingleAsync());
        var revoked = (await Forms.ParseAsync(revokeResponse)).QuerySelector("h1")?.TextContent.Trim() == "撤销成功";
        var registered = registerResponse.StatusCode == HttpStatusCode.Redirect;
        Assert.True(revoked ^ registered, $"exactly one must win (revoked={revoked}, registered={registered})");
        Assert.Equal(revoked ? ContractStatus.Revoked : ContractStatus.Registered, status);
    }

    [Fact]
    public async Task AClerk_SeesAndActsOnlyOnContractsOfTheirOwnDistrict_AnAdministratorOnAll()
    {
        // The demo clerk serves 江岸; this home is in 东西湖.
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-two-homes", "home-dxh-clean", "buyer-2");
        var clerk = await StaffAsync();
        var admin = await StaffLogin.SignInAsync(_factory, "admin");
        var adminDetail = Forms.WithTokenOf(await Forms.GetDocumentAsync(admin, $"/staff/contracts/{contractId}"), await Forms.GetDocumentAsync(clerk, "/staff"));

        using var detail = await clerk.GetAsync(new Uri($"/staff/contracts/{contractId}", UriKind.Relative));
        using var pdf = await clerk.GetAsync(new Uri($"/staff/contracts/{contractId}/pdf", UriKind.Relative));
        using var register = await Forms.SubmitAsync(clerk, adminDetail, "form[action$='/registration']");
        var partyId = adminDetail.QuerySelectorAll("#partyId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v));
        using var revoke = await Forms.SubmitAsync(clerk, adminDetail, "form[action$='/revocation']",
            new Dictionary<string, string?> { ["partyId"] = partyId, ["reason"] = "书面申请" });
        var clerkSearch = await Forms.GetDocumentAsync(clerk, "/staff/contracts?q=" + Uri.EscapeDataString(number));
        var adminSearch = await Forms.GetDocumentAsync(admin, "/staff/contracts?q=" + Uri.EscapeDataString(number));

        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            new[] { detail.StatusCode, pdf.StatusCode, register.StatusCode, revoke.StatusCode });
        Assert.DoesNotContain(number, clerkSearch.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(number, adminSearch.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(ContractStatus.Filed, await _factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task ACitizen_CannotLookUpContracts()
    {
        var citizen = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("buyer-4"));

        using var response = await citizen.GetAsync(new Uri("/staff/contracts?q=武房", UriKind.Relative));

        Assert.Equal("/status/403", response.Headers.Location?.AbsolutePath);
    }
}
