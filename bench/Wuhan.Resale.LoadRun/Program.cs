using System.Diagnostics;
using System.Globalization;
using System.Net;
using Wuhan.Resale.LoadRun;

// Whole seller journeys against a running portal; see bench/README.md and bench/load-run.sh.
var options = LoadRunOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

using var handler = new SocketsHttpHandler
{
    UseCookies = false,
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.None,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
    MaxConnectionsPerServer = options.Concurrency * 2,
};
using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
var stats = new Stats();
var next = options.First;
var end = options.Population;
var gate = new Lock();

// Takes the next journey number, or null when the population or the requested number of journeys is used up.
int? Take(int? limit)
{
    lock (gate)
    {
        if (next >= end || (limit is not null && next >= limit))
        {
            return null;
        }

        return next++;
    }
}

// A portal that stopped answering would otherwise use up the whole population in seconds.
const int MaxErrors = 25;

async Task RunJourneysAsync(int? limit, DateTime? until)
{
    while ((until is null || DateTime.UtcNow < until) && stats.ErrorCount < MaxErrors && Take(limit) is { } number)
    {
        try
        {
            await new Journey(http, options, stats, number).RunAsync();
        }
        catch (JourneyException ex)
        {
            stats.Error(ex.Step, string.Create(CultureInfo.InvariantCulture, $"journey {number}: {ex.Message}"));
        }
    }
}

if (options.Warmup > 0 && options.Journeys is null)
{
    Console.WriteLine($"warming up with {options.Warmup} journeys…");
    var warmupEnd = next + options.Warmup;
    await Task.WhenAll(Enumerable.Range(0, Math.Min(options.Warmup, options.Concurrency)).Select(_ => RunJourneysAsync(warmupEnd, null)));
}

var firstMeasured = next;
stats.Recording = true;
var started = Stopwatch.GetTimestamp();
var measuredUntil = options.Journeys is null ? DateTime.UtcNow + options.Duration : (DateTime?)null;
var journeyLimit = options.Journeys is { } count ? firstMeasured + count : (int?)null;
Console.WriteLine(options.Journeys is { } j
    ? $"running {j} journeys, {options.Concurrency} at a time, from journey {firstMeasured}…"
    : $"running for {options.Duration.TotalSeconds:0} s, {options.Concurrency} journeys at a time, from journey {firstMeasured}…");
using var progress = new Timer(_ => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  {Stopwatch.GetElapsedTime(started).TotalSeconds,5:0} s: {stats.Filings} filed, {stats.ErrorCount} errors")), null, 10_000, 10_000);
await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => RunJourneysAsync(journeyLimit, measuredUntil)));
var elapsed = Stopwatch.GetElapsedTime(started);
await progress.DisposeAsync();

stats.Print(Console.Out, elapsed, options);
if (stats.ErrorCount >= MaxErrors)
{
    Console.WriteLine($"stopped early after {MaxErrors} errors");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"load generator CPU     {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s (warm-up included)"));
Console.WriteLine();
Console.WriteLine($"journeys {options.First}–{next - 1} used (warm-up included); next run against this data: --first {next}");
if (next >= end)
{
    Console.WriteLine($"the seeded population ({end} journeys) ran out: seed more with seed-load-population and pass --population");
}

var failed = stats.ErrorCount > 0 || stats.ServerErrors > 0 || stats.Journeys == 0;
Console.WriteLine(failed ? "FAILED: errors or 5xx responses (or nothing completed)" : "OK: no errors, no 5xx");
return failed ? 1 : 0;
