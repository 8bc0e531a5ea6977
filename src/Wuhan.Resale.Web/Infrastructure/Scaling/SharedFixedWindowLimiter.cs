using System.Globalization;
using System.Threading.RateLimiting;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure.Scaling;

/// <summary>
/// A framework <see cref="RateLimiter"/> whose permits are counted in the database (<see cref="SharedRateCounters"/>), so
/// the rate-limiting middleware, its 429 page and <c>Retry-After</c> work unchanged while every instance shares one count.
/// The synchronous attempt always declines, which makes the middleware take the asynchronous path that can reach the
/// database. When the database cannot be reached the request is let through (and logged): the page behind the limit
/// needs the same database and fails on its own, with its own message.
/// </summary>
public sealed partial class SharedFixedWindowLimiter(
    string key, int permitLimit, TimeSpan window, IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : RateLimiter
{
    private long _lastUsedTicks = clock.GetTimestamp();

    public override TimeSpan? IdleDuration => clock.GetElapsedTime(Interlocked.Read(ref _lastUsedTicks));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotYetCounted;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsedTicks, clock.GetTimestamp());
        if (permitCount == 0)
        {
            return Lease.Granted;
        }

        var now = clock.GetUtcNow();
        int count;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ResaleDbContext>();
            count = await SharedRateCounters.IncrementAsync(db, key, now, window, cancellationToken);
        }
        catch (Exception exception) when (exception is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            NotCounted(logger, exception, key.Split(':')[0]);
            return Lease.Granted;
        }

        if (count <= permitLimit)
        {
            return Lease.Granted;
        }

        var seconds = Math.Max(1, (long)window.TotalSeconds);
        var windowEnd = (now.ToUnixTimeSeconds() / seconds + 1) * seconds;
        return Lease.Refused(TimeSpan.FromSeconds(Math.Max(1, windowEnd - now.ToUnixTimeSeconds())));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shared rate limit {Limit} could not be counted; the request is let through")]
    private static partial void NotCounted(ILogger logger, Exception exception, string limit);

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        /// <summary>Not refused: only not counted yet (the middleware then asks asynchronously).</summary>
        public static readonly Lease NotYetCounted = new(false, null);

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } value && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = value;
                return true;
            }

            metadata = null;
            return false;
        }

        public override string ToString() => acquired ? "granted" : retryAfter?.TotalSeconds.ToString(CultureInfo.InvariantCulture) ?? "pending";
    }
}
