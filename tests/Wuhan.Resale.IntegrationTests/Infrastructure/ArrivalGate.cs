namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>
/// Holds every caller that arrives while it is armed until the expected number of callers are there, then lets all of
/// them go at once: a race test arms it, so its requests provably overlap instead of maybe overlapping. A caller that
/// waits longer than <see cref="Timeout"/> fails with <see cref="TimeoutException"/> (a safety net against a test that
/// would otherwise hang, not a timing assertion), and <see cref="Arrived"/> lets the test assert that all came.
/// </summary>
public sealed class ArrivalGate
{
    private readonly object _lock = new();
    private int _expected;
    private int _arrived;
    private TaskCompletionSource _met = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TimeSpan Timeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>How many callers reached the gate since it was last armed.</summary>
    public int Arrived
    {
        get
        {
            lock (_lock)
            {
                return _arrived;
            }
        }
    }

    /// <summary>Holds the next <paramref name="callers"/> callers until all of them have arrived.</summary>
    public void Arm(int callers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(callers, 2);
        lock (_lock)
        {
            (_expected, _arrived, _met) = (callers, 0, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
    }

    /// <summary>Returns when every expected caller has arrived (at once when the gate is not armed).</summary>
    public Task ArriveAsync()
    {
        lock (_lock)
        {
            if (_expected == 0)
            {
                return Task.CompletedTask;
            }

            if (++_arrived == _expected)
            {
                _expected = 0;
                _met.SetResult();
            }

            return _met.Task.WaitAsync(Timeout);
        }
    }
}
