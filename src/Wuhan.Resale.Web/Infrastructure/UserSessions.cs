using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Infrastructure;

/// <summary>
/// Server-side sessions: started at sign-in, checked on authenticated requests (one primary-key read at most every
/// <see cref="TrustFor"/> per session and instance, a write at most once a minute), ended by sign-out, by time, by the
/// person on another device or by an administrator. Every end is audited; rows go 30 days after their last use
/// (Retention:Sessions, <see cref="Retention.RetentionJob"/>).
/// <para>
/// Between two reads an instance trusts its last answer for <see cref="TrustFor"/>: a session ended on this instance is
/// refused at once (its entry is removed), one ended on another instance as soon as this instance's
/// <see cref="SessionEndWatcher"/> sees the end (every <see cref="SessionOptions.EndPollInterval"/>, 2 s by default).
/// </para>
/// </summary>
public sealed class UserSessions(
    ResaleDbContext db, AuditTrail audit, IHttpContextAccessor httpContextAccessor, TimeProvider clock, IMemoryCache cache)
{
    /// <summary>How long one instance relies on a session check before it reads the session again.</summary>
    public static readonly TimeSpan TrustFor = TimeSpan.FromSeconds(15);

    private sealed record CheckedSession(string UserId, DateTimeOffset CheckedAt);

    /// <summary>Adds a new session for the account to the unit of work and returns its id for the cookie.</summary>
    public async Task<Guid> StartAsync(ApplicationUser user, SessionKind kind)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        var http = httpContextAccessor.HttpContext;
        var session = new UserSession(
            Guid.CreateVersion7(now), user.Id, kind, now,
            http?.Request.Headers.UserAgent.ToString(), http?.Connection.RemoteIpAddress?.ToString());
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    /// <summary>
    /// Whether the principal's session is still going on; ends it (and says why in the audit log) when its time is up.
    /// </summary>
    public async Task<bool> ValidateAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (!TryGetSessionId(principal, out var id))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (cache.TryGetValue(CacheKey(id), out CheckedSession? recent) && recent is not null && recent.UserId == userId
            && now >= recent.CheckedAt && now - recent.CheckedAt < TrustFor)
        {
            return true;
        }

        var session = await db.UserSessions.FindAsync(id);
        if (session is null || session.EndedAt is not null || session.UserId != userId)
        {
            return false;
        }

        if (session.TimedOutAt(now) is { } timedOut)
        {
            // The request is not authenticated yet, so the audit actor is taken from the cookie's principal.
            EndAndRecord(session, now, timedOut, AuditActor.From(principal));
            await db.SaveChangesAsync();
            return false;
        }

        if (session.Touch(now))
        {
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Last-seen is best effort: a busy database or a row just cleaned up must not fail the page. A row that
                // is gone is refused on the next request.
                db.Entry(session).State = EntityState.Detached;
            }
        }

        cache.Set(CacheKey(id), new CheckedSession(session.UserId, now),
            new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TrustFor, Size = 1 });
        return true;
    }

    /// <summary>Ends the signed-in principal's own current session (退出登录).</summary>
    public async Task EndCurrentAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (TryGetSessionId(principal, out var id) && await db.UserSessions.FindAsync(id) is { } session
            && session.UserId == principal.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            EndAndRecord(session, clock.GetUtcNow(), SessionEndReason.SignedOut);
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Ends one session of the given account; false when the account has no such open session.</summary>
    public async Task<bool> EndOwnAsync(string userId, Guid sessionId)
    {
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null);
        if (session is null)
        {
            return false;
        }

        EndAndRecord(session, clock.GetUtcNow(), SessionEndReason.EndedByOwner);
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Ends every open session of an account at once (disabled, role changed, password reset).</summary>
    public async Task<int> EndAllAsync(string userId, SessionEndReason reason)
    {
        var open = await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync();
        var now = clock.GetUtcNow();
        foreach (var session in open)
        {
            EndAndRecord(session, now, reason);
        }

        await db.SaveChangesAsync();
        return open.Count;
    }

    /// <summary>The account's sessions that are still going on, newest first.</summary>
    public async Task<IReadOnlyList<UserSession>> ActiveAsync(string userId)
    {
        var now = clock.GetUtcNow();
        var open = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync();
        return [.. open.Where(s => s.IsActive(now)).OrderByDescending(s => s.CreatedAt)];
    }

    public static bool TryGetSessionId(ClaimsPrincipal principal, out Guid id) =>
        Guid.TryParse(principal?.FindFirstValue(PortalClaims.SessionId), out id);

    public static string Describe(SessionEndReason reason) => reason switch
    {
        SessionEndReason.SignedOut => "退出登录",
        SessionEndReason.IdleTimeout => "超过20分钟未操作",
        SessionEndReason.AbsoluteTimeout => "登录已满8小时",
        SessionEndReason.EndedByOwner => "本人在其他会话中结束",
        SessionEndReason.AccountDisabled => "账号被停用",
        SessionEndReason.RoleChanged => "角色被修改",
        SessionEndReason.PasswordReset => "密码被重置",
        _ => reason.ToString(),
    };

    internal static string CacheKey(Guid sessionId) => "user-session:" + sessionId.ToString("N");

    private void EndAndRecord(UserSession session, DateTimeOffset now, SessionEndReason reason, AuditActor? actor = null)
    {
        cache.Remove(CacheKey(session.Id));
        if (session.End(now, reason))
        {
            audit.Record(reason == SessionEndReason.SignedOut ? "logout" : "session.ended",
                nameof(UserSession), session.Id.ToString(), "会话结束：" + Describe(reason), actor);
        }
    }
}
