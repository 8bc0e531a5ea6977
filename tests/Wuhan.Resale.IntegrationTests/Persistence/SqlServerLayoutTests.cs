using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.IntegrationTests.Persistence;

/// <summary>
/// The SQL Server layout for ten years of rows, read from the schema the committed migrations produce (there is no SQL
/// Server on this machine; the scripts are what a DBA would run).
/// </summary>
public sealed partial class SqlServerLayoutTests
{
    private static readonly string[] Reclustered = ["AuditEvents", "SmsMessages", "VerificationCodes", "LoginTickets", "PropertyQueries", "Contracts", "Listings", "People"];

    [Fact]
    public void BusyTables_AreClusteredOnTimeThenId_WithANonClusteredPrimaryKey()
    {
        var script = CreateScript();

        Assert.Contains("CONSTRAINT [PK_AuditEvents] PRIMARY KEY NONCLUSTERED ([Id])", script, StringComparison.Ordinal);
        Assert.Contains("CREATE CLUSTERED INDEX [IX_AuditEvents_OccurredAt_Id] ON [AuditEvents] ([OccurredAt], [Id]);", script, StringComparison.Ordinal);
        Assert.Contains("CREATE CLUSTERED INDEX [IX_PropertyQueries_RequestedAt_Id] ON [PropertyQueries] ([RequestedAt], [Id]);", script, StringComparison.Ordinal);
        foreach (var table in Reclustered)
        {
            Assert.Contains($"CONSTRAINT [PK_{table}] PRIMARY KEY NONCLUSTERED", script, StringComparison.Ordinal);
            Assert.Matches($@"CREATE CLUSTERED INDEX \[IX_{table}_[A-Za-z]+At_Id\]", script);
        }
    }

    [Fact]
    public void HashesAndCodes_CompareByCodePoint_CiphertextsAreVarchar_AndNamesKeepTheDatabaseCollation()
    {
        var script = CreateScript();
        var people = Table(script, "People");
        var contracts = Table(script, "Contracts");

        Assert.Contains("[IdNumberHash] varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL", people, StringComparison.Ordinal);
        Assert.Matches(@"\[IdNumber\] varchar\(\d+\) COLLATE Latin1_General_100_BIN2 NOT NULL", people);
        Assert.Contains("[Name] nvarchar(50) NOT NULL", people, StringComparison.Ordinal); // the database's _SC collation
        Assert.Contains("[ContractNumber] nvarchar(40) COLLATE Latin1_General_100_BIN2", contracts, StringComparison.Ordinal);
        Assert.Contains("[VerificationToken] nvarchar(64) COLLATE Latin1_General_100_BIN2", contracts, StringComparison.Ordinal);
    }

    [Fact]
    public void OnePersonPerIdNumber_HoldsForEveryRow_TheUniqueIndexHasNoNullEscape()
    {
        var script = CreateScript();

        // SQL Server leaves NULLs out of a unique index on a nullable column; the hash is NOT NULL, so no filter is needed.
        Assert.Contains("CREATE UNIQUE INDEX [IX_People_IdType_IdNumberHash] ON [People] ([IdType], [IdNumberHash]);", script, StringComparison.Ordinal);
        Assert.Contains("[PhoneHash] varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL", Table(script, "SmsMessages"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheLayoutMigration_DropsEveryForeignKeyOnAReclusteredKey_BeforeTheKey_AndAddsItBackAfter()
    {
        using var db = CreateDesignTime();
        var migrations = db.Database.GetMigrations().ToList();
        var layout = migrations.Single(m => m.EndsWith("_SqlServerStorageLayout", StringComparison.Ordinal));
        var before = migrations[migrations.IndexOf(layout) - 1];
        var step = db.GetService<IMigrator>().GenerateScript(before, layout);
        var schemaBefore = db.GetService<IMigrator>().GenerateScript(null, before);

        // Every foreign key that the schema before the migration has towards a table whose key the migration re-creates.
        var references = ForeignKey().Matches(schemaBefore)
            .Where(m => step.Contains($"DROP CONSTRAINT [PK_{m.Groups["principal"].Value}]", StringComparison.Ordinal))
            .Select(m => (Name: m.Groups["name"].Value, Principal: m.Groups["principal"].Value))
            .ToList();

        Assert.NotEmpty(references);
        foreach (var (name, principal) in references)
        {
            var dropFk = step.IndexOf($"DROP CONSTRAINT [{name}]", StringComparison.Ordinal);
            var dropPk = step.IndexOf($"DROP CONSTRAINT [PK_{principal}]", StringComparison.Ordinal);
            var addPk = step.IndexOf($"ADD CONSTRAINT [PK_{principal}]", StringComparison.Ordinal);
            var addFk = step.IndexOf($"ADD CONSTRAINT [{name}]", StringComparison.Ordinal);
            Assert.True(dropFk >= 0 && dropFk < dropPk, $"{name} must be dropped before PK_{principal}");
            Assert.True(addPk >= 0 && addFk > addPk, $"{name} must be added back after PK_{principal}");
        }
    }

    private static string CreateScript()
    {
        using var db = CreateDesignTime();
        return db.Database.GenerateCreateScript();
    }

    private static string Table(string script, string table)
    {
        var start = script.IndexOf($"CREATE TABLE [{table}] (", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {table}");
        return script[start..script.IndexOf(");", start, StringComparison.Ordinal)];
    }

    private static SqlServerResaleDbContext CreateDesignTime()
    {
        var factoryType = typeof(ResaleDbContext).Assembly.GetTypes()
            .Single(t => typeof(IDesignTimeDbContextFactory<SqlServerResaleDbContext>).IsAssignableFrom(t));
        var factory = (IDesignTimeDbContextFactory<SqlServerResaleDbContext>)Activator.CreateInstance(factoryType, nonPublic: true)!;
        return factory.CreateDbContext([]);
    }

    [GeneratedRegex(@"CONSTRAINT \[(?<name>FK_[A-Za-z_]+)\] FOREIGN KEY \(\[[A-Za-z]+\]\) REFERENCES \[(?<principal>[A-Za-z]+)\] \(\[Id\]\)")]
    private static partial Regex ForeignKey();
}
