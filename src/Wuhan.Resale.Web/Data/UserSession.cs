namespace Wuhan.Resale.Web.Data;

/// <summary>
/// One signed-in session on the server: the cookie only carries its id, so ending the row ends the session wherever the
/// cookie is replayed. Idle and absolute limits are checked on the row as well as on the cookie.
/// </summary>
public sealed class UserSession
{
    public const int UserAgentLength = 200;
    public const int ClientAddressLength = 45;

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(20);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(8);

    /// <summary>Last-seen is written at most this often, so most requests only read the row.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private UserSession() { UserId = string.Empty; }

    public UserSession(Guid id, string userId, SessionKind kind, DateTimeOffset now, string? userAgent, string? clientAddress)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        Id = id;
        UserId = userId;
        Kind = kind;
        CreatedAt = now;
        LastSeenAt = now;
        UserAgent = Truncate(userAgent, UserAgentLength);
        ClientAddress = Truncate(clientAddress, ClientAddressLength);
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public SessionKind Kind { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public SessionEndReason? EndReason { get; private set; }

    public string? UserAgent { get; private set; }

    public string? ClientAddress { get; private set; }

    /// <summary>Why the session is over by time alone at <paramref name="now"/>, or null while it may go on.</summary>
    public SessionEndReason? TimedOutAt(DateTimeOffset now) =>
        now - CreatedAt > AbsoluteTimeout ? SessionEndReason.AbsoluteTimeout
        : now - LastSeenAt > IdleTimeout ? SessionEndReason.IdleTimeout
        : null;

    public bool IsActive(DateTimeOffset now) => EndedAt is null && TimedOutAt(now) is null;

    /// <summary>Ends the session once; a session already ended keeps its first reason.</summary>
    public bool End(DateTimeOffset now, SessionEndReason reason)
    {
        if (EndedAt is not null)
        {
            return false;
        }

        EndedAt = now;
        EndReason = reason;
        return true;
    }

    /// <summary>Moves last-seen forward when it is at least <see cref="TouchInterval"/> old; true when it changed.</summary>
    public bool Touch(DateTimeOffset now)
    {
        if (now - LastSeenAt < TouchInterval)
        {
            return false;
        }

        LastSeenAt = now;
        return true;
    }

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}

public enum SessionKind
{
    Citizen,
    Staff,
}

public enum SessionEndReason
{
    SignedOut,
    IdleTimeout,
    AbsoluteTimeout,
    EndedByOwner,
    AccountDisabled,
    RoleChanged,
    PasswordReset,
}
