namespace Wuhan.Resale.Web.Data;

/// <summary>
/// The first answer a partner received for an Idempotency-Key, kept in the database so that every instance of the portal
/// replays the same answer to a retry: same key and same request → the stored answer, nothing changes; same key and
/// another request → refused.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 100;

    private IdempotencyRecord() { Key = RequestHash = ResponseJson = string.Empty; }

    public IdempotencyRecord(Guid partnerId, string key, string requestHash, int statusCode, string responseJson, DateTimeOffset createdAt)
    {
        PartnerId = partnerId;
        Key = key;
        RequestHash = requestHash;
        StatusCode = statusCode;
        ResponseJson = responseJson;
        CreatedAt = createdAt;
    }

    /// <summary>Keys are the partner's own: two banks may use the same key without meeting.</summary>
    public Guid PartnerId { get; private set; }

    public string Key { get; private set; }

    /// <summary>SHA-256 of the operation, its route values and its body, as the first request sent them.</summary>
    public string RequestHash { get; private set; }

    public int StatusCode { get; private set; }

    public string ResponseJson { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
