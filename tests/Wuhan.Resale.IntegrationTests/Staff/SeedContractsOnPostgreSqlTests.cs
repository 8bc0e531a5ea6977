using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Hardening;

namespace Wuhan.Resale.IntegrationTests.Staff;

/// <summary>
/// seed-contracts on PostgreSQL (rows sent with binary COPY, numbers taken as one block): the contracts read back as the
/// portal's own, are found by number and by ID number (keyed hash), the audit chain holds, and the next real filing
/// continues the year's numbers. The 1,000,000-contract run is measured by hand (bench/RESULTS.md).
/// </summary>
[Trait("Provider", "PostgreSql")]
public sealed class SeedContractsOnPostgreSqlTests : IDisposable
{
    private const int Count = 2_000;
    private readonly PortalFactory _factory = new()
    {
        Provider = DatabaseProvider.PostgreSql,
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)),
    };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task SeededContracts_ReadBackAsThePortalsOwn_AndTheNextFilingContinuesTheirNumbers()
    {
        using var output = new StringWriter();
        var exitCode = await PortalCommands.RunAsync(_factory.Services, [PortalCommands.SeedContracts, Count.ToString(CultureInfo.InvariantCulture)], output);

        Assert.True(exitCode == 0, output.ToString());
        Assert.Contains("已写入 2,000 份合成合同", output.ToString(), StringComparison.Ordinal);
        var numbers = await _factory.WithDbAsync(db => db.Contracts.Where(c => c.ContractNumber != null).Select(c => c.ContractNumber!).ToListAsync());
        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Count, await _factory.WithDbAsync(db => db.Contracts.CountAsync()));
        var sample = await _factory.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.AsNoTracking().Where(c => c.Status == ContractStatus.Registered).OrderBy(c => c.FiledAt).Skip(50).FirstAsync();
            return (Number: contract.ContractNumber!, Seller: contract.Parties.Single(p => p.Role == PartyRole.Seller).IdNumber);
        });

        using var admin = await StaffLogin.SignInAsync(_factory, "admin");
        var byNumber = await Forms.GetDocumentAsync(admin, "/staff/contracts?q=" + Uri.EscapeDataString(sample.Number));
        var form = await Forms.GetDocumentAsync(admin, "/staff/contracts");
        using var posted = await Forms.SubmitAsync(admin, form, "form[action='/staff/contracts']", new Dictionary<string, string?> { ["q"] = sample.Seller });
        var byIdNumber = await Forms.ParseAsync(posted);
        foreach (var page in new[] { byNumber, byIdNumber })
        {
            var row = Assert.Single(page.QuerySelectorAll("#results tbody tr"));
            Assert.Equal(sample.Number, row.Children[0].TextContent.Trim());
        }

        using var verify = new StringWriter();
        Assert.Equal(0, await PortalCommands.RunAsync(_factory.Services, [PortalCommands.VerifyAudit], verify));
        Assert.Contains("核验通过", verify.ToString(), StringComparison.Ordinal);

        var seededMax = numbers.Where(n => n.StartsWith("武房2026", StringComparison.Ordinal)).Max(StringComparer.Ordinal)!;
        var (_, _, _, number) = await FilingJourney.FiledAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        Assert.Equal(ContractNumber.Parse(seededMax).Sequence + 1, ContractNumber.Parse(number).Sequence);
    }
}
