using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Features.Staff;
using Wuhan.Resale.Web.Infrastructure.Hardening;

namespace Wuhan.Resale.IntegrationTests.Staff;

/// <summary>A portal with 4,000 contracts from the seed-contracts command (about 11,600 audit events), shared by the tests.</summary>
public sealed class SeededPortal : IAsyncLifetime
{
    public const int Contracts = 4_000;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));

    public PortalFactory Factory { get; private set; } = null!;

    public string SeedOutput { get; private set; } = string.Empty;

    public int SeedExitCode { get; private set; }

    public async Task InitializeAsync()
    {
        Factory = new PortalFactory { Clock = Clock };
        using var output = new StringWriter();
        SeedExitCode = await PortalCommands.RunAsync(Factory.Services, [PortalCommands.SeedContracts, Contracts.ToString(CultureInfo.InvariantCulture)], output);
        SeedOutput = output.ToString();
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The seed-contracts command writes contracts the portal reads as its own, and the staff pages keep their answers at
/// volume: look-ups by number, listing code and ID number, the audit log's capped count and paging, statistics per day.
/// </summary>
public sealed class StaffScaleTests(SeededPortal seeded) : IClassFixture<SeededPortal>
{
    private PortalFactory Factory => seeded.Factory;

    [Fact]
    public async Task SeedContracts_IsRefused_InProduction()
    {
        using var factory = new PortalFactory(environment: "Production");
        using var output = new StringWriter();

        var exitCode = await PortalCommands.RunAsync(factory.Services, [PortalCommands.SeedContracts, "10"], output);

        Assert.Equal(2, exitCode);
        Assert.Contains("生产环境拒绝", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Contracts.CountAsync()));
    }

    [Fact]
    public async Task SeededContracts_AreFoundByNumberListingCodeAndIdNumber_WithTheirHistory_AndTheAuditChainHolds()
    {
        Assert.Equal(0, seeded.SeedExitCode);
        Assert.Contains("已写入 4,000 份合成合同", seeded.SeedOutput, StringComparison.Ordinal);
        var sample = await Factory.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.AsNoTracking().Where(c => c.Status == ContractStatus.Registered).OrderBy(c => c.FiledAt).Skip(100).FirstAsync();
            var code = await db.Listings.Where(l => l.Id == contract.ListingId).Select(l => l.ListingCode).SingleAsync();
            return (contract.Id, Number: contract.ContractNumber!, Code: code, Seller: contract.Parties.Single(p => p.Role == PartyRole.Seller).IdNumber);
        });
        using var admin = await StaffLogin.SignInAsync(Factory, "admin");

        var byNumber = await Forms.GetDocumentAsync(admin, "/staff/contracts?q=" + Uri.EscapeDataString(sample.Number));
        var byCode = await Forms.GetDocumentAsync(admin, "/staff/contracts?q=" + sample.Code);
        var form = await Forms.GetDocumentAsync(admin, "/staff/contracts");
        using var posted = await Forms.SubmitAsync(admin, form, "form[action='/staff/contracts']", new Dictionary<string, string?> { ["q"] = sample.Seller });
        var byIdNumber = await Forms.ParseAsync(posted);
        var detail = await Forms.GetDocumentAsync(admin, $"/staff/contracts/{sample.Id}");
        using var verify = new StringWriter();
        var verifyExit = await PortalCommands.RunAsync(Factory.Services, [PortalCommands.VerifyAudit], verify);

        foreach (var page in new[] { byNumber, byCode, byIdNumber })
        {
            var row = Assert.Single(page.QuerySelectorAll("#results tbody tr"));
            Assert.Equal(sample.Number, row.Children[0].TextContent.Trim());
            Assert.Equal("已备案", row.Children[3].TextContent.Trim());
        }

        Assert.Contains(sample.Seller, detail.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("contract.filed", detail.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("contract.registered", detail.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, verifyExit);
        Assert.Contains("核验通过", verify.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARealFiling_AfterSeeding_TakesTheNextNumberOfItsYear()
    {
        var seededMax = await Factory.WithDbAsync(db => db.Contracts.Where(c => c.ContractNumber!.StartsWith("武房2026")).MaxAsync(c => c.ContractNumber!));

        var (_, _, _, number) = await FilingJourney.FiledAsync(Factory, "seller-clean", "home-clean", "buyer-1");

        Assert.Equal(ContractNumber.Parse(seededMax).Sequence + 1, ContractNumber.Parse(number).Sequence);
    }

    [Fact]
    public async Task TheAuditLog_CountsUpToItsCap_AndPagesOnlyThroughThoseRows()
    {
        using var admin = await StaffLogin.SignInAsync(Factory, "admin");

        var first = await Forms.GetDocumentAsync(admin, "/staff/audit");
        var beyond = await Forms.GetDocumentAsync(admin, "/staff/audit?page=5000");

        Assert.Contains("10,000+", first.QuerySelector("#audit-total")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(AuditLogController.PageSize, first.QuerySelectorAll("#audit tbody tr").Length);
        Assert.Contains("第 1 / 200 页", first.QuerySelector("nav.actions")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("第 200 / 200 页", beyond.QuerySelector("nav.actions")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(AuditLogController.PageSize, beyond.QuerySelectorAll("#audit tbody tr").Length);
        Assert.Null(beyond.QuerySelector("nav.actions a[href*='page=201']"));
    }

    [Fact]
    public async Task TheAuditLog_FindsAnActor_ByUserName_ById_OrByTheStartOfTheName()
    {
        using var admin = await StaffLogin.SignInAsync(Factory, "admin");
        var (adminId, adminName) = await Factory.WithDbAsync(async db =>
        {
            var e = await db.AuditEvents.Where(e => e.Action == "staff.login.succeeded" || e.Action == "staff.login.password-accepted").FirstAsync();
            return (e.ActorId!, e.ActorName);
        });
        var seller = await Factory.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "contract.filed").Select(e => e.ActorName).FirstAsync());

        var byUserName = await Forms.GetDocumentAsync(admin, "/staff/audit?actor=admin");
        var byId = await Forms.GetDocumentAsync(admin, "/staff/audit?actor=" + adminId);
        var byPrefix = await Forms.GetDocumentAsync(admin, "/staff/audit?actor=" + Uri.EscapeDataString(adminName[..2]));
        var bySeller = await Forms.GetDocumentAsync(admin, "/staff/audit?actor=" + Uri.EscapeDataString(seller));

        foreach (var page in new[] { byUserName, byId, byPrefix })
        {
            Assert.NotEmpty(page.QuerySelectorAll("#audit tbody tr"));
            Assert.All(page.QuerySelectorAll("#audit tbody tr"), r => Assert.StartsWith(adminName[..2], r.Children[1].TextContent.Trim(), StringComparison.Ordinal));
        }

        Assert.All(bySeller.QuerySelectorAll("#audit tbody tr"), r => Assert.StartsWith(seller, r.Children[1].TextContent.Trim(), StringComparison.Ordinal));
        Assert.NotEmpty(bySeller.QuerySelectorAll("#audit tbody tr"));
    }

    [Fact]
    public async Task Statistics_OverSeededDays_MatchTheDatabase_AndStayTheSameWhenServedAgain()
    {
        var to = ShanghaiTime.Today(seeded.Clock).AddDays(-1);
        var from = to.AddDays(-89);
        var (start, end) = (ShanghaiTime.StartOfDay(from), ShanghaiTime.EndOfDay(to));
        var expected = await Factory.WithDbAsync(async db =>
        {
            var filed = await db.Contracts.Where(c => c.FiledAt >= start && c.FiledAt < end)
                .Join(db.Listings, c => c.ListingId, l => l.Id, (c, l) => new { c.FiledAt, l.PropertyRecordId })
                .Join(db.Set<Domain.Properties.PropertyRecord>(), x => x.PropertyRecordId, r => r.Id, (x, r) => new { x.FiledAt, r.QueryId })
                .Join(db.PropertyQueries, y => y.QueryId, q => q.Id, (y, q) => new { y.FiledAt, q.RequestedAt })
                .ToListAsync();
            var durations = filed.Select(f => f.FiledAt!.Value - f.RequestedAt).Order().ToList();
            var median = durations.Count % 2 == 1 ? durations[durations.Count / 2] : (durations[(durations.Count / 2) - 1] + durations[durations.Count / 2]) / 2;
            return (Filed: filed.Count, Median: StatisticsController.Describe(median),
                Revoked: await db.Contracts.CountAsync(c => c.RevokedAt >= start && c.RevokedAt < end),
                Registered: await db.Contracts.CountAsync(c => c.RegisteredAt >= start && c.RegisteredAt < end));
        });
        using var admin = await StaffLogin.SignInAsync(Factory, "admin");
        var url = $"/staff/statistics?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

        var first = await Forms.GetDocumentAsync(admin, url);
        var again = await Forms.GetDocumentAsync(admin, url);

        Assert.True(expected.Filed > 100, "the seeded months hold filings");
        foreach (var page in new[] { first, again })
        {
            Assert.Equal(expected.Filed.ToString(CultureInfo.InvariantCulture), page.QuerySelector("#total-filings")?.TextContent.Trim());
            Assert.Equal(expected.Revoked.ToString(CultureInfo.InvariantCulture), page.QuerySelector("#total-revocations")?.TextContent.Trim());
            Assert.Equal(expected.Registered.ToString(CultureInfo.InvariantCulture), page.QuerySelector("#total-registrations")?.TextContent.Trim());
            Assert.StartsWith(expected.Median, page.QuerySelector("#median")?.TextContent.Trim(), StringComparison.Ordinal);
            Assert.Equal(90, page.QuerySelectorAll("#per-day tbody tr").Length);
        }
    }

    [Fact]
    public void TheMedianOfSeveralSortedDays_IsTheMedianOfThemAllTogether()
    {
        var random = new Random(7);
        var days = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, random.Next(0, 40)).Select(_ => (long)random.Next(-5, 1_000)).Order().ToArray()).ToList();
        var all = days.SelectMany(d => d).Order().ToList();

        for (var k = 0; k < all.Count; k++)
        {
            Assert.Equal(all[k], StatisticsController.KthSmallest(days, k));
        }
    }
}
