namespace Wuhan.Resale.Web.Features.ListingVerification;

/// <summary>用户须知: the version of the notice a person agreed to before generating a 房源编码, for one query.</summary>
public sealed class NoticeConsentRecord
{
    private NoticeConsentRecord() { NoticeVersion = string.Empty; }

    public NoticeConsentRecord(Guid id, Guid personId, Guid queryId, string noticeVersion, DateTimeOffset consentedAt, string? ipAddress)
    {
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
