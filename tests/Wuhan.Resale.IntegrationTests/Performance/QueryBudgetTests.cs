using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.IntegrationTests.Performance;

/// <summary>
/// How many times each page of the seller's journey asks the database, once the session has been checked: the budget
/// that keeps the pages fast at city scale (bench/RESULTS.md). The person's identity comes from the session's claims,
/// the session check is trusted for 15 s, district names are kept in memory, and anonymous pages read nothing.
/// A page that starts asking more often fails here, before it shows up in a load run.
/// </summary>
public sealed class QueryBudgetTests : IDisposable
{
    private readonly CommandCounter _commands = new();
    private readonly PortalFactory _factory;

    public QueryBudgetTests() => _factory = new PortalFactory
    {
        ConfigureServices = services => services
            .ConfigureDbContext<SqliteResaleDbContext>(o => o.AddInterceptors(_commands))
            .ConfigureDbContext<PostgreSqlResaleDbContext>(o => o.AddInterceptors(_commands)),
    };

    public void Dispose() => _factory.Dispose();

    private async Task<int> CommandsForAsync(HttpClient client, string path)
    {
        using (var first = await client.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        }

        _commands.Reset();
        using var second = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, second.StatusCode);
        return _commands.Count;
    }

    [Fact]
    public async Task EachStepPage_AsksTheDatabaseOnlyForWhatItShows()
    {
        var (seller, listingId, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");

        Assert.Equal(2, await CommandsForAsync(seller.Client, "/listing"));                        // queries, listings
        Assert.Equal(1, await CommandsForAsync(seller.Client, $"/listings/{listingId}/buyers"));  // the listing
        Assert.Equal(2, await CommandsForAsync(seller.Client, "/contracts"));                      // as seller, as buyer
        Assert.Equal(2, await CommandsForAsync(seller.Client, $"/contracts/{contractId}/edit"));  // contract, listing
        Assert.Equal(5, await CommandsForAsync(seller.Client, $"/contracts/{contractId}/file"));  // + parties, codes, confirmations
    }

    [Fact]
    public async Task AnonymousPages_ReadAndWriteNothing()
    {
        using var client = _factory.CreateClient();

        Assert.Equal(0, await CommandsForAsync(client, "/"));
        Assert.Equal(0, await CommandsForAsync(client, "/revocation"));
    }

    [Fact]
    public async Task TheDatabaseConnection_WaitsForSQLitesWriteLockItself()
    {
        // Without it Microsoft.Data.Sqlite retries a busy write in 150 ms steps (the load run: 3.2 → 10.5 filings/s).
        var timeout = await _factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA busy_timeout;";
                return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Equal(30_000, timeout);
    }

    /// <summary>Counts the SQL commands the portal sends.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }
}
