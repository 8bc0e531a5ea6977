using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.IntegrationTests.Persistence;

/// <summary>Fails when the model has changes that no committed migration covers, for each provider.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrations_CoverTheModel()
    {
        using var db = CreateDesignTime<SqliteResaleDbContext>();

        Assert.True(db.Database.IsSqlite());
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteResaleDbContext --output-dir Data/Migrations/Sqlite");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void SqlServerMigrations_CoverTheModel()
    {
        using var db = CreateDesignTime<SqlServerResaleDbContext>();

        Assert.True(db.Database.IsSqlServer());
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqlServerResaleDbContext --output-dir Data/Migrations/SqlServer");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void SqlServerMigrations_ProduceAnIdempotentScript()
    {
        using var db = CreateDesignTime<SqlServerResaleDbContext>();

        var script = db.Database.GenerateCreateScript();

        Assert.Contains("CREATE TABLE [Contracts]", script, StringComparison.Ordinal);
        Assert.Contains("[LiveCertificateNumber] IS NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSqlMigrations_CoverTheModel()
    {
        using var db = CreateDesignTime<PostgreSqlResaleDbContext>();

        Assert.True(db.Database.IsNpgsql());
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgreSqlResaleDbContext --output-dir Data/Migrations/PostgreSql");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void PostgreSqlMigrations_StoreEveryTimeAsTimestamptz()
    {
        using var db = CreateDesignTime<PostgreSqlResaleDbContext>();

        var script = db.Database.GenerateCreateScript();

        Assert.Contains("CREATE TABLE \"Contracts\"", script, StringComparison.Ordinal);
        Assert.Contains("\"FiledAt\" timestamp with time zone", script, StringComparison.Ordinal);
        Assert.DoesNotContain("timestamp without time zone", script, StringComparison.Ordinal);
    }

    private static T CreateDesignTime<T>()
        where T : DbContext
    {
        var factoryType = typeof(ResaleDbContext).Assembly.GetTypes()
            .Single(t => typeof(IDesignTimeDbContextFactory<T>).IsAssignableFrom(t));
        var factory = (IDesignTimeDbContextFactory<T>)Activator.CreateInstance(factoryType, nonPublic: true)!;
        return factory.CreateDbContext([]);
    }
}
