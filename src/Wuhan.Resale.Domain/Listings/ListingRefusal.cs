namespace Wuhan.Resale.Domain.Listings;

/// <summary>Why a home cannot be verified for an online sale; each has a message a person understands.</summary>
public enum ListingRefusal
{
    NotOwner,
    NotInWuhan,
    Seized,
    Mortgaged,
    UnderObjection,
    UnderAdvanceNotice,
    AlreadyListed,
}

public static class ListingRefusalExtensions
{
    public static string Message(this ListingRefusal refusal) => refusal switch
    {
        ListingRefusal.NotOwner => "该房屋不在您的名下，您不能为它办理网签。",
        ListingRefusal.NotInWuhan => "该房屋不在武汉市范围内，不能通过本平台办理网签。",
        ListingRefusal.Seized => "该房屋已被司法机关查封，查封解除前不能出售。",
        ListingRefusal.Mortgaged => "该房屋设有抵押，请先还清贷款并办理抵押注销登记后再申请网签；抵押权人银行同意的，可以选择“带押过户”办理。",
        ListingRefusal.UnderObjection => "该房屋存在异议登记，异议消除前不能办理网签。",
        ListingRefusal.UnderAdvanceNotice => "该房屋已办理预告登记，预告登记注销前不能再次出售。",
        ListingRefusal.AlreadyListed => "该房屋已有正在办理的房源核验或网签合同，不能重复核验。",
        _ => "该房屋暂不能办理网签。",
    };
}
