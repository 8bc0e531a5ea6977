namespace Wuhan.Resale.Web.Data;

/// <summary>
/// Which instance runs a periodic job now: a job runs where its lease is held, and a lease that is not renewed (the
/// instance stopped) passes to another instance once it has run out.
/// </summary>
public sealed class JobLease
{
    public const int NameLength = 40;
    public const int HolderLength = 64;

    public JobLease(string name, string holder, DateTimeOffset leasedUntil)
    {
        Name = name;
        Holder = holder;
        LeasedUntil = leasedUntil;
    }

    public string Name { get; private set; }

    public string Holder { get; private set; }

    public DateTimeOffset LeasedUntil { get; private set; }
}
