namespace Wuhan.Resale.Web.Data;

/// <summary>
/// Requests counted in one fixed window for one client of one limit (e.g. sign-in posts of one address in one minute),
/// kept in the database so that every instance of the portal counts the same requests.
/// </summary>
public sealed class RateCounter
{
    public const int KeyLength = 80;

    public RateCounter(string key, long windowStart, long expiresAt, int count)
    {
        Key = key;
        WindowStart = windowStart;
        ExpiresAt = expiresAt;
        Count = count;
    }

    /// <summary>The limit's name and a hash of the client (never an address or an API key in clear).</summary>
    public string Key { get; private set; }

    /// <summary>Start of the window, Unix seconds (a number, so every provider compares it the same way).</summary>
    public long WindowStart { get; private set; }

    /// <summary>End of the window, Unix seconds; rows past it are deleted.</summary>
    public long ExpiresAt { get; private set; }

    public int Count { get; private set; }
}
