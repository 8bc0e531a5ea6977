using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Listings;

public class ListingBuyersTests
{
    private static readonly DateTimeOffset _later = TestData.Now.AddHours(1);

    [Fact]
    public void ReplaceBuyers_MovesVerifiedToBuyersConfirmed_WithBuyersInOrder()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);

        listing.ReplaceBuyers(
            [
                BuyerDetailsBuilder.Buyer("  王五 ", TestData.BuyerIdNumbers[0], "14000000101"),
                BuyerDetailsBuilder.Buyer("赵六", TestData.BuyerIdNumbers[3], "14000000102"),
            ],
            _later);

        Assert.Equal(ListingStatus.BuyersConfirmed, listing.Status);
        Assert.Equal(_later, listing.UpdatedAt);
        Assert.Collection(
            listing.Buyers,
            b =>
            {
                Assert.Equal(1, b.Order);
                Assert.Equal("王五", b.Name);
                Assert.Equal(IdType.ResidentIdCard, b.IdType);
                Assert.Equal(TestData.BuyerIdNumbers[0], b.IdNumber);
                Assert.Equal("14000000101", b.Phone);
            },
            b =>
            {
                Assert.Equal(2, b.Order);
                Assert.Equal("赵六", b.Name);
                Assert.Equal("42011119900101103X", b.IdNumber);
                Assert.Equal("14000000102", b.Phone);
            });
        Assert.NotEqual(listing.Buyers[0].Id, listing.Buyers[1].Id);
    }

    [Fact]
    public void ReplaceBuyers_ReplacesTheWholeSet_WhenBuyersWereAlreadyConfirmed()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);
        listing.ReplaceBuyers(BuyerDetailsBuilder.Many(2, firstIndex: 0), TestData.Now);

        listing.ReplaceBuyers(BuyerDetailsBuilder.Many(3, firstIndex: 5), _later);

        Assert.Equal(ListingStatus.BuyersConfirmed, listing.Status);
        Assert.Equal([1, 2, 3], listing.Buyers.Select(b => b.Order));
        Assert.Equal(
            [TestData.BuyerIdNumbers[5], TestData.BuyerIdNumbers[6], TestData.BuyerIdNumbers[7]],
            listing.Buyers.Select(b => b.IdNumber));
    }

    [Fact]
    public void ReplaceBuyers_IsAllowed_WithExactlyMaxBuyers()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);

        listing.ReplaceBuyers(BuyerDetailsBuilder.Many(Listing.MaxBuyers), _later);

        Assert.Equal(Listing.MaxBuyers, listing.Buyers.Count);
        Assert.Equal(Enumerable.Range(1, Listing.MaxBuyers), listing.Buyers.Select(b => b.Order));
    }

    [Fact]
    public void ReplaceBuyers_IsRefusedWithOfflineMessage_WhenTheListingIsPendingOffline()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.PendingOffline);

        var ex = Assert.Throws<DomainException>(() => listing.ReplaceBuyers(BuyerDetailsBuilder.Many(1), _later));

        Assert.Contains("线下", ex.Message, StringComparison.Ordinal);
        Assert.Contains("不能在线添加购房人", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ListingStatus.PendingOffline, listing.Status);
        Assert.Empty(listing.Buyers);
    }

    [Theory]
    [InlineData(ListingStatus.Filed, "已网签")]
    [InlineData(ListingStatus.Released, "已释放")]
    [InlineData(ListingStatus.Completed, "已办结")]
    [InlineData(ListingStatus.ClosedOffline, "已线下办结")]
    public void ReplaceBuyers_IsRefused_WhenTheListingIsPastBuyerConfirmation(ListingStatus status, string displayName)
    {
        var listing = new ListingBuilder().BuildIn(status);
        var buyersBefore = listing.Buyers.Select(b => b.IdNumber).ToList();

        var ex = Assert.Throws<DomainException>(
            () => listing.ReplaceBuyers(BuyerDetailsBuilder.Many(2, firstIndex: 5), _later));

        Assert.Contains(displayName, ex.Message, StringComparison.Ordinal);
        Assert.Contains("购房人信息已不能修改", ex.Message, StringComparison.Ordinal);
        Assert.Equal(status, listing.Status);
        Assert.Equal(buyersBefore, listing.Buyers.Select(b => b.IdNumber));
    }

    [Fact]
    public void ReplaceBuyers_IsRefused_WhenThereAreNoBuyers()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);

        var ex = Assert.Throws<DomainException>(() => listing.ReplaceBuyers([], _later));

        Assert.Contains("至少添加一位购房人", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ListingStatus.Verified, listing.Status);
    }

    [Fact]
    public void ReplaceBuyers_IsRefused_WhenThereAreMoreThanMaxBuyers()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);

        var ex = Assert.Throws<DomainException>(
            () => listing.ReplaceBuyers(BuyerDetailsBuilder.Many(Listing.MaxBuyers + 1), _later));

        Assert.Contains("购房人最多10位", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ListingStatus.Verified, listing.Status);
        Assert.Empty(listing.Buyers);
    }

    [Fact]
    public void ReplaceBuyers_IsRefused_WhenTheSameBuyerAppearsTwice()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);

        var ex = Assert.Throws<DomainException>(() => listing.ReplaceBuyers(
            [
                BuyerDetailsBuilder.Buyer("王五", TestData.BuyerIdNumbers[0]),
                BuyerDetailsBuilder.Buyer("王五", TestData.BuyerIdNumbers[0]),
            ],
            _later));

        Assert.Contains("第2位购房人", ex.Message, StringComparison.Ordinal);
        Assert.Contains("重复", ex.Message, StringComparison.Ordinal);
        Assert.Empty(listing.Buyers);
    }

    [Fact]
    public void ReplaceBuyers_IsRefused_WhenABuyerIsTheSellingOwner()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);

        var ex = Assert.Throws<DomainException>(() => listing.ReplaceBuyers(
            [BuyerDetailsBuilder.Buyer(TestData.SellerName, TestData.SellerIdNumber)],
            _later));

        Assert.Contains("第1位购房人是该房屋的产权人", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ListingStatus.Verified, listing.Status);
        Assert.Empty(listing.Buyers);
    }

    [Fact]
    public void ReplaceBuyers_IsRefused_WhenABuyerIsACoOwnerOfTheHome()
    {
        var home = new PropertyFactsBuilder()
            .OwnedBy(TestData.SellerName, TestData.SellerIdNumber)
            .OwnedBy(TestData.CoOwnerName, TestData.CoOwnerIdNumber);
        var listing = new ListingBuilder().WithHome(home).BuildIn(ListingStatus.Verified);

        var ex = Assert.Throws<DomainException>(() => listing.ReplaceBuyers(
            [
                BuyerDetailsBuilder.Buyer("王五", TestData.BuyerIdNumbers[0]),
                BuyerDetailsBuilder.Buyer(TestData.CoOwnerName, TestData.CoOwnerIdNumber),
            ],
            _later));

        Assert.Contains("第2位购房人是该房屋的产权人", ex.Message, StringComparison.Ordinal);
        Assert.Empty(listing.Buyers);
    }

    /// <summary>
    /// A refused operation must leave the aggregate as it was. ReplaceBuyers validates duplicates and owners
    /// before clearing the list, but the name is only normalised (and may be refused) after the list was cleared.
    /// </summary>
    [Fact]
    public void ReplaceBuyers_LeavesTheConfirmedBuyersUntouched_WhenALaterBuyersNameIsRefused()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);
        listing.ReplaceBuyers(BuyerDetailsBuilder.Many(2, firstIndex: 0), TestData.Now);

        var ex = Assert.Throws<DomainException>(() => listing.ReplaceBuyers(
            [
                BuyerDetailsBuilder.Buyer("王五", TestData.BuyerIdNumbers[5]),
                BuyerDetailsBuilder.Buyer("   ", TestData.BuyerIdNumbers[6]),
            ],
            _later));

        Assert.Contains("姓名不能为空", ex.Message, StringComparison.Ordinal);
        Assert.Equal(
            [TestData.BuyerIdNumbers[0], TestData.BuyerIdNumbers[1]],
            listing.Buyers.Select(b => b.IdNumber));
    }
}
