using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.E2E.Infrastructure;

/// <summary>
/// The real portal listening on a real port (Kestrel on 127.0.0.1, port chosen by the OS) so that a real browser can
/// reach it, on a SQLite file in its own temporary data folder, with the demo data, the development SMS inbox, the
/// documented test captcha answer and a property registry that answers after one second.
/// </summary>
public sealed class BrowserPortalFactory : WebApplicationFactory<Program>
{
    public const string CaptchaAnswer = "TEST";

    static BrowserPortalFactory()
    {
        // Every watched appsettings file or wwwroot costs an inotify instance, and the machine allows 128 per user for
        // all test processes together (the integration tests run beside these). Nothing changes files during a test.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "wuhan-resale-e2e", Guid.NewGuid().ToString("N"));

    /// <summary>Starts Kestrel and returns the address the browser opens, e.g. http://127.0.0.1:43817.</summary>
    public Uri Start()
    {
        Directory.CreateDirectory(DataDirectory);
        UseKestrel(0);
        StartServer();
        var address = ClientOptions.BaseAddress;
        return new Uri(address.GetLeftPart(UriPartial.Authority));
    }

    public async Task<T> WithDbAsync<T>(Func<ResaleDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ResaleDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Integrations:PropertyRegistry:EmbeddedQueryDelay", "00:00:01");
        builder.UseSetting("Captcha:FixedAnswer", CaptchaAnswer);
        // All browser contexts come from 127.0.0.1: lift the per-address framework limits for the suite's many people.
        builder.UseSetting("RateLimits:AnonymousPagesPerMinute", "100000");
        builder.UseSetting("RateLimits:SignInPostsPerMinute", "100000");

        // Warnings and errors only: a request log line per page would bury the test results.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
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
