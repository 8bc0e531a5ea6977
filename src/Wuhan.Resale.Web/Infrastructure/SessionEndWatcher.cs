using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure;

/// <summary>Configuration section <c>Sessions</c>.</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Sessions";

    /// <summary>
    /// How often each instance asks which sessions ended elsewhere (sign-out or an administrator's action on another
    /// instance), so that it stops trusting them: the longest a session outlives its end on another instance.
    /// </summary>
    public TimeSpan EndPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Keeps the per-instance trust of <see cref="UserSessions"/> honest when the portal runs as several instances: every
/// <see cref="SessionOptions.EndPollInterval"/> it reads the ids of the sessions that ended lately (an indexed range on
/// <c>EndedAt</c>, usually empty) and forgets them, so the next request on this instance reads the session again and is
/// refused.
/// </summary>
public sealed partial class SessionEndWatcher(
    IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider clock, IOptions<SessionOptions> options,
    ILogger<SessionEndWatcher> logger) : BackgroundService
{
    /// <summary>Ends written this long before the last look are read again: clocks of instances and commits differ a little.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(30);

    private DateTimeOffset _lookedAt = clock.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EndPollInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await ForgetEndedAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One look: forgets the sessions that ended since shortly before the previous look.</summary>
    public async Task<int> ForgetEndedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = _lookedAt - Overlap;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ResaleDbContext>();
            var ended = await db.UserSessions.AsNoTracking()
                .Where(s => s.EndedAt != null && s.EndedAt >= since)
                .Select(s => s.Id)
                .ToListAsync(cancellationToken);
            foreach (var id in ended)
            {
                cache.Remove(UserSessions.CacheKey(id));
            }

            _lookedAt = now;
            return ended.Count;
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // The database is away: keep the old mark so nothing ended meanwhile is missed, and try again next tick.
            LookFailed(logger, exception);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the sessions that ended on other instances; trying again")]
    private static partial void LookFailed(ILogger logger, Exception exception);
}
