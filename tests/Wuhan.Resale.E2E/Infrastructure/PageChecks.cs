using System.Collections.Concurrent;
using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Wuhan.Resale.E2E.Infrastructure;

/// <summary>
/// For every page of a journey: a full-page screenshot at desktop (1366×768) and at phone (390×844) width under
/// <c>screenshots/</c> beside the test assembly, an axe-core scan at both widths, and a note when the phone layout
/// scrolls sideways. Serious and critical axe violations are collected so that a journey reports all of them at once.
/// </summary>
public sealed class PageChecks
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private static readonly Lazy<bool> CleanFolder = new(() =>
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        Directory.CreateDirectory(Folder);
        return true;
    });

    private static readonly ConcurrentBag<string> AllLayoutNotes = [];

    public List<string> Violations { get; } = [];

    public List<string> LayoutNotes { get; } = [];

    public List<string> Screenshots { get; } = [];

    /// <summary>Screenshots and scans the page as it is now, at both sizes; the page keeps its own size afterwards.</summary>
    public async Task CheckAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        _ = CleanFolder.Value;
        await page.WaitForLoadStateAsync(LoadState.Load);
        var original = page.ViewportSize ?? BrowserPortal.Desktop;
        try
        {
            foreach (var (size, viewport) in new[] { ("desktop", BrowserPortal.Desktop), ("phone", BrowserPortal.Phone) })
            {
                await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
                var path = Path.Combine(Folder, $"{name}-{size}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
                Screenshots.Add(path);

                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                if (overflow > 0)
                {
                    var note = string.Create(CultureInfo.InvariantCulture, $"{name} ({size}): the page is {overflow}px wider than the window and scrolls sideways");
                    LayoutNotes.Add(note);
                    AllLayoutNotes.Add(note);
                }

                var result = await page.RunAxe();
                foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                {
                    var elements = string.Join(" | ", violation.Nodes.Select(n => $"{n.Target} {n.Html}"));
                    var line = $"{name} ({size}) {page.Url}: {violation.Id} [{violation.Impact}] {violation.Help} — {elements}";
                    if (!Violations.Any(v => v.StartsWith($"{name} (", StringComparison.Ordinal) && v.Contains($": {violation.Id} [", StringComparison.Ordinal) && v.EndsWith(elements, StringComparison.Ordinal)))
                    {
                        Violations.Add(line);
                    }
                }
            }
        }
        finally
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }

        File.WriteAllLines(Path.Combine(Folder, "layout-notes.txt"), AllLayoutNotes.OrderBy(n => n, StringComparer.Ordinal));
    }

    /// <summary>Fails with every serious or critical violation found on the journey's pages.</summary>
    public void AssertNoSeriousViolations() =>
        Assert.True(Violations.Count == 0,
            "axe-core found serious or critical accessibility violations:\n" + string.Join("\n", Violations));
}
