using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.IntegrationTests.Persistence;

/// <summary>
/// What a PostgreSQL deployment relies on beyond the shared persistence tests: the committed migrations build the schema
/// when run by the owner role, the portal's role changes rows but never the schema, times are stored as UTC instants,
/// and contract numbers are taken without gaps or repeats by many callers at once.
/// </summary>
[Trait("Provider", "PostgreSql")]
public sealed class PostgreSqlDatabaseTests
{
    [Fact]
    public async Task TheMigrations_BuildTheSchemaOfAnEmptyDatabase_WhenRunByTheOwner()
    {
        var database = PostgreSqlServer.NewTestDatabaseName();
        await PostgreSqlServer.ExecuteAsync("postgres", $"CREATE DATABASE {database} OWNER resale_owner ENCODING 'UTF8' TEMPLATE template0");
        try
        {
            await using var owner = PostgreSqlServer.Context(PostgreSqlServer.ConnectionString(PostgreSqlServer.OwnerConnectionString, database));

            await owner.Database.MigrateAsync();
            await owner.Database.MigrateAsync();

            Assert.Equal(owner.Database.GetMigrations(), await owner.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await owner.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await owner.Contracts.CountAsync());
        }
        finally
        {
            await PostgreSqlServer.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task ThePortalRole_ChangesRows_ButCannotChangeTheSchema()
    {
        var database = await PostgreSqlServer.CreateDatabaseAsync();
        try
        {
            await using var connection = await PostgreSqlServer.OpenAsync(PostgreSqlServer.ConnectionString(PostgreSqlServer.PortalConnectionString, database));

            await ExecuteAsync(connection, "INSERT INTO \"NumberSequences\" (\"Name\", \"Next\") VALUES ('test', 1)");
            await ExecuteAsync(connection, "UPDATE \"NumberSequences\" SET \"Next\" = 2 WHERE \"Name\" = 'test'");
            await ExecuteAsync(connection, "DELETE FROM \"NumberSequences\" WHERE \"Name\" = 'test'");
            var create = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "CREATE TABLE \"Intruder\" (\"Id\" integer)"));
            var alter = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "ALTER TABLE \"Contracts\" ADD COLUMN \"Intruder\" integer"));
            var drop = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "DROP TABLE \"AuditEvents\""));
            var truncate = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "TRUNCATE \"AuditEvents\""));
            var temporary = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "CREATE TEMP TABLE \"Scratch\" (\"Id\" integer)"));

            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, create.SqlState);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, alter.SqlState);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, drop.SqlState);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, truncate.SqlState);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, temporary.SqlState);
        }
        finally
        {
            await PostgreSqlServer.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Times_AreStoredAsUtcInstants_WhateverTheirOffset()
    {
        using var factory = new PortalFactory { Provider = DatabaseProvider.PostgreSql };
        var wuhanMorning = new DateTimeOffset(2026, 11, 26, 9, 30, 15, TimeSpan.FromHours(8));
        _ = factory.Services;
        await using var connection = await PostgreSqlServer.OpenAsync(PostgreSqlServer.ConnectionString(PostgreSqlServer.OwnerConnectionString, factory.PostgreSqlDatabase!));
        var columnType = await ScalarAsync(connection,
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'AuditEvents' AND column_name = 'OccurredAt'");
        await factory.WithDbAsync(async db =>
        {
            db.AuditEvents.Add(new Domain.Auditing.AuditEvent(Guid.CreateVersion7(), wuhanMorning, Domain.Auditing.ActorKind.System, null, "测试",
                "test.time", "Test", "1", null, null, null));
            return await db.SaveChangesAsync();
        });
        var storedUtc = await ScalarAsync(connection,
            "SELECT to_char(\"OccurredAt\" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM \"AuditEvents\" WHERE \"Action\" = 'test.time'");
        var read = await factory.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "test.time").Select(e => e.OccurredAt).SingleAsync());
        var found = await factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "test.time" && e.OccurredAt == wuhanMorning));

        Assert.Equal("timestamp with time zone", columnType);
        Assert.Equal("2026-11-26 01:30:15", storedUtc);
        Assert.Equal(wuhanMorning, read);
        Assert.Equal(TimeSpan.Zero, read.Offset);
        Assert.Equal(1, found);
    }

    [Fact]
    public async Task ContractNumbers_TakenByManyCallersAtOnce_AreDistinctAndWithoutGaps()
    {
        using var factory = new PortalFactory { Provider = DatabaseProvider.PostgreSql };
        _ = factory.Services;

        // Each caller opens its context and waits at the gate until all forty are there, then all take at once.
        var start = new ArrivalGate();
        start.Arm(40);
        var taken = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => factory.WithDbAsync(async db =>
        {
            await start.ArriveAsync();
            return await new NumberSequences(db).TakeAsync("test-2026", CancellationToken.None);
        }))));
        Assert.Equal(40, start.Arrived);
        var block = await factory.WithDbAsync(db => new NumberSequences(db).TakeBlockAsync("test-2026", 100, CancellationToken.None));
        var next = await factory.WithDbAsync(db => new NumberSequences(db).TakeAsync("test-2026", CancellationToken.None));

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), taken.Order());
        Assert.Equal(41, block);
        Assert.Equal(141, next);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
