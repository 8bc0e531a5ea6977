using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.IntegrationTests.ListingVerification;

public sealed class WorkerRestartTests
{
    [Fact]
    public async Task AQueryPendingWhenTheAppStops_IsCompletedAfterItStartsAgain()
    {
        var directory = PortalFactory.NewDataDirectory();
        Guid queryId;
        // Stopped the way a host stops (DisposeAsync runs the graceful shutdown), not killed.
        await using (var slow = new PortalFactory(directory))
        {
            // The registry takes an hour: the query is claimed, then the app stops before the answer.
            slow.Settings["Integrations:PropertyRegistry:EmbeddedQueryDelay"] = "01:00:00";
            var journey = await SellerJourney.SignInAsync(slow, "seller-clean");
            var page = await Forms.GetDocumentAsync(journey.Client, "/listing");
            using var _ = await Forms.SubmitAsync(journey.Client, page, "form[action='/listing/queries']");
            queryId = await slow.WithDbAsync(db => db.PropertyQueries.Select(q => q.Id).SingleAsync());
            await WaitAsync(slow, queryId, q => q.Attempts == 1);
        }

        var (status, leased) = await ReadRawAsync(directory, queryId);
        Assert.Equal(nameof(PropertyQueryStatus.Pending), status);
        Assert.False(leased, "a gracefully stopped worker hands its query back");

        using var restarted = new PortalFactory(directory);
        var done = await WaitAsync(restarted, queryId, q => q.Status != PropertyQueryStatus.Pending);

        Assert.Equal(PropertyQueryStatus.Completed, done.Status);
        Assert.Equal(1, done.Attempts); // handing back on a stop does not use up one of the registry attempts
        Assert.Equal(1, await restarted.WithDbAsync(db => db.PropertyQueries.Where(q => q.Id == queryId).SelectMany(q => q.Records).CountAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TwoInstancesOnOneDatabase_ProcessEachQueryOnce(DatabaseProvider provider)
    {
        var directory = PortalFactory.NewDataDirectory();
        using var first = new PortalFactory(directory) { Provider = provider };
        _ = first.Services;
        using var second = new PortalFactory(directory) { Provider = provider, PostgreSqlDatabase = first.PostgreSqlDatabase };
        _ = second.Services;
        var keys = new[] { "seller-clean", "seller-two-homes", "co-owner-a", "co-owner-b", "seller-hidden", "seller-undetermined", "seller-wedz", "seller-seized" };
        var ids = new List<Guid>();
        foreach (var key in keys)
        {
            ids.Add(await first.WithDbAsync(async db =>
            {
                var person = await Scenario.SavePersonAsync(db, key);
                var query = new PropertyQuery(Guid.CreateVersion7(), "CX-" + key, person.Id, person.Name, Scenario.Now(db));
                db.PropertyQueries.Add(query);
                await db.SaveChangesAsync();
                return query.Id;
            }));
        }

        var done = new List<PropertyQuery>();
        foreach (var id in ids)
        {
            done.Add(await WaitAsync(second, id, q => q.Status != PropertyQueryStatus.Pending));
        }

        Assert.All(done, q => Assert.Equal(PropertyQueryStatus.Completed, q.Status));
        Assert.All(done, q => Assert.Equal(1, q.Attempts));
        var records = await first.WithDbAsync(db => db.PropertyQueries.Where(q => ids.Contains(q.Id)).Select(q => q.Records.Count).ToListAsync());
        Assert.Equal(keys.Sum(k => DemoData.Set.Properties.Count(p => !p.HiddenFromQuery && p.Owners.Any(o => o.CitizenKey == k))), records.Sum());
    }

    /// <summary>Reads the stopped app's database file directly: starting an app would start a worker too.</summary>
    private static async Task<(string Status, bool Leased)> ReadRawAsync(string directory, Guid queryId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(directory, "resale.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Status, LeasedUntil IS NOT NULL FROM PropertyQueries WHERE Id = @id";
        command.Parameters.AddWithValue("@id", queryId.ToString().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetBoolean(1));
    }

    private static async Task<PropertyQuery> WaitAsync(PortalFactory factory, Guid queryId, Func<PropertyQuery, bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            var query = await factory.WithDbAsync(db => db.PropertyQueries.AsNoTracking().SingleAsync(q => q.Id == queryId));
            if (condition(query))
            {
                return query;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The query did not reach the expected state.");
    }
}
