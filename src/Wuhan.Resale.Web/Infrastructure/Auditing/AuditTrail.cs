using System.Diagnostics;
using System.Security.Claims;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure.Auditing;

/// <summary>
/// Adds audit events to the current unit of work, so an event is saved exactly when the change it describes is.
/// The actor comes from the signed-in principal; details must never hold an ID or phone number.
/// </summary>
public sealed class AuditTrail(ResaleDbContext db, IHttpContextAccessor httpContextAccessor, TimeProvider clock, AuditAppender appender)
{
    public void Record(string action, string? entityType, string? entityId, string? detail = null, AuditActor? actor = null) =>
        db.AuditEvents.Add(Create(action, entityType, entityId, detail, actor));

    /// <summary>Records and saves at once, for events that stand alone (a refused sign-in changes nothing else).</summary>
    public async Task RecordNowAsync(string action, string? entityType, string? entityId, string? detail = null, AuditActor? actor = null)
    {
        Record(action, entityType, entityId, detail, actor);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Records an event that stands alone and changes nothing, such as a download, and returns once it is saved. Unlike
    /// <see cref="RecordNowAsync"/> it does not save this request's other changes: it is saved on its own, together
    /// with other such events arriving at the same time (<see cref="AuditAppender"/>).
    /// </summary>
    public Task RecordAloneAsync(string action, string? entityType, string? entityId, string? detail = null, AuditActor? actor = null) =>
        appender.AppendAsync(Create(action, entityType, entityId, detail, actor));

    private AuditEvent Create(string action, string? entityType, string? entityId, string? detail, AuditActor? actor)
    {
        var http = httpContextAccessor.HttpContext;
        var who = actor ?? AuditActor.From(http?.User);
        var now = clock.GetUtcNow();
        return new AuditEvent(
            Guid.CreateVersion7(now),
            now,
            who.Kind,
            who.Id,
            who.Name,
            action,
            entityType,
            entityId,
            detail is null ? null : PersonalDataRedaction.Redact(detail),
            http?.Connection.RemoteIpAddress?.ToString(),
            Activity.Current?.TraceId.ToString() ?? http?.TraceIdentifier);
    }
}

public sealed record AuditActor(ActorKind Kind, string? Id, string Name)
{
    public static readonly AuditActor Anonymous = new(ActorKind.Anonymous, null, "匿名");

    public static AuditActor From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var kind = user.IsInRole(Roles.CounterClerk) || user.IsInRole(Roles.Administrator) ? ActorKind.Staff : ActorKind.Citizen;
        return new AuditActor(kind, user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(PortalClaims.AuditName) ?? "未知用户");
    }
}
