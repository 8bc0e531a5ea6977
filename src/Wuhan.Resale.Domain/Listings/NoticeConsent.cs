namespace Wuhan.Resale.Domain.Listings;

/// <summary>
/// 用户须知: a person agreed to this version of the notice, for one property query, before generating a 房源编码.
/// Stored as it was given; a listing verified from the query copies its version and time.
/// </summary>
public sealed class NoticeConsent
{
    private NoticeConsent() { NoticeVersion = string.Empty; }

    public NoticeConsent(Guid id, Guid personId, Guid queryId, string noticeVersion, DateTimeOffset consentedAt, string? ipAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(noticeVersion);
        Id = id;
        PersonId = personId;
        QueryId = queryId;
        NoticeVersion = noticeVersion;
        ConsentedAt = consentedAt;
        IpAddress = ipAddress;
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid QueryId { get; private set; }

    public string NoticeVersion { get; private set; }

    public DateTimeOffset ConsentedAt { get; private set; }

    public string? IpAddress { get; private set; }
}

/// <summary>The notice text lives in the view _UserNotice.cshtml; change this version whenever the text changes.</summary>
public static class UserNotice
{
    public const string Version = "2026-11-v1";
}
