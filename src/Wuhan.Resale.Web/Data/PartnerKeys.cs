namespace Wuhan.Resale.Web.Data;

/// <summary>
/// Partner API keys are stored only as a keyed hash, found by the hash of the key presented exactly as sent: a key in
/// another letter case is another (unknown) key.
/// </summary>
public static class PartnerKeys
{
    public static string Hash(ResaleDbContext db, string key)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.SecretHash("partner-key:" + key);
    }

    /// <summary>How keys were hashed before (trimmed, upper-cased); only to upgrade stored demo keys.</summary>
    public static string LegacyHash(ResaleDbContext db, string key)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.LookupHash("partner-key:" + key.Trim());
    }
}
