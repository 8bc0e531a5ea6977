using System.Collections.Concurrent;
using System.Globalization;

namespace Wuhan.Resale.LoadRun;

/// <summary>Timings per step, errors per step and completed journeys; thread-safe, switched off during warm-up.</summary>
internal sealed class Stats
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _timings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _firstErrors = new();
    private readonly ConcurrentQueue<string> _order = new();
    private int _serverErrors;
    private int _filings;
    private int _revocations;
    private int _journeys;

    public bool Recording { get; set; }

    public int Filings => _filings;

    public int Revocations => _revocations;

    public int Journeys => _journeys;

    public int ServerErrors => _serverErrors;

    public int ErrorCount => _errors.Values.Sum();

    public void Record(string step, TimeSpan elapsed, bool serverError)
    {
        if (serverError)
        {
            // A 5xx fails the run even during warm-up.
            Interlocked.Increment(ref _serverErrors);
        }

        if (!Recording)
        {
            return;
        }

        _timings.GetOrAdd(step, s =>
        {
            _order.Enqueue(s);
            return new ConcurrentQueue<double>();
        }).Enqueue(elapsed.TotalMilliseconds);
    }

    public void Error(string step, string message)
    {
        _errors.AddOrUpdate(step, 1, (_, n) => n + 1);
        if (_firstErrors.Count < 10)
        {
            _firstErrors.Enqueue(message);
        }
    }

    public void Filed()
    {
        if (Recording)
        {
            Interlocked.Increment(ref _filings);
        }
    }

    public void Revoked()
    {
        if (Recording)
        {
            Interlocked.Increment(ref _revocations);
        }
    }

    public void JourneyDone()
    {
        if (Recording)
        {
            Interlocked.Increment(ref _journeys);
        }
    }

    public void Print(TextWriter output, TimeSpan elapsed, LoadRunOptions options)
    {
        var inv = CultureInfo.InvariantCulture;
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var requests = _timings.Values.Sum(q => q.Count);
        output.WriteLine();
        output.WriteLine(string.Create(inv, $"load run against {string.Join(" + ", options.BaseUrls)} — concurrency {options.Concurrency}, {elapsed.TotalSeconds:0.0} s measured"));
        output.WriteLine(string.Create(inv, $"completed filings      {_filings} ({_filings / seconds:0.00}/s)"));
        output.WriteLine(string.Create(inv, $"completed journeys     {_journeys}, revocations {_revocations}"));
        output.WriteLine(string.Create(inv, $"requests               {requests} ({requests / seconds:0.0}/s)"));
        output.WriteLine(string.Create(inv, $"errors                 {ErrorCount}, 5xx responses {_serverErrors}"));
        output.WriteLine();
        output.WriteLine($"{"step",-22} {"count",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"errors",6}");
        foreach (var step in _order)
        {
            var values = _timings[step].ToArray();
            Array.Sort(values);
            output.WriteLine(string.Create(inv,
                $"{step,-22} {values.Length,7} {Percentile(values, 0.50),8:0.0} {Percentile(values, 0.95),8:0.0} {Percentile(values, 0.99),8:0.0} {values[^1],8:0.0} {_errors.GetValueOrDefault(step),6}"));
        }

        foreach (var (step, count) in _errors.Where(e => !_timings.ContainsKey(e.Key)))
        {
            output.WriteLine(string.Create(inv, $"{step,-22} {0,7} {"",8} {"",8} {"",8} {"",8} {count,6}"));
        }

        if (!_firstErrors.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine("first errors:");
            foreach (var message in _firstErrors)
            {
                output.WriteLine("  " + message);
            }
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
