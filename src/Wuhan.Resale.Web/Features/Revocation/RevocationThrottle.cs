using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Wuhan.Resale.Web.Features.Revocation;

/// <summary>Configuration section "Revocation".</summary>
public sealed class RevocationOptions
{
    public const string SectionName = "Revocation";

    /// <summary>Look-ups (contract number + ID number) allowed per client address in each window.</summary>
    public int AttemptsPerAddress { get; set; } = 20;

    /// <summary>Look-ups allowed per contract number in each window, whoever makes them.</summary>
    public int AttemptsPerContract { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long before the code can be sent again on the revocation page.</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromSeconds(120);
}

/// <summary>
/// Limits guesses on the anonymous revocation page, per client address and per contract number, so neither a
/// contract number nor the ID numbers of its parties can be found by trying. Kept in memory per instance.
/// </summary>
public sealed class RevocationThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byContract;

    public RevocationThrottle(IOptions<RevocationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _byAddress = Create(o.AttemptsPerAddress, o.Window);
        _byContract = Create(o.AttemptsPerContract, o.Window);
    }

    /// <summary>True when this attempt is allowed; every attempt counts, right or wrong.</summary>
    public bool TryAcquire(string? address, string contractNumber)
    {
        using var a = _byAddress.AttemptAcquire(address ?? "unknown");
        if (!a.IsAcquired)
        {
            return false;
        }

        using var c = _byContract.AttemptAcquire(contractNumber.Trim().ToUpperInvariant());
        return c.IsAcquired;
    }

    public void Dispose()
    {
        _byAddress.Dispose();
        _byContract.Dispose();
    }

    private static PartitionedRateLimiter<string> Create(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        }));
}
