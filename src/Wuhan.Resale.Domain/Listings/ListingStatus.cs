namespace Wuhan.Resale.Domain.Listings;

/// <summary>The life of a verified home (房源), SPEC §3.</summary>
public enum ListingStatus
{
    /// <summary>已核验: verified and classified; the seller names the buyers next.</summary>
    Verified,

    /// <summary>待线下办理: 限购 cannot be determined; the seller must file at the district office.</summary>
    PendingOffline,

    /// <summary>已确认买方: buyers saved; the contract can be filled in.</summary>
    BuyersConfirmed,

    /// <summary>已网签: a filed contract holds the home.</summary>
    Filed,

    /// <summary>已办结: the transfer was registered (备案).</summary>
    Completed,

    /// <summary>已释放: the filing was revoked; the home can be verified again.</summary>
    Released,

    /// <summary>已线下办结: staff closed the case as handled at the counter.</summary>
    ClosedOffline,

    /// <summary>已撤回: an owner withdrew the home before any contract was filed; it can be verified again.</summary>
    Withdrawn,
}

public static class ListingStatusExtensions
{
    public static string DisplayName(this ListingStatus status) => status switch
    {
        ListingStatus.Verified => "已核验",
        ListingStatus.PendingOffline => "待线下办理",
        ListingStatus.BuyersConfirmed => "已确认买方",
        ListingStatus.Filed => "已网签",
        ListingStatus.Completed => "已办结",
        ListingStatus.Released => "已释放",
        ListingStatus.ClosedOffline => "已线下办结",
        ListingStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };

    /// <summary>A live listing holds its home: no second listing of the same certificate may exist.</summary>
    public static bool IsLive(this ListingStatus status) =>
        status is ListingStatus.Verified or ListingStatus.PendingOffline
            or ListingStatus.BuyersConfirmed or ListingStatus.Filed;
}
