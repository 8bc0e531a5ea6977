using System.Collections.Concurrent;
using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Wuhan.Resale.E2E.Infrastructure;

/// <summary>
/// For every page of a journey: a full-page screenshot at desktop (1366×768) and at phone (390×844) width under
/// <c>screenshots/</c> beside the test assembly, an axe-core scan at both widths, and a note when the phone layout
/// scrolls sideways or a control is cut off or too small on the phone. Serious and critical axe violations are collected so that a journey reports all of them at once.
/// </summary>
/// <param name="phoneOnly">A journey made on a phone alone: only the phone size is taken and scanned.</param>
public sealed class PageChecks(bool phoneOnly = false)
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

    private readonly Dictionary<string, (List<string> Sizes, string Detail)> _violations = [];
    private readonly List<string> _order = [];

    /// <summary>Each serious or critical violation: page, rule, impact, element, at which sizes, its HTML and why.</summary>
    public IReadOnlyList<string> Violations =>
        [.. _order.Select(key => $"{key} ({string.Join(", ", _violations[key].Sizes)}) {_violations[key].Detail}")];

    public List<string> LayoutNotes { get; } = [];

    public List<string> Screenshots { get; } = [];

    /// <summary>Time spent on screenshots and scans, to keep an eye on the suite's budget.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Of <see cref="Elapsed"/>, the time spent taking screenshots (the rest: layout checks and axe scans).</summary>
    public TimeSpan ScreenshotTime { get; private set; }

    /// <summary>Screenshots and scans the page as it is now, at both sizes; the page keeps its own size afterwards.</summary>
    public async Task CheckAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        _ = CleanFolder.Value;
        await page.WaitForLoadStateAsync(LoadState.Load);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var original = page.ViewportSize is { } size ? (size.Width, size.Height) : (BrowserPortal.Desktop.Width, BrowserPortal.Desktop.Height);
        try
        {
            var sizes = phoneOnly
                ? new[] { ("phone", BrowserPortal.Phone) }
                : new[] { ("desktop", BrowserPortal.Desktop), ("phone", BrowserPortal.Phone) };
            foreach (var (label, viewport) in sizes)
            {
                await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
                var path = Path.Combine(Folder, $"{name}-{label}.png");
                var shot = System.Diagnostics.Stopwatch.GetTimestamp();
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
                ScreenshotTime += System.Diagnostics.Stopwatch.GetElapsedTime(shot);
                Screenshots.Add(path);

                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                if (overflow > 0)
                {
                    var note = string.Create(CultureInfo.InvariantCulture, $"{name} ({label}): the page is {overflow}px wider than the window and scrolls sideways");
                    LayoutNotes.Add(note);
                    AllLayoutNotes.Add(note);
                }

                if (label == "phone")
                {
                    foreach (var problem in await page.EvaluateAsync<string[]>(ControlsScript))
                    {
                        var note = $"{name} (phone): {problem}";
                        LayoutNotes.Add(note);
                        AllLayoutNotes.Add(note);
                    }
                }

                var result = await page.RunAxe();
                foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                {
                    foreach (var node in violation.Nodes)
                    {
                        var key = $"{name}: {violation.Id} [{violation.Impact}] {node.Target}";
                        var detail = $"on {new Uri(page.Url).AbsolutePath}: {node.Html} — {string.Join(" ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message))}";
                        if (!_violations.TryGetValue(key, out var found))
                        {
                            _violations[key] = found = ([], detail);
                            _order.Add(key);
                        }

                        found.Sizes.Add(label);
                    }
                }
            }
        }
        finally
        {
            await page.SetViewportSizeAsync(original.Item1, original.Item2);
            Elapsed += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }

        File.WriteAllLines(Path.Combine(Folder, "layout-notes.txt"), AllLayoutNotes.OrderBy(n => n, StringComparer.Ordinal));
    }

    /// <summary>
    /// On a phone every control of the page must be there to tap: inside the window, not hidden beyond the edge of a
    /// box that scrolls sideways, and at least 44 px tall. Controls inside <c>[data-size-specific]</c> (the QR code for
    /// computers, 在本机办理 for phones) are meant for one size only; controls folded away in a closed menu are skipped.
    /// </summary>
    private const string ControlsScript = """
        () => {
            const vw = window.innerWidth, out = [];
            const selector = 'main button, main .button, main select, main textarea, main summary, '
                + 'main input:not([type=hidden]):not([type=radio]):not([type=checkbox])';
            for (const el of document.querySelectorAll(selector)) {
                if (el.closest('[data-size-specific], [aria-hidden=true]')) continue;
                if (el.tagName !== 'SUMMARY' && el.closest('details:not([open])')) continue;
                const style = getComputedStyle(el);
                if (el.hidden || style.display === 'none' || style.visibility === 'hidden' || el.offsetParent === null) continue;
                const r = el.getBoundingClientRect();
                if (r.width <= 2 || r.height <= 2) continue;
                const name = (el.innerText || el.value || el.getAttribute('aria-label') || el.id || el.tagName).trim().slice(0, 30);
                if (r.left < -1 || r.right > vw + 1) { out.push(`control "${name}" is cut off (${Math.round(r.left)}–${Math.round(r.right)}px of ${vw}px)`); continue; }
                if (r.height < 43.5) out.push(`control "${name}" is ${Math.round(r.height)}px tall, under 44px`);
                for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                    if (getComputedStyle(p).overflowX === 'visible') continue;
                    const box = p.getBoundingClientRect();
                    if (r.right > box.right + 1 || r.left < box.left - 1) { out.push(`control "${name}" is hidden beyond the edge of a scrolling box`); break; }
                }
            }
            return out;
        }
        """;

    /// <summary>
    /// Fails when a page scrolled sideways at either size or a control was cut off or too small on a phone (each listed
    /// in <see cref="LayoutNotes"/> and in screenshots/layout-notes.txt).
    /// </summary>
    public void AssertLayoutHolds() =>
        Assert.True(LayoutNotes.Count == 0, "The layout does not hold:\n" + string.Join("\n", LayoutNotes));

    /// <summary>Fails with every serious or critical violation found on the journey's pages.</summary>
    public void AssertNoSeriousViolations() =>
        Assert.True(Violations.Count == 0,
            "axe-core found serious or critical accessibility violations:\n" + string.Join("\n", Violations));
}
