using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>
/// The local PostgreSQL of scripts/postgres.sh, for the tests that run on PostgreSQL as well as SQLite. Each portal gets
/// a database of its own, copied from a template migrated once by the owner role (CREATE DATABASE … TEMPLATE takes a
/// fraction of a second); the portal itself signs in as the low-privilege role, which can read and write rows only.
/// Nothing is skipped when the server is missing: the first test that needs it fails and says how to start it.
/// </summary>
public static class PostgreSqlServer
{
    private const string StartHint = "PostgreSQL is needed by the PostgreSQL tests (*OnPostgreSql*, PostgreSql*, theory cases \"provider: PostgreSql\") and was not reachable. Start it with `scripts/postgres.sh start` "
        + "(scripts/test.sh does this itself); it prints the RESALE_POSTGRES_OWNER / RESALE_POSTGRES_PORTAL settings these tests read "
        + "(defaults: 127.0.0.1:5432, roles resale_owner and resale_portal).";

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;

    /// <summary>The owner role, without a database: creates and drops the test databases, runs the migrations.</summary>
    public static string OwnerConnectionString { get; } = Environment.GetEnvironmentVariable("RESALE_POSTGRES_OWNER") is { Length: > 0 } owner
        ? owner
        : "Host=127.0.0.1;Port=5432;Username=resale_owner;Password=resale-owner-local";

    /// <summary>The portal's role: CONNECT and row access only.</summary>
    public static string PortalConnectionString { get; } = Environment.GetEnvironmentVariable("RESALE_POSTGRES_PORTAL") is { Length: > 0 } portal
        ? portal
        : "Host=127.0.0.1;Port=5432;Username=resale_portal;Password=resale-portal-local";

    public static string ConnectionString(string baseConnectionString, string database) =>
        new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = database }.ConnectionString;

    /// <summary>A new database with the current schema, owned by the owner role; its name.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var template = await TemplateAsync();
        var name = NewTestDatabaseName();
        await ExecuteAsync("postgres", $"CREATE DATABASE {name} TEMPLATE {template} OWNER resale_owner");
        await RestrictAsync(name);
        return name;
    }

    /// <summary>Database rights are not copied from a template: only the portal role may connect, and it gets no TEMP.</summary>
    public static Task RestrictAsync(string database) =>
        ExecuteAsync("postgres", $"REVOKE ALL ON DATABASE {database} FROM PUBLIC; GRANT CONNECT ON DATABASE {database} TO resale_portal");

    /// <summary>resale_test_&lt;UTC time&gt;_&lt;random&gt;: the time lets a later run drop what a killed run left behind.</summary>
    public static string NewTestDatabaseName() =>
        $"resale_test_{DateTime.UtcNow:yyyyMMddHHmm}_{Guid.NewGuid().ToString("N")[..12]}";

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(PortalConnectionString, name)));
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(OwnerConnectionString, name)));
        await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>A context on <paramref name="database"/> as the given role, outside any portal (keys are throw-away).</summary>
    public static PostgreSqlResaleDbContext Context(string connectionString) => new(
        new DbContextOptionsBuilder<PostgreSqlResaleDbContext>()
            .UseNpgsql(connectionString)
            .ReplaceService<IModelCacheKeyFactory, ResaleModelCacheKeyFactory>()
            .WithPersonalDataProtector(new AesGcmPersonalDataProtector(new PersonalDataKeys(new byte[32], new byte[32])))
            .Options);

    /// <summary>Runs one statement as the owner role in <paramref name="database"/>.</summary>
    public static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = await OpenAsync(ConnectionString(OwnerConnectionString, database));
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or TimeoutException
            or (NpgsqlException and not PostgresException)
            or PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification })
        {
            await connection.DisposeAsync();
            var where = new NpgsqlConnectionStringBuilder(connectionString);
            throw new InvalidOperationException($"{StartHint} (tried {where.Host}:{where.Port} as {where.Username}: {ex.Message})", ex);
        }
    }

    /// <summary>
    /// The migrated template, named after the migrations it holds so a test run of another branch never uses a stale
    /// one. Built under another name and renamed when complete, so a run that stopped half-way leaves no broken template.
    /// </summary>
    private static async Task<string> TemplateAsync()
    {
        if (_template is not null)
        {
            return _template;
        }

        await TemplateGate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            string name;
            await using (var probe = Context(OwnerConnectionString))
            {
                var migrations = string.Join('\n', probe.Database.GetMigrations());
                name = "resale_template_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(migrations)))[..12];
            }

            if (!await DatabaseExistsAsync(name))
            {
                var building = "resale_building_" + Guid.NewGuid().ToString("N")[..16];
                await ExecuteAsync("postgres", $"CREATE DATABASE {building} OWNER resale_owner ENCODING 'UTF8' TEMPLATE template0");
                await using (var owner = Context(ConnectionString(OwnerConnectionString, building)))
                {
                    await owner.Database.MigrateAsync();
                }

                await ExecuteAsync(building, """
                    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                    GRANT USAGE ON SCHEMA public TO resale_portal;
                    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO resale_portal;
                    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO resale_portal;
                    ALTER DEFAULT PRIVILEGES FOR ROLE resale_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO resale_portal;
                    ALTER DEFAULT PRIVILEGES FOR ROLE resale_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO resale_portal;
                    """);
                NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(OwnerConnectionString, building)));
                try
                {
                    await ExecuteAsync("postgres", $"ALTER DATABASE {building} RENAME TO {name}");
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                    // Another test process published the same template first.
                    await ExecuteAsync("postgres", $"DROP DATABASE {building} WITH (FORCE)");
                }
            }

            await DropAbandonedAsync();
            _template = name;
            return name;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    /// <summary>Test databases more than a day old belong to no running test (a test lasts minutes): a killed run left them.</summary>
    private static async Task DropAbandonedAsync()
    {
        var dayAgo = DateTime.UtcNow.AddDays(-1).ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
        var abandoned = new List<string>();
        await using (var connection = await OpenAsync(ConnectionString(OwnerConnectionString, "postgres")))
        await using (var command = new NpgsqlCommand(
            "SELECT datname FROM pg_database WHERE datname ~ '^resale_test_[0-9]{12}_[0-9a-f]{12}$' AND substring(datname from 13 for 12) < @dayAgo", connection))
        {
            command.Parameters.AddWithValue("dayAgo", dayAgo);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                abandoned.Add(reader.GetString(0));
            }
        }

        foreach (var name in abandoned)
        {
            await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var connection = await OpenAsync(ConnectionString(OwnerConnectionString, "postgres"));
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync() is not null;
    }
}
