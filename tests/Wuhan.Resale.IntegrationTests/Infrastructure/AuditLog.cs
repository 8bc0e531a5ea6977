using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Auditing;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>Reads the audit log the way a reviewer would: who did what to which object, with what outcome.</summary>
public static class AuditLog
{
    public static Task<List<AuditEvent>> OfAsync(PortalFactory factory, string action) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.OccurredAt).ToListAsync());

    /// <summary>The one event of this action about this object; fails when there is none or more than one.</summary>
    public static async Task<AuditEvent> SingleAsync(PortalFactory factory, string action, string? entityId = null)
    {
        var events = await OfAsync(factory, action);
        var matching = entityId is null ? events : events.Where(e => e.EntityId == entityId).ToList();
        return matching.Count == 1
            ? matching[0]
            : throw new Xunit.Sdk.XunitException(
                $"Expected one '{action}' audit event{(entityId is null ? "" : " for " + entityId)}, found {matching.Count} " +
                $"(all actions: {string.Join(", ", (await factory.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync())).Distinct())}).");
    }

    /// <summary>Asserts the event's actor, object and outcome, and that its detail names no ID or phone number.</summary>
    public static async Task<AuditEvent> AssertAsync(
        PortalFactory factory, string action, ActorKind actor, string? entityType, string? entityId, string? detailContains = null, string? actorName = null)
    {
        var e = await SingleAsync(factory, action, entityId);
        Xunit.Assert.Equal(actor, e.ActorKind);
        Xunit.Assert.Equal(entityType, e.EntityType);
        Xunit.Assert.Equal(entityId, e.EntityId);
        if (detailContains is not null)
        {
            Xunit.Assert.Contains(detailContains, e.Detail ?? string.Empty, StringComparison.Ordinal);
        }

        if (actorName is not null)
        {
            Xunit.Assert.Equal(actorName, e.ActorName);
        }

        Xunit.Assert.DoesNotMatch(@"(?<![\dA-Za-z])(1[3-9]\d{9}|\d{17}[\dXx])(?!\d)", e.Detail ?? string.Empty); // no phone or ID number
        return e;
    }
}
