using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Data.PersonalData;
using static Wuhan.Resale.IntegrationTests.Persistence.PersonalDataKeyRotationTests;

namespace Wuhan.Resale.IntegrationTests.Persistence;

/// <summary>
/// The rotation on PostgreSQL, where production runs it: one database and one data folder (the original key file),
/// opened with the original pair, then with a new current pair while the command runs in two stages, then with the
/// original pair retired from look-ups.
/// </summary>
[Trait("Provider", "PostgreSql")]
public sealed class PersonalDataKeyRotationOnPostgreSqlTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly string _directory = PortalFactory.NewDataDirectory();
    private string _database = string.Empty;

    public async Task InitializeAsync() => _database = await PostgreSqlServer.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        await PostgreSqlServer.DropDatabaseAsync(_database);
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task LookUps_WorkBefore_During_AndAfterARotation_OnPostgreSql()
    {
        string number;
        using (var before = Portal())
        {
            (_, _, _, number) = await FilingJourney.FiledAsync(before, "seller-clean", "home-clean", "buyer-1");
            await AssertLookUpsWorkAsync(before, number);
        }

        using (var during = Portal(rotating: true))
        {
            var partly = await RunAsync(during, "--batch", "5", "--limit", "12");
            var pendingMidway = await PendingAsync(during);
            await AssertLookUpsWorkAsync(during, number);
            var rest = await RunAsync(during);
            var again = await RunAsync(during);

            Assert.Contains("重新加密并重算查询哈希 12 行", partly.Output, StringComparison.Ordinal);
            Assert.True(pendingMidway > 0, "a run stopped by --limit leaves rows for the next run");
            Assert.Equal((0, 0L), (rest.ExitCode, await PendingAsync(during)));
            Assert.Contains("重新加密并重算查询哈希 0 行", again.Output, StringComparison.Ordinal);
        }

        using var after = Portal(rotating: true, retireOriginal: true);
        await AssertLookUpsWorkAsync(after, number);
    }

    private PortalFactory Portal(bool rotating = false, bool retireOriginal = false)
    {
        var factory = new PortalFactory(_directory) { Clock = _clock, Provider = DatabaseProvider.PostgreSql, PostgreSqlDatabase = _database };
        if (rotating)
        {
            factory.Settings[$"PersonalData:Keys:{NewKeyId}:EncryptionKey"] = NewEncryptionKey;
            factory.Settings[$"PersonalData:Keys:{NewKeyId}:HashKey"] = NewHashKey;
            factory.Settings["PersonalData:CurrentKey"] = NewKeyId;
        }

        if (retireOriginal)
        {
            factory.Settings["PersonalData:RetiredKeys"] = PersonalDataKeys.OriginalKeyId;
        }

        return factory;
    }
}
