using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>Configuration section "Database". Nothing configured means SQLite in the data folder.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up (on by default; a deployment may run the SQL script instead).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Fill the embedded registries, districts, policies and demo staff on start-up.</summary>
    public bool SeedDemoData { get; set; } = true;
}

/// <summary>Where the portal keeps its files: SQLite database, logs, key file.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string DataDirectory { get; set; } = "App_Data";
}

public static class DatabaseServiceCollectionExtensions
{
    public static string ResolveDataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()?.DataDirectory ?? "App_Data";
        var path = Path.IsPathRooted(configured) ? configured : Path.Combine(environment.ContentRootPath, configured);
        Directory.CreateDirectory(path);
        return path;
    }

    public static IServiceCollection AddResaleDatabase(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataDirectory = ResolveDataDirectory(configuration, environment);
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();

        var keys = PersonalDataKeys.Load(
            configuration.GetSection(PersonalDataOptions.SectionName).Get<PersonalDataOptions>() ?? new PersonalDataOptions(),
            dataDirectory,
            environment.IsProduction());
        var protector = new AesGcmPersonalDataProtector(keys);
        services.AddSingleton<IPersonalDataProtector>(protector);
        services.AddSingleton(keys);
        services.AddSingleton<Infrastructure.Auditing.AuditChainKey>();
        services.AddSingleton<Infrastructure.Auditing.AuditChainInterceptor>();
        services.AddScoped<Infrastructure.Auditing.AuditChain>();

        var connectionString = configuration.GetConnectionString("Resale");
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Resale is not set.");
            }

            // Pooled: a context is reset and reused instead of built per request (its options are built once).
            services.AddDbContextPool<ResaleDbContext, SqlServerResaleDbContext>((provider, options) => PersonalDataOptionsExtension.AddTo(options
                .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())
                .ReplaceService<IModelCacheKeyFactory, ResaleModelCacheKeyFactory>()
                .AddInterceptors(provider.GetRequiredService<Infrastructure.Auditing.AuditChainInterceptor>()), protector));
        }
        else if (database.Provider == DatabaseProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is PostgreSql but ConnectionStrings:Resale is not set.");
            }

            services.AddDbContextPool<ResaleDbContext, PostgreSqlResaleDbContext>((provider, options) => PersonalDataOptionsExtension.AddTo(options
                .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure())
                .ReplaceService<IModelCacheKeyFactory, ResaleModelCacheKeyFactory>()
                .AddInterceptors(provider.GetRequiredService<Infrastructure.Auditing.AuditChainInterceptor>()), protector));
        }
        else
        {
            connectionString = string.IsNullOrWhiteSpace(connectionString)
                ? $"Data Source={Path.Combine(dataDirectory, "resale.db")}"
                : connectionString;
            services.AddDbContextPool<ResaleDbContext, SqliteResaleDbContext>((provider, options) => PersonalDataOptionsExtension.AddTo(options
                .UseSqlite(connectionString)
                .ReplaceService<IModelCacheKeyFactory, ResaleModelCacheKeyFactory>()
                .AddInterceptors(provider.GetRequiredService<Infrastructure.Auditing.AuditChainInterceptor>(), new SqliteBusyTimeout()), protector));
        }

        return services;
    }

    /// <summary>Migrates and seeds before the first request is served.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<ResaleDbContext>();
        if (options.MigrateOnStartup)
        {
            // A migration may rebuild a large table (the audit table by month on PostgreSQL): no 30-second limit for it.
            db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // Write-ahead logging lets the background worker write while pages read.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        if (options.SeedDemoData)
        {
            await scope.ServiceProvider.GetRequiredService<Seed.DemoDataSeeder>().SeedAsync(cancellationToken);
        }
        else if (!Infrastructure.Hardening.PortalEnvironments.AllowsDemoFeatures(scope.ServiceProvider.GetRequiredService<IHostEnvironment>()))
        {
            await scope.ServiceProvider.GetRequiredService<Seed.DemoDataSeeder>().BootstrapAsync();
        }
    }
}
