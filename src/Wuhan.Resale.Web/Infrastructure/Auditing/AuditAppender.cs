using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure.Auditing;

/// <summary>
/// Writes audit events that stand alone (nothing else changes with them, such as a download) in shared saves: events
/// that arrive while a save is under way wait for it and are then saved together, sealed into the chain in one
/// transaction. Each caller still returns only once its own event is committed, so nothing is served unrecorded;
/// concurrent callers just share one commit (and, on SQLite, one wait for the write lock and one sync to disk).
/// </summary>
public sealed partial class AuditAppender(IServiceScopeFactory scopes, ILogger<AuditAppender> logger)
{
    /// <summary>At most this many events go into one save; the rest wait for the next.</summary>
    private const int MaxBatch = 256;

    private readonly object _gate = new();
    private List<(AuditEvent Event, TaskCompletionSource Saved)> _queue = [];
    private bool _saving;

    /// <summary>Saves <paramref name="auditEvent"/>, possibly with others; completes when it is committed.</summary>
    public Task AppendAsync(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _queue.Add((auditEvent, saved));
            start = !_saving;
            _saving = true;
        }

        if (start)
        {
            _ = Task.Run(SaveQueuedAsync);
        }

        return saved.Task;
    }

    private async Task SaveQueuedAsync()
    {
        while (true)
        {
            List<(AuditEvent Event, TaskCompletionSource Saved)> batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _saving = false;
                    return;
                }

                if (_queue.Count <= MaxBatch)
                {
                    (batch, _queue) = (_queue, []);
                }
                else
                {
                    batch = _queue[..MaxBatch];
                    _queue.RemoveRange(0, MaxBatch);
                }
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ResaleDbContext>();
                foreach (var (auditEvent, _) in batch)
                {
                    db.AuditEvents.Add(auditEvent);
                }

                await db.SaveChangesAsync();
                foreach (var (_, saved) in batch)
                {
                    saved.TrySetResult();
                }
            }
#pragma warning disable CA1031 // Every waiting caller gets the failure; the loop goes on for those queued after.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSaveFailed(logger, ex, batch.Count);
                foreach (var (_, saved) in batch)
                {
                    saved.TrySetException(ex);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Saving {Count} audit events failed")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, int count);
}
