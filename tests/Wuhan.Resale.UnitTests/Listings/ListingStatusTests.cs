using Wuhan.Resale.Domain.Listings;

namespace Wuhan.Resale.UnitTests.Listings;

public class ListingStatusTests
{
    [Theory]
    [InlineData(ListingStatus.Verified, true)]
    [InlineData(ListingStatus.PendingOffline, true)]
    [InlineData(ListingStatus.BuyersConfirmed, true)]
    [InlineData(ListingStatus.Filed, true)]
    [InlineData(ListingStatus.Completed, false)]
    [InlineData(ListingStatus.Released, false)]
    [InlineData(ListingStatus.ClosedOffline, false)]
    [InlineData(ListingStatus.Withdrawn, false)]
    public void IsLive_IsTrueExactlyForVerifiedPendingOfflineBuyersConfirmedAndFiled(ListingStatus status, bool expected)
    {
        Assert.Equal(expected, status.IsLive());
    }

    [Fact]
    public void IsLive_CoversEveryStatus()
    {
        var live = Enum.GetValues<ListingStatus>().Where(s => s.IsLive()).ToArray();

        Assert.Equal(
            [ListingStatus.Verified, ListingStatus.PendingOffline, ListingStatus.BuyersConfirmed, ListingStatus.Filed],
            live);
    }

    [Theory]
    [InlineData(ListingStatus.Verified, "已核验")]
    [InlineData(ListingStatus.PendingOffline, "待线下办理")]
    [InlineData(ListingStatus.BuyersConfirmed, "已确认买方")]
    [InlineData(ListingStatus.Filed, "已网签")]
    [InlineData(ListingStatus.Completed, "已办结")]
    [InlineData(ListingStatus.Released, "已释放")]
    [InlineData(ListingStatus.ClosedOffline, "已线下办结")]
    [InlineData(ListingStatus.Withdrawn, "已撤回")]
    public void DisplayName_IsTheChineseName(ListingStatus status, string expected)
    {
        Assert.Equal(expected, status.DisplayName());
    }

    [Fact]
    public void DisplayName_IsChineseAndDistinct_ForEveryStatus()
    {
        var names = Enum.GetValues<ListingStatus>().Select(s => s.DisplayName()).ToList();

        Assert.All(names, n => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", n));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Message_IsSpecificNonEmptyChinese_ForEveryRefusal()
    {
        var messages = Enum.GetValues<ListingRefusal>().Select(r => r.Message()).ToList();

        Assert.All(messages, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m);
            Assert.NotEqual("该房屋暂不能办理网签。", m);
        });
        Assert.Equal(messages.Count, messages.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(ListingRefusal.NotOwner, "不在您的名下")]
    [InlineData(ListingRefusal.NotInWuhan, "不在武汉市")]
    [InlineData(ListingRefusal.Seized, "查封")]
    [InlineData(ListingRefusal.Mortgaged, "抵押")]
    [InlineData(ListingRefusal.UnderObjection, "异议登记")]
    [InlineData(ListingRefusal.UnderAdvanceNotice, "预告登记")]
    [InlineData(ListingRefusal.AlreadyListed, "重复核验")]
    public void ListingRefusedException_CarriesTheReasonAndItsMessage(ListingRefusal reason, string keyWords)
    {
        var ex = new ListingRefusedException(reason);

        Assert.Equal(reason, ex.Reason);
        Assert.Equal(reason.Message(), ex.Message);
        Assert.Contains(keyWords, ex.Message, StringComparison.Ordinal);
    }
}
