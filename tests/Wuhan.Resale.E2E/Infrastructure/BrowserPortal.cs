using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace Wuhan.Resale.E2E.Infrastructure;

/// <summary>
/// One portal and one Chromium per test class. Chromium is Debian's (<c>/usr/bin/chromium</c>), driven by the
/// Playwright driver that ships in the NuGet package; nothing is downloaded. A missing browser or CJK font is a
/// failure with instructions, never a skipped test.
/// </summary>
public sealed class BrowserPortal : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static readonly string[] LaunchArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserPortalFactory Factory { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Every content-security-policy refusal Chromium reported in any window of this class (fails the class).</summary>
    public ConcurrentQueue<string> CspViolations { get; } = new();

    public async Task InitializeAsync()
    {
        RequireInstalledBrowserAndFont();

        // CI runs the unit and integration tests beside these on two cores: wait generously, fail clearly.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);
        BaseUrl = Factory.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchArgs,
        });
    }

    /// <summary>A desktop browser window (1366×768) with its own cookies.</summary>
    public Task<IBrowserContext> NewDesktopContextAsync() => NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseUrl.ToString(),
        ViewportSize = Desktop,
        Locale = "zh-CN",
        TimezoneId = "Asia/Shanghai",
        AcceptDownloads = true,
    });

    /// <summary>A phone (390×844, touch) with its own cookies.</summary>
    public Task<IBrowserContext> NewPhoneContextAsync() => NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseUrl.ToString(),
        ViewportSize = Phone,
        IsMobile = true,
        HasTouch = true,
        Locale = "zh-CN",
        TimezoneId = "Asia/Shanghai",
    });

    private async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(30_000);
        context.Console += (_, message) =>
        {
            // Chromium writes "Refused to … because it violates the following Content Security Policy directive".
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                CspViolations.Enqueue($"{message.Location}: {message.Text}");
            }
        };
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
        AssertNoCspViolations();
    }

    /// <summary>
    /// Fails the calling test when the browser refused anything under the CSP so far. Every browser test ends with it:
    /// a failure in the fixture's clean-up alone is reported by the test runner but does not fail the run.
    /// </summary>
    public void AssertNoCspViolations() =>
        Assert.True(CspViolations.IsEmpty, "The browser refused content under the portal's CSP:\n" + string.Join("\n", CspViolations));

    private static void RequireInstalledBrowserAndFont()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ChromiumPath}, which is not installed. " +
                "Run `bash scripts/test.sh` (it installs it as root) or `apt-get install -y chromium fonts-noto-cjk`. " +
                "Do not run `playwright install`.");
        }

        string families;
        try
        {
            using var fcList = Process.Start(new ProcessStartInfo("fc-list", ":lang=zh family")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            families = fcList.StandardOutput.ReadToEnd();
            fcList.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            families = string.Empty;
        }

        if (string.IsNullOrWhiteSpace(families))
        {
            throw new InvalidOperationException(
                "No font with Chinese characters is installed, so every page would render Chinese as boxes. " +
                "Run `bash scripts/test.sh` (it installs it as root) or `apt-get install -y fonts-noto-cjk`.");
        }
    }
}
