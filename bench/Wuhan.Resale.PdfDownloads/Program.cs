using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;

// dotnet run -c Release -- [seconds] [workers]: downloads of one filed contract's PDF per second, after its first
// download (which renders and signs it) and a short warm-up.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;

// WebApplicationFactory looks for the web project's content root beside the solution; point it at src/.
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Wuhan.Resale.sln")))
{
    root = root.Parent;
}

Environment.SetEnvironmentVariable(
    "ASPNETCORE_TEST_CONTENTROOT_WUHAN_RESALE_WEB", Path.Combine(root?.FullName ?? ".", "src", "Wuhan.Resale.Web"));
using var factory = new PortalFactory { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)) };
factory.Settings["Serilog:MinimumLevel:Default"] = "Warning";
factory.Settings["Serilog:MinimumLevel:Override:Microsoft"] = "Warning";
factory.Settings["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Warning";
factory.Settings["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning";
var (seller, _, contractId, number) = await FilingJourney.FiledAsync(factory, "seller-clean", "home-clean", "buyer-1");
var address = new Uri($"/contracts/{contractId}/pdf", UriKind.Relative);

var first = Stopwatch.StartNew();
using (var response = await seller.Client.GetAsync(address))
{
    response.EnsureSuccessStatusCode();
    var bytes = await response.Content.ReadAsByteArrayAsync();
    Console.WriteLine($"{number}: first download (renders and signs) {first.Elapsed.TotalMilliseconds:0.0} ms, {bytes.Length} bytes");
}

await RunAsync(TimeSpan.FromSeconds(2));
// The process's CPU time over the measured seconds (client and server share the process here), so a run on a busy
// machine still says what a download costs.
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var (count, errors, elapsed, latencies) = await RunAsync(TimeSpan.FromSeconds(seconds));
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
latencies.Sort();
Console.WriteLine(
    $"{count} downloads in {elapsed.TotalSeconds:0.0} s with {workers} workers: {count / elapsed.TotalSeconds:0} PDFs/s, " +
    $"{errors} errors, p50 {Percentile(0.50):0.0} ms, p99 {Percentile(0.99):0.0} ms, " +
    $"CPU {cpu.TotalSeconds:0.0} s = {cpu.TotalMilliseconds / Math.Max(1, count):0.00} ms a download (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
return errors == 0 ? 0 : 1;

double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];

async Task<(int Count, int Errors, TimeSpan Elapsed, List<double> Latencies)> RunAsync(TimeSpan duration)
{
    var count = 0;
    var errors = 0;
    var all = new List<double>();
    var watch = Stopwatch.StartNew();
    var tasks = Enumerable.Range(0, workers).Select(async _ =>
    {
        var mine = new List<double>();
        while (watch.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await seller.Client.GetAsync(address);
            var body = await response.Content.ReadAsByteArrayAsync();
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode || body.Length == 0)
            {
                Interlocked.Increment(ref errors);
            }

            Interlocked.Increment(ref count);
        }

        lock (all)
        {
            all.AddRange(mine);
        }
    }).ToArray();
    await Task.WhenAll(tasks);
    return (count, errors, watch.Elapsed, all);
}
