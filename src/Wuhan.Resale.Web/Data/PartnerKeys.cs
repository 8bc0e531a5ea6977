namespace Wuhan.Resale.Web.Data;

/// <summary>Partner API keys are stored only as a keyed hash, found by the hash of the key presented.</summary>
public static class PartnerKeys
{
    public static string Hash(ResaleDbContext db, string key)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.LookupHash("partner-key:" + key.Trim());
    }
}
