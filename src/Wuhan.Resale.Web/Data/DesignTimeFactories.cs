using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.Web.Data;

/// <summary>
/// Lets `dotnet ef` build each provider's context without starting the app. Migrations only see column types,
/// so a throw-away key pair is enough here; it never encrypts real data.
/// </summary>
internal static class DesignTime
{
    public static IPersonalDataProtector Protector() =>
        new AesGcmPersonalDataProtector(new PersonalDataKeys(new byte[32], new byte[32]));
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteResaleDbContext>
{
    public SqliteResaleDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteResaleDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .ReplaceService<IModelCacheKeyFactory, ResaleModelCacheKeyFactory>()
            .WithPersonalDataProtector(DesignTime.Protector())
            .Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerResaleDbContext>
{
    public SqlServerResaleDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqlServerResaleDbContext>()
            .UseSqlServer("Server=localhost;Database=WuhanResale;Trusted_Connection=True;TrustServerCertificate=True")
            .ReplaceService<IModelCacheKeyFactory, ResaleModelCacheKeyFactory>()
            .WithPersonalDataProtector(DesignTime.Protector())
            .Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlResaleDbContext>
{
    public PostgreSqlResaleDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgreSqlResaleDbContext>()
            .UseNpgsql("Host=localhost;Database=wuhan_resale;Username=resale_owner")
            .ReplaceService<IModelCacheKeyFactory, ResaleModelCacheKeyFactory>()
            .WithPersonalDataProtector(DesignTime.Protector())
            .Options);
}
