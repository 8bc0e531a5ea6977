using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Hardening;

namespace Wuhan.Resale.IntegrationTests.Staff;

/// <summary>
/// Every query the citizen and staff pages send, explained by PostgreSQL on a database of 20,000 synthetic contracts
/// (with their people, homes, listings, parties and audit events) after ANALYZE: none may read a whole big table, by a
/// sequential scan or by walking a whole index. At 20,000 contracts the planner rightly hashes a table of 20,000 rows
/// where at 2,000,000 it would look rows up, so plans are asked with sequential scans discouraged
/// (<c>enable_seqscan = off</c>): a sequential scan that remains means no index can serve that access. A read under a
/// LIMIT stops early and is accepted when it has no filter or a filter most rows pass (e.g. the newest audit events
/// whose action starts with "contract."); a rare filter under a LIMIT must use an index of its own.
/// </summary>
[Trait("Provider", "PostgreSql")]
public sealed class QueryPlansOnPostgreSqlTests : IDisposable
{
    private const int Contracts = 20_000;

    /// <summary>
    /// A table this size is one that grows with the city (contracts, parties, listings, owners, people, audit events):
    /// reading all of it is a page that slows down year by year. Smaller ones (districts, staff, today's codes) may be
    /// read whole, as the planner rightly prefers for a few pages.
    /// </summary>
    private const long BigTable = 5_000;

    private readonly CommandRecorder _recorder = new();
    private readonly PortalFactory _factory;

    public QueryPlansOnPostgreSqlTests() => _factory = new PortalFactory
    {
        Provider = DatabaseProvider.PostgreSql,
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)),
        ConfigureServices = services => services.ConfigureDbContext<PostgreSqlResaleDbContext>(o => o.AddInterceptors(_recorder)),
    };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task EveryCitizenAndStaffPage_UsesIndexes_OnALargeDatabase()
    {
        using (var output = new StringWriter())
        {
            Assert.Equal(0, await PortalCommands.RunAsync(_factory.Services, [PortalCommands.SeedContracts, Contracts.ToString(CultureInfo.InvariantCulture)], output));
        }

        var (seller, listingId, contractId, number) = await FilingJourney.FiledAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var (drafter, draftListingId, draftId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-wedz", "home-wedz", "buyer-2");
        var listingCode = await _factory.WithDbAsync(db => db.Listings.Where(l => l.Id == listingId).Select(l => l.ListingCode).SingleAsync());
        var buyer = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("buyer-1"));
        var admin = await StaffLogin.SignInAsync(_factory, "admin");
        await PostgreSqlServer.ExecuteAsync(_factory.PostgreSqlDatabase!, "ANALYZE");

        var nextAuditPage = (await Forms.GetDocumentAsync(admin, "/staff/audit")).QuerySelectorAll("nav.actions a")
            .Single(a => a.TextContent == "下一页").GetAttribute("href")!;
        _recorder.Recording = true;
        var citizenPages = new (HttpClient Client, string Path)[]
        {
            (seller.Client, "/listing"), (seller.Client, $"/listings/{listingId}"), (seller.Client, "/contracts"), (buyer, "/contracts"),
            (drafter.Client, $"/listings/{draftListingId}/buyers"), (drafter.Client, $"/contracts/{draftId}/edit"), (drafter.Client, $"/contracts/{draftId}/file"),
        };
        var staffPages = new[]
        {
            "/staff", "/staff/contracts", "/staff/contracts?q=" + Uri.EscapeDataString(number), "/staff/contracts?q=" + Uri.EscapeDataString(listingCode),
            $"/staff/contracts/{contractId}", "/staff/audit", $"/staff/audit?Entity={contractId}", "/staff/audit?Actor=admin",
            "/staff/audit?Actor=" + Uri.EscapeDataString("系统"), "/staff/audit?Action=contract.", "/staff/audit?Action=staff.contract-search", nextAuditPage, "/staff/statistics", "/staff/cases",
        };
        foreach (var (client, path) in citizenPages.Concat(staffPages.Select(p => (admin, p))))
        {
            _recorder.Page = path;
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
        }

        _recorder.Page = "POST /staff/contracts (ID number)";
        using (var searched = await Forms.SubmitAsync(admin, await Forms.GetDocumentAsync(admin, "/staff/contracts"), "form[action='/staff/contracts']",
            new Dictionary<string, string?> { ["q"] = DemoData.Citizen("buyer-1").IdNumber }))
        {
            Assert.Contains(number, (await Forms.ParseAsync(searched)).QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        }

        _recorder.Recording = false;

        var problems = new List<string>();
        var explained = 0;
        await using var connection = await PostgreSqlServer.OpenAsync(PostgreSqlServer.ConnectionString(PostgreSqlServer.OwnerConnectionString, _factory.PostgreSqlDatabase!));
        var big = new Dictionary<string, double>(StringComparer.Ordinal);
        // A partitioned table (the audit log by year) counts as one table, its partitions' rows together; a plan names
        // the partitions it reads, each read as its table (an empty partition, a year ahead, costs nothing to read).
        var partitionOf = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var sizes = new NpgsqlCommand(
            "SELECT c.relname, coalesce(p.relname, c.relname), sum(c.reltuples) OVER (PARTITION BY coalesce(p.relname, c.relname))::real, c.reltuples FROM pg_class c "
            + "LEFT JOIN pg_inherits i ON i.inhrelid = c.oid LEFT JOIN pg_class p ON p.oid = i.inhparent "
            + "WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace", connection))
        {
            await using var reader = await sizes.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                partitionOf[reader.GetString(0)] = reader.GetString(0) == reader.GetString(1) || reader.GetFloat(3) > 0 ? reader.GetString(1) : reader.GetString(0);
                if (reader.GetFloat(2) >= BigTable)
                {
                    big[reader.GetString(1)] = reader.GetFloat(2);
                }
            }
        }

        Assert.Superset(new HashSet<string>(["Contracts", "ContractParties", "Listings", "ListingBuyers", "PropertyRecordOwners", "People", "AuditEvents"]), big.Keys.ToHashSet());
        foreach (var command in _recorder.Commands.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).DistinctBy(c => c.Sql))
        {
            await using var explain = new NpgsqlCommand("SET enable_seqscan = off; EXPLAIN (FORMAT JSON) " + command.Sql, connection);
            foreach (var parameter in command.Parameters)
            {
                explain.Parameters.Add(parameter.Clone());
            }

            var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
            explained++;
            foreach (var table in FullScans(plan.RootElement[0].GetProperty("Plan"), big, partitionOf, underLimit: false))
            {
                problems.Add($"{command.Page}: reads all of \"{table}\" in\n{command.Sql}\n{plan.RootElement}");
            }
        }

        Assert.True(explained >= citizenPages.Length + staffPages.Length, $"only {explained} queries were recorded");
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    /// <summary>
    /// The big tables a plan reads from end to end: a sequential scan, or an index walked without a condition, unless it
    /// sits under a LIMIT with no filter or one that at least a tenth of the rows pass (it stops after the first rows).
    /// </summary>
    private static IEnumerable<string> FullScans(JsonElement node, Dictionary<string, double> big, Dictionary<string, string> partitionOf, bool underLimit)
    {
        var type = node.GetProperty("Node Type").GetString();
        var reads = type == "Seq Scan" || (type is "Index Scan" or "Index Only Scan" && !node.TryGetProperty("Index Cond", out _));
        if (reads && node.GetProperty("Relation Name").GetString() is { } relation && partitionOf.GetValueOrDefault(relation, relation) is var table
            && big.TryGetValue(table, out var rows)
            && (!underLimit || (node.TryGetProperty("Filter", out _) && node.GetProperty("Plan Rows").GetDouble() < rows / 10)))
        {
            yield return table;
        }

        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                foreach (var scan in FullScans(child, big, partitionOf, underLimit || type == "Limit"))
                {
                    yield return scan;
                }
            }
        }
    }

    private sealed record RecordedCommand(string Page, string Sql, IReadOnlyList<NpgsqlParameter> Parameters);

    /// <summary>Keeps the text and parameters of every query sent while <see cref="Recording"/> is on.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public volatile bool Recording;

        public string Page { get; set; } = string.Empty;

        public ConcurrentQueue<RecordedCommand> Commands { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        private void Record(DbCommand command)
        {
            if (Recording && command is NpgsqlCommand npgsql)
            {
                Commands.Enqueue(new RecordedCommand(Page, npgsql.CommandText, [.. npgsql.Parameters.Select(p => p.Clone())]));
            }
        }
    }
}
