using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Wuhan.Resale.IntegrationTests.Staff;

/// <summary>
/// The staff lists at a city's volume: 100,000 filed contracts over 100 days, 10% of homes waiting offline. Asserts that
/// the busiest queries are served by indexes and page correctly; the response times are written to the test output
/// (speed targets belong in benchmarks, not in timed assertions).
/// </summary>
public sealed class CityVolumeTests(ITestOutputHelper output) : IDisposable
{
    private const int Volume = 100_000;
    private static readonly string[] DistrictCodes =
        ["420102", "420103", "420104", "420105", "420106", "420107", "420111", "420112", "420113", "420114", "420115", "420116", "420117", "420171", "420172", "420173"];

    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AtCityVolume_TheBusiestStaffListsUseIndexes_AndPageCorrectly()
    {
        var seeded = Stopwatch.StartNew();
        await SeedAsync();
        output.WriteLine($"seeded {Volume:N0} homes, listings and contracts in {seeded.ElapsedMilliseconds} ms");

        var client = await StaffLogin.SignInAsync(_factory, "admin");

        // Every tenth home waits offline; homes take the districts in turn.
        var inDistrict = Enumerable.Range(1, Volume).Count(i => i % 10 == 0 && i % 16 == 0);
        var pages = (inDistrict + 19) / 20;
        var (cases, casesMs) = await TimedAsync(client, "/staff/cases?district=420102");
        var (lastPage, lastMs) = await TimedAsync(client, $"/staff/cases?district=420102&page={pages}");
        var (allCases, allMs) = await TimedAsync(client, "/staff/cases");
        var (search, searchMs) = await TimedAsync(client, "/staff/contracts?q=" + Uri.EscapeDataString("武房2026050000"));
        var (stats, statsMs) = await TimedAsync(client, "/staff/statistics?from=2026-09-01&to=2026-09-30");
        output.WriteLine($"/staff/cases (one district, page 1): {casesMs} ms; last page: {lastMs} ms; all districts: {allMs} ms");
        output.WriteLine($"/staff/contracts by number: {searchMs} ms; /staff/statistics for 30 days: {statsMs} ms");

        Assert.Equal(20, cases.QuerySelectorAll("#cases tbody tr").Length);
        Assert.Contains($"共 {inDistrict} 件", cases.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(inDistrict - ((pages - 1) * 20), lastPage.QuerySelectorAll("#cases tbody tr").Length);
        var times = cases.QuerySelectorAll("#cases tbody tr").Select(r => r.Children[1].TextContent.Trim()).ToList();
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
        Assert.Contains($"共 {Volume / 10} 件", allCases.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Single(search.QuerySelectorAll("#results tbody tr"));
        var september = Enumerable.Range(1, Volume).Count(i => i % 10 != 0
            && Domain.Common.ShanghaiTime.DateOf(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(86.4 * i)) is { Month: 9, Year: 2026 });
        Assert.Equal(september.ToString(System.Globalization.CultureInfo.InvariantCulture), stats.QuerySelector("#total-filings")?.TextContent.Trim());

        await AssertUsesIndexAsync(db => db.Listings.Where(l => l.Status == ListingStatus.PendingOffline && l.DistrictCode == "420102")
            .OrderBy(l => l.CreatedAt).Skip(20).Take(20).Select(l => l.Id).ToQueryString(), "Listings");
        await AssertUsesIndexAsync(db => db.Contracts.Where(c => c.ContractNumber == "武房2026050000").Select(c => c.Id).ToQueryString(), "Contracts");
    }

    private static async Task<(AngleSharp.Html.Dom.IHtmlDocument Page, long Ms)> TimedAsync(HttpClient client, string url)
    {
        await Forms.GetDocumentAsync(client, url); // warm: first-use costs are not what a busy day looks like
        var watch = Stopwatch.StartNew();
        var page = await Forms.GetDocumentAsync(client, url);
        return (page, watch.ElapsedMilliseconds);
    }

    private async Task AssertUsesIndexAsync(Func<Web.Data.ResaleDbContext, string> sql, string table)
    {
        var query = await _factory.WithDbAsync(db => Task.FromResult(sql(db)));
        var statement = string.Join('\n', query.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal) && !l.StartsWith("--", StringComparison.Ordinal)));
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_factory.DataDirectory, "resale.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        output.WriteLine($"{table}: {string.Join(" / ", plan)}");
        Assert.Contains(plan, p => p.StartsWith("SEARCH", StringComparison.Ordinal) && p.Contains("INDEX", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.StartsWith("SCAN", StringComparison.Ordinal));
    }

    /// <summary>Writes the volume straight into SQLite with set-based statements (EF would take minutes).</summary>
    private async Task SeedAsync()
    {
        var (personId, queryId) = await _factory.WithDbAsync(async db =>
        {
            var person = await Scenario.SavePersonAsync(db, "seller-clean");
            var query = await Scenario.SaveCompletedQueryAsync(db, new NoHomesRegistry(), person);
            return (person.Id, query.Id);
        });

        // Times as EF stores them on SQLite; the encoding is linear in time, so a step per contract can be added in SQL.
        var converter = new DateTimeOffsetToBinaryConverter();
        var start = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        var t0 = (long)converter.ConvertToProvider(start)!;
        var step = (long)converter.ConvertToProvider(start.AddSeconds(86.4))! - t0; // 1,000 a day over 100 days
        var districts = string.Join(" ", DistrictCodes.Select((c, i) => $"WHEN {i} THEN '{c}'"));

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_factory.DataDirectory, "resale.db")}");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Volume})
            INSERT INTO PropertyRecords (Id, QueryId, Source, CertificateNumber, Location, BuildingArea, BusinessType, ResultType, BusinessStatus,
                InWuhan, IsSeized, IsMortgaged, IsUnderObjection, IsUnderAdvanceNotice, DesignPurpose, DistrictCode)
            SELECT printf('%08X-0000-0000-0000-%012X', i, i), '{queryId.ToString().ToUpperInvariant()}', 'Query', 'V' || i,
                '武汉市测试路' || i || '号', '89.5', '房屋交易（买方）', '交易信息', '交易已办结', 1, 0, 0, 0, 0, '住宅',
                CASE i % 16 {districts} END
            FROM n;

            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Volume})
            INSERT INTO Listings (Id, ListingCode, SellerPersonId, PropertyRecordId, CertificateNumber, DistrictCode, RestrictionClass, Status,
                NoticeVersion, NoticeConsentedAt, CreatedAt, UpdatedAt, Version)
            SELECT printf('%08X-0000-0000-0001-%012X', i, i), printf('FY20260701%06d', i), '{personId.ToString().ToUpperInvariant()}',
                printf('%08X-0000-0000-0000-%012X', i, i), 'V' || i, CASE i % 16 {districts} END,
                CASE WHEN i % 10 = 0 THEN 'Undetermined' ELSE 'Restricted' END,
                CASE WHEN i % 10 = 0 THEN 'PendingOffline' ELSE 'Filed' END,
                'v', {t0} + i * {step}, {t0} + i * {step}, {t0} + i * {step}, printf('%08X-0000-0000-0002-%012X', i, i)
            FROM n;

            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Volume})
            INSERT INTO Contracts (Id, ListingId, SellerPersonId, ContractNumber, VerificationToken, Status, CreatedAt, UpdatedAt, FiledAt, Version)
            SELECT printf('%08X-0000-0000-0003-%012X', i, i), printf('%08X-0000-0000-0001-%012X', i, i), '{personId.ToString().ToUpperInvariant()}',
                printf('武房2026%06d', i), 'vt' || i, 'Filed', {t0} + i * {step}, {t0} + i * {step}, {t0} + i * {step},
                printf('%08X-0000-0000-0004-%012X', i, i)
            FROM n WHERE i % 10 <> 0;
            """;
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private sealed class NoHomesRegistry : Web.Integrations.IPropertyRegistry
    {
        public Task<IReadOnlyList<Domain.Properties.PropertyFacts>> FindHomesOfAsync(Domain.ValueObjects.IdNumber owner, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Domain.Properties.PropertyFacts>>([]);

        public Task<Domain.Properties.PropertyFacts?> FindByCertificateAsync(string certificateNumber, CancellationToken cancellationToken) =>
            Task.FromResult<Domain.Properties.PropertyFacts?>(null);
    }
}
