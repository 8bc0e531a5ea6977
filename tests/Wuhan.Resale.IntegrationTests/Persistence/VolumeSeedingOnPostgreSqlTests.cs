using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Data.PersonalData;
using Wuhan.Resale.Web.Data.Seed;

namespace Wuhan.Resale.IntegrationTests.Persistence;

/// <summary>
/// The ten-year volume seeding (<c>seed-contracts N --server-side --audit-events M</c>, bench/volume-run.sh) leaves the
/// audit table as the portal would have kept it over ten years: every year in its own partition, none in the default
/// one — a volume run on rows piled into the default partition measures a database no deployment has.
/// </summary>
[Trait("Provider", "PostgreSql")]
public sealed class VolumeSeedingOnPostgreSqlTests
{
    [Fact]
    public async Task ServerSideSeeding_SpreadsAuditEventsOverTenYears_EachYearInItsOwnPartition()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
        using var factory = new PortalFactory { Provider = DatabaseProvider.PostgreSql, Clock = clock };
        var protector = factory.Services.GetRequiredService<IPersonalDataProtector>();
        var owner = PostgreSqlServer.ConnectionString(PostgreSqlServer.OwnerConnectionString, factory.PostgreSqlDatabase!);
        long before;
        await using (var connection = await PostgreSqlServer.OpenAsync(owner))
        {
            before = await ScalarAsync(connection, """SELECT count(*) FROM "AuditEvents" """);
        }

        await using (var db = PostgreSqlServer.Context(owner))
        {
            var result = await new BulkContractVolume(db, protector, clock).SeedAsync(300, 3_000, TextWriter.Null);
            Assert.Equal(300, result.Contracts);
        }

        await using (var connection = await PostgreSqlServer.OpenAsync(owner))
        {
            Assert.Equal(before + 3_000, await ScalarAsync(connection, """SELECT count(*) FROM "AuditEvents" """));
            Assert.Equal(0, await ScalarAsync(connection, """SELECT count(*) FROM "AuditEvents_default" """));
            // Filings spread over the ten years before yesterday: 2016 to 2026, eleven calendar years, each with rows.
            Assert.Equal(11, await ScalarAsync(connection, """SELECT count(DISTINCT tableoid) FROM "AuditEvents" WHERE "ActorName" <> '' """));
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
