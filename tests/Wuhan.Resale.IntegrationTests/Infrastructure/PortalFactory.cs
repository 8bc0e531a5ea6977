using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal on a SQLite file in its own temporary data folder, with the embedded registries answering
/// at once; the file starts as a copy of a migrated and seeded template (<see cref="UseDatabaseTemplate"/>). Several
/// factories may share one folder to test what survives a restart.
/// With <see cref="Provider"/> = PostgreSql it runs on a fresh PostgreSQL database of its own instead (see
/// <see cref="PostgreSqlServer"/>), signed in as the low-privilege portal role; factories share one by passing
/// <see cref="PostgreSqlDatabase"/>.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsDirectory;

    static PortalFactory()
    {
        // Dozens of hosts in one test process would each watch their configuration and content files and run out of
        // inotify instances (128 per user on this machine); tests change no files, so nothing needs watching.
        System.Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        System.Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public PortalFactory(string? dataDirectory = null, string environment = "Development")
    {
        _ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? NewDataDirectory();
        Environment = environment;

        // Every simulated person of a test shares one client address (the test server gives none): the per-address
        // framework limits would stop a test that signs in a dozen people in a minute. RateLimitTests sets its own.
        Settings["RateLimits:AnonymousPagesPerMinute"] = "100000";
        Settings["RateLimits:CaptchaImagesPerMinute"] = "100000";
        Settings["RateLimits:SignInPostsPerMinute"] = "100000";
        Settings["RateLimits:PartnerRequestsPerMinute"] = "100000";

        // Tests move their clocks by days and then look at what is left: the hourly clean-up would delete it under them.
        // RetentionTests runs it on purpose.
        Settings["Retention:Enabled"] = "false";

        // Disposing a factory stops its worker: hand a query in progress back at once, as before the grace period
        // existed (a fake clock would otherwise hold the stop for the host's whole timeout). ShutdownTests set their own.
        Settings["PropertyQueries:ShutdownGrace"] = "00:00:00";
    }

    public string DataDirectory { get; }

    public string Environment { get; }

    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The answer every image captcha accepts in these tests (the documented Captcha:FixedAnswer setting).</summary>
    public const string CaptchaAnswer = "TEST";

    /// <summary>One data-protection certificate for every test host (generating an RSA key per host costs CPU).</summary>
    public static readonly Lazy<string> DataProtectionCertificate =
        new(() => Convert.ToBase64String(Wuhan.Resale.Web.Infrastructure.Hardening.DataProtectionSetup.CreateSelfSigned()));

    /// <summary>When set, the portal's clock: tests move time forward instead of waiting.</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>
    /// The database engine; SQLite unless a test asks for PostgreSQL. RESALE_TEST_PROVIDER=PostgreSql makes PostgreSQL the
    /// default of every test, for a by-hand sweep (tests that open the SQLite file themselves then fail, as they should).
    /// </summary>
    public DatabaseProvider Provider { get; init; } =
        Enum.TryParse<DatabaseProvider>(System.Environment.GetEnvironmentVariable("RESALE_TEST_PROVIDER"), out var provider) ? provider : DatabaseProvider.Sqlite;

    /// <summary>The PostgreSQL database: given to share one between factories, else created on first use and dropped on dispose.</summary>
    public string? PostgreSqlDatabase { get; set; }

    private bool _ownsDatabase;

    /// <summary>
    /// Start a SQLite host from the migrated and seeded template (<see cref="SqliteTemplate"/>) instead of migrating and
    /// seeding an empty file. On by default; used only in Development with a fresh data folder and no database, seeding,
    /// connection or key settings of the test's own, so a test about start-up on an empty or odd folder is unaffected.
    /// </summary>
    public bool UseDatabaseTemplate { get; init; } = true;

    /// <summary>Extra service replacements, e.g. a fake at the system's edge.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Settings that change what the database holds or where it is: a host given one of them migrates and seeds on its own.</summary>
    private static readonly string[] TemplateSensitive = ["Database", "Seed", "ConnectionStrings", "PersonalData", "Storage", "Bootstrap"];

    public static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "wuhan-resale-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public async Task<T> WithDbAsync<T>(Func<ResaleDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ResaleDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        if (Provider == DatabaseProvider.PostgreSql)
        {
            if (PostgreSqlDatabase is null)
            {
                PostgreSqlDatabase = Task.Run(PostgreSqlServer.CreateDatabaseAsync).GetAwaiter().GetResult();
                _ownsDatabase = true;
            }

            // The schema comes from the template, migrated by the owner role; the portal has no right to change it.
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.PostgreSql));
            builder.UseSetting("Database:MigrateOnStartup", "false");
            builder.UseSetting("ConnectionStrings:Resale", PostgreSqlServer.ConnectionString(PostgreSqlServer.PortalConnectionString, PostgreSqlDatabase));
        }

        if (Provider == DatabaseProvider.Sqlite && UseDatabaseTemplate && SqliteTemplate.Enabled && Environment == "Development"
            && !Settings.Keys.Any(key => TemplateSensitive.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))))
        {
            SqliteTemplate.CopyInto(DataDirectory);
        }

        builder.UseSetting("Integrations:PropertyRegistry:EmbeddedQueryDelay", "00:00:00");
        builder.UseSetting("DataProtection:Certificate", DataProtectionCertificate.Value);
        if (Environment != "Production")
        {
            builder.UseSetting("Captcha:FixedAnswer", CaptchaAnswer);
        }

        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }

            ConfigureServices?.Invoke(services);
        });

        if (Environment == "Production")
        {
            // Production refuses to start without configured keys; these are test-only.
            builder.UseSetting("PersonalData:EncryptionKey", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
            builder.UseSetting("PersonalData:HashKey", Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray()));

            // Production refuses the demo signing certificate too: a self-made one stands in for the bureau's PFX.
            var pfx = Path.Combine(DataDirectory, "test-contract-signing.pfx");
            if (!File.Exists(pfx))
            {
                File.WriteAllBytes(pfx, Wuhan.Resale.Web.Pdf.Signing.BureauCertificate.CreateSelfSigned(
                    "武汉市住房保障和房屋管理局（测试）", "测试证书", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
            }

            builder.UseSetting("ContractSigning:CertificatePath", pfx);

            // A complete production configuration (PortalEnvironments refuses anything less); tests override one
            // setting at a time to see each refusal. The registries are never reached by these tests.
            foreach (var system in new[] { "CitizenRegistry", "PropertyRegistry", "Sms" })
            {
                builder.UseSetting($"Integrations:{system}:Mode", "Http");
                builder.UseSetting($"Integrations:{system}:BaseUrl", $"https://{system.ToLowerInvariant()}.test.invalid/");
            }

            builder.UseSetting("Database:SeedDemoData", "false");
            builder.UseSetting("Portal:PublicBaseUrl", "https://portal.test.invalid");
            builder.UseSetting("AllowedHosts", "localhost");
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase && PostgreSqlDatabase is { } database)
        {
            _ownsDatabase = false;
            Task.Run(() => PostgreSqlServer.DropDatabaseAsync(database)).GetAwaiter().GetResult();
        }

        if (disposing && _ownsDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A log file still held by a closing sink; the temp folder is cleaned by the OS later.
            }
        }
    }
}
