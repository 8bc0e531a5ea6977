namespace Wuhan.Resale.Domain.Auditing;

public enum ActorKind
{
    Citizen,
    Staff,
    Partner,
    Anonymous,
    System,
}

/// <summary>
/// Who did what, when and from where. Written for every state change; never holds an ID or phone number
/// (actors are referenced by id and a masked display name).
/// </summary>
public sealed class AuditEvent
{
    public const int MaxDetailLength = 1000;

    private AuditEvent() { Action = ActorName = string.Empty; }

    public AuditEvent(
        Guid id,
        DateTimeOffset occurredAt,
        ActorKind actorKind,
        string? actorId,
        string actorName,
        string action,
        string? entityType,
        string? entityId,
        string? detail,
        string? ipAddress,
        string? traceId)
    {
        Id = id;
        OccurredAt = occurredAt;
        ActorKind = actorKind;
        ActorId = actorId;
        ActorName = actorName;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail;
        IpAddress = ipAddress;
        TraceId = traceId;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public ActorKind ActorKind { get; private set; }

    public string? ActorId { get; private set; }

    public string ActorName { get; private set; }

    /// <summary>A stable action name such as "listing.verified" or "contract.revoked".</summary>
    public string Action { get; private set; }

    public string? EntityType { get; private set; }

    public string? EntityId { get; private set; }

    public string? Detail { get; private set; }

    public string? IpAddress { get; private set; }

    public string? TraceId { get; private set; }
}
